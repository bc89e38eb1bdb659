// The insertion-ordered hash table behind dict, set and frozenset (MicroPython py/map.c; CPython
// Objects/dictobject.c for the semantics).
//
// Entries live in two parallel arrays (`keys`, and `vals` for dicts) in insertion order; a removed entry
// leaves a DELETED hole until the next compaction. Lookup goes through one of two indexes:
//  - `map`: a JS Map keyed by a primitive or identity stand-in for the key (see `mapKey`): str keys by
//    themselves, ints by value (1, 1.0 and True all become the number 1, big values the bigint), None by
//    null, and objects with identity equality by the object itself. This is the fast path.
//  - `hmap`: Python hash -> entry index (or indexes) for keys with a value-based __eq__/__hash__
//    (tuples, frozensets, complex, instances of classes defining __eq__/__hash__).
// `version` changes whenever a key is added or removed or the arrays are compacted (not when a value is
// replaced), so an inline cache may hold (table, version, index) and read `vals[index]` directly.
import { PyObject, type PyType, nextVersion } from '../object.js';
import type { PyFloat } from './float.js';
import { hash, eqBool, typeOf } from '../runtime.js';
import { typeError } from './exceptions.js';

export const DELETED: unique symbol = Symbol('DELETED');
/** mapKey result for keys that must be looked up by Python hash and __eq__. */
export const HASHED: unique symbol = Symbol('HASHED');

export class PyHashTable extends PyObject {
  keys: any[];
  vals: any[] | null;
  map: Map<any, number>;
  hmap: Map<number, number | number[]> | null;
  size: number;
  version: number;
  /** A fixed (read-only) table: MicroPython's ROM dicts, e.g. uerrno.errorcode. Python-level mutation raises TypeError. */
  fixed: boolean;
  constructor(type: PyType, withValues: boolean) {
    super(type);
    this.keys = [];
    this.vals = withValues ? [] : null;
    this.map = new Map();
    this.hmap = null;
    this.size = 0;
    this.version = nextVersion();
    this.fixed = false;
  }
}

/** The primitive or identity stand-in for a key in `map`, or HASHED (see PyType.keyKind). */
export function mapKey(k: any): any {
  switch (typeof k as string) {
    case 'string':
    case 'number':
    case 'bigint':
      return k;
    case 'boolean':
      return k ? 1 : 0;
    case 'object': {
      if (k === null) return null;
      switch ((k.type as PyType).keyKind) {
        case KEY_IDENTITY:
          return k;
        case KEY_FLOAT: {
          const v = (k as PyFloat).value;
          if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v : BigInt(v);
          if (v !== v) return k; // NaN: only the same object finds it
          return v;
        }
        case KEY_VALUE:
          return mapKey((k as { value: any }).value);
        case KEY_UNHASHABLE:
          throw typeError(`unhashable type: '${(k.type as PyType).name}'`);
        default:
          return HASHED;
      }
    }
    default:
      throw typeError(`unhashable type: '${typeOf(k).name}'`);
  }
}

/** PyType.keyKind values. Identity: equal only to itself (object's __eq__ and __hash__). */
export const KEY_IDENTITY = 1;
/** Value-based __eq__/__hash__: looked up through `hmap`. */
export const KEY_HASHED = 2;
/** __hash__ is None. */
export const KEY_UNHASHABLE = 3;
/** The key is `.value` (subclasses of int/str/float without their own __eq__/__hash__). */
export const KEY_VALUE = 4;
/** A float: keyed by its numeric value so 1.0 finds 1. */
export const KEY_FLOAT = 5;

/** Index of key k in t, or -1. */
export function htFind(t: PyHashTable, k: any): number {
  const mk = mapKey(k);
  if (mk !== HASHED) {
    const i = t.map.get(mk);
    return i === undefined ? -1 : i;
  }
  if (t.hmap === null) {
    hash(k); // unhashable keys raise even when the table is empty
    return -1;
  }
  const h = hash(k);
  const e = t.hmap.get(h);
  if (e === undefined) return -1;
  if (typeof e === 'number') return eqBool(t.keys[e], k) ? e : -1;
  for (const i of e) if (eqBool(t.keys[i], k)) return i;
  return -1;
}

/** Fast path for str keys (attribute dicts, globals). */
export function htFindStr(t: PyHashTable, k: string): number {
  const i = t.map.get(k);
  return i === undefined ? -1 : i;
}

