// array (spec 4.1.2): arrays of numeric data with the buffer protocol. The spec documents the constructor,
// append and extend; the rest is CPython's array (spec 6.4.1 lists MicroPython's missing `in`, deletion
// and slice steps as differences, so we do what CPython does): indexing and slicing with any step,
// slice assignment and deletion, `in`, +, +=, *, comparisons, frombytes/tobytes/fromlist/tolist, insert,
// pop, remove, index, count, reverse, byteswap, buffer_info, itemsize and typecode.
// Items are stored little-endian in a Uint8Array with spare capacity; 'l'/'L' follow the VM's word size.
import {
  NotImplemented,
  OP_ADD,
  OP_INPLACE,
  OP_MUL,
  PyByteArray,
  PyBytes,
  PyFloat,
  PyList,
  PyInstance,
  PyObject,
  PySlice,
  PyTuple,
  STOP,
  asInt,
  bufferOf,
  compare,
  defineType,
  eqBool,
  floatRepr,
  forEach,
  indexError,
  isStr,
  overflowError,
  sliceIndices,
  strVal,
  toIndex,
  toNumberValue,
  typeError,
  typeName,
  unhashable,
  valueError,
  CMP_EQ,
  CMP_NE,
  type PyModule,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { makeModule } from './util.js';

interface Code {
  size: number;
  float: boolean;
  signed: boolean;
  /** The struct/memoryview format of one item (l/L map to their sized codes). */
  format: string;
}

function codesFor(longSize: 4 | 8): Record<string, Code> {
  const c = (size: number, signed: boolean, format: string, float = false): Code => ({ size, float, signed, format });
  return {
    b: c(1, true, 'b'), B: c(1, false, 'B'), h: c(2, true, 'h'), H: c(2, false, 'H'), i: c(4, true, 'i'), I: c(4, false, 'I'),
    l: c(longSize, true, longSize === 8 ? 'q' : 'i'), L: c(longSize, false, longSize === 8 ? 'Q' : 'I'),
    q: c(8, true, 'q'), Q: c(8, false, 'Q'), f: c(4, true, 'f', true), d: c(8, true, 'd', true),
  };
}

const CODES_LP64 = codesFor(8);
const CODES_ILP32 = codesFor(4);

export class PyArray extends PyInstance {
  /** The typecode the user gave ('l', 'I', ...). */
  code: string;
  info: Code;
  /** memoryview's view of an item (a struct code of the right size). */
  typecode: string;
  buf: Uint8Array;
  view: DataView;
  /** Number of items. */
  len: number;
  constructor(type: PyType, code: string, info: Code) {
    super(type);
    this.code = code;
    this.info = info;
    this.typecode = info.format;
    this.buf = new Uint8Array(0);
    this.view = new DataView(this.buf.buffer);
    this.len = 0;
  }

  get bytes(): Uint8Array {
    return this.buf.subarray(0, this.len * this.info.size);
  }

  /** Make room for n items in total. */
  reserve(n: number): void {
    const need = n * this.info.size;
    if (need <= this.buf.length) return;
    const nb = new Uint8Array(Math.max(need, this.buf.length * 2, 16));
    nb.set(this.bytes);
    this.buf = nb;
    this.view = new DataView(nb.buffer);
  }

  get(i: number): any {
    const { size, float, signed } = this.info;
    const v = this.view;
    const at = i * size;
    if (float) return new PyFloat(size === 4 ? v.getFloat32(at, true) : v.getFloat64(at, true));
    switch (size) {
      case 1: return signed ? v.getInt8(at) : v.getUint8(at);
      case 2: return signed ? v.getInt16(at, true) : v.getUint16(at, true);
      case 4: return signed ? v.getInt32(at, true) : v.getUint32(at, true);
      default: {
        const x = signed ? v.getBigInt64(at, true) : v.getBigUint64(at, true);
        return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
      }
    }
  }

  set(i: number, x: any): void {
    const { size, float, signed } = this.info;
    const v = this.view;
    const at = i * size;
    if (float) {
      const f = toNumberValue(x);
      if (f === undefined) throw typeError(`must be real number, not ${typeName(x)}`);
      if (size === 4) v.setFloat32(at, f, true);
      else v.setFloat64(at, f, true);
      return;
    }
    const n = itemInt(x);
    const bits = size * 8;
    const lo = signed ? -(2n ** BigInt(bits - 1)) : 0n;
    const hi = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
    const b = BigInt(n);
    if (b < lo || b > hi) throw overflowError(rangeMessage(this.code, signed));
    switch (size) {
      case 1: if (signed) v.setInt8(at, Number(n)); else v.setUint8(at, Number(n)); break;
      case 2: if (signed) v.setInt16(at, Number(n), true); else v.setUint16(at, Number(n), true); break;
      case 4: if (signed) v.setInt32(at, Number(n), true); else v.setUint32(at, Number(n), true); break;
      default: if (signed) v.setBigInt64(at, b, true); else v.setBigUint64(at, b, true);
    }
  }

  push(x: any): void {
    this.reserve(this.len + 1);
    this.set(this.len, x);
    this.len++;
  }

  items(): any[] {
    const out = new Array(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.get(i);
    return out;
  }

  /** Replace items [start, stop) by raw item bytes (whole items). */
  splice(start: number, stop: number, data: Uint8Array): void {
    const size = this.info.size;
    const add = data.length / size;
    const newLen = this.len - (stop - start) + add;
    const tail = this.buf.slice(stop * size, this.len * size);
    this.reserve(newLen);
    this.buf.set(data, start * size);
    this.buf.set(tail, (start + add) * size);
    this.len = newLen;
  }
}

function itemInt(x: any): number | bigint {
  const i = asInt(x);
  if (i !== undefined) return i;
  if (x instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  return toIndex(x);
}

function rangeMessage(code: string, signed: boolean): string {
  if (code === 'b') return 'signed char is greater than maximum';
  if (code === 'B') return 'unsigned byte integer is greater than maximum';
  if (!signed) return `unsigned ${code === 'H' ? 'short' : 'int'} is greater than maximum`;
  return `signed ${code === 'h' ? 'short integer' : 'integer'} is greater than maximum`;
}

function fromBytes(a: PyArray, data: Uint8Array): void {
  if (data.length % a.info.size !== 0) throw valueError('bytes length not a multiple of item size');
  a.splice(a.len, a.len, data.slice());
}

function extendFrom(a: PyArray, src: any): void {
  if (src instanceof PyArray) {
    if (src.code !== a.code) throw typeError('can only extend with array of same kind');
    fromBytes(a, src.bytes.slice());
    return;
  }
  const startLen = a.len;
  try {
    forEach(src, (v) => {
      a.push(v);
    });
  } catch (e) {
    a.len = startLen;
    throw e;
  }
}

function indexOf(a: PyArray, key: any, what: string): number {
  const i = Number(toIndex(key));
  const j = i < 0 ? i + a.len : i;
  if (!Number.isSafeInteger(j) || j < 0 || j >= a.len) throw indexError(what);
  return j;
}

function sliceItems(a: PyArray, s: PySlice): [number, number, number, number] {
  return sliceIndices(s, a.len);
}

export function makeArrayModule(vm: VM, name = 'array'): PyModule {
  const codes = vm.maxsize > 2n ** 31n ? CODES_LP64 : CODES_ILP32;
  const newArray = (type: PyType, code: string) => new PyArray(type, code, codes[code]);

  const arrayType: PyType = defineType({
    name: 'array',
    module: name,
    keyKind: 3,
    alloc: (t) => newArray(t, 'b'),
    // array(typecode[, iterable]): "Create array with elements of given type."
    make: (type, args, kwnames) => {
      if ((kwnames?.length ?? 0) > 0) throw typeError('array.array() takes no keyword arguments');
      if (args.length < 1 || args.length > 2) throw typeError(`array() takes at most 2 arguments (${args.length} given)`);
      const tc = args[0];
      if (!isStr(tc) || strVal(tc).length !== 1) throw typeError(`array() argument 1 must be a unicode character, not ${typeName(tc)}`);
      const code = strVal(tc);
      if (codes[code] === undefined) throw valueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
      const a = newArray(type, code);
      if (args.length === 2) {
        const init = args[1];
        if (isStr(init)) throw typeError(`cannot use a str to initialize an array with typecode '${code}'`);
        if (init instanceof PyBytes || init instanceof PyByteArray) fromBytes(a, bufferOf(init)!);
        else if (init instanceof PyArray) forEach(init, (v) => {
          a.push(v);
        });
        else extendFrom(a, init);
      }
      return a;
    },
    slots: {
      repr: (x: PyArray) => {
        if (x.len === 0) return `array('${x.code}')`;
        const parts = x.items().map((v) => (v instanceof PyFloat ? floatRepr(v.value) : String(v)));
        return `array('${x.code}', [${parts.join(', ')}])`;
      },
      hash: unhashable,
      len: (x: PyArray) => x.len,
      buffer: (x: PyArray) => x.bytes,
      iter: (x: PyArray) => new ArrayIter(arrayIterType, x),
      contains: (x: PyArray, v: any) => {
        for (let i = 0; i < x.len; i++) if (eqBool(x.get(i), v)) return true;
        return false;
      },
      getitem: (x: PyArray, key: any) => {
        if (key instanceof PySlice) {
          const [start, , step, count] = sliceItems(x, key);
          const r = newArray(x.type, x.code);
          r.reserve(count);
          const size = x.info.size;
          if (step === 1) r.buf.set(x.buf.subarray(start * size, (start + count) * size));
          else for (let k = 0; k < count; k++) r.buf.set(x.buf.subarray((start + k * step) * size, (start + k * step + 1) * size), k * size);
          r.len = count;
          return r;
        }
        return x.get(indexOf(x, key, 'array index out of range'));
      },
      setitem: (x: PyArray, key: any, value: any) => {
        if (key instanceof PySlice) {
          const [start, stop, step, count] = sliceItems(x, key);
          const size = x.info.size;
          if (value === undefined) {
            if (step === 1) x.splice(start, Math.max(start, stop), new Uint8Array(0));
            else {
              const keep: number[] = [];
              const del = new Set<number>();
              for (let k = 0; k < count; k++) del.add(start + k * step);
              for (let i = 0; i < x.len; i++) if (!del.has(i)) keep.push(i);
              const nb = new Uint8Array(keep.length * size);
              keep.forEach((i, k) => nb.set(x.buf.subarray(i * size, (i + 1) * size), k * size));
              x.splice(0, x.len, nb);
            }
            return;
          }
          if (!(value instanceof PyArray)) throw typeError(`can only assign array (not "${typeName(value)}") to array slice`);
          if (value.code !== x.code) throw typeError('bad argument type for built-in operation');
          const data = value.bytes.slice();
          if (step === 1) {
            x.splice(start, Math.max(start, stop), data);
            return;
          }
          if (value.len !== count) throw valueError(`attempt to assign array of size ${value.len} to extended slice of size ${count}`);
          for (let k = 0; k < count; k++) x.buf.set(data.subarray(k * size, (k + 1) * size), (start + k * step) * size);
          return;
        }
        if (value === undefined) {
          const i = indexOf(x, key, 'array assignment index out of range');
          x.splice(i, i + 1, new Uint8Array(0));
          return;
        }
        x.set(indexOf(x, key, 'array assignment index out of range'), value);
      },
      richcmp: (op: number, a: PyArray, b: any) => {
        if (!(b instanceof PyArray)) return NotImplemented;
        if ((op === CMP_EQ || op === CMP_NE) && a.len !== b.len) return op === CMP_NE;
        const x = a.items();
        const y = b.items();
        const n = Math.min(x.length, y.length);
        let i = 0;
        for (; i < n; i++) if (!eqBool(x[i], y[i])) break;
        if (i < n) return op === CMP_EQ ? false : op === CMP_NE ? true : compare(x[i], y[i], op);
        return compare(x.length, y.length, op);
      },
      binop: (op: number, a: any, b: any, reflected: boolean) => {
        const base = op >= OP_INPLACE ? op - OP_INPLACE : op;
        const self = (reflected ? b : a) as PyArray;
        const other = reflected ? a : b;
        if (base === OP_ADD && !reflected) {
          if (!(other instanceof PyArray)) {
            if (op >= OP_INPLACE) return NotImplemented;
            throw typeError(`can only append array (not "${typeName(other)}") to array`);
          }
          if (other.code !== self.code) throw typeError('bad argument type for built-in operation');
          const data = other.bytes.slice();
          const target = op >= OP_INPLACE ? self : copyOf(self);
          target.splice(target.len, target.len, data);
          return target;
        }
        if (base === OP_MUL) {
          const nRaw = asInt(other);
          if (nRaw === undefined) return NotImplemented;
          const n = Math.max(0, Number(nRaw));
          const data = self.bytes.slice();
          const target = op >= OP_INPLACE && !reflected ? self : copyOf(self);
          if (n * data.length > 1 << 30) throw overflowError('repeated array is too long');
          target.splice(0, target.len, new Uint8Array(0));
          for (let k = 0; k < n; k++) target.splice(target.len, target.len, data);
          return target;
        }
        return NotImplemented;
      },
    },
    methods: {
      // append(val): "Append new element val to the end of array, growing it."
      append: [(self: PyArray, v: any) => {
        self.push(v);
        return null;
      }, 2],
      // extend(iterable): "Append new elements as contained in iterable to the end of array."
      extend: [(self: PyArray, it: any) => {
        extendFrom(self, it);
        return null;
      }, 2],
      frombytes: [(self: PyArray, b: any) => {
        const data = bufferOf(b);
        if (data === null || isStr(b)) throw typeError(`a bytes-like object is required, not '${typeName(b)}'`);
        fromBytes(self, data);
        return null;
      }, 2],
      tobytes: [(self: PyArray) => new PyBytes(self.bytes.slice()), 1],
      fromlist: [(self: PyArray, l: any) => {
        if (!(l instanceof PyList)) throw typeError('arg must be list');
        extendFrom(self, l);
        return null;
      }, 2],
      tolist: [(self: PyArray) => new PyList(self.items()), 1],
      insert: [(self: PyArray, i: any, v: any) => {
        let k = Number(toIndex(i));
        if (k < 0) k = Math.max(0, k + self.len);
        k = Math.min(k, self.len);
        const tmp = newArray(self.type, self.code);
        tmp.push(v);
        self.splice(k, k, tmp.bytes.slice());
        return null;
      }, 3],
      pop: [(self: PyArray, i: any) => {
        if (self.len === 0) throw indexError('pop from empty array');
        const k = i === undefined ? self.len - 1 : indexOf(self, i, 'pop index out of range');
        const v = self.get(k);
        self.splice(k, k + 1, new Uint8Array(0));
        return v;
      }, { params: 'self, i, /', min: 1 }],
      remove: [(self: PyArray, v: any) => {
        for (let k = 0; k < self.len; k++) {
          if (eqBool(self.get(k), v)) {
            self.splice(k, k + 1, new Uint8Array(0));
            return null;
          }
        }
        throw valueError('array.remove(x): x not in array');
      }, 2],
      index: [(self: PyArray, v: any) => {
        for (let k = 0; k < self.len; k++) if (eqBool(self.get(k), v)) return k;
        throw valueError('array.index(x): x not in array');
      }, 2],
      count: [(self: PyArray, v: any) => {
        let n = 0;
        for (let k = 0; k < self.len; k++) if (eqBool(self.get(k), v)) n++;
        return n;
      }, 2],
      reverse: [(self: PyArray) => {
        const size = self.info.size;
        const src = self.bytes.slice();
        for (let k = 0; k < self.len; k++) self.buf.set(src.subarray(k * size, (k + 1) * size), (self.len - 1 - k) * size);
        return null;
      }, 1],
      byteswap: [(self: PyArray) => {
        const size = self.info.size;
        for (let k = 0; k < self.len; k++) self.buf.subarray(k * size, (k + 1) * size).reverse();
        return null;
      }, 1],
      buffer_info: [(self: PyArray) => new PyTuple([0, self.len]), 1],
      __copy__: [(self: PyArray) => copyOf(self), 1],
    },
    getsets: {
      typecode: (self: PyArray) => self.code,
      itemsize: (self: PyArray) => self.info.size,
    },
  });

  const copyOf = (a: PyArray): PyArray => {
    const r = newArray(a.type === arrayType ? a.type : arrayType, a.code);
    r.splice(0, 0, a.bytes.slice());
    return r;
  };

  const arrayIterType = defineType({
    name: 'array_iterator',
    module: name,
    subclassable: false,
    slots: {
      iter: (x) => x,
      next: (it: ArrayIter) => (it.i < it.a.len ? it.a.get(it.i++) : STOP),
    },
  });

  return makeModule(name, {
    array: { value: arrayType },
    typecodes: { value: 'bBuhHiIlLqQfd'.replace('u', '') },
  });
}

class ArrayIter extends PyObject {
  a: PyArray;
  i: number;
  constructor(type: PyType, a: PyArray) {
    super(type);
    this.a = a;
    this.i = 0;
  }
}
