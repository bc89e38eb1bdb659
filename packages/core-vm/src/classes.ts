// object, type, user-defined classes, super and the descriptor types (MicroPython py/objobject.c,
// objtype.c; CPython Objects/typeobject.c, descrobject.c, funcobject.c).
//
// A user class is a PyType like any builtin. Its slots are filled by `updateSlots`: for each slot, the
// first class along the MRO that defines one of the slot's dunder methods decides: a builtin type lends
// its native slot, a user class gets a dispatcher that looks the dunder up and calls it.
import {
  PyObject, PyInstance, PyType, STOP, c3, isPlainValue, TF_BASETYPE, TF_BUILTIN, TF_INSTATTRS, TF_EXCEPTION, TF_NODICT,
  CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE, OP_INPLACE, UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT,
  UN_FLOAT, UN_INDEX, UN_COMPLEX, type AttrHolder, DICT_SHAPE,
} from './object.js';
import * as T from './types.js';
import { vm } from './state.js';
import { NotImplemented } from './singletons.js';
import {
  typeOf, typeName, call, genericGetAttr, genericSetAttr, getAttr, bindDescr, noAttr, defaultRepr, identityHash,
  asInt, repr, truthy, instDict, instSetDict, addressOf, lookupSpecial, getIter, forEach, isInstance, unhashable, userBinop, toArray, instGet, instDel, instSet,
} from './runtime.js';
import { PyFunction, PyBuiltin, PyBoundMethod, PyCell, PyStaticMethod, PyClassMethod, PyProperty, type PyGetSet,
  defMethod, defGetSet, defStaticMethod, defClassMethod, builtin } from './objects/function.js';
import { PyBaseException, typeError, attributeError, newException, valueError } from './objects/exceptions.js';
import { PyTuple, EMPTY_TUPLE } from './objects/tuple.js';
import { PyList } from './objects/list.js';
import { PyDict, dictGetStr, dictSetStr, dictEntries } from './objects/dict.js';
import { strVal, PyStrSub } from './objects/str.js';
import { KEY_IDENTITY, KEY_HASHED, KEY_UNHASHABLE, KEY_VALUE, KEY_FLOAT } from './objects/hashtable.js';
import { builtinsFor, runClassBody, setClassHooks } from './interp.js';
import { CodeObject as CodeObjectClass } from '@mpy-ts/bytecode';
import { intHash, bigHash } from './objects/int.js';

// ---- slot groups ---------------------------------------------------------------------------------------

const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
export const BINOP_NAMES = ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor', 'divmod'];
const BIN_DUNDERS: string[] = [];
for (const n of BINOP_NAMES) {
  BIN_DUNDERS.push(`__${n}__`, `__r${n}__`);
  if (n !== 'divmod') BIN_DUNDERS.push(`__i${n}__`);
}
const UNOP_NAMES = ['__neg__', '__pos__', '__invert__', '__abs__', '__int__', '__float__', '__index__', '__complex__'];

type SlotName = 'repr' | 'str' | 'hash' | 'richcmp' | 'binop' | 'unop' | 'bool' | 'len' | 'iter' | 'next' | 'getitem' |
  'setitem' | 'contains' | 'call' | 'getattr' | 'setattr' | 'descrGet' | 'descrSet';

const SLOT_DUNDERS: [SlotName, string[]][] = [
  ['repr', ['__repr__']],
  ['str', ['__str__']],
  ['hash', ['__hash__']],
  ['richcmp', CMP_NAMES],
  ['binop', BIN_DUNDERS],
  ['unop', UNOP_NAMES],
  ['bool', ['__bool__']],
  ['len', ['__len__']],
  ['iter', ['__iter__']],
  ['next', ['__next__']],
  ['getitem', ['__getitem__']],
  ['setitem', ['__setitem__', '__delitem__']],
  ['contains', ['__contains__']],
  ['call', ['__call__']],
  ['getattr', ['__getattribute__', '__getattr__']],
  ['setattr', ['__setattr__', '__delattr__']],
  ['descrGet', ['__get__']],
  ['descrSet', ['__set__', '__delete__']],
];

const DUNDER_SLOT = new Map<string, SlotName>();
for (const [slot, names] of SLOT_DUNDERS) for (const n of names) DUNDER_SLOT.set(n, slot);

/** Call the dunder `name` found on x's type, bound to x. undefined if the type lacks it. */
function callDunder(x: any, name: string, args: any[]): any {
  const t = typeOf(x);
  const d = t.lookup(name);
  if (d === undefined || d === null) return undefined;
  if (d instanceof PyFunction) return call(d, [x, ...args], null);
  if (d instanceof PyBuiltin && d.owner !== null) return call(d, [x, ...args], null);
  return call(bindDescr(d, x, t), args, null);
}

function strResult(r: any, what: string): string {
  if (typeof r === 'string') return r;
  if (r instanceof PyStrSub) return r.value;
  throw typeError(`${what} returned non-string (type ${typeName(r)})`);
}

