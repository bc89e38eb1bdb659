// slice and range (MicroPython py/objslice.c, objrange.c; CPython Objects/sliceobject.c, rangeobject.c).
import { PyObject, CMP_EQ, CMP_NE } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, valueError, indexError } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { tupleHash } from './list.js';
import { defMethod, defGetSet } from './function.js';
import { asInt, toIndex, repr, STOP, eqBool, typeName } from '../runtime.js';
import { intAdd, intSub, intMul, intFloorDiv, intMod, type Int } from './int.js';

export class PySlice extends PyObject {
  readonly start: any;
  readonly stop: any;
  readonly step: any;
  constructor(start: any, stop: any, step: any) {
    super(T.sliceType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

function sliceInt(x: any): number {
  const v = asInt(x) ?? toIndex(x);
  if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return v;
}

/**
 * CPython PySlice_GetIndicesEx: clamp a slice to a sequence of length n.
 * Returns [start, stop, step, count].
 */
export function sliceIndices(s: PySlice, n: number): [number, number, number, number] {
  let step = 1;
  if (s.step !== null) {
    step = sliceInt(s.step);
    if (step === 0) throw valueError('slice step cannot be zero');
  }
  let start: number;
  let stop: number;
  if (s.start === null) start = step < 0 ? n - 1 : 0;
  else {
    start = sliceInt(s.start);
    if (start < 0) {
      start += n;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= n) start = step < 0 ? n - 1 : n;
  }
  if (s.stop === null) stop = step < 0 ? -1 : n;
  else {
    stop = sliceInt(s.stop);
    if (stop < 0) {
      stop += n;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= n) stop = step < 0 ? n - 1 : n;
  }
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, count];
}

// ---- range ---------------------------------------------------------------------------------------------

export class PyRange extends PyObject {
  readonly start: Int;
  readonly stop: Int;
  readonly step: Int;
  readonly length: Int;
  constructor(start: Int, stop: Int, step: Int) {
    super(T.rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.length = rangeLen(start, stop, step);
  }
}

function rangeLen(start: Int, stop: Int, step: Int): Int {
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  if (step > 0) return start < stop ? intAdd(intFloorDiv(intSub(intSub(stop, start), 1), step), 1) : 0;
  return start > stop ? intAdd(intFloorDiv(intSub(intSub(start, stop), 1), -step as Int), 1) : 0;
}

export class RangeIter extends PyObject {
  cur: number;
  stop: number;
  step: number;
  constructor(cur: number, stop: number, step: number) {
    super(T.rangeIteratorType);
    this.cur = cur;
    this.stop = stop;
    this.step = step;
  }
}

/** Range iterator over ints beyond the safe range. */
export class BigRangeIter extends PyObject {
  r: PyRange;
  i: Int;
  constructor(r: PyRange) {
    super(T.rangeIteratorType);
    this.r = r;
    this.i = 0;
  }
}

export function rangeIterNext(it: RangeIter): any {
  const c = it.cur;
  if (it.step > 0 ? c >= it.stop : c <= it.stop) return STOP;
  it.cur = c + it.step;
  return c;
}

export function bigRangeIterNext(it: BigRangeIter): any {
  if (it.i >= it.r.length) return STOP;
  const v = intAdd(it.r.start, intMul(it.i, it.r.step));
  it.i = intAdd(it.i, 1);
  return v;
}

export function rangeItem(r: PyRange, i: Int): Int {
  return intAdd(r.start, intMul(i, r.step));
}

export function setupSlice(): void {
  const t = T.sliceType;
  t.repr = (x) => {
    const s = x as PySlice;
    return `slice(${repr(s.start)}, ${repr(s.stop)}, ${repr(s.step)})`;
  };
  // hashable as in CPython 3.12+ (the hash of the tuple (start, stop, step)); CPython 3.11 and
  // MicroPython refuse, a limitation (basics/slice_op.py tests it; basics/slice_optimise.py needs slice keys)
  t.keyKind = 2;
  t.hash = (x) => tupleHash([(x as PySlice).start, (x as PySlice).stop, (x as PySlice).step]);
  t.richcmp = (op, a, b) => {
    if (!(b instanceof PySlice) || (op !== CMP_EQ && op !== CMP_NE)) return NotImplemented;
    const x = a as PySlice;
    const e = eqBool(x.start, b.start) && eqBool(x.stop, b.stop) && eqBool(x.step, b.step);
    return op === CMP_EQ ? e : !e;
  };
  t.make = (_type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('slice() takes no keyword arguments');
    if (args.length === 1) return new PySlice(null, args[0], null);
    if (args.length === 2) return new PySlice(args[0], args[1], null);
    if (args.length === 3) return new PySlice(args[0], args[1], args[2]);
    throw typeError(`slice expected at most 3 arguments, got ${args.length}`);
  };
  defGetSet(t, 'start', (s) => (s as PySlice).start);
  defGetSet(t, 'stop', (s) => (s as PySlice).stop);
  defGetSet(t, 'step', (s) => (s as PySlice).step);
  defMethod(t, 'indices', (self, n) => {
    const len = Number(toIndex(n));
    if (len < 0) throw valueError('length should not be negative');
    const [a, b, c] = sliceIndices(self as PySlice, len);
    return new PyTuple([a, b, c]);
  }, 2);

  const r = T.rangeType;
  r.make = (_type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('range() takes no keyword arguments');
    const ints = args.map((a) => {
      const v = asInt(a);
      if (v !== undefined) return v;
      if (typeof a === 'object' && a !== null && !(a instanceof PyTuple)) {
        try {
          return toIndex(a);
        } catch {
          /* fall through */
        }
      }
      throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
    });
    if (ints.length === 1) return new PyRange(0, ints[0], 1);
    if (ints.length === 2) return new PyRange(ints[0], ints[1], 1);
    if (ints.length === 3) {
      if (ints[2] === 0) throw valueError('range() arg 3 must not be zero');
      return new PyRange(ints[0], ints[1], ints[2]);
    }
    throw typeError(ints.length === 0 ? 'range expected at least 1 argument, got 0' : `range expected at most 3 arguments, got ${ints.length}`);
  };
  r.repr = (x) => {
    const g = x as PyRange;
    return g.step === 1 ? `range(${g.start}, ${g.stop})` : `range(${g.start}, ${g.stop}, ${g.step})`;
  };
  r.len = (x) => {
    const l = (x as PyRange).length;
    if (typeof l === 'bigint' && l > 9223372036854775807n) throw newOverflow();
    return l as number;
  };
  r.bool = (x) => (x as PyRange).length !== 0;
  r.keyKind = 2;
  r.hash = (x) => {
    const g = x as PyRange;
    if (g.length === 0) return 0x1234;
    return Number(BigInt.asIntN(31, BigInt(g.start) * 31n + BigInt(g.length) * 1000003n + (g.length === 1 ? 0n : BigInt(g.step))));
  };
  r.richcmp = (op, a, b) => {
    if (!(b instanceof PyRange) || (op !== CMP_EQ && op !== CMP_NE)) return NotImplemented;
    const x = a as PyRange;
    let e = x.length === b.length;
    if (e && x.length !== 0) e = x.start === b.start && (x.length === 1 || x.step === b.step);
    return op === CMP_EQ ? e : !e;
  };
  r.iter = (x) => {
    const g = x as PyRange;
    if (typeof g.start === 'number' && typeof g.stop === 'number' && typeof g.step === 'number') {
      const end = g.start + Number(g.length) * g.step;
      if (Number.isSafeInteger(end)) return new RangeIter(g.start, end, g.step);
    }
    return new BigRangeIter(g);
  };
  r.contains = (x, item) => {
    const g = x as PyRange;
    const v = asInt(item);
    if (v === undefined || (typeof item === 'object' && item !== null)) {
      // generic equality search for non-ints
      if (v === undefined) {
        for (let i: Int = 0; i < g.length; i = intAdd(i, 1)) if (eqBool(rangeItem(g, i), item)) return true;
        return false;
      }
    }
    const vv = v!;
    if (g.step > 0 ? vv < g.start || vv >= g.stop : vv > g.start || vv <= g.stop) return false;
    return intMod(intSub(vv, g.start), g.step) === 0;
  };
  r.getitem = (x, key) => {
    const g = x as PyRange;
    if (key instanceof PySlice) {
      const len = typeof g.length === 'number' ? g.length : Number.MAX_SAFE_INTEGER;
      const [a, b, c] = sliceIndices(key, len);
      return new PyRange(rangeItem(g, a), rangeItem(g, b), intMul(g.step, c));
    }
    let i = asInt(key) ?? toIndex(key);
    if (i < 0) i = intAdd(i, g.length);
    if (i < 0 || i >= g.length) throw indexError('range object index out of range');
    return rangeItem(g, i);
  };
  defGetSet(r, 'start', (x) => (x as PyRange).start);
  defGetSet(r, 'stop', (x) => (x as PyRange).stop);
  defGetSet(r, 'step', (x) => (x as PyRange).step);
  defMethod(r, 'count', (self, v) => (r.contains!(self, v) ? 1 : 0), 2);
  defMethod(r, 'index', (self, v) => {
    const g = self as PyRange;
    if (!r.contains!(self, v)) throw valueError(`${repr(v)} is not in range`);
    return intFloorDiv(intSub(asInt(v)!, g.start), g.step);
  }, 2);
}

import { overflowError } from './exceptions.js';
function newOverflow() {
  return overflowError('Python int too large to convert to C ssize_t');
}
