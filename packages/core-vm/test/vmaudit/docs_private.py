'''module docstring'''
print(__doc__)
def f(x):
    if x:
        return 'not a docstring'
def g():
    'g doc'
    return 'g doc'
def h():
    x = 'not a doc'
    return x
async def co():
    'co doc'
print(f.__doc__, g.__doc__, h.__doc__, (lambda: 'lam').__doc__, co.__doc__)
class C:
    '''C doc'''
    __z = 1
    ___triple = 3
    __dunder__ = 4
    def __init__(s):
        s.__p = 5
    def get(s):
        return s.__p, C.__z, s.___triple, s.__dunder__
    def __priv(s, __arg=1):
        return 'priv', __arg
    def call(s):
        return s.__priv(), s.__priv(2)
    @property
    def prop(s):
        'prop doc'
        return s.__p
    class __Inner:
        __n = 'inner'
        def get(s): return s.__n
    def inner(s):
        return C.__Inner().get()
c = C()
print(C.__doc__, c.get(), c._C__p, hasattr(c, '__p'), c.call(), c.prop, C.prop.__doc__, c.inner())
print(sorted(k for k in C.__dict__ if k.startswith('_C')), sorted(k for k in vars(c)))
class _Under:
    def __init__(s): s.__x = 1
print(sorted(vars(_Under())))
class ___:
    def __init__(s): s.__x = 1
print(sorted(vars(___())))
def outside():
    class Local:
        def m(s):
            __v = 'local var'
            return __v, [__w for __w in [1]]
    return Local().m()
print(outside())
class G:
    def m(s):
        global __gv
        __gv = 'global'
        return __gv
G().m()
print(sorted(k for k in globals() if 'gv' in k))
class K:
    def m(s, **kw): return sorted(kw)
    def call(s): return s.m(__kw=1)
print(K().call())
class E:
    def m(s):
        try:
            raise ValueError('e')
        except ValueError as __e:
            return str(__e)
print(E().m())
class Gen:
    def m(s):
        return getattr(s, '__hidden', 'not mangled in strings')
print(Gen().m())
class NoDoc:
    pass
print(NoDoc.__doc__)
class NotDoc:
    x = 1
    'not a docstring'
print(NotDoc.__doc__)
def nd():
    pass
print(nd.__doc__)
