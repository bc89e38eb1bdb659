// The generic object protocols (MicroPython py/runtime.c + py/obj.c; CPython Objects/abstract.c,
// object.c): truth, repr/str, hash, comparison, operators, attributes, calls, iteration, subscripts.
// Each function tries the JS-primitive fast paths first, then dispatches through the type's slots.
import {
  PyObject, PyInstance, PyType, STOP, DICT_SHAPE, EMPTY_SHAPE, type AttrHolder, type Shape,
  TF_INSTATTRS, TF_EXCEPTION, TF_NODICT,
  CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE, OP_INPLACE, OP_ADD, OP_MUL, UN_INDEX, UN_NEG, UN_POS, UN_INVERT, UN_ABS,
} from './object.js';
import * as T from './types.js';
import { NotImplemented } from './singletons.js';
import { PyFloat } from './objects/float.js';
import { PyTuple } from './objects/tuple.js';
import { PyList } from './objects/list.js';
import { PyDict, dictGetStr, dictSetStr, dictDelStr } from './objects/dict.js';
import {
  PyFunction, PyBuiltin, PyBoundMethod, BF_RAW, BF_VARARGS, BF_VARKW,
} from './objects/function.js';
import { typeError, attributeError, newException, PyBaseException, overflowError, memoryError } from './objects/exceptions.js';
import { callFunction } from './interp.js';
import { vm } from './state.js';
import { intHash, bigHash } from './objects/int.js';
import { strHash, strRepr, hasSurrogates } from './objects/str.js';

export { NotImplemented, STOP };

// ---- types ---------------------------------------------------------------------------------------------

export function typeOf(x: any): PyType {
  switch (typeof x as string) {
    case 'number':
    case 'bigint':
      return T.intType;
    case 'string':
      return T.strType;
    case 'boolean':
      return T.boolType;
    case 'object':
      return x === null ? T.noneType : (x as PyObject).type;
    default:
      throw newException(T.systemErrorType, `not a Python value (JS ${typeof x})`);
  }
}

export function typeName(x: any): string {
  return typeOf(x).name;
}

export function isInstance(x: any, t: PyType): boolean {
  return typeOf(x).isSubtypeOf(t);
}

// ---- truth ---------------------------------------------------------------------------------------------

export function truthy(x: any): boolean {
  switch (typeof x as string) {
    case 'boolean':
      return x;
    case 'number':
      return x !== 0;
    case 'string':
      return x.length !== 0;
    case 'bigint':
      return true; // normalised: never 0n
    case 'object': {
      if (x === null) return false;
      const t = (x as PyObject).type;
      if (t.bool !== null) return t.bool(x);
      if (t.len !== null) return t.len(x) !== 0;
      return true;
    }
    default:
      return false;
  }
}

// ---- repr / str ----------------------------------------------------------------------------------------

const reprActive = new Set<any>();

/** Run a container repr with recursion protection (`[...]` for self-references). */
export function reprGuard(x: any, inner: string, f: () => string): string {
  if (reprActive.has(x)) return inner;
  reprActive.add(x);
  try {
    return f();
  } finally {
    reprActive.delete(x);
  }
}

export function repr(x: any): string {
  switch (typeof x as string) {
    case 'number':
    case 'bigint':
      return String(x);
    case 'string':
      return strRepr(x);
    case 'boolean':
      return x ? 'True' : 'False';
    case 'object': {
      if (x === null) return 'None';
      const t = (x as PyObject).type;
      if (t.repr !== null) return t.repr(x);
      return defaultRepr(x);
    }
    default:
      return String(x);
  }
}

/** `<A object at 0x...>` (MicroPython's form: no module prefix). */
export function defaultRepr(x: any): string {
  return `<${typeOf(x).name} object at ${addressOf(x)}>`;
}

export function str(x: any): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && x !== null) {
    const t = (x as PyObject).type;
    if (t.str !== null) return t.str(x);
  }
  return repr(x);
}

// ---- identity and hashing ------------------------------------------------------------------------------

const ids = new WeakMap<object, number>();
let nextId = 0x7f0000001000;

