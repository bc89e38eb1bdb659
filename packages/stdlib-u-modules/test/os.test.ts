// uos non-filesystem parts, spec 4.1.13: uname, urandom, dupterm (and their place in another package's uos).
import { describe, expect, it } from 'vitest';
import { createVM, MemoryHost, PyModule } from '@mpy-ts/core-vm';
import { lines, raises, run } from './python.js';

describe('uos', () => {
  it('uname() is a 5-tuple of strings with named fields', () => {
    expect(lines([
      'import uos',
      'u = uos.uname()',
      'print(len(u), all(isinstance(x, str) for x in u), u.sysname == u[0], u.machine == u[4], u.release)',
    ].join('\n'))).toEqual(['5 True True True 1.9.4']);
    expect(lines('import os\nprint(os.uname().sysname)', { platform: 'esp8266' })).toEqual(['esp8266']);
  });

  it('urandom(n) returns n bytes, deterministic under a seeded host, different across seeds', () => {
    const a = lines('import uos\nprint(len(uos.urandom(0)), len(uos.urandom(33)), uos.urandom(16).hex())', { seed: 1, virtualClock: true });
    const b = lines('import uos\nprint(len(uos.urandom(0)), len(uos.urandom(33)), uos.urandom(16).hex())', { seed: 1, virtualClock: true });
    const c = lines('import uos\nprint(len(uos.urandom(0)), len(uos.urandom(33)), uos.urandom(16).hex())', { seed: 2, virtualClock: true });
    expect(a).toEqual(b);
    expect(a[0].startsWith('0 33 ')).toBe(true);
    expect(c[0]).not.toBe(a[0]);
    expect(raises('import uos\nuos.urandom(-1)')).toMatch(/^ValueError/);
  });

  it('dupterm(stream, index): output is copied to the stream, input is read from it; None detaches', () => {
    const r = run([
      'import uos, uio',
      'class Term(uio.IOBase):',
      '    def __init__(self): self.out = bytearray(); self.inp = bytearray(b"typed\\n")',
      '    def write(self, b): self.out.extend(b); return len(b)',
      '    def readinto(self, b):',
      '        if not self.inp: return None',
      '        n = min(len(b), len(self.inp)); b[:n] = self.inp[:n]; self.inp = self.inp[n:]; return n',
      't = Term()',
      'print(uos.dupterm(t))',
      'print("hello")',
      'line = input()',
      'prev = uos.dupterm(None)',
      'print("not copied")',
      'print(prev is t, repr(line), bytes(t.out))',
    ].join('\n'));
    expect(r.out).toBe("None\nhello\nnot copied\nTrue 'typed' b'None\\nhello\\n'\n");
  });

  it('a stream whose write() raises is deactivated; bad slots and streams are rejected', () => {
    const r = run([
      'import uos',
      'class Bad:',
      '    def write(self, b): raise OSError(5)',
      '    def readinto(self, b): return None',
      'uos.dupterm(Bad(), 1)',
      'print("one")',
      'print(uos.dupterm(None, 1))',
    ].join('\n'));
    expect(r.out).toMatch(/^one\ndupterm: Exception in write\(\) method, deactivating: .*OSError: \[Errno 5\] EIO\nNone\n$/s);
    expect(raises('import uos\nuos.dupterm(None, 5)')).toMatch(/^ValueError/);
    expect(raises('import uos\nuos.dupterm(object())')).toMatch(/^TypeError/);
  });

  it('uname/urandom/dupterm are added to a uos provided by another package', () => {
    const vm = createVM({ host: new MemoryHost() });
    vm.registerModule('uos', () => {
      const m = new PyModule('uos');
      return m;
    });
    vm.runPython('import uos\nr = (hasattr(uos, "uname"), hasattr(uos, "urandom"), hasattr(uos, "dupterm"))');
    expect(vm.runPython('r', { mode: 'eval' }).items).toEqual([true, true, true]);
  });
});
