// One-time set-up of the builtin types (shared by every VM in the process): each objects/*.ts file fills
// its type's slots and methods, then builtin types inherit missing slots from their base and expose their
// native slots as dunder methods (so `int.__add__`, `super().__eq__` and subclass dispatch work).
import { CodeObject } from '@mpy-ts/bytecode';
import { PyType, STOP, TF_BUILTIN, OP_INPLACE, OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
  OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_DIVMOD, UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT, UN_FLOAT, UN_INDEX,
  CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } from './object.js';
import * as T from './types.js';
import { NotImplemented, Ellipsis } from './singletons.js';
import { PyBuiltin, PyStaticMethod, defMethod } from './objects/function.js';
import { PyBaseException, setupExceptions, typeError } from './objects/exceptions.js';
import { PyTuple } from './objects/tuple.js';
import { setupInt } from './objects/int.js';
import { setupFloat, PyFloat } from './objects/float.js';
import { setupComplex } from './objects/complex.js';
import { setupStr, strVal } from './objects/str.js';
import { setupBytes, setFloatBox } from './objects/bytes.js';
import { setupList } from './objects/list.js';
import { setupDict } from './objects/dict.js';
import { setupSet } from './objects/set.js';
import { setupSlice } from './objects/slice.js';
import { setupIterators } from './objects/iterators.js';
import { setupGenerator } from './objects/generator.js';
import { setupModule } from './objects/module.js';
import { setupClasses, BINOP_NAMES, allocInstance } from './classes.js';
import { setupFile } from './modules/file.js';
import { KEY_UNHASHABLE } from './objects/hashtable.js';
import { call, truthy, typeName, unhashable, typeOf as typeOfX, noAttr } from './runtime.js';
import { setAsciiFn } from './format.js';
import { ascii } from './builtins.js';

let done = false;

const ARITH = [OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_DIVMOD];
const FLOATOPS = [OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_DIVMOD];
const SETOPS = [OP_OR, OP_AND, OP_SUB, OP_XOR];

/** Binary operators each builtin type supports, for its dunder wrappers: [ops, in-place ops]. */
function binopsOf(t: PyType): [number[], number[]] {
  switch (t) {
    case T.intType: return [ARITH, []];
    case T.boolType: return [[OP_AND, OP_OR, OP_XOR], []];
    case T.floatType: return [FLOATOPS, []];
    case T.complexType: return [[OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_POW], []];
    case T.strType: return [[OP_ADD, OP_MUL, OP_MOD], []];
    case T.bytesType: return [[OP_ADD, OP_MUL, OP_MOD], []];
    case T.bytearrayType: return [[OP_ADD, OP_MUL, OP_MOD], [OP_ADD, OP_MUL]];
    case T.listType: return [[OP_ADD, OP_MUL], [OP_ADD, OP_MUL]];
    case T.tupleType: return [[OP_ADD, OP_MUL], []];
    case T.dictType: return [[OP_OR], [OP_OR]];
    case T.setType: return [SETOPS, SETOPS];
    case T.frozensetType: return [SETOPS, []];
    default: return [[], []];
  }
}

const UNOPS: [number, string][] = [[UN_NEG, '__neg__'], [UN_POS, '__pos__'], [UN_INVERT, '__invert__'], [UN_ABS, '__abs__'], [UN_INT, '__int__'], [UN_FLOAT, '__float__'], [UN_INDEX, '__index__']];
const UNOPS_OF = new Map<PyType, number[]>([
  [T.intType, [UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT, UN_FLOAT, UN_INDEX]],
  [T.floatType, [UN_NEG, UN_POS, UN_ABS, UN_INT, UN_FLOAT]],
  [T.complexType, [UN_NEG, UN_POS, UN_ABS]],
]);

function def(t: PyType, name: string, fn: (...a: any[]) => any, n: number): void {
  if (!t.dict.has(name)) defMethod(t, name, fn, n);
}

