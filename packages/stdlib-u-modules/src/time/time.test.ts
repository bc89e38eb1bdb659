import { describe, expect, it } from 'vitest';
import { EPOCH_1970, EPOCH_2000, TICKS_MAX, TICKS_PERIOD, TicksOverflowError, secondsToTuple, ticksAdd, ticksDiff, ticksFrom, tupleToSeconds } from '../index.js';

describe('ticks arithmetic (spec 4.1.19)', () => {
  it('ticks_add(0, -1) is TICKS_MAX, a power of two minus one', () => {
    expect(ticksAdd(0, -1)).toBe(TICKS_MAX);
    expect(Math.log2(TICKS_PERIOD) % 1).toBe(0);
  });
  it('reproduces extmod/ticks_add.py', () => {
    const out: string[] = [];
    const INTERVAL_MAX = Math.floor(TICKS_MAX / 2);
    out.push(String(ticksAdd(20, 12)), String(ticksAdd(20, -12)));
    out.push(String(ticksDiff(ticksAdd(100, 123), 100)), String(ticksDiff(ticksAdd(100, -123), 100)));
    out.push(String(ticksDiff(100, ticksAdd(100, 123))), String(ticksDiff(100, ticksAdd(100, -123))));
    for (const T of [0, 10, TICKS_MAX]) {
      for (const delta of [-INTERVAL_MAX - 1, -INTERVAL_MAX, 0, INTERVAL_MAX, INTERVAL_MAX + 1]) {
        for (const check of [() => ticksDiff(ticksAdd(T, delta), T) === delta, () => ticksDiff(T, ticksAdd(T, delta)) === -delta]) {
          try {
            out.push(check() ? 'True' : 'False');
          } catch (e) {
            expect(e).toBeInstanceOf(TicksOverflowError);
            out.push('OverflowError');
          }
        }
      }
    }
    const per = ['OverflowError', 'OverflowError', 'True', 'True', 'True', 'True', 'True', 'True', 'OverflowError', 'OverflowError'];
    expect(out).toEqual(['32', '8', '123', '-123', '-123', '123', ...per, ...per, ...per]);
  });
  it('ticks_diff returns values in [-PERIOD/2, PERIOD/2 - 1] and wraps as the spec describes', () => {
    const half = TICKS_PERIOD / 2;
    expect(ticksDiff(half - 1, 0)).toBe(half - 1);
    expect(ticksDiff(half, 0)).toBe(-half);
    expect(ticksDiff(0, TICKS_MAX)).toBe(1);
    expect(ticksDiff(TICKS_MAX, 0)).toBe(-1);
  });
  it('accepts big deltas only within range', () => {
    expect(() => ticksAdd(0, 2n ** 100n)).toThrow(TicksOverflowError);
    expect(ticksAdd(5, -3n)).toBe(2);
  });
  it('reduces counters modulo the period', () => {
    expect(ticksFrom(TICKS_PERIOD + 5)).toBe(5);
    expect(ticksFrom(-1)).toBe(TICKS_MAX);
    expect(ticksFrom(2n ** 70n + 7n)).toBe(7);
  });
});

/** Oracle: JavaScript's Date in UTC. */
function viaDate(secs: number, epoch: number): number[] {
  const ms = (secs + Date.UTC(epoch, 0, 1) / 1000) * 1000;
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, Math.floor((ms - start) / 86400000) + 1];
}

describe('localtime / mktime', () => {
  it('both epochs: the epoch itself', () => {
    expect(secondsToTuple(0, EPOCH_2000)).toEqual([2000, 1, 1, 0, 0, 0, 5, 1]);
    expect(secondsToTuple(0, EPOCH_1970)).toEqual([1970, 1, 1, 0, 0, 0, 3, 1]);
    expect(tupleToSeconds(2000, 1, 1, 0, 0, 0, EPOCH_1970)).toBe(946684800);
  });
  it('agrees with Date over 1900..2200 in both epochs, and round-trips', () => {
    for (const epoch of [EPOCH_1970, EPOCH_2000]) {
      for (let s = Date.UTC(1900, 0, 1) / 1000 - Date.UTC(epoch, 0, 1) / 1000; s < Date.UTC(2200, 0, 1) / 1000; s += 86400 * 13 + 3601 * 7 + 17) {
        const t = secondsToTuple(s, epoch);
        expect(t).toEqual(viaDate(s, epoch));
        expect(tupleToSeconds(t[0], t[1], t[2], t[3], t[4], t[5], epoch)).toBe(s);
      }
    }
  });
  it('mktime normalises out-of-range fields like C mktime', () => {
    expect(tupleToSeconds(2001, 13, 1)).toBe(tupleToSeconds(2002, 1, 1));
    expect(tupleToSeconds(2001, 3, 0)).toBe(tupleToSeconds(2001, 2, 28));
    expect(tupleToSeconds(2000, 1, 1, 25)).toBe(tupleToSeconds(2000, 1, 2, 1));
    expect(tupleToSeconds(2000, 0, 1)).toBe(tupleToSeconds(1999, 12, 1));
    expect(tupleToSeconds(2000, 1, 1, 0, 0, -1)).toBe(-1);
  });
  it('reproduces extmod/time_mktime.py on the unix epoch', () => {
    // 2100-01-01 is a Friday (wday 4), 1970-01-01 a Thursday (3).
    expect(secondsToTuple(tupleToSeconds(2100, 1, 1, 13, 0, 0, EPOCH_1970), EPOCH_1970).slice(0, 3)).toEqual([2100, 1, 1]);
    expect(secondsToTuple(tupleToSeconds(2100, 1, 1, 0, 0, 0, EPOCH_1970), EPOCH_1970)[6]).toBe(4);
  });
});