const dispatch: Record<SlotName, any> = {
  repr: (x: any) => strResult(callDunder(x, '__repr__', []), '__repr__'),
  str: (x: any) => strResult(callDunder(x, '__str__', []), '__str__'),
  hash: (x: any) => {
    const d = typeOf(x).lookup('__hash__');
    if (d === null || d === undefined) throw typeError(`unhashable type: '${typeName(x)}'`);
    const r = callDunder(x, '__hash__', []);
    const v = asInt(r);
    if (v === undefined) throw typeError('__hash__ method should return an integer');
    return typeof v === 'number' ? intHash(v) : bigHash(v);
  },
  richcmp: (op: number, a: any, b: any) => {
    const r = callDunder(a, CMP_NAMES[op], [b]);
    return r === undefined ? NotImplemented : r;
  },
  binop: (op: number, a: any, b: any, reflected: boolean) => {
    const inplace = op >= OP_INPLACE;
    const base = BINOP_NAMES[inplace ? op - OP_INPLACE : op];
    const name = inplace ? `__i${base}__` : reflected ? `__r${base}__` : `__${base}__`;
    const r = reflected ? callDunder(b, name, [a]) : callDunder(a, name, [b]);
    return r === undefined ? NotImplemented : r;
  },
  unop: (op: number, x: any) => {
    const r = callDunder(x, UNOP_NAMES[op], []);
    if (r === undefined) return undefined;
    if (op === UN_INT || op === UN_INDEX) {
      if (asInt(r) === undefined) throw typeError(`${UNOP_NAMES[op]} returned non-int (type ${typeName(r)})`);
    }
    return r;
  },
  bool: (x: any) => {
    const r = callDunder(x, '__bool__', []);
    if (typeof r !== 'boolean') throw typeError(`__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  },
  len: (x: any) => {
    const r = callDunder(x, '__len__', []);
    const v = asInt(r);
    if (v === undefined) throw typeError(`'${typeName(r)}' object cannot be interpreted as an integer`);
    if (v < 0) throw valueError('__len__() should return >= 0');
    if (typeof v === 'bigint') throw newException(T.overflowErrorType, "cannot fit 'int' into an index-sized integer");
    return v;
  },
  iter: (x: any) => {
    const d = typeOf(x).lookup('__iter__');
    if (d === null) throw typeError(`'${typeName(x)}' object is not iterable`);
    const r = callDunder(x, '__iter__', []);
    if (typeOf(r).next === null) throw typeError(`iter() returned non-iterator of type '${typeName(r)}'`);
    return r;
  },
  next: (x: any) => {
    try {
      return callDunder(x, '__next__', []);
    } catch (e) {
      if (e instanceof PyBaseException && e.type.isSubtypeOf(T.stopIterationType)) {
        const a = e.args.items;
        vm.yieldFromResult = a.length > 0 ? a[0] : null;
        return STOP;
      }
      throw e;
    }
  },
  getitem: (x: any, key: any) => {
    const r = callDunder(x, '__getitem__', [key]);
    if (r === undefined) throw typeError(`'${typeName(x)}' object is not subscriptable`);
    return r;
  },
  setitem: (x: any, key: any, value: any) => {
    const r = value === undefined ? callDunder(x, '__delitem__', [key]) : callDunder(x, '__setitem__', [key, value]);
    if (r === undefined) {
      throw typeError(`'${typeName(x)}' object does not support item ${value === undefined ? 'deletion' : 'assignment'}`);
    }
  },
  contains: (x: any, item: any) => truthy(callDunder(x, '__contains__', [item])),
  call: (f: any, args: any[], kwnames: readonly string[] | null) => {
    const d = typeOf(f).lookup('__call__');
    if (d === undefined || d === null) throw typeError(`'${typeName(f)}' object is not callable`);
    if (d instanceof PyFunction || (d instanceof PyBuiltin && d.owner !== null)) return call(d, [f, ...args], kwnames);
    return call(bindDescr(d, f, typeOf(f)), args, kwnames);
  },
  getattr: (x: any, name: string) => {
    const t = typeOf(x);
    const ga = t.lookup('__getattribute__');
    let v: any;
    try {
      if (ga === objectGetattribute || ga === undefined) v = genericGetAttr(x, name);
      else v = callDunder(x, '__getattribute__', [name]);
    } catch (e) {
      if (!(e instanceof PyBaseException && e.type.isSubtypeOf(T.attributeErrorType))) throw e;
      const fallback = t.lookup('__getattr__');
      if (fallback === undefined) throw e;
      return callDunder(x, '__getattr__', [name]);
    }
    if (v === undefined) {
      const fallback = t.lookup('__getattr__');
      if (fallback !== undefined) return callDunder(x, '__getattr__', [name]);
    }
    return v;
  },
  setattr: (x: any, name: string, value: any) => {
    if (value === undefined) callDunder(x, '__delattr__', [name]);
    else callDunder(x, '__setattr__', [name, value]);
  },
  descrGet: (d: any, obj: any, owner: PyType) => callDunder(d, '__get__', [obj === undefined ? null : obj, owner]),
  descrSet: (d: any, obj: any, value: any) => {
    if (value === undefined) {
      if (callDunder(d, '__delete__', [obj]) === undefined) throw attributeError('__delete__');
    } else if (callDunder(d, '__set__', [obj, value]) === undefined) throw attributeError('__set__');
  },
};

/** Recompute a user class's slots from its MRO (and its key kind for dicts). */
export function updateSlots(cls: PyType): void {
  for (const [slot, names] of SLOT_DUNDERS) {
    let src: PyType | null = null;
    for (const t of cls.mro) {
      if (names.some((n) => t.dict.has(n))) {
        src = t;
        break;
      }
    }
    if (src === null || (src.flags & TF_BUILTIN) !== 0) {
      // inherit the native slot of the first builtin type in the MRO that has it
      let native: any = null;
      for (const t of cls.mro) {
        if ((t.flags & TF_BUILTIN) !== 0 && (t as any)[slot] !== null) {
          native = (t as any)[slot];
          break;
        }
        if (t === src) break;
      }
      if (src !== null) native = (src as any)[slot];
      (cls as any)[slot] = native;
    } else {
      (cls as any)[slot] = dispatch[slot];
    }
  }
  // no __bool__ anywhere but a __len__ of its own: truth comes from the length (list subclasses), as in CPython
  if (cls.lookup('__bool__') === undefined) {
    const ld = cls.definer('__len__');
    if (ld !== null && (ld.flags & TF_BUILTIN) === 0) cls.bool = null;
  }
  // `__hash__ = None`
  if (cls.lookup('__hash__') === null) cls.hash = unhashable;
  cls.keyKind = computeKeyKind(cls);
  cls.make = userMake;
}

function computeKeyKind(cls: PyType): number {
  const h = cls.lookup('__hash__');
  if (h === null) return KEY_UNHASHABLE;
  const hd = cls.definer('__hash__');
  const ed = cls.definer('__eq__');
  const builtinDefs = (hd === null || (hd.flags & TF_BUILTIN) !== 0) && (ed === null || (ed.flags & TF_BUILTIN) !== 0);
  if (!builtinDefs) return KEY_HASHED;
  const layout = cls.base ?? T.objectType;
  if (layout === T.objectType || layout === T.baseExceptionType || layout === T.typeType || layout === T.moduleType) {
    return hd === null || hd === T.objectType ? KEY_IDENTITY : KEY_HASHED;
  }
  if (layout === T.intType || layout === T.strType) return KEY_VALUE;
  if (layout === T.floatType) return KEY_FLOAT;
  return layout.keyKind === KEY_IDENTITY ? KEY_IDENTITY : layout.keyKind === KEY_UNHASHABLE ? KEY_UNHASHABLE : KEY_HASHED;
}

userBinop.slot = dispatch.binop;
userBinop.reflectedOverridden = (op, ta, tb) => {
  const name = `__r${BINOP_NAMES[op]}__`;
  return tb.lookup(name) !== ta.lookup(name);
};

// ---- instance creation ---------------------------------------------------------------------------------

let objectNew: any = null;
let objectInit: any = null;
let objectGetattribute: any = null;

/** The layout type (builtin with an allocator) of a class. */
function layoutOf(t: PyType): PyType {
  return t.base ?? T.objectType;
}

/** type.__call__ for user classes: __new__ then __init__ (CPython type_call). */
export function userMake(cls: PyType, args: any[], kwnames: readonly string[] | null): any {
  const newFn = cls.lookup('__new__');
  let obj: any;
  if (newFn === objectNew || newFn === undefined) {
    if (args.length > 0 && cls.lookup('__init__') === objectInit) throw typeError(`${cls.name}() takes no arguments`);
    obj = allocInstance(cls);
  } else {
    const f = newFn instanceof PyStaticMethod ? newFn.func : bindDescr(newFn, undefined, cls);
    const a = new Array(args.length + 1);
    a[0] = cls;
    for (let i = 0; i < args.length; i++) a[i + 1] = args[i];
    obj = call(f, a, kwnames);
  }
  const ot = typeOf(obj);
  if (!ot.isSubtypeOf(cls)) return obj;
  const init = ot.lookup('__init__');
  if (init !== objectInit && init !== undefined) {
    let r: any;
    if (init instanceof PyFunction || (init instanceof PyBuiltin && init.owner !== null)) {
      const a = new Array(args.length + 1);
      a[0] = obj;
      for (let i = 0; i < args.length; i++) a[i + 1] = args[i];
      r = call(init, a, kwnames);
    } else r = call(bindDescr(init, obj, ot), args, kwnames);
    if (r !== null) throw typeError(`__init__() should return None, not '${typeName(r)}'`);
  } else if (args.length > 0 && (newFn === objectNew || newFn === undefined)) {
    throw typeError(`${cls.name}() takes no arguments`);
  }
  return obj;
}

/** A bare instance of cls using its layout's allocator. */
/**
 * The Python `__init__` a call of `cls` runs after `object.__new__` when the interpreter may run it inline
 * (its own frame in the dispatch loop, the new instance as self): cls is a user class created by `type`,
 * with no `__new__` of its own, and `__init__` is a plain Python function. null otherwise (the general
 * path, userMake). Cached until the class or a base changes (its version).
 */
export function plainInit(cls: PyType): PyFunction | null {
  if (cls.initVersion === cls.version) return cls.initFn;
  let r: PyFunction | null = null;
  if (cls.make === userMake && typeOf(cls) === T.typeType) {
    const newFn = cls.lookup('__new__');
    if (newFn === objectNew || newFn === undefined) {
      const init = cls.lookup('__init__');
      if (init instanceof PyFunction) r = init;
    }
  }
  cls.initFn = r;
  cls.initVersion = cls.version;
  return r;
}

export function allocInstance(cls: PyType): any {
  const layout = layoutOf(cls);
  if (layout.alloc === null) throw typeError(`cannot create '${cls.name}' instances`);
  const o = layout.alloc(cls);
  return o;
}

setClassHooks(plainInit, allocInstance);

// ---- class creation ------------------------------------------------------------------------------------

/** The most derived layout among the bases (CPython best_base). */
function bestBase(bases: PyType[]): PyType {
  let best: PyType = T.objectType;
  for (const b of bases) {
    const l = layoutOf(b);
    if (best.isSubtypeOf(l)) continue;
    if (l.isSubtypeOf(best)) best = l;
    else throw typeError('multiple bases have instance lay-out conflict');
  }
  return best;
}

function calculateMeta(meta: PyType, bases: PyType[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const bt = typeOf(b);
    if (winner.isSubtypeOf(bt)) continue;
    if (bt.isSubtypeOf(winner)) {
      winner = bt;
      continue;
    }
    throw typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

/** type.__new__(meta, name, bases, ns, **kw). */
export function typeNew(meta: PyType, name: string, basesIn: any[], ns: PyDict, kwargs: Map<string, any>): PyType {
  for (const b of basesIn) {
    if (!(b instanceof PyType)) throw typeError('bases must be types');
    if ((b.flags & TF_BASETYPE) === 0) throw typeError(`type '${b.name}' is not an acceptable base type`);
  }
  const bases: PyType[] = basesIn.length === 0 ? [T.objectType] : (basesIn as PyType[]);
  const layout = bestBase(bases);
  // instances carry shape/slots attributes unless their layout keeps attributes elsewhere (types, modules)
  let flags = TF_BASETYPE | (layout === T.typeType || layout === T.moduleType ? 0 : TF_INSTATTRS);
  if (bases.some((b) => (b.flags & TF_EXCEPTION) !== 0)) flags |= TF_EXCEPTION;
  const cls = new PyType(name, bases, flags);
  cls.type = meta;
  cls.base = layout;
  for (let i = 0; i < bases.length; i++) {
    if (bases.indexOf(bases[i]) !== i) throw typeError(`duplicate base class ${bases[i].name}`);
  }
  const heads: PyType[] = [];
  const mro = c3(cls, bases, heads);
  if (mro === null) throw typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads.map((b) => b.name).join(', ')}`);
  cls.mro = mro;
  let classcell: any = undefined;
  for (const [k, v0] of dictEntries(ns)) {
    if (typeof k !== 'string') continue;
    let v = v0;
    if (k === '__qualname__') {
      if (typeof v !== 'string') throw typeError(`type __qualname__ must be a str, not ${typeName(v)}`);
      cls.qualname = v;
      continue;
    }
    if (k === '__classcell__') {
      classcell = v;
      continue;
    }
    if ((k === '__new__') && v instanceof PyFunction) v = new PyStaticMethod(T.staticmethodType, v);
    if ((k === '__init_subclass__' || k === '__class_getitem__') && v instanceof PyFunction) v = new PyClassMethod(T.classmethodType, v);
    cls.dict.set(k, v);
  }
  if (cls.dict.has('__slots__')) setupSlots(cls, bases);
  if (cls.dict.has('__eq__') && !cls.dict.has('__hash__')) cls.dict.set('__hash__', null);
  if (!cls.dict.has('__doc__')) cls.dict.set('__doc__', null);
  cls.alloc = layout.alloc;
  for (const b of bases) b.subclasses.push(new WeakRef(cls));
  cls.cache = new Map();
  updateSlots(cls);
  if (classcell !== undefined) {
    if (!(classcell instanceof PyCell)) throw typeError(`__classcell__ must be a nonlocal cell, not ${typeName(classcell)}`);
    classcell.value = cls;
  }
  // __set_name__ (PEP 487)
  for (const [k, v] of [...cls.dict.entries()]) {
    if (typeof v !== 'object' || v === null) continue;
    const sn = typeOf(v).lookup('__set_name__');
    if (sn !== undefined) {
      call(bindDescr(sn, v, typeOf(v)), [cls, k], null);
    }
  }
  // __init_subclass__ of the parent (PEP 487)
  const parent = mro.length > 1 ? superLookup(cls, mro[0], '__init_subclass__') : undefined;
  if (parent !== undefined) {
    const f = bindDescr(parent, undefined, cls);
    const names = [...kwargs.keys()];
    call(f, [...kwargs.values()], names.length === 0 ? null : names);
  }
  return cls;
}

/**
 * `__slots__`: a member descriptor per slot name (stored in the instance's attribute storage), and no
 * instance __dict__ unless '__dict__' is a slot or a base class has one (CPython type_new's slots).
 */
function setupSlots(cls: PyType, bases: PyType[]): void {
  const spec = cls.dict.get('__slots__');
  const names: any[] = typeof spec === 'string' ? [spec] : toArray(spec);
  let withDict = false;
  const seen = new Set<string>();
  const members: string[] = [];
  for (const n of names) {
    if (typeof n !== 'string') throw typeError(`__slots__ items must be strings, not '${typeName(n)}'`);
    if (!/^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/.test(n)) throw typeError('__slots__ must be identifiers');
    if (n === '__dict__') {
      if (withDict) throw typeError('__dict__ slot disallowed: we already got one');
      withDict = true;
      continue;
    }
    if (n === '__weakref__') continue;
    // private names are mangled as in the class body
    const name = n.startsWith('__') && !n.endsWith('__') ? `_${cls.name.replace(/^_+/, '')}${n}` : n;
    if (seen.has(name)) throw typeError(`duplicate slot name '${name}'`);
    seen.add(name);
    members.push(name);
  }
  for (const name of members) {
    if (cls.dict.has(name)) throw valueError(`'${name}' in __slots__ conflicts with class variable`);
  }
  for (const name of members) cls.dict.set(name, new PyMember(cls, name));
  const basesHaveDict = bases.some((b) => (b.flags & TF_NODICT) === 0 && ((b.flags & TF_BUILTIN) === 0 || (b.flags & TF_INSTATTRS) !== 0));
  if (!withDict && !basesHaveDict && (cls.flags & TF_INSTATTRS) !== 0) cls.flags |= TF_NODICT;
}

/** A `__slots__` member descriptor: reads and writes one name of the instance's attribute storage. */
export class PyMember extends PyObject {
  owner: PyType;
  name: string;
  constructor(owner: PyType, name: string) {
    super(T.memberType);
    this.owner = owner;
    this.name = name;
  }
}

function memberCheck(m: PyMember, obj: any): void {
  if (!isInstance(obj, m.owner)) throw typeError(`descriptor '${m.name}' for '${m.owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
}

/** Lookup `name` along type(obj).mro after `start` (super semantics), raw (unbound). */
function superLookup(objType: PyType, start: PyType, name: string): any {
  const mro = objType.mro;
  let i = mro.indexOf(start);
  if (i < 0) return undefined;
  for (i++; i < mro.length; i++) {
    const v = mro[i].dict.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** builtins.__build_class__(func, name, *bases, metaclass=None, **kwds). */
function buildClass(args: any[], kwnames: readonly string[] | null): any {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos < 2) throw typeError('__build_class__: not enough arguments');
  const fn = args[0];
  const name = args[1];
  if (!(fn instanceof PyFunction)) throw typeError('__build_class__: func must be a function');
  if (typeof name !== 'string') throw typeError('__build_class__: name is not a string');
  let bases = args.slice(2, npos);
  // PEP 560: __mro_entries__
  if (bases.some((b) => !(b instanceof PyType))) {
    const nb: any[] = [];
    for (const b of bases) {
      if (b instanceof PyType) nb.push(b);
      else {
        const me = lookupSpecial(b, '__mro_entries__');
        if (me === undefined) nb.push(b);
        else nb.push(...(call(me, [new PyTuple(bases)], null) as PyTuple).items);
      }
    }
    bases = nb;
  }
  const kw = new Map<string, any>();
  for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[npos + i]);
  let meta: any = kw.get('metaclass');
  kw.delete('metaclass');
  const isClassMeta = meta === undefined || meta instanceof PyType;
  if (meta === undefined) meta = bases.length > 0 ? typeOf(bases[0]) : T.typeType;
  if (isClassMeta) meta = calculateMeta(meta as PyType, bases.filter((b) => b instanceof PyType));
  let ns: any;
  const prep = meta instanceof PyType ? meta.lookup('__prepare__') : undefined;
  if (prep !== undefined && prep !== typePrepare) {
    const names = [...kw.keys()];
    ns = call(bindDescr(prep, undefined, meta), [name, new PyTuple(bases), ...kw.values()], names.length === 0 ? null : names);
  } else ns = new PyDict();
  const cell = runClassBody(fn, ns);
  const names = [...kw.keys()];
  const cls = call(meta, [name, new PyTuple(bases), ns, ...kw.values()], names.length === 0 ? null : names);
  if (cell instanceof PyCell && cls instanceof PyType) {
    if (cell.value === undefined) cell.value = cls;
    else if (cell.value !== cls) throw typeError(`__class__ set to ${repr(cell.value)} defining '${name}' as ${repr(cls)}`);
  }
  return cls;
}

let typePrepare: any = null;

export const buildClassBuiltin = builtin('__build_class__', buildClass, { raw: true, min: 2 });

// ---- super ---------------------------------------------------------------------------------------------

export class PySuper extends PyObject {
  thisType: PyType;
  obj: any;
  objType: PyType;
  constructor(thisType: PyType, obj: any, objType: PyType) {
    super(T.superType);
    this.thisType = thisType;
    this.obj = obj;
    this.objType = objType;
  }
}

function superCheck(type: PyType, obj: any): PyType {
  if (obj instanceof PyType && obj.isSubtypeOf(type)) return obj;
  const t = typeOf(obj);
  if (t.isSubtypeOf(type)) return t;
  const cls = lookupSpecial(obj, '__class__');
  if (cls instanceof PyType && cls !== t && cls.isSubtypeOf(type)) return cls;
  throw typeError('super(type, obj): obj must be an instance or subtype of type');
}

function superGetAttr(x: any, name: string): any {
  const s = x as PySuper;
  if (name !== '__class__') {
    const mro = s.objType.mro;
    let i = mro.indexOf(s.thisType);
    if (i >= 0) {
      for (i++; i < mro.length; i++) {
        const v = mro[i].dict.get(name);
        if (v !== undefined) {
          if (typeof v === 'object' && v !== null) {
            const vt = (v as PyObject).type;
            if (vt.descrGet !== null) return vt.descrGet(v, s.obj === s.objType ? undefined : s.obj, s.objType);
          }
          return v;
        }
      }
    }
  }
  return genericGetAttr(x, name);
}

// ---- mappingproxy (type.__dict__) -----------------------------------------------------------------------

export class PyMappingProxy extends PyObject {
  target: PyType;
  constructor(target: PyType) {
    super(T.mappingProxyType);
    this.target = target;
  }
}

function proxyDict(p: PyMappingProxy): PyDict {
  const d = new PyDict();
  for (const [k, v] of p.target.dict) dictSetStr(d, k, v);
  return d;
}

// ---- setup ---------------------------------------------------------------------------------------------

/** `<class 'A'>`: MicroPython prints the bare class name (CPython would add the module). */
function typeRepr(x: any): string {
  return `<class '${(x as PyType).name}'>`;
}

/** type.__getattribute__ (CPython type_getattro). */
export function typeGetAttr(x: any, name: string): any {
  const t = x as PyType;
  const meta = typeOf(t);
  const md = meta.lookup(name);
  let mdt: PyType | null = null;
  if (md !== undefined && typeof md === 'object' && md !== null) {
    mdt = (md as PyObject).type;
    if (mdt.descrGet !== null && mdt.descrSet !== null) return mdt.descrGet(md, t, meta);
  }
  const d = t.lookup(name);
  if (d !== undefined) {
    if (typeof d === 'object' && d !== null) {
      const dt = (d as PyObject).type;
      if (dt.descrGet !== null) return dt.descrGet(d, undefined, t);
    }
    return d;
  }
  if (md !== undefined) {
    if (mdt !== null && mdt.descrGet !== null) return mdt.descrGet(md, t, meta);
    return md;
  }
  return undefined;
}

function typeSetAttr(x: any, name: string, value: any): void {
  const t = x as PyType;
  if ((t.flags & TF_BUILTIN) !== 0) {
    throw typeError(`cannot set '${name}' attribute of immutable type '${t.name}'`);
  }
  const meta = typeOf(t);
  const md = meta.lookup(name);
  if (md !== undefined && typeof md === 'object' && md !== null && (md as PyObject).type.descrSet !== null) {
    (md as PyObject).type.descrSet!(md, t, value);
    return;
  }
  if (value === undefined) {
    if (!t.dict.has(name)) throw noAttr(t, name);
    t.dict.delete(name);
  } else {
    const old = t.dict.get(name);
    if (old !== undefined && isPlainValue(old) && isPlainValue(value) && !name.startsWith('__')) {
      // same definer, still no descriptor: lookups and inline caches (which read plain class values
      // through their defining class) stay valid
      t.dict.set(name, value);
      return;
    }
    t.dict.set(name, value);
  }
  t.modified();
  if (DUNDER_SLOT.has(name) || name === '__eq__' || name === '__hash__' || name === '__new__' || name === '__init__') {
    updateSlots(t);
    for (const sub of allSubclasses(t)) updateSlots(sub);
  }
}

function allSubclasses(t: PyType): PyType[] {
  const out: PyType[] = [];
  const rec = (x: PyType) => {
    for (const s of x.liveSubclasses()) {
      if (!out.includes(s)) {
        out.push(s);
        rec(s);
      }
    }
  };
  rec(t);
  return out;
}

/** type(x) / type(name, bases, dict) / calling any class. */
function typeCall(cls: any, args: any[], kwnames: readonly string[] | null): any {
  const c = cls as PyType;
  if (c === T.typeType && kwnames === null && args.length === 1) return typeOf(args[0]);
  if (c.make === null) throw typeError(`cannot create '${c.name}' instances`);
  return c.make(c, args, kwnames);
}

function typeMake(meta: PyType, args: any[], kwnames: readonly string[] | null): any {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos === 1 && meta === T.typeType) return typeOf(args[0]);
  if (npos !== 3) throw typeError('type() takes 1 or 3 arguments');
  const [name, bases, ns] = args;
  if (typeof name !== 'string') throw typeError(`type.__new__() argument 1 must be str, not ${typeName(name)}`);
  if (!(bases instanceof PyTuple)) throw typeError(`type.__new__() argument 2 must be tuple, not ${typeName(bases)}`);
  if (!(ns instanceof PyDict)) throw typeError(`type.__new__() argument 3 must be dict, not ${typeName(ns)}`);
  const kw = new Map<string, any>();
  for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[npos + i]);
  let m = meta;
  if (meta === T.typeType || meta.isSubtypeOf(T.typeType)) m = calculateMeta(meta, bases.items.filter((b) => b instanceof PyType));
  if (m !== meta && m.make !== typeMakeRef) return call(m, args, kwnames);
  if (dictGetStr(ns, '__module__') === undefined) {
    const f = vm.frame;
    if (f !== null) {
      const modName = dictGetStr(f.globals, '__name__');
      if (modName !== undefined) dictSetStr(ns, '__module__', modName);
    }
  }
  const cls = typeNew(m, name, bases.items, ns, kw);
  if (m !== T.typeType) {
    // user metaclass instance: run metaclass __init__ if overridden
    const init = m.lookup('__init__');
    if (init !== undefined && init !== typeInitRef) {
      call(bindDescr(init, cls, m), args, kwnames);
    }
  }
  return cls;
}
let typeMakeRef: any = null;
let typeInitRef: any = null;

export function setupClasses(): void {
  const o = T.objectType;
  o.alloc = (type) => new PyInstance(type);
  o.getattr = genericGetAttr;
  o.setattr = genericSetAttr;
  o.repr = defaultRepr;
  o.richcmp = (op, a, b) => {
    if (op === CMP_EQ) return a === b ? true : NotImplemented;
    if (op === CMP_NE) {
      const t = typeOf(a);
      const eq = t.lookup('__eq__');
      if (eq !== undefined && eq !== objectEq) {
        const r = call(bindDescr(eq, a, t), [b], null);
        return r === NotImplemented ? NotImplemented : !truthy(r);
      }
      return a === b ? false : NotImplemented;
    }
    return NotImplemented;
  };
  o.make = (cls, args, kwnames) => {
    if (cls === T.objectType) {
      if (args.length > 0) throw typeError('object() takes no arguments');
      return new PyInstance(T.objectType);
    }
    return userMake(cls, args, kwnames);
  };
  o.flags &= ~TF_INSTATTRS;
  objectNew = new PyStaticMethod(T.staticmethodType, new PyBuiltin('__new__', (args: any[], kwnames: readonly string[] | null) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) throw typeError(`object.__new__(X): X is not a type object (${typeName(cls)})`);
    if (args.length > 1 || (kwnames !== null && kwnames.length > 0)) {
      if (cls.lookup('__new__') !== objectNew) throw typeError('object.__new__() takes exactly one argument (the type to instantiate)');
      if (cls.lookup('__init__') === objectInit) throw typeError(`${cls.name}() takes no arguments`);
    }
    if (cls === T.objectType) return new PyInstance(T.objectType);
    if ((cls.flags & TF_BUILTIN) !== 0 || layoutOf(cls) !== T.objectType) {
      throw typeError(`object.__new__(${cls.name}) is not safe, use ${layoutOf(cls).name}.__new__()`);
    }
    return allocInstance(cls);
  }, { raw: true, min: 1 }, null));
  o.dict.set('__new__', objectNew);
  objectInit = defMethod(o, '__init__', (args: any[], kwnames: readonly string[] | null) => {
    const self = args[0];
    if (args.length > 1 || (kwnames !== null && kwnames.length > 0)) {
      const t = typeOf(self);
      if (t.lookup('__init__') !== objectInit) throw typeError('object.__init__() takes exactly one argument (the instance to initialize)');
      if (t.lookup('__new__') === objectNew) throw typeError(`${t.name}() takes no arguments`);
    }
    return null;
  }, { raw: true, min: 1 });
  objectGetattribute = defMethod(o, '__getattribute__', (self, name) => {
    const v = genericGetAttr(self, strVal(name));
    if (v === undefined) throw noAttr(self, strVal(name));
    return v;
  }, 2);
  defMethod(o, '__setattr__', (self, name, v) => {
    genericSetAttr(self, strVal(name), v);
    return null;
  }, 3);
  defMethod(o, '__delattr__', (self, name) => {
    genericSetAttr(self, strVal(name), undefined);
    return null;
  }, 2);
  defMethod(o, '__repr__', (self) => defaultRepr(self), 1);
  defMethod(o, '__str__', (self) => {
    const t = typeOf(self);
    return t.repr !== null ? t.repr(self) : defaultRepr(self);
  }, 1);
  defMethod(o, '__hash__', (self) => identityHash(self), 1);
  const objectEq = defMethod(o, '__eq__', (self, other) => (self === other ? true : NotImplemented), 2);
  defMethod(o, '__ne__', (self, other) => o.richcmp!(CMP_NE, self, other), 2);
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) defMethod(o, n, () => NotImplemented, 2);
  defMethod(o, '__format__', (self, spec) => {
    const s = strVal(spec);
    if (s.length > 0) throw typeError(`unsupported format string passed to ${typeName(self)}.__format__`);
    return vm.strOf(self);
  }, 2);
  defMethod(o, '__dir__', (self) => new PyList(vm.dirOf(self)), 1);
  defMethod(o, '__reduce_ex__', () => {
    throw typeError('cannot pickle object');
  }, 2);
  defMethod(o, '__sizeof__', () => 16, 1);
  defClassMethod(o, '__init_subclass__', (args: any[], kwnames: readonly string[] | null) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError(`${(args[0] as PyType).name}.__init_subclass__() takes no keyword arguments`);
    if (args.length > 1) throw typeError(`${(args[0] as PyType).name}.__init_subclass__() takes no arguments (${args.length - 1} given)`);
    return null;
  }, { raw: true, min: 1 });
  defClassMethod(o, '__subclasshook__', () => NotImplemented, { raw: true, min: 1 });
  defGetSet(o, '__class__', (self) => typeOf(self), (self, v) => {
    if (!(v instanceof PyType)) throw typeError(`__class__ must be set to a class, not '${typeName(v)}' object`);
    const cur = typeOf(self);
    if ((cur.flags & TF_BUILTIN) !== 0 || (v.flags & TF_BUILTIN) !== 0 || layoutOf(cur) !== layoutOf(v)) {
      throw typeError(`__class__ assignment: '${v.name}' object layout differs from '${cur.name}'`);
    }
    (self as PyObject).type = v;
  });
  defGetSet(o, '__dict__', (self) => {
    const t = typeOf(self);
    if ((t.flags & (TF_INSTATTRS | TF_NODICT)) !== TF_INSTATTRS) throw noAttr(self, '__dict__');
    return instDict(self as AttrHolder);
  }, (self, v) => {
    if (!(v instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
    instSetDict(self as AttrHolder, v);
  });
  defGetSet(o, '__doc__', () => null);

  // ---- type ----
  const t = T.typeType;
  t.alloc = null;
  t.keyKind = KEY_IDENTITY;
  t.repr = typeRepr;
  t.getattr = typeGetAttr;
  t.setattr = typeSetAttr;
  t.call = typeCall;
  t.make = typeMake;
  typeMakeRef = typeMake;
  t.flags &= ~TF_INSTATTRS;
  t.getitem = null;
  t.richcmp = (op, a, b) => (op === CMP_EQ ? a === b : op === CMP_NE ? a !== b : NotImplemented);
  t.binop = (op, a, b) => {
    // PEP 604 `int | str`: return a tuple-like union (enough for isinstance)
    if (op === 11 && (a instanceof PyType || a === null) && (b instanceof PyType || b === null)) {
      return new PyTuple([a === null ? T.noneType : a, b === null ? T.noneType : b]);
    }
    return NotImplemented;
  };
  defGetSet(t, '__name__', (x) => (x as PyType).name, (x, v) => {
    if ((x as PyType).flags & TF_BUILTIN) throw typeError(`cannot set '__name__' attribute of immutable type '${(x as PyType).name}'`);
    (x as PyType).name = strVal(v);
  });
  defGetSet(t, '__qualname__', (x) => (x as PyType).qualname, (x, v) => {
    if ((x as PyType).flags & TF_BUILTIN) throw typeError(`cannot set '__qualname__' attribute of immutable type '${(x as PyType).name}'`);
    (x as PyType).qualname = strVal(v);
  });
  defGetSet(t, '__module__', (x) => {
    const m = (x as PyType).dict.get('__module__');
    // a builtin type's own '__module__' entry may be the descriptor its instances use (function, type)
    if ((x as PyType).flags & TF_BUILTIN) return typeof m === 'string' ? m : 'builtins';
    return m === undefined ? 'builtins' : m;
  }, (x, v) => {
    (x as PyType).dict.set('__module__', v);
  });
  defGetSet(t, '__bases__', (x) => new PyTuple((x as PyType).bases.slice()));
  defGetSet(t, '__base__', (x) => {
    const b = (x as PyType).bases;
    return b.length > 0 ? b[0] : null;
  });
  defGetSet(t, '__mro__', (x) => new PyTuple((x as PyType).mro.slice()));
  defGetSet(t, '__dict__', (x) => new PyMappingProxy(x as PyType));
  defGetSet(t, '__doc__', (x) => {
    const d = (x as PyType).dict.get('__doc__');
    return d === undefined ? null : d;
  });
  defMethod(t, 'mro', (self) => new PyList((self as PyType).mro.slice()), 1);
  defMethod(t, '__subclasses__', (self) => new PyList((self as PyType).liveSubclasses()), 1);
  defMethod(t, '__instancecheck__', (self, obj) => isInstance(obj, self as PyType), 2);
  defMethod(t, '__subclasscheck__', (self, sub) => sub instanceof PyType && sub.isSubtypeOf(self as PyType), 2);
  defMethod(t, '__call__', (args: any[], kwnames: readonly string[] | null) => typeCall(args[0], args.slice(1), kwnames), { raw: true, min: 1 });
  typeInitRef = defMethod(t, '__init__', () => null, { raw: true, min: 1 });
  defStaticMethod(t, '__new__', (args: any[], kwnames: readonly string[] | null) => {
    const meta = args[0];
    if (!(meta instanceof PyType) || !meta.isSubtypeOf(T.typeType)) throw typeError('type.__new__(X): X is not a subtype of type');
    const rest = args.slice(1);
    const nkw = kwnames?.length ?? 0;
    const npos = rest.length - nkw;
    if (npos === 1 && meta === T.typeType) return typeOf(rest[0]);
    if (npos !== 3) throw typeError('type.__new__() takes exactly 3 arguments');
    const kw = new Map<string, any>();
    for (let i = 0; i < nkw; i++) kw.set(kwnames![i], rest[npos + i]);
    const ns = rest[2];
    if (!(ns instanceof PyDict)) throw typeError('type.__new__() argument 3 must be dict');
    if (dictGetStr(ns, '__module__') === undefined && vm.frame !== null) {
      const modName = dictGetStr(vm.frame.globals, '__name__');
      if (modName !== undefined) dictSetStr(ns, '__module__', modName);
    }
    return typeNew(meta, strVal(rest[0]), (rest[1] as PyTuple).items, ns, kw);
  }, { raw: true, min: 1 });
  typePrepare = new PyClassMethod(T.classmethodType, builtin('__prepare__', () => new PyDict(), { raw: true }));
  t.dict.set('__prepare__', typePrepare);
  t.keyKind = KEY_IDENTITY;

  // ---- mappingproxy ----
  const mp = T.mappingProxyType;
  mp.getitem = (x, k) => {
    const v = typeof k === 'string' ? (x as PyMappingProxy).target.dict.get(k) : undefined;
    if (v === undefined) throw newException(T.keyErrorType, k);
    return v;
  };
  mp.contains = (x, k) => typeof k === 'string' && (x as PyMappingProxy).target.dict.has(k);
  mp.len = (x) => (x as PyMappingProxy).target.dict.size;
  mp.iter = (x) => getIter(new PyList([...(x as PyMappingProxy).target.dict.keys()]));
  mp.repr = (x) => `mappingproxy(${repr(proxyDict(x as PyMappingProxy))})`;
  for (const m of ['keys', 'values', 'items', 'get', 'copy']) {
    defMethod(mp, m, (args: any[]) => call(getAttr(proxyDict(args[0] as PyMappingProxy), m), args.slice(1), null), { raw: true, min: 1 });
  }

  // ---- super ----
  const su = T.superType;
  su.getattr = superGetAttr;
  su.make = (_type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('super() takes no keyword arguments');
    if (args.length === 0) {
      const f = vm.frame;
      if (f === null || f.fn === null || f.code.argCount === 0) throw newException(T.runtimeErrorType, 'super(): no arguments');
      const ci = f.code.freevars.indexOf('__class__');
      if (ci < 0) throw newException(T.runtimeErrorType, 'super(): __class__ cell not found');
      const cls = f.cells[f.code.cellvars.length + ci].value;
      const self = f.fast[0];
      return new PySuper(cls, self, superCheck(cls, self));
    }
    const type = args[0];
    if (!(type instanceof PyType)) throw typeError(`super() argument 1 must be type, not ${typeName(type)}`);
    if (args.length === 1) return new PySuper(type, null, type);
    return new PySuper(type, args[1], superCheck(type, args[1]));
  };
  su.repr = (x) => {
    const s = x as PySuper;
    return s.obj === null ? `<super: <class '${s.thisType.name}'>, NULL>` : `<super: <class '${s.thisType.name}'>, <${s.objType.name} object>>`;
  };
  su.descrGet = (d, obj) => {
    const s = d as PySuper;
    if (obj === undefined || s.obj !== null) return s;
    return new PySuper(s.thisType, obj, superCheck(s.thisType, obj));
  };
  defGetSet(su, '__thisclass__', (x) => (x as PySuper).thisType);
  defGetSet(su, '__self__', (x) => (x as PySuper).obj);
  defGetSet(su, '__self_class__', (x) => (x as PySuper).objType);

  setupDescriptors();
  void UN_NEG; void UN_POS; void UN_INVERT; void UN_ABS; void UN_FLOAT; void UN_COMPLEX;
  void CMP_LT; void CMP_LE; void CMP_GT; void CMP_GE; void DICT_SHAPE; void forEach; void KEY_HASHED;
  void EMPTY_TUPLE; void PyBoundMethod; void addressOf; void attributeError;
}

// ---- function, method, builtin, staticmethod, classmethod, property, getset, cell, code ------------------

function setupDescriptors(): void {
  const f = T.functionType;
  f.alloc = null;
  f.keyKind = KEY_IDENTITY;
  f.repr = (x) => `<function ${(x as PyFunction).qualname} at ${addressOf(x)}>`;
  f.descrGet = (d, obj) => (obj === undefined ? d : new PyBoundMethod(d, obj));
  f.call = (fn, args, kwnames) => call(fn, args, kwnames);
  f.make = (_type, args) => {
    const [code, globals, name, argdefs, closure] = args;
    if (!(code instanceof CodeObjectClass)) throw typeError(`function() argument 'code' must be code, not ${typeName(code)}`);
    if (!(globals instanceof PyDict)) throw typeError(`function() argument 'globals' must be dict, not ${typeName(globals)}`);
    const fn = new PyFunction(code, globals, closure instanceof PyTuple ? (closure.items as PyCell[]) : null, builtinsFor(globals));
    if (typeof name === 'string') fn.name = name;
    if (argdefs instanceof PyTuple) fn.defaults = argdefs.items;
    const mod = dictGetStr(globals, '__name__');
    fn.module = mod === undefined ? null : mod;
    return fn;
  };
  defGetSet(f, '__name__', (x) => (x as PyFunction).name, (x, v) => {
    (x as PyFunction).name = strVal(v);
  });
  defGetSet(f, '__qualname__', (x) => (x as PyFunction).qualname, (x, v) => {
    (x as PyFunction).qualname = strVal(v);
  });
  defGetSet(f, '__module__', (x) => (x as PyFunction).module, (x, v) => {
    (x as PyFunction).module = v ?? null;
  });
  defGetSet(f, '__doc__', (x) => (x as PyFunction).doc, (x, v) => {
    (x as PyFunction).doc = v ?? null;
  });
  defGetSet(f, '__defaults__', (x) => ((x as PyFunction).defaults === null ? null : new PyTuple((x as PyFunction).defaults!)), (x, v) => {
    (x as PyFunction).defaults = v === null || v === undefined ? null : (v as PyTuple).items;
  });
  defGetSet(f, '__kwdefaults__', (x) => (x as PyFunction).kwdefaults, (x, v) => {
    (x as PyFunction).kwdefaults = v ?? null;
  });
  defGetSet(f, '__code__', (x) => (x as PyFunction).code);
  defGetSet(f, '__globals__', (x) => (x as PyFunction).globals);
  defGetSet(f, '__closure__', (x) => ((x as PyFunction).closure === null ? null : new PyTuple((x as PyFunction).closure!)));
  defGetSet(f, '__annotations__', (x) => {
    const fn = x as PyFunction;
    if (fn.annotations === null) fn.annotations = new PyDict();
    return fn.annotations;
  }, (x, v) => {
    (x as PyFunction).annotations = v ?? null;
  });
  defGetSet(f, '__dict__', (x) => instDict(x as AttrHolder), (x, v) => instSetDict(x as AttrHolder, v));

  const m = T.methodType;
  m.keyKind = KEY_HASHED;
  m.repr = (x) => {
    const b = x as PyBoundMethod;
    const fn = b.func;
    const qn = fn instanceof PyFunction ? fn.qualname : fn instanceof PyBuiltin ? fn.name : '?';
    return `<bound method ${qn} of ${repr(b.self)}>`;
  };
  m.hash = (x) => identityHash((x as PyBoundMethod).self) ^ identityHash((x as PyBoundMethod).func);
  m.richcmp = (op, a, b) => {
    if ((op !== CMP_EQ && op !== CMP_NE) || !(b instanceof PyBoundMethod)) return NotImplemented;
    const e = (a as PyBoundMethod).self === b.self && (a as PyBoundMethod).func === b.func;
    return op === CMP_EQ ? e : !e;
  };
  m.getattr = (x, name) => {
    const g = genericGetAttr(x, name);
    if (g !== undefined) return g;
    return getAttr((x as PyBoundMethod).func, name);
  };
  defGetSet(m, '__self__', (x) => (x as PyBoundMethod).self);
  defGetSet(m, '__func__', (x) => (x as PyBoundMethod).func);
  defGetSet(m, '__name__', (x) => getAttr((x as PyBoundMethod).func, '__name__'));
  defGetSet(m, '__qualname__', (x) => getAttr((x as PyBoundMethod).func, '__qualname__'));
  defGetSet(m, '__doc__', (x) => getAttr((x as PyBoundMethod).func, '__doc__'));

  const b = T.builtinFunctionType;
  b.keyKind = KEY_IDENTITY;
  b.repr = (x) => {
    const bf = x as PyBuiltin;
    if (bf.owner !== null) return `<method '${bf.name}' of '${bf.owner.name}' objects>`;
    return `<built-in function ${bf.name}>`;
  };
  b.descrGet = (d, obj) => {
    const bf = d as PyBuiltin;
    if (obj === undefined || bf.owner === null) return d;
    return new PyBoundMethod(d, obj);
  };
  defGetSet(b, '__name__', (x) => (x as PyBuiltin).name);
  defGetSet(b, '__qualname__', (x) => ((x as PyBuiltin).owner !== null ? `${(x as PyBuiltin).owner!.name}.${(x as PyBuiltin).name}` : (x as PyBuiltin).name));
  defGetSet(b, '__doc__', (x) => (x as PyBuiltin).doc);
  defGetSet(b, '__self__', (x) => ((x as PyBuiltin).self === undefined ? null : (x as PyBuiltin).self));

  const sm = T.staticmethodType;
  sm.alloc = (type) => new PyStaticMethod(type, null);
  sm.descrGet = (d) => (d as PyStaticMethod).func;
  sm.make = (type, args) => {
    if (args.length !== 1) throw typeError(`staticmethod expected 1 argument, got ${args.length}`);
    return new PyStaticMethod(type, args[0]);
  };
  defMethod(sm, '__init__', (self, fn) => {
    (self as PyStaticMethod).func = fn;
    return null;
  }, 2);
  defGetSet(sm, '__func__', (x) => (x as PyStaticMethod).func);
  defGetSet(sm, '__wrapped__', (x) => (x as PyStaticMethod).func);
  sm.call = (x, args, kwnames) => call((x as PyStaticMethod).func, args, kwnames);

  const cm = T.classmethodType;
  cm.alloc = (type) => new PyClassMethod(type, null);
  cm.descrGet = (d, obj, owner) => {
    const func = (d as PyClassMethod).func;
    const cls = owner ?? typeOf(obj);
    void cls;
    const ft = typeOf(func);
    if (ft.descrGet !== null && !(func instanceof PyFunction) && !(func instanceof PyBuiltin)) return ft.descrGet(func, cls, typeOf(cls));
    return new PyBoundMethod(func, cls);
  };
  cm.make = (type, args) => {
    if (args.length !== 1) throw typeError(`classmethod expected 1 argument, got ${args.length}`);
    return new PyClassMethod(type, args[0]);
  };
  defMethod(cm, '__init__', (self, fn) => {
    (self as PyClassMethod).func = fn;
    return null;
  }, 2);
  defGetSet(cm, '__func__', (x) => (x as PyClassMethod).func);
  defGetSet(cm, '__wrapped__', (x) => (x as PyClassMethod).func);

  const p = T.propertyType;
  const propName = (pr: PyProperty): string => (typeof pr.name === 'string' ? `'${pr.name}' ` : pr.name !== null ? `${repr(pr.name)} ` : '');
  p.alloc = (type) => new PyProperty(type, null, null, null, null);
  p.descrGet = (d, obj) => {
    const pr = d as PyProperty;
    if (obj === undefined) return pr;
    if (pr.fget === null) throw attributeError(`property ${propName(pr)}of '${typeName(obj)}' object has no getter`);
    return call(pr.fget, [obj], null);
  };
  p.descrSet = (d, obj, value) => {
    const pr = d as PyProperty;
    if (value === undefined) {
      if (pr.fdel === null) throw attributeError(`property ${propName(pr)}of '${typeName(obj)}' object has no deleter`);
      call(pr.fdel, [obj], null);
      return;
    }
    if (pr.fset === null) throw attributeError(`property ${propName(pr)}of '${typeName(obj)}' object has no setter`);
    call(pr.fset, [obj, value], null);
  };
  const propArgs = (args: any[], kwnames: readonly string[] | null): any[] => {
    const nkw = kwnames?.length ?? 0;
    const npos = args.length - nkw;
    const vals = [null, null, null, null];
    for (let i = 0; i < Math.min(npos, 4); i++) vals[i] = args[i];
    const names = ['fget', 'fset', 'fdel', 'doc'];
    for (let i = 0; i < nkw; i++) {
      const j = names.indexOf(kwnames![i]);
      if (j < 0) throw typeError(`'${kwnames![i]}' is an invalid keyword argument for property()`);
      vals[j] = args[npos + i];
    }
    return vals;
  };
  p.make = (type, args, kwnames) => {
    const [g, s, dl, doc] = propArgs(args, kwnames);
    const pr = new PyProperty(type, g, s, dl, doc);
    if (type !== T.propertyType) {
      const init = type.lookup('__init__');
      if (init !== undefined && init !== propInit) call(bindDescr(init, pr, type), args, kwnames);
    }
    return pr;
  };
  const propInit = defMethod(p, '__init__', (args: any[], kwnames: readonly string[] | null) => {
    const pr = args[0] as PyProperty;
    const [g, s, dl, doc] = propArgs(args.slice(1), kwnames);
    pr.fget = g;
    pr.fset = s;
    pr.fdel = dl;
    pr.doc = doc;
    return null;
  }, { raw: true, min: 1 });
  const copyProp = (pr: PyProperty, g: any, s: any, dl: any): PyProperty => {
    const n = new PyProperty(pr.type, g, s, dl, pr.doc);
    n.name = pr.name;
    return n;
  };
  defMethod(p, 'getter', (self, fn) => copyProp(self as PyProperty, fn, (self as PyProperty).fset, (self as PyProperty).fdel), 2);
  defMethod(p, 'setter', (self, fn) => copyProp(self as PyProperty, (self as PyProperty).fget, fn, (self as PyProperty).fdel), 2);
  defMethod(p, 'deleter', (self, fn) => copyProp(self as PyProperty, (self as PyProperty).fget, (self as PyProperty).fset, fn), 2);
  defMethod(p, '__get__', (self, obj, _owner) => p.descrGet!(self, obj === null ? undefined : obj, T.objectType), { params: 'self, obj, owner', min: 2 });
  defMethod(p, '__set__', (self, obj, v) => {
    p.descrSet!(self, obj, v);
    return null;
  }, 3);
  defMethod(p, '__delete__', (self, obj) => {
    p.descrSet!(self, obj, undefined);
    return null;
  }, 2);
  defMethod(p, '__set_name__', (self, _owner, name) => {
    (self as PyProperty).name = name;
    return null;
  }, 3);
  defGetSet(p, 'fget', (x) => (x as PyProperty).fget);
  defGetSet(p, 'fset', (x) => (x as PyProperty).fset);
  defGetSet(p, 'fdel', (x) => (x as PyProperty).fdel);
  defGetSet(p, '__doc__', (x) => {
    const pr = x as PyProperty;
    if (pr.doc !== null) return pr.doc;
    return pr.fget instanceof PyFunction ? pr.fget.doc : null;
  });

  const mt = T.memberType;
  mt.descrGet = (d, obj) => {
    if (obj === undefined) return d;
    const m = d as PyMember;
    memberCheck(m, obj);
    const v = instGet(obj as AttrHolder, m.name);
    if (v === undefined) throw noAttr(obj, m.name);
    return v;
  };
  mt.descrSet = (d, obj, value) => {
    const m = d as PyMember;
    memberCheck(m, obj);
    if (value === undefined) {
      if (!instDel(obj as AttrHolder, m.name)) throw noAttr(obj, m.name);
    } else instSet(obj as AttrHolder, m.name, value);
  };
  mt.repr = (x) => `<member '${(x as PyMember).name}' of '${(x as PyMember).owner.name}' objects>`;
  defMethod(mt, '__get__', (self, obj, _owner) => (obj === null ? self : mt.descrGet!(self, obj, typeOf(obj))), { params: 'self, obj, owner', min: 2 });
  defMethod(mt, '__set__', (self, obj, v) => {
    mt.descrSet!(self, obj, v);
    return null;
  }, 3);
  defMethod(mt, '__delete__', (self, obj) => {
    mt.descrSet!(self, obj, undefined);
    return null;
  }, 2);
  defGetSet(mt, '__name__', (x) => (x as PyMember).name);
  defGetSet(mt, '__objclass__', (x) => (x as PyMember).owner);

  const gs = T.getsetType;
  gs.descrGet = (d, obj) => (obj === undefined ? d : (d as PyGetSet).get(obj));
  gs.descrSet = (d, obj, value) => {
    const g = d as PyGetSet;
    if (g.set === null) throw attributeError(`attribute '${g.name}' of '${g.owner.name}' objects is not writable`);
    g.set(obj, value);
  };
  gs.repr = (x) => `<attribute '${(x as PyGetSet).name}' of '${(x as PyGetSet).owner.name}' objects>`;
  defMethod(gs, '__get__', (self, obj, _owner) => (obj === null ? self : (self as PyGetSet).get(obj)), { params: 'self, obj, owner', min: 2 });

  const c = T.cellType;
  c.repr = (x) => `<cell at ${addressOf(x)}: ${(x as PyCell).value === undefined ? 'empty' : typeName((x as PyCell).value) + ' object'}>`;
  defGetSet(c, 'cell_contents', (x) => {
    const v = (x as PyCell).value;
    if (v === undefined) throw valueError('Cell is empty');
    return v;
  }, (x, v) => {
    (x as PyCell).value = v;
  });

  const code = T.codeType;
  code.repr = (x) => `<code object ${(x as any).name} at ${addressOf(x)}, file "${(x as any).filename}", line ${(x as any).firstLine}>`;
  defGetSet(code, 'co_name', (x) => (x as any).name);
  defGetSet(code, 'co_filename', (x) => (x as any).filename);
  defGetSet(code, 'co_firstlineno', (x) => (x as any).firstLine);
  defGetSet(code, 'co_argcount', (x) => (x as any).argCount);
  defGetSet(code, 'co_varnames', (x) => new PyTuple([...(x as any).varnames]));
  defGetSet(code, 'co_flags', (x) => (x as any).flags);
}
