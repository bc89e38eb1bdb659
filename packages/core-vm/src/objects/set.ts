// set and frozenset (MicroPython py/objset.c; CPython Objects/setobject.c). Storage: hashtable.ts.
import { type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_OR, OP_AND, OP_SUB, OP_XOR,
  OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, keyError } from './exceptions.js';
import { defMethod } from './function.js';
import { repr, reprGuard, forEach, typeOf, hash, PyInstance } from '../runtime.js';
import { PyHashTable, htFind, htInsert, htRemoveAt, htClear, htCopyInto, DELETED } from './hashtable.js';
import { DictIter, ITER_KEYS, setMakeSet } from './dict.js';
import { checkHeap } from './heaplock.js';

export class PySet extends PyHashTable {
  constructor(type: PyType) {
    super(type, false);
  }
}

export class PySetSub extends PySet implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType) {
    super(type);
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

export function newSet(items: any[] = [], frozen = false): PySet {
  const s = new PySet(frozen ? T.frozensetType : T.setType);
  for (const v of items) htInsert(s, v);
  return s;
}

export function setAdd(s: PyHashTable, v: any): void {
  htInsert(s, v);
}

export function setHas(s: PyHashTable, v: any): boolean {
  return htFind(s, v) >= 0;
}

export function setItems(s: PyHashTable): any[] {
  const out: any[] = [];
  for (const k of s.keys) if (k !== DELETED) out.push(k);
  return out;
}

function isSetLike(x: any): x is PySet {
  return x instanceof PySet;
}

/** A set of the items of any iterable (used as the other operand of set methods). */
function asSet(x: any): PySet {
  if (x instanceof PySet) return x;
  const s = new PySet(T.setType);
  forEach(x, (v) => {
    htInsert(s, v);
  });
  return s;
}

/** Set with the same (base) type as a. */
function like(a: PySet): PySet {
  return new PySet(a.type.isSubtypeOf(T.frozensetType) ? T.frozensetType : T.setType);
}

function union(a: PySet, others: any[]): PySet {
  const r = like(a);
  htCopyInto(r, a);
  for (const o of others) forEach(o, (v) => {
    htInsert(r, v);
  });
  return r;
}

function intersection(a: PySet, others: any[]): PySet {
  let cur: any[] = setItems(a);
  for (const o of others) {
    const os = asSet(o);
    cur = cur.filter((v) => htFind(os, v) >= 0);
  }
  const r = like(a);
  for (const v of cur) htInsert(r, v);
  return r;
}

function difference(a: PySet, others: any[]): PySet {
  const sets = others.map(asSet);
  const r = like(a);
  for (const v of setItems(a)) if (!sets.some((s) => htFind(s, v) >= 0)) htInsert(r, v);
  return r;
}

function symdiff(a: PySet, o: any): PySet {
  const b = asSet(o);
  const r = like(a);
  for (const v of setItems(a)) if (htFind(b, v) < 0) htInsert(r, v);
  for (const v of setItems(b)) if (htFind(a, v) < 0) htInsert(r, v);
  return r;
}

function isSubset(a: PySet, b: PySet): boolean {
  if (a.size > b.size) return false;
  for (const v of setItems(a)) if (htFind(b, v) < 0) return false;
  return true;
}

function replaceContents(s: PySet, r: PySet): void {
  htClear(s);
  htCopyInto(s, r);
}

function setRepr(x: any): string {
  const s = x as PySet;
  const frozen = s.type.isSubtypeOf(T.frozensetType);
  const name = s.type.name;
  if (s.size === 0) return `${name}()`;
  return reprGuard(s, `${name}(...)`, () => {
    const body = '{' + setItems(s).map(repr).join(', ') + '}';
    return frozen || s.type !== T.setType ? `${name}(${body})` : body;
  });
}

function mutable(s: PySet): void {
  if (s.type.isSubtypeOf(T.frozensetType)) throw typeError("'frozenset' object is immutable");
}

export function setupSet(): void {
  setMakeSet((items) => newSet(items));
  for (const t of [T.setType, T.frozensetType]) {
    const frozen = t === T.frozensetType;
    t.alloc = (type) => new PySetSub(type);
    t.keyKind = frozen ? 2 : 3;
    t.repr = setRepr;
    t.len = (x) => (x as PySet).size;
    t.bool = (x) => (x as PySet).size !== 0;
    t.iter = (x) => new DictIter(x as PySet, ITER_KEYS, T.setIteratorType);
    t.contains = (x, v) => {
      try {
        return htFind(x as PySet, v) >= 0;
      } catch (e) {
        // a set used as a key is looked up as the equivalent frozenset
        if (v instanceof PySet && e instanceof PyInstance && e.type === T.typeErrorType) return htFind(x as PySet, newSet(setItems(v), true)) >= 0;
        throw e;
      }
    };
    if (frozen) {
      t.hash = (x) => {
        let h = 0;
        for (const v of setItems(x as PySet)) {
          const hv = hash(v);
          h ^= ((hv ^ (hv << 16) ^ 89869747) * 3644798167) | 0;
        }
        h = (h * 69069 + 907133923) | 0;
        return h === -1 ? 590923713 : h;
      };
    }
    t.richcmp = (op, a, b) => {
      if (!isSetLike(b)) return NotImplemented;
      const x = a as PySet;
      switch (op) {
        case CMP_EQ: return x.size === b.size && isSubset(x, b);
        case CMP_NE: return !(x.size === b.size && isSubset(x, b));
        case CMP_LE: return isSubset(x, b);
        case CMP_LT: return x.size < b.size && isSubset(x, b);
        case CMP_GT: return x.size > b.size && isSubset(b, x);
        default: return isSubset(b, x);
      }
    };
    t.binop = (op, a, b, reflected) => {
      const inplace = op >= OP_INPLACE;
      const base = inplace ? op - OP_INPLACE : op;
      if (!isSetLike(a) || !isSetLike(b)) return NotImplemented;
      void reflected;
      let r: PySet;
      switch (base) {
        case OP_OR: r = union(a, [b]); break;
        case OP_AND: r = intersection(a, [b]); break;
        case OP_SUB: r = difference(a, [b]); break;
        case OP_XOR: r = symdiff(a, b); break;
        default: return NotImplemented;
      }
      if (inplace) {
        if (a.type.isSubtypeOf(T.frozensetType)) return NotImplemented;
        replaceContents(a, r);
        return a;
      }
      return r;
    };
    t.make = (type, args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) throw typeError(`${t.name}() takes no keyword arguments`);
      if (args.length > 1) throw typeError(`${t.name} expected at most 1 argument, got ${args.length}`);
      if (frozen && type === T.frozensetType && args.length === 1 && args[0] instanceof PySet && args[0].type === T.frozensetType) return args[0];
      const s = type === t ? new PySet(t) : new PySetSub(type);
      if (args.length === 1) forEach(args[0], (v) => {
        htInsert(s, v);
      });
      return s;
    };
    defMethod(t, 'copy', (self) => {
      const s = self as PySet;
      if (frozen && s.type === T.frozensetType) return s;
      checkHeap();
      const r = like(s);
      htCopyInto(r, s);
      return r;
    }, 1);
    defMethod(t, 'union', (args: any[]) => union(args[0] as PySet, args.slice(1)), { raw: true, min: 1 });
    defMethod(t, 'intersection', (args: any[]) => intersection(args[0] as PySet, args.slice(1)), { raw: true, min: 1 });
    defMethod(t, 'difference', (args: any[]) => difference(args[0] as PySet, args.slice(1)), { raw: true, min: 1 });
    defMethod(t, 'symmetric_difference', (self, o) => symdiff(self as PySet, o), 2);
    defMethod(t, 'issubset', (self, o) => isSubset(self as PySet, asSet(o)), 2);
    defMethod(t, 'issuperset', (self, o) => isSubset(asSet(o), self as PySet), 2);
    defMethod(t, 'isdisjoint', (self, o) => {
      const s = self as PySet;
      let r = true;
      forEach(o, (v) => {
        if (htFind(s, v) >= 0) {
          r = false;
          return true;
        }
        return false;
      });
      return r;
    }, 2);
  }
  const t = T.setType;
  defMethod(t, '__init__', (self, it) => {
    const s = self as PySet;
    htClear(s);
    if (it !== undefined) forEach(it, (v) => {
      htInsert(s, v);
    });
    return null;
  }, { params: 'self, iterable, /', min: 1 });
  defMethod(t, 'add', (self, v) => {
    htInsert(self as PySet, v);
    return null;
  }, 2);
  defMethod(t, 'remove', (self, v) => {
    const s = self as PySet;
    const i = htFind(s, v);
    if (i < 0) throw keyError(v);
    htRemoveAt(s, i);
    return null;
  }, 2);
  defMethod(t, 'discard', (self, v) => {
    const s = self as PySet;
    const i = htFind(s, v);
    if (i >= 0) htRemoveAt(s, i);
    return null;
  }, 2);
  defMethod(t, 'pop', (self) => {
    const s = self as PySet;
    for (let i = 0; i < s.keys.length; i++) {
      if (s.keys[i] === DELETED) continue;
      const v = s.keys[i];
      htRemoveAt(s, i);
      return v;
    }
    throw keyError('pop from an empty set');
  }, 1);
  defMethod(t, 'clear', (self) => {
    htClear(self as PySet);
    return null;
  }, 1);
  defMethod(t, 'update', (args: any[]) => {
    const s = args[0] as PySet;
    mutable(s);
    for (const o of args.slice(1)) forEach(o, (v) => {
      htInsert(s, v);
    });
    return null;
  }, { raw: true, min: 1 });
  defMethod(t, 'intersection_update', (args: any[]) => {
    replaceContents(args[0] as PySet, intersection(args[0] as PySet, args.slice(1)));
    return null;
  }, { raw: true, min: 1 });
  defMethod(t, 'difference_update', (args: any[]) => {
    replaceContents(args[0] as PySet, difference(args[0] as PySet, args.slice(1)));
    return null;
  }, { raw: true, min: 1 });
  defMethod(t, 'symmetric_difference_update', (self, o) => {
    replaceContents(self as PySet, symdiff(self as PySet, o));
    return null;
  }, 2);
  void typeOf;
}
