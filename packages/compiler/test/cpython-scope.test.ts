// Scope analysis against a reference: for every code object (module, class body, function, lambda,
// comprehension) the fast locals, cell and free variables, argument counts and kind flags must equal
// those of the code objects CPython 3.11 compiles from the same source (python3; skipped without it).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_VARARGS, CO_VARKEYWORDS, CodeObject,
} from '@mpy-ts/bytecode';
import { compile } from '@mpy-ts/compiler';
import { fuzzPrograms } from './fuzz-gen.js';

const FLAGS = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_NESTED;

function summary(c: CodeObject): unknown[] {
  const out: unknown[] = [];
  const walk = (k: CodeObject) => {
    // (the order of locals after the parameters is not significant: CPython numbers them as it emits code)
    const np = k.argCount + k.kwOnlyArgCount + (k.flags & CO_VARARGS ? 1 : 0) + (k.flags & CO_VARKEYWORDS ? 1 : 0);
    const varnames = [...k.varnames.slice(0, np), ...k.varnames.slice(np).sort()];
    out.push([k.name, k.qualname, k.argCount, k.posOnlyArgCount, k.kwOnlyArgCount, varnames, [...k.cellvars].sort(), [...k.freevars].sort(), k.flags & FLAGS]);
    for (const x of k.consts) if (x instanceof CodeObject) walk(x);
  };
  walk(c);
  return out;
}

const snippets = [
  'def f(a, b=1, *c, d, **e):\n    x = 1\n    def g():\n        return a + x\n    return g\n',
  'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        def h():\n            return x\n    return [x for _ in range(3)]\n',
  'def f():\n    global y\n    y = 1\n    def g():\n        return y\n',
  'class A:\n    x = 1\n    def m(self):\n        return super().m(x)\n    def n(self):\n        return __class__\n    y = [x for _ in z]\n',
  'def f():\n    class B:\n        v = w\n        def m(self):\n            return w\n    w = 1\n',
  'def f(a):\n    return lambda b: lambda c: a + b + c\n',
  'def f():\n    return [(y := i) for i in range(3)], y\n',
  '[(z := 1) for i in range(3)]\n',
  'async def f():\n    await g()\n    return [x async for x in h()]\n',
  'async def agen():\n    yield 1\n',
  'def gen():\n    yield from x\n    return (y for y in z)\n',
  'def f(a, /, b, *, c):\n    del a\n    try:\n        pass\n    except E as e:\n        pass\n    import q.r\n    from s import t as u\n    for v, *w in x:\n        pass\n    with m as (n, o):\n        pass\n',
  'def outer():\n    a = 1\n    class C:\n        a = 2\n        def m(self):\n            return a\n    return C\n',
  'def f():\n    x: int\n    y: int = 2\n    return x\n', // (CPython gives `x: int` alone no slot: it has one here because it is used)
  'def f(self):\n    def g():\n        super()\n',
];

const python = spawnSync('python3', ['-c', 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)']);

describe.skipIf(python.status !== 0)('scopes against CPython 3.11 code objects', () => {
  const sources = [...snippets, ...fuzzPrograms(150, 11000)];
  const script = `import json, sys, types
def walk(c, out):
    np = c.co_argcount + c.co_kwonlyargcount + (1 if c.co_flags & 4 else 0) + (1 if c.co_flags & 8 else 0)
    out.append([c.co_name, c.co_qualname, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, list(c.co_varnames[:np]) + sorted(c.co_varnames[np:]),
                sorted(c.co_cellvars), sorted(c.co_freevars), c.co_flags & ${FLAGS}])
    for k in c.co_consts:
        if isinstance(k, types.CodeType): walk(k, out)
    return out
print(json.dumps([walk(compile(s, 't.py', 'exec'), []) for s in json.load(sys.stdin)]))`;
  const r = spawnSync('python3', ['-W', 'ignore', '-c', script], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  const expected = r.status === 0 ? (JSON.parse(r.stdout) as unknown[][]) : [];

  it('python3 compiled everything', () => {
    expect(r.stderr).toBe('');
  });
  it.each(sources.map((s, i) => [i, s]))('source %i', (i, src) => {
    // CPython orders nested code objects as it meets them: compare as multisets. CPython drops code that
    // can never run (a lambda after `raise`), we keep it: each of CPython's code objects must be ours.
    const key = (x: unknown) => JSON.stringify(x);
    const ours = summary(compile(src, { filename: 't.py' })).map(key);
    const missing = expected[i].map(key).filter((k) => {
      const j = ours.indexOf(k);
      if (j < 0) return true;
      ours.splice(j, 1);
      return false;
    });
    expect(missing).toEqual([]);
  });
});
