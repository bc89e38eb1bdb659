# operator dispatch to special methods, reflected and in-place forms
class V:
    def __init__(s, v): s.v = v
    def __repr__(s): return 'V(%r)' % (s.v,)
ops = ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'xor', 'or', 'divmod']
syms = {'add': '+', 'sub': '-', 'mul': '*', 'matmul': '@', 'truediv': '/', 'floordiv': '//', 'mod': '%', 'pow': '**',
        'lshift': '<<', 'rshift': '>>', 'and': '&', 'xor': '^', 'or': '|'}
def mk(name):
    def f(s, o): return ('%s' % name, s.v, o)
    def r(s, o): return ('r%s' % name, s.v, o)
    def i(s, o): return ('i%s' % name, s.v, o)
    return f, r, i
for n in ops:
    f, r, i = mk(n)
    setattr(V, '__%s__' % n, f)
    setattr(V, '__r%s__' % n, r)
    if n != 'divmod':
        setattr(V, '__i%s__' % n, i)
a = V(1)
for n in ops:
    if n == 'divmod':
        print(divmod(a, 2), divmod(2, a))
        continue
    s = syms[n]
    print(n, eval('a %s 2' % s, {'a': a}), eval('2 %s a' % s, {'a': a}))
    env = {'a': a}
    exec('x = a\nx %s= 3' % s, env)
    print('  in-place', env['x'])
print(pow(a, 2), pow(2, a))
try:
    pow(a, 2, 3)
except TypeError as e:
    print('TypeError', e)
# unary
class U:
    def __neg__(s): return 'neg'
    def __pos__(s): return 'pos'
    def __invert__(s): return 'inv'
    def __abs__(s): return 'abs'
    def __round__(s, n=None): return ('round', n)
    def __trunc__(s): return 7
    def __floor__(s): return 'floor'
    def __ceil__(s): return 'ceil'
u = U()
import math
print(-u, +u, ~u, abs(u), round(u), round(u, 2), math.trunc(u), math.floor(u), math.ceil(u))
# in-place falls back to binary op
class B:
    def __init__(s, v): s.v = v
    def __add__(s, o): return B(s.v + o)
x = B(1)
y = x
x += 5
print(x.v, y.v, x is y)
# NotImplemented fallback to reflected
class N1:
    def __add__(s, o): return NotImplemented
class N2:
    def __radd__(s, o): return 'N2.radd'
print(N1() + N2())
try:
    N1() + 1
except TypeError as e:
    print('TypeError', e)
try:
    1 + N1()
except TypeError as e:
    print('TypeError', e)
# subclass reflected first
class P:
    def __add__(s, o): return 'P.add'
    def __radd__(s, o): return 'P.radd'
class C(P):
    def __radd__(s, o): return 'C.radd'
print(P() + C(), C() + P())
# comparisons
class Cm:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return ('lt', s.v, getattr(o, 'v', o))
    def __le__(s, o): return ('le', s.v, getattr(o, 'v', o))
    def __gt__(s, o): return ('gt', s.v, getattr(o, 'v', o))
    def __ge__(s, o): return ('ge', s.v, getattr(o, 'v', o))
    def __eq__(s, o): return ('eq', s.v, getattr(o, 'v', o))
    def __ne__(s, o): return ('ne', s.v, getattr(o, 'v', o))
c1, c2 = Cm(1), Cm(2)
print(c1 < c2, c1 <= c2, c1 > c2, c1 >= c2, c1 == c2, c1 != c2)
print(1 < c1, 1 <= c1, 1 > c1, 1 >= c1, 1 == c1, 1 != c1)
class OnlyEq:
    def __eq__(s, o): return True
print(OnlyEq() != 1, OnlyEq() == 2, 3 != OnlyEq())
try:
    OnlyEq() < 1
except TypeError as e:
    print('TypeError', e)
# __bool__ and __len__
class Bo:
    def __bool__(s): return False
class Le:
    def __len__(s): return 0
class Le2:
    def __len__(s): return 3
print(bool(Bo()), bool(Le()), bool(Le2()), not Le2(), 'y' if Le() else 'n')
class BadBool:
    def __bool__(s): return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class BadLen:
    def __len__(s): return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError', e)
class BigLen:
    def __len__(s): return 2**100
try:
    len(BigLen())
except OverflowError as e:
    print('OverflowError', e)
class FloatLen:
    def __len__(s): return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print('TypeError', e)
# __contains__, __iter__ fallback, __getitem__ iteration
class Co:
    def __contains__(s, x): return x == 3