/** id(): stable per object; ints and strs (immutable) by value. */
export function id(x: any): number {
  if (typeof x === 'object' && x !== null) {
    let i = ids.get(x);
    if (i === undefined) {
      i = nextId;
      nextId += 16;
      ids.set(x, i);
    }
    return i;
  }
  if (x === null) return 0x7f0000000010;
  if (typeof x === 'boolean') return x ? 0x7f0000000030 : 0x7f0000000020;
  // ints and strs: derived from the value (equal values are interchangeable)
  const h = hash(x);
  return typeof h === 'number' ? 0x100000000 + (Math.abs(h) % 0xfffffff) * 8 : 0x100000000;
}

export function addressOf(x: any): string {
  return '0x' + id(x).toString(16);
}

/** hash(x) as a JS number (Python int semantics; -1 never returned). */
export function hash(x: any): number {
  switch (typeof x as string) {
    case 'number':
      return intHash(x);
    case 'bigint':
      return bigHash(x);
    case 'string':
      return strHash(x);
    case 'boolean':
      return x ? 1 : 0;
    case 'object': {
      if (x === null) return 0x5f5e10;
      const t = (x as PyObject).type;
      if (t.hash !== null) return t.hash(x);
      return identityHash(x);
    }
    default:
      throw typeError('unhashable type');
  }
}

/** The hash slot of unhashable types (list, dict, set, classes with __hash__ = None). */
export function unhashable(x: any): number {
  throw typeError(`unhashable type: '${typeName(x)}'`);
}

export function identityHash(x: any): number {
  return Math.floor(id(x) / 16) % 0x7fffffff;
}

// ---- comparisons ---------------------------------------------------------------------------------------

const swapped = [CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE];
const cmpSymbols = ['<', '<=', '==', '!=', '>', '>='];

