// list and tuple (MicroPython py/objlist.c, objtuple.c; CPython Objects/listobject.c, tupleobject.c).
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_ADD, OP_MUL, OP_INPLACE,
  CMP_EQ, CMP_NE } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, valueError, indexError, memoryError, bigIndexError, bigSizeError, ssizeArg } from './exceptions.js';
import { PyTuple, PyTupleSub, EMPTY_TUPLE } from './tuple.js';
import { defMethod } from './function.js';
import { asInt, repeatCount, toIndex, lookupSpecial, repr, STOP, eqBool, typeName, toArray, lt, compare, truthy, reprGuard, hash, call, forEach } from '../runtime.js';
import { PySlice, sliceIndices } from './slice.js';
import { hasSurrogates } from './str.js';
import { checkHeap } from './heaplock.js';

/** Flat (no PyObject super call) for cheap allocation; same shape as PyObject (`type` first). */
export class PyList {
  type: PyType;
  items: any[];
  constructor(items: any[]) {
    this.type = T.listType;
    this.items = items;
  }
}

export class PyListSub extends PyList implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, items: any[]) {
    super(items);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

export class ListIter extends PyObject {
  items: any[] | null;
  i: number;
  list: PyList | PyTuple;
  /** `type`: list_iterator, tuple_iterator, or a dict's reverse iterator over a snapshot list. */
  constructor(list: PyList | PyTuple, type: PyType = T.listIteratorType) {
    super(type);
    this.list = list;
    this.items = list.items;
    this.i = 0;
  }
}

export function listIterNext(it: ListIter): any {
  // re-read items: list methods may replace the array (e.g. sort)
  const items = it.list.items;
  const i = it.i;
  if (i < items.length) {
    it.i = i + 1;
    return items[i];
  }
  it.i = 0x7fffffff;
  return STOP;
}

export class ReverseListIter extends PyObject {
  list: PyList | PyTuple;
  i: number;
  /** `type`: list_reverseiterator, or `reversed` for a tuple or str (CPython's reversed object). */
  constructor(list: PyList | PyTuple, type: PyType = T.listReverseIteratorType) {
    super(type);
    this.list = list;
    this.i = list.items.length - 1;
  }
}

export function reverseListIterNext(it: ReverseListIter): any {
  const i = it.i;
  if (i >= 0 && i < it.list.items.length) {
    it.i = i - 1;
    return it.list.items[i];
  }
  it.i = -1;
  return STOP;
}

/** The most items a list may hold: MemoryError beyond, long before V8's array limit ends the process. */
export const MAX_ITEMS = 1 << 26;

function normIndex(key: any, n: number, what: string): number {
  let i: any = typeof key === 'number' ? key : asInt(key);
  if (i === undefined) {
    if (typeof key === 'object' && key !== null && !(key instanceof PySlice) && lookupSpecial(key, '__index__') !== undefined) {
      i = toIndex(key);
    } else throw typeError(`${what} indices must be integers or slices, not ${typeName(key)}`);
  }
  if (typeof i === 'bigint') throw bigIndexError(i, `${what} index out of range`);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw indexError(`${what} index out of range`);
  return i;
}

export function seqGetSlice(items: any[], key: PySlice): any[] {
  const [start, stop, step, count] = sliceIndices(key, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out = new Array(count);
  for (let k = 0, i = start; k < count; k++, i += step) out[k] = items[i];
  return out;
}

export function seqRepeat(items: any[], n: any): any[] {
  const k = asInt(n);
  if (k === undefined) throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof k === 'bigint') {
    if (k <= 0n) return [];
    throw bigSizeError(k);
  }
  if (k <= 0 || items.length === 0) return [];
  if (items.length * k > MAX_ITEMS) throw memoryError();
  const out = new Array(items.length * k);
  for (let r = 0, o = 0; r < k; r++) for (let i = 0; i < items.length; i++) out[o++] = items[i];
  return out;
}

/** Lexicographic comparison of two item arrays (CPython list_richcompare). */
export function seqCompare(a: any[], b: any[], op: number): any {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) if (!eqBool(a[i], b[i])) break;
  if (i >= n) {
    const c = a.length - b.length;
    switch (op) {
      case 0: return c < 0;
      case 1: return c <= 0;
      case 2: return c === 0;
      case 3: return c !== 0;
      case 4: return c > 0;
      default: return c >= 0;
    }
  }
  if (op === CMP_EQ) return false;
  if (op === CMP_NE) return true;
  return compare(a[i], b[i], op);
}

