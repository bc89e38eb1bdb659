# fused float/const operations (LOAD_CONST/LOAD_FAST operands), float subclasses, negation
def f(x, y):
    r = [x + 0.5, x - 1.5, x * 2.0, x / 4.0, x // 2.0, x % 2.5, x ** 2.0, 2.0 * x, 1e308 * x]
    r += [x + y, x - y, x * y, x / y if y else 'z', x < y, x <= y, x == y, x != y, x > y, x >= y]
    s = 'a'
    s += 'b'
    s = s + 'c'
    r.append(s)
    if x < 0.5: r.append('lt.5')
    if x == 2.0: r.append('eq2')
    if x > y: r.append('gt')
    if x != y: r.append('ne')
    if not x >= y: r.append('nge')
    if x == 'abc': r.append('str?')
    return r
for x, y in [(1, 2), (2.0, 2), (0.25, 1e-300), (-0.0, 0.0), (float('nan'), 1.0), (float('inf'), 3), (True, 2.5), (2**60, 0.5), (10**30, 3.0)]:
    try:
        print(x, y, f(x, y))
    except Exception as e:
        print(x, y, type(e).__name__, e)
def g(s, t):
    out = []
    if s == t: out.append('eq')
    if s < t: out.append('lt')
    out.append(s + t)
    out.append(s * 2)
    return out
print(g('ab', 'cd'), g([1], [2]), g((1,), (1,)))
class F(float):
    def __add__(self, o): return 'F.add'
    def __lt__(self, o): return 'F.lt'
def h(x):
    return x + 1.5, x < 2.0, x * 2
print(h(F(1.0)))
try:
    f(1, 0)
except ZeroDivisionError as e:
    print('ZDE', e)
def z(x):
    return x / 0.0
try:
    z(1.0)
except ZeroDivisionError as e:
    print('ZDE', e)
print(1.0 / 3, 7 / 2, 2 ** -1, 0.1 + 0.2)
for x in (0.0, -0.0, 1.5, float("nan"), float("inf"), -2, 0, True, 2**70): print(-x, repr(-x))