/** `a OP b` (COMPARE_*): returns any Python object (usually a bool). */
export function compare(a: any, b: any, op: number): any {
  const ta = typeOf(a);
  const tb = typeOf(b);
  let checkedReverse = false;
  if (ta !== tb && tb.richcmp !== null && tb.isSubtypeOf(ta)) {
    checkedReverse = true;
    const r = tb.richcmp(swapped[op], b, a);
    if (r !== NotImplemented) return r;
  }
  if (ta.richcmp !== null) {
    const r = ta.richcmp(op, a, b);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReverse && tb.richcmp !== null) {
    const r = tb.richcmp(swapped[op], b, a);
    if (r !== NotImplemented) return r;
  }
  if (op === CMP_EQ) return a === b;
  if (op === CMP_NE) return a !== b;
  throw typeError(`'${cmpSymbols[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** Python `a == b` as a JS boolean (no identity shortcut: nan != nan). */
export function eq(a: any, b: any): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return truthy(compare(a, b, CMP_EQ));
}

/** PyObject_RichCompareBool(EQ): identity implies equality (containers, dict keys, `in`). */
export function eqBool(a: any, b: any): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === typeof b && (ta === 'string' || ta === 'number' || ta === 'bigint')) return false;
  return truthy(compare(a, b, CMP_EQ));
}

export function lt(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  // UTF-16 order is code point order unless a surrogate meets a character in U+E000-U+FFFF
  if (typeof a === 'string' && typeof b === 'string' && !hasSurrogates(a) && !hasSurrogates(b)) return a < b;
  return truthy(compare(a, b, CMP_LT));
}

// ---- operators -----------------------------------------------------------------------------------------

const opSymbols = ['+', '-', '*', '@', '/', '//', '%', '** or pow()', '<<', '>>', '&', '|', '^', 'divmod()'];

/**
 * The binop slot of classes defining operator dunders (classes.ts fills this in): shared by every such
 * class, so unlike a builtin slot it may be tried for both operands (CPython's SLOT1BINFULL), and
 * `reflectedOverridden` says whether b's class overrides a's reflected method (the subclass-first rule).
 */
export const userBinop: { slot: any; reflectedOverridden: (op: number, ta: PyType, tb: PyType) => boolean } = {
  slot: null,
  reflectedOverridden: () => true,
};

/** `a OP b` for OP_*, or NotImplemented (CPython binary_op1, with the subclass-first rule). */
export function binaryOp1(op: number, a: any, b: any): any {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const sa = ta.binop;
  let sb = tb === ta || (tb.binop === sa && sa !== userBinop.slot) ? null : tb.binop;
  if (sa !== null) {
    if (sb !== null && tb.isSubtypeOf(ta) && (sb !== userBinop.slot || userBinop.reflectedOverridden(op, ta, tb))) {
      const r = sb(op, a, b, true);
      if (r !== NotImplemented) return r;
      sb = null;
    }
    const r = sa(op, a, b, false);
    if (r !== NotImplemented) return r;
  }
  if (sb !== null) return sb(op, a, b, true);
  return NotImplemented;
}

/**
 * The TypeError for an unsupported `a OP b`: CPython's sequence messages when a sequence's concatenation
 * or repetition is what failed ("can only concatenate str (not "int") to str", "can't multiply sequence
 * by non-int of type 'float'"), the generic one otherwise.
 */
function binopError(op: number, a: any, b: any, inplace: boolean): PyBaseException {
  const ta = typeOf(a);
  const seq = ta.isSubtypeOf(T.strType) || ta.isSubtypeOf(T.listType) || ta.isSubtypeOf(T.tupleType) ? ta : null;
  if (op === OP_ADD && seq !== null) {
    const base = seq.isSubtypeOf(T.strType) ? 'str' : seq.isSubtypeOf(T.listType) ? 'list' : 'tuple';
    return typeError(`can only concatenate ${base} (not "${typeName(b)}") to ${base}`);
  }
  if (op === OP_ADD && (ta.isSubtypeOf(T.bytesType) || ta.isSubtypeOf(T.bytearrayType))) return typeError(`can't concat ${typeName(b)} to ${ta.name}`);
  if (op === OP_MUL) {
    const tb = typeOf(b);
    const isSeq = (t: PyType) => t.isSubtypeOf(T.strType) || t.isSubtypeOf(T.listType) || t.isSubtypeOf(T.tupleType) || t.isSubtypeOf(T.bytesType) || t.isSubtypeOf(T.bytearrayType);
    if (isSeq(ta) && !isSeq(tb)) return typeError(`can't multiply sequence by non-int of type '${tb.name}'`);
    if (isSeq(tb) && !isSeq(ta)) return typeError(`can't multiply sequence by non-int of type '${ta.name}'`);
  }
  return typeError(`unsupported operand type(s) for ${opSymbols[op]}${inplace ? '=' : ''}: '${ta.name}' and '${typeName(b)}'`);
}

/** `a OP b`; TypeError when neither operand supports it. */
export function binaryOp(op: number, a: any, b: any): any {
  const r = binaryOp1(op, a, b);
  if (r !== NotImplemented) return r;
  throw binopError(op, a, b, false);
}

/** `a OP= b`: the in-place slot first, then the plain operator. */
export function inplaceOp(op: number, a: any, b: any): any {
  const ta = typeOf(a);
  if (ta.binop !== null) {
    const r = ta.binop(op + OP_INPLACE, a, b, false);
    if (r !== NotImplemented) return r;
  }
  const r = binaryOp1(op, a, b);
  if (r !== NotImplemented) return r;
  throw binopError(op, a, b, true);
}

const unopNames = ['-', '+', '~', 'abs()', 'int()', 'float()', '__index__', 'complex()'];

export function unaryOp(op: number, x: any): any {
  const t = typeOf(x);
  if (t.unop !== null) {
    const r = t.unop(op, x);
    if (r !== undefined) return r;
  }
  if (op === UN_ABS) throw typeError(`bad operand type for abs(): '${t.name}'`);
  if (op === UN_NEG || op === UN_POS || op === UN_INVERT) throw typeError(`bad operand type for unary ${unopNames[op]}: '${t.name}'`);
  if (op === UN_INDEX) throw typeError(`'${t.name}' object cannot be interpreted as an integer`);
  throw typeError(`unsupported operand for ${unopNames[op]}: '${t.name}'`);
}

// ---- attributes ----------------------------------------------------------------------------------------

/** Instance attribute read (shape slots or dict mode). undefined if absent. */
export function instGet(o: AttrHolder, name: string): any {
  const s = o.shape;
  if (s === DICT_SHAPE) return dictGetStr(o.slots[0] as PyDict, name);
  const i = s.index.get(name);
  return i === undefined ? undefined : o.slots[i];
}

const MAX_SHAPE_ATTRS = 64;

export function instSet(o: AttrHolder, name: string, v: any): void {
  const s = o.shape;
  if (s === DICT_SHAPE) {
    dictSetStr(o.slots[0] as PyDict, name, v);
    return;
  }
  const i = s.index.get(name);
  if (i !== undefined) {
    o.slots[i] = v;
    return;
  }
  if (s.names.length >= MAX_SHAPE_ATTRS) {
    instDict(o);
    dictSetStr(o.slots[0] as PyDict, name, v);
    return;
  }
  o.shape = s.add(name);
  if (s === EMPTY_SHAPE) o.slots = [v];
  else o.slots.push(v);
}

/** Delete an instance attribute; false if it did not exist. */
export function instDel(o: AttrHolder, name: string): boolean {
  if (o.shape !== DICT_SHAPE) {
    if (!o.shape.index.has(name)) return false;
    instDict(o);
  }
  return dictDelStr(o.slots[0] as PyDict, name);
}

/** Materialise (and switch to) the instance's __dict__. */
export function instDict(o: AttrHolder): PyDict {
  if (o.shape === DICT_SHAPE) return o.slots[0] as PyDict;
  const d = new PyDict();
  const s: Shape = o.shape;
  for (let i = 0; i < s.names.length; i++) dictSetStr(d, s.names[i], o.slots[i]);
  o.shape = DICT_SHAPE;
  o.slots = [d];
  return d;
}

/** Replace an instance's __dict__ (obj.__dict__ = d). */
export function instSetDict(o: AttrHolder, d: PyDict): void {
  o.shape = DICT_SHAPE;
  o.slots = [d];
}

/** object.__getattribute__ (CPython PyObject_GenericGetAttr). undefined if absent. */
export function genericGetAttr(obj: any, name: string): any {
  const t = typeOf(obj);
  const d = t.lookup(name);
  let dt: PyType | null = null;
  if (d !== undefined && typeof d === 'object' && d !== null) {
    dt = (d as PyObject).type;
    if (dt.descrSet !== null && dt.descrGet !== null) return dt.descrGet(d, obj, t);
  }
  if ((t.flags & TF_INSTATTRS) !== 0) {
    const v = instGet(obj as AttrHolder, name);
    if (v !== undefined) return v;
  }
  if (d !== undefined) {
    if (dt !== null && dt.descrGet !== null) return dt.descrGet(d, obj, t);
    return d;
  }
  return undefined;
}

/** object.__setattr__ / __delattr__ (value undefined). */
export function genericSetAttr(obj: any, name: string, value: any): void {
  const t = typeOf(obj);
  const d = t.lookup(name);
  if (d !== undefined && typeof d === 'object' && d !== null) {
    const dt = (d as PyObject).type;
    if (dt.descrSet !== null) {
      dt.descrSet(d, obj, value);
      return;
    }
  }
  if ((t.flags & TF_INSTATTRS) !== 0) {
    // a __slots__ class without __dict__: only the slots' member descriptors (above) store attributes
    if ((t.flags & TF_NODICT) !== 0) throw noAttr(obj, name);
    if (value === undefined) {
      if (!instDel(obj as AttrHolder, name)) throw noAttr(obj, name);
    } else instSet(obj as AttrHolder, name, value);
    return;
  }
  if (d !== undefined) throw attributeError(`'${t.name}' object attribute '${name}' is read-only`);
  throw noAttr(obj, name);
}

export function noAttr(obj: any, name: string): PyBaseException {
  const t = typeOf(obj);
  let e: PyBaseException;
  if (t.isSubtypeOf(T.typeType)) e = attributeError(`type object '${(obj as PyType).name}' has no attribute '${name}'`);
  else if (t === T.moduleType) e = attributeError(`module '${(obj as { name: string }).name}' has no attribute '${name}'`);
  else e = attributeError(`'${t.name}' object has no attribute '${name}'`);
  return e;
}

/** getattr(obj, name); raises AttributeError if absent. */
export function getAttr(obj: any, name: string): any {
  const t = typeOf(obj);
  const v = t.getattr !== null ? t.getattr(obj, name) : genericGetAttr(obj, name);
  if (v === undefined) throw noAttr(obj, name);
  return v;
}

/** getattr(obj, name, undefined): AttributeError (from any getter) becomes undefined. */
export function getAttrOpt(obj: any, name: string): any {
  const t = typeOf(obj);
  try {
    return t.getattr !== null ? t.getattr(obj, name) : genericGetAttr(obj, name);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtypeOf(T.attributeErrorType)) return undefined;
    throw e;
  }
}

