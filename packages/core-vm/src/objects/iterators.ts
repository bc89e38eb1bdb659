// Iterator types: enumerate, zip, map, filter, reversed, iter(callable, sentinel), and the `next` slots
// of the container iterators (MicroPython py/objenumerate.c, objzip.c, objmap.c, objfilter.c,
// objreversed.c, objgetitemiter.c). Exhaustion is the STOP sentinel, never a StopIteration throw.
import { PyObject, type PyType, STOP } from '../object.js';
import * as T from '../types.js';
import { typeError, valueError, runtimeError } from './exceptions.js';
import { vm } from '../state.js';
import { PyTuple } from './tuple.js';
import { PyList, ListIter, listIterNext, ReverseListIter, reverseListIterNext } from './list.js';
import { RangeIter, rangeIterNext, type BigRangeIter, bigRangeIterNext, PyRange, rangeItem } from './slice.js';
import { DictIter, dictIterNext } from './dict.js';
import { StrIter, strIterNext, codePoints } from './str.js';
import { BytesIter, bytesIterNext } from './bytes.js';
import { getIter, typeOf, typeName, call, truthy, eqBool, lookupSpecial, len, getItem, SeqIter, seqIterNext, toIndex, asInt } from '../runtime.js';
import { intAdd, intSub, type Int } from './int.js';
import { PyInstance } from '../object.js';

/**
 * Call an inner iterator's next slot, counting the nesting against the recursion limit (iterators
 * wrapping iterators recurse in JS; MicroPython bounds this with its C stack check). Leaf iterators of
 * builtin containers cannot recurse, so they skip the bookkeeping.
 */
function innerNext(nx: NextFn, it: any): any {
  if (nx === listIterNext || nx === rangeNext || nx === dictIterNext || nx === strIterNext) return nx(it);
  const V = vm;
  if (++V.depth > V.maxDepth) {
    V.depth--;
    throw runtimeError('maximum recursion depth exceeded');
  }
  try {
    return nx(it);
  } finally {
    V.depth--;
  }
}

function rangeNext(x: any): any {
  return x instanceof RangeIter ? rangeIterNext(x) : bigRangeIterNext(x as BigRangeIter);
}

/** next slot of an arbitrary iterator (checked once at construction). */
type NextFn = (it: any) => any;

function nextOf(it: any): NextFn {
  const nx = typeOf(it).next;
  if (nx === null) throw typeError(`'${typeName(it)}' object is not an iterator`);
  return nx;
}

export class EnumerateIter extends PyInstance {
  it: any;
  nx: NextFn;
  i: Int;
  constructor(type: PyType, it: any, start: Int) {
    super(type);
    this.it = it;
    this.nx = nextOf(it);
    this.i = start;
  }
}

export class ZipIter extends PyInstance {
  its: any[];
  nxs: NextFn[];
  strict: boolean;
  constructor(type: PyType, its: any[], strict: boolean) {
    super(type);
    this.its = its;
    this.nxs = its.map(nextOf);
    this.strict = strict;
  }
}

export class MapIter extends PyInstance {
  fn: any;
  its: any[];
  nxs: NextFn[];
  constructor(type: PyType, fn: any, its: any[]) {
    super(type);
    this.fn = fn;
    this.its = its;
    this.nxs = its.map(nextOf);
  }
}

export class FilterIter extends PyInstance {
  fn: any;
  it: any;
  nx: NextFn;
  constructor(type: PyType, fn: any, it: any) {
    super(type);
    this.fn = fn;
    this.it = it;
    this.nx = nextOf(it);
  }
}

/** reversed() over a sequence (len + getitem). */
export class ReversedIter extends PyInstance {
  seq: any;
  i: number;
  constructor(type: PyType, seq: any, n: number) {
    super(type);
    this.seq = seq;
    this.i = n - 1;
  }
}

export class CallableIter extends PyObject {
  fn: any;
  sentinel: any;
  done: boolean;
  constructor(fn: any, sentinel: any) {
    super(T.callableIteratorType);
    this.fn = fn;
    this.sentinel = sentinel;
    this.done = false;
  }
}

