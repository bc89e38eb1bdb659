# locals(): in a function one dict per call, refreshed by each locals(); module and class bodies return
# the namespace itself
def f(a, b=2):
    d1 = locals()
    c = 3
    d2 = locals()
    print('same object', d1 is d2, sorted(d2.items()))
    del c
    d3 = locals()
    print('unbound removed', d3 is d1, sorted(d3))
    d1['extra'] = 1
    print('extra kept', sorted(locals()))
    d1['a'] = 99
    print('writes do not change the local', a, locals()['a'])
    return d1
r1 = f(1)
r2 = f(1)
print('new dict per call', r1 is not r2)
def outer():
    x = 1
    def inner(y):
        z = x + y
        return locals()
    d = inner(5)
    print('free variables', sorted(d.items()))
    print('cell parameter', cellparam(7))
    return locals()
def cellparam(p):
    def g():
        return p
    p = p + 1
    return list(locals())[:2], locals()['p']
print('outer', sorted(outer()))
def gen():
    x = 1
    yield locals()
    x = 2
    y = 3
    yield locals()
g = gen()
a = next(g)
b = next(g)
print('generator', a is b, sorted(b.items()))
print('module', locals() is globals())
class C:
    z = 1
    ns = locals()
    ns['w'] = 5
print('class body', C.w, sorted(k for k in C.ns if not k.startswith('__')))
def with_exec():
    q = 1
    exec('q2 = q + 1')
    return locals().get('q2'), sorted(locals())
print('exec writes into the locals() dict', with_exec())
def with_vars():
    v = 1
    return vars() is locals()
print('vars() is locals()', with_vars())
