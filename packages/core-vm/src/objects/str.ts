// str (MicroPython py/objstr.c, objstrunicode.c; CPython Objects/unicodeobject.c).
// A str is a JS string. Python indexes by code point: strings without surrogates (the common case) use
// JS indexing directly; others go through an array of code points.
import { PyInstance, type PyType, OP_ADD, OP_MUL, OP_MOD, OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { typeError, valueError, indexError, overflowError, memoryError, unicodeError } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { PyList } from './list.js';
import { defMethod, defStaticMethod } from './function.js';
import { asInt, typeName, toIndex, forEach, typeOf, str as pyStr, repr as pyRepr, isInstance, getIter, iterNext, STOP, lookupSpecial, call, getItem, toArray } from '../runtime.js';
import { PySlice, sliceIndices } from './slice.js';
import { percentFormat, strFormat, formatStr } from '../format.js';
import { PyBytes, bufferOf, utf8Encode, utf8Decode } from './bytes.js';
import { PyDict, dictGet, dictSet } from './dict.js';
import { PyObject } from '../object.js';

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
  return SURR.test(s);
}

/** Code points of s (a lone surrogate counts as one). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

export function strLen(s: string): number {
  if (s.length < 2 || !SURR.test(s)) return s.length;
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

const NONPRINT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintableChar(ch: string): boolean {
  if (ch === ' ') return true;
  return !NONPRINT.test(ch);
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

/** s[i] by code point index (i already normalised to 0 <= i < len). */
function charAt(s: string, i: number): string {
  if (!SURR.test(s)) return s[i];
  return codePoints(s)[i];
}

export function strGetItem(s: string, key: any): string {
  if (typeof key === 'number') {
    if (!SURR.test(s)) {
      const n = s.length;
      const i = key < 0 ? key + n : key;
      if (i < 0 || i >= n) throw indexError('string index out of range');
      return s[i];
    }
    const cps = codePoints(s);
    const i = key < 0 ? key + cps.length : key;
    if (i < 0 || i >= cps.length) throw indexError('string index out of range');
    return cps[i];
  }
  if (key instanceof PySlice) {
    const simple = !SURR.test(s);
    const n = simple ? s.length : strLen(s);
    const [start, stop, step, count] = sliceIndices(key, n);
    if (step === 1) {
      if (simple) return s.slice(start, stop);
      return codePoints(s).slice(start, stop).join('');
    }
    const cps = simple ? s : codePoints(s);
    let out = '';
    for (let k = 0, i = start; k < count; k++, i += step) out += cps[i];
    return out;
  }
  const i = asInt(key);
  if (i !== undefined) return strGetItem(s, typeof i === 'bigint' ? (() => { throw indexError('string index out of range'); })() : i);
  const idx = typeof key === 'object' && key !== null ? lookupSpecial(key, '__index__') : undefined;
  if (idx !== undefined) return strGetItem(s, toIndex(key));
  throw typeError(`string indices must be integers, not '${typeName(key)}'`);
}

