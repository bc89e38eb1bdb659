# attribute protocol: __getattr__, __getattribute__, __setattr__, __delattr__, descriptors
class GA:
    x = 1
    def __getattr__(s, n):
        return 'missing ' + n
g = GA()
print(g.x, g.y, getattr(g, 'z'), hasattr(g, 'anything'))
class GAB:
    def __init__(s): s.a = 1
    def __getattribute__(s, n):
        if n == 'secret': raise AttributeError(n)
        if n == 'magic': return 42
        return object.__getattribute__(s, n)
    def __getattr__(s, n): return 'fallback ' + n
o = GAB()
print(o.a, o.magic, o.secret, o.other)
class Log:
    def __setattr__(s, n, v):
        print('set', n, v)
        object.__setattr__(s, n, v * 2)
    def __delattr__(s, n):
        print('del', n)
        object.__delattr__(s, n)
l = Log()
l.q = 5
print(l.q, l.__dict__)
del l.q
print(hasattr(l, 'q'))
try:
    del l.nope
except AttributeError as e:
    print('AttributeError', e)
setattr(l, 'w', 1)
delattr(l, 'w')
# data and non-data descriptors
class D:
    def __set_name__(s, owner, name):
        print('set_name', owner.__name__, name)
        s.name = name
    def __get__(s, inst, owner=None):
        if inst is None: return 'class access ' + owner.__name__
        return ('get', s.name, inst.__dict__.get('_' + s.name))
    def __set__(s, inst, v):
        inst.__dict__['_' + s.name] = v
    def __delete__(s, inst):
        print('delete', s.name)
        inst.__dict__.pop('_' + s.name, None)
class ND:
    def __get__(s, inst, owner=None):
        return 'nondata'
class Host:
    d = D()
    nd = ND()
h = Host()
print(Host.d, h.d)
h.d = 7
print(h.d, h.__dict__)
del h.d
print(h.d)
print(h.nd)
h.nd = 'shadow'
print(h.nd, Host.nd)
h.__dict__['d'] = 'instance dict loses to data descriptor'
print(h.d)
# descriptor on type(type) is not involved; staticmethod/classmethod objects
class SM:
    @staticmethod
    def s(x): return ('s', x)
    @classmethod
    def c(cls, x): return ('c', cls.__name__, x)
class SM2(SM): pass
print(SM.s(1), SM().s(2), SM.c(3), SM2().c(4), SM2.c(5))
print(type(SM.__dict__['s']).__name__, type(SM.__dict__['c']).__name__, SM.__dict__['s'].__func__(9))
# property full protocol
class P:
    def __init__(s): s._x = 0
    @property
    def x(s):
        'the x'
        return s._x
    @x.setter
    def x(s, v): s._x = v
    @x.deleter
    def x(s): print('deleting'); del s._x
    ro = property(lambda s: 'ro')
p = P()
p.x = 3
print(p.x, type(P.x).__name__, P.x.fget is not None, P.ro.fset)
del p.x
print(hasattr(p, '_x'))
try:
    p.ro = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    del p.ro
except AttributeError as e:
    print('AttributeError', e)
# __init_subclass__
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class A(Base, tag='a'): pass
class B(A): pass
print(Base.subs)
try:
    class Bad(Base, nope=1, tag=2): pass
except TypeError as e:
    print('TypeError', e)
# __set_name__ on class creation, including late assignment (not called)
class Owner:
    a = D()
    b = D()
Owner.c = D()
print(hasattr(Owner.c, 'name'))
# __class__ assignment, type(), isinstance with __class__
class X: pass
class Y: pass
x = X()
x.__class__ = Y
print(type(x).__name__, isinstance(x, Y))
# function attributes
def f(): pass
f.x = 0
f.x += 1
print(f.x, f.__name__, f.__dict__)
f.__doc__ = 'doc'
print(f.__doc__)
# class attributes and __dict__
class Q:
    'doc of Q'
    a = 1
    def m(s): pass
print(Q.__name__, Q.__qualname__, Q.__module__, sorted(k for k in Q.__dict__ if not k.startswith('__')))
print(Q.m.__qualname__, Q().m.__func__ is Q.m, Q().m.__self__.__class__ is Q)
class Outer:
    class Inner:
        def meth(s): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__)
# __new__ returning other types, __init__ returning non-None
class N:
    def __new__(cls, v):
        if v < 0: return 'negative'
        o = super().__new__(cls)
        o.v = v
        return o
    def __init__(s, v):
        print('init', v)
print(N(-1), N(2).v)
class BadInit:
    def __init__(s): return 5
try:
    BadInit()
except TypeError as e:
    print('TypeError', e)
try:
    object.__new__(5)
except TypeError as e:
    print('TypeError', e)
try:
    class Nope: pass
    Nope(1)
except TypeError as e:
    print('TypeError', e)
# __slots__
class Sl:
    __slots__ = ('a', 'b')
    def __init__(s): s.a = 1
s = Sl()
print(s.a, hasattr(s, '__dict__'))
try:
    s.c = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    s.b
except AttributeError as e:
    print('AttributeError', e)
s.b = 2
del s.a
print(hasattr(s, 'a'), s.b, Sl.__slots__)
class Sl2(Sl):
    pass
s2 = Sl2()
s2.z = 9
print(s2.z)
class Sl3:
    __slots__ = 'single'
x = Sl3(); x.single = 1
print(x.single)
class SlD:
    __slots__ = ('a', '__dict__')
y = SlD(); y.a = 1; y.other = 2
print(y.a, y.other)
print(repr(Sl.a), Sl.a.__name__, type(Sl.a).__name__)
try:
    vars(s)
except TypeError as e:
    print('TypeError', e)
try:
    s.__dict__
except AttributeError as e:
    print('AttributeError', e)
try:
    class Conf:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print('ValueError', e)
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print('AttributeError', e)
class WithSetattr:
    __slots__ = ('a',)
    def __setattr__(s, n, v):
        object.__setattr__(s, n, v)
w = WithSetattr()
w.a = 1
try:
    w.b = 2
except AttributeError as e:
    print('AttributeError', e)
print(w.a)
try:
    Sl.a.__get__(5)
except TypeError as e:
    print('TypeError', e)
class IntSl(int):
    __slots__ = ()
try:
    IntSl(3).x = 1
except AttributeError as e:
    print('AttributeError', e)
class ExcSl(Exception):
    __slots__ = ()
ex = ExcSl(); ex.x = 1
print(ex.x)