print(3 in Co(), 4 in Co(), 4 not in Co())
class It:
    def __iter__(s): return iter([1, 2, 3])
print(2 in It(), list(It()))
class Gi:
    def __getitem__(s, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Gi()), 20 in Gi(), 5 in Gi())
# container protocol
class Box:
    def __init__(s): s.d = {}
    def __getitem__(s, k): return ('get', k)
    def __setitem__(s, k, v): print('set', k, v)
    def __delitem__(s, k): print('del', k)
b = Box()
print(b[1], b[1:2], b[1:2, ::3], b[...])
b['k'] = 5
b[1:3] = 'x'
del b[0]
del b[::2]
# __call__
class Ca:
    def __call__(s, *a, **k): return (a, sorted(k.items()))
print(Ca()(1, 2, x=3))
# __index__
class Ix:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
l = list(range(10))
print(l[Ix(3)], l[Ix(1):Ix(4)], l[::Ix(3)], 'abcdef'[Ix(2)], bin(Ix(5)), hex(Ix(255)), oct(Ix(8)))
print(list(range(Ix(3))), range(Ix(10))[Ix(2)], [1, 2][Ix(-1)], (1, 2, 3)[Ix(0):Ix(2)])
try:
    l[Ix('a')]
except TypeError as e:
    print('TypeError', e)
print(round(2.5, Ix(0)), chr(Ix(65)), bytes(Ix(2)), (5).to_bytes(Ix(2), 'big'))
# __int__ / __float__ / __complex__
class Num:
    def __int__(s): return 42
    def __float__(s): return 2.5
    def __complex__(s): return 1j
print(int(Num()), float(Num()), complex(Num()))
class TruncOnly:
    def __index__(s): return 9
print(int(TruncOnly()), float(TruncOnly()))
class BadInt:
    def __int__(s): return 'x'
try:
    int(BadInt())
except TypeError as e:
    print('TypeError', e)
# __hash__
class H:
    def __hash__(s): return 12345
print(hash(H()))
class HB:
    def __hash__(s): return 'x'
try:
    hash(HB())
except TypeError as e:
    print('TypeError', e)
class HBig:
    def __hash__(s): return 2**70
print(hash(HBig()) == hash(2**70))
class EqNoHash:
    def __eq__(s, o): return False
print(EqNoHash.__hash__)
try:
    hash(EqNoHash())
except TypeError as e:
    print('TypeError', e)
# __repr__/__str__/__format__
class R:
    def __repr__(s): return 'R!'
print(str(R()), repr(R()), '%s %r' % (R(), R()), '{} {!r}'.format(R(), R()), f'{R()} {R()!r}', [R()])
class S2:
    def __str__(s): return 'S2str'
print(str(S2()), format(S2()), '{}'.format(S2()))
class Fm:
    def __format__(s, spec): return 'F[%s]' % spec
print(format(Fm(), 'abc'), '{:xyz}'.format(Fm()), f'{Fm():>10}', format(Fm()))
class BadFmt:
    def __format__(s, spec): return 5
try:
    format(BadFmt())
except TypeError as e:
    print('TypeError', e)
try:
    format(object(), 'x')
except TypeError as e:
    print('TypeError', e)
class BadRepr:
    def __repr__(s): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError', e)
# __enter__/__exit__
class CM:
    def __init__(s, sup): s.sup = sup
    def __enter__(s): print('enter'); return s
    def __exit__(s, t, v, tb):
        print('exit', t.__name__ if t else None, v)
        return s.sup
with CM(True) as c:
    raise ValueError('swallowed')
try:
    with CM(False):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
with CM(False), CM(False):
    print('body')
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
# __reversed__, __len__ with reversed
class Rv:
    def __reversed__(s): return iter('cba')
print(list(reversed(Rv())))
class Seq:
    def __len__(s): return 3
    def __getitem__(s, i):
        if i >= 3: raise IndexError
        return i
print(list(reversed(Seq())))
# __missing__ only on dict subclasses
# __sizeof__ / __dir__
class Dr:
    def __dir__(s): return ['b', 'a']
print(dir(Dr()))
# __length_hint__ not required; __next__ raising StopIteration in for
class Cnt:
    def __init__(s): s.i = 0
    def __iter__(s): return s
    def __next__(s):
        s.i += 1
        if s.i > 3: raise StopIteration
        return s.i
print(list(Cnt()), sum(Cnt()), max(Cnt()), sorted(Cnt(), reverse=True))
class NotIt:
    def __iter__(s): return 5
try:
    iter(NotIt())
except TypeError as e:
    print('TypeError', e)
