// The bytecode interpreter (MicroPython py/vm.c, CPython Python/ceval.c): frames, argument binding and
// the dispatch loop. One function, `runFrame`: `for (;;)` + `switch` with the frame's pc, sp and value
// array hoisted into locals, a try/catch around the dispatch that routes Python exceptions through the
// code object's zero-cost exception table, and inline caches held in a side array (CodeRuntime.caches).
//
// NOTE: the `case` labels are numeric literals (with the opcode name in a comment) so that V8 compiles
// the switch to a jump table; interp.test.ts checks every label against @mpy-ts/bytecode's opcode table.
import {
  type CodeObject, ConstFloat, ConstComplex, ConstTuple, ConstEllipsis, CodeObject as CodeObjectClass,
  CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_OPTIMIZED, CO_MP_NATIVE, CO_MP_VIPER,
} from '@mpy-ts/bytecode';
import { PyObject, PyType, STOP, isPlainValue, DICT_SHAPE, EMPTY_SHAPE, type Shape, type AttrHolder, TF_INSTATTRS, TF_BUILTIN, TF_NODICT,
  OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_INPLACE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE,
  UN_NEG, UN_POS, UN_INVERT } from './object.js';
import * as T from './types.js';
import { vm } from './state.js';
import { checkHeap } from './objects/heaplock.js';
import { Ellipsis, NotImplemented } from './singletons.js';
import { PyFloat } from './objects/float.js';
import { PyComplex } from './objects/complex.js';
import { PyBytes } from './objects/bytes.js';
import { PyTuple, EMPTY_TUPLE } from './objects/tuple.js';
import { PyList, ListIter, MAX_ITEMS as MAX_LIST_ITEMS } from './objects/list.js';
import { PyDict, dictGetStr, dictSetStr, dictDelStr, dictSet, DictIter, dictIterNext } from './objects/dict.js';
import { htFindStr, htFind, DELETED } from './objects/hashtable.js';
import { PySet, newSet, setAdd } from './objects/set.js';
import { PySlice, RangeIter } from './objects/slice.js';
import { PyFunction, PyBuiltin, PyBoundMethod, PyCell } from './objects/function.js';
import { PyBaseException, newException, typeError, nameError, runtimeError, systemError, memoryError, keyError } from './objects/exceptions.js';
import { PyModule } from './objects/module.js';
import { PyGenerator, GEN_KIND_GENERATOR, GEN_KIND_COROUTINE, GEN_KIND_ASYNCGEN, yieldFromStep } from './objects/generator.js';
import {
  typeOf, typeName, truthy, repr, str, call, callBuiltin, getAttr, setAttr, getIter, getItem, setItem, delItem,
  contains, binaryOp, inplaceOp, unaryOp, compare, genericGetAttr, genericSetAttr, instGet, noAttr,
  lookupSpecial, forEach, toArray, isInstance, bindDescr, instSet, nextOrStop,
} from './runtime.js';
import { intAdd, intSub, intMul } from './objects/int.js';
import { strGetItem } from './objects/str.js';
import { formatValue } from './format.js';
import { viperConv, viperBinop, viperLoad, viperStore } from './viper.js';
import { exceptionFromHost, normaliseRaise } from './errors.js';

// classes.ts (which imports this module) hands in its plainInit and allocInstance (see setClassHooks)
let plainInit: (cls: PyType) => PyFunction | null = () => null;
let allocInstance: (cls: PyType) => any = () => null;
/** Called once by classes.ts: the inlined class call (CALL of a plain user class) uses these. */
export function setClassHooks(init: (cls: PyType) => PyFunction | null, alloc: (cls: PyType) => any): void {
  plainInit = init;
  allocInstance = alloc;
}

/** The exact float type (fast paths skip float subclasses). */
const FT = T.floatType;
/** Iterator types FOR_ITER steps inline (compared before `instanceof`, which walks prototype chains). */
const RANGE_IT_T = T.rangeIteratorType;
const LIST_IT_T = T.listIteratorType;
const TUPLE_IT_T = T.tupleIteratorType;
const DICT_IT_T = T.dictIteratorType;
/** Exactly the objects of these types are PyFunction, PyBuiltin and PyBoundMethod instances. */
const FUNC_T = T.functionType;
const BUILTIN_T = T.builtinFunctionType;
const METHOD_T = T.methodType;
const TYPE_T = T.typeType;

// ---- per-code-object runtime data -------------------------------------------------------------------------

/** Inline cache for LOAD_GLOBAL / LOAD_NAME (dict versions change only when keys are added or removed). */
class GlobalCache {
  gv = 0;
  bv = 0;
  vals: any[] = [];
  idx = 0;
}

/** Inline cache for STORE_NAME / STORE_GLOBAL. */
class StoreCache {
  v = 0;
  idx = 0;
}

const A_SLOT = 1; // instance attribute at slots[idx]
const A_VALUE = 2; // class attribute `value`, no descriptor, instance lacks it
const A_METHOD = 3; // plain function on the type: bind (LOAD_ATTR) or push with self (LOAD_METHOD)
const A_GETSET = 4; // data descriptor (property / getset): call its getter
const A_MODULE = 5; // module attribute: dict value at idx (checked with the dict version)
const A_CLASSVAL = 6; // attribute of a class object: plain value

/** Inline cache for LOAD_ATTR / LOAD_METHOD / STORE_ATTR. */
class AttrCache {
  kind = 0;
  tv = 0;
  shape: Shape | null = null;
  idx = 0;
  value: any = undefined;
  /** STORE_ATTR adding an attribute: the shape after the add. */
  next: Shape | null = null;
  obj: any = null;
  /** A_CLASSVAL: the class whose dict holds the value. */
  definer: PyType | null = null;
  /** Further entries of a polymorphic site (up to MAX_POLY in all). */
  more: AttrCache[] | null = null;
  /** Round-robin replacement index once the site is full. */
  rr = 0;
}

const MAX_POLY = 4;

/** The entry of a (possibly polymorphic) cache site to fill after a miss. */
function entryToFill(c: AttrCache): AttrCache {
  if (c.kind === 0) return c;
  if (c.more === null) c.more = [];
  if (c.more.length < MAX_POLY - 1) {
    const e = new AttrCache();
    c.more.push(e);
    return e;
  }
  const e = c.more[c.rr];
  c.rr = (c.rr + 1) % c.more.length;
  e.kind = 0;
  return e;
}

function loadAttrPoly(obj: any, c: AttrCache): any {
  const more = c.more!;
  for (let i = 0; i < more.length; i++) {
    const v = loadAttrCached(obj, more[i]);
    if (v !== undefined) return v;
  }
  return undefined;
}

function storeAttrPoly(obj: any, v: any, c: AttrCache): boolean {
  const more = c.more!;
  for (let i = 0; i < more.length; i++) {
    const e = more[i];
    if (e.kind !== 0 && storeAttrCached(obj, v, e)) return true;
  }
  return false;
}

/** LOAD_METHOD through one cache entry: true (and out filled) on a hit. */
function loadMethodCached(obj: any, c: AttrCache, out: any[]): boolean {
  if (c.kind === A_METHOD) {
    const t = typeOf(obj);
    if (t.version === c.tv && (c.shape === null || obj.shape === c.shape)) {
      out[0] = c.value;
      out[1] = obj;
      return true;
    }
  } else if (c.kind === A_MODULE && obj instanceof PyModule && obj.dict === c.obj && c.obj.version === c.tv) {
    out[0] = c.obj.vals[c.idx];
    out[1] = undefined;
    return true;
  }
  return false;
}

export class CodeRuntime {
  consts: any[];
  words: Int32Array;
  nlocals: number;
  ncells: number;
  size: number;
  caches: any[];
  /** varnames of each DEREF index (for error messages). */
  cellNames: string[];
  /** Recycled frames of finished calls (see acquireFrame). */
  pool: Frame[];
  constructor(code: CodeObject) {
    this.consts = code.consts.map(convertConst);
    this.words = superinstructions(code);
    this.nlocals = code.varnames.length;
    this.ncells = code.cellvars.length + code.freevars.length;
    this.size = this.nlocals + code.stackSize + 1;
    this.caches = new Array(code.code.length);
    this.cellNames = [...code.cellvars, ...code.freevars];
    this.pool = [];
  }
}

/** VM-private opcodes (200..255, never serialised): fused sequences made by `superinstructions`. */
export const LOAD_FAST_LOAD_FAST = 200;
export const STORE_FAST_LOAD_FAST = 201;
export const FOR_ITER_STORE_FAST = 202;
export const COMPARE_JUMP = 203;
export const FAST_INT_BINOP = 204;
export const INT_BINOP = 205;
export const FAST_INT_COMPARE_JUMP = 206;
export const INT_COMPARE_JUMP = 207;
export const LOAD_FAST_LOAD_ATTR = 208;
export const LOAD_FAST_LOAD_METHOD = 209;
export const FAST_CONST_BINOP = 210;
export const CONST_BINOP = 211;
export const FAST_CONST_COMPARE_JUMP = 212;
export const CONST_COMPARE_JUMP = 213;
export const FAST_FAST_BINOP = 214;
export const FAST_FAST_COMPARE_JUMP = 215;
export const FAST_BINOP = 216;
export const vmOpcodeNames: Record<number, string> = {
  200: 'LOAD_FAST_LOAD_FAST',
  201: 'STORE_FAST_LOAD_FAST',
  202: 'FOR_ITER_STORE_FAST',
  203: 'COMPARE_JUMP',
  204: 'FAST_INT_BINOP',
  205: 'INT_BINOP',
  206: 'FAST_INT_COMPARE_JUMP',
  207: 'INT_COMPARE_JUMP',
  208: 'LOAD_FAST_LOAD_ATTR',
  209: 'LOAD_FAST_LOAD_METHOD',
  210: 'FAST_CONST_BINOP',
  211: 'CONST_BINOP',
  212: 'FAST_CONST_COMPARE_JUMP',
  213: 'CONST_COMPARE_JUMP',
  214: 'FAST_FAST_BINOP',
  215: 'FAST_FAST_COMPARE_JUMP',
  216: 'FAST_BINOP',
};

/** BINARY_ADD..BINARY_XOR (30..42) and INPLACE_ADD..INPLACE_XOR (43..55). */
function isBinop(op: number): boolean {
  return op >= 30 && op <= 55;
}

/**
 * A private copy of the code with common instruction sequences fused: the first word of the sequence
 * becomes the fused instruction, which executes the whole sequence and skips the rest; the other words
 * stay as they were, so jumps into them still work, and fused instructions read their operands from them
 * (`LOAD_SMALL_INT k; BINARY_MODULO` keeps k and the operator in the original words). Sequences that
 * straddle a line or exception-range boundary are left alone, so errors keep their exact line and
 * handler. Fused sequences (longest match first at each position):
 *   LOAD_FAST x; LOAD_SMALL_INT k; <binop>                      FAST_INT_BINOP (FAST_CONST_, FAST_FAST_
 *                                                               with LOAD_CONST c / LOAD_FAST y)
 *   LOAD_FAST x; LOAD_SMALL_INT k; COMPARE_*; POP_JUMP_IF_*      FAST_INT_COMPARE_JUMP (and _CONST_, _FAST_)
 *   LOAD_SMALL_INT k; <binop>                                   INT_BINOP (CONST_BINOP, and FAST_BINOP
 *                                                               for LOAD_FAST y)
 *   LOAD_SMALL_INT k; COMPARE_*; POP_JUMP_IF_*                  INT_COMPARE_JUMP (CONST_COMPARE_JUMP)
 *   LOAD_FAST x; LOAD_ATTR / LOAD_METHOD                        LOAD_FAST_LOAD_ATTR / _METHOD
 *   LOAD_FAST a; LOAD_FAST b and STORE_FAST a; LOAD_FAST b      LOAD_FAST_LOAD_FAST / STORE_FAST_LOAD_FAST
 *   FOR_ITER; STORE_FAST                                        FOR_ITER_STORE_FAST
 *   COMPARE_*; POP_JUMP_IF_*                                    COMPARE_JUMP
 */
function superinstructions(code: CodeObject): Int32Array {
  const src = code.code;
  const n = src.length;
  const boundary = new Uint8Array(n + 4);
  const lt = code.lineTable;
  for (let k = 0; k < lt.length; k += 2) if (lt[k] <= n) boundary[lt[k]] = 1;
  const et = code.exceptionTable;
  for (let k = 0; k < et.length; k += 4) {
    if (et[k] <= n) boundary[et[k]] = 1;
    if (et[k + 1] <= n) boundary[et[k + 1]] = 1;
    if (et[k + 2] <= n) boundary[et[k + 2]] = 1;
  }
  const op = (i: number): number => (i < n ? src[i] & 0xff : -1);
  /** the words i+1 .. i+len-1 exist and none starts a line or exception range */
  const plain = (i: number, len: number): boolean => {
    if (i + len > n) return false;
    for (let j = i + 1; j < i + len; j++) if (boundary[j] !== 0) return false;
    return true;
  };
  const isCmpJump = (i: number): boolean => op(i) >= 60 && op(i) <= 65 && (op(i + 1) === 72 || op(i + 1) === 73);
  let out: Int32Array | null = null;
  for (let i = 0; i + 1 < n; i++) {
    const a = src[i];
    const oa = a & 0xff;
    const ob = op(i + 1);
    let fused = -1;
    let len = 2;
    // LOAD_FAST x; <load b>; <binop> or <compare>; <jump>, and <load b>; <binop> ..., where <load b> is
    // LOAD_SMALL_INT, LOAD_CONST or (after LOAD_FAST only) LOAD_FAST
    const operandKind = ob === 5 ? 0 : ob === 4 ? 1 : ob === 7 ? 2 : -1;
    if (oa === 7 && operandKind >= 0 && isBinop(op(i + 2)) && plain(i, 3)) {
      fused = [FAST_INT_BINOP, FAST_CONST_BINOP, FAST_FAST_BINOP][operandKind] | (a & ~0xff);
      len = 3;
    } else if (oa === 7 && operandKind >= 0 && isCmpJump(i + 2) && plain(i, 4)) {
      fused = [FAST_INT_COMPARE_JUMP, FAST_CONST_COMPARE_JUMP, FAST_FAST_COMPARE_JUMP][operandKind] | (a & ~0xff);
      len = 4;
    } else if (oa === 7 && isBinop(ob) && plain(i, 2)) {
      fused = FAST_BINOP | (a & ~0xff);
    } else if ((oa === 5 || oa === 4) && isBinop(ob) && plain(i, 2)) {
      fused = (oa === 5 ? INT_BINOP : CONST_BINOP) | (a & ~0xff);
    } else if ((oa === 5 || oa === 4) && isCmpJump(i + 1) && plain(i, 3)) {
      fused = (oa === 5 ? INT_COMPARE_JUMP : CONST_COMPARE_JUMP) | (a & ~0xff);
      len = 3;
    } else if (!plain(i, 2)) {
      continue;
    } else if (oa === 7 && (ob === 21 || ob === 24)) {
      fused = (ob === 21 ? LOAD_FAST_LOAD_ATTR : LOAD_FAST_LOAD_METHOD) | (a & ~0xff);
    } else if ((oa === 7 || oa === 8) && ob === 7 && a >> 8 < 4096 && a >> 8 >= 0 && src[i + 1] >> 8 < 2048 && src[i + 1] >> 8 >= 0) {
      fused = (oa === 7 ? LOAD_FAST_LOAD_FAST : STORE_FAST_LOAD_FAST) | (((a >> 8) | ((src[i + 1] >> 8) << 12)) << 8);
    } else if (oa === 77 && ob === 8) {
      fused = FOR_ITER_STORE_FAST | (a & ~0xff);
    } else if (isCmpJump(i)) {
      fused = COMPARE_JUMP | (((oa - 60) | ((ob === 73 ? 1 : 0) << 3)) << 8);
    }
    if (fused === -1) continue;
    if (out === null) out = src.slice();
    out[i] = fused;
    i += len - 1;
  }
  return out ?? src;
}

