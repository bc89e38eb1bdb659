// asyncio (frozen Python): the MicroPython API on a virtual clock (sleeps advance time instantly, so the
// timings below are exact). Scheduling details are also covered by extmod/asyncio_*.py in the gate.
import { describe, expect, it } from 'vitest';
import { lines, run } from './python.js';

const opts = { virtualClock: true };

describe('asyncio', () => {
  it('run, create_task, sleep/sleep_ms wake tasks in time order; the clock advances by exactly the delays', () => {
    expect(lines([
      'import asyncio, time',
      't0 = time.ticks_ms()',
      'async def t(name, ms):',
      '    await asyncio.sleep_ms(ms)',
      '    print(name, time.ticks_diff(time.ticks_ms(), t0))',
      '    return name',
      'async def main():',
      '    a = asyncio.create_task(t("a", 300)); b = asyncio.create_task(t("b", 100)); c = asyncio.create_task(t("c", 200))',
      '    await asyncio.sleep(0.5)',
      '    return [await a, await b, await c]',
      'print(asyncio.run(main()))',
    ].join('\n'), opts)).toEqual(['b 100', 'c 200', 'a 300', "['a', 'b', 'c']"]);
  });

  it('uasyncio is the same module; the documented names exist', () => {
    expect(lines([
      'import asyncio, uasyncio',
      'print(asyncio is uasyncio)',
      'names = ["run", "create_task", "sleep", "sleep_ms", "gather", "wait_for", "wait_for_ms", "Event", "ThreadSafeFlag", "Lock",',
      '         "Task", "current_task", "get_event_loop", "new_event_loop", "StreamReader", "StreamWriter", "CancelledError", "TimeoutError"]',
      'print([n for n in names if not hasattr(asyncio, n)])',
    ].join('\n'), opts)).toEqual(['True', '[]']);
  });

  it('wait_for / wait_for_ms: result before the timeout, TimeoutError (and the task cancelled) after it', () => {
    expect(lines([
      'import asyncio',
      'async def work(ms):',
      '    try:',
      '        await asyncio.sleep_ms(ms)',
      '        return ms',
      '    except asyncio.CancelledError:',
      '        print("cancelled", ms)',
      '        raise',
      'async def main():',
      '    print(await asyncio.wait_for_ms(work(10), 50))',
      '    try:',
      '        await asyncio.wait_for(work(100), 0.05)',
      '    except asyncio.TimeoutError:',
      '        print("timeout")',
      'asyncio.run(main())',
    ].join('\n'), opts)).toEqual(['10', 'cancelled 100', 'timeout']);
  });

  it('ThreadSafeFlag set from a scheduled callback wakes the waiting task', () => {
    expect(lines([
      'import asyncio, micropython',
      'flag = asyncio.ThreadSafeFlag()',
      'async def waiter():',
      '    await flag.wait()',
      '    print("woken")',
      'async def main():',
      '    t = asyncio.create_task(waiter())',
      '    await asyncio.sleep_ms(10)',
      '    micropython.schedule(lambda _: flag.set(), None)',
      '    await t',
      '    print("done")',
      'asyncio.run(main())',
    ].join('\n'), opts)).toEqual(['woken', 'done']);
  });

  it('Lock serialises tasks; Event wakes all waiters; gather collects results in order', () => {
    expect(lines([
      'import asyncio',
      'lock = asyncio.Lock(); ev = asyncio.Event()',
      'async def worker(i):',
      '    await ev.wait()',
      '    async with lock:',
      '        print("in", i)',
      '        await asyncio.sleep_ms(5)',
      '        print("out", i)',
      '    return i * i',
      'async def main():',
      '    g = asyncio.gather(worker(1), worker(2), worker(3))',
      '    async def go():',
      '        await asyncio.sleep_ms(1)',
      '        ev.set()',
      '    asyncio.create_task(go())',
      '    print(await g, lock.locked())',
      'asyncio.run(main())',
    ].join('\n'), opts)).toEqual(['in 1', 'out 1', 'in 2', 'out 2', 'in 3', 'out 3', '[1, 4, 9] False']);
  });

  it('StreamReader/StreamWriter over a pollable stream (the stream ioctl protocol)', () => {
    expect(lines([
      'import asyncio, uio',
      'class Pipe(uio.IOBase):',
      '    def __init__(self): self.buf = bytearray(); self.closed = False',
      '    def ioctl(self, req, arg):',
      '        if req == 3: return (1 if self.buf or self.closed else 0) & arg | (4 & arg)',
      '        return 0',
      '    def read(self, n=-1):',
      '        if not self.buf: return b"" if self.closed else None',
      '        n = len(self.buf) if n < 0 else n',
      '        r = bytes(self.buf[:n]); self.buf = self.buf[n:]; return r',
      '    def readline(self):',
      '        i = self.buf.find(b"\\n")',
      '        if i < 0: return None if not self.closed else self.read()',
      '        return self.read(i + 1)',
      '    def write(self, b): self.buf.extend(b); return len(b)',
      '    def close(self): self.closed = True',
      'p = Pipe()',
      'async def producer():',
      '    w = asyncio.StreamWriter(p, {})',
      '    for i in range(3):',
      '        w.write(b"line %d\\n" % i)',
      '        await w.drain()',
      '        await asyncio.sleep_ms(10)',
      '    p.close()',
      'async def consumer():',
      '    r = asyncio.StreamReader(p)',
      '    while True:',
      '        l = await r.readline()',
      '        if not l: break',
      '        print(l)',
      'async def main():',
      '    await asyncio.gather(consumer(), producer())',
      'asyncio.run(main())',
    ].join('\n'), opts)).toEqual(["b'line 0\\n'", "b'line 1\\n'", "b'line 2\\n'"]);
  });

  it('an unretrieved task exception goes to the default handler (stderr), the loop carries on', () => {
    const r = run([
      'import asyncio',
      'async def bad():',
      '    raise ValueError("oops")',
      'async def main():',
      '    asyncio.create_task(bad())',
      '    await asyncio.sleep_ms(1)',
      '    print("after")',
      'asyncio.run(main())',
    ].join('\n'), opts);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Task exception wasn't retrieved\nfuture: <Task> coro= <.*>\nTraceback \(most recent call last\):\n(.*\n)*ValueError: oops\nafter\n$/);
  });

  it('get_event_loop().run_until_complete, new_event_loop, run_forever/stop', () => {
    expect(lines([
      'import asyncio',
      'async def f(x):',
      '    await asyncio.sleep_ms(1)',
      '    return x * 2',
      'loop = asyncio.get_event_loop()',
      'print(loop.run_until_complete(f(21)))',
      'async def stopper():',
      '    print("stopping")',
      '    loop.stop()',
      'loop = asyncio.new_event_loop()',
      'loop.create_task(stopper())',
      'loop.run_forever()',
      'print("stopped")',
    ].join('\n'), opts)).toEqual(['42', 'stopping', 'stopped']);
  });
});
