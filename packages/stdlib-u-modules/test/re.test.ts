// ure: where MicroPython deliberately differs from CPython (split), re1.5's limits, and a pathological
// pattern that must stay interruptible (the CPython-compatible part is test/cpython/check_re.py).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createVM, MemoryHost } from '@mpy-ts/core-vm';
import { lines } from './python.js';

describe('ure MicroPython behaviour', () => {
  it('split() stops at the first empty match (extmod/re_split_empty.py)', () => {
    expect(lines('import ure\nprint(ure.compile(" *").split("a b    c"))\nprint(ure.compile("x*").split("axbc"))'))
      .toEqual(["['a b    c']", "['axbc']"]);
  });

  it('split() with capturing groups raises NotImplementedError', () => {
    expect(lines('import ure\ntry:\n    ure.compile("( )").split("a b")\nexcept NotImplementedError as e:\n    print("NotImplementedError", e)'))
      .toEqual(['NotImplementedError Splitting with sub-captures']);
  });

  it('patterns re1.5 cannot encode are refused with re.error (extmod/re_limit.py)', () => {
    const out = lines([
      'import ure',
      'for p in ("[" + "a" * 256 + "]", "(a)" * 256, "(" + "a" * 62 + ")?", "b" * 63 + "|a"):',
      '    try:',
      '        ure.compile(p)',
      '        print("ok")',
      '    except ure.error as e:',
      '        print("error", isinstance(e, ValueError))',
      'ure.compile("(" + "a" * 20 + ")?")',
      'print("small ok")',
    ].join('\n'));
    expect(out).toEqual(['error True', 'error True', 'error True', 'error True', 'small ok']);
  });

  it('an empty-matching loop overflows the bounded backtrack stack into RuntimeError', () => {
    expect(lines('import ure\ntry:\n    ure.match("(a*)*", "aaa")\nexcept RuntimeError:\n    print("RuntimeError")')).toEqual(['RuntimeError']);
  });

  it('a catastrophic pattern is interruptible by Ctrl-C', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(8));
    const host = new MemoryHost({ interrupt: flag });
    const vm = createVM({ host });
    const helper = new Worker(
      `const { workerData } = require('node:worker_threads');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       Atomics.store(workerData, 0, 1);
       Atomics.notify(workerData, 0);`,
      { eval: true, workerData: flag },
    );
    await new Promise((resolve) => helper.once('online', resolve));
    let caught: unknown = null;
    try {
      vm.runPython('import ure\nure.match("(x+x+)+y", "x" * 40)');
    } catch (e) {
      caught = e;
    }
    await helper.terminate();
    expect(String(caught)).toMatch(/KeyboardInterrupt/);
  }, 60_000);
});
