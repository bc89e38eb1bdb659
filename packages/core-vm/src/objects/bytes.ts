// bytes, bytearray, memoryview (MicroPython py/objstr.c, objarray.c; CPython Objects/bytesobject.c,
// bytearrayobject.c, memoryobject.c). Storage is a Uint8Array; bytearray keeps spare capacity.
// Many methods run the str algorithms over a latin-1 view (one char per byte) and convert back.
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_ADD, OP_MUL, OP_MOD, OP_INPLACE,
  CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, valueError, indexError, memoryError, bigIndexError, bigSizeError } from './exceptions.js';
import { PyList } from './list.js';
import { PyTuple } from './tuple.js';
import { defMethod, defGetSet } from './function.js';
import { asInt, repeatCount, typeName, toIndex, forEach, typeOf, STOP, lookupSpecial, call, isInstance } from '../runtime.js';
import { PySlice, sliceIndices } from './slice.js';
import { checkHeap } from './heaplock.js';
import { strVal, isStr } from './str.js';
import { strEncode } from './strmethods.js';
import { percentFormatBytes, setBytesMaker } from '../format.js';
import { setupBytesMethods } from './bytesmethods.js';
import { encodeText, decodeText } from './codecs.js';

export class PyBytes extends PyObject {
  readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    super(T.bytesType);
    this.data = data;
  }
}