export function strRepeat(s: string, n: any): string {
  const k = asInt(n);
  if (k === undefined) throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof k === 'bigint') {
    if (k <= 0n || s.length === 0) return '';
    throw overflowError('cannot fit int into an index-sized integer');
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
    super(T.strIteratorType);
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

const PY_WS = /[ \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function isWs(ch: string): boolean {
  return PY_WS.test(ch);
}

/** str.split / bytes.split core over a JS string. */
export function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isWs(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isWs(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

export function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWs(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isWs(s[j - 1])) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

export function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) throw valueError('empty separator');
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

export function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) throw valueError('empty separator');
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function stripChars(s: string, chars: any, left: boolean, right: boolean): string {
  let i = 0;
  let j = s.length;
  if (chars === undefined || chars === null) {
    if (left) while (i < j && isWs(s[i])) i++;
    if (right) while (j > i && isWs(s[j - 1])) j--;
  } else {
    const cs = strVal(chars);
    if (left) while (i < j && cs.includes(s[i])) i++;
    if (right) while (j > i && cs.includes(s[j - 1])) j--;
  }
  return s.slice(i, j);
}

/** Normalise optional start/end arguments to JS string offsets (code point aware). */
function range(s: string, start: any, end: any): [number, number, boolean] {
  const simple = !SURR.test(s);
  const n = simple ? s.length : strLen(s);
  let a = start === undefined || start === null ? 0 : Number(toIndex(start));
  let b = end === undefined || end === null ? n : Number(toIndex(end));
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  if (b > n) b = n;
  return [a, b, simple];
}

function cpOffset(s: string, cpIndex: number): number {
  let off = 0;
  for (let k = 0; k < cpIndex && off < s.length; k++) {
    const c = s.charCodeAt(off);
    off += c >= 0xd800 && c < 0xdc00 && off + 1 < s.length ? 2 : 1;
  }
  return off;
}

function cpIndexOf(s: string, off: number): number {
  return strLen(s.slice(0, off));
}

export function strFind(s: string, sub: string, start: any, end: any, reverse: boolean): number {
  const [a, b, simple] = range(s, start, end);
  if (a > b) return -1;
  if (simple) {
    const hay = s.slice(0, b);
    if (reverse) {
      const r = hay.lastIndexOf(sub);
      return r >= a ? r : -1;
    }
    const r = hay.indexOf(sub, a);
    return r >= 0 && r + sub.length <= b ? r : -1;
  }
  const oa = cpOffset(s, a);
  const ob = cpOffset(s, b);
  const hay = s.slice(0, ob);
  const r = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub, oa);
  if (r < oa) return -1;
  return cpIndexOf(s, r);
}

function count(s: string, sub: string, start: any, end: any): number {
  const [a, b, simple] = range(s, start, end);
  if (a > b) return 0;
  const hay = simple ? s.slice(a, b) : s.slice(cpOffset(s, a), cpOffset(s, b));
  if (sub.length === 0) return strLen(hay) + 1;
  let n = 0;
  let i = 0;
  for (;;) {
    const j = hay.indexOf(sub, i);
    if (j < 0) return n;
    n++;
    i = j + sub.length;
  }
}

function startsEnds(self: any, prefix: any, start: any, end: any, ends: boolean): boolean {
  const s = strVal(self);
  const [a, b, simple] = range(s, start, end);
  const seg = a > b ? null : simple ? s.slice(a, b) : s.slice(cpOffset(s, a), cpOffset(s, b));
  const test = (p: any): boolean => {
    const ps = typeof p === 'string' ? p : p instanceof PyStrSub ? p.value : null;
    if (ps === null) throw typeError(`${ends ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${typeName(p)}`);
    if (seg === null) return false;
    return ends ? seg.endsWith(ps) : seg.startsWith(ps);
  };
  if (prefix instanceof PyTuple) return prefix.items.some(test);
  return test(prefix);
}

function strIsX(s: string, re: RegExp): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!re.test(ch)) return false;
  return true;
}

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const ch of s) {
    const isCased = ch.toLowerCase() !== ch.toUpperCase();
    out += prevCased ? ch.toLowerCase() : ch.toUpperCase();
    prevCased = isCased;
  }
  return out;
}

export function strJoin(sep: string, iterable: any): string {
  const parts: string[] = [];
  let i = 0;
  forEach(iterable, (v) => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof PyStrSub) parts.push(v.value);
    else throw typeError(`sequence item ${i}: expected str instance, ${typeName(v)} found`);
    i++;
  });
  return parts.join(sep);
}

function pad(s: string, width: any, fill: any, where: 'l' | 'r' | 'c'): string {
  const w = Number(toIndex(width));
  let f = ' ';
  if (fill !== undefined) {
    f = strVal(fill);
    if (strLen(f) !== 1) throw typeError('The fill character must be exactly one character long');
  }
  const n = strLen(s);
  if (w <= n) return s;
  const total = w - n;
  if (where === 'l') return s + f.repeat(total);
  if (where === 'r') return f.repeat(total) + s;
  const left = Math.floor(total / 2) + (total & w & 1);
  return f.repeat(left) + s + f.repeat(total - left);
}

function splitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '\n' || c === '\r' || c === '\v' || c === '\f' || c === '\x1c' || c === '\x1d' || c === '\x1e' || c === '\x85' || c === '\u2028' || c === '\u2029') {
      let eol = i + 1;
      if (c === '\r' && s[i + 1] === '\n') eol = i + 2;
      out.push(keepends ? s.slice(start, eol) : s.slice(start, i));
      i = eol;
      start = eol;
    } else i++;
  }
  if (start < n) out.push(s.slice(start));
  return out;
}

function list(items: string[]): PyList {
  return new PyList(items);
}

