// The insertion-ordered hash table behind dict, set and frozenset (MicroPython py/map.c; CPython
// Objects/dictobject.c for the semantics).
//
// Entries live in two parallel arrays (`keys`, and `vals` for dicts) in insertion order; a removed entry
// leaves a DELETED hole until the next compaction. Lookup goes through one of two indexes:
//  - `map`: a JS Map keyed by a primitive or identity stand-in for the key (see `mapKey`): str keys by
//    themselves, ints by value (1, 1.0 and True all become the number 1, big values the bigint), None by
//    null, and objects with identity equality by the object itself. This is the fast path.
//  - `hmap`: Python hash -> entry index (or indexes), built the first time a key with a value-based
//    __eq__/__hash__ (tuples, frozensets, complex, instances of classes defining __eq__/__hash__) meets
//    the table, and from then on covering every entry: such a key may equal a primitive one (1+0j == 1,
//    a user key equal to 'abc'), so lookups of either kind that miss `map` consult it.
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

/** Index of the entry equal to k among the entries indexed under Python hash h in `hmap`, or -1. */
function hmapFind(t: PyHashTable, h: number, k: any): number {
  const e = t.hmap!.get(h);
  if (e === undefined) return -1;
  if (typeof e === 'number') return eqBool(t.keys[e], k) ? e : -1;
  for (const i of e) if (eqBool(t.keys[i], k)) return i;
  return -1;
}

function hmapAdd(hm: Map<number, number | number[]>, h: number, i: number): void {
  const e = hm.get(h);
  if (e === undefined) hm.set(h, i);
  else if (typeof e === 'number') hm.set(h, [e, i]);
  else e.push(i);
}

/**
 * Index every live entry by Python hash. Done the first time a HASHED key meets the table: from then on
 * `hmap` holds all entries (primitive and identity keys too), so a user key equal to a primitive one
 * (`__eq__` returning True for 1, with hash(1)) finds it, and a primitive key missing from `map` finds
 * an equal user key.
 */
function hmapActivate(t: PyHashTable): Map<number, number | number[]> {
  const hm = new Map<number, number | number[]>();
  t.hmap = hm;
  const keys = t.keys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) hmapAdd(hm, hash(keys[i]), i);
  return hm;
}

/** Index of key k in t, or -1. */
export function htFind(t: PyHashTable, k: any): number {
  const mk = mapKey(k);
  if (mk !== HASHED) {
    const i = t.map.get(mk);
    if (i !== undefined) return i;
    // a miss in `map` may still equal a user key (indexed only in `hmap`)
    return t.hmap === null ? -1 : hmapFind(t, hash(k), k);
  }
  const h = hash(k); // unhashable keys raise even when the table is empty
  if (t.size === 0) return -1;
  if (t.hmap === null) hmapActivate(t);
  return hmapFind(t, h, k);
}

/** Fast path for str keys (attribute dicts, globals). */
export function htFindStr(t: PyHashTable, k: string): number {
  const i = t.map.get(k);
  if (i !== undefined) return i;
  return t.hmap === null ? -1 : hmapFind(t, hash(k), k);
}

/** Index of k, inserting it (value undefined) if absent. Returns the index; `t.size` grows on insert. */
export function htInsert(t: PyHashTable, k: any): number {
  const mk = mapKey(k);
  if (mk !== HASHED) {
    let i = t.map.get(mk);
    if (i !== undefined) return i;
    let h = 0;
    if (t.hmap !== null) {
      h = hash(k);
      i = hmapFind(t, h, k);
      if (i >= 0) return i;
    }
    const n = t.keys.length;
    t.keys.push(k);
    if (t.vals !== null) t.vals.push(undefined);
    t.map.set(mk, n);
    if (t.hmap !== null) hmapAdd(t.hmap, h, n);
    t.size++;
    t.version = nextVersion();
    return n;
  }
  const h = hash(k);
  const hm = t.hmap ?? hmapActivate(t);
  const i = hmapFind(t, h, k);
  if (i >= 0) return i;
  const n = t.keys.length;
  t.keys.push(k);
  if (t.vals !== null) t.vals.push(undefined);
  hmapAdd(hm, h, n);
  t.size++;
  t.version = nextVersion();
  return n;
}

/** Remove entry i (found by htFind). */
export function htRemoveAt(t: PyHashTable, i: number): void {
  const k = t.keys[i];
  const mk = mapKey(k);
  if (mk !== HASHED) t.map.delete(mk);
  if (t.hmap !== null) {
    const h = hash(k);
    const e = t.hmap.get(h);
    if (e === i) t.hmap.delete(h);
    else if (e !== undefined && typeof e !== 'number') {
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
  let hashed = false;
  for (let i = 0; i < keys.length; i++) {
    const mk = mapKey(keys[i]);
    if (mk !== HASHED) t.map.set(mk, i);
    else hashed = true;
  }
  t.size = keys.length;
  if (hashed) hmapActivate(t);
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