function listSetItem(l: PyList, key: any, value: any): void {
  const items = l.items;
  if (typeof key === 'number' && value !== undefined) {
    const i = key < 0 ? key + items.length : key;
    if (i < 0 || i >= items.length) throw indexError('list assignment index out of range');
    items[i] = value;
    return;
  }
  if (key instanceof PySlice) {
    const [start, stop, step, count] = sliceIndices(key, items.length);
    if (value === undefined) {
      if (step === 1) {
        if (stop > start) items.splice(start, stop - start);
        return;
      }
      const del = new Set<number>();
      for (let k = 0, i = start; k < count; k++, i += step) del.add(i);
      l.items = items.filter((_, i) => !del.has(i));
      return;
    }
    const src = value === l ? items.slice() : toArray(value);
    if (step === 1) {
      if (src.length > stop - start) checkHeap(); // the list grows
      items.splice(start, Math.max(0, stop - start), ...src);
      return;
    }
    if (src.length !== count) throw valueError(`attempt to assign sequence of size ${src.length} to extended slice of size ${count}`);
    for (let k = 0, i = start; k < count; k++, i += step) items[i] = src[k];
    return;
  }
  const i = normIndex(key, items.length, 'list');
  if (value === undefined) items.splice(i, 1);
  else items[i] = value;
}

/** Stable merge sort using only `<` (as CPython's sort); keys precomputed. */
export function sortItems(items: any[], keys: any[] | null): void {
  const n = items.length;
  if (n < 2) return;
  const k = keys ?? items;
  let allInt = true;
  let allStr = true;
  for (let i = 0; i < n; i++) {
    const v = k[i];
    if (typeof v !== 'number') allInt = false;
    if (typeof v !== 'string' || hasSurrogates(v)) allStr = false; // UTF-16 order is code point order without surrogates
  }
  if (keys === null && (allInt || allStr)) {
    // the engine's stable sort (TimSort) with an exact comparator; str order by UTF-16 code units
    // equals code point order unless both strings hold surrogates, which the merge sort handles
    if (allInt) {
      // safe ints are exact doubles: the typed-array sort (native, numeric) gives the same order, and equal
      // ints are indistinguishable, so stability does not matter
      const ta = Float64Array.from(items as number[]);
      ta.sort();
      for (let i = 0; i < n; i++) items[i] = ta[i];
      return;
    }
    let surrogates = false;
    for (let i = 0; i < n && !surrogates; i++) if (/[\uD800-\uDFFF]/.test(items[i])) surrogates = true;
    if (!surrogates) {
      items.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return;
    }
  }
  let less: (a: any, b: any) => boolean;
  if (allInt) less = (a, b) => a < b;
  else if (allStr) less = (a, b) => a < b;
  else less = lt;
  const idx = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const tmp = new Array(n);
  const sortRange = (lo: number, hi: number): void => {
    if (hi - lo <= 12) {
      for (let i = lo + 1; i < hi; i++) {
        const x = idx[i];
        let j = i - 1;
        while (j >= lo && less(k[x], k[idx[j]])) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = x;
      }
      return;
    }
    const mid = (lo + hi) >>> 1;
    sortRange(lo, mid);
    sortRange(mid, hi);
    if (!less(k[idx[mid]], k[idx[mid - 1]])) return;
    let i = lo;
    let j = mid;
    let o = lo;
    while (i < mid && j < hi) {
      if (less(k[idx[j]], k[idx[i]])) tmp[o++] = idx[j++];
      else tmp[o++] = idx[i++];
    }
    while (i < mid) tmp[o++] = idx[i++];
    while (j < hi) tmp[o++] = idx[j++];
    for (let q = lo; q < hi; q++) idx[q] = tmp[q];
  };
  sortRange(0, n);
  const out = idx.map((i: number) => items[i]);
  for (let i = 0; i < n; i++) items[i] = out[i];
}

export function listSort(l: PyList, key: any, reverse: boolean): void {
  const items = l.items;
  l.items = [];
  try {
    if (reverse) items.reverse();
    const keys = key === null || key === undefined ? null : items.map((v) => call(key, [v], null));
    if (reverse && keys !== null) {
      /* keys follow items order */
    }
    sortItems(items, keys);
    if (reverse) {
      // sorting reversed input then reversing keeps equal elements in original order
      items.reverse();
    }
  } catch (e) {
    l.items = items;
    throw e;
  }
  const modified = l.items.length !== 0;
  l.items = items;
  if (modified) throw valueError('list modified during sort');
}

function listRepr(x: any): string {
  const l = x as PyList;
  return reprGuard(l, '[...]', () => {
    const parts = new Array(l.items.length);
    for (let i = 0; i < l.items.length; i++) parts[i] = repr(l.items[i]);
    return '[' + parts.join(', ') + ']';
  });
}

function tupleRepr(x: any): string {
  const t = x as PyTuple;
  return reprGuard(t, '(...)', () => {
    if (t.items.length === 1) return '(' + repr(t.items[0]) + ',)';
    return '(' + t.items.map(repr).join(', ') + ')';
  });
}