function maxsplitArg(x: any): number {
  if (x === undefined) return -1;
  return Number(toIndex(x));
}

export function strEncode(s: string, encoding: any, errors: any): Uint8Array {
  const enc = encoding === undefined ? 'utf-8' : strVal(encoding).toLowerCase().replace('_', '-');
  const errs = errors === undefined ? 'strict' : strVal(errors);
  if (enc === 'utf-8' || enc === 'utf8') return utf8Encode(s, errs);
  if (enc === 'ascii' || enc === 'latin-1' || enc === 'latin1' || enc === 'iso-8859-1') {
    const lim = enc === 'ascii' ? 0x80 : 0x100;
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < lim) out.push(c);
      else if (errs === 'ignore') continue;
      else if (errs === 'replace') out.push(0x3f);
      else throw unicodeError(`'${enc === 'ascii' ? 'ascii' : 'latin-1'}' codec can't encode character '\\x${c.toString(16)}'`);
    }
    return Uint8Array.from(out);
  }
  throw valueError(`unknown encoding: ${enc}`);
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
      if (reflected) return isStr(b) && asInt(a) !== undefined ? strRepeat(strVal(b), a) : NotImplemented;
      return asInt(b) !== undefined ? strRepeat(strVal(a), b) : NotImplemented;
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
      const buf = bufferOf(obj);
      if (buf === null) throw typeError(`decoding to str: need a bytes-like object, ${typeName(obj)} found`);
      v = decodeBytes(buf, encoding, errors);
    } else v = pyStr(obj);
    if (type === T.strType) return v;
    return new PyStrSub(type, v);
  };
  const S = (self: any) => strVal(self);
  defMethod(t, 'join', (self, it) => strJoin(S(self), it), 2);
  defMethod(t, 'split', (self, sep, maxsplit) => {
    const s = S(self);
    const m = maxsplitArg(maxsplit);
    return list(sep === undefined || sep === null ? splitWhitespace(s, m) : splitSep(s, strVal(sep, 'must be str or None, not'), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'rsplit', (self, sep, maxsplit) => {
    const s = S(self);
    const m = maxsplitArg(maxsplit);
    return list(sep === undefined || sep === null ? rsplitWhitespace(s, m) : rsplitSep(s, strVal(sep), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'splitlines', (self, keepends) => list(splitlines(S(self), keepends !== undefined && keepends !== false && keepends !== 0)), { params: 'self, keepends', min: 1 });
  defMethod(t, 'strip', (self, chars) => stripChars(S(self), chars, true, true), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'lstrip', (self, chars) => stripChars(S(self), chars, true, false), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'rstrip', (self, chars) => stripChars(S(self), chars, false, true), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'startswith', (self, p, a, b) => startsEnds(self, p, a, b, false), { params: 'self, prefix, start, end, /', min: 2 });
  defMethod(t, 'endswith', (self, p, a, b) => startsEnds(self, p, a, b, true), { params: 'self, suffix, start, end, /', min: 2 });
  defMethod(t, 'find', (self, sub, a, b) => strFind(S(self), strVal(sub), a, b, false), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rfind', (self, sub, a, b) => strFind(S(self), strVal(sub), a, b, true), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'index', (self, sub, a, b) => {
    const r = strFind(S(self), strVal(sub), a, b, false);
    if (r < 0) throw valueError('substring not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rindex', (self, sub, a, b) => {
    const r = strFind(S(self), strVal(sub), a, b, true);
    if (r < 0) throw valueError('substring not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'count', (self, sub, a, b) => count(S(self), strVal(sub), a, b), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'replace', (self, old, nw, cnt) => {
    const s = S(self);
    const o = strVal(old);
    const r = strVal(nw);
    let c = cnt === undefined ? -1 : Number(toIndex(cnt));
    if (c < 0) {
      if (o.length === 0) {
        const cps = codePoints(s);
        return r + cps.join(r) + (cps.length > 0 ? r : '');
      }
      let j = s.indexOf(o);
      if (j < 0) return s;
      let out = '';
      let i = 0;
      do {
        out += s.slice(i, j) + r;
        i = j + o.length;
        j = s.indexOf(o, i);
      } while (j >= 0);
      return out + s.slice(i);
    }
    let out = '';
    let i = 0;
    if (o.length === 0) {
      const cps = codePoints(s);
      let k = 0;
      for (; k < cps.length && c > 0; k++, c--) out += r + cps[k];
      if (c > 0) out += r;
      return out + cps.slice(k).join('');
    }
    while (c > 0) {
      const j = s.indexOf(o, i);
      if (j < 0) break;
      out += s.slice(i, j) + r;
      i = j + o.length;
      c--;
    }
    return out + s.slice(i);
  }, { params: 'self, old, new, count, /', min: 3 });
  defMethod(t, 'upper', (self) => S(self).toUpperCase(), 1);
  defMethod(t, 'lower', (self) => S(self).toLowerCase(), 1);
  defMethod(t, 'casefold', (self) => S(self).toLowerCase(), 1);
  defMethod(t, 'capitalize', (self) => {
    const s = S(self);
    const cps = codePoints(s);
    if (cps.length === 0) return s;
    return cps[0].toUpperCase() + cps.slice(1).join('').toLowerCase();
  }, 1);
  defMethod(t, 'title', (self) => title(S(self)), 1);
  defMethod(t, 'swapcase', (self) => {
    let out = '';
    for (const ch of S(self)) {
      const u = ch.toUpperCase();
      out += u === ch ? ch.toLowerCase() : u;
    }
    return out;
  }, 1);
  defMethod(t, 'isdigit', (self) => strIsX(S(self), /^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]$/u), 1);
  defMethod(t, 'isdecimal', (self) => strIsX(S(self), /^\p{Nd}$/u), 1);
  defMethod(t, 'isnumeric', (self) => strIsX(S(self), /^\p{N}$/u), 1);
  defMethod(t, 'isalpha', (self) => strIsX(S(self), /^\p{L}$/u), 1);
  defMethod(t, 'isalnum', (self) => strIsX(S(self), /^[\p{L}\p{N}]$/u), 1);
  defMethod(t, 'isspace', (self) => strIsX(S(self), PY_WS), 1);
  defMethod(t, 'isupper', (self) => {
    const s = S(self);
    let cased = false;
    for (const ch of s) {
      if (ch.toLowerCase() !== ch.toUpperCase()) {
        if (ch !== ch.toUpperCase()) return false;
        cased = true;
      }
    }
    return cased;
  }, 1);
  defMethod(t, 'islower', (self) => {
    const s = S(self);
    let cased = false;
    for (const ch of s) {
      if (ch.toLowerCase() !== ch.toUpperCase()) {
        if (ch !== ch.toLowerCase()) return false;
        cased = true;
      }
    }
    return cased;
  }, 1);
  defMethod(t, 'istitle', (self) => {
    const s = S(self);
    return s === title(s) && /\p{L}/u.test(s) && s !== s.toLowerCase();
  }, 1);
  defMethod(t, 'isidentifier', (self) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(S(self)), 1);
  defMethod(t, 'isprintable', (self) => {
    for (const ch of S(self)) if (!isPrintableChar(ch)) return false;
    return true;
  }, 1);
  defMethod(t, 'isascii', (self) => /^[\x00-\x7f]*$/.test(S(self)), 1);
  defMethod(t, 'center', (self, w, f) => pad(S(self), w, f, 'c'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'ljust', (self, w, f) => pad(S(self), w, f, 'l'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'rjust', (self, w, f) => pad(S(self), w, f, 'r'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'zfill', (self, w) => {
    const s = S(self);
    const width = Number(toIndex(w));
    const n = strLen(s);
    if (n >= width) return s;
    const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
    return sign + '0'.repeat(width - n) + s.slice(sign.length);
  }, 2);
  defMethod(t, 'expandtabs', (self, ts) => {
    const size = ts === undefined ? 8 : Number(toIndex(ts));
    let out = '';
    let col = 0;
    for (const ch of S(self)) {
      if (ch === '\t') {
        if (size > 0) {
          const n = size - (col % size);
          out += ' '.repeat(n);
          col += n;
        }
      } else if (ch === '\n' || ch === '\r') {
        out += ch;
        col = 0;
      } else {
        out += ch;
        col++;
      }
    }
    return out;
  }, { params: 'self, tabsize', min: 1 });
  defMethod(t, 'partition', (self, sep) => {
    const s = S(self);
    const p = strVal(sep);
    if (p.length === 0) throw valueError('empty separator');
    const i = s.indexOf(p);
    if (i < 0) return new PyTuple([s, '', '']);
    return new PyTuple([s.slice(0, i), p, s.slice(i + p.length)]);
  }, 2);
  defMethod(t, 'rpartition', (self, sep) => {
    const s = S(self);
    const p = strVal(sep);
    if (p.length === 0) throw valueError('empty separator');
    const i = s.lastIndexOf(p);
    if (i < 0) return new PyTuple(['', '', s]);
    return new PyTuple([s.slice(0, i), p, s.slice(i + p.length)]);
  }, 2);
  defMethod(t, 'removeprefix', (self, p) => {
    const s = S(self);
    const q = strVal(p);
    return q.length > 0 && s.startsWith(q) ? s.slice(q.length) : s;
  }, 2);
  defMethod(t, 'removesuffix', (self, p) => {
    const s = S(self);
    const q = strVal(p);
    return q.length > 0 && s.endsWith(q) ? s.slice(0, s.length - q.length) : s;
  }, 2);
  defMethod(t, 'encode', (self, encoding, errors) => new PyBytes(strEncode(S(self), encoding, errors)), { params: 'self, encoding, errors', min: 1 });
  defMethod(t, 'format', (args: any[], kwnames: readonly string[] | null) => {
    const nkw = kwnames?.length ?? 0;
    const npos = args.length - nkw;
    const kw = new Map<string, any>();
    for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[npos + i]);
    return strFormat(S(args[0]), args.slice(1, npos), kw);
  }, { raw: true, min: 1 });
  defMethod(t, 'format_map', (self, mapping) => strFormat(S(self), [], { get: (k: string) => getItem(mapping, k), has: () => true }), 2);
  defMethod(t, '__format__', (self, spec) => formatStr(S(self), strVal(spec)), 2);
  defMethod(t, 'translate', (self, table) => {
    let out = '';
    for (const ch of S(self)) {
      let r: any;
      try {
        r = getItem(table, ch.codePointAt(0));
      } catch (e) {
        if (e instanceof PyObject && e.type.isSubtypeOf(T.lookupErrorType)) {
          out += ch;
          continue;
        }
        throw e;
      }
      if (r === null) continue;
      if (typeof r === 'number') out += String.fromCodePoint(r);
      else out += strVal(r);
    }
    return out;
  }, 2);
  defStaticMethod(t, 'maketrans', (x, y, z) => {
    const d = new PyDict();
    if (y === undefined) {
      if (!(x instanceof PyDict)) throw typeError('if you give only one argument to maketrans it must be a dict');
      for (let i = 0; i < x.keys.length; i++) {
        const k = x.keys[i];
        if (typeof k === 'symbol') continue;
        dictSet(d, typeof k === 'string' ? k.codePointAt(0) : k, x.vals![i]);
      }
      return d;
    }
    const a = codePoints(strVal(x));
    const b = codePoints(strVal(y));
    if (a.length !== b.length) throw valueError('the first two maketrans arguments must have equal length');
    for (let i = 0; i < a.length; i++) dictSet(d, a[i].codePointAt(0), b[i].codePointAt(0));
    if (z !== undefined) for (const ch of codePoints(strVal(z))) dictSet(d, ch.codePointAt(0), null);
    return d;
  }, { params: 'x, y, z', min: 1 });
  defMethod(t, '__getnewargs__', (self) => new PyTuple([S(self)]), 1);
  void dictGet;
  void getIter;
  void iterNext;
  void pyRepr;
  void isInstance;
  void typeOf;
  void toArray;
  void call;
  void charAt;
}

/** bytes -> str for the given codec. */
export function decodeBytes(buf: Uint8Array, encoding: any, errors: any): string {
  const enc = encoding === undefined ? 'utf-8' : strVal(encoding).toLowerCase().replace('_', '-');
  const errs = errors === undefined ? 'strict' : strVal(errors);
  if (enc === 'utf-8' || enc === 'utf8') return utf8Decode(buf, errs);
  if (enc === 'ascii' || enc === 'latin-1' || enc === 'latin1' || enc === 'iso-8859-1') {
    let s = '';
    for (const c of buf) {
      if (enc === 'ascii' && c >= 0x80) {
        if (errs === 'ignore') continue;
        if (errs === 'replace') {
          s += '\ufffd';
          continue;
        }
        throw unicodeError(`'ascii' codec can't decode byte 0x${c.toString(16)}`);
      }
      s += String.fromCharCode(c);
    }
    return s;
  }
  throw valueError(`unknown encoding: ${enc}`);
}
