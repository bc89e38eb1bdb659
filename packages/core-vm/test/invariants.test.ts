// The VM's own invariants (ARCHITECTURE.md "Execution model"): interrupts arrive promptly even in a tight
// loop, deep recursion is a Python RuntimeError, and no JavaScript error ever escapes as such.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { builtin, createVM, defineType, MemoryHost, PythonError, PyBaseException, PyObject } from '../src/index.js';
import { mulberry32, run } from './helpers.js';

describe('interrupts', () => {
  it('raises KeyboardInterrupt in `while True: pass` within 50 ms of the flag being set from another thread', async () => {
    const sab = new SharedArrayBuffer(16);
    const flag = new Int32Array(sab, 0, 2);
    const stamp = new Float64Array(sab, 8, 1);
    const host = new MemoryHost({ interrupt: flag });
    const vm = createVM({ host });
    // the helper thread waits 200 ms, records the time, then raises the flag
    const helper = new Worker(
      `const { workerData } = require('node:worker_threads');
       const flag = new Int32Array(workerData, 0, 2);
       const stamp = new Float64Array(workerData, 8, 1);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
       stamp[0] = performance.timeOrigin + performance.now();
       Atomics.store(flag, 0, 1);
       Atomics.notify(flag, 0);`,
      { eval: true, workerData: sab },
    );
    await new Promise((resolve) => helper.once('online', resolve));
    let caught: unknown = null;
    try {
      vm.runPython('while True:\n    pass\n');
    } catch (e) {
      caught = e;
    }
    const latency = performance.timeOrigin + performance.now() - stamp[0];
    await helper.terminate();
    expect(caught).toBeInstanceOf(PythonError);
    expect((caught as PythonError).pyType).toBe('KeyboardInterrupt');
    expect(latency).toBeLessThan(50);
  });

  it('delivers KeyboardInterrupt inside the try around a loop, at the loop line', async () => {
    for (const [src, line] of [
      ['try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print("caught")\n', 0],
      ['n = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print("caught")\n', 0],
      ['def f():\n    while 1:\n        pass\nf()\n', 2],
    ] as const) {
      const flag = new Int32Array(new SharedArrayBuffer(8));
      const host = new MemoryHost({ interrupt: flag });
      const vm = createVM({ host });
      const helper = new Worker(
        `const { workerData } = require('node:worker_threads');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
         Atomics.store(workerData, 0, 1);
         Atomics.notify(workerData, 0);`,
        { eval: true, workerData: flag },
      );
      await new Promise((resolve) => helper.once('online', resolve));
      const status = vm.runMain(src, 'loop.py');
      await helper.terminate();
      if (line === 0) {
        expect(status).toBe(0);
        expect(host.output).toBe('caught\n');
      } else {
        expect(status).toBe(1);
        expect(host.errors).toContain(`File "loop.py", line ${line}, in f`);
        expect(host.errors).toContain('KeyboardInterrupt');
      }
    }
  });

  it('runs micropython.schedule callbacks at the next safe point', () => {
    const r = run('import micropython\nseen = []\nmicropython.schedule(seen.append, 1)\nfor i in range(3): pass\nprint(seen)');
    expect(r.out).toBe('[1]\n');
  });
});

describe('recursion', () => {
  it('raises RuntimeError, never a JavaScript RangeError', () => {
    const r = run('def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print("RuntimeError", e)\n');
    expect(r.out).toBe('RuntimeError maximum recursion depth exceeded\n');
  });
  it('maps JS stack exhaustion inside builtins to RuntimeError too', () => {
    const src = `
x = (1, 2)
for i in range(100000):
    x = map(abs, x)
try:
    tuple(x)
except RuntimeError:
    print('RuntimeError')
`;
    expect(run(src).out).toBe('RuntimeError\n');
  });
});

/** A deterministic pseudo-random generator of floats in [0, 1). */
function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

