// FAT timestamps: local date and time packed in 16-bit words, two-second resolution, years 1980..2107.

/** A local calendar date and time, as a board's RTC gives it. */
export interface FatDateTime {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  minute: number;
  second: number;
}

/** Where the engine gets "now" for timestamps. Inject one for deterministic images. */
export type FatClock = () => FatDateTime;

/** The host's local time (through the ECMAScript `Date`, which every JavaScript host has). */
export const systemClock: FatClock = () => {
  const d = new Date();
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
};

/** A clock that always answers the same time (2000-01-01 00:00:00 unless told otherwise). */
export function fixedClock(t: FatDateTime = { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 }): FatClock {
  return () => t;
}

/** A clock from seconds since 1970-01-01 (taken as local time, no time-zone shift). */
export function clockFromEpochSeconds(now: () => number): FatClock {
  return () => dateTimeFromEpoch(now());
}

export function dateTimeFromEpoch(seconds: number): FatDateTime {
  const d = new Date(Math.floor(seconds) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Packs a time as FAT's (date << 16) | time. Out-of-range years are clamped to 1980..2107. */
export function packDateTime(t: FatDateTime): { date: number; time: number } {
  let { year, month, day, hour, minute, second } = t;
  if (year < 1980) [year, month, day, hour, minute, second] = [1980, 1, 1, 0, 0, 0];
  if (year > 2107) [year, month, day, hour, minute, second] = [2107, 12, 31, 23, 59, 58];
  const date = ((year - 1980) << 9) | ((month & 15) << 5) | (day & 31);
  const time = ((hour & 31) << 11) | ((minute & 63) << 5) | ((second >> 1) & 31);
  return { date, time };
}

export function unpackDateTime(date: number, time: number): FatDateTime {
  return {
    year: 1980 + ((date >> 9) & 0x7f),
    month: (date >> 5) & 15,
    day: date & 31,
    hour: (time >> 11) & 31,
    minute: (time >> 5) & 63,
    second: (time & 31) * 2,
  };
}

/**
 * Seconds since 1970-01-01 of a FAT date and time, taking the fields as UTC (FAT stores local time and
 * has no zone). Month or day 0, which some images contain, count as 1 (as MicroPython's timeutils does).
 */
export function fatToEpochSeconds(date: number, time: number): number {
  const t = unpackDateTime(date, time);
  return Date.UTC(t.year, Math.max(t.month, 1) - 1, Math.max(t.day, 1), t.hour, t.minute, t.second) / 1000;
}
