// Python semantics through the public API. Expected outputs are what CPython 3.11 prints for the same
// programs (checked by hand with python3 when the tests were written).
import { describe, expect, it } from 'vitest';
import { createVM, MemoryFs, MemoryHost } from '../src/index.js';
import { out, run } from './helpers.js';

describe('core types and operators', () => {
  it('ints overflow into arbitrary precision and back', () => {
    expect(out('x = 2**53\nprint(x + 1, x * x, (x * x) // x == x, -7 // 2, -7 % 2, 7 % -2)')).toBe(
      '9007199254740993 81129638414606681695789005144064 True -4 1 -1\n',
    );
  });
  it('floats print as the shortest round-trip repr', () => {
    expect(out('print(1.0, 0.1 + 0.2, 1e16, 1e-5, 123456789.0, float("inf"), -float("nan"), 2.5e-300)')).toBe(
      '1.0 0.30000000000000004 1e+16 1e-05 123456789.0 inf nan 2.5e-300\n',
    );
  });
  it('1, 1.0 and True are the same dict key', () => {
    expect(out('d = {1: "a"}\nd[1.0] = "b"\nd[True] = "c"\nprint(d, len({(1, 2): 0, (1.0, 2): 1}))')).toBe("{1: 'c'} 1\n");
  });
  it('str indexes by code point', () => {
    expect(out('s = "a\\U0001F600b"\nprint(len(s), s[1] == "\\U0001F600", s[2], s[::-1][0])')).toBe('3 True b b\n');
  });
  it('formats with %, format() and f-strings', () => {
    expect(out('print("%5.2f|%-4d|%s|%r" % (3.14159, 42, "x", "y"), format(1234567, ","), f"{255:#x} {0.5:.0f} {2.5:.0f}")')).toBe(
      " 3.14|42  |x|'y' 1,234,567 0xff 0 2\n",
    );
  });
  it('compares sequences lexicographically and chains comparisons', () => {
    expect(out('print([1, 2] < [1, 3], (1, "a") == (1, "a"), 1 < 2 < 3, 3 > 2 > 2)')).toBe('True True True False\n');
  });
});

describe('classes', () => {
  it('follows the C3 MRO with cooperative super()', () => {
    const src = `
class A:
    def f(self): return ['A']
class B(A):
    def f(self): return ['B'] + super().f()
class C(A):
    def f(self): return ['C'] + super().f()
class D(B, C):
    def f(self): return ['D'] + super().f()
print(D().f(), [k.__name__ for k in D.__mro__])
`;
    expect(out(src)).toBe("['D', 'B', 'C', 'A'] ['D', 'B', 'C', 'A', 'object']\n");
  });
  it('supports properties through super, __set_name__ and __init_subclass__', () => {
    const src = `
class A:
    @property
    def p(self): return {'a': 10}
class AA(A):
    @property
    def p(self): return super().p
class Named:
    def __set_name__(self, owner, name): self.name = owner.__name__ + '.' + name
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class S(Base, tag='t'):
    n = Named()
print(AA().p, S.n.name, Base.subs)
`;
    expect(out(src)).toBe("{'a': 10} S.n [('S', 't')]\n");
  });
  it('dispatches reflected and in-place operators', () => {
    const src = `
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __iadd__(self, o):
        self.x += 100
        return self
    def __repr__(self): return 'V(%d)' % self.x
v = V(1)
w = 5 + v
v += 1
print(w, v, sum([V(1), V(2)], V(0)))
`;
    expect(out(src)).toBe('V(6) V(101) V(3)\n');
  });
  it('subclasses builtin types with full behaviour', () => {
    const src = `
class I(int):
    def __add__(self, o): return I(int(self) + o + 1)
class L(list):
    def total(self): return sum(self)
class D(dict):
    def __missing__(self, k): return k * 2
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise E('msg', 2)
except E as e:
    print(I(1) + 1, L([1, 2, 3]).total(), D(a=1)['zz'], e, e.args, e.b, isinstance(I(3), int))
`;
    expect(out(src)).toBe("3 6 zzzz msg ('msg',) 2 True\n");
  });
  it('runs metaclasses: __new__, __call__ and attribute access on their classes', () => {
    const src = `
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['tag'] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        print('creating', cls.__name__)
        return super().__call__(*a, **k)
class A(metaclass=Meta):
    def __init__(self, v): self.v = v
    def __getattr__(self, name): return 'dyn-' + name
a = A(3)
print(A.tag, a.v, a.zz, type(A) is Meta)
`;
    expect(out(src)).toBe('creating A\na 3 dyn-zz True\n');
  });
  it('allows function attributes', () => {
    expect(out('def f(): pass\nf.x = 5\nprint(f.x, f.__name__)')).toBe('5 f\n');
  });
});

