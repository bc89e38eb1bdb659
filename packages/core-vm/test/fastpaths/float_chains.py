# float chains: a * b + c, v += a * dt, compare of a float result, chains that must stop (subclasses with
# reflected operators, ints too big for a double, division by zero mid-chain, unbound locals, strings)
def chains(x, y, z, k):
    r = []
    r.append(x * y + z)
    r.append(z + x * y)
    r.append(x * y - z * k)
    r.append(-x * 0.5 - y * 0.01)
    r.append(2.0 * x * y + z)
    r.append(x / y * k - 1)
    r.append(x + 1 + 2 + 3)
    t = x
    t += y * z
    t -= y / k if k else 0.0
    r.append(t)
    r.append(x * y > 4.0)
    if x * y + z < 3:
        r.append('lt3')
    if x - y == 0:
        r.append('eq0')
    if x * 2 != 1:
        r.append('ne1')
    r.append((x * y) * (z - k))
    try:
        r.append(x * y / (z - k))
    except ZeroDivisionError as e:
        r.append('ZDE ' + str(e))
    return r
vals = [(1.5, 2.0, 0.25, 3), (-0.0, 0.0, -0.0, 1), (float('nan'), 1.0, 2.0, 2), (float('inf'), -1.0, 1e308, 2),
        (1e308, 10.0, -1e308, 0), (0.1, 0.2, 0.3, 10**30), (2.5, 4, 1.5, 2**80), (1.0, 2.0, 3.0, True),
        (3.0, 2.0, 1.0, 2.5)]
for args in vals:
    try:
        print(args, chains(*args))
    except Exception as e:
        print(args, type(e).__name__, e)

class R(float):
    def __radd__(self, o): return 'R.radd'
    def __rsub__(self, o): return 'R.rsub'
    def __rmul__(self, o): return 'R.rmul'
    def __rtruediv__(self, o): return 'R.rtruediv'
class L(float):
    def __add__(self, o): return 'L.add'
    def __mul__(self, o): return 'L.mul'
    def __gt__(self, o): return 'L.gt'
def mixed(a, b, c):
    out = []
    for e in ('a * b + c', 'c + a * b', 'a * 2.0 + b', 'a * b * c', 'a / b - c', 'a * 1.0 > c', 'a - b - c'):
        try:
            out.append(eval(e, {'a': a, 'b': b, 'c': c}))
        except Exception as ex:
            out.append(type(ex).__name__)
    def direct(a, b, c):
        return [a * b + c, c + a * b, a * 2.0 + b, a * b - c, c - a * b, c * (a * b), c / (a * b), a * 1.0 > c]
    try:
        out.append(direct(a, b, c))
    except Exception as ex:
        out.append(type(ex).__name__ + ': ' + str(ex))
    return out
print(mixed(1.5, 2.0, R(3.0)))
print(mixed(L(1.5), 2.0, 1.0))
print(mixed(1.5, 2.0, 'x'))
print(mixed(1.5, 2.0, [1]))
print(mixed(2.0, 0.0, 1.0))
def unbound(flag):
    x = 1.5
    if flag:
        y = 2.0
    return x * 2.0 + y
for flag in (True, False):
    try:
        print(unbound(flag))
    except NameError as e:
        print(type(e).__name__, e)
def loop(n):
    x, v, dt = 1.0, 0.0, 0.001
    for _ in range(n):
        a = -x * 0.5 - v * 0.01
        v += a * dt
        x += v * dt
    return x, v
print(loop(1000))
def mandel(cr, ci, it):
    zr = zi = 0.0
    for i in range(it):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return it
print([mandel(x / 10, 0.3, 50) for x in range(-20, 6)])
def big(x):
    return x * 2.0 + 10**400
try:
    print(big(1.5))
except OverflowError as e:
    print('OverflowError', e)
print(type(1.5 * 2 + 1), type(2 * 3 + 1))
