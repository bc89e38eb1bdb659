// ucollections (spec 4.1.7): namedtuple, OrderedDict and deque. The spec's subset plus what CPython has
// and MicroPython programs use: namedtuple's _fields/_replace/_asdict/_make and keyword construction;
// OrderedDict's order-sensitive equality, move_to_end and popitem(last); deque with maxlen, both ends,
// indexing, rotation and iteration (spec 6.4.3 lists the missing deque as a MicroPython limitation).
import {
  NotImplemented,
  PyDict,
  PyDictSub,
  PyList,
  PyInstance,
  PyObject,
  PyTuple,
  PyTupleSub,
  STOP,
  builtin,
  call,
  defClassMethod,
  defineType,
  dictEntries,
  dictKeys,
  dictSetStr,
  eqBool,
  forEach,
  getAttr,
  indexError,
  keyError,
  isStr,
  repr,
  reprGuard,
  runtimeError,
  strVal,
  toArray,
  toIndex,
  typeError,
  typeName,
  types,
  unhashable,
  valueError,
  CMP_EQ,
  CMP_NE,
  PyProperty,
  PyStaticMethod,
  PyBuiltin,
  PyType,
  type PyModule,
} from '@mpy-ts/core-vm';
import { makeModule } from './util.js';

// ---- namedtuple ----------------------------------------------------------------------------------------

function fieldNames(fields: any): string[] {
  let names: any[];
  if (isStr(fields)) names = strVal(fields).replace(/,/g, ' ').split(/\s+/).filter((s) => s.length > 0);
  else {
    try {
      names = toArray(fields);
    } catch {
      throw typeError(`'${typeName(fields)}' object is not iterable`);
    }
  }
  const out: string[] = [];
  for (const n of names) {
    if (!isStr(n)) throw typeError('Type names and field names must be strings');
    const s = strVal(n);
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s)) throw valueError(`Type names and field names must be valid identifiers: '${s}'`);
    if (s.startsWith('_')) throw valueError(`Field names cannot start with an underscore: '${s}'`);
    if (out.includes(s)) throw valueError(`Encountered duplicate field name: '${s}'`);
    out.push(s);
  }
  return out;
}

