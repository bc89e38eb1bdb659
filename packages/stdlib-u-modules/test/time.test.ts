// utime, spec 4.1.19, on a virtual clock (MemoryHost: sleeping advances time instantly; wall time starts at
// 2000-01-01 00:00:00 UTC). Calendar results are checked against JavaScript's Date, ticks arithmetic against
// BigInt modular arithmetic.
import { describe, expect, it } from 'vitest';
import { createVM, MemoryHost } from '@mpy-ts/core-vm';
import { lines, raises, run } from './python.js';

const PERIOD = 2 ** 30;

function ringDiff(a: number, b: number): number {
  const d = Number(((BigInt(a) - BigInt(b) + BigInt(PERIOD / 2)) % BigInt(PERIOD) + BigInt(PERIOD)) % BigInt(PERIOD)) - PERIOD / 2;
  return d;
}

describe('utime on a virtual clock', () => {
  it('sleep, sleep_ms and sleep_us advance ticks_ms/ticks_us by exactly the delay', () => {
    const out = lines([
      'import utime',
      't0 = utime.ticks_ms(); u0 = utime.ticks_us()',
      'utime.sleep_ms(250); print(utime.ticks_diff(utime.ticks_ms(), t0))',
      'utime.sleep(1.5); print(utime.ticks_diff(utime.ticks_ms(), t0))',
      'utime.sleep(2); print(utime.ticks_diff(utime.ticks_ms(), t0))',
      'utime.sleep_us(5000); print(utime.ticks_diff(utime.ticks_ms(), t0))',
      'print(utime.ticks_diff(utime.ticks_us(), u0))',
      'utime.sleep_ms(0); utime.sleep_us(0); utime.sleep_ms(-5)',
      'print(utime.ticks_diff(utime.ticks_ms(), t0))',
    ].join('\n'), { virtualClock: true });
    expect(out).toEqual(['250', '1750', '3750', '3755', '3755000', '3755']);
  });

  it('ticks wrap around at TICKS_PERIOD and ticks_diff still measures the interval', () => {
    const out = lines([
      'import utime',
      'print(utime.ticks_add(0, -1))',
      'utime.sleep_ms(2**30 - 100)',
      't0 = utime.ticks_ms(); print(t0)',
      'utime.sleep_ms(300)',
      't1 = utime.ticks_ms(); print(t1, utime.ticks_diff(t1, t0), utime.ticks_diff(t0, t1))',
      'print(0 <= utime.ticks_us() <= utime.ticks_add(0, -1), 0 <= utime.ticks_cpu() <= utime.ticks_add(0, -1))',
    ].join('\n'), { virtualClock: true });
    expect(out).toEqual([String(PERIOD - 1), String(PERIOD - 100), `200 300 -300`, 'True True']);
  });

  it('ticks_add/ticks_diff agree with modular arithmetic (TICKS_PERIOD = 2**30)', () => {
    const pairs: [number, number][] = [];
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % PERIOD);
    for (let i = 0; i < 200; i++) pairs.push([rnd(), rnd()]);
    const deltas = pairs.map(([, b]) => b - PERIOD / 2);
    const out = lines([
      'import utime',
      `pairs = ${JSON.stringify(pairs)}`,
      `deltas = ${JSON.stringify(deltas)}`,
      'for (a, b), d in zip(pairs, deltas):',
      '    print(utime.ticks_diff(a, b), utime.ticks_add(a, d) if -2**29 < d < 2**29 else "OverflowError")',
    ].join('\n'));
    expect(out).toEqual(pairs.map(([a, b], i) => {
      const d = deltas[i];
      const add = d > -(2 ** 29) && d < 2 ** 29 ? String((((a + d) % PERIOD) + PERIOD) % PERIOD) : 'OverflowError';
      return `${ringDiff(a, b)} ${add}`;
    }));
    expect(raises('import utime\nutime.ticks_add(0, 2**29)')).toBe('OverflowError: ticks interval overflow');
    expect(raises('import utime\nutime.ticks_add(0, -2**29)')).toBe('OverflowError: ticks interval overflow');
  });

  for (const epoch of [2000, 1970] as const) {
    it(`localtime/mktime agree with Date (epoch ${epoch})`, () => {
      const base = epoch === 2000 ? 946684800 : 0;
      const secs: number[] = [0, 59, 60, 3599, 86399, 86400, 31535999, 31536000, 951782400, 2147483647, -1, -86400];
      let s = epoch;
      for (let i = 0; i < 100; i++) secs.push(((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % 4102444800) - base);
      const out = lines([
        'import utime',
        `for s in ${JSON.stringify(secs)}:`,
        '    t = utime.localtime(s)',
        '    print(t, utime.mktime(t) == s, utime.gmtime(s) == t)',
      ].join('\n'), { epoch });
      expect(out).toEqual(secs.map((x) => {
        const d = new Date((x + base) * 1000);
        const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
        const t = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, yday];
        return `(${t.join(', ')}) True True`;
      }));
    });
  }

  it('mktime normalises out-of-range fields and accepts 9-tuples; rejects other lengths', () => {
    const out = lines([
      'import utime',
      'print(utime.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))',
      'print(utime.mktime((2000, 13, 1, 0, 0, 0, 0, 0)) == utime.mktime((2001, 1, 1, 0, 0, 0, 0, 0)))',
      'print(utime.mktime((2000, 3, 0, 0, 0, 0, 0, 0)) == utime.mktime((2000, 2, 29, 0, 0, 0, 0, 0)))',
      'print(utime.mktime((2000, 1, 1, 25, 61, 61, 0, 0, -1)))',
    ].join('\n'), { epoch: 2000 });
    expect(out).toEqual(['0', 'True', 'True', String(25 * 3600 + 61 * 60 + 61)]);
    expect(raises('import utime\nutime.mktime((2000, 1, 1))')).toBe('TypeError: mktime needs a tuple of length 8 or 9');
  });

  it('time(): an int counted from 2000 on a board, a float from 1970 in the unix-style VM', () => {
    expect(lines('import utime\nutime.sleep(5)\nprint(utime.time(), utime.localtime()[:6])', { virtualClock: true, epoch: 2000 }))
      .toEqual(['5 (2000, 1, 1, 0, 0, 5)']);
    expect(lines('import utime\nutime.sleep(5)\nprint(utime.time(), utime.time_ns(), utime.localtime()[:3])', { virtualClock: true, epoch: 1970 }))
      .toEqual(['946684805.0 946684805000000000 (2000, 1, 1)']);
    expect(lines('import time\nprint(time.time_ns() // 10**9 == int(time.time()))', { virtualClock: true, epoch: 1970 })).toEqual(['True']);
  });

  it('a Ctrl-C arriving during a sleep raises KeyboardInterrupt from the sleep', () => {
    const host = new MemoryHost({ virtualClock: true });
    const slept: number[] = [];
    host.sleepMs = (ms: number) => {
      slept.push(ms);
      Atomics.store(host.interrupt, 0, 1); // the user presses Ctrl-C while we sleep
    };
    const vm = createVM({ host });
    expect(() => vm.runPython('import utime\nutime.sleep(1000)')).toThrow(/KeyboardInterrupt/);
    expect(slept).toEqual([1000000]);
  });

  it('bad arguments raise Python exceptions', () => {
    expect(raises('import utime\nutime.sleep("x")')).toMatch(/^TypeError/);
    expect(raises('import utime\nutime.sleep(-1)')).toMatch(/^ValueError/);
    expect(raises('import utime\nutime.sleep_ms(1.5)')).toMatch(/^TypeError/);
    expect(raises('import utime\nutime.localtime("x")')).toMatch(/^TypeError/);
    expect(run('import utime\nutime.localtime(1e300)').out).toMatch(/OverflowError/);
  });
});

describe('output around blocking calls', () => {
  it('writes out everything printed before a sleep before the host starts sleeping', () => {
    const written: string[] = [];
    const seenAtSleep: string[] = [];
    const host = new MemoryHost({ virtualClock: true, stdout: (d) => written.push(new TextDecoder().decode(d)) });
    const sleep = host.sleepMs.bind(host);
    host.sleepMs = (ms: number) => {
      seenAtSleep.push(written.join(''));
      sleep(ms);
    };
    const vm = createVM({ host });
    vm.runPython('import time\nfor i in range(3):\n    print("tick", i)\n    time.sleep_ms(10)\n');
    expect(seenAtSleep).toEqual(['tick 0\n', 'tick 0\ntick 1\n', 'tick 0\ntick 1\ntick 2\n']);
  });
});
