# float chains at their edges (review probes): float subclasses, ints past 2**53, -0.0, nan/inf compares,
# chained compares, walrus, augmented attribute/subscript stores, yield inside a chain, try/finally
import math
class F(float): pass
class G(float):
    def __add__(self, o): return 'G+'
    def __radd__(self, o): return 'G r+'
def t(x, y, z):
    out = []
    out.append(x * y + z)
    out.append(z + x * y)
    out.append(x * 1.0 + 2**53 + 1)
    out.append((2**53 + 1) + x * 1.0)
    out.append(x * 0.0 == -0.0)
    out.append(str(-x * 0.0))
    out.append(str(x * -1.0 + 0.0))
    out.append(repr(0.0 - x * 0.0))
    return out
for a in [(1.5, 2.0, 3.0), (-0.0, 1.0, -0.0), (float('nan'), 1.0, 1.0), (float('inf'), 0.0, 1.0), (F(1.5), F(2.0), G(1.0)), (2**60, 1.5, 1), (1.0, 2**63, 0.5), (True, 2.5, False)]:
    try:
        print(t(*a))
    except Exception as e:
        print(type(e).__name__, e)
def cmp(x, y):
    r = []
    if x * 1.0 < y: r.append('lt')
    if x * 1.0 <= y: r.append('le')
    if x * 1.0 == y: r.append('eq')
    if x * 1.0 != y: r.append('ne')
    if x * 1.0 > y: r.append('gt')
    if x * 1.0 >= y: r.append('ge')
    if x * 1.0 < 5: r.append('lt5')
    if x * 1.0 == 2**53: r.append('eq2**53')
    if x * 1.0 == 2**53 + 1: r.append('eq2**53+1')
    if 0.0 < x * 1.0 < 10.0: r.append('chain')
    return r
for a in [(1.0, 2.0), (float('nan'), float('nan')), (float('inf'), float('inf')), (2.0**53, 2**53+1), (-0.0, 0.0), (3.0, 3)]:
    print(a, cmp(*a))
def zd(x, y):
    try:
        return x * y / (y - y)
    except ZeroDivisionError as e:
        return 'ZDE', str(e)
print(zd(1.5, 2.0))
def zd2(x):
    return (x * 2.0 +
            x / 0.0)
try:
    zd2(1.0)
except ZeroDivisionError as e:
    import sys
    print('zd2', e)
def walrus(x):
    if (y := x * 2.0 + 1.0) > 3.0:
        return y, y * y - 1.0
    return None
print(walrus(1.5), walrus(0.1))
class A: pass
def aug(x):
    a = A(); a.v = 1.0
    d = {'k': 2.0}
    l = [3.0]
    a.v += x * 2.0
    d['k'] -= x * x
    l[0] *= x / 2.0 + 1.0
    return a.v, d, l
print(aug(1.5))
def gen(x):
    y = x * 2.0 + (yield x * 3.0)
    yield y * 1.5 - 1.0
g = gen(1.0); print(next(g), g.send(4.0))
def gen2(x):
    y = (yield) * x + 1.0
    return y
g = gen2(2.0); next(g)
try: g.send(3)
except StopIteration as e: print('stop', e.value)
def loop():
    t = 0.0
    while t * 2.0 < 10.0:
        t = t + 0.5 * 1.0
    return t
print(loop())
x = 1.5
print(x * 2.0 + 1, -x * x, x / 3 - 1)
def big():
    x = 1.5
    return x * 2.0 + 10**20, x * 2.0 + 2**53, 10**20 + x * 2.0, x*2.0 - (2**63), x*2.0 == 2**63
print(big())
def inplace(x):
    t = 1.0
    t += x * 2
    t -= 1
    t *= 3
    t /= 2
    return t
print(inplace(2), inplace(2.5))
def g(n):
    x = 0.5
    for i in range(n):
        x = x * 1.5 - i / 4
        yield x * 2.0 + 1
        if x * 3.0 > 5.0:
            yield 'big'
print([v for v in g(6)])
s = 0.0
for v in g(5):
    if isinstance(v, float):
        s += v * 0.5 - 1
print(s)
def tr(vals):
    out = []
    for a, b in vals:
        try:
            r = a * 2.0 + b / (a - 1.0)
            out.append(r)
        except ZeroDivisionError:
            out.append('zde')
        except TypeError as e:
            out.append(str(e))
        finally:
            out.append(a * 1.0 - 0.5)
    return out
print(tr([(1.0, 2.0), (2.0, 3.0), (3.0, 'x'), (1.0, 0)]))
def cls():
    class P:
        def __init__(s, x): s.x = x * 1.0 + 0.5
    p = P(2)
    p.x *= p.x * 2.0 - 1
    return p.x
print(cls())
def nanc(x):
    r = []
    for y in (x * 1.0, x * 0.0):
        r.append((y * 2.0 == y, y * 1.0 != y, y*1.0 < 0, y*1.0 >= 0))
    return r
print(nanc(float('nan')), nanc(float('inf')), nanc(-float('inf')))
def negzero(x):
    y = -x * 1.0
    z = -(x * 1.0)
    return repr(y), repr(z), repr(x * -1.0 - 0.0), repr(0.0 * -1.0 + -0.0), repr(-0.0 - x * 0.0)
print(negzero(0.0), negzero(-0.0))
def d(x):
    return x * 1.0 / 3, 1 / (x * 1.0), 7 / (x * 2.0) * 3, x * 1.0 / 10**16, 10**16 / (x * 1.0)
print(d(3.0))
def intfloat(k):
    return k * 1.5 + k, k + k * 1.5, (k * 2.0) * k, k / 2 * 1.0
print(intfloat(2**52 + 1), intfloat(-(2**53)), intfloat(2**53 + 1), intfloat(10**30))
