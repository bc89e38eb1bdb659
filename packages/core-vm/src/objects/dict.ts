// dict and its views (MicroPython py/objdict.c; CPython Objects/dictobject.c). Storage: hashtable.ts.
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_OR, OP_AND, OP_SUB, OP_XOR,
  OP_INPLACE, CMP_EQ, CMP_NE } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, keyError, runtimeError, valueError } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { PyList, ListIter } from './list.js';
import { checkHeap } from './heaplock.js';
import { defMethod, defClassMethod } from './function.js';
import { repr, STOP, eqBool, typeName, reprGuard, call, forEach, iterNext, lookupSpecial, getItem, getAttrOpt, typeOf, contains, len as pyLen } from '../runtime.js';
import { PyHashTable, htFind, htFindStr, htInsert, htRemoveAt, htClear, htCopyInto, DELETED } from './hashtable.js';

export class PyDict extends PyHashTable {
  constructor() {
    super(T.dictType, true);
  }
}

export class PyDictSub extends PyDict implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType) {
    super();
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

// ---- core operations (also the extension API for other packages) --------------------------------------

export function dictGet(d: PyHashTable, k: any): any {
  const i = htFind(d, k);
  return i < 0 ? undefined : d.vals![i];
}

export function dictGetStr(d: PyHashTable, k: string): any {
  const i = htFindStr(d, k);
  return i < 0 ? undefined : d.vals![i];
}

export function dictSet(d: PyHashTable, k: any, v: any): void {
  const i = htInsert(d, k);
  d.vals![i] = v;
}

export function dictSetStr(d: PyHashTable, k: string, v: any): void {
  const i = d.map.get(k);
  if (i !== undefined) {
    d.vals![i] = v;
    return;
  }
  dictSet(d, k, v);
}

export function dictDel(d: PyHashTable, k: any): boolean {
  const i = htFind(d, k);
  if (i < 0) return false;
  htRemoveAt(d, i);
  return true;
}

export function dictDelStr(d: PyHashTable, k: string): boolean {
  const i = htFindStr(d, k);
  if (i < 0) return false;
  htRemoveAt(d, i);
  return true;
}

/** Live entries as [key, value] pairs (a snapshot). */
export function dictEntries(d: PyHashTable): [any, any][] {
  const out: [any, any][] = [];
  const keys = d.keys;
  const vals = d.vals!;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) out.push([keys[i], vals[i]]);
  return out;
}

export function dictKeys(d: PyHashTable): any[] {
  const out: any[] = [];
  for (const k of d.keys) if (k !== DELETED) out.push(k);
  return out;
}

/** Make a dict from a JS record of str keys. */
export function dictFromRecord(r: Record<string, any>): PyDict {
  const d = new PyDict();
  for (const k of Object.keys(r)) dictSetStr(d, k, r[k]);
  return d;
}

/** dict.update(other) semantics: a mapping (keys() + []) or an iterable of pairs. */
export function dictUpdate(d: PyDict, other: any): void {
  if (other instanceof PyDict && typeOf(other).iter === T.dictType.iter) {
    const keys = other.keys;
    const vals = other.vals!;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) dictSet(d, keys[i], vals[i]);
    return;
  }
  const keysFn = typeof other === 'object' && other !== null ? getAttrOpt(other, 'keys') : undefined;
  if (keysFn !== undefined) {
    forEach(call(keysFn, [], null), (k) => {
      dictSet(d, k, getItem(other, k));
    });
    return;
  }
  let n = 0;
  forEach(other, (item) => {
    let pair: any[];
    if ((item instanceof PyTuple && item.type === T.tupleType) || (item instanceof PyList && item.type === T.listType)) pair = item.items;
    else {
      try {
        pair = [];
        forEach(item, (v) => {
          pair.push(v);
        });
      } catch (e) {
        if (e instanceof PyObject && e.type === T.typeErrorType) throw typeError(`cannot convert dictionary update sequence element #${n} to a sequence`);
        throw e;
      }
    }
    if (pair.length !== 2) throw valueError(`dictionary update sequence element #${n} has length ${pair.length}; 2 is required`);
    dictSet(d, pair[0], pair[1]);
    n++;
  });
}