export function setAttr(obj: any, name: string, value: any): void {
  const t = typeOf(obj);
  if (t.setattr !== null) t.setattr(obj, name, value);
  else genericSetAttr(obj, name, value);
}

export function delAttr(obj: any, name: string): void {
  setAttr(obj, name, undefined);
}

/** Look up a special method on the type (not the instance) and bind it; undefined if absent. */
export function lookupSpecial(obj: any, name: string): any {
  const t = typeOf(obj);
  const d = t.lookup(name);
  if (d === undefined) return undefined;
  return bindDescr(d, obj, t);
}

/** Apply the descriptor protocol to a class attribute found for obj. */
export function bindDescr(d: any, obj: any, t: PyType): any {
  if (typeof d === 'object' && d !== null) {
    const dt = (d as PyObject).type;
    if (dt.descrGet !== null) return dt.descrGet(d, obj, t);
  }
  return d;
}

/** Call the special method `name` of obj's type with args; undefined if the type lacks it. */
export function callSpecial(obj: any, name: string, args: any[]): any {
  const t = typeOf(obj);
  const d = t.lookup(name);
  if (d === undefined) return undefined;
  if (d instanceof PyFunction || d instanceof PyBuiltin) return call(d, [obj, ...args], null);
  return call(bindDescr(d, obj, t), args, null);
}

