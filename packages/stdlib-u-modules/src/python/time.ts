// utime (spec 4.1.19): sleeps, ticks, and calendar time. Sleeps block in the host (Host.sleepMs, which
// wakes early on the interrupt word) and then run the VM's safe point, so Ctrl-C and scheduled callbacks
// are honoured while sleeping. The epoch is the VM's (VMOptions.epoch): 2000 on a board, with integer
// time(); 1970 as the unix port, with a float time().
import {
  PyFloat,
  PyList,
  PyTuple,
  overflowError,
  toIndex,
  toNumberValue,
  typeError,
  typeName,
  valueError,
  type PyModule,
  type VM,
} from '@mpy-ts/core-vm';
import { TicksOverflowError, secondsToTuple, ticksAdd, ticksDiff, ticksFrom, tupleToSeconds } from '../time/time.js';
import { intArg, makeModule } from './util.js';

const MS_1970_TO_2000 = 946684800000;

/** Block for `ms` milliseconds of host time, running the VM's safe point after every wake-up. */
export function sleepMs(vm: VM, ms: number): void {
  vm.checkPending();
  if (!(ms > 0)) return;
  const deadline = vm.host.monotonicMs() + ms;
  for (;;) {
    const left = deadline - vm.host.monotonicMs();
    if (left <= 0) break;
    vm.sleepMs(left);
    vm.checkPending();
  }
}

function numberArg(x: any): number {
  const v = toNumberValue(x);
  if (v === undefined) throw typeError(`can't convert ${typeName(x)} to float`);
  return v;
}

function ticksArg(x: any): number {
  const v = toIndex(x);
  return typeof v === 'bigint' ? ticksFrom(v) : v;
}

/** Seconds since the VM's epoch (fractional). */
export function epochSeconds(vm: VM): number {
  const ms = vm.host.wallTimeMs();
  return (vm.epoch === 2000 ? ms - MS_1970_TO_2000 : ms) / 1000;
}

function timeTuple(vm: VM, secs: any): PyTuple {
  let s: number;
  if (secs === undefined || secs === null) s = Math.floor(epochSeconds(vm));
  else {
    const v = secs instanceof PyFloat ? secs.value : Number(toIndex(secs));
    if (!Number.isFinite(v)) throw overflowError('timestamp out of range for platform time_t');
    s = Math.floor(v);
  }
  if (Math.abs(s) > 1e14) throw overflowError('timestamp out of range for platform time_t');
  return new PyTuple(secondsToTuple(s, vm.epoch));
}

export function makeTimeModule(vm: VM, name = 'utime'): PyModule {
  const msTicks = () => ticksFrom(Math.floor(vm.host.monotonicMs()));
  const usTicks = () => ticksFrom(Math.floor(vm.host.monotonicMs() * 1000));
  return makeModule(name, {
    // sleep(seconds): seconds may be a float.
    sleep: [(secs: any) => {
      const s = numberArg(secs);
      if (Number.isNaN(s)) throw valueError('Invalid value NaN (not a number)');
      if (s < 0) throw valueError('sleep length must be non-negative');
      // CPython's limit (int64 nanoseconds): an infinite sleep is an error, not a hang
      if (s > 9223372036) throw overflowError('timestamp too large to convert to C _PyTime_t');
      sleepMs(vm, s * 1000);
      return null;
    }, 1],
    // sleep_ms(ms): "should be positive or 0".
    sleep_ms: [(ms: any) => {
      sleepMs(vm, Math.max(0, intArg(ms)));
      return null;
    }, 1],
    // sleep_us(us): "should be positive or 0".
    sleep_us: [(us: any) => {
      sleepMs(vm, Math.max(0, intArg(us)) / 1000);
      return null;
    }, 1],
    // ticks_ms(), ticks_us(), ticks_cpu(): counters in [0, TICKS_MAX] that wrap at TICKS_PERIOD.
    ticks_ms: [msTicks, 0],
    ticks_us: [usTicks, 0],
    ticks_cpu: [usTicks, 0],
    // ticks_add(ticks, delta): modular addition (OverflowError for a delta ticks_diff cannot give back).
    ticks_add: [(t: any, d: any) => {
      try {
        return ticksAdd(ticksArg(t), toIndex(d));
      } catch (e) {
        if (e instanceof TicksOverflowError) throw overflowError('ticks interval overflow');
        throw e;
      }
    }, 2],
    // ticks_diff(ticks1, ticks2): signed ring difference in [-TICKS_PERIOD/2, TICKS_PERIOD/2 - 1].
    ticks_diff: [(a: any, b: any) => ticksDiff(ticksArg(a), ticksArg(b)), 2],
    // time(): seconds since the epoch (an int on a board; a float in the unix-style VM).
    time: [() => {
      const s = epochSeconds(vm);
      return vm.epoch === 2000 ? Math.floor(s) : new PyFloat(s);
    }, 0],
    time_ns: [() => {
      const ms = vm.host.wallTimeMs() - (vm.epoch === 2000 ? MS_1970_TO_2000 : 0);
      const ns = BigInt(Math.floor(ms * 1000)) * 1000n;
      return ns <= 9007199254740991n ? Number(ns) : ns;
    }, 0],
    // localtime([secs]): (year, month, mday, hour, minute, second, weekday, yearday); UTC.
    localtime: [(secs: any) => timeTuple(vm, secs), { params: 'secs, /', min: 0 }],
    gmtime: [(secs: any) => timeTuple(vm, secs), { params: 'secs, /', min: 0 }],
    // mktime(tuple): inverse of localtime; a full 8-tuple (or CPython's 9-tuple).
    mktime: [(t: any) => {
      if (!(t instanceof PyTuple || t instanceof PyList)) throw typeError(`Tuple or struct_time argument required`);
      const f = t.items;
      if (f.length !== 8 && f.length !== 9) throw typeError('mktime needs a tuple of length 8 or 9');
      const n = f.slice(0, 6).map((x) => intArg(x));
      const secs = tupleToSeconds(n[0], n[1], n[2], n[3], n[4], n[5], vm.epoch);
      return secs;
    }, 1],
  });
}