function enumerateNext(x: any): any {
  const e = x as EnumerateIter;
  const v = innerNext(e.nx, e.it);
  if (v === STOP) return STOP;
  const i = e.i;
  e.i = typeof i === 'number' && i < 9007199254740991 ? i + 1 : intAdd(i, 1);
  return new PyTuple([i, v]);
}

function zipNext(x: any): any {
  const z = x as ZipIter;
  const n = z.its.length;
  if (n === 0) return STOP;
  const items = new Array(n);
  for (let k = 0; k < n; k++) {
    const v = innerNext(z.nxs[k], z.its[k]);
    if (v === STOP) {
      if (z.strict) {
        if (k > 0) throw valueError(`zip() argument ${k + 1} is shorter than argument${k > 1 ? 's 1-' + k : ' 1'}`);
        for (let j = 1; j < n; j++) {
          if (z.nxs[j](z.its[j]) !== STOP) throw valueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? 's 1-' + j : ' 1'}`);
        }
      }
      return STOP;
    }
    items[k] = v;
  }
  return new PyTuple(items);
}

function mapNext(x: any): any {
  const m = x as MapIter;
  const n = m.its.length;
  if (n === 1) {
    const v = innerNext(m.nxs[0], m.its[0]);
    if (v === STOP) return STOP;
    return call(m.fn, [v], null);
  }
  const args = new Array(n);
  for (let k = 0; k < n; k++) {
    const v = innerNext(m.nxs[k], m.its[k]);
    if (v === STOP) return STOP;
    args[k] = v;
  }
  return call(m.fn, args, null);
}

function filterNext(x: any): any {
  const f = x as FilterIter;
  for (;;) {
    const v = innerNext(f.nx, f.it);
    if (v === STOP) return STOP;
    if (f.fn === null ? truthy(v) : truthy(call(f.fn, [v], null))) return v;
  }
}

function reversedNext(x: any): any {
  if (x instanceof ReverseListIter) return reverseListIterNext(x);
  const r = x as ReversedIter;
  if (r.i < 0) return STOP;
  const seq = r.seq;
  if (seq instanceof PyRange) return rangeItem(seq, r.i--);
  try {
    return getItem(seq, r.i--);
  } catch (e) {
    r.i = -1;
    throw e;
  }
}

function callableNext(x: any): any {
  const c = x as CallableIter;
  if (c.done) return STOP;
  const v = call(c.fn, [], null);
  if (eqBool(v, c.sentinel)) {
    c.done = true;
    return STOP;
  }
  return v;
}

function kwOnly(kwnames: readonly string[] | null, args: any[], allowed: string[], fname: string): Map<string, any> {
  const m = new Map<string, any>();
  if (kwnames === null) return m;
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) {
    if (!allowed.includes(kwnames[i])) throw typeError(`${fname}() got an unexpected keyword argument '${kwnames[i]}'`);
    m.set(kwnames[i], args[npos + i]);
  }
  return m;
}

export function setupIterators(): void {
  const self = (x: any) => x;
  const simple: [PyType, NextFn][] = [
    [T.listIteratorType, listIterNext],
    [T.tupleIteratorType, listIterNext],
    [T.dictReverseKeyIteratorType, listIterNext],
    [T.dictReverseValueIteratorType, listIterNext],
    [T.dictReverseItemIteratorType, listIterNext],
    [T.listReverseIteratorType, reverseListIterNext],
    [T.rangeIteratorType, rangeNext],
    [T.dictIteratorType, dictIterNext],
    [T.dictValueIteratorType, dictIterNext],
    [T.dictItemIteratorType, dictIterNext],
    [T.setIteratorType, dictIterNext],
    [T.strIteratorType, strIterNext],
    [T.strAsciiIteratorType, strIterNext],
    [T.bytesIteratorType, bytesIterNext],
    [T.bytearrayIteratorType, bytesIterNext],
    [T.memoryIteratorType, bytesIterNext],
    [T.iteratorType, seqIterNext],
    [T.callableIteratorType, callableNext],
  ];
  for (const [t, nx] of simple) {
    t.iter = self;
    t.next = nx;
    t.keyKind = 1;
  }
  const e = T.enumerateType;
  e.iter = self;
  e.next = enumerateNext;
  e.make = (type, args, kwnames) => {
    const kw = kwOnly(kwnames, args, ['iterable', 'start'], 'enumerate');
    const npos = args.length - (kwnames?.length ?? 0);
    if (npos > 2) throw typeError(`enumerate() takes at most 2 arguments (${npos} given)`);
    const iterable = npos > 0 ? args[0] : kw.get('iterable');
    if (iterable === undefined) throw typeError("enumerate() missing required argument 'iterable' (pos 1)");
    const startArg = npos > 1 ? args[1] : kw.get('start');
    let start: Int = 0;
    if (startArg !== undefined) {
      const s = asInt(startArg);
      if (s === undefined) throw typeError(`'${typeName(startArg)}' object cannot be interpreted as an integer`);
      start = s;
    }
    return new EnumerateIter(type, getIter(iterable), start);
  };
  const z = T.zipType;
  z.iter = self;
  z.next = zipNext;
  z.make = (type, args, kwnames) => {
    const kw = kwOnly(kwnames, args, ['strict'], 'zip');
    const npos = args.length - (kwnames?.length ?? 0);
    return new ZipIter(type, args.slice(0, npos).map(getIter), kw.has('strict') && truthy(kw.get('strict')));
  };
  const m = T.mapType;
  m.iter = self;
  m.next = mapNext;
  m.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('map() takes no keyword arguments');
    if (args.length < 2) throw typeError('map() must have at least two arguments.');
    return new MapIter(type, args[0], args.slice(1).map(getIter));
  };
  const f = T.filterType;
  f.iter = self;
  f.next = filterNext;
  f.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('filter() takes no keyword arguments');
    if (args.length !== 2) throw typeError(`filter expected 2 arguments, got ${args.length}`);
    return new FilterIter(type, args[0], getIter(args[1]));
  };
  const r = T.reversedType;
  r.iter = self;
  r.next = reversedNext;
  r.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('reversed() takes no keyword arguments');
    if (args.length !== 1) throw typeError(`reversed expected 1 argument, got ${args.length}`);
    const seq = args[0];
    if (seq instanceof PyList && seq.type === T.listType) return new ReverseListIter(seq);
    // CPython's reversed object for a tuple or str (a list has its own list_reverseiterator)
    if (seq instanceof PyTuple) return new ReverseListIter(seq, type);
    if (typeof seq === 'string') return new ReverseListIter(new PyList(codePoints(seq)), type);
    const rv = typeof seq === 'object' && seq !== null ? lookupSpecial(seq, '__reversed__') : undefined;
    if (rv === null) throw typeError(`'${typeName(seq)}' object is not reversible`);
    if (rv !== undefined) return call(rv, [], null);
    const t = typeOf(seq);
    if (t.getitem === null || t.len === null || t.isSubtypeOf(T.dictType)) throw typeError(`'${typeName(seq)}' object is not reversible`);
    const n = len(seq);
    if (seq instanceof PyRange) {
      const ln = seq.length;
      // range.__reversed__ is a range_iterator, as CPython's
      if (typeof ln === 'number' && typeof seq.start === 'number' && typeof seq.step === 'number') {
        const last = seq.start + (ln - 1) * seq.step;
        if (ln === 0) return new RangeIter(0, 0, 1);
        if (Number.isSafeInteger(last) && Number.isSafeInteger(seq.start - seq.step)) return new RangeIter(last, seq.start - seq.step, -seq.step);
      }
      return new ReversedIter(type, seq, typeof ln === 'number' ? ln : Number(ln));
    }
    return new ReversedIter(type, seq, n);
  };
  void intSub;
  void toIndex;
  void ListIter;
  void DictIter;
  void StrIter;
  void BytesIter;
  void SeqIter;
}
