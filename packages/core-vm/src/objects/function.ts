// Functions and their relatives (MicroPython py/objfun.c, py/objboundmeth.c, py/objclosure.c,
// py/objproperty.c; CPython Objects/funcobject.c, descrobject.c):
//  - PyFunction: a Python function (code + globals + defaults + closure), attributes allowed (f.x = 0);
//  - PyBuiltin: a function written in TypeScript, with a declared argument shape (see `BuiltinSpec`);
//  - PyBoundMethod, PyCell, and the descriptor types staticmethod / classmethod / property.
import { CO_HAS_DOCSTRING, type CodeObject } from '@mpy-ts/bytecode';
import { PyObject, PyInstance, type PyType } from '../object.js';
import * as T from '../types.js';
import type { PyDict } from './dict.js';
import type { PyTuple } from './tuple.js';

export class PyCell extends PyObject {
  value: any;
  constructor(value: any) {
    super(T.cellType);
    this.value = value;
  }
}

export class PyFunction extends PyInstance {
  code: CodeObject;
  globals: PyDict;
  /**
   * The builtins its calls see, fixed when the function is made (CPython 3.10+ func_builtins): from
   * `globals['__builtins__']` (a module's dict, or the dict itself), else the VM's builtins.
   */
  builtins: PyDict;
  name: string;
  qualname: string;
  /** Positional defaults (for the LAST len(defaults) positional parameters), or null. */
  defaults: any[] | null;
  kwdefaults: PyDict | null;
  closure: PyCell[] | null;
  module: any;
  doc: any;
  annotations: any;
  /**
   * Call fast path eligibility: plain positional parameters only (no *args, **kwargs, keyword-only,
   * not a generator/coroutine). Computed once from the code flags.
   */
  simple: boolean;
  constructor(code: CodeObject, globals: PyDict, closure: PyCell[] | null, builtins: PyDict) {
    super(T.functionType);
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = code.name;
    this.qualname = code.qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = closure;
    this.module = null;
    // the compiler puts a docstring in consts[0] and flags it (as CPython 3.11's co_consts[0])
    this.doc = code.flags & CO_HAS_DOCSTRING ? code.consts[0] : null;
    this.annotations = null;
    this.simple = (code.flags & (0x4 | 0x8 | 0x20 | 0x80 | 0x200)) === 0 && code.kwOnlyArgCount === 0;
  }
}

/** Builtin flags. */
export const BF_RAW = 1; // fn(args, kwnames): gets the vectorcall arguments unparsed
export const BF_VARARGS = 2; // the parameter list ends with *args (a JS array) [and **kwargs]
export const BF_VARKW = 4; // accepts arbitrary keywords: passed as a PyDict (or null) as the last parameter

/**
 * How a builtin takes its arguments (STYLE 11: declared once, bound by the VM):
 * - `params`: the parameter names, as in a Python signature: `'iterable, /, key, *, reverse'`.
 *   Names before `/` are positional-only; names after `*` are keyword-only; `*args` and `**kwargs`
 *   collect the rest. Missing optional arguments reach the function as `undefined`.
 * - `min`: how many leading parameters are required (default: all those before `*`).
 * - `raw: true`: the function receives `(args, kwnames)` unparsed (vectorcall convention).
 * For methods, `params` starts with `self` (it counts towards `min`).
 */
export interface BuiltinSpec {
  params?: string;
  min?: number;
  raw?: boolean;
}

