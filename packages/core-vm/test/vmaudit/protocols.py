import sys
print(type(sys.argv).__name__, sys.byteorder, sys.implementation.name in ('cpython', 'micropython'), sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1, type(sys.modules).__name__, type(sys.path).__name__)
print(sys.version_info[0], type(sys.version).__name__, callable(sys.exit), hasattr(sys, 'stdin'), hasattr(sys.stdout, 'write'))
try:
    sys.exit(3)
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    sys.exit('msg')
except SystemExit as e:
    print('SystemExit', e.code)
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', isinstance(e, Exception), isinstance(e, BaseException))
# __contains__ result converted to bool
class C:
    def __contains__(s, x): return 'yes'
print(1 in C(), 1 not in C())
class NI:
    __iter__ = None
try:
    iter(NI())
except TypeError as e:
    print('TypeError', e)
try:
    1 in NI()
except TypeError as e:
    print('TypeError', e)
# eq returning NotImplemented on both sides -> identity
class E1:
    def __eq__(s, o): return NotImplemented
a = E1()
print(a == a, a == E1(), a != a, a != E1(), [a].count(a), a in [a], [E1()].index(a) if False else 0)
# __ne__ derived from __eq__
class E2:
    def __eq__(s, o): return 'truthy'
print(E2() != 1, E2() == 1)
# __lt__ used by sort, min, max, sorted; __gt__ reflected
class Lt:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return 'Lt(%d)' % s.v
print(sorted([Lt(3), Lt(1), Lt(2)]), min(Lt(3), Lt(1)), max([Lt(3), Lt(5)]), Lt(1) > Lt(0))
# total ordering fallback not automatic
try:
    Lt(1) <= Lt(2)
except TypeError as e:
    print('TypeError', e)
# __hash__ inherited when __eq__ not overridden; __eq__ defined in subclass sets hash None
class HB:
    def __hash__(s): return 5
class HC(HB):
    def __eq__(s, o): return True
print(hash(HB()), HC.__hash__)
# objects as dict keys with id equality
class Plain: pass
p1, p2 = Plain(), Plain()
d = {p1: 1, p2: 2}
print(d[p1], d[p2], len(d), p1 in d, Plain() in d)
# __bool__ via __len__ on containers, None
print(bool([]), bool([0]), bool({}), bool(''), bool(0.0), bool(0j), bool(None), bool(range(0)), bool(b''))
# callable objects and bound methods
class M:
    def meth(s, x): return x
m = M()
bm = m.meth
print(bm(1), bm.__self__ is m, bm.__func__ is M.meth, bm == m.meth, bm is m.meth, M.meth(m, 2))
print(type(bm).__name__, type(M.meth).__name__, type(len).__name__)
# function attributes and introspection
def fa(a, b=2, *args, c, d=4, **kw): pass
print(fa.__name__, fa.__defaults__, fa.__kwdefaults__, fa.__code__.co_argcount, fa.__code__.co_varnames[:4])
fa.__defaults__ = (9,)
print(fa.__defaults__)
def closure():
    x = 1
    def inner(): return x
    return inner
ci = closure()
print(ci.__closure__[0].cell_contents, type(ci.__closure__[0]).__name__)
print(fa.__module__, fa.__qualname__, ci.__qualname__, ci.__globals__ is globals())
# NotImplemented / Ellipsis singletons
print(NotImplemented, Ellipsis, ... is Ellipsis, type(NotImplemented)() is NotImplemented if False else True)
# object() behaviour
o = object()
try:
    o.x = 1
except AttributeError as e:
    print('AttributeError', e)
print(o == o, o != object(), hash(o) == hash(o), object.__name__, type(object()).__name__)
# getattr with default on properties raising AttributeError
class PG:
    @property
    def p(s): raise AttributeError('inside')
print(getattr(PG(), 'p', 'dflt'), hasattr(PG(), 'p'))
class PV:
    @property
    def p(s): raise ValueError('inside')
try:
    hasattr(PV(), 'p')
except ValueError as e:
    print('ValueError', e)
# classmethod on builtin types, __class__ of things
print(int.__class__.__name__, (5).__class__.__name__, type.__class__.__name__, dict.fromkeys([1]), int.from_bytes(b'\x01\x00', 'little'))
print(str.__name__, str.join.__name__ if hasattr(str.join, '__name__') else 'join', isinstance(str, type), isinstance(len, object))
# id, is for small ints / strings
a = 'abc'
print(a is a, id(a) == id(a), None is None)
# chained comparison with side effects
def v(x):
    print('eval', x)
    return x
print(v(1) < v(2) < v(0) < v(5))
# augmented assignment on subscripts and attributes evaluates once
class Cnt:
    def __init__(s): s.n = 0; s.d = {'k': 1}
    def get(s):
        s.n += 1
        return s.d
c = Cnt()
c.get()['k'] += 5
print(c.n, c.d)
# walrus, star exprs
print([y := 5, y ** 2], *range(3), *'ab')
first, *rest = [1, 2, 3]
*init, last = 'abc'
print(first, rest, init, last)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError', e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    a, b = 5
except TypeError as e:
    print('TypeError', e)
# global/nonlocal
g = 0
def incg():
    global g
    g += 1
incg(); incg()
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc()
    return inc()
print(g, outer())
# del semantics
x = [1, 2, 3, 4]
del x[1], x[0]
print(x)
y = 1
del y
try:
    y
except NameError:
    print('deleted')