// ---- calls ---------------------------------------------------------------------------------------------

/** Call any Python callable with vectorcall arguments (positional values, then one per kwname). */
export function call(f: any, args: any[], kwnames: readonly string[] | null = null): any {
  if (f instanceof PyFunction) return callFunction(f, args, kwnames);
  if (f instanceof PyBuiltin) return callBuiltin(f, args, kwnames);
  if (f instanceof PyBoundMethod) {
    const a = new Array(args.length + 1);
    a[0] = f.self;
    for (let i = 0; i < args.length; i++) a[i + 1] = args[i];
    return call(f.func, a, kwnames);
  }
  const t = typeOf(f);
  if (t.call !== null) return t.call(f, args, kwnames);
  throw typeError(`'${t.name}' object is not callable`);
}

export function call0(f: any): any {
  return call(f, [], null);
}
export function call1(f: any, a: any): any {
  return call(f, [a], null);
}
export function call2(f: any, a: any, b: any): any {
  return call(f, [a, b], null);
}

export function isCallable(x: any): boolean {
  if (x instanceof PyFunction || x instanceof PyBuiltin || x instanceof PyBoundMethod) return true;
  if (typeof x !== 'object' || x === null) return false;
  return (x as PyObject).type.call !== null;
}

function argCountError(b: PyBuiltin, n: number): PyBaseException {
  const self = b.owner !== null ? 1 : 0;
  const min = b.min - self;
  const max = b.max < 0 ? -1 : b.max - self;
  const given = n - self;
  if (min === max) {
    if (max === 0) return typeError(`${b.name}() takes no arguments (${given} given)`);
    if (max === 1) return typeError(`${b.name}() takes exactly one argument (${given} given)`);
    return typeError(`${b.name}() takes exactly ${max} arguments (${given} given)`);
  }
  if (given < min) return typeError(`${b.name}() takes at least ${min} argument${min === 1 ? '' : 's'} (${given} given)`);
  return typeError(`${b.name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${given} given)`);
}