export class PyBytesSub extends PyBytes implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, data: Uint8Array) {
    super(data);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

export class PyByteArray extends PyObject {
  buf: Uint8Array;
  len: number;
  constructor(data: Uint8Array) {
    super(T.bytearrayType);
    this.buf = data;
    this.len = data.length;
  }
  get data(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

export class PyByteArraySub extends PyByteArray implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, data: Uint8Array) {
    super(data);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

/**
 * A memoryview over a buffer-providing object: `obj` (bytes, bytearray or any object whose type has a
 * `buffer` slot), byte offset `start`, `len` items of `itemsize` bytes in `format` (struct codes), each
 * `step` items apart (slices with a step share the memory too).
 */
export class PyMemoryView extends PyObject {
  obj: any;
  start: number;
  len: number;
  itemsize: number;
  format: string;
  readonly: boolean;
  released: boolean;
  step: number;
  constructor(obj: any, start: number, len: number, itemsize: number, format: string, readonly: boolean, step = 1) {
    super(T.memoryviewType);
    this.obj = obj;
    this.start = start;
    this.len = len;
    this.itemsize = itemsize;
    this.format = format;
    this.readonly = readonly;
    this.released = false;
    this.step = step;
  }
}

export const EMPTY_BYTES = new PyBytes(new Uint8Array(0));

// ---- UTF-8 ---------------------------------------------------------------------------------------------

/** str -> UTF-8 bytes (errors: a codec error handler name). */
export function utf8Encode(s: string, errors = 'strict'): Uint8Array {
  return encodeText(s, 'utf-8', errors);
}

/** UTF-8 bytes -> str (errors: a codec error handler name). */
export function utf8Decode(b: Uint8Array, errors = 'strict'): string {
  return decodeText(b, 'utf-8', errors);
}

// ---- buffers -------------------------------------------------------------------------------------------

/** The live bytes of a bytes-like object (bytes, bytearray, memoryview, buffer-slot types), or null. */
export function bufferOf(x: any): Uint8Array | null {
  if (x instanceof PyBytes) return x.data;
  if (x instanceof PyByteArray) return x.buf.subarray(0, x.len);
  if (x instanceof PyMemoryView) return mvBytes(x);
  if (typeof x === 'object' && x !== null) {
    const t = (x as PyObject).type;
    if (t.buffer !== null) return t.buffer(x);
  }
  return null;
}

/** bufferOf or TypeError. */
export function bytesFromBuffer(x: any): Uint8Array {
  const b = bufferOf(x);
  if (b !== null) return b;
  if (typeof x === 'object' && x !== null && typeOf(x).iter !== null) return bytesFromIterable(x);
  throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
}

function mvBase(m: PyMemoryView): Uint8Array {
  if (m.released) throw valueError('operation forbidden on released memoryview object');
  return bufferOf(m.obj)!;
}

/** The bytes a memoryview shows: live memory when contiguous, a copy when it has a step. */
function mvBytes(m: PyMemoryView): Uint8Array {
  const base = mvBase(m);
  if (m.step === 1) return base.subarray(m.start, m.start + m.len * m.itemsize);
  const out = new Uint8Array(m.len * m.itemsize);
  for (let i = 0; i < m.len; i++) {
    const o = m.start + i * m.step * m.itemsize;
    for (let k = 0; k < m.itemsize; k++) out[i * m.itemsize + k] = base[o + k];
  }
  return out;
}

export function bytesFromIterable(x: any, what = 'byte'): Uint8Array {
  const out: number[] = [];
  forEach(x, (v) => {
    out.push(byteValue(v, what));
  });
  return Uint8Array.from(out);
}

/** An int in range(256) (CPython's message says 'bytes' when building bytes, 'byte' for one item). */
export function byteValue(v: any, what = 'byte'): number {
  const i = asInt(v);
  if (i === undefined) {
    if (typeof v === 'object' && v !== null && lookupSpecial(v, '__index__') !== undefined) return byteValue(toIndex(v), what);
    throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  }
  if (typeof i === 'bigint' || i < 0 || i > 255) throw valueError(`${what} must be in range(0, 256)`);
  return i;
}

export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function bytesRepr(b: Uint8Array, prefix = 'b'): string {
  let hasSq = false;
  let hasDq = false;
  for (const c of b) {
    if (c === 0x27) hasSq = true;
    else if (c === 0x22) hasDq = true;
  }
  const q = hasSq && !hasDq ? '"' : "'";
  let out = prefix + q;
  for (const c of b) {
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === q.charCodeAt(0)) out += '\\' + q;
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + q;
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c === 0;
    case CMP_NE: return c !== 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function repeat(a: Uint8Array, n: any): Uint8Array {
  const k = asInt(n);
  if (k === undefined) throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof k === 'bigint') {
    if (k <= 0n) return new Uint8Array(0);
    throw bigSizeError(k);
  }
  if (k <= 0 || a.length === 0) return new Uint8Array(0);
  if (a.length * k > 1 << 28) throw memoryError();
  const out = new Uint8Array(a.length * k);
  for (let i = 0; i < k; i++) out.set(a, i * a.length);
  return out;
}


function bytesArg(x: any): Uint8Array {
  const b = bufferOf(x);
  if (b === null) throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
  return b;
}

function indexFrom(data: Uint8Array, key: any, what: string): number {
  const i = asInt(key) ?? toIndex(key);
  const n = data.length;
  if (typeof i === 'bigint') throw bigIndexError(i, `${what} out of range`);
  const k = i < 0 ? i + n : i;
  if (k < 0 || k >= n) throw indexError(`${what} out of range`);
  return k;
}

function getSlice(data: Uint8Array, key: PySlice): Uint8Array {
  const [start, stop, step, count] = sliceIndices(key, data.length);
  if (step === 1) return data.slice(start, stop);
  const out = new Uint8Array(count);
  for (let k = 0, i = start; k < count; k++, i += step) out[k] = data[i];
  return out;
}

/** Make bytes from the arguments of bytes()/bytearray(). */
function bytesInit(args: any[], kwnames: readonly string[] | null, what: string): Uint8Array {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  let src: any = npos > 0 ? args[0] : undefined;
  if (npos > 3) throw typeError(`${what}() takes at most 3 arguments (${npos} given)`);
  let encoding: any = npos > 1 ? args[1] : undefined;
  let errors: any = npos > 2 ? args[2] : undefined;
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i];
    if (k === 'source') src = args[npos + i];
    else if (k === 'encoding') encoding = args[npos + i];
    else if (k === 'errors') errors = args[npos + i];
    else throw typeError(`'${k}' is an invalid keyword argument for ${what}()`);
  }
  if (src === undefined) {
    if (encoding !== undefined) throw typeError('encoding without a string argument');
    return new Uint8Array(0);
  }
  if (isStr(src)) {
    if (encoding === undefined) throw typeError('string argument without an encoding');
    return strEncode(strVal(src), encoding, errors);
  }
  if (encoding !== undefined) throw typeError('encoding without a string argument');
  let i = asInt(src);
  if (i === undefined && typeof src === 'object' && src !== null && bufferOf(src) === null && lookupSpecial(src, '__bytes__') === undefined && lookupSpecial(src, '__index__') !== undefined) {
    i = toIndex(src);
  }
  if (i !== undefined) {
    if (i < 0) throw valueError('negative count');
    if (typeof i === 'bigint') throw bigSizeError(i);
    if (i > 1 << 28) throw memoryError();
    return new Uint8Array(i);
  }
  const b = bufferOf(src);
  if (b !== null) return b.slice();
  if (typeof src === 'object' && src !== null) {
    const bm = lookupSpecial(src, '__bytes__');
    if (bm !== undefined) return bytesArg(call(bm, [], null)).slice();
    if (typeOf(src).iter !== null || typeOf(src).getitem !== null) return bytesFromIterable(src, what === 'bytes' ? 'bytes' : 'byte');
  }
  throw typeError(`cannot convert '${typeName(src)}' object to ${what}`);
}

// ---- bytearray storage ---------------------------------------------------------------------------------

export function baEnsure(b: PyByteArray, n: number): void {
  if (n <= b.buf.length) return;
  if (n > 1 << 29) throw memoryError();
  let cap = Math.max(16, b.buf.length * 2);
  while (cap < n) cap *= 2;
  const nb = new Uint8Array(cap);
  nb.set(b.buf.subarray(0, b.len));
  b.buf = nb;
}

export function baAppend(b: PyByteArray, data: Uint8Array): void {
  baEnsure(b, b.len + data.length);
  b.buf.set(data, b.len);
  b.len += data.length;
}

/** Replace bytes [start, stop) with data. */
function baSplice(b: PyByteArray, start: number, stop: number, data: Uint8Array): void {
  const tail = b.buf.slice(stop, b.len);
  const newLen = start + data.length + tail.length;
  baEnsure(b, newLen);
  b.buf.set(data, start);
  b.buf.set(tail, start + data.length);
  if (newLen < b.len) b.buf.fill(0, newLen, b.len);
  b.len = newLen;
}

function baSetItem(b: PyByteArray, key: any, value: any): void {
  if (key instanceof PySlice) {
    const n = b.len;
    const [start, stop, step, count] = sliceIndices(key, n);
    if (value === undefined) {
      if (step === 1) {
        baSplice(b, start, Math.max(start, stop), new Uint8Array(0));
        return;
      }
      const keep: number[] = [];
      const del = new Set<number>();
      for (let k = 0, i = start; k < count; k++, i += step) del.add(i);
      for (let i = 0; i < n; i++) if (!del.has(i)) keep.push(b.buf[i]);
      b.len = 0;
      baAppend(b, Uint8Array.from(keep));
      return;
    }
    const asInt1 = asInt(value);
    if (asInt1 !== undefined || isStr(value)) throw typeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
    const data = bufferOf(value) !== null ? bufferOf(value)!.slice() : bytesFromIterable(value);
    if (step === 1) {
      baSplice(b, start, Math.max(start, stop), data);
      return;
    }
    if (data.length !== count) throw valueError(`attempt to assign bytes of size ${data.length} to extended slice of size ${count}`);
    for (let k = 0, i = start; k < count; k++, i += step) b.buf[i] = data[k];
    return;
  }
  const i = indexFrom(b.buf.subarray(0, b.len), key, 'bytearray index');
  if (value === undefined) {
    baSplice(b, i, i + 1, new Uint8Array(0));
    return;
  }
  b.buf[i] = byteValue(value);
}

// ---- memoryview ----------------------------------------------------------------------------------------

const ITEMSIZE: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, f: 4, d: 8 };