export class PyBuiltin extends PyObject {
  name: string;
  fn: (...args: any[]) => any;
  /** Minimum and maximum number of positional arguments (max -1: unbounded). */
  min: number;
  max: number;
  /** Parameter names (for keywords); positional-only ones are prefixed with '/'. */
  names: string[];
  /** Index of the first keyword-only parameter in `names` (== names.length if none). */
  kwonly: number;
  flags: number;
  /** For methods: the type `self` must be an instance of (null for plain functions). */
  owner: PyType | null;
  /** For builtins exposed as methods of a module or bound at creation time. */
  self: any;
  doc: any;
  constructor(name: string, fn: (...args: any[]) => any, spec: BuiltinSpec | number, owner: PyType | null) {
    super(T.builtinFunctionType);
    this.name = name;
    this.fn = fn;
    this.owner = owner;
    this.self = undefined;
    this.doc = null;
    this.names = [];
    this.flags = 0;
    if (typeof spec === 'number') {
      this.min = spec;
      this.max = spec;
      this.kwonly = 0;
      return;
    }
    if (spec.raw) {
      this.flags = BF_RAW;
      this.min = spec.min ?? 0;
      this.max = -1;
      this.kwonly = 0;
      return;
    }
    const params = (spec.params ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    let kwonly = -1;
    let positionalOnly = -1;
    const names: string[] = [];
    for (const p of params) {
      if (p === '/') positionalOnly = names.length;
      else if (p === '*') kwonly = names.length;
      else if (p.startsWith('**')) this.flags |= BF_VARKW;
      else if (p.startsWith('*')) {
        this.flags |= BF_VARARGS;
        kwonly = names.length;
      } else names.push(p);
    }
    if (positionalOnly >= 0) for (let i = 0; i < positionalOnly; i++) names[i] = '/' + names[i];
    this.names = names;
    this.kwonly = kwonly < 0 ? names.length : kwonly;
    this.min = spec.min ?? this.kwonly;
    this.max = this.flags & BF_VARARGS ? -1 : this.kwonly;
  }
}

/** Flat (no PyObject super call) for cheap allocation; same shape as PyObject (`type` first). */
export class PyBoundMethod {
  type: PyType;
  func: any;
  self: any;
  constructor(func: any, self: any) {
    this.type = T.methodType;
    this.func = func;
    this.self = self;
  }
}

export class PyStaticMethod extends PyInstance {
  func: any;
  constructor(type: PyType, func: any) {
    super(type);
    this.func = func;
  }
}

export class PyClassMethod extends PyInstance {
  func: any;
  constructor(type: PyType, func: any) {
    super(type);
    this.func = func;
  }
}

export class PyProperty extends PyInstance {
  fget: any;
  fset: any;
  fdel: any;
  doc: any;
  /** The attribute name given by __set_name__ (CPython 3.10+ names it in its errors), or null. */
  name: any;
  constructor(type: PyType, fget: any, fset: any, fdel: any, doc: any) {
    super(type);
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this.doc = doc;
    this.name = null;
  }
}

/**
 * A getset descriptor implemented in TypeScript (`__class__`, `__dict__`, `__name__` ...): a data
 * descriptor whose get/set are JS functions.
 */
export class PyGetSet extends PyObject {
  name: string;
  get: (obj: any) => any;
  set: ((obj: any, value: any) => void) | null;
  owner: PyType;
  constructor(owner: PyType, name: string, get: (obj: any) => any, set: ((obj: any, value: any) => void) | null) {
    super(T.getsetType);
    this.owner = owner;
    this.name = name;
    this.get = get;
    this.set = set;
  }
}

/** Define a builtin function (not bound to a type). */
export function builtin(name: string, fn: (...args: any[]) => any, spec: BuiltinSpec | number): PyBuiltin {
  return new PyBuiltin(name, fn, spec, null);
}

/** Add a method to a builtin type's dict; `spec` counts `self`. */
export function defMethod(type: PyType, name: string, fn: (...args: any[]) => any, spec: BuiltinSpec | number): PyBuiltin {
  const b = new PyBuiltin(name, fn, spec, type);
  type.dict.set(name, b);
  return b;
}

/** Add a classmethod implemented in TS: fn(cls, ...args). */
export function defClassMethod(type: PyType, name: string, fn: (...args: any[]) => any, spec: BuiltinSpec | number): void {
  const b = new PyBuiltin(name, fn, spec, null);
  type.dict.set(name, new PyClassMethod(T.classmethodType, b));
}

/** Add a staticmethod implemented in TS. */
export function defStaticMethod(type: PyType, name: string, fn: (...args: any[]) => any, spec: BuiltinSpec | number): void {
  const b = new PyBuiltin(name, fn, spec, null);
  type.dict.set(name, new PyStaticMethod(T.staticmethodType, b));
}

/** Add a read-only (or read-write) attribute computed in TS. */
export function defGetSet(type: PyType, name: string, get: (obj: any) => any, set: ((obj: any, value: any) => void) | null = null): void {
  type.dict.set(name, new PyGetSet(type, name, get, set));
}

export type { PyTuple };