/** `a OP b` as a JS boolean (COMPARE_JUMP). */
function compareBool(op: number, a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case CMP_LT: return a < b;
      case CMP_LE: return a <= b;
      case CMP_EQ: return a === b;
      case CMP_NE: return a !== b;
      case CMP_GT: return a > b;
      default: return a >= b;
    }
  }
  const r = compareFast(op, a, b);
  if (r !== undefined) return r;
  if (typeof a === 'string' && typeof b === 'string' && (op === CMP_EQ || op === CMP_NE)) return (a === b) === (op === CMP_EQ);
  const v = compare(a, b, op);
  return v === true ? true : v === false ? false : truthy(v);
}

/** A compile-time constant as a VM value. */
export function convertConst(c: any): any {
  if (c === null || typeof c === 'boolean' || typeof c === 'number' || typeof c === 'string') return c;
  if (typeof c === 'bigint') return c >= -9007199254740991n && c <= 9007199254740991n ? Number(c) : c;
  if (c instanceof ConstFloat) return new PyFloat(c.value);
  if (c instanceof ConstComplex) return new PyComplex(c.real, c.imag);
  if (c instanceof Uint8Array) return new PyBytes(c);
  if (c instanceof ConstTuple) return c.items.length === 0 ? EMPTY_TUPLE : new PyTuple(c.items.map(convertConst));
  if (c === ConstEllipsis) return Ellipsis;
  if (c instanceof CodeObjectClass) return c;
  throw systemError(`bad constant in code object: ${String(c)}`);
}

export function runtimeOf(code: CodeObject): CodeRuntime {
  let rt = code.runtime as CodeRuntime | undefined;
  if (rt === undefined) {
    rt = new CodeRuntime(code);
    code.runtime = rt;
  }
  return rt;
}

// ---- frames --------------------------------------------------------------------------------------------

export class Frame {
  code: CodeObject;
  rt: CodeRuntime;
  fn: PyFunction | null;
  globals: PyDict;
  builtins: PyDict;
  /** The locals namespace of module and class-body code (the globals dict for modules); null otherwise. */
  locals: any;
  /** Fast locals [0, nlocals) then the value stack. */
  fast: any[];
  cells: PyCell[];
  pc: number;
  sp: number;
  back: Frame | null;
  gen: PyGenerator | null;
  /** Set by YIELD_VALUE / YIELD_FROM when runFrame returns a yielded value. */
  yielded: boolean;
  /** An exception to raise at the current pc when the frame resumes (generator.throw). */
  throwIn: PyBaseException | null;
  /** Instruction index of the suspended yield (for throw and gi_yieldfrom). */
  yieldPc: number;
  /** Returned to its CodeRuntime's pool when the call ends (plain function calls only). */
  pooled: boolean;
  /** Entered by an inlined CALL inside a running runFrame (returns pop back to `back` in the same loop). */
  inlined: boolean;
  /** The exception being handled when an inlined frame was entered (restored when it leaves). */
  savedExc: PyBaseException | null;
  /** The new instance when this frame is an __init__ run inline by CALL of its class (else null). */
  initObj: any;
  /** A function frame's locals() dict: one object per call, refreshed by each locals() (CPython 3.11). */
  localsDict: PyDict | null;
  constructor(code: CodeObject, rt: CodeRuntime, fn: PyFunction | null, globals: PyDict, locals: any, fast: any[], cells: PyCell[]) {
    this.code = code;
    this.rt = rt;
    this.fn = fn;
    this.globals = globals;
    this.builtins = fn !== null ? fn.builtins : builtinsFor(globals);
    this.locals = locals;
    this.fast = fast;
    this.cells = cells;
    this.pc = 0;
    this.sp = rt.nlocals;
    this.back = null;
    this.gen = null;
    this.yielded = false;
    this.throwIn = null;
    this.yieldPc = -1;
    this.pooled = false;
    this.inlined = false;
    this.savedExc = null;
    this.initObj = null;
    this.localsDict = null;
  }
}

const POOL_SIZE = 32;

/**
 * A frame for a plain (non-generator) call, reused from the code's pool when possible: frames never
 * outlive their call (tracebacks keep only file/line/name), so recycling them saves two allocations
 * per call.
 */
function acquireFrame(fn: PyFunction, code: CodeObject, rt: CodeRuntime): Frame {
  const pool = rt.pool;
  if (pool.length > 0) {
    const f = pool.pop()!;
    f.fn = fn;
    f.globals = fn.globals;
    f.builtins = fn.builtins;
    return f;
  }
  const f = new Frame(code, rt, fn, fn.globals, null, new Array(rt.size), NO_CELLS);
  f.pooled = true;
  return f;
}

function releaseFrame(f: Frame): void {
  const rt = f.rt;
  if (rt.pool.length >= POOL_SIZE) return;
  // locals must read as unbound next time; stale stack slots are harmless (overwritten before use)
  const fast = f.fast;
  for (let i = 0, n = rt.nlocals; i < n; i++) fast[i] = undefined;
  f.cells = NO_CELLS;
  f.fn = null;
  f.back = null;
  f.pc = 0;
  f.sp = rt.nlocals;
  f.yielded = false;
  f.throwIn = null;
  f.inlined = false;
  f.savedExc = null;
  f.initObj = null;
  f.localsDict = null;
  rt.pool.push(f);
}

/**
 * A callee frame for an inlined Python-to-Python call (the interpreter switches to it without JS
 * recursion), or null when the call needs the general path (keywords, *args, too few arguments...).
 * `self` is undefined for plain calls.
 */
function prepareInline(fn: PyFunction, self: any, src: any[], base: number, n: number): Frame | null {
  if (!fn.simple) return null;
  const code = fn.code;
  const argc = code.argCount;
  const m = self === undefined ? n : n + 1;
  if (m > argc) return null;
  let firstDef = argc;
  if (m < argc) {
    firstDef = fn.defaults === null ? argc : argc - fn.defaults.length;
    if (m < firstDef) return null;
  }
  const rt = runtimeOf(code);
  const g = acquireFrame(fn, code, rt);
  const fast = g.fast;
  let o = 0;
  if (self !== undefined) fast[o++] = self;
  for (let i = 0; i < n; i++) fast[o++] = src[base + i];
  if (m < argc) {
    const defaults = fn.defaults!;
    for (let i = m; i < argc; i++) fast[i] = defaults[i - firstDef];
  }
  if (rt.ncells !== 0) g.cells = makeCells(code, rt, fast, fn.closure);
  return g;
}

const NO_CELLS: PyCell[] = [];
const NO_ARGS: any[] = [];

function makeCells(code: CodeObject, rt: CodeRuntime, fast: any[], closure: PyCell[] | null): PyCell[] {
  if (rt.ncells === 0) return NO_CELLS;
  const cells = new Array<PyCell>(rt.ncells);
  const ncell = code.cellvars.length;
  const c2a = code.cell2arg;
  for (let i = 0; i < ncell; i++) {
    const a = c2a[i];
    cells[i] = new PyCell(a >= 0 ? fast[a] : undefined);
  }
  for (let i = ncell; i < rt.ncells; i++) cells[i] = closure![i - ncell];
  return cells;
}

// ---- calls ---------------------------------------------------------------------------------------------

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

/** Bind vectorcall arguments into a new fast-locals array (CPython's argument rules and messages). */
function bindArgs(fn: PyFunction, code: CodeObject, rt: CodeRuntime, args: any[], kwnames: readonly string[] | null): any[] {
  const fast = new Array(rt.size);
  const argc = code.argCount;
  const kwonly = code.kwOnlyArgCount;
  const total = argc + kwonly;
  const flags = code.flags;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const varnames = code.varnames;
  const qn = fn.qualname;
  const n = npos < argc ? npos : argc;
  for (let i = 0; i < n; i++) fast[i] = args[i];
  let slot = total;
  if ((flags & CO_VARARGS) !== 0) {
    fast[slot++] = npos > argc ? new PyTuple(args.slice(argc, npos)) : EMPTY_TUPLE;
  } else if (npos > argc) {
    const ndef = fn.defaults === null ? 0 : fn.defaults.length;
    let kwGiven = 0;
    for (let k = 0; k < nkw; k++) if (varnames.indexOf(kwnames![k], argc) >= 0 && varnames.indexOf(kwnames![k], argc) < total) kwGiven++;
    const takes = ndef > 0 ? `from ${argc - ndef} to ${argc} positional arguments` : plural(argc, 'positional argument');
    const extra = kwGiven > 0 ? ` positional argument${npos === 1 ? '' : 's'} (and ${plural(kwGiven, 'keyword-only argument')})` : '';
    throw typeError(`${qn}() takes ${takes} but ${npos}${extra || (npos === 1 ? ' was' : ' were')} given`);
  }
  let kwdict: PyDict | null = null;
  if ((flags & CO_VARKEYWORDS) !== 0) {
    kwdict = new PyDict();
    fast[slot] = kwdict;
  }
  if (nkw > 0) {
    const posonly = code.posOnlyArgCount;
    let posonlyErr: string[] | null = null;
    for (let k = 0; k < nkw; k++) {
      const name = kwnames![k];
      const v = args[npos + k];
      let j = -1;
      for (let i = posonly; i < total; i++) {
        if (varnames[i] === name) {
          j = i;
          break;
        }
      }
      if (j >= 0) {
        if (fast[j] !== undefined) throw typeError(`${qn}() got multiple values for argument '${name}'`);
        fast[j] = v;
      } else if (kwdict !== null) {
        dictSetStr(kwdict, name, v);
      } else {
        if (varnames.indexOf(name) >= 0 && varnames.indexOf(name) < posonly) (posonlyErr ??= []).push(name);
        else throw typeError(`${qn}() got an unexpected keyword argument '${name}'`);
      }
    }
    if (posonlyErr !== null) throw typeError(`${qn}() got some positional-only arguments passed as keyword arguments: '${posonlyErr.join(', ')}'`);
  }
  if (npos < argc) {
    const defaults = fn.defaults;
    const ndef = defaults === null ? 0 : defaults.length;
    const firstDef = argc - ndef;
    let missing: string[] | null = null;
    for (let i = npos; i < argc; i++) {
      if (fast[i] !== undefined) continue;
      if (i >= firstDef) fast[i] = defaults![i - firstDef];
      else (missing ??= []).push(varnames[i]);
    }
    if (missing !== null) throw typeError(`${qn}() missing ${plural(missing.length, 'required positional argument')}: ${nameList(missing)}`);
  }
  if (kwonly > 0) {
    let missing: string[] | null = null;
    for (let i = argc; i < total; i++) {
      if (fast[i] !== undefined) continue;
      const d = fn.kwdefaults === null ? undefined : dictGetStr(fn.kwdefaults, varnames[i]);
      if (d !== undefined) fast[i] = d;
      else (missing ??= []).push(varnames[i]);
    }
    if (missing !== null) throw typeError(`${qn}() missing ${plural(missing.length, 'required keyword-only argument')}: ${nameList(missing)}`);
  }
  return fast;
}