/** Expose a builtin type's native slots as dunder methods in its dict (also used by defineType). */
export function exposeSlots(t: PyType): void {
  if (t.repr !== null) def(t, '__repr__', (x) => t.repr!(x), 1);
  if (t.str !== null) def(t, '__str__', (x) => t.str!(x), 1);
  if (t.keyKind === KEY_UNHASHABLE) {
    if (!t.dict.has('__hash__')) t.dict.set('__hash__', null);
  } else if (t.hash !== null) def(t, '__hash__', (x) => t.hash!(x), 1);
  if (t.richcmp !== null) {
    const names = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
    for (const op of [CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE]) def(t, names[op], (a, b) => t.richcmp!(op, a, b), 2);
  }
  if (t.binop !== null) {
    const [ops, iops] = binopsOf(t);
    for (const op of ops) {
      const n = BINOP_NAMES[op];
      def(t, `__${n}__`, (a, b) => t.binop!(op, a, b, false), 2);
      def(t, `__r${n}__`, (a, b) => t.binop!(op, b, a, true), 2);
    }
    for (const op of iops) def(t, `__i${BINOP_NAMES[op]}__`, (a, b) => t.binop!(op + OP_INPLACE, a, b, false), 2);
  }
  if (t.unop !== null) {
    const ops = UNOPS_OF.get(t) ?? [];
    for (const [op, name] of UNOPS) if (ops.includes(op)) def(t, name, (x) => t.unop!(op, x), 1);
  }
  if (t.bool !== null && (t === T.intType || t === T.floatType || t === T.complexType || t === T.boolType)) def(t, '__bool__', (x) => t.bool!(x), 1);
  if (t.len !== null) def(t, '__len__', (x) => t.len!(x), 1);
  if (t.iter !== null) def(t, '__iter__', (x) => t.iter!(x), 1);
  if (t.next !== null) {
    def(t, '__next__', (x) => {
      const v = t.next!(x);
      if (v === STOP) throw new PyBaseException(T.stopIterationType, new PyTuple([]));
      return v;
    }, 1);
  }
  if (t.getitem !== null) def(t, '__getitem__', (x, k) => t.getitem!(x, k), 2);
  if (t.setitem !== null) {
    def(t, '__setitem__', (x, k, v) => {
      t.setitem!(x, k, v);
      return null;
    }, 3);
    def(t, '__delitem__', (x, k) => {
      t.setitem!(x, k, undefined);
      return null;
    }, 2);
  }
  if (t.contains !== null) def(t, '__contains__', (x, v) => t.contains!(x, v), 2);
  if (t.call !== null && t !== T.typeType) {
    defMethod(t, '__call__', (args: any[], kw: readonly string[] | null) => t.call!(args[0], args.slice(1), kw), { raw: true, min: 1 });
  }
  if (t.getattr !== null && t !== T.objectType && t.getattr !== T.objectType.getattr) {
    def(t, '__getattribute__', (x, name) => {
      const v = t.getattr!(x, strVal(name));
      if (v === undefined) throw noAttr(x, strVal(name));
      return v;
    }, 2);
  }
  if (t.setattr !== null && t !== T.objectType && t.setattr !== T.objectType.setattr) {
    def(t, '__setattr__', (x, name, v) => {
      t.setattr!(x, strVal(name), v);
      return null;
    }, 3);
    def(t, '__delattr__', (x, name) => {
      t.setattr!(x, strVal(name), undefined);
      return null;
    }, 2);
  }
  if (t.descrGet !== null) def(t, '__get__', (d, obj, owner) => t.descrGet!(d, obj === null ? undefined : obj, owner ?? (obj === null ? null : typeOfX(obj))), { params: 'self, instance, owner', min: 2 } as any);
  if (t.descrSet !== null) {
    def(t, '__set__', (d, obj, v) => {
      t.descrSet!(d, obj, v);
      return null;
    }, 3);
    def(t, '__delete__', (d, obj) => {
      t.descrSet!(d, obj, undefined);
      return null;
    }, 2);
  }
}

