// uselect, spec 4.1.15, over Python objects with the stream ioctl protocol (io.IOBase subclasses).
import { describe, expect, it } from 'vitest';
import { lines, raises } from './python.js';

const STREAM = [
  'import uselect, uio',
  'class S(uio.IOBase):',
  '    def __init__(self, ready=0, after=0):',
  '        self.ready = ready; self.after = after; self.calls = 0',
  '    def ioctl(self, req, arg):',
  '        if req != 3: return -1',
  '        self.calls += 1',
  '        if self.after and self.calls >= self.after: self.ready = uselect.POLLIN',
  '        return self.ready if self.ready < 0 else self.ready & arg',
].join('\n');

describe('uselect', () => {
  it('poll(): register with a mask (default POLLIN | POLLOUT), modify, unregister; (obj, event) tuples', () => {
    expect(lines([
      STREAM,
      'p = uselect.poll()',
      'a = S(uselect.POLLIN | uselect.POLLOUT); b = S(uselect.POLLOUT); c = S(0)',
      'p.register(a); p.register(b, uselect.POLLIN); p.register(c)',
      'print([(o is a, o is b, ev) for o, ev in p.poll(0)])',
      'p.modify(b, uselect.POLLOUT)',
      'print([(o is a, o is b, ev) for o, ev in p.poll(0)])',
      'p.unregister(a); p.unregister(a)',
      'print([(o is b, ev) for o, ev in p.poll(0)])',
      'p.unregister(b)',
      'print(p.poll(0), uselect.POLLIN, uselect.POLLOUT, uselect.POLLERR, uselect.POLLHUP)',
    ].join('\n'))).toEqual(['[(True, False, 5)]', '[(True, False, 5), (False, True, 4)]', '[(True, 4)]', '[] 1 4 8 16']);
  });

  it('poll(timeout) waits (on the host clock) until an object is ready, or returns [] after the timeout', () => {
    expect(lines([
      STREAM,
      'import utime',
      'p = uselect.poll()',
      'x = S(after=5); p.register(x, uselect.POLLIN)',
      't0 = utime.ticks_ms(); r = p.poll(1000)',
      'print([ev for o, ev in r], x.calls, utime.ticks_diff(utime.ticks_ms(), t0) < 1000)',
      'p.unregister(x); p.register(S(0), uselect.POLLIN)',
      't0 = utime.ticks_ms(); print(p.poll(250), utime.ticks_diff(utime.ticks_ms(), t0))',
      'q = uselect.poll(); t0 = utime.ticks_ms(); print(q.poll(40), utime.ticks_diff(utime.ticks_ms(), t0))',
    ].join('\n'), { virtualClock: true })).toEqual(['[1] 5 True', '[] 250', '[] 40']);
  });

  it('ipoll(timeout, flags=1) is one-shot: fired objects are modified to 0', () => {
    expect(lines([
      STREAM,
      'p = uselect.poll(); a = S(uselect.POLLIN); p.register(a, uselect.POLLIN)',
      'print([ev for o, ev in p.ipoll(0, 1)], [ev for o, ev in p.ipoll(0)])',
      'p.modify(a, uselect.POLLIN); print([ev for o, ev in p.ipoll(0)])',
    ].join('\n'))).toEqual(['[1] []', '[1]']);
  });

  it('select(rlist, wlist, xlist[, timeout])', () => {
    expect(lines([
      STREAM,
      'r = S(uselect.POLLIN); w = S(uselect.POLLOUT); n = S(0)',
      'rl, wl, xl = uselect.select([r, n], [w, n], [], 0)',
      'print(rl == [r], wl == [w], xl)',
      'import uio; f = uio.BytesIO(); print(uselect.select([f], [f], [], 0) == ([f], [f], []))',
      'print(uselect.select([n], [], [], 0.01))',
    ].join('\n'), { virtualClock: true })).toEqual(['True True []', 'True', '([], [], [])']);
  });

  it('errors: a negative ioctl result is OSError(-result); objects without ioctl; modify of an unregistered object', () => {
    expect(lines([
      STREAM,
      'e = S(-1000); p = uselect.poll(); p.register(e)',
      'try:',
      '    p.poll(0)',
      'except OSError as er:',
      '    print("OSError", er.errno)',
    ].join('\n'))).toEqual(['OSError 1000']);
    expect(raises('import uselect\np = uselect.poll()\np.register(object())\np.poll(0)')).toMatch(/^TypeError/);
    expect(raises('import uselect\np = uselect.poll()\np.modify(object(), 1)')).toMatch(/^OSError/);
  });

  it('a Ctrl-C while waiting raises KeyboardInterrupt from poll()', async () => {
    const { createVM, MemoryHost } = await import('@mpy-ts/core-vm');
    const host = new MemoryHost({ virtualClock: true });
    host.sleepMs = () => {
      Atomics.store(host.interrupt, 0, 1);
    };
    const vm = createVM({ host });
    expect(() => vm.runPython('import uselect\nuselect.poll().poll(-1)')).toThrow(/KeyboardInterrupt/);
  });
});