/** Call a Python function with vectorcall arguments. */
export function callFunction(fn: PyFunction, args: any[], kwnames: readonly string[] | null): any {
  const code = fn.code;
  const rt = runtimeOf(code);
  let fast: any[];
  if (fn.simple && kwnames === null && args.length === code.argCount) {
    fast = new Array(rt.size);
    for (let i = 0; i < args.length; i++) fast[i] = args[i];
  } else {
    fast = bindArgs(fn, code, rt, args, kwnames);
  }
  const f = new Frame(code, rt, fn, fn.globals, null, fast, makeCells(code, rt, fast, fn.closure));
  if ((code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0) return makeGenerator(fn, f);
  return runFrame(f);
}

function makeGenerator(fn: PyFunction, f: Frame): PyGenerator {
  const flags = f.code.flags;
  const kind = (flags & CO_ASYNC_GENERATOR) !== 0 ? GEN_KIND_ASYNCGEN : (flags & CO_COROUTINE) !== 0 ? GEN_KIND_COROUTINE : GEN_KIND_GENERATOR;
  const g = new PyGenerator(kind, f, fn.name, fn.qualname);
  f.gen = g;
  return g;
}

/** Fast path for CALL with exactly positional arguments taken straight from the caller's stack. */
function callFromStack(fn: PyFunction, src: any[], base: number, n: number): any {
  const code = fn.code;
  const rt = runtimeOf(code);
  const argc = code.argCount;
  if (fn.simple && n <= argc) {
    let firstDef = argc;
    if (n < argc) {
      firstDef = fn.defaults === null ? argc : argc - fn.defaults.length;
      if (n < firstDef) return callFunction(fn, src.slice(base, base + n), null);
    }
    const f = acquireFrame(fn, code, rt);
    const fast = f.fast;
    for (let i = 0; i < n; i++) fast[i] = src[base + i];
    if (n < argc) {
      const defaults = fn.defaults!;
      for (let i = n; i < argc; i++) fast[i] = defaults[i - firstDef];
    }
    if (rt.ncells !== 0) f.cells = makeCells(code, rt, fast, fn.closure);
    return runFrame(f);
  }
  return callFunction(fn, src.slice(base, base + n), null);
}

/** Call a method-like function with self plus arguments from the stack. */
function callMethodFromStack(fn: PyFunction, self: any, src: any[], base: number, n: number): any {
  const code = fn.code;
  const rt = runtimeOf(code);
  const argc = code.argCount;
  if (fn.simple && n + 1 <= argc) {
    const m = n + 1;
    let firstDef = argc;
    if (m < argc) {
      firstDef = fn.defaults === null ? argc : argc - fn.defaults.length;
      if (m < firstDef) {
        const a = [self];
        for (let i = 0; i < n; i++) a.push(src[base + i]);
        return callFunction(fn, a, null);
      }
    }
    const f = acquireFrame(fn, code, rt);
    const fast = f.fast;
    fast[0] = self;
    for (let i = 0; i < n; i++) fast[i + 1] = src[base + i];
    if (m < argc) {
      const defaults = fn.defaults!;
      for (let i = m; i < argc; i++) fast[i] = defaults[i - firstDef];
    }
    if (rt.ncells !== 0) f.cells = makeCells(code, rt, fast, fn.closure);
    return runFrame(f);
  }
  const a = new Array(n + 1);
  a[0] = self;
  for (let i = 0; i < n; i++) a[i + 1] = src[base + i];
  return callFunction(fn, a, null);
}

/** Call a builtin with positional args from the stack without building an array when possible. */
function callBuiltinFromStack(b: PyBuiltin, src: any[], base: number, n: number): any {
  if (b.flags === 0 && b.self === undefined && n >= b.min && n <= b.max && b.owner === null) {
    const fn = b.fn;
    let r: any;
    switch (n) {
      case 0: r = fn(); break;
      case 1: r = fn(src[base]); break;
      case 2: r = fn(src[base], src[base + 1]); break;
      case 3: r = fn(src[base], src[base + 1], src[base + 2]); break;
      default: r = fn(...src.slice(base, base + n));
    }
    return r === undefined ? null : r;
  }
  return callBuiltin(b, src.slice(base, base + n), null);
}

/** A method builtin called with self (from LOAD_METHOD, so self's type is already right). */
function callBuiltinMethodFromStack(b: PyBuiltin, self: any, src: any[], base: number, n: number): any {
  const m = n + 1;
  if (b.flags === 0 && b.self === undefined && m >= b.min && m <= b.max) {
    const fn = b.fn;
    let r: any;
    switch (n) {
      case 0: r = fn(self); break;
      case 1: r = fn(self, src[base]); break;
      case 2: r = fn(self, src[base], src[base + 1]); break;
      case 3: r = fn(self, src[base], src[base + 1], src[base + 2]); break;
      default: r = fn(self, ...src.slice(base, base + n));
    }
    return r === undefined ? null : r;
  }
  const a = new Array(m);
  a[0] = self;
  for (let i = 0; i < n; i++) a[i + 1] = src[base + i];
  return callBuiltin(b, a, null);
}

/** Run a module-level or exec'd code object with the given namespaces. */
export function runCode(code: CodeObject, globals: PyDict, locals: any): any {
  const rt = runtimeOf(code);
  const fast = new Array(rt.size);
  const f = new Frame(code, rt, null, globals, locals, fast, makeCells(code, rt, fast, null));
  return runFrame(f);
}

/** Run a class body function with `ns` as its locals (for __build_class__). Returns the body's result. */
export function runClassBody(fn: PyFunction, ns: any): any {
  const code = fn.code;
  const rt = runtimeOf(code);
  const fast = new Array(rt.size);
  const f = new Frame(code, rt, fn, fn.globals, ns, fast, makeCells(code, rt, fast, fn.closure));
  return runFrame(f);
}

// ---- helpers used by the loop --------------------------------------------------------------------------

function unboundLocal(code: CodeObject, i: number): PyBaseException {
  return newException(T.unboundLocalErrorType, `cannot access local variable '${code.varnames[i]}' where it is not associated with a value`);
}

function unboundCell(code: CodeObject, rt: CodeRuntime, i: number): PyBaseException {
  const name = rt.cellNames[i];
  if (i < code.cellvars.length) return newException(T.unboundLocalErrorType, `cannot access local variable '${name}' where it is not associated with a value`);
  return nameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}

function nameNotDefined(name: string): PyBaseException {
  const e = nameError(`name '${name}' isn't defined`);
  return e;
}

/** LOAD_GLOBAL slow path: look up, fill the cache. */
function loadGlobalSlow(globals: PyDict, builtins: PyDict, name: string, c: GlobalCache): any {
  let i = htFindStr(globals, name);
  if (i >= 0) {
    c.gv = globals.version;
    c.bv = builtins.version;
    c.vals = globals.vals!;
    c.idx = i;
    return globals.vals![i];
  }
  i = htFindStr(builtins, name);
  if (i >= 0) {
    c.gv = globals.version;
    c.bv = builtins.version;
    c.vals = builtins.vals!;
    c.idx = i;
    return builtins.vals![i];
  }
  const v = foreignBuiltin(builtins, name);
  if (v !== undefined) return v;
  throw nameNotDefined(name);
}

/**
 * `__builtins__` values that are neither a module nor an exact dict (a dict subclass, any mapping, or
 * not a mapping at all): frames get an empty stand-in dict, and a failed builtin lookup subscripts the
 * real object, as CPython does (a KeyError is a NameError; `'int' object is not subscriptable`).
 */
const foreignBuiltins = new WeakMap<PyDict, object>();

/** The builtins dict for code run with `globals` (CPython's _PyEval_BuiltinsFromGlobals). */
export function builtinsFor(globals: PyDict): PyDict {
  const b = dictGetStr(globals, '__builtins__');
  if (b === undefined) return vm.builtins;
  if (b instanceof PyModule) return b.dict;
  if (b instanceof PyDict && b.type === T.dictType) return b;
  const standIn = new PyDict();
  foreignBuiltins.set(standIn, b);
  return standIn;
}

/** What `__builtins__` is for code whose frames use `builtins` (exec/eval insert it into new globals). */
export function builtinsObject(builtins: PyDict): any {
  return foreignBuiltins.get(builtins) ?? builtins;
}

function foreignBuiltin(builtins: PyDict, name: string): any {
  const b = foreignBuiltins.get(builtins);
  if (b === undefined) return undefined;
  try {
    return getItem(b, name);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtypeOf(T.keyErrorType)) return undefined;
    throw e;
  }
}

function builtinOrUndefined(builtins: PyDict, name: string): any {
  const v = dictGetStr(builtins, name);
  return v !== undefined ? v : foreignBuiltin(builtins, name);
}

function loadName(f: Frame, name: string): any {
  const locals = f.locals;
  if (locals !== null && locals !== f.globals) {
    if (locals instanceof PyDict && locals.type === T.dictType) {
      const v = dictGetStr(locals, name);
      if (v !== undefined) return v;
    } else if (locals !== null) {
      try {
        return getItem(locals, name);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.type.isSubtypeOf(T.keyErrorType))) throw e;
      }
    }
  }
  let v = dictGetStr(f.globals, name);
  if (v !== undefined) return v;
  v = builtinOrUndefined(f.builtins, name);
  if (v !== undefined) return v;
  throw nameNotDefined(name);
}

function storeName(f: Frame, name: string, v: any): void {
  const locals = f.locals;
  if (locals instanceof PyDict && locals.type === T.dictType) dictSetStr(locals, name, v);
  else if (locals === null) throw systemError(`no locals when storing '${name}'`);
  else setItem(locals, name, v);
}

function deleteName(f: Frame, name: string): void {
  const locals = f.locals;
  if (locals instanceof PyDict && locals.type === T.dictType) {
    if (!dictDelStr(locals, name)) throw nameNotDefined(name);
  } else {
    try {
      delItem(locals, name);
    } catch (e) {
      if (e instanceof PyBaseException && e.type.isSubtypeOf(T.keyErrorType)) throw nameNotDefined(name);
      throw e;
    }
  }
}

/** LOAD_ATTR with cache fill. */
function loadAttrSlow(obj: any, name: string, c: AttrCache): any {
  const t = typeOf(obj);
  c.kind = 0;
  if (t.getattr === genericGetAttr && typeof obj === 'object') {
    const d = t.lookup(name);
    const dt: PyType | null = d !== undefined && typeof d === 'object' && d !== null ? (d as PyObject).type : null;
    const isData = dt !== null && dt.descrSet !== null && dt.descrGet !== null;
    const hasInst = (t.flags & TF_INSTATTRS) !== 0;
    const shape: Shape | null = hasInst ? (obj as AttrHolder).shape : null;
    if (!isData && shape !== DICT_SHAPE) {
      const idx = shape === null ? undefined : shape.index.get(name);
      if (idx !== undefined) {
        c.kind = A_SLOT;
        c.tv = t.version;
        c.shape = shape;
        c.idx = idx;
      } else if (d !== undefined) {
        if (d instanceof PyFunction) {
          c.kind = A_METHOD;
          c.value = d;
        } else if (dt === null || dt.descrGet === null) {
          c.kind = A_VALUE;
          c.value = name;
          c.obj = t.definer(name);
        }
        if (c.kind !== 0) {
          c.tv = t.version;
          c.shape = shape;
        }
      }
    } else if (isData && (dt === T.propertyType || dt === T.getsetType)) {
      c.kind = A_GETSET;
      c.tv = t.version;
      c.value = d;
      c.shape = null;
    }
  } else if (obj instanceof PyModule && obj.type === T.moduleType) {
    const i = htFindStr(obj.dict, name);
    if (i >= 0) {
      c.kind = A_MODULE;
      c.obj = obj.dict;
      c.tv = obj.dict.version;
      c.idx = i;
    }
  } else if (obj instanceof PyType && t === T.typeType) {
    const d = obj.lookup(name);
    if (d !== undefined && (typeof d !== 'object' || d === null || (d as PyObject).type.descrGet === null || d instanceof PyFunction)) {
      const meta = T.typeType.lookup(name);
      if (meta === undefined && isPlainValue(d)) {
        c.kind = A_CLASSVAL;
        c.obj = obj;
        c.tv = obj.version;
        c.value = name;
        c.next = null;
        c.shape = null;
        c.idx = 0;
        c.definer = obj.definer(name);
      }
    }
  }
  return getAttr(obj, name);
}

/** LOAD_ATTR fast path; undefined means "take the slow path". */
function loadAttrCached(obj: any, c: AttrCache): any {
  switch (c.kind) {
    case A_SLOT:
      if (obj.type.version === c.tv && obj.shape === c.shape) return obj.slots[c.idx];
      return undefined;
    case A_VALUE:
      if (obj.type.version === c.tv && (c.shape === null || obj.shape === c.shape)) return c.obj.dict.get(c.value);
      return undefined;
    case A_METHOD:
      if (obj.type.version === c.tv && (c.shape === null || obj.shape === c.shape)) return new PyBoundMethod(c.value, obj);
      return undefined;
    case A_GETSET:
      if (obj.type.version === c.tv) {
        const d = c.value;
        if (d.type === T.propertyType) {
          const get = d.fget;
          if (get === null) return undefined;
          if (get instanceof PyFunction) return callMethodFromStack(get, obj, NO_ARGS, 0, 0);
          return call(get, [obj], null);
        }
        return d.get(obj);
      }
      return undefined;
    case A_MODULE:
      if (obj.dict === c.obj && c.obj.version === c.tv) return c.obj.vals[c.idx];
      return undefined;
    case A_CLASSVAL:
      if (obj === c.obj && obj.version === c.tv) return c.definer!.dict.get(c.value);
      return undefined;
    default:
      return undefined;
  }
}

/** STORE_ATTR with cache fill. */
function storeAttrSlow(obj: any, name: string, v: any, c: AttrCache): void {
  const t = typeOf(obj);
  c.kind = 0;
  if (t.setattr === genericSetAttr && (t.flags & (TF_INSTATTRS | TF_NODICT)) === TF_INSTATTRS && typeof obj === 'object') {
    const d = t.lookup(name);
    const isData = d !== undefined && typeof d === 'object' && d !== null && (d as PyObject).type.descrSet !== null;
    const shape = (obj as AttrHolder).shape;
    if (!isData && shape !== DICT_SHAPE) {
      const idx = shape.index.get(name);
      if (idx !== undefined) {
        c.kind = A_SLOT;
        c.tv = t.version;
        c.shape = shape;
        c.idx = idx;
      } else if (shape.names.length < 32) {
        instSet(obj as AttrHolder, name, v);
        c.kind = A_VALUE; // "add" transition
        c.tv = t.version;
        c.shape = shape;
        c.next = (obj as AttrHolder).shape;
        return;
      }
    }
  } else if (obj instanceof PyType && t === T.typeType && (obj.flags & TF_BUILTIN) === 0 && !name.startsWith('__') &&
    T.typeType.lookup(name) === undefined) {
    // a class attribute rebinding a plain value to a plain value (`Counter.total += 1`): the type's
    // version does not change (typeSetAttr), so the store can go straight to the class dict next time
    const old = obj.dict.get(name);
    if (old !== undefined && isPlainValue(old) && isPlainValue(v)) {
      setAttr(obj, name, v);
      c.kind = A_CLASSVAL;
      c.obj = obj;
      c.tv = obj.version;
      c.value = name;
      c.shape = null;
      c.next = null;
      return;
    }
  }
  setAttr(obj, name, v);
}