describe('docstrings and TabError (as CPython 3)', () => {
  it('stores function, class and module docstrings, and only those', () => {
    const src = `"""mod doc"""
def f():
    print('not a doc')
def g():
    "g" " doc"
    return 1
async def h():
    '''h doc'''
def k():
    x = 1
    "not a doc either"
class A:
    "A doc"
    def m(self):
        "m doc"
class B: pass
lam = lambda: "no"
print(f.__doc__, g.__doc__, h.__doc__, k.__doc__, lam.__doc__, A.__doc__, B.__doc__, A().__doc__, A.m.__doc__, A().m.__doc__, __doc__)
g.__doc__ = 'changed'
print(g.__doc__, g())
import m2
print(m2.__doc__, m2.f.__doc__)
`;
    expect(out(src, { files: { '/m2.py': "'''m2 doc'''\ndef f():\n    b'bytes are no docstring'\n" } })).toBe(
      'None g doc h doc None None A doc None A doc m doc m doc mod doc\nchanged 1\nm2 doc None\n',
    );
  });
  it('raises TabError, a subclass of IndentationError, for inconsistent tabs and spaces', () => {
    const src = `
for s in ['if 1:\\n\\tx = 1\\n        y = 2\\n', 'if 1:\\n  \\tx = 1\\n\\t  y = 2\\n', 'if 1:\\n\\tx = 1\\nif 1:\\n        y = 2\\n']:
    try:
        exec(s)
        print('ok')
    except IndentationError as e:
        print(type(e).__name__, e.args[0], isinstance(e, SyntaxError), issubclass(TabError, IndentationError))
`;
    expect(out(src)).toBe(
      'TabError inconsistent use of tabs and spaces in indentation True True\n'.repeat(2) + 'ok\n',
    );
  });
});

describe('slices', () => {
  it('are hashable as in CPython 3.12: dict keys and set members by value', () => {
    const src = `d = {slice(1, 2): 'a', slice(None): 'b'}
print(d[slice(1, 2)], d[slice(None, None, None)], slice(1, 2) in d, slice(1, 3) in d, hash(slice(1, 2)) == hash(slice(1, 2)))
print(len({slice(1, 2), slice(1, 2), slice(1, 2, 3)}))
try:
    hash(slice([], 1))
except TypeError as e:
    print('TypeError', e)
x = {}
x[1:2] = 5
print(x)
`;
    expect(out(src)).toBe("a b True False True\n2\nTypeError unhashable type: 'list'\n{slice(1, 2, None): 5}\n");
  });
});