export function memoryviewOf(obj: any): PyMemoryView {
  if (obj instanceof PyMemoryView) {
    mvBase(obj);
    return new PyMemoryView(obj.obj, obj.start, obj.len, obj.itemsize, obj.format, obj.readonly, obj.step);
  }
  if (obj instanceof PyBytes) return new PyMemoryView(obj, 0, obj.data.length, 1, 'B', true);
  if (obj instanceof PyByteArray) return new PyMemoryView(obj, 0, obj.len, 1, 'B', false);
  const t = typeOf(obj);
  if (t.buffer !== null) {
    const b = t.buffer(obj)!;
    const fmt = typeof (obj as { typecode?: unknown }).typecode === 'string' ? (obj as { typecode: string }).typecode : 'B';
    const size = ITEMSIZE[fmt] ?? 1;
    return new PyMemoryView(obj, 0, Math.floor(b.length / size), size, fmt, false);
  }
  throw typeError(`memoryview: a bytes-like object is required, not '${typeName(obj)}'`);
}

function mvGet(m: PyMemoryView, i: number): any {
  const b = mvBase(m);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const o = m.start + i * m.step * m.itemsize;
  switch (m.format) {
    case 'B': return b[o];
    case 'b': return dv.getInt8(o);
    case 'h': return dv.getInt16(o, true);
    case 'H': return dv.getUint16(o, true);
    case 'i': case 'l': return dv.getInt32(o, true);
    case 'I': case 'L': return dv.getUint32(o, true);
    case 'q': { const v = dv.getBigInt64(o, true); return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v; }
    case 'Q': { const v = dv.getBigUint64(o, true); return v <= 9007199254740991n ? Number(v) : v; }
    case 'f': return floatBox(dv.getFloat32(o, true));
    case 'd': return floatBox(dv.getFloat64(o, true));
    default: return b[o];
  }
}

