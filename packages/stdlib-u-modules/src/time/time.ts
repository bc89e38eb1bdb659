// utime engine: ticks arithmetic and calendar conversion. Spec 4.1.19 (`utime`).
// The board (ESP8266) counts seconds from 2000-01-01 00:00:00 UTC; the unix-style CLI from 1970-01-01.
// Ticks wrap at TICKS_PERIOD, a power of two: the ESP8266's small-int range, 2**30.

export const TICKS_PERIOD = 2 ** 30;
export const TICKS_MAX = TICKS_PERIOD - 1;

export const EPOCH_2000 = 2000;
export const EPOCH_1970 = 1970;

/** ticks_add() was given a delta ticks_diff() could not give back (MicroPython: OverflowError). */
export class TicksOverflowError extends Error {
  constructor() {
    super('ticks interval overflow');
    this.name = 'TicksOverflowError';
  }
}

/** Reduces a free-running counter (ms, us, cpu cycles) to a ticks value in [0, TICKS_MAX]. */
export function ticksFrom(counter: number | bigint, period = TICKS_PERIOD): number {
  if (typeof counter === 'bigint') return Number(((counter % BigInt(period)) + BigInt(period)) % BigInt(period));
  const r = Math.floor(counter) % period;
  return r < 0 ? r + period : r;
}

/**
 * ticks_add(ticks, delta): modular addition. `delta` must lie strictly between -period/2 and period/2
 * so that ticks_diff(ticks_add(t, d), t) == d holds (MicroPython's extmod/modtime.c check).
 */
export function ticksAdd(ticks: number, delta: number | bigint, period = TICKS_PERIOD): number {
  const half = period / 2;
  if (typeof delta === 'bigint') {
    if (delta <= -BigInt(half) || delta >= BigInt(half)) throw new TicksOverflowError();
    delta = Number(delta);
  }
  if (delta <= -half || delta >= half) throw new TicksOverflowError();
  return ticksFrom(ticks + delta, period);
}

/**
 * ticks_diff(ticks1, ticks2): the signed distance from ticks2 to ticks1 in
 * [-period/2, period/2 - 1], i.e. ticks1 - ticks2 in ring arithmetic.
 */
export function ticksDiff(ticks1: number, ticks2: number, period = TICKS_PERIOD): number {
  const half = period / 2;
  return ticksFrom(ticks1 - ticks2 + half, period) - half;
}

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (m 1..12; d may overflow). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** (year, month, mday, hour, minute, second, weekday 0=Monday, yearday 1..366). */
export type TimeTuple = [number, number, number, number, number, number, number, number];

/** localtime()/gmtime() of `secs` seconds since the epoch year (UTC). */
export function secondsToTuple(secs: number, epochYear = EPOCH_2000): TimeTuple {
  const total = Math.floor(secs) + daysFromCivil(epochYear, 1, 1) * 86400;
  const days = Math.floor(total / 86400);
  const rem = total - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const wday = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const yday = days - daysFromCivil(y, 1, 1) + 1;
  return [y, m, d, Math.floor(rem / 3600), Math.floor((rem % 3600) / 60), rem % 60, wday, yday];
}

/**
 * mktime(): seconds since the epoch year for a date and time, normalising out-of-range fields as C's
 * mktime and MicroPython's timeutils_mktime do (month 13 is January of the next year, day 0 the last
 * day of the previous month, and so on). Weekday and yearday are ignored.
 */
export function tupleToSeconds(year: number, month: number, mday: number, hour = 0, minute = 0, second = 0, epochYear = EPOCH_2000): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const days = daysFromCivil(y, m, 1) + (mday - 1) - daysFromCivil(epochYear, 1, 1);
  return days * 86400 + hour * 3600 + minute * 60 + second;
}
