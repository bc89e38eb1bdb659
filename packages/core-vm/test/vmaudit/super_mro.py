class A:
    def who(s): return 'A'
    @classmethod
    def cm(cls): return 'A.cm(%s)' % cls.__name__
    @staticmethod
    def sm(): return 'A.sm'
    @property
    def p(s): return 'A.p'
    def __init__(s): s.log = ['A']
class B(A):
    def who(s): return 'B>' + super().who()
    @classmethod
    def cm(cls): return 'B.cm>' + super().cm()
    @staticmethod
    def sm(): return 'B.sm>' + super(B, B).sm()
    @property
    def p(s): return 'B.p>' + super().p
    def __init__(s):
        super().__init__()
        s.log.append('B')
class C(A):
    def who(s): return 'C>' + super().who()
    def __init__(s):
        super().__init__()
        s.log.append('C')
class D(B, C):
    def who(s): return 'D>' + super().who()
    def __init__(s):
        super().__init__()
        s.log.append('D')
d = D()
print(d.who(), d.log, [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print(D.cm(), d.cm(), B.sm(), d.p)
print(super(B, d).who(), super(C, d).who(), super(D, d).p)
print(super(B, D).cm(), super(D, D).cm())
s = super(B, d)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is d, s.__self_class__.__name__)
try:
    super(B, 5)
except TypeError as e:
    print('TypeError', e)
def outside():
    return super().x
try:
    outside()
except RuntimeError as e:
    print('RuntimeError', e)
class E(A):
    def m(self):
        def inner():
            return super().who()
        return inner
try:
    print(E().m()())
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
class G(A):
    def m(s):
        return (lambda: super().who())()
try:
    print(G().m())
except RuntimeError as e:
    print('RuntimeError', e)
# super with __class__ cell
class H(A):
    def m(s): return __class__.__name__
print(H().m())
# property setter through super
class PA:
    def __init__(s): s._v = 0
    @property
    def v(s): return s._v
    @v.setter
    def v(s, x): s._v = x
class PB(PA):
    @PA.v.setter
    def v(s, x):
        PA.v.fset(s, x * 10)
pb = PB()
pb.v = 2
print(pb.v)
try:
    super(PB, pb).v = 5
except AttributeError as e:
    print('AttributeError', e)
# super().__setattr__ and __getattribute__
class SA:
    def __setattr__(s, n, v):
        super().__setattr__(n, ('wrapped', v))
sa = SA(); sa.x = 1
print(sa.x)
# super() in __new__ / __init_subclass__ / classmethods of metaclasses
class M(type):
    def __new__(m, name, bases, ns):
        cls = super().__new__(m, name, bases, ns)
        cls.tag = name
        return cls
class WM(metaclass=M): pass
print(WM.tag)
# MRO errors
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Z(XY, YX): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Z2(X, XY): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Z3(X, X): pass
except TypeError as e:
    print('TypeError', e)
class O1: pass
class O2: pass
class O3: pass
class K1(O1, O2): pass
class K2(O2, O3): pass
class K3(K1, K2): pass
print([c.__name__ for c in K3.__mro__])
print(K3.__bases__ == (K1, K2), K3.__base__.__name__, object.__bases__, type.__mro__ == (type, object))
try:
    class BadBase(5): pass
except TypeError as e:
    print('TypeError')
try:
    class BB(bool): pass
except TypeError as e:
    print('TypeError', e)
print(issubclass(K3, O3), isinstance(K3(), O2), K3.__subclasses__(), [c.__name__ for c in O2.__subclasses__()])
# class with __init_subclass__ via super chain
class IS1:
    def __init_subclass__(cls, **kw):
        print('IS1 init_subclass', cls.__name__, kw)
        super().__init_subclass__()
class IS2(IS1, x=1): pass
class IS3(IS2): pass
# type() three-arg form
T3 = type('T3', (A,), {'z': 5, 'who': lambda s: 'T3'})
print(T3().who(), T3.z, T3.__name__, [c.__name__ for c in T3.__mro__])
print(type(5) is int, type('T4', (), {})().__class__.__name__)
try:
    type('x', 5, {})
except TypeError as e:
    print('TypeError', e)