function kwUpdate(d: PyDict, args: any[], kwnames: readonly string[] | null, first: number): void {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos - first > 1) throw typeError(`update expected at most 1 argument, got ${npos - first}`);
  if (npos > first) dictUpdate(d, args[first]);
  for (let i = 0; i < nkw; i++) dictSet(d, kwnames![i], args[npos + i]);
}

// ---- iterators and views -------------------------------------------------------------------------------

export const ITER_KEYS = 0;
export const ITER_VALUES = 1;
export const ITER_ITEMS = 2;

const DICT_ITER_TYPES = [T.dictIteratorType, T.dictValueIteratorType, T.dictItemIteratorType];
const DICT_REVERSE_ITER_TYPES = [T.dictReverseKeyIteratorType, T.dictReverseValueIteratorType, T.dictReverseItemIteratorType];

export class DictIter extends PyObject {
  d: PyHashTable;
  i: number;
  kind: number;
  size: number;
  constructor(d: PyHashTable, kind: number, type: PyType = DICT_ITER_TYPES[kind]) {
    super(type);
    this.d = d;
    this.i = 0;
    this.kind = kind;
    this.size = d.size;
  }
}

export function dictIterNext(it: DictIter): any {
  const d = it.d;
  if (d.size !== it.size) {
    it.size = -1;
    throw runtimeError(d.vals === null ? 'Set changed size during iteration' : 'dictionary changed size during iteration');
  }
  const keys = d.keys;
  let i = it.i;
  while (i < keys.length && keys[i] === DELETED) i++;
  if (i >= keys.length) {
    it.i = i;
    return STOP;
  }
  it.i = i + 1;
  switch (it.kind) {
    case ITER_KEYS: return keys[i];
    case ITER_VALUES: return d.vals![i];
    default: return new PyTuple([keys[i], d.vals![i]]);
  }
}

export class DictView extends PyObject {
  d: PyDict;
  kind: number;
  constructor(type: PyType, d: PyDict, kind: number) {
    super(type);
    this.d = d;
    this.kind = kind;
  }
}

function dictRepr(x: any): string {
  const d = x as PyDict;
  const t = d.type;
  const body = reprGuard(d, '{...}', () => {
    const parts: string[] = [];
    const keys = d.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) parts.push(repr(keys[i]) + ': ' + repr(d.vals![i]));
    return '{' + parts.join(', ') + '}';
  });
  if (t !== T.dictType && t.dict.get('__module__') === 'collections') return `${t.name}(${body})`;
  return body;
}

function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  const keys = a.keys;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === DELETED) continue;
    const j = htFind(b, keys[i]);
    if (j < 0) return false;
    if (!eqBool(a.vals![i], b.vals![j])) return false;
  }
  return true;
}

/** Keys of a dict view / set-like as a JS array. */
function viewItems(v: DictView): any[] {
  const out: any[] = [];
  const d = v.d;
  for (let i = 0; i < d.keys.length; i++) {
    if (d.keys[i] === DELETED) continue;
    out.push(v.kind === ITER_KEYS ? d.keys[i] : v.kind === ITER_VALUES ? d.vals![i] : new PyTuple([d.keys[i], d.vals![i]]));
  }
  return out;
}

let makeSet: (items: any[]) => any = () => null;
/** Wired by set.ts (avoids a load-order cycle). */
export function setMakeSet(f: (items: any[]) => any): void {
  makeSet = f;
}

/** Mark a dict read-only: Python code can no longer change it (extension API for ROM tables). */
export function dictMakeFixed(d: PyDict): PyDict {
  d.fixed = true;
  return d;
}

function mutable(d: PyDict): PyDict {
  if (d.fixed) throw typeError("'dict' object doesn't support item assignment");
  return d;
}

function missing(d: PyDict, key: any): any {
  if (d.type !== T.dictType) {
    const m = lookupSpecial(d, '__missing__');
    if (m !== undefined) return call(m, [key], null);
  }
  throw keyError(key);
}