/** `__new__` for builtin types, so user subclasses construct through them. */
function addNew(t: PyType): void {
  if (t.dict.has('__new__') || t === T.objectType || t === T.typeType || t.make === null) return;
  const mutable = t.dict.has('__init__') && t !== T.objectType;
  const make = t.make;
  const fn = mutable
    ? (args: any[]) => {
        const cls = args[0];
        if (!(cls instanceof PyType) || !cls.isSubtypeOf(t)) throw typeError(`${t.name}.__new__(X): X is not a subtype of ${t.name}`);
        const o = cls === t && t.alloc === null ? make(cls, [], null) : allocInstance(cls);
        if (o instanceof PyBaseException) o.args = new PyTuple(args.slice(1));
        return o;
      }
    : (args: any[], kwnames: readonly string[] | null) => {
        const cls = args[0];
        if (!(cls instanceof PyType) || !cls.isSubtypeOf(t)) throw typeError(`${t.name}.__new__(X): X is not a subtype of ${t.name}`);
        return make(cls, args.slice(1), kwnames);
      };
  t.dict.set('__new__', new PyStaticMethod(T.staticmethodType, new PyBuiltin('__new__', fn, { raw: true, min: 1 }, null)));
}

const SLOTS = ['repr', 'str', 'hash', 'richcmp', 'binop', 'unop', 'bool', 'len', 'iter', 'next', 'getitem', 'setitem',
  'contains', 'call', 'getattr', 'setattr', 'descrGet', 'descrSet', 'make', 'buffer', 'alloc'] as const;

export function bootstrap(): void {
  if (done) return;
  done = true;
  setupClasses();
  setupExceptions();
  setupInt();
  setupFloat();
  setupComplex();
  setupStr();
  setupBytes();
  setupList();
  setupDict();
  setupSet();
  setupSlice();
  setupIterators();
  setupGenerator();
  setupModule();
  setupFile();
  setFloatBox((v) => new PyFloat(v));
  setAsciiFn(ascii);
  Object.defineProperty(CodeObject.prototype, 'type', { value: T.codeType, writable: true, configurable: true });

  const none = T.noneType;
  none.repr = () => 'None';
  none.bool = () => false;
  none.make = (_t, args) => {
    if (args.length > 0) throw typeError('NoneType takes no arguments');
    return null;
  };
  T.notImplementedType.repr = () => 'NotImplemented';
  T.notImplementedType.make = (_t, args) => {
    if (args.length > 0) throw typeError('NotImplementedType takes no arguments');
    return NotImplemented;
  };
  T.ellipsisType.repr = () => 'Ellipsis';
  T.ellipsisType.make = (_t, args) => {
    if (args.length > 0) throw typeError('ellipsis takes no arguments');
    return Ellipsis;
  };

  // inherit missing slots from the base (types.ts creates bases before subclasses)
  // bases before subclasses (the namespace object lists exports alphabetically)
  const all: PyType[] = Object.values(T).filter((v): v is PyType => v instanceof PyType).sort((a, b) => a.mro.length - b.mro.length);
  for (const t of all) {
    if (t.bases.length === 0) continue;
    const b = t.bases[0];
    for (const s of SLOTS) if ((t as any)[s] === null) (t as any)[s] = (b as any)[s];
  }
  for (const t of all) if (t.keyKind === KEY_UNHASHABLE) t.hash = unhashable;
  for (const t of all) {
    if ((t.flags & TF_BUILTIN) === 0) continue;
    if (t.dict.get('__module__') === undefined) t.dict.set('__module__', 'builtins');
    exposeSlots(t);
    addNew(t);
  }
  void call;
  void truthy;
  void typeName;
  void strVal;
}