describe('micropython.heap_lock', () => {
  it('makes creating or growing containers raise MemoryError until unlocked, nested', () => {
    const src = `import micropython
l = [1, 2, 3]
d = {1: 2}
s = {1}
x = 5
seven, nine = [7, 8], [9]
still = lambda: [x]  # (making a function while locked is an allocation too)
def attempt(name, f):
    try:
        f()
        print(name, 'ok')
    except MemoryError as e:
        print(name, 'MemoryError', e.args[0] if e.args else '')
cases = [('list', lambda: [x]), ('tuple', lambda: (x, x)), ('dict', lambda: {x: x}), ('set', lambda: {x}),
         ('slice', lambda: l[0:2]), ('view', lambda: d.items()), ('copy', lambda: s.copy()), ('mv', lambda: memoryview(b'ab')),
         ('extend', lambda: l.extend([4])), ('extend0', lambda: l.extend(())), ('grow', lambda: l.__setitem__(slice(0, 1), seven)),
         ('same', lambda: l.__setitem__(slice(0, 1), nine)), ('const', lambda: (1, ('two', b'3'), ())), ('int', lambda: x * 1000)]
micropython.heap_lock()
micropython.heap_lock()
for name, f in cases:
    attempt(name, f)
n = micropython.heap_unlock()
attempt('still', still)
print(n, micropython.heap_unlock(), micropython.heap_unlock())
for name, f in cases[:2]:
    attempt(name, f)
print(l)
`;
    const locked = 'MemoryError memory allocation failed, heap is locked';
    expect(out(src).split('\n')).toEqual([
      `list ${locked}`, `tuple ${locked}`, `dict ${locked}`, `set ${locked}`, `slice ${locked}`, `view ${locked}`, `copy ${locked}`,
      `mv ${locked}`, `extend ${locked}`, 'extend0 ok', `grow ${locked}`, 'same ok', 'const ok', 'int ok', `still ${locked}`,
      '1 0 0', 'list ok', 'tuple ok', '[9, 2, 3]', '',
    ]);
  });

  it('makes a def, lambda or closure made while locked raise MemoryError; calls still work', () => {
    const src = `import micropython
def g(a):
    return a + 1
def make():
    def inner():
        return 1
    return inner
def attempt(name, f):
    try:
        f()
        print(name, 'ok')
    except MemoryError:
        print(name, 'MemoryError')
call_g = lambda: g(1)
micropython.heap_lock()
attempt('call', call_g)
attempt('def', make)
try:
    h = lambda: 0
    print('lambda ok')
except MemoryError:
    print('lambda MemoryError')
micropython.heap_unlock()
attempt('def', make)
`;
    expect(out(src).split('\n')).toEqual(['call ok', 'def MemoryError', 'lambda MemoryError', 'def ok', '']);
  });
});

describe('exceptions', () => {
  it('prints chained tracebacks as CPython does, in MicroPython format', () => {
    const r = run('try:\n    1/0\nexcept ZeroDivisionError:\n    raise ValueError("bad")\n');
    expect(r.status).toBe(1);
    expect(r.out).toBe(
      'Traceback (most recent call last):\n  File "test.py", line 2, in <module>\nZeroDivisionError: division by zero\n\n' +
        'During handling of the above exception, another exception occurred:\n\n' +
        'Traceback (most recent call last):\n  File "test.py", line 4, in <module>\nValueError: bad\n',
    );
  });
  it('runs finally on return, break and continue', () => {
    const src = `
def f():
    for i in range(3):
        try:
            if i == 0: continue
            if i == 1: break
        finally:
            print('fin', i)
    try:
        return 'r'
    finally:
        print('fin-return')
print(f())
`;
    expect(out(src)).toBe('fin 0\nfin 1\nfin-return\nr\n');
  });
  it('prints OSError(errno) with the errno name as MicroPython does, other forms as CPython', () => {
    const src = `
print(str(OSError(5)), repr(OSError(5)), OSError(5).errno, OSError(5).args)
print(str(OSError(2, 'gone')), str(OSError(99999)), str(OSError('x')), str(OSError()))
class MyErr(OSError): pass
print(str(MyErr(2)))
raise OSError(22)
`;
    const r = run(src);
    expect(r.out).toBe(
      "[Errno 5] EIO OSError(5,) 5 (5,)\n[Errno 2] gone 99999 x \n2\n" +
        'Traceback (most recent call last):\n  File "test.py", line 6, in <module>\nOSError: [Errno 22] EINVAL\n',
    );
  });
  it('gives SystemExit the exit status', () => {
    expect(run('import sys\nsys.exit(3)').status).toBe(3);
    expect(run('raise SystemExit').status).toBe(0);
  });
});

