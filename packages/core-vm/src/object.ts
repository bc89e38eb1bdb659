// The object model's foundations (MicroPython py/obj.h, CPython Include/object.h): the base class of every
// heap value, type objects as tables of slots, instance-attribute shapes, and the singletons.
//
// VALUE REPRESENTATION (see README.md):
//   int      JS number when a safe integer, JS bigint otherwise (never a bigint in the safe range)
//   bool     JS true / false
//   str      JS string (UTF-16; code-point semantics done by objects/str.ts)
//   None     JS null
//   float    PyFloat box (objects/float.ts), so 1 and 1.0 stay distinct
//   other    instances of JS classes extending PyObject, whose `type` field is their Python type
// `undefined` is never a Python value: it means "unbound" (locals) or "absent" (lookups).

/** Base of every heap-allocated Python value. */
export class PyObject {
  type: PyType;
  constructor(type: PyType) {
    this.type = type;
  }
}

// ---- instance attribute shapes (hidden classes) --------------------------------------------------------

/**
 * The layout of an instance's attribute slot array: attribute name -> index, with transitions to the
 * shape that adds one more name. Instances that delete attributes or expose `__dict__` switch to "dict
 * mode" (shape `DICT_SHAPE`, slots[0] is a PyDict) and never come back.
 */
export class Shape {
  readonly names: string[];
  readonly index: Map<string, number>;
  private next: Map<string, Shape> | null;
  constructor(names: string[]) {
    this.names = names;
    this.index = new Map(names.map((n, i) => [n, i]));
    this.next = null;
  }
  /** The shape with `name` appended (shared, so equal attribute orders give identical shapes). */
  add(name: string): Shape {
    if (this.next === null) this.next = new Map();
    let s = this.next.get(name);
    if (s === undefined) {
      s = new Shape([...this.names, name]);
      this.next.set(name, s);
    }
    return s;
  }
}

export const EMPTY_SHAPE = new Shape([]);
/** Marks an instance whose attributes live in the PyDict at slots[0]. */
export const DICT_SHAPE = new Shape([]);

/**
 * A Python object that carries instance attributes: instances of user classes whose base layout is
 * `object`, exceptions, and (via subclasses in their own files) user subclasses of builtin types.
 * Every class with attributes uses these two field names so generic attribute code can reach them.
 */
export class PyInstance extends PyObject {
  shape: Shape;
  slots: any[];
  constructor(type: PyType) {
    super(type);
    this.shape = EMPTY_SHAPE;
    this.slots = EMPTY_SLOTS;
  }
}
const EMPTY_SLOTS: any[] = [];
Object.freeze(EMPTY_SLOTS);

/** Objects with `shape` and `slots` fields (PyInstance and the attribute-carrying subclasses of builtins). */
export interface AttrHolder {
  shape: Shape;
  slots: any[];
}

// ---- type objects -------------------------------------------------------------------------------------

/** Binary operators (slot `binop`); INPLACE_* = op + OP_INPLACE. Order matches BINARY_ADD.. in opcodes.ts. */
export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
export const OP_MATMUL = 3;
export const OP_TRUEDIV = 4;
export const OP_FLOORDIV = 5;
export const OP_MOD = 6;
export const OP_POW = 7;
export const OP_LSHIFT = 8;
export const OP_RSHIFT = 9;
export const OP_AND = 10;
export const OP_OR = 11;
export const OP_XOR = 12;
export const OP_DIVMOD = 13;
export const OP_INPLACE = 16;

/** Rich comparisons (slot `richcmp`). Order matches COMPARE_LT.. in opcodes.ts. */
export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;

/** Unary operators (slot `unop`). */
export const UN_NEG = 0;
export const UN_POS = 1;
export const UN_INVERT = 2;
export const UN_ABS = 3;
export const UN_INT = 4;
export const UN_FLOAT = 5;
export const UN_INDEX = 6;
export const UN_COMPLEX = 7;

export type BinopSlot = (op: number, a: any, b: any, reflected: boolean) => any;
export type CallSlot = (f: any, args: any[], kwnames: readonly string[] | null) => any;