export function setupDict(): void {
  const t = T.dictType;
  t.alloc = (type) => new PyDictSub(type);
  t.keyKind = 3;
  t.repr = dictRepr;
  t.len = (x) => (x as PyDict).size;
  t.bool = (x) => (x as PyDict).size !== 0;
  t.iter = (x) => new DictIter(x as PyDict, ITER_KEYS);
  t.getitem = (x, key) => {
    const d = x as PyDict;
    const i = htFind(d, key);
    if (i < 0) return missing(d, key);
    return d.vals![i];
  };
  t.setitem = (x, key, value) => {
    const d = mutable(x as PyDict);
    if (value === undefined) {
      if (!dictDel(d, key)) throw keyError(key);
      return;
    }
    dictSet(d, key, value);
  };
  t.contains = (x, key) => htFind(x as PyDict, key) >= 0;
  t.richcmp = (op, a, b) => {
    if (!(b instanceof PyDict) || (op !== CMP_EQ && op !== CMP_NE)) return NotImplemented;
    const e = dictEq(a as PyDict, b);
    return op === CMP_EQ ? e : !e;
  };
  t.binop = (op, a, b, reflected) => {
    if (op === OP_OR + OP_INPLACE) {
      dictUpdate(a as PyDict, b);
      return a;
    }
    if (op !== OP_OR || !(a instanceof PyDict) || !(b instanceof PyDict)) return NotImplemented;
    void reflected;
    const r = new PyDict();
    htCopyInto(r, a);
    dictUpdate(r, b);
    return r;
  };
  t.make = (type, args, kwnames) => {
    const d = type === T.dictType ? new PyDict() : new PyDictSub(type);
    kwUpdate(d, args, kwnames, 0);
    return d;
  };
  defMethod(t, '__init__', (args: any[], kwnames: readonly string[] | null) => {
    kwUpdate(args[0] as PyDict, args, kwnames, 1);
    return null;
  }, { raw: true, min: 1 });
  const view = (type: PyType, d: PyDict, kind: number): DictView => {
    checkHeap();
    return new DictView(type, d, kind);
  };
  defMethod(t, 'keys', (self) => view(T.dictKeysType, self as PyDict, ITER_KEYS), 1);
  defMethod(t, 'values', (self) => view(T.dictValuesType, self as PyDict, ITER_VALUES), 1);
  defMethod(t, 'items', (self) => view(T.dictItemsType, self as PyDict, ITER_ITEMS), 1);
  defMethod(t, 'get', (self, k, dflt) => {
    const v = dictGet(self as PyDict, k);
    return v === undefined ? (dflt === undefined ? null : dflt) : v;
  }, { params: 'self, key, default, /', min: 2 });
  defMethod(t, 'pop', (self, k, dflt) => {
    mutable(self as PyDict);
    const d = self as PyDict;
    const i = htFind(d, k);
    if (i < 0) {
      if (dflt === undefined) throw keyError(k);
      return dflt;
    }
    const v = d.vals![i];
    htRemoveAt(d, i);
    return v;
  }, { params: 'self, key, default, /', min: 2 });
  defMethod(t, 'popitem', (self) => {
    mutable(self as PyDict);
    const d = self as PyDict;
    for (let i = d.keys.length - 1; i >= 0; i--) {
      if (d.keys[i] === DELETED) continue;
      const r = new PyTuple([d.keys[i], d.vals![i]]);
      htRemoveAt(d, i);
      return r;
    }
    throw keyError('popitem(): dictionary is empty');
  }, 1);
  defMethod(t, 'setdefault', (self, k, dflt) => {
    mutable(self as PyDict);
    const d = self as PyDict;
    const i = htFind(d, k);
    if (i >= 0) return d.vals![i];
    const v = dflt === undefined ? null : dflt;
    dictSet(d, k, v);
    return v;
  }, { params: 'self, key, default, /', min: 2 });
  defMethod(t, 'update', (args: any[], kwnames: readonly string[] | null) => {
    kwUpdate(mutable(args[0] as PyDict), args, kwnames, 1);
    return null;
  }, { raw: true, min: 1 });
  defMethod(t, 'clear', (self) => {
    mutable(self as PyDict);
    htClear(self as PyDict);
    return null;
  }, 1);
  defMethod(t, 'copy', (self) => {
    const r = new PyDict();
    htCopyInto(r, self as PyDict);
    return r;
  }, 1);
  defMethod(t, '__reversed__', (self) => {
    const keys = dictKeys(self as PyDict).reverse();
    return new ListIter(new PyList(keys), T.dictReverseKeyIteratorType);
  }, 1);
  defClassMethod(t, 'fromkeys', (cls, it, v) => {
    const d = cls === T.dictType ? new PyDict() : call(cls, [], null);
    const val = v === undefined ? null : v;
    if (d instanceof PyDict && d.type === T.dictType) forEach(it, (k) => dictSet(d, k, val));
    else forEach(it, (k) => {
      call(getAttrOpt(d, '__setitem__'), [k, val], null);
    });
    return d;
  }, { params: 'cls, iterable, value, /', min: 2 });
  defMethod(t, '__getitem__', (self, k) => t.getitem!(self, k), 2);
  defMethod(t, '__setitem__', (self, k, v) => {
    dictSet(mutable(self as PyDict), k, v);
    return null;
  }, 3);
  defMethod(t, '__delitem__', (self, k) => {
    if (!dictDel(mutable(self as PyDict), k)) throw keyError(k);
    return null;
  }, 2);
  defMethod(t, '__contains__', (self, k) => htFind(self as PyDict, k) >= 0, 2);

  for (const [vt, kind] of [[T.dictKeysType, ITER_KEYS], [T.dictValuesType, ITER_VALUES], [T.dictItemsType, ITER_ITEMS]] as const) {
    vt.keyKind = kind === ITER_VALUES ? 1 : 3;
    vt.len = (x) => (x as DictView).d.size;
    vt.iter = (x) => new DictIter((x as DictView).d, kind);
    vt.repr = (x) => `${vt.name}([${viewItems(x as DictView).map(repr).join(', ')}])`;
    if (kind === ITER_KEYS) vt.contains = (x, k) => htFind((x as DictView).d, k) >= 0;
    else if (kind === ITER_ITEMS)
      vt.contains = (x, item) => {
        if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
        const d = (x as DictView).d;
        const i = htFind(d, item.items[0]);
        return i >= 0 && eqBool(d.vals![i], item.items[1]);
      };
    defMethod(vt, '__reversed__', (self) => new ListIter(new PyList(viewItems(self as DictView).reverse()), DICT_REVERSE_ITER_TYPES[kind]), 1);
    if (kind !== ITER_VALUES) {
      vt.binop = (op, a, b, reflected) => {
        if (op >= OP_INPLACE) return NotImplemented;
        if (op !== OP_OR && op !== OP_AND && op !== OP_SUB && op !== OP_XOR) return NotImplemented;
        const left = makeSet(a instanceof DictView ? viewItems(a) : iterAll(a));
        const right = b instanceof DictView ? makeSet(viewItems(b)) : b;
        void reflected;
        return call(getAttrOpt(left, op === OP_OR ? 'union' : op === OP_AND ? 'intersection' : op === OP_SUB ? 'difference' : 'symmetric_difference'), [right], null);
      };
      vt.richcmp = (op, a, b) => {
        if (!(b instanceof DictView) && !(typeOf(b).isSubtypeOf(T.setType) || typeOf(b).isSubtypeOf(T.frozensetType))) return NotImplemented;
        const left = makeSet(viewItems(a as DictView));
        const right = b instanceof DictView ? makeSet(viewItems(b)) : b;
        return (typeOf(left).richcmp as (op: number, a: any, b: any) => any)(op, left, right);
      };
      defMethod(vt, 'isdisjoint', (self, other) => {
        let r = true;
        forEach(other, (v) => {
          if (contains(self, v)) {
            r = false;
            return true;
          }
          return false;
        });
        return r;
      }, 2);
    }
  }
  void iterNext;
  void typeName;
  void pyLen;
}

function iterAll(x: any): any[] {
  const out: any[] = [];
  forEach(x, (v) => {
    out.push(v);
  });
  return out;
}