function storeAttrCached(obj: any, v: any, c: AttrCache): boolean {
  if (c.kind === A_CLASSVAL) {
    if (obj !== c.obj || obj.version !== c.tv || !isPlainValue(v)) return false;
    (obj as PyType).dict.set(c.value, v);
    return true;
  }
  if (typeof obj !== 'object' || obj === null || obj.type.version !== c.tv || obj.shape !== c.shape) return false;
  if (c.kind === A_SLOT) {
    obj.slots[c.idx] = v;
    return true;
  }
  if (c.kind === A_VALUE) {
    obj.shape = c.next;
    if (c.shape === EMPTY_SHAPE) obj.slots = [v];
    else obj.slots.push(v);
    return true;
  }
  return false;
}

/** LOAD_METHOD: returns [callable, self-or-undefined] via the cache; fills it on a miss. */
function loadMethodSlow(obj: any, name: string, c: AttrCache, out: any[]): void {
  const t = typeOf(obj);
  c.kind = 0;
  if (t.getattr === genericGetAttr) {
    const d = t.lookup(name);
    if (d instanceof PyFunction || (d instanceof PyBuiltin && d.owner !== null)) {
      const hasInst = (t.flags & TF_INSTATTRS) !== 0;
      const shape: Shape | null = hasInst ? (obj as AttrHolder).shape : null;
      if (shape === null || (shape !== DICT_SHAPE && !shape.index.has(name))) {
        c.kind = A_METHOD;
        c.tv = t.version;
        c.shape = shape;
        c.value = d;
        out[0] = d;
        out[1] = obj;
        return;
      }
      if (shape === DICT_SHAPE && instGet(obj as AttrHolder, name) === undefined) {
        out[0] = d;
        out[1] = obj;
        return;
      }
    }
  } else if (obj instanceof PyModule && obj.type === T.moduleType) {
    const i = htFindStr(obj.dict, name);
    if (i >= 0) {
      c.kind = A_MODULE;
      c.obj = obj.dict;
      c.tv = obj.dict.version;
      c.idx = i;
    }
  }
  out[0] = getAttr(obj, name);
  out[1] = undefined;
}

const methodOut: any[] = [undefined, undefined];

// ---- the loop ------------------------------------------------------------------------------------------

function kwArgsFromDict(d: any, args: any[], names: string[]): void {
  if (d instanceof PyDict) {
    const keys = d.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === DELETED) continue;
      if (typeof k !== 'string') throw typeError('keywords must be strings');
      names.push(k);
      args.push(d.vals![i]);
    }
    return;
  }
  forEach(call(getAttr(d, 'keys'), [], null), (k) => {
    if (typeof k !== 'string') throw typeError('keywords must be strings');
    names.push(k);
    args.push(getItem(d, k));
  });
}

function unpackError(got: number, expected: number, tooMany: boolean): PyBaseException {
  if (tooMany) return newException(T.valueErrorType, `too many values to unpack (expected ${expected})`);
  return newException(T.valueErrorType, `not enough values to unpack (expected ${expected}, got ${got})`);
}

function makeFunction(code: CodeObject, globals: PyDict, builtins: PyDict, flags: number, fast: any[], sp: number): [PyFunction, number] {
  // a function object is a heap allocation in MicroPython (def, lambda or closure made while running)
  checkHeap();
  let closure: PyCell[] | null = null;
  let kwdefaults: PyDict | null = null;
  let defaults: any[] | null = null;
  if (flags & 0x08) closure = (fast[--sp] as PyTuple).items as PyCell[];
  if (flags & 0x02) kwdefaults = fast[--sp] as PyDict;
  if (flags & 0x01) defaults = (fast[--sp] as PyTuple).items;
  const fn = new PyFunction(code, globals, closure, builtins);
  fn.defaults = defaults;
  fn.kwdefaults = kwdefaults;
  const mod = dictGetStr(globals, '__name__');
  fn.module = mod === undefined ? null : mod;
  return [fn, sp];
}

function raiseFrom(exc: any, cause: any, hasCause: boolean): PyBaseException {
  const e = normaliseRaise(exc);
  if (hasCause) {
    if (cause === null) {
      e.cause = null;
    } else {
      if (!(cause instanceof PyBaseException) && !(cause instanceof PyType && cause.isSubtypeOf(T.baseExceptionType))) {
        throw typeError('exception causes must derive from BaseException');
      }
      e.cause = normaliseRaise(cause);
    }
    e.suppressContext = true;
  }
  return e;
}

function checkExcMatch(exc: any, t: any): boolean {
  if (t instanceof PyTuple) {
    for (const x of t.items) if (checkExcMatch(exc, x)) return true;
    return false;
  }
  if (!(t instanceof PyType) || !t.isSubtypeOf(T.baseExceptionType)) {
    throw typeError('catching classes that do not inherit from BaseException is not allowed');
  }
  return typeOf(exc).isSubtypeOf(t);
}

function awaitable(x: any): any {
  if (x instanceof PyGenerator) {
    if (x.kind === GEN_KIND_ASYNCGEN) throw typeError(`object ${typeName(x)} can't be used in 'await' expression`);
    return x;
  }
  const aw = lookupSpecial(x, '__await__');
  if (aw === undefined) throw typeError(`object ${typeName(x)} can't be used in 'await' expression`);
  const it = call(aw, [], null);
  if (it instanceof PyGenerator && it.kind === GEN_KIND_COROUTINE) throw typeError('__await__() returned a coroutine');
  if (typeOf(it).next === null) throw typeError(`__await__() returned non-iterator of type '${typeName(it)}'`);
  return it;
}

/** A generator frame resumed inline by FOR_ITER suspends at a yield (resume() in generator.ts does the same). */
function yieldInlineGen(g: Frame): void {
  const gen = g.gen!;
  const outer = g.savedExc;
  gen.exc = vm.excInfo === outer ? null : vm.excInfo;
  vm.excInfo = outer;
  gen.running = false;
  g.inlined = false;
  g.savedExc = null;
}

/** A generator frame resumed inline leaves for good (returned or raised); the caller sets finished. */
function leaveInlineGen(g: Frame): void {
  g.gen!.running = false;
  g.inlined = false;
  g.savedExc = null;
  g.yielded = false;
}

function generatorRaisedStop(e: PyBaseException): PyBaseException {
  const err = newException(T.runtimeErrorType, 'generator raised StopIteration');
  err.cause = e;
  err.context = e;
  err.suppressContext = true;
  return err;
}

/**
 * The top n stack values as a new packed array (`fast.slice` copies from a holey array, which is slower
 * and gives the copy the holey elements kind).
 */
function stackItems(fast: any[], sp: number, n: number): any[] {
  switch (n) {
    case 1: return [fast[sp - 1]];
    case 2: return [fast[sp - 2], fast[sp - 1]];
    case 3: return [fast[sp - 3], fast[sp - 2], fast[sp - 1]];
    case 0: return [];
    default: {
      const a: any[] = [];
      for (let i = sp - n; i < sp; i++) a.push(fast[i]);
      return a;
    }
  }
}

/** Add a traceback entry for frame code at instruction i. */
function addTraceback(e: PyBaseException, code: CodeObject, i: number): void {
  const entry = { filename: code.filename, line: code.lineAt(i), name: code.name };
  if (e.traceback === null) e.traceback = [entry];
  else e.traceback.push(entry);
}

/** Find the handler for instruction i: [handler, depth] or null. */
function findHandler(table: Int32Array, i: number): number {
  for (let k = 0; k < table.length; k += 4) {
    if (table[k] <= i && i < table[k + 1]) return k;
  }
  return -1;
}


/** The float value of an exact float or safe int operand, else undefined (mixed-arithmetic fast path). */
function numOperand(x: any): number | undefined {
  if (typeof x === 'number') return x;
  if (x instanceof PyFloat && x.type === T.floatType) return x.value;
  return undefined;
}

/** a OP b for two real numbers (ints or floats, not bools), else undefined. */
function compareFast(op: number, a: any, b: any): boolean | undefined {
  const x = numOperand(a);
  if (x === undefined) return undefined;
  const y = numOperand(b);
  if (y === undefined) return undefined;
  switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x === y;
    case CMP_NE: return x !== y;
    case CMP_GT: return x > y;
    default: return x >= y;
  }
}

// ---- out-of-line opcode bodies (kept out of runFrame so it stays small to compile) --------------------

function loadClassDeref(f: Frame, i: number): any {
  const name = f.rt.cellNames[i];
  const locals = f.locals;
  let v: any = undefined;
  if (locals instanceof PyDict) v = dictGetStr(locals, name);
  else if (locals !== null) {
    try {
      v = getItem(locals, name);
    } catch (e) {
      if (!(e instanceof PyBaseException && e.type.isSubtypeOf(T.keyErrorType))) throw e;
    }
  }
  if (v === undefined) {
    v = f.cells[i].value;
    if (v === undefined) throw unboundCell(f.code, f.rt, i);
  }
  return v;
}

function beforeWith(fast: any[], sp: number, isAsync: boolean): number {
  const mgr = fast[sp - 1];
  const enter = lookupSpecial(mgr, isAsync ? '__aenter__' : '__enter__');
  const exit = lookupSpecial(mgr, isAsync ? '__aexit__' : '__exit__');
  if (enter === undefined || exit === undefined) {
    const missed = enter !== undefined ? ` (missed ${isAsync ? '__aexit__' : '__exit__'} method)` : '';
    throw typeError(`'${typeName(mgr)}' object does not support the ${isAsync ? 'asynchronous ' : ''}context manager protocol${missed}`);
  }
  fast[sp - 1] = exit;
  fast[sp++] = call(enter, [], null);
  return sp;
}

/** `native`: a viper/native function, whose __exit__ gets None for the traceback (as MicroPython's native emitter). */
function withExceptStart(fast: any[], sp: number, native: boolean): any {
  const exc = fast[sp - 1];
  const exit = fast[sp - 3];
  return call(exit, [typeOf(exc), exc, !native && exc instanceof PyBaseException ? tracebackObject(exc) : null], null);
}

function callFunctionEx(fast: any[], sp: number, flags: number): number {
  let kwargs: any = null;
  if (flags & 1) kwargs = fast[--sp];
  const pos = fast[--sp];
  const fn = fast[sp - 1];
  const args = pos instanceof PyTuple ? pos.items.slice() : toArray(pos);
  let kwn: string[] | null = null;
  if (kwargs !== null) {
    kwn = [];
    kwArgsFromDict(kwargs, args, kwn);
    if (kwn.length === 0) kwn = null;
  }
  fast[sp - 1] = call(fn, args, kwn);
  return sp;
}

function listExtend(fast: any[], sp: number, n: number): number {
  const it = fast[--sp];
  const l = fast[sp - n] as PyList;
  if ((it instanceof PyTuple && it.type === T.tupleType) || (it instanceof PyList && it !== l && it.type === T.listType)) for (const v of it.items) l.items.push(v);
  else {
    try {
      for (const v of toArray(it)) l.items.push(v);
    } catch (e) {
      if (e instanceof PyBaseException && e.type === T.typeErrorType && typeOf(it).iter === null && typeOf(it).getitem === null) {
        throw typeError(`Value after * must be an iterable, not ${typeName(it)}`);
      }
      throw e;
    }
  }
  return sp;
}

function setUpdate(fast: any[], sp: number, n: number): number {
  const it = fast[--sp];
  const s = fast[sp - n] as PySet;
  forEach(it, (v) => {
    setAdd(s, v);
  });
  return sp;
}

function dictUpdateOp(fast: any[], sp: number, n: number): number {
  const m = fast[--sp];
  const d = fast[sp - n] as PyDict;
  if (!(m instanceof PyDict) && lookupSpecial(m, 'keys') === undefined) throw typeError(`'${typeName(m)}' object is not a mapping`);
  vm.dictUpdate(d, m);
  return sp;
}

function dictMerge(fast: any[], sp: number, n: number): number {
  const m = fast[--sp];
  const d = fast[sp - n] as PyDict;
  const fnObj = fast[sp - n - 2];
  if (!(m instanceof PyDict) && lookupSpecial(m, 'keys') === undefined) {
    throw typeError(`${fnName(fnObj)} argument after ** must be a mapping, not ${typeName(m)}`);
  }
  const ks: string[] = [];
  const vs: any[] = [];
  kwArgsFromDict(m, vs, ks);
  for (let i = 0; i < ks.length; i++) {
    if (dictGetStr(d, ks[i]) !== undefined) throw typeError(`${fnName(fnObj)} got multiple values for keyword argument '${ks[i]}'`);
    dictSetStr(d, ks[i], vs[i]);
  }
  return sp;
}