/** namedtuple(name, fields, *, defaults=None): a tuple subclass with named fields. */
function namedtuple(name: any, fields: any, rename: any, defaults: any, module: any): PyType {
  void rename;
  if (!isStr(name)) throw typeError('Type names and field names must be strings');
  const typeName_ = strVal(name);
  const names = fieldNames(fields);
  const dflt: any[] = defaults === undefined || defaults === null ? [] : toArray(defaults);
  if (dflt.length > names.length) throw typeError('Got more default values than field names');
  const nfields = names.length;
  const firstDefault = nfields - dflt.length;

  const ns = new PyDict();
  dictSetStr(ns, '__module__', module === undefined || module === null ? '__main__' : module);
  dictSetStr(ns, '__slots__', new PyTuple([]));
  dictSetStr(ns, '_fields', new PyTuple(names.slice()));
  const fieldDefaults = new PyDict();
  names.forEach((n, i) => {
    if (i >= firstDefault) dictSetStr(fieldDefaults, n, dflt[i - firstDefault]);
  });
  dictSetStr(ns, '_field_defaults', fieldDefaults);

  const build = (cls: PyType, args: any[], kwnames: readonly string[] | null): PyTupleSub => {
    const nkw = kwnames?.length ?? 0;
    const npos = args.length - nkw;
    if (npos > nfields) throw typeError(`${typeName_}.__new__() takes ${nfields + 1} positional arguments but ${npos + 1} were given`);
    const items: any[] = new Array(nfields).fill(undefined);
    for (let i = 0; i < npos; i++) items[i] = args[i];
    for (let k = 0; k < nkw; k++) {
      const kw = kwnames![k];
      const i = names.indexOf(kw);
      if (i < 0) throw typeError(`${typeName_}.__new__() got an unexpected keyword argument '${kw}'`);
      if (items[i] !== undefined) throw typeError(`${typeName_}.__new__() got multiple values for argument '${kw}'`);
      items[i] = args[npos + k];
    }
    const missing: string[] = [];
    for (let i = 0; i < nfields; i++) {
      if (items[i] !== undefined) continue;
      if (i >= firstDefault) items[i] = dflt[i - firstDefault];
      else missing.push(`'${names[i]}'`);
    }
    if (missing.length > 0) {
      const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      throw typeError(`${typeName_}.__new__() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
    }
    return new PyTupleSub(cls, items);
  };

  dictSetStr(ns, '__new__', new PyStaticMethod(types.staticmethodType, builtin('__new__', (args: any[], kwnames: readonly string[] | null) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) throw typeError('__new__(X): X is not a type object');
    return build(cls as PyType, args.slice(1), kwnames);
  }, { raw: true, min: 1 })));
  // methods: builtins owned by tuple (so they bind to instances, which are tuples)
  const method = (n: string, fn: (...a: any[]) => any, spec: any) => dictSetStr(ns, n, new PyBuiltin(n, fn, spec, types.tupleType));
  method('__repr__', (self: PyTupleSub) => reprGuard(self, '...', () =>
    `${(self.type as PyType).name}(${names.map((n, i) => `${n}=${repr(self.items[i])}`).join(', ')})`), 1);
  method('_asdict', (self: PyTupleSub) => {
    const d = new PyDict();
    names.forEach((n, i) => dictSetStr(d, n, self.items[i]));
    return d;
  }, 1);
  method('_replace', (args: any[], kwnames: readonly string[] | null) => {
    const self = args[0] as PyTupleSub;
    const nkw = kwnames?.length ?? 0;
    if (args.length - nkw !== 1) throw typeError('_replace() takes 1 positional argument');
    const items = self.items.slice();
    const bad: string[] = [];
    for (let k = 0; k < nkw; k++) {
      const i = names.indexOf(kwnames![k]);
      if (i < 0) bad.push(`'${kwnames![k]}'`);
      else items[i] = args[1 + k];
    }
    if (bad.length > 0) throw valueError(`Got unexpected field names: [${bad.join(', ')}]`);
    return new PyTupleSub(self.type as PyType, items);
  }, { raw: true, min: 1 });
  method('__getnewargs__', (self: PyTupleSub) => new PyTuple(self.items.slice()), 1);
  names.forEach((n, i) => {
    const getter = builtin(n, (self: any) => {
      if (!(self instanceof PyTuple)) throw typeError(`descriptor '${n}' requires a tuple`);
      return self.items[i];
    }, 1);
    dictSetStr(ns, n, new PyProperty(types.propertyType, getter, null, null, `Alias for field number ${i}`));
  });
  const cls = call(types.typeType, [typeName_, new PyTuple([types.tupleType]), ns]) as PyType;
  defClassMethod(cls, '_make', (c: PyType, iterable: any) => {
    const items = toArray(iterable);
    if (items.length !== nfields) throw typeError(`Expected ${nfields} arguments, got ${items.length}`);
    return new PyTupleSub(c, items);
  }, 2);
  cls.modified();
  return cls;
}

/** A namedtuple class made from TypeScript (uos.uname_result and friends). */
export function makeNamedTuple(name: string, fields: string[], module: string): PyType {
  return namedtuple(name, new PyList(fields), undefined, undefined, module);
}

// ---- OrderedDict ---------------------------------------------------------------------------------------

let orderedDictType: PyType | null = null;

function getOrderedDictType(): PyType {
  if (orderedDictType !== null) return orderedDictType;
  const t: PyType = defineType({
    name: 'OrderedDict',
    base: types.dictType,
    module: 'collections',
    instanceAttrs: true,
    keyKind: 3,
    alloc: (type) => new PyDictSub(type),
    make: (type, args, kwnames) => types.dictType.make!(type, args, kwnames),
    slots: {
      hash: unhashable,
      // equality between two OrderedDicts is order-sensitive (CPython; basics/ordereddict_eq.py)
      richcmp: (op: number, a: PyDict, b: any) => {
        if (!(b instanceof PyDict) || (op !== CMP_EQ && op !== CMP_NE)) return NotImplemented;
        let eq: boolean;
        if ((b as PyObject).type.isSubtypeOf(t)) {
          const x = dictEntries(a);
          const y = dictEntries(b);
          eq = x.length === y.length && x.every(([k, v], i) => eqBool(k, y[i][0]) && eqBool(v, y[i][1]));
        } else eq = types.dictType.richcmp!(CMP_EQ, a, b) === true;
        return op === CMP_EQ ? eq : !eq;
      },
    },
    methods: {
      move_to_end: [(self: PyDict, key: any, last: any) => {
        const v = call(getAttr(self, 'pop'), [key]);
        if (last === undefined || last === true || (last !== false && last !== 0 && last !== null)) {
          call(getAttr(self, '__setitem__'), [key, v]);
          return null;
        }
        const rest = dictEntries(self);
        call(getAttr(self, 'clear'), []);
        call(getAttr(self, '__setitem__'), [key, v]);
        for (const [k, x] of rest) call(getAttr(self, '__setitem__'), [k, x]);
        return null;
      }, { params: 'self, key, last', min: 2 }],
      popitem: [(self: PyDict, last: any) => {
        const keys = dictKeys(self);
        if (keys.length === 0) throw keyError('dictionary is empty');
        const first = last === false || last === 0;
        const k = first ? keys[0] : keys[keys.length - 1];
        const v = call(getAttr(self, 'pop'), [k]);
        return new PyTuple([k, v]);
      }, { params: 'self, last', min: 1 }],
    },
  });
  orderedDictType = t;
  return t;
}


// ---- deque ---------------------------------------------------------------------------------------------

export class PyDeque extends PyInstance {
  buf: any[];
  head: number;
  len: number;
  maxlen: number;
  /** Bumped on every change, so an iterator can notice mutation (RuntimeError, as CPython). */
  state: number;
  constructor(type: PyType, maxlen: number) {
    super(type);
    this.buf = new Array(8);
    this.head = 0;
    this.len = 0;
    this.maxlen = maxlen;
    this.state = 0;
  }
  at(i: number): any {
    return this.buf[(this.head + i) % this.buf.length];
  }
  setAt(i: number, v: any): void {
    this.buf[(this.head + i) % this.buf.length] = v;
  }
  private grow(): void {
    const items = this.items();
    this.buf = new Array(Math.max(8, this.buf.length * 2));
    for (let i = 0; i < items.length; i++) this.buf[i] = items[i];
    this.head = 0;
  }
  items(): any[] {
    const out = new Array(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.at(i);
    return out;
  }
  pushRight(v: any): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.len === this.maxlen) this.popLeft();
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) % this.buf.length] = v;
    this.len++;
  }
  pushLeft(v: any): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.len === this.maxlen) this.popRight();
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) % this.buf.length;
    this.buf[this.head] = v;
    this.len++;
  }
  popRight(): any {
    if (this.len === 0) throw indexError('pop from an empty deque');
    this.state++;
    const i = (this.head + this.len - 1) % this.buf.length;
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.len--;
    return v;
  }
  popLeft(): any {
    if (this.len === 0) throw indexError('pop from an empty deque');
    this.state++;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.len--;
    return v;
  }
  clear(): void {
    this.state++;
    this.buf = new Array(8);
    this.head = 0;
    this.len = 0;
  }
  replace(items: any[]): void {
    this.clear();
    for (const v of items) this.pushRight(v);
  }
}

class DequeIter extends PyObject {
  d: PyDeque;
  i: number;
  state: number;
  reverse: boolean;
  constructor(type: PyType, d: PyDeque, reverse: boolean) {
    super(type);
    this.d = d;
    this.i = 0;
    this.state = d.state;
    this.reverse = reverse;
  }
}

function dequeIndex(d: PyDeque, key: any): number {
  if (typeof key === 'object' && key !== null && (key as PyObject).type === types.sliceType) {
    throw typeError('sequence index must be integer, not \'slice\'');
  }
  const i = Number(toIndex(key));
  const j = i < 0 ? i + d.len : i;
  if (!(j >= 0 && j < d.len)) throw indexError('deque index out of range');
  return j;
}

let dequeTypes: { deque: PyType; iter: PyType } | null = null;

function getDequeTypes(): { deque: PyType; iter: PyType } {
  if (dequeTypes !== null) return dequeTypes;
  const iterType = defineType({
    name: '_deque_iterator',
    module: 'collections',
    subclassable: false,
    slots: {
      iter: (x) => x,
      next: (it: DequeIter) => {
        if (it.state !== it.d.state) throw runtimeError('deque mutated during iteration');
        if (it.i >= it.d.len) return STOP;
        const k = it.i++;
        return it.d.at(it.reverse ? it.d.len - 1 - k : k);
      },
    },
  });
  const dequeType: PyType = defineType({
    name: 'deque',
    module: 'collections',
    keyKind: 3,
    alloc: (t) => new PyDeque(t, -1),
    // deque(iterable=(), maxlen=None): MicroPython 1.9.4 required both; CPython makes both optional.
    make: (type, args, kwnames) => {
      const nkw = kwnames?.length ?? 0;
      const npos = args.length - nkw;
      if (npos > 3) throw typeError(`deque() takes at most 3 arguments (${npos} given)`);
      let iterable = npos > 0 ? args[0] : undefined;
      let maxlen = npos > 1 ? args[1] : undefined;
      for (let k = 0; k < nkw; k++) {
        if (kwnames![k] === 'iterable') iterable = args[npos + k];
        else if (kwnames![k] === 'maxlen') maxlen = args[npos + k];
        else throw typeError(`deque() got an unexpected keyword argument '${kwnames![k]}'`);
      }
      let m = -1;
      if (maxlen !== undefined && maxlen !== null) {
        const v = toIndex(maxlen);
        if (v < 0) throw valueError('maxlen must be non-negative');
        m = Number(v);
      }
      const d = new PyDeque(type, m);
      if (iterable !== undefined && iterable !== null) forEach(iterable, (v) => {
        d.pushRight(v);
      });
      return d;
    },
    slots: {
      repr: (x: PyDeque) => reprGuard(x, '[...]', () => {
        const body = `[${x.items().map(repr).join(', ')}]`;
        const name = (x as PyObject).type.name;
        return x.maxlen >= 0 ? `${name}(${body}, maxlen=${x.maxlen})` : `${name}(${body})`;
      }),
      hash: unhashable,
      len: (x: PyDeque) => x.len,
      bool: (x: PyDeque) => x.len > 0,
      iter: (x: PyDeque) => new DequeIter(iterType, x, false),
      contains: (x: PyDeque, v: any) => x.items().some((y) => eqBool(y, v)),
      getitem: (x: PyDeque, key: any) => x.at(dequeIndex(x, key)),
      setitem: (x: PyDeque, key: any, value: any) => {
        const i = dequeIndex(x, key);
        if (value === undefined) {
          const items = x.items();
          items.splice(i, 1);
          x.replace(items);
        } else x.setAt(i, value);
      },
      richcmp: (op: number, a: PyDeque, b: any) => {
        if (!(b instanceof PyDeque)) return NotImplemented;
        return call(getAttr(new PyList(a.items()), ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'][op]), [new PyList(b.items())]);
      },
    },
    methods: {
      append: [(self: PyDeque, v: any) => (self.pushRight(v), null), 2],
      appendleft: [(self: PyDeque, v: any) => (self.pushLeft(v), null), 2],
      pop: [(self: PyDeque) => self.popRight(), 1],
      popleft: [(self: PyDeque) => self.popLeft(), 1],
      extend: [(self: PyDeque, it: any) => {
        const items = it === self ? self.items() : toArray(it);
        for (const v of items) self.pushRight(v);
        return null;
      }, 2],
      extendleft: [(self: PyDeque, it: any) => {
        const items = it === self ? self.items() : toArray(it);
        for (const v of items) self.pushLeft(v);
        return null;
      }, 2],
      clear: [(self: PyDeque) => (self.clear(), null), 1],
      copy: [(self: PyDeque) => {
        const d = new PyDeque(self.type, self.maxlen);
        for (const v of self.items()) d.pushRight(v);
        return d;
      }, 1],
      count: [(self: PyDeque, v: any) => self.items().filter((y) => eqBool(y, v)).length, 2],
      index: [(self: PyDeque, v: any) => {
        const i = self.items().findIndex((y) => eqBool(y, v));
        if (i < 0) throw valueError(`${repr(v)} is not in deque`);
        return i;
      }, 2],
      insert: [(self: PyDeque, i: any, v: any) => {
        if (self.maxlen >= 0 && self.len >= self.maxlen) throw indexError('deque already at its maximum size');
        const items = self.items();
        let k = Number(toIndex(i));
        if (k < 0) k = Math.max(0, k + items.length);
        items.splice(Math.min(k, items.length), 0, v);
        self.replace(items);
        return null;
      }, 3],
      remove: [(self: PyDeque, v: any) => {
        const items = self.items();
        const i = items.findIndex((y) => eqBool(y, v));
        if (i < 0) throw valueError('deque.remove(x): x not in deque');
        items.splice(i, 1);
        self.replace(items);
        return null;
      }, 2],
      reverse: [(self: PyDeque) => (self.replace(self.items().reverse()), null), 1],
      rotate: [(self: PyDeque, n: any) => {
        const len = self.len;
        if (len <= 1) return null;
        let k = n === undefined ? 1 : Number(toIndex(n));
        k = ((k % len) + len) % len;
        const items = self.items();
        self.replace(items.slice(len - k).concat(items.slice(0, len - k)));
        return null;
      }, { params: 'self, n', min: 1 }],
      __reversed__: [(self: PyDeque) => new DequeIter(iterType, self, true), 1],
    },
    getsets: {
      maxlen: (self: PyDeque) => (self.maxlen >= 0 ? self.maxlen : null),
    },
  });
  dequeTypes = { deque: dequeType, iter: iterType };
  return dequeTypes;
}

export function makeCollectionsModule(name = 'ucollections'): PyModule {
  return makeModule(name, {
    // namedtuple(name, fields): "a subclass of tuple which allows to access its fields ... with an
    // attribute access syntax"; fields is a sequence of strings or a string of space-separated names.
    namedtuple: [namedtuple, { params: 'typename, field_names, *, rename, defaults, module', min: 2 }],
    OrderedDict: { value: getOrderedDictType() },
    deque: { value: getDequeTypes().deque },
  });
}