function indexOf(items: any[], v: any, start: any, stop: any, what: string): number {
  const n = items.length;
  let a = start === undefined ? 0 : Number(toIndex(start));
  let b = stop === undefined ? n : Number(toIndex(stop));
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  for (let i = a; i < Math.min(b, items.length); i++) if (eqBool(items[i], v)) return i;
  throw valueError(what === 'list' ? `${repr(v)} is not in list` : 'tuple.index(x): x not in tuple');
}

/** CPython's tuple hash (xxHash-based), computed in 32-bit lanes. */
export function tupleHash(items: any[]): number {
  let acc = 0x27d4eb2f;
  for (const v of items) {
    const h = hash(v);
    const lane = typeof h === 'number' ? (h | 0) ^ Math.floor(h / 4294967296) : 0;
    acc = (acc + Math.imul(lane, 0x85ebca77)) | 0;
    acc = (acc << 13) | (acc >>> 19);
    acc = Math.imul(acc, 0x9e3779b1);
  }
  acc = (acc + (items.length ^ 0x165667b1 ^ 3527539)) | 0;
  if (acc === -1) return 1546275796;
  return acc;
}

export function setupList(): void {
  const t = T.listType;
  t.alloc = (type) => new PyListSub(type, []);
  t.keyKind = 3;
  t.repr = listRepr;
  t.len = (x) => (x as PyList).items.length;
  t.bool = (x) => (x as PyList).items.length !== 0;
  t.iter = (x) => new ListIter(x as PyList);
  t.getitem = (x, key) => {
    const items = (x as PyList).items;
    if (typeof key === 'number') {
      const i = key < 0 ? key + items.length : key;
      if (i < 0 || i >= items.length) throw indexError('list index out of range');
      return items[i];
    }
    if (key instanceof PySlice) {
      checkHeap();
      return new PyList(seqGetSlice(items, key));
    }
    return items[normIndex(key, items.length, 'list')];
  };
  t.setitem = (x, key, value) => listSetItem(x as PyList, key, value);
  t.contains = (x, v) => {
    const items = (x as PyList).items;
    for (let i = 0; i < items.length; i++) if (eqBool(items[i], v)) return true;
    return false;
  };
  t.richcmp = (op, a, b) => {
    if (!(b instanceof PyList)) return NotImplemented;
    return seqCompare((a as PyList).items, b.items, op);
  };
  t.binop = (op, a, b, reflected) => {
    const inplace = op >= OP_INPLACE;
    const base = inplace ? op - OP_INPLACE : op;
    if (base === OP_ADD) {
      if (inplace) {
        const src = b === a ? (a as PyList).items.slice() : toArray(b);
        const items = (a as PyList).items;
        for (let i = 0; i < src.length; i++) items.push(src[i]);
        return a;
      }
      if (reflected || !(b instanceof PyList)) return NotImplemented;
      return new PyList((a as PyList).items.concat(b.items));
    }
    if (base === OP_MUL) {
      const self = reflected ? b : a;
      const n = reflected ? a : b;
      const k = repeatCount(n);
      if (k === undefined) return NotImplemented;
      const r = seqRepeat((self as PyList).items, k);
      if (inplace) {
        (a as PyList).items = r;
        return a;
      }
      return new PyList(r);
    }
    return NotImplemented;
  };
  t.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('list() takes no keyword arguments');
    if (args.length > 1) throw typeError(`list expected at most 1 argument, got ${args.length}`);
    const items = args.length === 0 ? [] : toArray(args[0]);
    return type === T.listType ? new PyList(items) : new PyListSub(type, items);
  };
  defMethod(t, '__init__', (self, it) => {
    const l = self as PyList;
    l.items = it === undefined ? [] : toArray(it);
    return null;
  }, { params: 'self, iterable, /', min: 1 });
  defMethod(t, 'append', (self, v) => {
    const items = (self as PyList).items;
    if (items.push(v) > MAX_ITEMS) {
      items.pop();
      throw memoryError();
    }
    return null;
  }, 2);
  defMethod(t, 'extend', (self, it) => {
    const l = self as PyList;
    if (!(it instanceof PyList || it instanceof PyTuple) || it.items.length > 0) checkHeap(); // the list grows
    if (it === l) {
      l.items.push(...l.items.slice());
      return null;
    }
    const items = l.items;
    let n = 0;
    forEach(it, (v) => {
      items.push(v);
      if (++n > MAX_ITEMS) {
        items.length -= n;
        throw memoryError();
      }
    });
    return null;
  }, 2);
  defMethod(t, 'insert', (self, i, v) => {
    const items = (self as PyList).items;
    let k = ssizeArg(toIndex(i));
    if (k < 0) k = Math.max(0, k + items.length);
    if (k > items.length) k = items.length;
    items.splice(k, 0, v);
    return null;
  }, 3);
  defMethod(t, 'pop', (self, i) => {
    const items = (self as PyList).items;
    if (items.length === 0) throw indexError('pop from empty list');
    if (i === undefined) return items.pop();
    let k = ssizeArg(toIndex(i));
    if (k < 0) k += items.length;
    if (k < 0 || k >= items.length) throw indexError('pop index out of range');
    return items.splice(k, 1)[0];
  }, { params: 'self, index, /', min: 1 });
  defMethod(t, 'remove', (self, v) => {
    const items = (self as PyList).items;
    for (let i = 0; i < items.length; i++) {
      if (eqBool(items[i], v)) {
        items.splice(i, 1);
        return null;
      }
    }
    throw valueError('list.remove(x): x not in list');
  }, 2);
  defMethod(t, 'index', (self, v, a, b) => indexOf((self as PyList).items, v, a, b, 'list'), { params: 'self, value, start, stop, /', min: 2 });
  defMethod(t, 'count', (self, v) => {
    let n = 0;
    for (const x of (self as PyList).items) if (eqBool(x, v)) n++;
    return n;
  }, 2);
  defMethod(t, 'reverse', (self) => {
    (self as PyList).items.reverse();
    return null;
  }, 1);
  defMethod(t, 'clear', (self) => {
    (self as PyList).items = [];
    return null;
  }, 1);
  defMethod(t, 'copy', (self) => new PyList((self as PyList).items.slice()), 1);
  defMethod(t, 'sort', (self, key, reverse) => {
    listSort(self as PyList, key, reverse !== undefined && truthy(reverse));
    return null;
  }, { params: 'self, *, key, reverse', min: 1 });
  defMethod(t, '__reversed__', (self) => new ReverseListIter(self as PyList), 1);

  const tt = T.tupleType;
  tt.alloc = (type) => new PyTupleSub(type, []);
  tt.keyKind = 2;
  tt.repr = tupleRepr;
  tt.len = (x) => (x as PyTuple).items.length;
  tt.bool = (x) => (x as PyTuple).items.length !== 0;
  tt.iter = (x) => new ListIter(x as PyTuple, T.tupleIteratorType);
  tt.hash = (x) => tupleHash((x as PyTuple).items);
  tt.getitem = (x, key) => {
    const items = (x as PyTuple).items;
    if (typeof key === 'number') {
      const i = key < 0 ? key + items.length : key;
      if (i < 0 || i >= items.length) throw indexError('tuple index out of range');
      return items[i];
    }
    if (key instanceof PySlice) {
      const r = seqGetSlice(items, key);
      if (r.length === 0) return EMPTY_TUPLE;
      checkHeap();
      return new PyTuple(r);
    }
    return items[normIndex(key, items.length, 'tuple')];
  };
  tt.contains = (x, v) => {
    for (const it of (x as PyTuple).items) if (eqBool(it, v)) return true;
    return false;
  };
  tt.richcmp = (op, a, b) => {
    if (!(b instanceof PyTuple)) return NotImplemented;
    return seqCompare((a as PyTuple).items, b.items, op);
  };
  tt.binop = (op, a, b, reflected) => {
    if (op >= OP_INPLACE) return NotImplemented;
    if (op === OP_ADD) {
      if (reflected || !(b instanceof PyTuple)) return NotImplemented;
      return new PyTuple((a as PyTuple).items.concat(b.items));
    }
    if (op === OP_MUL) {
      const self = reflected ? b : a;
      const n = reflected ? a : b;
      const k = repeatCount(n);
      if (k === undefined) return NotImplemented;
      const r = seqRepeat((self as PyTuple).items, k);
      return r.length === 0 ? EMPTY_TUPLE : new PyTuple(r);
    }
    return NotImplemented;
  };
  tt.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('tuple() takes no keyword arguments');
    if (args.length > 1) throw typeError(`tuple expected at most 1 argument, got ${args.length}`);
    if (type === T.tupleType) {
      if (args.length === 0) return EMPTY_TUPLE;
      const a = args[0];
      if (a instanceof PyTuple && a.type === T.tupleType) return a;
      const items = toArray(a);
      return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
    }
    return new PyTupleSub(type, args.length === 0 ? [] : toArray(args[0]));
  };
  defMethod(tt, 'index', (self, v, a, b) => indexOf((self as PyTuple).items, v, a, b, 'tuple'), { params: 'self, value, start, stop, /', min: 2 });
  defMethod(tt, 'count', (self, v) => {
    let n = 0;
    for (const x of (self as PyTuple).items) if (eqBool(x, v)) n++;
    return n;
  }, 2);
  defMethod(tt, '__getnewargs__', (self) => new PyTuple([new PyTuple((self as PyTuple).items)]), 1);
}