function checkSelf(b: PyBuiltin, self: any): void {
  if (b.owner !== null && !typeOf(self).isSubtypeOf(b.owner)) {
    throw typeError(`descriptor '${b.name}' for '${b.owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
  }
}

/** Call a TS builtin with vectorcall arguments, binding keywords per its declared parameters. */
export function callBuiltin(b: PyBuiltin, args: any[], kwnames: readonly string[] | null): any {
  if (b.self !== undefined) {
    const a = new Array(args.length + 1);
    a[0] = b.self;
    for (let i = 0; i < args.length; i++) a[i + 1] = args[i];
    args = a;
  }
  if ((b.flags & BF_RAW) !== 0) {
    if (b.owner !== null && args.length > 0) checkSelf(b, args[0]);
    if (args.length - (kwnames === null ? 0 : kwnames.length) < b.min) throw argCountError(b, args.length);
    const r = b.fn(args, kwnames);
    return r === undefined ? null : r;
  }
  const fn = b.fn;
  const n = args.length;
  if (kwnames === null && b.flags === 0) {
    if (n < b.min || n > b.max) throw argCountError(b, n);
    if (b.owner !== null && n > 0) checkSelf(b, args[0]);
    let r: any;
    switch (n) {
      case 0: r = fn(); break;
      case 1: r = fn(args[0]); break;
      case 2: r = fn(args[0], args[1]); break;
      case 3: r = fn(args[0], args[1], args[2]); break;
      case 4: r = fn(args[0], args[1], args[2], args[3]); break;
      default: r = fn(...args);
    }
    return r === undefined ? null : r;
  }
  const vals = bindBuiltinArgs(b, args, kwnames);
  if (b.owner !== null && vals.length > 0) checkSelf(b, vals[0]);
  const r = fn(...vals);
  return r === undefined ? null : r;
}

/** Bind vectorcall arguments to a builtin's declared parameters (slow path: keywords or *args). */
function bindBuiltinArgs(b: PyBuiltin, args: any[], kwnames: readonly string[] | null): any[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const names = b.names;
  const nparams = names.length;
  const vals: any[] = new Array(nparams).fill(undefined);
  const positional = b.kwonly;
  let varargs: any[] | null = null;
  if (npos > positional) {
    if ((b.flags & BF_VARARGS) === 0) throw argCountError(b, npos);
    varargs = args.slice(positional, npos);
  }
  for (let i = 0; i < Math.min(npos, positional); i++) vals[i] = args[i];
  let varkw: PyDict | null = null;
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k];
    const v = args[npos + k];
    const idx = names.indexOf(name);
    if (idx >= 0) {
      if (vals[idx] !== undefined) throw typeError(`${b.name}() got multiple values for argument '${name}'`);
      vals[idx] = v;
    } else if ((b.flags & BF_VARKW) !== 0) {
      if (varkw === null) varkw = new PyDict();
      dictSetStr(varkw, name, v);
    } else {
      throw typeError(`'${name}' is an invalid keyword argument for ${b.name}()`);
    }
  }
  for (let i = 0; i < b.min; i++) {
    if (vals[i] === undefined) {
      if (i < npos || varargs !== null) continue;
      const nm = names[i].startsWith('/') ? names[i].slice(1) : names[i];
      if (b.min === b.max && nkw === 0) throw argCountError(b, npos);
      throw typeError(`${b.name}() missing required argument '${nm}' (pos ${i + 1})`);
    }
  }
  if ((b.flags & BF_VARARGS) !== 0) {
    // layout: positional params, then *args, then keyword-only params, then **kwargs
    const out = vals.slice(0, positional);
    out.push(varargs ?? []);
    for (let i = positional; i < nparams; i++) out.push(vals[i]);
    if ((b.flags & BF_VARKW) !== 0) out.push(varkw);
    return out;
  }
  if ((b.flags & BF_VARKW) !== 0) vals.push(varkw);
  return vals;
}

// ---- iteration -----------------------------------------------------------------------------------------

export function getIter(x: any): any {
  const t = typeOf(x);
  if (t.iter !== null) return t.iter(x);
  if (t.getitem !== null) return new SeqIter(x);
  throw typeError(`'${t.name}' object is not iterable`);
}

/** next(it) -> value or STOP. */
export function iterNext(it: any): any {
  const t = typeOf(it);
  if (t.next !== null) return t.next(it);
  throw typeError(`'${t.name}' object is not an iterator`);
}

/**
 * nx(it), treating a StopIteration raised by a native iterator's callee (map calling a function that
 * raises StopIteration) as exhaustion, as CPython's C iterators do. Its value goes to vm.yieldFromResult.
 */
export function nextOrStop(nx: (it: any) => any, it: any): any {
  try {
    return nx(it);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtypeOf(T.stopIterationType)) {
      const a = e.args.items;
      vm.yieldFromResult = a.length > 0 ? a[0] : null;
      return STOP;
    }
    throw e;
  }
}

/** Call fn for every item of iterable x (stops early if fn returns true). */
export function forEach(x: any, fn: (v: any) => boolean | void): void {
  if (x instanceof PyList && x.type === T.listType) {
    const items = x.items;
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === true) return;
    return;
  }
  if (x instanceof PyTuple && x.type === T.tupleType) {
    for (const v of x.items) if (fn(v) === true) return;
    return;
  }
  const it = getIter(x);
  const nx = typeOf(it).next;
  if (nx === null) throw typeError(`iter() returned non-iterator of type '${typeName(it)}'`);
  for (;;) {
    const v = nextOrStop(nx, it);
    if (v === STOP) return;
    if (fn(v) === true) return;
  }
}

/** The most items a list, tuple or other array-backed object may hold (as list.ts's MAX_ITEMS). */
const MAX_ARRAY_ITEMS = 1 << 26;

/** All items of an iterable as a fresh JS array. */
export function toArray(x: any): any[] {
  if ((x instanceof PyList && x.type === T.listType) || (x instanceof PyTuple && x.type === T.tupleType)) return x.items.slice();
  if (typeof x === 'string') return Array.from(x);
  const out: any[] = [];
  forEach(x, (v) => {
    // MemoryError long before V8's array limit, which ends the process (list(range(2**40)))
    if (out.push(v) > MAX_ARRAY_ITEMS) throw memoryError();
  });
  return out;
}

/** Items of a list/tuple without copying when possible (caller must not mutate); subclasses iterate (their __iter__ may differ). */
export function seqItems(x: any): any[] {
  if ((x instanceof PyList && x.type === T.listType) || (x instanceof PyTuple && x.type === T.tupleType)) return x.items;
  return toArray(x);
}

/** Iterator over an object with __getitem__ (the old sequence protocol). */
export class SeqIter extends PyObject {
  seq: any;
  i: number;
  constructor(seq: any) {
    super(T.iteratorType);
    this.seq = seq;
    this.i = 0;
  }
}

export function seqIterNext(it: SeqIter): any {
  if (it.seq === null) return STOP;
  try {
    return getItem(it.seq, it.i++);
  } catch (e) {
    if (e instanceof PyBaseException && (e.type.isSubtypeOf(T.indexErrorType) || e.type.isSubtypeOf(T.stopIterationType))) {
      it.seq = null;
      return STOP;
    }
    throw e;
  }
}

// ---- subscripts, containment, len ----------------------------------------------------------------------

export function getItem(x: any, key: any): any {
  const t = typeOf(x);
  if (t.getitem !== null) return t.getitem(x, key);
  if (t === T.typeType || (t.isSubtypeOf(T.typeType) && x instanceof PyType)) {
    const cg = (x as PyType).lookup('__class_getitem__');
    if (cg !== undefined) return call(bindDescr(cg, undefined, x as PyType), [key], null);
  }
  throw typeError(`'${t.name}' object is not subscriptable`);
}

export function setItem(x: any, key: any, value: any): void {
  const t = typeOf(x);
  if (t.setitem !== null) {
    t.setitem(x, key, value);
    return;
  }
  throw typeError(`'${t.name}' object does not support item assignment`);
}

export function delItem(x: any, key: any): void {
  const t = typeOf(x);
  if (t.setitem !== null) {
    t.setitem(x, key, undefined);
    return;
  }
  throw typeError(`'${t.name}' object does not support item deletion`);
}

export function contains(container: any, item: any): boolean {
  const t = typeOf(container);
  if (t.contains !== null) return t.contains(container, item);
  // (`__iter__ = None` makes a class explicitly not iterable)
  if ((t.iter !== null || t.getitem !== null) && t.lookup('__iter__') !== null) {
    let found = false;
    forEach(container, (v) => {
      if (eqBool(v, item)) {
        found = true;
        return true;
      }
      return false;
    });
    return found;
  }
  throw typeError(`argument of type '${t.name}' is not iterable`);
}

/** len(x): a JS number, or a bigint for huge ranges (up to sys.maxsize). */
export function len(x: any): number {
  if (typeof x === 'string') return strLen(x);
  const t = typeOf(x);
  if (t.len !== null) return t.len(x);
  throw typeError(`object of type '${t.name}' has no len()`);
}

// str length in code points (surrogate pairs count once)
import { strLen } from './objects/str.js';

// ---- numeric conversions -------------------------------------------------------------------------------

export function isIntLike(x: any): boolean {
  const tx = typeof x;
  return tx === 'number' || tx === 'bigint' || tx === 'boolean' || (tx === 'object' && x !== null && (x as PyObject).type.isSubtypeOf(T.intType));
}

/** x as a Python int (number | bigint) if it is an int or bool (or int subclass), else undefined. */
export function asInt(x: any): number | bigint | undefined {
  switch (typeof x as string) {
    case 'number':
    case 'bigint':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'object':
      if (x !== null && (x as PyObject).type.isSubtypeOf(T.intType) && 'value' in x) return (x as { value: number | bigint }).value;
      return undefined;
    default:
      return undefined;
  }
}

/** operator.index(x): ints, bools and objects with __index__. */
export function toIndex(x: any): number | bigint {
  const v = asInt(x);
  if (v !== undefined) return v;
  const r = unaryOp(UN_INDEX, x);
  const rv = asInt(r);
  if (rv === undefined) throw typeError(`__index__ returned non-int (type ${typeName(r)})`);
  return rv;
}

/**
 * The count of a sequence repetition (`seq * n`): an int, or an object with __index__ (CPython
 * sq_repeat through nb_index); undefined when n is neither (the operator then returns NotImplemented).
 */
export function repeatCount(n: any): number | bigint | undefined {
  const v = asInt(n);
  if (v !== undefined || typeof n !== 'object' || n === null || n instanceof PyFloat) return v;
  return lookupSpecial(n, '__index__') === undefined ? undefined : toIndex(n);
}

/** An index that must fit a JS number (sizes, positions); OverflowError beyond. */
export function toSmallIndex(x: any): number {
  const v = toIndex(x);
  if (typeof v === 'bigint') throw newException(T.indexErrorType, "cannot fit 'int' into an index-sized integer");
  return v;
}

export function isFloat(x: any): x is PyFloat {
  return x instanceof PyFloat;
}

/** The numeric value of an int/bool/float (for float arithmetic); undefined if not a real number. */
export function toNumberValue(x: any): number | undefined {
  switch (typeof x as string) {
    case 'number':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'bigint': {
      const f = Number(x);
      if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
      return f;
    }
    case 'object':
      if (x instanceof PyFloat) return x.value;
      if (x !== null) {
        const v = asInt(x);
        if (v !== undefined) return toNumberValue(v);
      }
      return undefined;
    default:
      return undefined;
  }
}

export { PyInstance, TF_EXCEPTION, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_NE };
