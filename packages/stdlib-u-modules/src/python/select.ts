// uselect (spec 4.1.15): poll objects (register, unregister, modify, poll, ipoll with one-shot flags) and
// select(), over any object with the stream ioctl protocol: a Python object's `ioctl(3, eventmask)` method
// (MP_STREAM_POLL) answers which events are ready (io.IOBase subclasses, asyncio.ThreadSafeFlag), and the
// VM's own files and in-memory streams are always ready. Waiting sleeps in the host (it wakes for Ctrl-C
// and runs scheduled callbacks), re-asking Python-level objects every millisecond.
import {
  PyList,
  PyObject,
  PyTuple,
  PyFloat,
  call,
  defineType,
  getAttrOpt,
  getIter,
  osError,
  overflowError,
  valueError,
  toArray,
  toIndex,
  toNumberValue,
  typeError,
  typeName,
  types,
  type PyModule,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { PyBytesIO, PyStringIO } from './io.js';
import { makeModule } from './util.js';

export const POLLIN = 0x0001;
export const POLLOUT = 0x0004;
export const POLLERR = 0x0008;
export const POLLHUP = 0x0010;
export const POLLNVAL = 0x0020;

const MP_STREAM_POLL = 3;
const EINVAL = 22;

/** The events of `mask` that object `o` has ready (plus any error/hang-up it reports). */
function readiness(o: any, mask: number): number {
  if (o instanceof PyBytesIO || o instanceof PyStringIO) return mask & (POLLIN | POLLOUT);
  const t = (o as PyObject).type;
  if (t === types.fileType || t === types.stdioType || t === types.bufferedFileType) return mask & (POLLIN | POLLOUT);
  const ioctl = getAttrOpt(o, 'ioctl');
  if (ioctl === undefined) throw typeError(`object with stream.ioctl required, not '${typeName(o)}'`);
  const r = call(ioctl, [MP_STREAM_POLL, mask]);
  if (r === null) return 0;
  const v = Number(toIndex(r));
  if (v < 0) throw osError(-v);
  return v & (mask | POLLERR | POLLHUP);
}

/** Is `o` answered by Python code (so its readiness may change while we wait)? */
function isPythonLevel(o: any): boolean {
  if (o instanceof PyBytesIO || o instanceof PyStringIO) return false;
  const t = (o as PyObject).type;
  return !(t === types.fileType || t === types.stdioType || t === types.bufferedFileType);
}

interface Entry {
  obj: any;
  mask: number;
}

class PyPoll extends PyObject {
  entries: Entry[];
  vm: VM;
  constructor(type: PyType, vm: VM) {
    super(type);
    this.entries = [];
    this.vm = vm;
  }
  find(o: any): number {
    for (let i = 0; i < this.entries.length; i++) if (this.entries[i].obj === o) return i;
    return -1;
  }
}

/** Milliseconds from a timeout argument (None or negative: forever, -1). */
function timeoutMs(x: any): number {
  if (x === undefined || x === null) return -1;
  const v = x instanceof PyFloat ? x.value : Number(toIndex(x));
  return v < 0 ? -1 : finiteTimeout(v);
}

/** A non-negative timeout in ms as CPython checks it: NaN is a ValueError, beyond int64 nanoseconds an OverflowError. */
function finiteTimeout(ms: number): number {
  if (Number.isNaN(ms)) throw valueError('Invalid value NaN (not a number)');
  if (ms > 9.2e12) throw overflowError('timeout is too large');
  return ms;
}

/**
 * Poll `entries` until one is ready or `ms` elapse (-1: no limit). Returns [entry, events] pairs. Sleeping
 * happens in the host; the VM's safe point runs after each wake-up.
 */
function pollEntries(vm: VM, entries: Entry[], ms: number): [Entry, number][] {
  const deadline = ms < 0 ? Infinity : vm.host.monotonicMs() + ms;
  for (;;) {
    const ready: [Entry, number][] = [];
    for (const e of entries.slice()) {
      const ev = readiness(e.obj, e.mask);
      if (ev !== 0) ready.push([e, ev]);
    }
    if (ready.length > 0) return ready;
    const left = deadline - vm.host.monotonicMs();
    if (left <= 0) return ready;
    const step = entries.some((e) => isPythonLevel(e.obj) && e.mask !== 0) ? 1 : 1000;
    vm.sleepMs(Math.min(left, step));
    vm.checkPending();
  }
}

let pollType: PyType | null = null;

function getPollType(): PyType {
  if (pollType !== null) return pollType;
  pollType = defineType({
    name: 'poll',
    module: 'select',
    subclassable: false,
    methods: {
      // register(obj[, eventmask]): eventmask defaults to POLLIN | POLLOUT; registering again modifies.
      register: [(self: PyPoll, o: any, mask: any) => {
        const m = mask === undefined ? POLLIN | POLLOUT : Number(toIndex(mask));
        const i = self.find(o);
        if (i >= 0) self.entries[i].mask = m;
        else self.entries.push({ obj: o, mask: m });
        return null;
      }, { params: 'self, obj, eventmask', min: 2 }],
      // unregister(obj)
      unregister: [(self: PyPoll, o: any) => {
        const i = self.find(o);
        if (i >= 0) self.entries.splice(i, 1);
        return null;
      }, 2],
      // modify(obj, eventmask): OSError(ENOENT) if obj is not registered.
      modify: [(self: PyPoll, o: any, mask: any) => {
        const i = self.find(o);
        if (i < 0) throw osError(2);
        self.entries[i].mask = Number(toIndex(mask));
        return null;
      }, 3],
      // poll(timeout=-1): a list of (obj, event) tuples; [] on timeout.
      poll: [(self: PyPoll, timeout: any) => {
        const ready = pollEntries(self.vm, self.entries, timeoutMs(timeout));
        return new PyList(ready.map(([e, ev]) => new PyTuple([e.obj, ev])));
      }, { params: 'self, timeout, /', min: 1 }],
      // ipoll(timeout=-1, flags=0): an iterator of (obj, event) tuples; flags=1 is one-shot (fired objects'
      // masks are reset to 0, as modify(obj, 0)).
      ipoll: [(self: PyPoll, timeout: any, flags: any) => {
        const ready = pollEntries(self.vm, self.entries, timeoutMs(timeout));
        const oneShot = flags !== undefined && (Number(toIndex(flags)) & 1) !== 0;
        if (oneShot) for (const [e] of ready) e.mask = 0;
        return getIter(new PyList(ready.map(([e, ev]) => new PyTuple([e.obj, ev]))));
      }, { params: 'self, timeout, flags, /', min: 1 }],
    },
  });
  return pollType;
}

export function makeSelectModule(vm: VM, name = 'uselect'): PyModule {
  const t = getPollType();
  return makeModule(name, {
    // poll(): a new Poll object.
    poll: [() => new PyPoll(t, vm), 0],
    // select(rlist, wlist, xlist[, timeout]): timeout in seconds (None: no limit).
    select: [(r: any, w: any, x: any, timeout: any) => {
      const entries: Entry[] = [];
      const add = (o: any, m: number) => {
        const e = entries.find((y) => y.obj === o);
        if (e !== undefined) e.mask |= m;
        else entries.push({ obj: o, mask: m });
      };
      for (const o of toArray(r)) add(o, POLLIN);
      for (const o of toArray(w)) add(o, POLLOUT);
      for (const o of toArray(x)) add(o, 0);
      let ms = -1;
      if (timeout !== undefined && timeout !== null) {
        const s = toNumberValue(timeout);
        if (s === undefined) throw typeError(`timeout must be a number, not ${typeName(timeout)}`);
        if (s < 0) throw osError(EINVAL);
        ms = finiteTimeout(s * 1000);
      }
      const ready = pollEntries(vm, entries, ms);
      const rl: any[] = [];
      const wl: any[] = [];
      const xl: any[] = [];
      for (const [e, ev] of ready) {
        if (ev & POLLIN) rl.push(e.obj);
        if (ev & POLLOUT) wl.push(e.obj);
        if (ev & (POLLERR | POLLHUP)) xl.push(e.obj);
      }
      return new PyTuple([new PyList(rl), new PyList(wl), new PyList(xl)]);
    }, { params: 'rlist, wlist, xlist, timeout, /', min: 3 }],
    POLLIN: { value: POLLIN },
    POLLOUT: { value: POLLOUT },
    POLLERR: { value: POLLERR },
    POLLHUP: { value: POLLHUP },
    POLLNVAL: { value: POLLNVAL },
  });
}