/** Type flags. */
export const TF_BUILTIN = 0x01; // defined by the VM, immutable from Python
export const TF_BASETYPE = 0x02; // may be subclassed
export const TF_INSTATTRS = 0x04; // instances carry shape/slots attributes
export const TF_EXCEPTION = 0x08; // a BaseException subclass
export const TF_ABSTRACT_HASH = 0x10; // __hash__ = None (unhashable)
export const TF_CUSTOM_GETATTR = 0x20; // a user __getattribute__/__getattr__ anywhere in the MRO
export const TF_NODICT = 0x40; // __slots__ without __dict__: instances take only the slot names

let versionCounter = 1;
/** A fresh, never reused type version (so a version alone identifies a type's attribute state). */
export function nextVersion(): number {
  return versionCounter++;
}

/**
 * A Python type: a table of slots (MicroPython mp_obj_type_t, py/obj.h) plus a dict of attributes and the
 * MRO. Builtin types fill the slots with JS functions; user classes get dispatchers that call the dunder
 * methods (see classes.ts `updateSlots`). Every slot may be null = "not supported"; callers fall back as
 * CPython does. Slot contracts:
 *
 * - `repr(x) -> string`, `str(x) -> string` (null str: use repr).
 * - `hash(x) -> number` (an int; bigint allowed); null: identity hash.
 * - `richcmp(op, a, b) -> any | NotImplemented`: `a` is an instance of this type.
 * - `binop(op, a, b, reflected) -> any | NotImplemented`: `a OP b` in source order; the instance of this
 *   type is `a` when !reflected and `b` when reflected. op >= OP_INPLACE asks for the in-place form (may
 *   return NotImplemented to fall back to the plain one).
 * - `unop(op, x) -> any | undefined` (undefined: not supported; NotImplemented is an ordinary result).
 * - `bool(x) -> boolean`; `len(x) -> number` (null: no len()).
 * - `iter(x) -> iterator`; `next(it) -> value | STOP` (never raises StopIteration for exhaustion).
 * - `getitem(x, key)`, `setitem(x, key, value)` (value undefined = delete).
 * - `contains(x, item) -> boolean`.
 * - `call(f, args, kwnames)`: vectorcall convention: args holds the positional values then one value per
 *   keyword name.
 * - `getattr(x, name) -> any | undefined` (undefined: no such attribute; may also raise AttributeError).
 * - `setattr(x, name, value)` (value undefined = delete).
 * - `descrGet(descr, obj, ownerType)` (obj undefined: accessed on the class; null is None); `descrSet(descr, obj, value)`
 *   (value undefined = delete); a non-null descrSet makes a data descriptor.
 * - `make(type, args, kwnames)`: construct an instance (type.__call__ for this type and its subclasses,
 *   covering __new__ + __init__ for builtins).
 * - `buffer(x) -> Uint8Array | null`: the bytes of a bytes-like object (the live storage for mutable ones).
 */
export class PyType extends PyObject {
  name: string;
  qualname: string;
  bases: PyType[];
  /** Solid base: the builtin ancestor whose layout instances use (object for plain classes). */
  base: PyType | null;
  mro: PyType[];
  dict: Map<string, any>;
  flags: number;
  version: number;
  subclasses: WeakRef<PyType>[];
  /** Allocates a bare instance of a (sub)type with this layout. */
  alloc: ((type: PyType) => any) | null;
  /** MRO lookup cache: name -> the class along the MRO whose dict defines it (null: nowhere). */
  cache: Map<string, PyType | null>;
  /** Extra data for user classes (see classes.ts), null for builtins. */
  ext: any;
  /** How instances act as dict/set keys (KEY_* in objects/hashtable.ts). */
  keyKind: number;

  repr: ((x: any) => string) | null;
  str: ((x: any) => string) | null;
  hash: ((x: any) => number) | null;
  richcmp: ((op: number, a: any, b: any) => any) | null;
  binop: BinopSlot | null;
  unop: ((op: number, x: any) => any) | null;
  bool: ((x: any) => boolean) | null;
  len: ((x: any) => number) | null;
  iter: ((x: any) => any) | null;
  next: ((it: any) => any) | null;
  getitem: ((x: any, key: any) => any) | null;
  setitem: ((x: any, key: any, value: any) => void) | null;
  contains: ((x: any, item: any) => boolean) | null;
  call: CallSlot | null;
  getattr: ((x: any, name: string) => any) | null;
  setattr: ((x: any, name: string, value: any) => void) | null;
  descrGet: ((descr: any, obj: any, owner: PyType) => any) | null;
  descrSet: ((descr: any, obj: any, value: any) => void) | null;
  make: CallSlot | null;
  /** classes.ts plainInit's cache: the __init__ function `cls(...)` runs inline, valid for initVersion. */
  initFn: any;
  initVersion: number;
  buffer: ((x: any) => Uint8Array | null) | null;

