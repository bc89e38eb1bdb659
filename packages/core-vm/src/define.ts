// defineType: the declarative way to add a builtin type from TypeScript (STYLE 10: a type is a table).
// Used by the numbers/text and u-modules packages, e.g.
//
//   const dequeType = defineType({
//     name: 'deque', base: types.objectType, module: 'ucollections',
//     alloc: (t) => new Deque(t),
//     make: (t, args) => ...,          // deque(...)
//     slots: { len: (x) => x.items.length, iter: ... },
//     methods: { append: [(self, v) => { ...; return null; }, 2] },
//     getsets: { maxlen: (self) => self.maxlen },
//   });
import { PyType, TF_BASETYPE, TF_BUILTIN, TF_INSTATTRS } from './object.js';
import * as T from './types.js';
import { defMethod, defClassMethod, defStaticMethod, defGetSet, PyBuiltin, PyStaticMethod, type BuiltinSpec } from './objects/function.js';
import { typeError } from './objects/exceptions.js';
import { allocInstance } from './classes.js';
import { call } from './runtime.js';
import { exposeSlots } from './bootstrap.js';

type Fn = (...args: any[]) => any;

export interface TypeDefinition {
  name: string;
  /** Base type (default object). Its slots fill any this definition leaves out. */
  base?: PyType;
  /** `__module__` shown in reprs (default 'builtins'). */
  module?: string;
  /** May Python classes subclass it (default true)? */
  subclassable?: boolean;
  /** Instances carry instance attributes (the JS class implements AttrHolder). */
  instanceAttrs?: boolean;
  /** Allocate a bare instance of a (sub)type (used by __new__ of subclasses). */
  alloc?: (type: PyType) => any;
  /** type(...) call: construct an instance. Default: alloc then __init__ if defined. */
  make?: (type: PyType, args: any[], kwnames: readonly string[] | null) => any;
  slots?: Partial<Pick<PyType, 'repr' | 'str' | 'hash' | 'richcmp' | 'binop' | 'unop' | 'bool' | 'len' | 'iter' | 'next' |
    'getitem' | 'setitem' | 'contains' | 'call' | 'getattr' | 'setattr' | 'descrGet' | 'descrSet' | 'buffer'>>;
  /** How instances act as dict keys (KEY_* of hashtable.ts; default: inherited). */
  keyKind?: number;
  methods?: Record<string, [Fn, BuiltinSpec | number]>;
  classmethods?: Record<string, [Fn, BuiltinSpec | number]>;
  staticmethods?: Record<string, [Fn, BuiltinSpec | number]>;
  getsets?: Record<string, Fn | [Fn, Fn]>;
  /** Plain class attributes (constants). */
  attrs?: Record<string, any>;
}

export function defineType(def: TypeDefinition): PyType {
  const base = def.base ?? T.objectType;
  let flags = TF_BUILTIN;
  if (def.subclassable ?? true) flags |= TF_BASETYPE;
  if (def.instanceAttrs) flags |= TF_INSTATTRS;
  const t = new PyType(def.name, [base], flags);
  t.type = T.typeType;
  t.base = def.alloc !== undefined ? t : base.base ?? base;
  const mro: PyType[] = [t];
  for (const m of base.mro) mro.push(m);
  t.mro = mro;
  base.subclasses.push(new WeakRef(t));
  t.dict.set('__module__', def.module ?? 'builtins');
  t.alloc = def.alloc ?? base.alloc;
  for (const k of ['repr', 'str', 'hash', 'richcmp', 'binop', 'unop', 'bool', 'len', 'iter', 'next', 'getitem', 'setitem',
    'contains', 'call', 'getattr', 'setattr', 'descrGet', 'descrSet', 'buffer'] as const) {
    const v = def.slots?.[k];
    (t as any)[k] = v !== undefined ? v : (base as any)[k];
  }
  t.keyKind = def.keyKind ?? base.keyKind;
  for (const [name, [fn, spec]] of Object.entries(def.methods ?? {})) defMethod(t, name, fn, spec);
  for (const [name, [fn, spec]] of Object.entries(def.classmethods ?? {})) defClassMethod(t, name, fn, spec);
  for (const [name, [fn, spec]] of Object.entries(def.staticmethods ?? {})) defStaticMethod(t, name, fn, spec);
  for (const [name, g] of Object.entries(def.getsets ?? {})) {
    if (Array.isArray(g)) defGetSet(t, name, g[0], g[1]);
    else defGetSet(t, name, g);
  }
  for (const [name, v] of Object.entries(def.attrs ?? {})) t.dict.set(name, v);
  const make = def.make;
  t.make =
    make ??
    ((type: PyType, args: any[], kwnames: readonly string[] | null) => {
      if (t.alloc === null) throw typeError(`cannot create '${type.name}' instances`);
      const o = allocInstance(type);
      const init = type.lookup('__init__');
      if (init instanceof PyBuiltin && init.owner !== null) {
        // through call(): the arity and keyword checks of the method's spec apply (never undefined arguments)
        if (init.owner === T.objectType) {
          if (args.length > 0) throw typeError(`${type.name}() takes no arguments`);
        } else call(init, [o, ...args], kwnames);
      }
      return o;
    });
  if (make !== undefined && !t.dict.has('__new__')) {
    t.dict.set('__new__', new PyStaticMethod(T.staticmethodType, new PyBuiltin('__new__', (args: any[], kw: readonly string[] | null) => make(args[0], args.slice(1), kw), { raw: true, min: 1 }, null)));
  }
  // like the VM's own types: slots are also reachable as dunders (a.__setitem__, super().__eq__(b))
  exposeSlots(t);
  return t;
}