let floatBox: (v: number) => any = () => null;
export function setFloatBox(f: (v: number) => any): void {
  floatBox = f;
}

function mvSet(m: PyMemoryView, i: number, v: any): void {
  const b = mvBase(m);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const o = m.start + i * m.step * m.itemsize;
  if (m.format === 'f' || m.format === 'd') {
    const x = (v as { value?: number }).value ?? Number(asInt(v));
    if (m.format === 'f') dv.setFloat32(o, x, true);
    else dv.setFloat64(o, x, true);
    return;
  }
  const x = asInt(v);
  if (x === undefined) throw typeError(`memoryview: invalid type for format '${m.format}'`);
  switch (m.format) {
    case 'B': case 'b':
      if (m.format === 'B' && (x < 0 || x > 255)) throw valueError(`memoryview: invalid value for format 'B'`);
      b[o] = Number(x) & 0xff;
      break;
    case 'h': case 'H': dv.setUint16(o, Number(x) & 0xffff, true); break;
    case 'i': case 'l': case 'I': case 'L': dv.setUint32(o, Number(BigInt.asUintN(32, BigInt(x))), true); break;
    default: dv.setBigUint64(o, BigInt.asUintN(64, BigInt(x)), true);
  }
}

// ---- setup ---------------------------------------------------------------------------------------------

/** bytes.hex(sep, bytes_per_sep) (CPython semantics: groups counted from the right when positive). */
export function hexOf(data: Uint8Array, sep: any, per: any): string {
  const h = Array.from(data, (c) => c.toString(16).padStart(2, '0'));
  if (sep === undefined) return h.join('');
  const s = isStr(sep) ? strVal(sep) : latin1(bufferOf(sep) ?? new Uint8Array(0));
  if (s.length !== 1) throw valueError('sep must be length 1.');
  const n = per === undefined ? 1 : Number(toIndex(per));
  if (n === 0) return h.join('');
  const k = Math.abs(n);
  const groups: string[] = [];
  if (n > 0) {
    for (let end = h.length; end > 0; end -= k) groups.unshift(h.slice(Math.max(0, end - k), end).join(''));
  } else {
    for (let st = 0; st < h.length; st += k) groups.push(h.slice(st, st + k).join(''));
  }
  return groups.join(s);
}



export class BytesIter extends PyObject {
  obj: any;
  i: number;
  constructor(obj: any, type: PyType = T.bytesIteratorType) {
    super(type);
    this.obj = obj;
    this.i = 0;
  }
}