describe('fuzz: every failure is a Python exception', () => {
  const atoms = ['0', '1', '-3', '2**70', '1.5', 'float("nan")', '"ab"', "b'x'", '[]', '[1, 2]', '()', '(1,)', '{}', '{1: 2}',
    'None', 'True', 'set()', 'range(3)', 'slice(1)', 'object()', 'int', 'len', '...', '1j', 'bytearray(2)', 'memoryview(b"ab")'];
  const binops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=', 'in', 'is', 'and', 'or', '@'];
  const wrappers = ['-{}', '~{}', 'not {}', '{}[0]', '{}[1:]', 'len({})', 'hash({})', 'str({})', 'repr({})', 'iter({})', 'list({})',
    'int({})', 'float({})', 'abs({})', 'bool({})', '{}.x', '{}()', 'sorted({})', 'divmod({}, 2)', 'pow({}, 2, 5)', 'round({})',
    'bytes({})', 'dict({})', 'set({})', 'tuple({})', 'min({})', 'next(iter({}))', '"%s" % {}', 'f"{{{}!r:>5}}"', 'format({}, "x")'];

  function expr(r: () => number, depth: number): string {
    if (depth <= 0 || r() < 0.3) return atoms[Math.floor(r() * atoms.length)];
    if (r() < 0.5) return `(${expr(r, depth - 1)} ${binops[Math.floor(r() * binops.length)]} ${expr(r, depth - 1)})`;
    return wrappers[Math.floor(r() * wrappers.length)].replace('{}', expr(r, depth - 1));
  }

  it('evaluates 3000 random expressions without an internal error', () => {
    const r = rng(12345);
    const vm = createVM({ host: new MemoryHost() });
    let pythonErrors = 0;
    for (let i = 0; i < 3000; i++) {
      const e = expr(r, 4);
      try {
        vm.runPython(e, { mode: 'eval' });
      } catch (err) {
        if (!(err instanceof PythonError) || !(err.exception instanceof PyBaseException)) {
          throw new Error(`non-Python error for ${e}: ${String(err)}`);
        }
        if (err.pyType === 'SystemError') throw new Error(`internal error for ${e}: ${err.traceback}`);
        pythonErrors++;
      }
    }
    expect(pythonErrors).toBeGreaterThan(100);
  });
});

describe('output of long computations', () => {
  it('reaches the host while the program is still running, not only when it ends', () => {
    const written: string[] = [];
    const host = new MemoryHost({ stdout: (d) => written.push(new TextDecoder().decode(d)) });
    const vm = createVM({ host });
    // `probe` is called from Python after the print and a long loop: by then the periodic safe point must
    // have flushed the buffered print to the host.
    let seen = '';
    vm.globals.set('probe', builtin('probe', () => {
      seen = written.join('');
      return null;
    }, 0));
    vm.runPython('print("started")\nn = 0\nwhile n < 300000:\n    n += 1\nprobe()\nprint("done")\n');
    expect(seen).toBe('started\n');
    expect(written.join('')).toBe('started\ndone\n');
  });
});

describe('host errors at the stack limit', () => {
  it('maps stack exhaustion to RuntimeError whatever JS error reports it', async () => {
    const { exceptionFromHost, formatException } = await import('../src/index.js');
    const last = (e: Error) => formatException(exceptionFromHost(e)).trim().split('\n').at(-1);
    expect(last(new RangeError('Maximum call stack size exceeded'))).toBe('RuntimeError: maximum recursion depth exceeded');
    // V8 reports an overflow while compiling a regular expression as a SyntaxError
    expect(last(new SyntaxError('Invalid regular expression: /a/: Maximum call stack size exceeded'))).toBe(
      'RuntimeError: maximum recursion depth exceeded',
    );
    expect(last(new RangeError('Invalid string length'))).toBe('MemoryError: memory allocation failed');
    // a Map or Set past V8's size limit (set(range(2**25)))
    expect(last(new RangeError('Map maximum size exceeded'))).toBe('MemoryError: memory allocation failed');
    expect(last(new TypeError('x is not a function'))).toBe('SystemError: internal error: TypeError: x is not a function');
  });
});

describe('hostile arguments (found by the product fuzz, packages/cli/test/hostile-input.test.ts)', () => {
  it('a defineType type checks the arity and keywords of its __init__', () => {
    const t = defineType({
      name: 'Pair',
      alloc: (type) => new PyObject(type),
      methods: { __init__: [(_self: unknown, a: unknown, b: unknown) => (a === undefined || b === undefined ? 'undefined!' : null), { params: 'self, a, b', min: 3 }] },
    });
    const vm = createVM({ host: new MemoryHost() });
    vm.globals.set('Pair', t);
    const err = (src: string) => {
      try {
        vm.runPython(src);
        return 'no error';
      } catch (e) {
        return (e as PythonError).traceback.trim().split('\n').at(-1);
      }
    };
    expect(err('Pair(1)')).toMatch(/^TypeError: /);
    expect(err('Pair(1, 2, c=3)')).toMatch(/^TypeError: 'c' is an invalid keyword argument/);
    expect(err('Pair(1, 2)')).toBe('no error');
    expect(err('Pair(1, b=2)')).toBe('no error');
  });

  it('math.factorial, comb and perm of results past the int size limit: MemoryError at once', () => {
    const r = run(`import math
for f in (lambda: math.factorial(2**31), lambda: math.factorial(10**7), lambda: math.comb(2**40, 2**20), lambda: math.perm(2**40, 2**21)):
    try:
        f()
    except MemoryError:
        print('MemoryError')
print(math.comb(10**6, 3), len(str(math.factorial(2000))))
`);
    expect(r.out).toBe('MemoryError\n'.repeat(4) + '166666166667000000 5736\n');
  });
});
