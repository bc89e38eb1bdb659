// str (MicroPython py/objstr.c, objstrunicode.c; CPython Objects/unicodeobject.c).
// A str is a JS string. Python indexes by code point: strings without surrogates (the common case) use
// JS indexing directly; others go through an array of code points.
import { PyInstance, PyObject, type PyType, OP_ADD, OP_MUL, OP_MOD, OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, indexError, memoryError, bigIndexError, bigSizeError } from './exceptions.js';
import { asInt, typeName, toIndex, str as pyStr, STOP, lookupSpecial } from '../runtime.js';
import { PySlice, sliceIndices } from './slice.js';
import { percentFormat } from '../format.js';
import { setupStrMethods, decodeBytes, isPrintableChar } from './strmethods.js';
import { PyFloat } from './float.js';
import { bufferOf } from './bytes.js';

/** A user subclass instance of str. */
export class PyStrSub extends PyInstance {
  value: string;
  constructor(type: PyType, value: string) {
    super(type);
    this.value = value;
  }
}

const SURR = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  const n = s.length;
  if (n <= 24) {
    // short strings (words, keys, names): a loop is cheaper than entering the regexp engine
    for (let i = 0; i < n; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
    return false;
  }
  return SURR.test(s);
}

/** Code points of s (a lone surrogate counts as one). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

// Index of the last string with surrogates that was indexed by code point: the code unit offset of each
// code point (and s.length at the end), so loops like `for i in range(len(s)): s[i]` stay linear.
let offStr: string | null = null;
let offTable: Uint32Array = new Uint32Array(1);

/** Code unit offsets of the code points of s, plus s.length (for strings with surrogates). */
export function cpOffsets(s: string): Uint32Array {
  if (s === offStr) return offTable;
  const t = new Uint32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    t[n++] = i;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  t[n] = s.length;
  offStr = s;
  offTable = t.subarray(0, n + 1);
  return offTable;
}

export function strLen(s: string): number {
  if (s.length < 2 || !hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/** The str value of a str or str-subclass instance; TypeError otherwise. */
export function strVal(x: any, what = 'str'): string {
  if (typeof x === 'string') return x;
  if (x instanceof PyStrSub) return x.value;
  throw typeError(`${what} expected, not ${typeName(x)}`);
}

/** The str value of x, or TypeError "<what> must be str, not <type>" (CPython's argument message). */
export function strArg(x: any, what: string): string {
  if (typeof x === 'string') return x;
  if (x instanceof PyStrSub) return x.value;
  throw typeError(`${what} must be str, not ${typeName(x)}`);
}

export function isStr(x: any): boolean {
  return typeof x === 'string' || x instanceof PyStrSub;
}

/** FNV-1a over UTF-16 code units (deterministic, as MicroPython's qstr hash is). */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = h >>> 1;
  return h;
}


/** repr(str) exactly as CPython: quote choice, escapes for non-printable code points. */
export function strRepr(s: string, asciiOnly = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x5c || c === quote.charCodeAt(0)) {
      plain = false;
      break;
    }
  }
  if (plain) return quote + s + quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote) out += '\\' + quote;
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f) out += ch;
    else if (!asciiOnly && isPrintableChar(ch) && !(c >= 0xd800 && c < 0xe000)) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + quote;
}

export function strGetItem(s: string, key: any): string {
  if (typeof key === 'number') {
    if (!SURR.test(s)) {
      const n = s.length;
      const i = key < 0 ? key + n : key;
      if (i < 0 || i >= n) throw indexError('string index out of range');
      return s[i];
    }
    const off = cpOffsets(s);
    const n = off.length - 1;
    const i = key < 0 ? key + n : key;
    if (i < 0 || i >= n) throw indexError('string index out of range');
    return s.slice(off[i], off[i + 1]);
  }
  if (key instanceof PySlice) {
    if (!SURR.test(s)) {
      const [start, stop, step, count] = sliceIndices(key, s.length);
      if (step === 1) return s.slice(start, stop);
      let out = '';
      for (let k = 0, i = start; k < count; k++, i += step) out += s[i];
      return out;
    }
    const off = cpOffsets(s);
    const [start, stop, step, count] = sliceIndices(key, off.length - 1);
    if (step === 1) return stop > start ? s.slice(off[start], off[stop]) : '';
    let out = '';
    for (let k = 0, i = start; k < count; k++, i += step) out += s.slice(off[i], off[i + 1]);
    return out;
  }
  const i = asInt(key);
  if (i !== undefined) return strGetItem(s, typeof i === 'bigint' ? (() => { throw bigIndexError(i, 'string index out of range'); })() : i);
  const idx = typeof key === 'object' && key !== null ? lookupSpecial(key, '__index__') : undefined;
  if (idx !== undefined) return strGetItem(s, toIndex(key));
  throw typeError(`string indices must be integers, not '${typeName(key)}'`);
}