function unpackEx(fast: any[], sp: number, arg: number): number {
  const before = arg & 0xff;
  const after = (arg >> 8) & 0xff;
  const items = toArray(fast[--sp]);
  if (items.length < before + after) {
    throw newException(T.valueErrorType, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  for (let i = items.length - 1; i >= items.length - after; i--) fast[sp++] = items[i];
  fast[sp++] = new PyList(items.slice(before, items.length - after));
  for (let i = before - 1; i >= 0; i--) fast[sp++] = items[i];
  return sp;
}

function formatValueOp(fast: any[], sp: number, flags: number): number {
  const spec = flags & 0x04 ? (fast[--sp] as string) : '';
  let v = fast[sp - 1];
  const conv = flags & 0x03;
  if (conv === 1) v = str(v);
  else if (conv === 2) v = repr(v);
  else if (conv === 3) v = vm.ascii(v);
  fast[sp - 1] = typeof v === 'string' && spec === '' ? v : formatValue(v, spec);
  return sp;
}

function getYieldFromIter(f: Frame, fast: any[], sp: number): void {
  const x = fast[sp - 1];
  if (!(x instanceof PyGenerator)) fast[sp - 1] = getIter(x);
  else if (x.kind === GEN_KIND_COROUTINE && f.gen !== null && f.gen.kind === GEN_KIND_GENERATOR && (f.code.flags & 0x100) === 0) {
    throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
  }
}

function getAiter(x: any): any {
  const ai = lookupSpecial(x, '__aiter__');
  if (ai === undefined) throw typeError(`'async for' requires an object with __aiter__ method, got ${typeName(x)}`);
  return call(ai, [], null);
}

function getAnext(x: any): any {
  const an = lookupSpecial(x, '__anext__');
  if (an === undefined) throw typeError(`'async for' requires an iterator with __anext__ method, got ${typeName(x)}`);
  return awaitable(call(an, [], null));
}

function buildMap(fast: any[], sp: number, n: number): number {
  checkHeap();
  const d = new PyDict();
  for (let i = sp - 2 * n; i < sp; i += 2) dictSet(d, fast[i], fast[i + 1]);
  sp -= 2 * n;
  fast[sp++] = d;
  return sp;
}

function unpackSequence(fast: any[], sp: number, n: number): number {
  const seq = fast[--sp];
  let items: any[];
  if ((seq instanceof PyTuple || seq instanceof PyList) && seq.items.length === n && (seq.type === T.tupleType || seq.type === T.listType)) items = seq.items;
  else {
    items = [];
    const st = typeOf(seq);
    if ((st.iter === null && st.getitem === null) || st.lookup('__iter__') === null) throw typeError(`cannot unpack non-iterable ${st.name} object`);
    const it = getIter(seq);
    const nx = typeOf(it).next!;
    for (;;) {
      const v = nextOrStop(nx, it);
      if (v === STOP) break;
      if (items.length === n) throw unpackError(items.length + 1, n, true);
      items.push(v);
    }
    if (items.length < n) throw unpackError(items.length, n, false);
  }
  for (let i = n - 1; i >= 0; i--) fast[sp++] = items[i];
  return sp;
}


/**
 * The less frequent opcodes, out of runFrame so that the hot loop stays small (faster to optimise, fewer
 * deoptimisations). Returns the new stack pointer.
 */
function execCold(f: Frame, w: number, fast: any[], sp: number, pc: number): number {
  const globals = f.globals;
  const builtins = f.builtins;
  const names = f.code.names;
  const code = f.code;
  const rt = f.rt;
  const cells = f.cells;
  void pc;
  void globals;
  void rt;
  void code;
  void cells;
  switch (w & 0xff) {
    case 9: { // DELETE_FAST
      if (fast[w >> 8] === undefined) throw unboundLocal(code, w >> 8);
      fast[w >> 8] = undefined;
      return sp;
    }
    case 12: { // DELETE_DEREF
      const c = cells[w >> 8];
      if (c.value === undefined) throw unboundCell(code, rt, w >> 8);
      c.value = undefined;
      return sp;
    }
    case 14: // LOAD_CLASSDEREF
      fast[sp++] = loadClassDeref(f, w >> 8);
      return sp;
    case 17: // DELETE_NAME
      deleteName(f, names[w >> 8]);
      return sp;
    case 20: { // DELETE_GLOBAL
      const name = names[w >> 8];
      if (!dictDelStr(globals, name)) throw nameNotDefined(name);
      return sp;
    }
    case 23: { // DELETE_ATTR
      setAttr(fast[--sp], names[w >> 8], undefined);
      return sp;
    }
    case 27: { // DELETE_SUBSCR
      const key = fast[--sp];
      delItem(fast[--sp], key);
      return sp;
    }
    case 28: { // BUILD_SLICE
      if (w >> 8 === 3) {
        const step = fast[--sp];
        const stop = fast[--sp];
        fast[sp - 1] = new PySlice(fast[sp - 1], stop, step);
      } else {
        const stop = fast[--sp];
        fast[sp - 1] = new PySlice(fast[sp - 1], stop, null);
      }
      return sp;
    }
    case 57: // UNARY_POSITIVE
      fast[sp - 1] = unaryOp(UN_POS, fast[sp - 1]);
      return sp;
    case 58: // UNARY_INVERT
      fast[sp - 1] = unaryOp(UN_INVERT, fast[sp - 1]);
      return sp;
    case 85: // LOAD_ASSERTION_ERROR
      fast[sp++] = T.assertionErrorType;
      return sp;
    case 86: // BEFORE_WITH
      sp = beforeWith(fast, sp, false);
      return sp;
    case 87: // WITH_EXCEPT_START
      fast[sp] = withExceptStart(fast, sp, (code.flags & (CO_MP_VIPER | CO_MP_NATIVE)) !== 0);
      sp++;
      return sp;
    case 88: // BEFORE_ASYNC_WITH
      sp = beforeWith(fast, sp, true);
      return sp;
    case 92: // CALL_FUNCTION_EX
      sp = callFunctionEx(fast, sp, w >> 8);
      return sp;
    case 96: { // LOAD_BUILD_CLASS
      const bc = builtinOrUndefined(builtins, '__build_class__');
      if (bc === undefined) throw nameError('__build_class__ not found');
      fast[sp++] = bc;
      return sp;
    }
    case 102: { // BUILD_SET
      const n = w >> 8;
      checkHeap();
      const s = newSet(fast.slice(sp - n, sp));
      sp -= n;
      fast[sp++] = s;
      return sp;
    }
    case 103: // BUILD_MAP
      sp = buildMap(fast, sp, w >> 8);
      return sp;
    case 106: { // SET_ADD
      const v = fast[--sp];
      setAdd(fast[sp - (w >> 8)] as PySet, v);
      return sp;
    }
    case 107: { // MAP_ADD
      const v = fast[--sp];
      const k = fast[--sp];
      dictSet(fast[sp - (w >> 8)] as PyDict, k, v);
      return sp;
    }
    case 108: // LIST_EXTEND
      sp = listExtend(fast, sp, w >> 8);
      return sp;
    case 109: // SET_UPDATE
      sp = setUpdate(fast, sp, w >> 8);
      return sp;
    case 110: // DICT_UPDATE
      sp = dictUpdateOp(fast, sp, w >> 8);
      return sp;
    case 111: // DICT_MERGE
      sp = dictMerge(fast, sp, w >> 8);
      return sp;
    case 112: { // LIST_TO_TUPLE
      const l = fast[sp - 1] as PyList;
      fast[sp - 1] = l.items.length === 0 ? EMPTY_TUPLE : new PyTuple(l.items);
      return sp;
    }
    case 114: // UNPACK_EX
      sp = unpackEx(fast, sp, w >> 8);
      return sp;
    case 115: // FORMAT_VALUE
      sp = formatValueOp(fast, sp, w >> 8);
      return sp;
    case 122: // GET_YIELD_FROM_ITER
      getYieldFromIter(f, fast, sp);
      return sp;
    case 123: // GET_AWAITABLE
      fast[sp - 1] = awaitable(fast[sp - 1]);
      return sp;
    case 124: // GET_AITER
      fast[sp - 1] = getAiter(fast[sp - 1]);
      return sp;
    case 125: // GET_ANEXT
      fast[sp] = getAnext(fast[sp - 1]);
      sp++;
      return sp;
    case 130: { // IMPORT_NAME
      const fromlist = fast[--sp];
      const level = fast[sp - 1];
      const imp = builtins === vm.builtins ? dictGetStr(builtins, '__import__') : builtinOrUndefined(builtins, '__import__');
      if (imp === vm.importBuiltin) fast[sp - 1] = vm.importName(names[w >> 8], globals, fromlist, level);
      else if (imp === undefined) throw newException(T.importErrorType, '__import__ not found');
      else fast[sp - 1] = call(imp, [names[w >> 8], globals, f.locals ?? null, fromlist, level], null);
      return sp;
    }
    case 131: { // IMPORT_FROM
      fast[sp] = vm.importFrom(fast[sp - 1], names[w >> 8]);
      sp++;
      return sp;
    }
    case 132: { // IMPORT_STAR
      vm.importStar(fast[--sp], f.locals ?? globals);
      return sp;
    }
    case 133: { // PRINT_EXPR
      vm.printExpr(fast[--sp]);
      return sp;
    }
    case 134: // LOAD_LOCALS
      fast[sp++] = f.locals ?? vm.localsOf(f);
      return sp;
    case 140: // VIPER_CONV
      fast[sp - 1] = viperConv(fast[sp - 1], w >> 8);
      return sp;
    case 141: { // VIPER_BINOP
      const b = fast[--sp];
      fast[sp - 1] = viperBinop(w >> 8, fast[sp - 1], b);
      return sp;
    }
    case 142: { // VIPER_LOAD
      const i = fast[--sp];
      fast[sp - 1] = viperLoad(w >> 8, fast[sp - 1], i);
      return sp;
    }
    case 143: { // VIPER_STORE
      const i = fast[--sp];
      const p = fast[--sp];
      viperStore(w >> 8, fast[--sp], p, i);
      return sp;
    }
    default:
      throw systemError(`bad opcode ${w & 0xff} at ${f.code.filename}:${f.code.lineAt(pc - 1)}`);
  }
}

/**
 * Execute a frame until it returns (the return value) or yields (the yielded value, with f.yielded set).
 * Exceptions propagate as thrown PyBaseException objects.
 */
export function runFrame(f: Frame): any {
  const V = vm;
  if (++V.depth > V.maxDepth) {
    V.depth--;
    throw runtimeError('maximum recursion depth exceeded');
  }
  // frame state, reloaded when an inlined call enters or leaves a frame
  let code = f.code;
  let rt = f.rt;
  let words = rt.words;
  let consts = rt.consts;
  let names = code.names;
  let caches = rt.caches;
  let fast = f.fast;
  let cells = f.cells;
  let globals = f.globals;
  let builtins = f.builtins;
  let base = rt.nlocals;
  const intr = V.interrupt;
  let pc = f.pc;
  let sp = f.sp;
  let reraise = false;
  // the float result a `break ops` hands to the float chain (always a double)
  let fd = 0;
  const savedExc = V.excInfo;
  const back = V.frame;
  f.back = back;
  V.frame = f;
  f.yielded = false;
  if (V.pending !== 0 || intr[0] !== 0) {
    try {
      V.checkPending();
    } catch (e) {
      V.depth--;
      V.frame = back;
      throw e;
    }
  }
  for (;;) {
    // the exception to unwind with: set by `raise` opcodes directly (no JS throw) or by the catch below
    let thrown: any;
    try {
      if (f.throwIn !== null) {
        const e = f.throwIn;
        f.throwIn = null;
        throw e;
      }
      dispatch: for (;;) {
        let w = words[pc++];
        ops: switch (w & 0xff) {
          case 0: // NOP
            continue;
          case 1: // POP_TOP
            sp--;
            continue;
          case 2: { // COPY
            const v = fast[sp - (w >> 8)];
            fast[sp++] = v;
            continue;
          }
          case 3: { // SWAP
            const j = sp - (w >> 8);
            const v = fast[sp - 1];
            fast[sp - 1] = fast[j];
            fast[j] = v;
            continue;
          }
          case 4: // LOAD_CONST
            fast[sp++] = consts[w >> 8];
            continue;
          case 5: // LOAD_SMALL_INT
            fast[sp++] = w >> 8;
            continue;
          case 6: // LOAD_NONE
            fast[sp++] = null;
            continue;
          case 7: { // LOAD_FAST
            const v = fast[w >> 8];
            if (v === undefined) throw unboundLocal(code, w >> 8);
            fast[sp++] = v;
            continue;
          }
          case 8: // STORE_FAST
            fast[w >> 8] = fast[--sp];
            continue;
          case 10: { // LOAD_DEREF
            const v = cells[w >> 8].value;
            if (v === undefined) throw unboundCell(code, rt, w >> 8);
            fast[sp++] = v;
            continue;
          }
          case 11: // STORE_DEREF
            cells[w >> 8].value = fast[--sp];
            continue;
          case 13: // LOAD_CLOSURE
            fast[sp++] = cells[w >> 8];
            continue;
          case 15: { // LOAD_NAME
            if (f.locals === globals) {
              let c = caches[pc] as GlobalCache | undefined;
              if (c !== undefined && c.gv === globals.version && c.bv === builtins.version) {
                fast[sp++] = c.vals[c.idx];
                continue;
              }
              if (c === undefined) caches[pc] = c = new GlobalCache();
              fast[sp++] = loadGlobalSlow(globals, builtins, names[w >> 8], c);
              continue;
            }
            fast[sp++] = loadName(f, names[w >> 8]);
            continue;
          }
          case 16: { // STORE_NAME
            const v = fast[--sp];
            const locals = f.locals;
            if (locals === globals) {
              const c = caches[pc] as StoreCache | undefined;
              if (c !== undefined && c.v === globals.version) {
                globals.vals![c.idx] = v;
                continue;
              }
              const name = names[w >> 8];
              dictSetStr(globals, name, v);
              const sc = c ?? (caches[pc] = new StoreCache());
              sc.v = globals.version;
              sc.idx = htFindStr(globals, name);
              continue;
            }
            storeName(f, names[w >> 8], v);
            continue;
          }
          case 18: { // LOAD_GLOBAL
            let c = caches[pc] as GlobalCache | undefined;
            if (c !== undefined && c.gv === globals.version && c.bv === builtins.version) {
              fast[sp++] = c.vals[c.idx];
              continue;
            }
            if (c === undefined) caches[pc] = c = new GlobalCache();
            fast[sp++] = loadGlobalSlow(globals, builtins, names[w >> 8], c);
            continue;
          }
          case 19: { // STORE_GLOBAL
            const v = fast[--sp];
            const c = caches[pc] as StoreCache | undefined;
            if (c !== undefined && c.v === globals.version) {
              globals.vals![c.idx] = v;
              continue;
            }
            const name = names[w >> 8];
            dictSetStr(globals, name, v);
            const sc = c ?? (caches[pc] = new StoreCache());
            sc.v = globals.version;
            sc.idx = htFindStr(globals, name);
            continue;
          }
          case 208: // LOAD_FAST_LOAD_ATTR
          case 21: { // LOAD_ATTR
            if ((w & 0xff) === 208) {
              const v = fast[w >> 8];
              if (v === undefined) throw unboundLocal(code, w >> 8);
              fast[sp++] = v;
              w = words[pc++];
            }
            const obj = fast[sp - 1];
            let c = caches[pc] as AttrCache | undefined;
            if (c !== undefined && typeof obj === 'object' && obj !== null) {
              let v = loadAttrCached(obj, c);
              if (v === undefined && c.more !== null) v = loadAttrPoly(obj, c);
              if (v !== undefined) {
                fast[sp - 1] = v;
                continue;
              }
            }
            if (c === undefined) caches[pc] = c = new AttrCache();
            fast[sp - 1] = loadAttrSlow(obj, names[w >> 8], entryToFill(c));
            continue;
          }
          case 22: { // STORE_ATTR
            const obj = fast[--sp];
            const v = fast[--sp];
            let c = caches[pc] as AttrCache | undefined;
            if (c !== undefined && c.kind !== 0 && (storeAttrCached(obj, v, c) || (c.more !== null && storeAttrPoly(obj, v, c)))) continue;
            if (c === undefined) caches[pc] = c = new AttrCache();
            storeAttrSlow(obj, names[w >> 8], v, entryToFill(c));
            continue;
          }
          case 209: // LOAD_FAST_LOAD_METHOD
          case 24: { // LOAD_METHOD
            if ((w & 0xff) === 209) {
              const v = fast[w >> 8];
              if (v === undefined) throw unboundLocal(code, w >> 8);
              fast[sp++] = v;
              w = words[pc++];
            }
            const obj = fast[sp - 1];
            let c = caches[pc] as AttrCache | undefined;
            if (c !== undefined) {
              if (c.kind === A_METHOD) {
                const t: PyType = typeof obj === 'object' && obj !== null ? obj.type : typeOf(obj);
                if (t.version === c.tv && (c.shape === null || obj.shape === c.shape)) {
                  fast[sp - 1] = c.value;
                  fast[sp++] = obj;
                  continue;
                }
              }
              let hit = loadMethodCached(obj, c, methodOut);
              if (!hit && c.more !== null) {
                const more = c.more;
                for (let i = 0; i < more.length && !hit; i++) hit = loadMethodCached(obj, more[i], methodOut);
              }
              if (hit) {
                fast[sp - 1] = methodOut[0];
                fast[sp++] = methodOut[1];
                methodOut[0] = methodOut[1] = undefined;
                continue;
              }
            } else caches[pc] = c = new AttrCache();
            loadMethodSlow(obj, names[w >> 8], entryToFill(c), methodOut);
            fast[sp - 1] = methodOut[0];
            fast[sp++] = methodOut[1];
            methodOut[0] = methodOut[1] = undefined;
            continue;
          }
          case 25: { // BINARY_SUBSCR
            const key = fast[--sp];
            const obj = fast[sp - 1];
            if (obj instanceof PyList && typeof key === 'number' && obj.type === T.listType) {
              const items = obj.items;
              const i = key < 0 ? key + items.length : key;
              if (i >= 0 && i < items.length) {
                fast[sp - 1] = items[i];
                continue;
              }
            } else if (typeof obj === 'string' && typeof key === 'number') {
              fast[sp - 1] = strGetItem(obj, key);
              continue;
            } else if (obj instanceof PyDict && obj.type === T.dictType) {
              const i = typeof key === 'string' ? htFindStr(obj, key) : htFind(obj, key);
              if (i >= 0) {
                fast[sp - 1] = obj.vals![i];
                continue;
              }
              // a missing key raises without a JS throw
              thrown = keyError(key);
              break dispatch;
            }
            fast[sp - 1] = getItem(obj, key);
            continue;
          }
          case 26: { // STORE_SUBSCR
            const key = fast[--sp];
            const obj = fast[--sp];
            const v = fast[--sp];
            if (obj instanceof PyList && typeof key === 'number' && obj.type === T.listType) {
              const items = obj.items;
              const i = key < 0 ? key + items.length : key;
              if (i >= 0 && i < items.length) {
                items[i] = v;
                continue;
              }
            } else if (obj instanceof PyDict && obj.type === T.dictType && !obj.fixed) {
              dictSet(obj, key, v);
              continue;
            }
            setItem(obj, key, v);
            continue;
          }
          case 30: { // BINARY_ADD
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a + b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? r : intAdd(a, b);
            } else if (typeof a === 'string' && typeof b === 'string') {
              fast[sp - 1] = a + b;
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value + b.value;
              else if (typeof b === 'number') fd = a.value + b;
              else {
                fast[sp - 1] = binaryOp(OP_ADD, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a + b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = binaryOp(OP_ADD, a, b);
            continue;
          }
          case 31: { // BINARY_SUBTRACT
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a - b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? r : intSub(a, b);
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value - b.value;
              else if (typeof b === 'number') fd = a.value - b;
              else {
                fast[sp - 1] = binaryOp(OP_SUB, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a - b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = binaryOp(OP_SUB, a, b);
            continue;
          }
          case 32: { // BINARY_MULTIPLY
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a * b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? (r === 0 ? 0 : r) : intMul(a, b);
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value * b.value;
              else if (typeof b === 'number') fd = a.value * b;
              else {
                fast[sp - 1] = binaryOp(OP_MUL, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a * b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = binaryOp(OP_MUL, a, b);
            continue;
          }
          case 34: { // BINARY_TRUE_DIVIDE
            const b = fast[--sp];
            const a = fast[sp - 1];
            let ok = true;
            let x = 0;
            let y = 0;
            if (typeof a === 'number') x = a;
            else if (a instanceof PyFloat && a.type === FT) x = a.value;
            else ok = false;
            if (typeof b === 'number') y = b;
            else if (b instanceof PyFloat && b.type === FT) y = b.value;
            else ok = false;
            if (ok && y !== 0) {
              fd = x / y;
              sp--;
              break ops;
            }
            fast[sp - 1] = binaryOp(OP_TRUEDIV, a, b);
            continue;
          }
          case 35: { // BINARY_FLOOR_DIVIDE
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0) {
              fast[sp - 1] = Math.floor(a / b);
            } else fast[sp - 1] = binaryOp(OP_FLOORDIV, a, b);
            continue;
          }
          case 36: { // BINARY_MODULO
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0) {
              fast[sp - 1] = a % b;
            } else fast[sp - 1] = binaryOp(OP_MOD, a, b);
            continue;
          }
          case 33: // BINARY_MATRIX_MULTIPLY
          case 37: // BINARY_POWER
          case 38: // BINARY_LSHIFT
          case 39: // BINARY_RSHIFT
          case 40: // BINARY_AND
          case 41: // BINARY_OR
          case 42: { // BINARY_XOR
            const b = fast[--sp];
            const a = fast[sp - 1];
            const op = (w & 0xff) - 30;
            if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
              if (op === 10) {
                fast[sp - 1] = a & b;
                continue;
              }
              if (op === 11) {
                fast[sp - 1] = a | b;
                continue;
              }
              if (op === 12) {
                fast[sp - 1] = a ^ b;
                continue;
              }
              if (op === 9 && b >= 0 && b < 32) {
                fast[sp - 1] = a >> b;
                continue;
              }
            }
            fast[sp - 1] = binaryOp(op, a, b);
            continue;
          }
          case 43: { // INPLACE_ADD
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a + b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? r : intAdd(a, b);
            } else if (typeof a === 'string' && typeof b === 'string') {
              fast[sp - 1] = a + b;
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value + b.value;
              else if (typeof b === 'number') fd = a.value + b;
              else {
                fast[sp - 1] = inplaceOp(OP_ADD, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a + b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = inplaceOp(OP_ADD, a, b);
            continue;
          }
          case 44: { // INPLACE_SUBTRACT
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a - b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? r : intSub(a, b);
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value - b.value;
              else if (typeof b === 'number') fd = a.value - b;
              else {
                fast[sp - 1] = inplaceOp(OP_SUB, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a - b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = inplaceOp(OP_SUB, a, b);
            continue;
          }
          case 45: { // INPLACE_MULTIPLY
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a * b;
              fast[sp - 1] = r <= 9007199254740991 && r >= -9007199254740991 ? (r === 0 ? 0 : r) : intMul(a, b);
            } else if (a instanceof PyFloat && a.type === FT) {
              if (b instanceof PyFloat && b.type === FT) fd = a.value * b.value;
              else if (typeof b === 'number') fd = a.value * b;
              else {
                fast[sp - 1] = inplaceOp(OP_MUL, a, b);
                continue;
              }
              sp--;
              break ops; // the float chain
            } else if (typeof a === 'number' && b instanceof PyFloat && b.type === FT) {
              fd = a * b.value;
              sp--;
              break ops;
            } else fast[sp - 1] = inplaceOp(OP_MUL, a, b);
            continue;
          }
          case 46: // INPLACE_MATRIX_MULTIPLY
          case 47: // INPLACE_TRUE_DIVIDE
          case 48: // INPLACE_FLOOR_DIVIDE
          case 49: // INPLACE_MODULO
          case 50: // INPLACE_POWER
          case 51: // INPLACE_LSHIFT
          case 52: // INPLACE_RSHIFT
          case 53: // INPLACE_AND
          case 54: // INPLACE_OR
          case 55: { // INPLACE_XOR
            const b = fast[--sp];
            fast[sp - 1] = inplaceOp((w & 0xff) - 43, fast[sp - 1], b);
            continue;
          }
          case 56: { // UNARY_NEGATIVE
            const a = fast[sp - 1];
            if (typeof a === 'number' && a !== 0) fast[sp - 1] = -a;
            else if (a instanceof PyFloat && a.type === FT) {
              fd = -a.value;
              sp--;
              break ops;
            } else fast[sp - 1] = unaryOp(UN_NEG, a);
            continue;
          }
          case 59: { // UNARY_NOT
            const a = fast[sp - 1];
            fast[sp - 1] = a === true ? false : a === false ? true : !truthy(a);
            continue;
          }
          case 60: { // COMPARE_LT
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') fast[sp - 1] = a < b;
            else if (a instanceof PyFloat && b instanceof PyFloat && a.type === FT && b.type === FT) fast[sp - 1] = a.value < b.value;
            else {
              const r = compareFast(CMP_LT, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_LT);
            }
            continue;
          }
          case 61: { // COMPARE_LE
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') fast[sp - 1] = a <= b;
            else if (a instanceof PyFloat && b instanceof PyFloat && a.type === FT && b.type === FT) fast[sp - 1] = a.value <= b.value;
            else {
              const r = compareFast(CMP_LE, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_LE);
            }
            continue;
          }
          case 62: { // COMPARE_EQ
            const b = fast[--sp];
            const a = fast[sp - 1];
            if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) fast[sp - 1] = a === b;
            else {
              const r = compareFast(CMP_EQ, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_EQ);
            }
            continue;
          }
          case 63: { // COMPARE_NE
            const b = fast[--sp];
            const a = fast[sp - 1];
            if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) fast[sp - 1] = a !== b;
            else {
              const r = compareFast(CMP_NE, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_NE);
            }
            continue;
          }
          case 64: { // COMPARE_GT
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') fast[sp - 1] = a > b;
            else if (a instanceof PyFloat && b instanceof PyFloat && a.type === FT && b.type === FT) fast[sp - 1] = a.value > b.value;
            else {
              const r = compareFast(CMP_GT, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_GT);
            }
            continue;
          }
          case 65: { // COMPARE_GE
            const b = fast[--sp];
            const a = fast[sp - 1];
            if (typeof a === 'number' && typeof b === 'number') fast[sp - 1] = a >= b;
            else if (a instanceof PyFloat && b instanceof PyFloat && a.type === FT && b.type === FT) fast[sp - 1] = a.value >= b.value;
            else {
              const r = compareFast(CMP_GE, a, b);
              fast[sp - 1] = r !== undefined ? r : compare(a, b, CMP_GE);
            }
            continue;
          }
          case 66: { // IS_OP
            const b = fast[--sp];
            const a = fast[sp - 1];
            const r = a === b;
            fast[sp - 1] = w >> 8 === 1 ? !r : r;
            continue;
          }
          case 67: { // CONTAINS_OP
            const b = fast[--sp];
            const r = contains(b, fast[sp - 1]);
            fast[sp - 1] = w >> 8 === 1 ? !r : r;
            continue;
          }
          case 70: // JUMP_FORWARD
            pc = w >> 8;
            continue;
          case 71: // JUMP_BACKWARD
            // the safe point is the jump itself (pc - 1 = this instruction, inside the loop and any `try`
            // around it), so an interrupt or a scheduled callback's exception is raised where the loop is
            if (V.pending !== 0 || intr[0] !== 0 || ++V.tick > 65535) V.checkPending();
            pc = w >> 8;
            continue;
          case 72: { // POP_JUMP_IF_FALSE
            const v = fast[--sp];
            if (v === false || (v !== true && !truthy(v))) pc = w >> 8;
            continue;
          }
          case 73: { // POP_JUMP_IF_TRUE
            const v = fast[--sp];
            if (v === true || (v !== false && truthy(v))) pc = w >> 8;
            continue;
          }
          case 74: { // JUMP_IF_FALSE_OR_POP
            const v = fast[sp - 1];
            if (v === false || (v !== true && !truthy(v))) pc = w >> 8;
            else sp--;
            continue;
          }
          case 75: { // JUMP_IF_TRUE_OR_POP
            const v = fast[sp - 1];
            if (v === true || (v !== false && truthy(v))) pc = w >> 8;
            else sp--;
            continue;
          }
          case 76: // GET_ITER
            fast[sp - 1] = getIter(fast[sp - 1]);
            continue;
          case 77: { // FOR_ITER
            const it = fast[sp - 1];
            let v: any;
            const ity = (it as PyObject).type;
            if (ity === RANGE_IT_T && it instanceof RangeIter) {
              const cur = it.cur;
              if (it.step > 0 ? cur < it.stop : cur > it.stop) {
                it.cur = cur + it.step;
                fast[sp++] = cur;
                continue;
              }
              v = STOP;
            } else if ((ity === LIST_IT_T || ity === TUPLE_IT_T) && it instanceof ListIter) {
              const items = it.list.items;
              const i = it.i;
              if (i < items.length) {
                it.i = i + 1;
                fast[sp++] = items[i];
                continue;
              }
              it.i = 0x7fffffff;
              v = STOP;
            } else if (ity === DICT_IT_T && it instanceof DictIter) {
              v = dictIterNext(it);
            } else {
              if (it instanceof PyGenerator && it.kind === GEN_KIND_GENERATOR && !it.running && !it.finished &&
                it.pending === null && it.frame.throwIn === null) {
                // resume the generator inside this loop (no JS recursion); its yield comes back here
                // and completes this FOR_ITER (see YIELD_VALUE / RETURN_VALUE of an inlined frame)
                const g = it.frame;
                if (++V.depth > V.maxDepth) {
                  V.depth--;
                  throw runtimeError('maximum recursion depth exceeded');
                }
                if (it.started) g.fast[g.sp++] = null;
                else it.started = true;
                f.pc = pc;
                f.sp = sp;
                g.back = f;
                g.savedExc = V.excInfo;
                if (it.exc !== null) V.excInfo = it.exc;
                g.inlined = true;
                g.yielded = false;
                it.running = true;
                f = g;
                V.frame = g;
                code = f.code;
                rt = f.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = f.fast;
                cells = f.cells;
                globals = f.globals;
                builtins = f.builtins;
                base = rt.nlocals;
                pc = f.pc;
                sp = f.sp;
                if (V.pending !== 0 || intr[0] !== 0) V.checkPending();
                continue;
              }
              const nx = (it as PyObject).type.next;
              if (nx === null) throw typeError(`'${typeName(it)}' object is not an iterator`);
              v = it instanceof PyGenerator ? nx(it) : nextOrStop(nx, it);
            }
            if (v === STOP) {
              sp--;
              pc = w >> 8;
            } else fast[sp++] = v;
            continue;
          }
          case 78: { // RETURN_VALUE
            const r = fast[--sp];
            if (f.inlined) {
              const g = f;
              f = g.back!;
              V.depth--;
              V.frame = f;
              V.excInfo = g.savedExc;
              if (g.gen !== null) {
                // an inlined generator finished: its FOR_ITER in the caller pops the iterator and exits
                g.pc = pc;
                g.sp = sp;
                leaveInlineGen(g);
                g.gen.finished = true;
                g.gen.retval = r;
                g.gen.exc = null;
                code = f.code;
                rt = f.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = f.fast;
                cells = f.cells;
                globals = f.globals;
                builtins = f.builtins;
                base = rt.nlocals;
                pc = f.pc;
                sp = f.sp;
                sp--;
                pc = words[pc - 1] >> 8;
                continue;
              }
              const io = g.initObj;
              releaseFrame(g);
              code = f.code;
              rt = f.rt;
              words = rt.words;
              consts = rt.consts;
              names = code.names;
              caches = rt.caches;
              fast = f.fast;
              cells = f.cells;
              globals = f.globals;
              builtins = f.builtins;
              base = rt.nlocals;
              pc = f.pc;
              sp = f.sp;
              if (io !== null) {
                // an inlined __init__ (CALL of a plain class) ended: the call's value is the instance; the
                // error for a non-None result is raised at the CALL
                if (r !== null) throw typeError(`__init__() should return None, not '${typeName(r)}'`);
                fast[sp++] = io;
                continue;
              }
              fast[sp++] = r;
              continue;
            }
            V.depth--;
            V.frame = back;
            V.excInfo = savedExc;
            if (f.pooled) releaseFrame(f);
            else {
              f.pc = pc;
              f.sp = sp;
            }
            return r;
          }
          case 80: { // RAISE_VARARGS
            const n = w >> 8;
            if (n === 0) {
              // a bare `raise` re-raises without a new traceback entry (CPython do_raise -> exception_unwind)
              thrown = V.excInfo;
              if (thrown === null) throw runtimeError('No active exception to reraise');
              reraise = true;
              break dispatch;
            }
            if (n === 1) thrown = raiseFrom(fast[--sp], null, false);
            else {
              const cause = fast[--sp];
              thrown = raiseFrom(fast[--sp], cause, true);
            }
            break dispatch;
          }
          case 81: { // RERAISE
            thrown = fast[--sp];
            reraise = true;
            break dispatch;
          }
          case 82: { // PUSH_EXC_INFO
            const e = fast[sp - 1];
            fast[sp - 1] = V.excInfo;
            fast[sp++] = e;
            V.excInfo = e;
            continue;
          }
          case 83: // POP_EXCEPT
            V.excInfo = fast[--sp];
            continue;
          case 84: { // CHECK_EXC_MATCH
            const t = fast[--sp];
            const m = checkExcMatch(fast[sp - 1], t);
            fast[sp++] = m;
            continue;
          }
          case 90: { // CALL
            const n = w >> 8;
            const fi = sp - n - 1;
            const fn = fast[fi];
            let r: any;
            // dispatch on the exact type first (`instanceof` walks prototype chains when it fails)
            const ft = typeof fn === 'object' && fn !== null ? (fn as PyObject).type : null;
            // a plain user class: a new instance, then its Python __init__ runs inline (RETURN_VALUE pushes
            // the instance)
            let init: PyFunction | null = null;
            if (ft === TYPE_T && (init = plainInit(fn)) !== null) {
              const obj = allocInstance(fn);
              const g = prepareInline(init, obj, fast, fi + 1, n);
              if (g !== null) {
                g.initObj = obj;
                f.pc = pc;
                f.sp = fi;
                if (++V.depth > V.maxDepth) {
                  V.depth--;
                  releaseFrame(g);
                  throw runtimeError('maximum recursion depth exceeded');
                }
                g.back = f;
                g.savedExc = V.excInfo;
                g.inlined = true;
                f = g;
                V.frame = g;
                code = g.code;
                rt = g.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = g.fast;
                cells = g.cells;
                globals = g.globals;
                builtins = g.builtins;
                base = rt.nlocals;
                pc = 0;
                sp = base;
                if (V.pending !== 0 || intr[0] !== 0) V.checkPending();
                continue;
              }
            }
            if (ft === FUNC_T || (ft === METHOD_T && fn.func instanceof PyFunction)) {
              const g = ft === FUNC_T ? prepareInline(fn, undefined, fast, fi + 1, n) : prepareInline(fn.func, fn.self, fast, fi + 1, n);
              if (g !== null) {
                f.pc = pc;
                f.sp = fi;
                if (++V.depth > V.maxDepth) {
                  V.depth--;
                  releaseFrame(g);
                  throw runtimeError('maximum recursion depth exceeded');
                }
                g.back = f;
                g.savedExc = V.excInfo;
                g.inlined = true;
                f = g;
                V.frame = g;
                code = g.code;
                rt = g.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = g.fast;
                cells = g.cells;
                globals = g.globals;
                builtins = g.builtins;
                base = rt.nlocals;
                pc = 0;
                sp = base;
                if (V.pending !== 0 || intr[0] !== 0) V.checkPending();
                continue;
              }
              r = ft === FUNC_T ? callFromStack(fn, fast, fi + 1, n) : callMethodFromStack(fn.func, fn.self, fast, fi + 1, n);
            } else if (ft === BUILTIN_T) r = callBuiltinFromStack(fn, fast, fi + 1, n);
            else r = call(fn, stackItems(fast, sp, sp - fi - 1), null);
            sp = fi;
            fast[sp++] = r;
            continue;
          }
          case 91: { // CALL_KW
            const kw = (fast[--sp] as PyTuple).items as string[];
            const n = w >> 8;
            const fi = sp - n - 1;
            const r = call(fast[fi], stackItems(fast, sp, sp - fi - 1), kw);
            sp = fi;
            fast[sp++] = r;
            continue;
          }
          case 93: { // CALL_METHOD
            const n = w >> 8;
            const fi = sp - n - 2;
            const fn = fast[fi];
            const self = fast[fi + 1];
            let r: any;
            const ft = typeof fn === 'object' && fn !== null ? (fn as PyObject).type : null;
            if (ft === BUILTIN_T && self !== undefined) {
              // a builtin method from LOAD_METHOD (list.append, dict.get, str.join...)
              r = callBuiltinMethodFromStack(fn, self, fast, fi + 2, n);
              sp = fi;
              fast[sp++] = r;
              continue;
            }
            if (ft === FUNC_T && (self !== undefined || fn.simple)) {
              const g = prepareInline(fn, self, fast, fi + 2, n);
              if (g !== null) {
                f.pc = pc;
                f.sp = fi;
                if (++V.depth > V.maxDepth) {
                  V.depth--;
                  releaseFrame(g);
                  throw runtimeError('maximum recursion depth exceeded');
                }
                g.back = f;
                g.savedExc = V.excInfo;
                g.inlined = true;
                f = g;
                V.frame = g;
                code = g.code;
                rt = g.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = g.fast;
                cells = g.cells;
                globals = g.globals;
                builtins = g.builtins;
                base = rt.nlocals;
                pc = 0;
                sp = base;
                if (V.pending !== 0 || intr[0] !== 0) V.checkPending();
                continue;
              }
            }
            if (self === undefined) {
              if (ft === FUNC_T) r = callFromStack(fn, fast, fi + 2, n);
              else if (ft === BUILTIN_T) r = callBuiltinFromStack(fn, fast, fi + 2, n);
              else if (ft === METHOD_T && fn.func instanceof PyFunction) r = callMethodFromStack(fn.func, fn.self, fast, fi + 2, n);
              else r = call(fn, stackItems(fast, sp, sp - fi - 2), null);
            } else if (ft === FUNC_T) r = callMethodFromStack(fn, self, fast, fi + 2, n);
            else r = call(fn, stackItems(fast, sp, sp - fi - 1), null);
            sp = fi;
            fast[sp++] = r;
            continue;
          }
          case 94: { // CALL_METHOD_KW
            const kw = (fast[--sp] as PyTuple).items as string[];
            const n = w >> 8;
            const fi = sp - n - 2;
            const fn = fast[fi];
            const self = fast[fi + 1];
            const r = self === undefined ? call(fn, stackItems(fast, sp, sp - fi - 2), kw) : call(fn, stackItems(fast, sp, sp - fi - 1), kw);
            sp = fi;
            fast[sp++] = r;
            continue;
          }
          case 95: { // MAKE_FUNCTION
            const c = fast[--sp] as CodeObject;
            const [fn, nsp] = makeFunction(c, globals, builtins, w >> 8, fast, sp);
            sp = nsp;
            fast[sp++] = fn;
            continue;
          }
          case 100: { // BUILD_TUPLE
            const n = w >> 8;
            if (n === 0) fast[sp++] = EMPTY_TUPLE;
            else {
              if (vm.heapLock !== 0) checkHeap();
              const items = stackItems(fast, sp, n);
              sp -= n;
              fast[sp++] = new PyTuple(items);
            }
            continue;
          }
          case 101: { // BUILD_LIST
            const n = w >> 8;
            if (vm.heapLock !== 0) checkHeap();
            const items = n === 0 ? [] : stackItems(fast, sp, n);
            sp -= n;
            fast[sp++] = new PyList(items);
            continue;
          }
          case 104: { // BUILD_STRING
            const n = w >> 8;
            let s = '';
            for (let i = sp - n; i < sp; i++) s += fast[i] as string;
            sp -= n;
            fast[sp++] = s;
            continue;
          }
          case 105: { // LIST_APPEND
            const v = fast[--sp];
            if ((fast[sp - (w >> 8)] as PyList).items.push(v) > MAX_LIST_ITEMS) throw memoryError();
            continue;
          }
          case 113: // UNPACK_SEQUENCE
            sp = unpackSequence(fast, sp, w >> 8);
            continue;
          case 120: { // YIELD_VALUE
            const v = fast[--sp];
            f.pc = pc;
            f.sp = sp;
            f.yieldPc = pc - 1;
            f.yielded = true;
            V.depth--;
            if (f.inlined) {
              // a generator resumed by FOR_ITER in this loop: back to the caller with the value
              const g = f;
              yieldInlineGen(g);
              f = g.back!;
              V.frame = f;
              code = f.code;
              rt = f.rt;
              words = rt.words;
              consts = rt.consts;
              names = code.names;
              caches = rt.caches;
              fast = f.fast;
              cells = f.cells;
              globals = f.globals;
              builtins = f.builtins;
              base = rt.nlocals;
              pc = f.pc;
              sp = f.sp;
              fast[sp++] = v;
              continue;
            }
            V.frame = back;
            if (f.gen !== null) f.gen.exc = V.excInfo;
            V.excInfo = savedExc;
            return v;
          }
          case 121: { // YIELD_FROM
            const v = fast[--sp];
            const it = fast[sp - 1];
            const r = yieldFromStep(it, v);
            if (r === STOP) {
              fast[sp - 1] = V.yieldFromResult;
              V.yieldFromResult = null;
              continue;
            }
            f.pc = pc - 1;
            f.sp = sp;
            f.yieldPc = pc - 1;
            f.yielded = true;
            V.depth--;
            if (f.inlined) {
              const g = f;
              yieldInlineGen(g);
              f = g.back!;
              V.frame = f;
              code = f.code;
              rt = f.rt;
              words = rt.words;
              consts = rt.consts;
              names = code.names;
              caches = rt.caches;
              fast = f.fast;
              cells = f.cells;
              globals = f.globals;
              builtins = f.builtins;
              base = rt.nlocals;
              pc = f.pc;
              sp = f.sp;
              fast[sp++] = r;
              continue;
            }
            V.frame = back;
            if (f.gen !== null) f.gen.exc = V.excInfo;
            V.excInfo = savedExc;
            return r;
          }
          case 126: { // END_ASYNC_FOR
            const exc = fast[--sp];
            sp--;
            if (exc instanceof PyBaseException && exc.type.isSubtypeOf(T.stopAsyncIterationType)) continue;
            reraise = true;
            throw exc;
          }
          case 200: { // LOAD_FAST_LOAD_FAST
            const ia = (w >> 8) & 0xfff;
            const a = fast[ia];
            if (a === undefined) throw unboundLocal(code, ia);
            const b = fast[w >> 20];
            if (b === undefined) throw unboundLocal(code, w >> 20);
            fast[sp++] = a;
            fast[sp++] = b;
            pc++;
            continue;
          }
          case 201: { // STORE_FAST_LOAD_FAST
            fast[(w >> 8) & 0xfff] = fast[--sp];
            const b = fast[w >> 20];
            if (b === undefined) throw unboundLocal(code, w >> 20);
            fast[sp++] = b;
            pc++;
            continue;
          }
          case 202: { // FOR_ITER_STORE_FAST
            const it = fast[sp - 1];
            let v: any;
            const ity = (it as PyObject).type;
            if (ity === RANGE_IT_T && it instanceof RangeIter) {
              const cur = it.cur;
              if (it.step > 0 ? cur < it.stop : cur > it.stop) {
                it.cur = cur + it.step;
                fast[words[pc++] >> 8] = cur;
                continue;
              }
              v = STOP;
            } else if ((ity === LIST_IT_T || ity === TUPLE_IT_T) && it instanceof ListIter) {
              const items = it.list.items;
              const i = it.i;
              if (i < items.length) {
                it.i = i + 1;
                fast[words[pc++] >> 8] = items[i];
                continue;
              }
              it.i = 0x7fffffff;
              v = STOP;
            } else if (ity === DICT_IT_T && it instanceof DictIter) {
              v = dictIterNext(it);
            } else {
              if (it instanceof PyGenerator && it.kind === GEN_KIND_GENERATOR && !it.running && !it.finished &&
                it.pending === null && it.frame.throwIn === null) {
                // resume the generator inside this loop (no JS recursion); its yield comes back here
                // and completes this FOR_ITER (see YIELD_VALUE / RETURN_VALUE of an inlined frame)
                const g = it.frame;
                if (++V.depth > V.maxDepth) {
                  V.depth--;
                  throw runtimeError('maximum recursion depth exceeded');
                }
                if (it.started) g.fast[g.sp++] = null;
                else it.started = true;
                f.pc = pc;
                f.sp = sp;
                g.back = f;
                g.savedExc = V.excInfo;
                if (it.exc !== null) V.excInfo = it.exc;
                g.inlined = true;
                g.yielded = false;
                it.running = true;
                f = g;
                V.frame = g;
                code = f.code;
                rt = f.rt;
                words = rt.words;
                consts = rt.consts;
                names = code.names;
                caches = rt.caches;
                fast = f.fast;
                cells = f.cells;
                globals = f.globals;
                builtins = f.builtins;
                base = rt.nlocals;
                pc = f.pc;
                sp = f.sp;
                if (V.pending !== 0 || intr[0] !== 0) V.checkPending();
                continue;
              }
              const nx = (it as PyObject).type.next;
              if (nx === null) throw typeError(`'${typeName(it)}' object is not an iterator`);
              v = it instanceof PyGenerator ? nx(it) : nextOrStop(nx, it);
            }
            if (v === STOP) {
              sp--;
              pc = w >> 8;
            } else fast[words[pc++] >> 8] = v;
            continue;
          }
          case 204: // FAST_INT_BINOP
          case 205: // INT_BINOP
          case 210: // FAST_CONST_BINOP
          case 211: // CONST_BINOP
          case 214: // FAST_FAST_BINOP
          case 216: { // FAST_BINOP
            // a OP b: a is a local (FAST_*_BINOP: this word's argument) or the top of the stack (INT_,
            // CONST_, FAST_BINOP); b is the operand of the load word just before the operator word (a small
            // int, a constant or a local)
            const sop = w & 0xff;
            let a: any;
            if (sop === 205 || sop === 211 || sop === 216) a = fast[--sp];
            else {
              a = fast[w >> 8];
              if (a === undefined) throw unboundLocal(code, w >> 8);
              pc++;
            }
            const bw = words[pc - 1];
            let b: any;
            if (sop <= 205) b = bw >> 8;
            else if (sop >= 214) {
              b = fast[bw >> 8];
              if (b === undefined) throw unboundLocal(code, bw >> 8);
            } else b = consts[bw >> 8];
            const opc = words[pc++] & 0xff;
            let r: any;
            if (typeof a === 'number' && typeof b === 'number') {
              switch (opc) {
                case 30: case 43: r = a + b; if (r > 9007199254740991 || r < -9007199254740991) r = intAdd(a, b); break;
                case 31: case 44: r = a - b; if (r > 9007199254740991 || r < -9007199254740991) r = intSub(a, b); break;
                case 32: case 45: r = a * b; if (r > 9007199254740991 || r < -9007199254740991) r = intMul(a, b); else if (r === 0) r = 0; break;
                case 34: case 47: if (b !== 0) r = new PyFloat(a / b); break;
                case 35: case 48: if (b > 0 && a >= 0) r = Math.floor(a / b); break;
                case 36: case 49: if (b > 0 && a >= 0) r = a % b; break;
                case 39: case 52: if (b >= 0 && b < 32 && (a | 0) === a) r = a >> b; break;
                case 40: case 53: if ((a | 0) === a && (b | 0) === b) r = a & b; break;
                case 41: case 54: if ((a | 0) === a && (b | 0) === b) r = a | b; break;
                case 42: case 55: if ((a | 0) === a && (b | 0) === b) r = a ^ b; break;
              }
            } else if (typeof a === 'string' && typeof b === 'string') {
              if (opc === 30 || opc === 43) r = a + b;
            } else {
              // float with float or int: exact floats only (subclasses may override the operator). x and y
              // stay plain doubles (a number|undefined variable would box them)
              let ok = true;
              let x = 0;
              let y = 0;
              if (typeof a === 'number') x = a;
              else if (a instanceof PyFloat && a.type === FT) x = a.value;
              else ok = false;
              if (typeof b === 'number') y = b;
              else if (b instanceof PyFloat && b.type === FT) y = b.value;
              else ok = false;
              if (ok) {
                switch (opc) {
                  case 30: case 43: fd = x + y; break ops;
                  case 31: case 44: fd = x - y; break ops;
                  case 32: case 45: fd = x * y; break ops;
                  case 34: case 47: if (y !== 0) {
                    fd = x / y;
                    break ops;
                  }
                }
              }
            }
            if (r === undefined) r = opc >= 43 ? inplaceOp(opc - 43, a, b) : binaryOp(opc - 30, a, b);
            // a STORE_FAST next (`x = a + b`, `t += i`) runs here too: it cannot raise, so it needs no line
            // or handler of its own
            const nw = words[pc];
            if ((nw & 0xff) === 8) {
              fast[nw >> 8] = r;
              pc++;
            } else fast[sp++] = r;
            continue;
          }
          case 206: // FAST_INT_COMPARE_JUMP
          case 207: // INT_COMPARE_JUMP
          case 212: // FAST_CONST_COMPARE_JUMP
          case 213: // CONST_COMPARE_JUMP
          case 215: { // FAST_FAST_COMPARE_JUMP
            // the operands as for FAST_INT_BINOP; then the compare word and the jump word
            const sop = w & 0xff;
            let a: any;
            if (sop === 207 || sop === 213) a = fast[--sp];
            else {
              a = fast[w >> 8];
              if (a === undefined) throw unboundLocal(code, w >> 8);
              pc++;
            }
            const bw = words[pc - 1];
            let b: any;
            if (sop <= 207) b = bw >> 8;
            else if (sop === 215) {
              b = fast[bw >> 8];
              if (b === undefined) throw unboundLocal(code, bw >> 8);
            } else b = consts[bw >> 8];
            const cop = (words[pc++] & 0xff) - 60;
            const jw = words[pc++];
            let r: boolean;
            // x and y stay plain doubles (see FAST_INT_BINOP); cop is CMP_LT..CMP_GE (0..5)
            let ok = true;
            let x = 0;
            let y = 0;
            if (typeof a === 'number') x = a;
            else if (a instanceof PyFloat && a.type === FT) x = a.value;
            else ok = false;
            if (typeof b === 'number') y = b;
            else if (b instanceof PyFloat && b.type === FT) y = b.value;
            else ok = false;
            if (ok) {
              switch (cop) {
                case 0: r = x < y; break;
                case 1: r = x <= y; break;
                case 2: r = x === y; break;
                case 3: r = x !== y; break;
                case 4: r = x > y; break;
                default: r = x >= y;
              }
            } else r = compareBool(cop, a, b);
            if (r === ((jw & 0xff) === 73)) pc = jw >> 8;
            continue;
          }
          case 203: { // COMPARE_JUMP
            const b = fast[--sp];
            const a = fast[--sp];
            const arg = w >> 8;
            let r: boolean;
            if (a instanceof PyFloat && b instanceof PyFloat && a.type === FT && b.type === FT) {
              const x = a.value;
              const y = b.value;
              switch (arg & 7) {
                case 0: r = x < y; break;
                case 1: r = x <= y; break;
                case 2: r = x === y; break;
                case 3: r = x !== y; break;
                case 4: r = x > y; break;
                default: r = x >= y;
              }
            } else r = compareBool(arg & 7, a, b);
            const jw = words[pc++];
            if (r === ((arg & 8) !== 0)) pc = jw >> 8;
            continue;
          }
          default:
            sp = execCold(f, w, fast, sp, pc);
            continue;
        }
        // Float chain (reached by `break ops` only): an operator produced the exact float fd, conceptually
        // on top of the stack. While the next instructions are float operations that cannot raise (+ - *
        // and / by nonzero on exact floats and ints), run them here on the plain double, so intermediate
        // results (`a * b + c`, `v += a * dt`) are never boxed; then store, compare-and-jump or push the
        // result. Nothing here raises, so crossing a line or exception-range boundary is not observable;
        // anything else (a subclass, an unbound local, x / 0.0) leaves the chain at an instruction start
        // and runs normally.
        chain: for (;;) {
          const nw = words[pc];
          const no = nw & 0xff;
          if (no === 8) { // STORE_FAST
            fast[nw >> 8] = new PyFloat(fd);
            pc++;
            continue dispatch;
          }
          if (no >= 30 && no <= 47) {
            // a binary operator with the stack's top as its left operand
            const a = fast[sp - 1];
            let x = 0;
            if (typeof a === 'number') x = a;
            else if (a instanceof PyFloat && a.type === FT) x = a.value;
            else break;
            switch (no) {
              case 30: case 43: fd = x + fd; break;
              case 31: case 44: fd = x - fd; break;
              case 32: case 45: fd = x * fd; break;
              case 34: case 47:
                if (fd === 0) break chain;
                fd = x / fd;
                break;
              default: break chain;
            }
            sp--;
            pc++;
            continue;
          }
          // fd OP operand (FAST_BINOP, CONST_BINOP, INT_BINOP) or fd CMP operand and jump
          let b: any;
          if (no === 216) {
            b = fast[nw >> 8];
            if (b === undefined) break;
          } else if (no === 211 || no === 213) b = consts[nw >> 8];
          else if (no === 205 || no === 207) b = nw >> 8;
          else break;
          let y = 0;
          if (typeof b === 'number') y = b;
          else if (b instanceof PyFloat && b.type === FT) y = b.value;
          else break;
          if (no === 216 || no === 211 || no === 205) {
            switch (words[pc + 1] & 0xff) {
              case 30: case 43: fd = fd + y; break;
              case 31: case 44: fd = fd - y; break;
              case 32: case 45: fd = fd * y; break;
              case 34: case 47:
                if (y === 0) break chain;
                fd = fd / y;
                break;
              default: break chain;
            }
            pc += 2;
            continue;
          }
          let r: boolean;
          switch ((words[pc + 1] & 0xff) - 60) {
            case 0: r = fd < y; break;
            case 1: r = fd <= y; break;
            case 2: r = fd === y; break;
            case 3: r = fd !== y; break;
            case 4: r = fd > y; break;
            default: r = fd >= y;
          }
          const jw = words[pc + 2];
          pc = r === ((jw & 0xff) === 73) ? jw >> 8 : pc + 3;
          continue dispatch;
        }
        fast[sp++] = new PyFloat(fd);
      }
    } catch (e0) {
      thrown = e0;
    }
    {
      const e0 = thrown;
      let e: PyBaseException;
      if (e0 instanceof PyBaseException) e = e0;
      else e = exceptionFromHost(e0);
      let k = -1;
      for (;;) {
      const i = pc - 1;
      if (!reraise) {
        addTraceback(e, code, i);
        const ctx = V.excInfo;
        if (ctx !== null && ctx !== e && e.context === null) {
          // avoid cycles (CPython _PyErr_SetObject)
          let o: PyBaseException | null = ctx;
          let cyclic = false;
          while (o !== null) {
            if (o === e) {
              cyclic = true;
              break;
            }
            o = o.context;
          }
          if (!cyclic) e.context = ctx;
        }
      }
      reraise = false;
      const table = code.exceptionTable;
      k = table.length === 0 || e === V.fatal ? -1 : findHandler(table, i);
      if (k >= 0 || !f.inlined) break;
      // no handler in an inlined frame: leave it and look again in its caller (at its CALL)
      const g = f;
      f = g.back!;
      V.depth--;
      V.frame = f;
      V.excInfo = g.savedExc;
      if (g.gen !== null) {
        // an exception ends an inlined generator (as genNext would report it to its caller)
        g.pc = pc;
        g.sp = base;
        leaveInlineGen(g);
        g.gen.finished = true;
        if (e.type.isSubtypeOf(T.stopIterationType)) e = generatorRaisedStop(e);
      } else releaseFrame(g);
      code = f.code;
      rt = f.rt;
      words = rt.words;
      consts = rt.consts;
      names = code.names;
      caches = rt.caches;
      fast = f.fast;
      cells = f.cells;
      globals = f.globals;
      builtins = f.builtins;
      base = rt.nlocals;
      pc = f.pc;
      sp = f.sp;
      }
      if (k < 0) {
        V.depth--;
        V.frame = back;
        V.excInfo = savedExc;
        if (f.pooled) releaseFrame(f);
        else {
          f.pc = pc;
          f.sp = base;
          f.yielded = false;
        }
        throw e;
      }
      const table = code.exceptionTable;
      sp = base + table[k + 3];
      fast[sp++] = e;
      pc = table[k + 2];
    }
  }
}

function fnName(f: any): string {
  if (f instanceof PyFunction) return f.qualname + '()';
  if (f instanceof PyBuiltin) return f.name + '()';
  if (f instanceof PyBoundMethod) return fnName(f.func);
  if (f instanceof PyType) return f.name + '()';
  return typeName(f) + ' object';
}

/** The value of e.__traceback__ (an opaque object; None if no traceback). */
export function tracebackObject(e: PyBaseException): any {
  return e.traceback === null ? null : vm.tracebackOf(e);
}

export { GEN_KIND_COROUTINE, GEN_KIND_GENERATOR, Ellipsis, NotImplemented, isInstance, bindDescr, noAttr, EMPTY_SHAPE, instGet, CO_OPTIMIZED, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_INPLACE, PyObject, memoryError, getAttr, callBuiltin, PyCell as Cell, DELETED as _DELETED, PySet };