  constructor(name: string, bases: PyType[], flags: number) {
    // `type` is patched to typeType by types.ts for the bootstrap types.
    super(undefined as unknown as PyType);
    this.name = name;
    this.qualname = name;
    this.bases = bases;
    this.base = null;
    this.mro = [];
    this.dict = new Map();
    this.flags = flags;
    this.version = nextVersion();
    this.subclasses = [];
    this.alloc = null;
    this.cache = new Map();
    this.ext = null;
    this.keyKind = 1;
    this.repr = null;
    this.str = null;
    this.hash = null;
    this.richcmp = null;
    this.binop = null;
    this.unop = null;
    this.bool = null;
    this.len = null;
    this.iter = null;
    this.next = null;
    this.getitem = null;
    this.setitem = null;
    this.contains = null;
    this.call = null;
    this.getattr = null;
    this.setattr = null;
    this.descrGet = null;
    this.descrSet = null;
    this.make = null;
    this.initFn = null;
    this.initVersion = -1;
    this.buffer = null;
  }

  /** Find `name` along the MRO (no descriptor binding). undefined if absent. */
  lookup(name: string): any {
    const c = this.cache.get(name);
    if (c !== undefined) return c === null ? undefined : c.dict.get(name);
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const t = mro[i];
      const v = t.dict.get(name);
      if (v !== undefined) {
        this.cache.set(name, t);
        return v;
      }
    }
    this.cache.set(name, null);
    return undefined;
  }

  /** The class in the MRO that defines `name`, or null. */
  definer(name: string): PyType | null {
    for (const t of this.mro) if (t.dict.has(name)) return t;
    return null;
  }

  /** Record a change to this type's attributes: new version for it and every subclass. */
  modified(): void {
    this.version = nextVersion();
    this.cache.clear();
    for (const ref of this.subclasses) {
      const sub = ref.deref();
      if (sub !== undefined) sub.modified();
    }
  }

  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  /** Live subclasses (weakly held). */
  liveSubclasses(): PyType[] {
    const out: PyType[] = [];
    for (const ref of this.subclasses) {
      const sub = ref.deref();
      if (sub !== undefined) out.push(sub);
    }
    return out;
  }
}

/** True for values that are not descriptors (replacing one such class attribute by another needs no version bump). */
export function isPlainValue(v: any): boolean {
  if (typeof v !== 'object' || v === null) return true;
  const t = (v as PyObject).type;
  return t.descrGet === null && t.descrSet === null;
}

/** Internal "absent" marker for lookup caches. */
export const MISSING: unique symbol = Symbol('MISSING');

/** Returned by `next` slots when an iterator is exhausted (never a Python value). */
export const STOP: unique symbol = Symbol('STOP');
export type Stop = typeof STOP;

/** C3 linearisation (CPython Objects/typeobject.c mro_implementation); null if inconsistent. */
export function c3(type: PyType, bases: PyType[], failHeads: PyType[] | null = null): PyType[] | null {
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const out: PyType[] = [type];
  for (;;) {
    let nonEmpty = false;
    let cand: PyType | null = null;
    for (const s of seqs) {
      if (s.length === 0) continue;
      nonEmpty = true;
      const head = s[0];
      let inTail = false;
      for (const s2 of seqs) {
        if (s2.indexOf(head, 1) > 0) {
          inTail = true;
          break;
        }
      }
      if (!inTail) {
        cand = head;
        break;
      }
    }
    if (!nonEmpty) return out;
    if (cand === null) {
      // the heads that could not be merged, for CPython's error message
      if (failHeads !== null) for (const s of seqs) if (s.length > 0 && !failHeads.includes(s[0])) failHeads.push(s[0]);
      return null;
    }
    out.push(cand);
    for (const s of seqs) if (s[0] === cand) s.shift();
  }
}