export function strRepeat(s: string, n: any): string {
  const k = asInt(n);
  if (k === undefined) throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof k === 'bigint') {
    if (k <= 0n || s.length === 0) return '';
    throw bigSizeError(k);
  }
  if (k <= 0 || s.length === 0) return '';
  if (s.length * k > 1 << 28) throw memoryError();
  return s.repeat(k);
}

function cmpCodePoints(a: string, b: string): number {
  if (!SURR.test(a) && !SURR.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = codePoints(a);
  const y = codePoints(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

export function strCompare(a: string, b: string, op: number): boolean {
  if (op === CMP_EQ) return a === b;
  if (op === CMP_NE) return a !== b;
  const c = cmpCodePoints(a, b);
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

/** Iterator over the code points of a str. */
export class StrIter extends PyObject {
  s: string;
  i: number;
  constructor(s: string) {
    // CPython 3.11 names the iterator of an all-ASCII str str_ascii_iterator
    super(/^[\x00-\x7f]*$/.test(s) ? T.strAsciiIteratorType : T.strIteratorType);
    this.s = s;
    this.i = 0;
  }
}

export function strIterNext(it: StrIter): any {
  const s = it.s;
  const i = it.i;
  if (i >= s.length) return STOP;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) {
      it.i = i + 2;
      return s.slice(i, i + 2);
    }
  }
  it.i = i + 1;
  return s[i];
}

export function setupStr(): void {
  const t = T.strType;
  t.repr = (x) => strRepr(strVal(x));
  t.str = (x) => strVal(x);
  t.hash = (x) => strHash(strVal(x));
  t.bool = (x) => strVal(x).length !== 0;
  t.len = (x) => strLen(strVal(x));
  t.keyKind = 1;
  t.alloc = (type) => new PyStrSub(type, '');
  t.richcmp = (op, a, b) => {
    const x = strVal(a);
    if (!isStr(b)) return NotImplemented;
    return strCompare(x, strVal(b), op);
  };
  t.binop = (op, a, b, reflected) => {
    const base = op >= OP_INPLACE ? op - OP_INPLACE : op;
    if (op >= OP_INPLACE) return NotImplemented;
    if (base === OP_ADD) {
      if (isStr(a) && isStr(b)) return strVal(a) + strVal(b);
      return NotImplemented;
    }
    if (base === OP_MUL) {
      // sequence repeat: the count may be any object with __index__
      const self = reflected ? b : a;
      const n = reflected ? a : b;
      if (!isStr(self)) return NotImplemented;
      if (asInt(n) === undefined && (typeof n !== 'object' || n === null || n instanceof PyFloat || lookupSpecial(n, '__index__') === undefined)) return NotImplemented;
      return strRepeat(strVal(self), asInt(n) ?? toIndex(n));
    }
    if (base === OP_MOD && !reflected) return percentFormat(strVal(a), b);
    return NotImplemented;
  };
  t.getitem = (x, key) => strGetItem(strVal(x), key);
  t.contains = (x, item) => {
    if (!isStr(item)) throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return strVal(x).includes(strVal(item));
  };
  t.iter = (x) => new StrIter(strVal(x));
  t.make = (type, args, kwnames) => {
    let v: string;
    const npos = args.length - (kwnames?.length ?? 0);
    let obj: any = npos > 0 ? args[0] : undefined;
    let encoding: any;
    let errors: any;
    if (npos > 1) encoding = args[1];
    if (npos > 2) errors = args[2];
    if (npos > 3) throw typeError(`str() takes at most 3 arguments (${npos} given)`);
    if (kwnames !== null) {
      for (let i = 0; i < kwnames.length; i++) {
        const k = kwnames[i];
        const val = args[npos + i];
        if (k === 'object') obj = val;
        else if (k === 'encoding') encoding = val;
        else if (k === 'errors') errors = val;
        else throw typeError(`'${k}' is an invalid keyword argument for str()`);
      }
    }
    if (obj === undefined) v = '';
    else if (encoding !== undefined || errors !== undefined) {
      if (isStr(obj)) throw typeError('decoding str is not supported');
      const buf = bufferOf(obj);
      if (buf === null) throw typeError(`decoding to str: need a bytes-like object, ${typeName(obj)} found`);
      v = decodeBytes(buf, encoding, errors);
    } else v = pyStr(obj);
    if (type === T.strType) return v;
    return new PyStrSub(type, v);
  };
  setupStrMethods(t);
}

export { splitWhitespace, rsplitWhitespace, splitSep, rsplitSep, decodeBytes, strEncode, isPrintableChar, strJoin, strFind } from './strmethods.js';
