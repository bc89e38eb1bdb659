def f():
    a = 1
    l = locals()
    b = 2
    return sorted(l), sorted(locals()), sorted(vars())
print(f())
class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
    y = x + 1
    z = [x for _ in range(1)] if False else None
print(C.names, C.y)
g = {}
exec('a = 1\ndef h(): return a\nb = h()', g)
print(g['b'])
l = {}
exec('c = 5', {}, l)
print(l)
exec('d = 6')
print(d)
def ev():
    q = 3
    return eval('q + 1')
print(ev())
print(eval('__name__'), eval('x', {'x': 1, '__builtins__': {}}) if True else 0)
def clo():
    v = 'outer'
    def inner():
        return eval('v') if False else v
    return inner()
print(clo())
gl = globals()
gl['dyn'] = 'dynamic'
print(dyn)
def setg():
    globals()['dyn2'] = 2
setg()
print(dyn2)
class Meta(type):
    @classmethod
    def __prepare__(m, name, bases):
        print('prepare', name)
        return {'injected': 1}
class P(metaclass=Meta):
    y = injected + 1
print(P.y)
x = 'global x'
class Shadow:
    x = 'class x'
    def m(self): return x
print(Shadow().m())
def lam():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(lam())
print([i for i in range(3)], 'i' in globals())
def gen_scope():
    y = 10
    return list(y + k for k in range(2))
print(gen_scope())
