# floats with the math module and float formatting: repr, %-formatting, format(), f-strings, parsing
import math

def series(n):
    s = 0.0
    for k in range(1, n):
        s += math.sin(k) / k + math.sqrt(k) * 1e-6 - math.log(k + 1.0) * 1e-7
    return s

def formatting(n):
    total = 0
    for i in range(n):
        x = i * 1.1 + 0.5 / (i + 1)
        total += len(repr(x)) + len('%.3f' % x) + len(format(x, '.6e')) + len(f'{x:10.4g}') + len(str(x / 7))
    return total

def parsing(n):
    total = 0.0
    for i in range(n):
        total += float(str(i * 0.37)) + float('%.5f' % (i / 3))
    return round(total, 3)

print(round(series(60000), 9), formatting(15000), parsing(15000))
