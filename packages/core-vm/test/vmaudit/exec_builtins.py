# exec/eval honour __builtins__ in the globals they are given (a dict, a module, or anything else)
g = {}
exec('', g)
print('inserted', type(g['__builtins__']).__name__, g['__builtins__']['len'] is len)
g = {}
eval('1', g)
print('eval inserted', type(g['__builtins__']).__name__)
for b in [{}, 5, None, [], 'abc']:
    try:
        exec('print(1)', {'__builtins__': b})
    except Exception as e:
        # (MicroPython's NameError text says "isn't defined")
        print(type(b).__name__, type(e).__name__, '' if isinstance(e, NameError) else e)
try:
    exec('class A: pass', {'__builtins__': {}})
except Exception as e:
    print(type(e).__name__, e)
try:
    exec('import math', {'__builtins__': {}})
except Exception as e:
    print(type(e).__name__, e)
log = []
def imp(name, *a):
    log.append(name)
    return 42
d = {'__builtins__': {'__import__': imp}}
exec('import math\nr = math\nimport a.b', d)
print('import via __import__', log, d['r'], d['a'])
import sys
m = type(sys)('mb')
m.len = lambda x: 'mine'
print('module builtins', eval('len([1])', {'__builtins__': m}))
try:
    eval('abs(1)', {'__builtins__': m})
except NameError as e:
    print('NameError', 'abs' in str(e))
g = {'__builtins__': {'len': lambda x: 'dict-len', 'globals': globals}}
exec('def f(x):\n    return len(x)\ng = globals()', g)
print('function', g['f']([]), g['g'] is g)
g['__builtins__'] = {'len': lambda x: 'changed'}
print('kept at creation', g['f']([]))
exec('def h(x):\n    return len(x)', g)
print('new function', g['h']([]), g['f']([]))
print('locals given', eval('len(x)', {'__builtins__': {'len': lambda x: 'L'}}, {'x': 1}))
try:
    eval('abs(1)', {'__builtins__': {'len': len}})
except NameError as e:
    print('NameError', 'abs' in str(e))
f = eval('lambda: len([])', {'__builtins__': {'len': lambda x: 'lam'}})
print('lambda', f())
gen = eval('(len(x) for x in [[1]])', {'__builtins__': {'len': lambda x: 'gen'}})
print('generator', list(gen))
print('comprehension', eval('[len(x) for x in [[1]]]', {'__builtins__': {'len': lambda x: 'comp'}}))
class D(dict):
    def __missing__(self, k):
        return lambda *a: 'missing ' + k
print('dict subclass', eval('foo()', {'__builtins__': D()}))
class M:
    def __getitem__(self, k):
        if k == 'len':
            return lambda x: 'mapping'
        raise KeyError(k)
print('mapping', eval('len(1)', {'__builtins__': M()}))
try:
    eval('abs(1)', {'__builtins__': M()})
except NameError as e:
    print('NameError', 'abs' in str(e))
# nested exec sees the builtins of the code that runs it
inner = {'__builtins__': {'exec': exec, 'len': lambda x: 'outer-len'}}
exec("g2 = {}\nexec('r = len(1)', g2)\nres = g2['r']", inner)
print('nested', inner['res'])
# class bodies and methods defined by exec
ns = {'__builtins__': {'__build_class__': __build_class__, 'len': lambda x: 'cls', '__name__': 'x'}, '__name__': 'm'}
exec('class C:\n    n = len(0)\n    def m(self):\n        return len(1)\nr = (C.n, C().m())', ns)
print('class', ns['r'])
# the real builtins are untouched
print(len([1, 2]), abs(-1))
