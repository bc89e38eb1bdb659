# fused int operations (LOAD_FAST/LOAD_SMALL_INT + operator, compare-and-branch) on every operand kind
def ops(x):
    r = []
    r.append(x + 1); r.append(x - 3); r.append(x * 31); r.append(x // 7); r.append(x % 7)
    r.append(x / 4); r.append(x ** 2)
    try:
        r.append(x & 0xFFFF); r.append(x | 5); r.append(x ^ 3); r.append(x >> 2); r.append(x << 3)
    except TypeError as e:
        r.append('TE')
    y = x
    y += 1
    y -= 2
    y *= 3
    r.append(y)
    return r
for v in (0, 5, -5, 2**52, 2**53 - 1, -(2**53), 2**70, True, False, 2.5, -0.0):
    print(v, ops(v))
print([1, 2] * 3, 'ab' * 2, 'x%d' % 5)
def cmp(x):
    out = []
    if x < 3: out.append('lt')
    if x <= 3: out.append('le')
    if x == 3: out.append('eq')
    if x != 3: out.append('ne')
    if x > 3: out.append('gt')
    if x >= 3: out.append('ge')
    if not x == 3: out.append('n-eq')
    return out
for v in (2, 3, 4, 3.0, 2.5, True, 2**60):
    print(v, cmp(v))
try:
    print(cmp('a'))
except TypeError as e:
    print('TypeError', e)
def zero(x):
    return x % 0
def zero2(x):
    return x // 0
for f in (zero, zero2):
    try:
        f(5)
    except ZeroDivisionError as e:
        print('ZDE', e)
def unb():
    if False:
        q = 1
    return q + 1
try:
    unb()
except UnboundLocalError as e:
    print('ULE', type(e).__name__)
def unb2():
    if False:
        q = 1
    if q < 1:
        pass
try:
    unb2()
except UnboundLocalError as e:
    print('ULE2', type(e).__name__)
class P:
    def __init__(self):
        self.a = 1
    def m(self):
        return self.a + 1
    @property
    def pr(self):
        return self.a * 10
class Q:
    total = 0
    def inc(self):
        Q.total += 1
        return Q.total
p = P()
print(p.m(), p.pr, p.a)
q = Q()
for i in range(5):
    q.inc()
print(Q.total, q.total)
Q.total = 'str'
print(Q.total)
class Meta(type):
    pass
class R(metaclass=Meta):
    v = 1
R.v += 1
print(R.v)
def neg():
    s = 0
    for i in range(-10, 10):
        s += i % 3
        s += i // 4
        s -= -7
    return s
print(neg())
def big():
    x = 1
    for i in range(100):
        x = x * 31 + 7
    return x % 1000000007
print(big())
def deep(x):
    return x.missing + 1
try:
    deep(p)
except AttributeError as e:
    print('AE', e)
def lines(x):
    a = 1
    b = x % 3
    return b
try:
    lines('%d %d')
except TypeError as e:
    print('TE', e)