/** Index of k, inserting it (value undefined) if absent. Returns the index; `t.size` grows on insert. */
export function htInsert(t: PyHashTable, k: any): number {
  const mk = mapKey(k);
  if (mk !== HASHED) {
    const i = t.map.get(mk);
    if (i !== undefined) return i;
    const n = t.keys.length;
    t.keys.push(k);
    if (t.vals !== null) t.vals.push(undefined);
    t.map.set(mk, n);
    t.size++;
    t.version = nextVersion();
    return n;
  }
  const h = hash(k);
  if (t.hmap === null) t.hmap = new Map();
  const e = t.hmap.get(h);
  if (e !== undefined) {
    if (typeof e === 'number') {
      if (eqBool(t.keys[e], k)) return e;
    } else {
      for (const i of e) if (eqBool(t.keys[i], k)) return i;
    }
  }
  const n = t.keys.length;
  t.keys.push(k);
  if (t.vals !== null) t.vals.push(undefined);
  if (e === undefined) t.hmap.set(h, n);
  else if (typeof e === 'number') t.hmap.set(h, [e, n]);
  else e.push(n);
  t.size++;
  t.version = nextVersion();
  return n;
}

/** Remove entry i (found by htFind). */
export function htRemoveAt(t: PyHashTable, i: number): void {
  const k = t.keys[i];
  const mk = mapKey(k);
  if (mk !== HASHED) {
    t.map.delete(mk);
  } else if (t.hmap !== null) {
    const h = hash(k);
    const e = t.hmap.get(h);
    if (typeof e === 'number') t.hmap.delete(h);
    else if (e !== undefined) {
      const j = e.indexOf(i);
      if (j >= 0) e.splice(j, 1);
      if (e.length === 0) t.hmap.delete(h);
      else if (e.length === 1) t.hmap.set(h, e[0]);
    }
  }
  t.keys[i] = DELETED;
  if (t.vals !== null) t.vals[i] = undefined;
  t.size--;
  t.version = nextVersion();
  // trailing holes can simply be dropped
  let n = t.keys.length;
  while (n > 0 && t.keys[n - 1] === DELETED) n--;
  if (n < t.keys.length) {
    t.keys.length = n;
    if (t.vals !== null) t.vals.length = n;
  } else if (t.keys.length > 16 && t.size < t.keys.length >> 1) {
    htCompact(t);
  }
}

/** Squeeze out DELETED holes and rebuild the indexes. */
export function htCompact(t: PyHashTable): void {
  const keys: any[] = [];
  const vals: any[] | null = t.vals === null ? null : [];
  for (let i = 0; i < t.keys.length; i++) {
    if (t.keys[i] === DELETED) continue;
    keys.push(t.keys[i]);
    if (vals !== null) vals.push(t.vals![i]);
  }
  htRebuild(t, keys, vals);
}

function htRebuild(t: PyHashTable, keys: any[], vals: any[] | null): void {
  t.keys = keys;
  t.vals = vals;
  t.map = new Map();
  t.hmap = null;
  for (let i = 0; i < keys.length; i++) {
    const mk = mapKey(keys[i]);
    if (mk !== HASHED) t.map.set(mk, i);
    else {
      if (t.hmap === null) t.hmap = new Map();
      const h = hash(keys[i]);
      const e = t.hmap.get(h);
      if (e === undefined) t.hmap.set(h, i);
      else if (typeof e === 'number') t.hmap.set(h, [e, i]);
      else e.push(i);
    }
  }
  t.size = keys.length;
  t.version = nextVersion();
}

export function htClear(t: PyHashTable): void {
  t.keys = [];
  if (t.vals !== null) t.vals = [];
  t.map = new Map();
  t.hmap = null;
  t.size = 0;
  t.version = nextVersion();
}

/** Copy all entries of src into a fresh table layout of dst (dst must be empty). */
export function htCopyInto(dst: PyHashTable, src: PyHashTable): void {
  if (src.size === src.keys.length) {
    dst.keys = src.keys.slice();
    if (dst.vals !== null) dst.vals = src.vals !== null ? src.vals.slice() : new Array(src.keys.length).fill(null);
    dst.map = new Map(src.map);
    if (src.hmap !== null) {
      dst.hmap = new Map();
      for (const [h, e] of src.hmap) dst.hmap.set(h, typeof e === 'number' ? e : e.slice());
    } else dst.hmap = null;
    dst.size = src.size;
    dst.version = nextVersion();
    return;
  }
  const keys: any[] = [];
  const vals: any[] | null = dst.vals === null ? null : [];
  for (let i = 0; i < src.keys.length; i++) {
    if (src.keys[i] === DELETED) continue;
    keys.push(src.keys[i]);
    if (vals !== null) vals.push(src.vals !== null ? src.vals[i] : null);
  }
  htRebuild(dst, keys, vals);
}