describe('generators and coroutines', () => {
  it('supports send, throw, close and yield from with return values', () => {
    const src = `
def inner():
    x = yield 1
    try:
        yield x
    except KeyError:
        yield 'caught'
    return 'done'
def outer():
    r = yield from inner()
    yield r
g = outer()
print(next(g), g.send('sent'), g.throw(KeyError), next(g))
g.close()
`;
    expect(out(src)).toBe('1 sent caught done\n');
  });
  it('closes context managers when a generator is closed', () => {
    const src = `
class CM:
    def __enter__(self): print('enter')
    def __exit__(self, *a): print('exit', a[0].__name__)
def g():
    with CM():
        yield 1
        yield 2
it = g()
next(it)
it.close()
`;
    expect(out(src)).toBe('enter\nexit GeneratorExit\n');
  });
  it('runs async/await under a tiny scheduler', () => {
    const src = `
class Sleep:
    def __await__(self):
        yield 'tick'
async def work(name, n):
    for i in range(n):
        await Sleep()
    return name
def run(coros):
    results = {}
    while coros:
        for c in list(coros):
            try:
                c.send(None)
            except StopIteration as e:
                results[e.value] = True
                coros.remove(c)
    return sorted(results)
print(run([work('a', 2), work('b', 1)]))
`;
    expect(out(src)).toBe("['a', 'b']\n");
  });
});

describe('import', () => {
  const files = {
    '/pkg/__init__.py': 'from .mod import value\n',
    '/pkg/mod.py': 'value = 42\n',
    '/broken.py': 'x = 1\n1/0\n',
    '/json.py': 'name = "local json"\n',
  };
  it('imports packages with relative imports', () => {
    expect(out('import pkg\nfrom pkg import mod\nprint(pkg.value, mod.value, pkg.mod is mod)', { files })).toBe('42 42 True\n');
  });
  it('leaves no half module after a failed import', () => {
    const src = `
import sys
for i in range(2):
    try:
        import broken
    except ZeroDivisionError:
        print('failed', 'broken' in sys.modules)
`;
    expect(out(src, { files })).toBe('failed False\nfailed False\n');
  });
  it('lets a .py on sys.path override a weak-linked builtin name', () => {
    expect(out('import json\nprint(json.name)', { files })).toBe('local json\n');
  });
  it('imports the builtin when sys.path is empty, even over a loaded module of that name (extending a builtin)', () => {
    const fs = new MemoryFs();
    fs.writeFile('/thing.py', 'import sys\n_p = sys.path\nsys.path = ()\nfrom thing import *\nsys.path = _p\nextra = 1\n');
    let text = '';
    const sink = (d: Uint8Array) => {
      text += new TextDecoder().decode(d);
    };
    const vm = createVM({ host: new MemoryHost({ fs, stdout: sink, stderr: sink, cwd: '/' }) });
    vm.registerModule('uthing', { source: 'def f():\n    return "builtin"\n' }, { weakLink: 'thing' });
    const src = 'import thing\nprint(thing.f(), thing.extra, thing.__file__)\nimport sys\nsys.path = []\nimport thing as t2\nprint(t2 is thing, hasattr(t2, "extra"), t2.f())\n';
    expect([vm.runMain(src, 'test.py'), text]).toEqual([0, 'builtin 1 thing.py\nFalse False builtin\n']);
  });
});

describe('host', () => {
  it('reads and writes files through the host filesystem, relative to the virtual cwd', () => {
    const src = `
with open('data.txt', 'w') as f:
    f.write('line1\\nline2\\n')
with open('/work/data.txt', 'rb') as f:
    f.seek(6)
    print(f.read(), f.tell())
print(open('data.txt').readlines())
try:
    open('missing.txt')
except OSError as e:
    print(type(e).__name__, e.errno)
`;
    const fs = new MemoryFs();
    fs.writeFile('/work/.keep', '');
    const host = new MemoryHost({ fs, cwd: '/work' });
    const vm = createVM({ host });
    expect(vm.runMain(src, 'files.py')).toBe(0);
    expect(host.output).toBe("b'line2\\n' 12\n['line1\\n', 'line2\\n']\nFileNotFoundError 2\n");
    expect(new TextDecoder().decode(fs.readFile('/work/data.txt')!)).toBe('line1\nline2\n');
  });
  it('reads stdin for input()', () => {
    expect(out('a = input("? ")\nb = input()\nprint(a + b)', { stdin: 'x\ny\n' })).toBe('? xy\n');
  });
});
