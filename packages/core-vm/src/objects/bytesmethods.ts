// Methods shared by bytes and bytearray (MicroPython py/objstr.c; CPython Objects/bytes_methods.c,
// bytesobject.c, bytearrayobject.c). The algorithms run over a latin-1 view (one JS char per byte); case
// operations and character classes are ASCII-only, as in CPython. bytearray methods return bytearrays;
// bytes methods (also on subclasses) return plain bytes.
import type { PyType } from '../object.js';
import { typeError, valueError, memoryError, ssizeArg, cIntArg, MAX_TEXT } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { PyList } from './list.js';
import { defMethod, defClassMethod, defStaticMethod } from './function.js';
import { asInt, typeName, toIndex, forEach, call, lookupSpecial } from '../runtime.js';
import * as T from '../types.js';
import { strArg, isStr, strVal } from './str.js';
import { splitSep, rsplitSep, decodeBytes } from './strmethods.js';
import { PyBytes, PyByteArray, bufferOf, latin1, fromLatin1, byteValue, hexOf } from './bytes.js';

const BYTES_WS = ' \t\n\r\x0b\x0c';

function isWsByte(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function bytesLike(x: any): Uint8Array {
  const b = bufferOf(x);
  if (b === null) throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
  return b;
}

/** find/count/index argument: bytes-like or an int in range(256). */
function subArg(x: any): Uint8Array {
  const b = bufferOf(x);
  if (b !== null) return b;
  const i = asInt(x) ?? (typeof x === 'object' && x !== null && lookupSpecial(x, '__index__') !== undefined ? toIndex(x) : undefined);
  if (i === undefined) throw typeError(`argument should be integer or bytes-like object, not '${typeName(x)}'`);
  if (i < 0 || i > 255) throw valueError('byte must be in range(0, 256)');
  return Uint8Array.of(Number(i));
}

/** A width argument (ljust, center, zfill): a C Py_ssize_t; MemoryError for a result we cannot build. */
function widthArg(x: any, n: number): number {
  const w = ssizeArg(asInt(x) ?? toIndex(x));
  if (w > n && w > MAX_TEXT) throw memoryError();
  return w;
}

function sliceIndex(x: any): number {
  const v = asInt(x) ?? toIndex(x);
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return v;
}

/** Optional start/end (ADJUST_INDICES): [start, end]; start may exceed end or the length. */
function range(n: number, a: any, b: any): [number, number] {
  let s = a === undefined || a === null ? 0 : sliceIndex(a);
  let e = b === undefined || b === null ? n : sliceIndex(b);
  if (e > n) e = n;
  else if (e < 0) e = Math.max(0, e + n);
  if (s < 0) s = Math.max(0, s + n);
  return [s, e];
}

function find(data: Uint8Array, sub: Uint8Array, a: any, b: any, rev: boolean): number {
  const [s, e] = range(data.length, a, b);
  if (s > data.length || e - s < sub.length) return -1;
  if (sub.length === 1) {
    const v = sub[0];
    if (rev) {
      for (let i = e - 1; i >= s; i--) if (data[i] === v) return i;
    } else for (let i = s; i < e; i++) if (data[i] === v) return i;
    return -1;
  }
  const hay = latin1(data.subarray(0, e));
  const needle = latin1(sub);
  const r = rev ? hay.lastIndexOf(needle, e - sub.length) : hay.indexOf(needle, s);
  return r >= s ? r : -1;
}

function count(data: Uint8Array, sub: Uint8Array, a: any, b: any): number {
  const [s, e] = range(data.length, a, b);
  if (s > data.length || e < s) return 0;
  if (sub.length === 0) return e - s + 1;
  const hay = latin1(data.subarray(s, e));
  const needle = latin1(sub);
  let n = 0;
  let i = 0;
  for (;;) {
    const j = hay.indexOf(needle, i);
    if (j < 0) return n;
    n++;
    i = j + needle.length;
  }
}

function tailMatch(data: Uint8Array, prefix: any, a: any, b: any, ends: boolean): boolean {
  const name = ends ? 'endswith' : 'startswith';
  const [s, e] = range(data.length, a, b);
  const test = (p: Uint8Array): boolean => {
    if (s > data.length || e - s < p.length) return false;
    const off = ends ? e - p.length : s;
    for (let i = 0; i < p.length; i++) if (data[off + i] !== p[i]) return false;
    return true;
  };
  if (prefix instanceof PyTuple) return prefix.items.some((p) => test(bytesLike(p)));
  const p = bufferOf(prefix);
  if (p === null) throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${typeName(prefix)}`);
  return test(p);
}

function strip(s: string, chars: any, left: boolean, right: boolean): [number, number] {
  const cs = chars === undefined || chars === null ? BYTES_WS : latin1(bytesLike(chars));
  let i = 0;
  let j = s.length;
  if (left) while (i < j && cs.includes(s[i])) i++;
  if (right) while (j > i && cs.includes(s[j - 1])) j--;
  return [i, j];
}

function splitWs(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isWsByte(s.charCodeAt(i))) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isWsByte(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplitWs(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWsByte(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isWsByte(s.charCodeAt(j - 1))) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

function fillByte(fill: any, name: string): string {
  if (fill === undefined) return ' ';
  const b = bufferOf(fill);
  if (b === null || b.length !== 1 || !(fill instanceof PyBytes || fill instanceof PyByteArray)) {
    throw typeError(`${name}() argument 2 must be a byte string of length 1, not ${typeName(fill)}`);
  }
  return String.fromCharCode(b[0]);
}

const lowerAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const upperAscii = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const isUpperB = (c: number) => c >= 65 && c <= 90;
const isLowerB = (c: number) => c >= 97 && c <= 122;

function titleAscii(s: string): string {
  let out = '';
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpperB(c) || isLowerB(c)) {
      out += prevCased ? s[i].toLowerCase() : s[i].toUpperCase();
      prevCased = true;
    } else {
      out += s[i];
      prevCased = false;
    }
  }
  return out;
}

function istitleAscii(s: string): boolean {
  let cased = false;
  let prev = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpperB(c)) {
      if (prev) return false;
      prev = cased = true;
    } else if (isLowerB(c)) {
      if (!prev) return false;
      prev = cased = true;
    } else prev = false;
  }
  return cased;
}

function joinBytes(sep: Uint8Array, it: any): Uint8Array {
  const parts: Uint8Array[] = [];
  let i = 0;
  forEach(it, (v) => {
    const b = bufferOf(v);
    if (b === null) throw typeError(`sequence item ${i}: expected a bytes-like object, ${typeName(v)} found`);
    parts.push(b);
    i++;
  });
  let n = sep.length * Math.max(0, parts.length - 1);
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) {
      out.set(sep, o);
      o += sep.length;
    }
    out.set(parts[k], o);
    o += parts[k].length;
  }
  return out;
}

function replace(s: string, o: string, r: string, cnt: number): string {
  let c = cnt;
  if (o.length === 0) {
    if (c < 0) c = s.length + 1;
    let out = '';
    let k = 0;
    for (; k <= s.length && c > 0; c--) {
      out += r + (k < s.length ? s[k] : '');
      k++;
    }
    return out + s.slice(k);
  }
  if (c < 0) return s.split(o).join(r);
  let out = '';
  let i = 0;
  while (c > 0) {
    const j = s.indexOf(o, i);
    if (j < 0) break;
    out += s.slice(i, j) + r;
    i = j + o.length;
    c--;
  }
  return out + s.slice(i);
}

function expandtabs(s: string, size: number): string {
  let out = '';
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
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
}

function translateTable(table: any): Uint8Array | null {
  if (table === null || table === undefined) return null;
  const t = bytesLike(table);
  if (t.length !== 256) throw valueError('translation table must be 256 characters long');
  return t;
}

/** bytes.fromhex / bytearray.fromhex text -> bytes (white space between byte pairs allowed). */
export function fromHex(text: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      i++;
      continue;
    }
    const hi = hex(c);
    if (hi < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = i + 1 < n ? hex(text.charCodeAt(i + 1)) : -1;
    if (lo < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

/** Define the shared methods on bytes (mutable false) or bytearray (mutable true). */
export function setupBytesMethods(t: PyType, mutable: boolean): void {
  const D = (self: any): Uint8Array => bufferOf(self)!;
  const L = (self: any) => latin1(D(self));
  const mk = (data: Uint8Array): any => (mutable ? new PyByteArray(data) : new PyBytes(data));
  const mkS = (s: string): any => mk(fromLatin1(s));
  /** The object itself when an unchanged immutable result may be shared (CPython returns self for exact bytes). */
  const same = (self: any, s: string, changed: boolean): any => (!mutable && !changed && (self as PyBytes).type === T.bytesType ? self : mkS(s));
  const list = (parts: string[]) => new PyList(parts.map(mkS));

  defMethod(t, 'decode', (self, encoding, errors) => decodeBytes(D(self), encoding, errors), { params: 'self, encoding, errors', min: 1 });
  defMethod(t, 'hex', (self, sep, per) => hexOf(D(self), sep, per), { params: 'self, sep, bytes_per_sep', min: 1 });
  defMethod(t, 'find', (self, x, a, b) => find(D(self), subArg(x), a, b, false), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rfind', (self, x, a, b) => find(D(self), subArg(x), a, b, true), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'index', (self, x, a, b) => {
    const r = find(D(self), subArg(x), a, b, false);
    if (r < 0) throw valueError('subsection not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rindex', (self, x, a, b) => {
    const r = find(D(self), subArg(x), a, b, true);
    if (r < 0) throw valueError('subsection not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'count', (self, x, a, b) => count(D(self), subArg(x), a, b), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'startswith', (self, p, a, b) => tailMatch(D(self), p, a, b, false), { params: 'self, prefix, start, end, /', min: 2 });
  defMethod(t, 'endswith', (self, p, a, b) => tailMatch(D(self), p, a, b, true), { params: 'self, suffix, start, end, /', min: 2 });
  defMethod(t, 'split', (self, sep, maxsplit) => {
    const m = maxsplit === undefined ? -1 : sliceIndex(maxsplit);
    return list(sep === undefined || sep === null ? splitWs(L(self), m) : splitSep(L(self), latin1(bytesLike(sep)), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'rsplit', (self, sep, maxsplit) => {
    const m = maxsplit === undefined ? -1 : sliceIndex(maxsplit);
    return list(sep === undefined || sep === null ? rsplitWs(L(self), m) : rsplitSep(L(self), latin1(bytesLike(sep)), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'splitlines', (self, keepends) => {
    const s = L(self);
    const keep = keepends !== undefined && keepends !== null && keepends !== false && keepends !== 0;
    const out: string[] = [];
    let start = 0;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\n' || c === '\r') {
        let eol = i + 1;
        if (c === '\r' && s[i + 1] === '\n') eol++;
        out.push(keep ? s.slice(start, eol) : s.slice(start, i));
        start = i = eol;
      } else i++;
    }
    if (start < s.length) out.push(s.slice(start));
    return list(out);
  }, { params: 'self, keepends', min: 1 });
  for (const [name, left, right] of [['strip', true, true], ['lstrip', true, false], ['rstrip', false, true]] as const) {
    defMethod(t, name, (self, chars) => {
      const s = L(self);
      const [i, j] = strip(s, chars, left, right);
      return same(self, s.slice(i, j), i !== 0 || j !== s.length);
    }, { params: 'self, chars, /', min: 1 });
  }
  defMethod(t, 'replace', (self, old, nw, cnt) => mkS(replace(L(self), latin1(bytesLike(old)), latin1(bytesLike(nw)), cnt === undefined ? -1 : sliceIndex(cnt))), { params: 'self, old, new, count, /', min: 3 });
  defMethod(t, 'join', (self, it) => mk(joinBytes(D(self), it)), 2);
  for (const rev of [false, true]) {
    defMethod(t, rev ? 'rpartition' : 'partition', (self, sep) => {
      const s = L(self);
      const p = latin1(bytesLike(sep));
      if (p.length === 0) throw valueError('empty separator');
      const i = rev ? s.lastIndexOf(p) : s.indexOf(p);
      if (i < 0) return rev ? new PyTuple([mkS(''), mkS(''), same(self, s, false)]) : new PyTuple([same(self, s, false), mkS(''), mkS('')]);
      return new PyTuple([mkS(s.slice(0, i)), mkS(p), mkS(s.slice(i + p.length))]);
    }, 2);
  }
  defMethod(t, 'removeprefix', (self, p) => {
    const s = L(self);
    const q = latin1(bytesLike(p));
    return q.length > 0 && s.startsWith(q) ? mkS(s.slice(q.length)) : same(self, s, false);
  }, 2);
  defMethod(t, 'removesuffix', (self, p) => {
    const s = L(self);
    const q = latin1(bytesLike(p));
    return q.length > 0 && s.endsWith(q) ? mkS(s.slice(0, s.length - q.length)) : same(self, s, false);
  }, 2);
  defMethod(t, 'upper', (self) => mkS(upperAscii(L(self))), 1);
  defMethod(t, 'lower', (self) => mkS(lowerAscii(L(self))), 1);
  defMethod(t, 'swapcase', (self) => mkS(L(self).replace(/[a-zA-Z]/g, (c) => (c <= 'Z' ? c.toLowerCase() : c.toUpperCase()))), 1);
  defMethod(t, 'title', (self) => mkS(titleAscii(L(self))), 1);
  defMethod(t, 'capitalize', (self) => {
    const s = L(self);
    return mkS(s.length === 0 ? s : upperAscii(s[0]) + lowerAscii(s.slice(1)));
  }, 1);
  const all = (re: RegExp) => (self: any) => {
    const s = L(self);
    return s.length > 0 && re.test(s);
  };
  defMethod(t, 'isdigit', all(/^[0-9]+$/), 1);
  defMethod(t, 'isalpha', all(/^[a-zA-Z]+$/), 1);
  defMethod(t, 'isalnum', all(/^[a-zA-Z0-9]+$/), 1);
  defMethod(t, 'isspace', all(/^[ \t\n\r\x0b\x0c]+$/), 1);
  defMethod(t, 'isascii', (self) => D(self).every((c) => c < 0x80), 1);
  defMethod(t, 'isupper', (self) => /[A-Z]/.test(L(self)) && !/[a-z]/.test(L(self)), 1);
  defMethod(t, 'islower', (self) => /[a-z]/.test(L(self)) && !/[A-Z]/.test(L(self)), 1);
  defMethod(t, 'istitle', (self) => istitleAscii(L(self)), 1);
  for (const where of ['ljust', 'rjust', 'center'] as const) {
    defMethod(t, where, (self, width, fill) => {
      const s = L(self);
      const w = widthArg(width, s.length);
      const f = fillByte(fill, where);
      if (w <= s.length) return same(self, s, false);
      const total = w - s.length;
      if (where === 'ljust') return mkS(s + f.repeat(total));
      if (where === 'rjust') return mkS(f.repeat(total) + s);
      const left = (total >> 1) + (total & w & 1);
      return mkS(f.repeat(left) + s + f.repeat(total - left));
    }, { params: 'self, width, fillchar, /', min: 2 });
  }
  defMethod(t, 'zfill', (self, width) => {
    const s = L(self);
    const w = widthArg(width, s.length);
    if (w <= s.length) return same(self, s, false);
    const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
    return mkS(sign + '0'.repeat(w - s.length) + s.slice(sign.length));
  }, 2);
  defMethod(t, 'expandtabs', (self, ts) => mkS(expandtabs(L(self), ts === undefined ? 8 : cIntArg(asInt(ts) ?? toIndex(ts)))), { params: 'self, tabsize', min: 1 });
  defMethod(t, 'translate', (self, table, del) => {
    const tbl = translateTable(table);
    const d = del === undefined ? null : bytesLike(del);
    const drop = new Uint8Array(256);
    if (d !== null) for (const c of d) drop[c] = 1;
    const src = D(self);
    const out: number[] = [];
    for (const c of src) if (drop[c] === 0) out.push(tbl === null ? c : tbl[c]);
    return mk(Uint8Array.from(out));
  }, { params: 'self, table, delete', min: 2 });
  defStaticMethod(t, 'maketrans', (frm, to) => {
    const a = bytesLike(frm);
    const b = bytesLike(to);
    if (a.length !== b.length) throw valueError('maketrans arguments must have same length');
    const out = new Uint8Array(256);
    for (let i = 0; i < 256; i++) out[i] = i;
    for (let i = 0; i < a.length; i++) out[a[i]] = b[i];
    return new PyBytes(out);
  }, 2);
  defClassMethod(t, 'fromhex', (cls, s) => {
    const data = fromHex(strArg(s, 'fromhex() argument'));
    if (cls === T.bytesType) return new PyBytes(data);
    if (cls === T.bytearrayType) return new PyByteArray(data);
    return call(cls, [new PyBytes(data)], null);
  }, 2);
  void byteValue;
  void isStr;
  void strVal;
}