export function setupBytes(): void {
  setBytesMaker((b) => new PyBytes(b));
  for (const [t, mutable] of [[T.bytesType, false], [T.bytearrayType, true]] as const) {
    t.buffer = (x) => bufferOf(x);
    t.len = (x) => bufferOf(x)!.length;
    t.bool = (x) => bufferOf(x)!.length > 0;
    t.iter = mutable ? (x) => new BytesIter(x, T.bytearrayIteratorType) : (x) => new BytesIter(x);
    t.richcmp = (op, a, b) => {
      const x = bufferOf(a)!;
      const y = b instanceof PyBytes || b instanceof PyByteArray || b instanceof PyMemoryView ? bufferOf(b) : null;
      if (y === null) return NotImplemented;
      return cmpResult(cmpBytes(x, y), op);
    };
    t.contains = (x, item) => {
      const data = bufferOf(x)!;
      const i = asInt(item);
      if (i !== undefined) return data.includes(byteValue(i));
      const sub = bufferOf(item);
      if (sub === null) throw typeError(`a bytes-like object is required, not '${typeName(item)}'`);
      return latin1(data).includes(latin1(sub));
    };
    t.binop = (op, a, b, reflected) => {
      const inplace = op >= OP_INPLACE;
      const base = inplace ? op - OP_INPLACE : op;
      if (base === OP_ADD) {
        if (reflected) return NotImplemented;
        // MicroPython compatibility: a str on the right is its UTF-8 bytes (str has the buffer protocol
        // there, and code such as b'key' + str(i) relies on it); CPython raises TypeError
        const y = isStr(b) ? utf8Encode(strVal(b)) : bufferOf(b);
        if (y === null) return NotImplemented;
        if (inplace) {
          if (!mutable) return NotImplemented;
          baAppend(a as PyByteArray, y.slice());
          return a;
        }
        const r = concat(bufferOf(a)!, y);
        return mutable ? new PyByteArray(r) : new PyBytes(r);
      }
      if (base === OP_MUL) {
        const self = reflected ? b : a;
        const n = reflected ? a : b;
        const k = repeatCount(n);
        if (k === undefined) return NotImplemented;
        const r = repeat(bufferOf(self)!, k);
        if (inplace && mutable) {
          const ba = a as PyByteArray;
          ba.len = 0;
          baAppend(ba, r);
          return ba;
        }
        return mutable ? new PyByteArray(r) : new PyBytes(r);
      }
      if (base === OP_MOD && !reflected && !inplace) {
        const r = percentFormatBytes(bufferOf(a)!, b);
        return mutable ? new PyByteArray(r) : new PyBytes(r);
      }
      return NotImplemented;
    };
    t.getitem = (x, key) => {
      const data = bufferOf(x)!;
      if (key instanceof PySlice) {
        const r = getSlice(data, key);
        return mutable ? new PyByteArray(r) : new PyBytes(r);
      }
      return data[indexFrom(data, key, mutable ? 'bytearray index' : 'index')];
    };
    setupBytesMethods(t, mutable);
  }
  const bt = T.bytesType;
  bt.repr = (x) => bytesRepr((x as PyBytes).data);
  bt.hash = (x) => {
    const d = (x as PyBytes).data;
    let h = 0x811c9dc5;
    for (let i = 0; i < d.length; i++) {
      h ^= d[i];
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 1;
  };
  bt.keyKind = 2;
  bt.alloc = (type) => new PyBytesSub(type, new Uint8Array(0));
  bt.make = (type, args, kwnames) => {
    if (args.length === 1 && kwnames === null && args[0] instanceof PyBytes && args[0].type === T.bytesType && type === T.bytesType) return args[0];
    const data = bytesInit(args, kwnames, 'bytes');
    return type === T.bytesType ? new PyBytes(data) : new PyBytesSub(type, data);
  };
  defMethod(bt, '__bytes__', (self) => new PyBytes((self as PyBytes).data), 1);

  const ba = T.bytearrayType;
  ba.repr = (x) => `${(x as PyObject).type.name}(${bytesRepr(bufferOf(x)!)})`;
  ba.keyKind = 3;
  ba.alloc = (type) => new PyByteArraySub(type, new Uint8Array(0));
  ba.setitem = (x, key, value) => baSetItem(x as PyByteArray, key, value);
  ba.make = (type, args, kwnames) => {
    const data = bytesInit(args, kwnames, 'bytearray');
    return type === T.bytearrayType ? new PyByteArray(data) : new PyByteArraySub(type, data);
  };
  defMethod(ba, 'append', (self, v) => {
    baAppend(self as PyByteArray, Uint8Array.of(byteValue(v)));
    return null;
  }, 2);
  defMethod(ba, 'extend', (self, it) => {
    const b = bufferOf(it);
    baAppend(self as PyByteArray, b !== null ? b.slice() : bytesFromIterable(it));
    return null;
  }, 2);
  defMethod(ba, 'insert', (self, i, v) => {
    const b = self as PyByteArray;
    let k = Number(toIndex(i));
    if (k < 0) k = Math.max(0, k + b.len);
    if (k > b.len) k = b.len;
    baSplice(b, k, k, Uint8Array.of(byteValue(v)));
    return null;
  }, 3);
  defMethod(ba, 'pop', (self, i) => {
    const b = self as PyByteArray;
    if (b.len === 0) throw indexError('pop from empty bytearray');
    let k = i === undefined ? b.len - 1 : Number(toIndex(i));
    if (k < 0) k += b.len;
    if (k < 0 || k >= b.len) throw indexError('pop index out of range');
    const v = b.buf[k];
    baSplice(b, k, k + 1, new Uint8Array(0));
    return v;
  }, { params: 'self, index', min: 1 });
  defMethod(ba, 'remove', (self, v) => {
    const b = self as PyByteArray;
    const x = byteValue(v);
    const k = b.buf.subarray(0, b.len).indexOf(x);
    if (k < 0) throw valueError('value not found in bytearray');
    baSplice(b, k, k + 1, new Uint8Array(0));
    return null;
  }, 2);
  defMethod(ba, 'clear', (self) => {
    (self as PyByteArray).len = 0;
    return null;
  }, 1);
  defMethod(ba, 'copy', (self) => new PyByteArray(bufferOf(self)!.slice()), 1);
  defMethod(ba, 'reverse', (self) => {
    bufferOf(self)!.reverse();
    return null;
  }, 1);
  defMethod(ba, '__init__', (args: any[], kwnames: readonly string[] | null) => {
    const self = args[0] as PyByteArray;
    const data = bytesInit(args.slice(1), kwnames, 'bytearray');
    self.len = 0;
    baAppend(self, data);
    return null;
  }, { raw: true, min: 1 });

  const mv = T.memoryviewType;
  mv.buffer = (x) => mvBytes(x as PyMemoryView);
  mv.len = (x) => {
    const m = x as PyMemoryView;
    if (m.released) throw valueError('operation forbidden on released memoryview object');
    return m.len;
  };
  mv.iter = (x) => new BytesIter(x, T.memoryIteratorType);
  mv.keyKind = 2; // hashable by value when read-only (the hash slot refuses writable views)
  mv.make = (_type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('memoryview() takes no keyword arguments');
    if (args.length !== 1) throw typeError(`memoryview() takes exactly one argument (${args.length} given)`);
    checkHeap();
    return memoryviewOf(args[0]);
  };
  mv.repr = (x) => `<memory at ${'0x' + (0x7f0000a00000 + ((x as PyMemoryView).start | 0)).toString(16)}>`;
  mv.richcmp = (op, a, b) => {
    if (op !== CMP_EQ && op !== CMP_NE) return NotImplemented;
    const y = bufferOf(b);
    if (y === null) return NotImplemented;
    const e = cmpBytes(mvBytes(a as PyMemoryView), y) === 0;
    return op === CMP_EQ ? e : !e;
  };
  mv.getitem = (x, key) => {
    const m = x as PyMemoryView;
    mvBase(m);
    if (key instanceof PySlice) {
      checkHeap();
      const [start, , step, count] = sliceIndices(key, m.len);
      return new PyMemoryView(m.obj, m.start + start * m.step * m.itemsize, count, m.itemsize, m.format, m.readonly, m.step * step);
    }
    const i = asInt(key) ?? toIndex(key);
    if (typeof i === 'bigint') throw bigIndexError(i, 'index out of bounds on dimension 1');
    let k = i;
    if (k < 0) k += m.len;
    if (k < 0 || k >= m.len) throw indexError('index out of bounds on dimension 1');
    return mvGet(m, k);
  };
  mv.setitem = (x, key, value) => {
    const m = x as PyMemoryView;
    mvBase(m);
    if (m.readonly) throw typeError('cannot modify read-only memory');
    if (value === undefined) throw typeError('cannot delete memory');
    if (key instanceof PySlice) {
      const [start, , step, count] = sliceIndices(key, m.len);
      const src = bufferOf(value);
      if (src === null) throw typeError(`a bytes-like object is required, not '${typeName(value)}'`);
      if (src.length !== count * m.itemsize) throw valueError('memoryview assignment: lvalue and rvalue have different structures');
      const data = src.slice(); // the source may overlap the destination
      const base = mvBase(m);
      for (let j = 0; j < count; j++) {
        const o = m.start + (start + j * step) * m.step * m.itemsize;
        for (let k = 0; k < m.itemsize; k++) base[o + k] = data[j * m.itemsize + k];
      }
      return;
    }
    const i = toIndex(key);
    if (typeof i === 'bigint') throw bigIndexError(i, 'index out of bounds on dimension 1');
    let k = i;
    if (k < 0) k += m.len;
    if (k < 0 || k >= m.len) throw indexError('index out of bounds on dimension 1');
    mvSet(m, k, value);
  };
  mv.hash = (x) => {
    const m = x as PyMemoryView;
    if (!m.readonly) throw valueError('cannot hash writable memoryview object');
    return T.bytesType.hash!(new PyBytes(mvBytes(m)));
  };
  defMethod(mv, 'cast', (self, format) => {
    const m = self as PyMemoryView;
    mvBase(m);
    const f = strVal(format);
    const size = ITEMSIZE[f];
    if (size === undefined) throw valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
    if (m.step !== 1) throw typeError('memoryview: casts are restricted to C-contiguous views');
    const nbytes = m.len * m.itemsize;
    if (nbytes % size !== 0) throw typeError('memoryview: length is not a multiple of itemsize');
    return new PyMemoryView(m.obj, m.start, nbytes / size, size, f, m.readonly);
  }, { params: 'self, format, shape', min: 2 });
  defMethod(mv, 'toreadonly', (self) => {
    const m = self as PyMemoryView;
    mvBase(m);
    return new PyMemoryView(m.obj, m.start, m.len, m.itemsize, m.format, true, m.step);
  }, 1);
  defGetSet(mv, 'ndim', () => 1);
  defGetSet(mv, 'shape', (self) => new PyTuple([(self as PyMemoryView).len]));
  defGetSet(mv, 'strides', (self) => new PyTuple([(self as PyMemoryView).itemsize * (self as PyMemoryView).step]));
  defGetSet(mv, 'suboffsets', () => new PyTuple([]));
  defGetSet(mv, 'contiguous', (self) => (self as PyMemoryView).step === 1 || (self as PyMemoryView).len <= 1);
  defGetSet(mv, 'c_contiguous', (self) => (self as PyMemoryView).step === 1 || (self as PyMemoryView).len <= 1);
  defGetSet(mv, 'f_contiguous', (self) => (self as PyMemoryView).step === 1 || (self as PyMemoryView).len <= 1);
  defMethod(mv, 'tobytes', (self) => new PyBytes(mvBytes(self as PyMemoryView).slice()), 1);
  defMethod(mv, 'tolist', (self) => {
    const m = self as PyMemoryView;
    const out: any[] = [];
    for (let i = 0; i < m.len; i++) out.push(mvGet(m, i));
    return new PyList(out);
  }, 1);
  defMethod(mv, 'hex', (self, sep, per) => hexOf(mvBytes(self as PyMemoryView), sep, per), { params: 'self, sep, bytes_per_sep', min: 1 });
  defMethod(mv, 'release', (self) => {
    (self as PyMemoryView).released = true;
    return null;
  }, 1);
  defMethod(mv, '__enter__', (self) => self, 1);
  defMethod(mv, '__exit__', (args: any[]) => {
    (args[0] as PyMemoryView).released = true;
    return null;
  }, { raw: true, min: 1 });
  defGetSet(mv, 'itemsize', (self) => (self as PyMemoryView).itemsize);
  defGetSet(mv, 'format', (self) => (self as PyMemoryView).format);
  defGetSet(mv, 'readonly', (self) => (self as PyMemoryView).readonly);
  defGetSet(mv, 'nbytes', (self) => (self as PyMemoryView).len * (self as PyMemoryView).itemsize);
  defGetSet(mv, 'obj', (self) => (self as PyMemoryView).obj);
  void isInstance;
  void STOP;
}

export function bytesIterNext(it: BytesIter): any {
  const o = it.obj;
  if (o instanceof PyMemoryView) {
    if (it.i >= o.len) return STOP;
    return mvGet(o, it.i++);
  }
  const d = bufferOf(o)!;
  if (it.i >= d.length) return STOP;
  return d[it.i++];
}
