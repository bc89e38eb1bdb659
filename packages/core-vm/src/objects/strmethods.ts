// str methods (MicroPython py/objstr.c, objstrunicode.c; CPython Objects/unicodeobject.c). MicroPython
// 1.9.4 lacks several of them (spec 6.3.7: ljust/rjust, start/end arguments, rsplit(None, n), keyword
// arguments, '{a[0]}' fields): all are limitations, so this is CPython 3.11's str, by code point.
// Case mappings are Unicode's full mappings (JavaScript's toUpperCase/toLowerCase, plus the casefold and
// titlecase tables in unidata.ts), with Final_Sigma handled as CPython does.
import * as T from '../types.js';
import type { PyType } from '../object.js';
import { PyObject } from '../object.js';
import { typeError, valueError, memoryError, ssizeArg, cIntArg, MAX_TEXT } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict, dictSet } from './dict.js';
import { PyBytes, bufferOf } from './bytes.js';
import { defMethod, defStaticMethod } from './function.js';
import { toIndex, forEach, getItem, isInstance, typeName, str as pyStr, asInt } from '../runtime.js';
import { strFormat, formatStr } from '../format.js';
import { PyStrSub, strVal, strArg, isStr, strLen, codePoints, hasSurrogates, cpOffsets } from './str.js';
import { encodeText, decodeText } from './codecs.js';
import { isDigitCp, isNumericCp, decimalValue, casefoldChar, titleChar, unitsToString, isSpaceCp, isPrintableCp, isAlphaCp } from './unicode.js';

// ---- white space and splitting ---------------------------------------------------------------------------

function isWsCode(c: number): boolean {
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) : isSpaceCp(c);
}

/** str.split() (no separator): runs of white space separate; none at the ends. */
export function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isWsCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i)); // the rest, trailing white space included
      return out;
    }
    let j = i;
    while (j < n && !isWsCode(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

export function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWsCode(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, i)); // the rest, leading white space included
      break;
    }
    let j = i;
    while (j > 0 && !isWsCode(s.charCodeAt(j - 1))) j--;
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
  while (out.length < maxsplit && end >= sep.length) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x1c || c === 0x1d || c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function splitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isLineBreak(c)) {
      let eol = i + 1;
      if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) eol = i + 2;
      out.push(keepends ? s.slice(start, eol) : s.slice(start, i));
      i = eol;
      start = eol;
    } else i++;
  }
  if (start < n) out.push(s.slice(start));
  return out;
}

// ---- code-point ranges -----------------------------------------------------------------------------------

/**
 * CPython's ADJUST_INDICES for optional start/end arguments, as JS string offsets: [startOffset, endOffset,
 * startIndex, endIndex, length] (indexes in code points). start may exceed end (nothing matches).
 */
function range(s: string, start: any, end: any): [number, number, number, number] {
  const simple = !hasSurrogates(s);
  const n = simple ? s.length : strLen(s);
  let a = start === undefined || start === null ? 0 : sliceIndex(start);
  let b = end === undefined || end === null ? n : sliceIndex(end);
  if (b > n) b = n;
  else if (b < 0) b = Math.max(0, b + n);
  if (a < 0) a = Math.max(0, a + n);
  if (simple) return [a, b, a, n];
  return [cpOffset(s, Math.min(a, n)), cpOffset(s, b), a, n];
}

function sliceIndex(x: any): number {
  const v = asInt(x) ?? toIndex(x);
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return v;
}

/** JS offset of code point index k (0 <= k <= length). */
function cpOffset(s: string, k: number): number {
  return cpOffsets(s)[k];
}

/** Code point index of JS offset off. */
function cpIndex(s: string, off: number): number {
  return hasSurrogates(s) ? strLen(s.slice(0, off)) : off;
}

/** str.find/rfind core: code point index or -1. */
export function strFind(s: string, sub: string, start: any, end: any, reverse: boolean): number {
  if ((start === undefined || start === null) && (end === undefined || end === null)) {
    const r = reverse ? s.lastIndexOf(sub) : s.indexOf(sub);
    return r <= 0 ? r : cpIndex(s, r);
  }
  const [oa, ob, a, n] = range(s, start, end);
  if (a > n) return -1;
  if (ob - oa < sub.length) return -1;
  let r: number;
  if (reverse) {
    r = s.lastIndexOf(sub, ob - sub.length);
    if (r < oa) return -1;
  } else {
    r = s.indexOf(sub, oa);
    if (r < 0 || r + sub.length > ob) return -1;
  }
  return cpIndex(s, r);
}

function count(s: string, sub: string, start: any, end: any): number {
  if ((start === undefined || start === null) && (end === undefined || end === null) && sub.length > 0) {
    let c = 0;
    for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) c++;
    return c;
  }
  const [oa, ob, a, n] = range(s, start, end);
  if (a > n || ob < oa) return 0;
  if (sub.length === 0) return strLen(s.slice(oa, ob)) + 1;
  let c = 0;
  let i = oa;
  for (;;) {
    const j = s.indexOf(sub, i);
    if (j < 0 || j + sub.length > ob) return c;
    c++;
    i = j + sub.length;
  }
}

function startsEnds(s: string, prefix: any, start: any, end: any, ends: boolean): boolean {
  if (typeof prefix === 'string' && start === undefined && end === undefined) return ends ? s.endsWith(prefix) : s.startsWith(prefix);
  const name = ends ? 'endswith' : 'startswith';
  const [oa, ob, a, n] = range(s, start, end);
  const test = (ps: string): boolean => {
    if (a > n) return false;
    if (ob - oa < ps.length) return false;
    return ends ? s.startsWith(ps, ob - ps.length) : s.startsWith(ps, oa);
  };
  if (prefix instanceof PyTuple) {
    for (const p of prefix.items) {
      if (!isStr(p)) throw typeError(`tuple for ${name} must only contain str, not ${typeName(p)}`);
      if (test(strVal(p))) return true;
    }
    return false;
  }
  if (!isStr(prefix)) throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(prefix)}`);
  return test(strVal(prefix));
}

// ---- stripping, padding ----------------------------------------------------------------------------------

function strip(s: string, chars: any, left: boolean, right: boolean, name: string): string {
  let i = 0;
  let j = s.length;
  if (chars === undefined || chars === null) {
    if (left) while (i < j && isWsCode(s.charCodeAt(i))) i++;
    if (right) while (j > i && isWsCode(s.charCodeAt(j - 1))) j--;
    return i === 0 && j === s.length ? s : s.slice(i, j);
  }
  if (!isStr(chars)) throw typeError(`${name} arg must be None or str`);
  const cs = strVal(chars);
  if (!hasSurrogates(cs) && !hasSurrogates(s)) {
    if (left) while (i < j && cs.includes(s[i])) i++;
    if (right) while (j > i && cs.includes(s[j - 1])) j--;
    return s.slice(i, j);
  }
  const set = new Set(codePoints(cs));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

function fillChar(fill: any): string {
  if (fill === undefined) return ' ';
  if (!isStr(fill)) throw typeError(`The fill character must be a unicode character, not ${typeName(fill)}`);
  const f = strVal(fill);
  if (strLen(f) !== 1) throw typeError('The fill character must be exactly one character long');
  return f;
}

/** A width argument (ljust, center, zfill ...): a C Py_ssize_t; MemoryError for a result we cannot build. */
function widthArg(x: any, n: number): number {
  const w = ssizeArg(asInt(x) ?? toIndex(x));
  if (w > n && w > MAX_TEXT) throw memoryError();
  return w;
}

function pad(s: string, width: any, fill: any, where: 'l' | 'r' | 'c'): string {
  const n = strLen(s);
  const w = widthArg(width, n);
  const f = fillChar(fill);
  if (w <= n) return s;
  const total = w - n;
  if (where === 'l') return s + f.repeat(total);
  if (where === 'r') return f.repeat(total) + s;
  const left = (total >> 1) + (total & w & 1);
  return f.repeat(left) + s + f.repeat(total - left);
}

// ---- case ------------------------------------------------------------------------------------------------

const RE_CASED = /\p{Cased}/u;
const RE_CASE_IGNORABLE = /\p{Case_Ignorable}/u;
const RE_UPPER = /\p{Uppercase}/u;
const RE_LOWER = /\p{Lowercase}/u;
const RE_TITLE = /\p{Lt}/u;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case of cps[i] in context: a capital sigma at the end of a word becomes final sigma. */
function lowerAt(cps: string[], i: number): string {
  const ch = cps[i];
  if (ch !== '\u03a3') return ch.toLowerCase();
  // Final_Sigma: preceded by a cased letter and not followed by one (case-ignorable ones skipped)
  let j = i - 1;
  while (j >= 0 && RE_CASE_IGNORABLE.test(cps[j])) j--;
  if (j < 0 || !RE_CASED.test(cps[j])) return '\u03c3';
  j = i + 1;
  while (j < cps.length && RE_CASE_IGNORABLE.test(cps[j])) j++;
  return j < cps.length && RE_CASED.test(cps[j]) ? '\u03c3' : '\u03c2';
}

function swapcase(s: string): string {
  if (ASCII.test(s)) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : s[i];
    }
    return out;
  }
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    if (RE_UPPER.test(ch)) out += lowerAt(cps, i);
    else if (RE_LOWER.test(ch)) out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}

/** Cased-ness of BMP code points, filled on first use (0 unknown, 1 cased, 2 not cased). */
let casedBmp: Uint8Array | null = null;

/** The same for astral code points, and their title/lower case (str.title), memoised as met. */
const casedAstral = new Map<number, boolean>();
const titleAstral = new Map<number, string>();
const lowerAstral = new Map<number, string>();

function isCased(cp: number): boolean {
  if (cp >= 0x10000) {
    let v = casedAstral.get(cp);
    if (v === undefined) {
      v = RE_CASED.test(String.fromCodePoint(cp));
      if (casedAstral.size < 4096) casedAstral.set(cp, v);
    }
    return v;
  }
  const table = (casedBmp ??= new Uint8Array(0x10000));
  let v = table[cp];
  if (v === 0) table[cp] = v = RE_CASED.test(String.fromCharCode(cp)) ? 1 : 2;
  return v === 1;
}

let caseScratch = new Uint16Array(256);
/** BMP code point -> its lower/title case as one UTF-16 unit + 1; -1: several units; 0: not looked up yet. */
let lowerUnits: Int32Array | null = null;
let titleUnits: Int32Array | null = null;

function title(s: string): string {
  // each run of cased characters: the first titlecased, the rest lowercased (CPython do_title). The result
  // is written as UTF-16 units into a scratch buffer (a character's title/lower case is at most 3 units per
  // input unit) and made a string once.
  const n = s.length;
  if (caseScratch.length < n * 3) caseScratch = new Uint16Array(n * 3);
  const buf = caseScratch;
  let cps: string[] | null = null; // only a capital sigma needs its neighbours
  let o = 0;
  let changed = false;
  let lone = false;
  let prevCased = false;
  let k = 0; // code point index
  for (let i = 0; i < n; i++, k++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const upper = c >= 65 && c <= 90;
      const lower = c >= 97 && c <= 122;
      const r = prevCased ? (upper ? c + 32 : c) : lower ? c - 32 : c;
      if (r !== c) changed = true;
      buf[o++] = r;
      prevCased = upper || lower;
      continue;
    }
    if (c < 0xd800 || c >= 0xe000) {
      // BMP: the single-unit case mappings are memoised per code point (capital sigma is contextual)
      const table = prevCased ? (lowerUnits ??= new Int32Array(0x10000)) : (titleUnits ??= new Int32Array(0x10000));
      let v = table[c];
      if (v === 0 && c !== 0x3a3) {
        const ch = s[i];
        const r = prevCased ? ch.toLowerCase() : titleChar(ch);
        table[c] = v = r.length === 1 ? r.charCodeAt(0) + 1 : -1;
      }
      if (v > 0) {
        if (v - 1 !== c) changed = true;
        buf[o++] = v - 1;
        prevCased = isCased(c);
        continue;
      }
    }
    let ch: string;
    let cp = c;
    if (c >= 0xd800 && c < 0xe000) {
      if (c < 0xdc00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        ch = s.slice(i, i + 2);
        cp = ch.codePointAt(0)!;
        i++;
      } else {
        ch = s[i];
        lone = true;
      }
    } else ch = s[i];
    let r: string | undefined;
    if (prevCased) {
      if (cp === 0x3a3) {
        cps ??= codePoints(s);
        r = lowerAt(cps, k);
      } else if (cp < 0x10000) r = ch.toLowerCase();
      else if ((r = lowerAstral.get(cp)) === undefined) {
        r = ch.toLowerCase();
        if (lowerAstral.size < 4096) lowerAstral.set(cp, r);
      }
    } else if (cp < 0x10000) r = titleChar(ch);
    else if ((r = titleAstral.get(cp)) === undefined) {
      r = titleChar(ch);
      if (titleAstral.size < 4096) titleAstral.set(cp, r);
    }
    if (r !== ch) changed = true;
    for (let j = 0; j < r.length; j++) buf[o++] = r.charCodeAt(j);
    prevCased = isCased(cp);
  }
  return changed ? unitsToString(buf, o, lone) : s;
}

function capitalize(s: string): string {
  if (s.length === 0) return s;
  const cps = codePoints(s);
  let out = titleChar(cps[0]);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

function casefold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += casefoldChar(ch);
  return out;
}

function istitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const ch of s) {
    if (RE_UPPER.test(ch) || RE_TITLE.test(ch)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (RE_LOWER.test(ch)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
}

function isupper(s: string): boolean {
  if (ASCII.test(s)) return /[A-Z]/.test(s) && !/[a-z]/.test(s);
  let cased = false;
  for (const ch of s) {
    if (RE_LOWER.test(ch) || RE_TITLE.test(ch)) return false;
    if (!cased && RE_UPPER.test(ch)) cased = true;
  }
  return cased;
}

function islower(s: string): boolean {
  if (ASCII.test(s)) return /[a-z]/.test(s) && !/[A-Z]/.test(s);
  let cased = false;
  for (const ch of s) {
    if (RE_UPPER.test(ch) || RE_TITLE.test(ch)) return false;
    if (!cased && RE_LOWER.test(ch)) cased = true;
  }
  return cased;
}

function allCps(s: string, pred: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if ((d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (!pred(c)) return false;
  }
  return true;
}

const RE_IDENT = /^[\p{XID_Start}_]\p{XID_Continue}*$/u;
export function isPrintableChar(ch: string): boolean {
  return isPrintableCp(ch.codePointAt(0)!);
}

function isalnumCp(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isAlphaCp(c) || isNumericCp(c);
}

// ---- translate -------------------------------------------------------------------------------------------

function translate(s: string, table: any): string {
  const parts: string[] = [];
  const cache = new Map<number, string | null>();
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    let r = cache.get(cp);
    if (r === undefined) {
      let v: any;
      try {
        v = getItem(table, cp);
      } catch (e) {
        if (e instanceof PyObject && isInstance(e, T.lookupErrorType)) {
          cache.set(cp, ch);
          parts.push(ch);
          continue;
        }
        throw e;
      }
      if (v === null) r = null;
      else if (isStr(v)) r = strVal(v);
      else {
        const i = asInt(v);
        if (i === undefined) throw typeError('character mapping must return integer, None or str');
        if (i < 0 || i > 0x10ffff) throw valueError('character mapping must be in range(0x110000)');
        r = String.fromCodePoint(Number(i));
      }
      cache.set(cp, r);
    }
    if (r !== null) parts.push(r);
  }
  return parts.join('');
}

function maketrans(x: any, y: any, z: any): PyDict {
  const d = new PyDict();
  if (y === undefined) {
    if (!(x instanceof PyDict)) throw typeError('if you give only one argument to maketrans it must be a dict');
    for (let i = 0; i < x.keys.length; i++) {
      const k = x.keys[i];
      if (typeof k === 'symbol') continue;
      let key: any;
      if (isStr(k)) {
        const ks = strVal(k);
        if (strLen(ks) !== 1) throw valueError('string keys in translate table must be of length 1');
        key = ks.codePointAt(0);
      } else if (asInt(k) !== undefined) key = asInt(k);
      else throw typeError('keys in translate table must be strings or integers');
      dictSet(d, key, x.vals![i]);
    }
    return d;
  }
  const a = codePoints(strArg(y === undefined ? x : x, 'maketrans() argument 1'));
  const b = codePoints(strArg(y, 'maketrans() argument 2'));
  if (a.length !== b.length) throw valueError('the first two maketrans arguments must have equal length');
  for (let i = 0; i < a.length; i++) dictSet(d, a[i].codePointAt(0), b[i].codePointAt(0));
  if (z !== undefined) for (const ch of codePoints(strArg(z, 'maketrans() argument 3'))) dictSet(d, ch.codePointAt(0), null);
  return d;
}

// ---- misc ------------------------------------------------------------------------------------------------

export function strJoin(sep: string, iterable: any): string {
  if ((iterable instanceof PyList && iterable.type === T.listType) || (iterable instanceof PyTuple && iterable.type === T.tupleType)) {
    // a list or tuple of exact strs joins in place (subclasses iterate: their __iter__ may differ)
    const items: any[] = iterable.items;
    let ok = true;
    for (let k = 0; k < items.length; k++) {
      if (typeof items[k] !== 'string') {
        ok = false;
        break;
      }
    }
    if (ok) return items.join(sep);
  }
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

function replace(s: string, old: string, nw: string, cnt: number): string {
  if (cnt < 0) {
    if (old.length === 0) {
      const cps = codePoints(s);
      return nw + cps.join(nw) + (cps.length > 0 ? nw : '');
    }
    let j = s.indexOf(old);
    if (j < 0) return s;
    let out = '';
    let i = 0;
    do {
      out += s.slice(i, j) + nw;
      i = j + old.length;
      j = s.indexOf(old, i);
    } while (j >= 0);
    return out + s.slice(i);
  }
  let c = cnt;
  if (old.length === 0) {
    const cps = codePoints(s);
    let out = '';
    let k = 0;
    for (; k <= cps.length && c > 0; c--) {
      out += nw + (k < cps.length ? cps[k] : '');
      k++;
    }
    return out + cps.slice(k).join('');
  }
  let out = '';
  let i = 0;
  while (c > 0) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + nw;
    i = j + old.length;
    c--;
  }
  return out + s.slice(i);
}

function expandtabs(s: string, size: number): string {
  let out = '';
  let col = 0;
  for (const ch of s) {
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

function maxsplitArg(x: any): number {
  if (x === undefined) return -1;
  return sliceIndex(x);
}

function encodingArg(x: any, what: string): string {
  if (x === undefined) return what === 'encoding' ? 'utf-8' : 'strict';
  return strArg(x, `encode() argument '${what}'`);
}

/** str.encode core (str -> bytes). */
export function strEncode(s: string, encoding: any, errors: any): Uint8Array {
  return encodeText(s, encoding === undefined ? 'utf-8' : strArg(encoding, "encode() argument 'encoding'"), errors === undefined ? 'strict' : strArg(errors, "encode() argument 'errors'"));
}

/** bytes -> str for the given codec (bytes.decode, str(b, enc)). */
export function decodeBytes(buf: Uint8Array, encoding: any, errors: any): string {
  return decodeText(buf, encoding === undefined ? 'utf-8' : strArg(encoding, "decode() argument 'encoding'"), errors === undefined ? 'strict' : strArg(errors, "decode() argument 'errors'"));
}

/** The methods of str (setupStr calls this once). */
export function setupStrMethods(t: PyType): void {
  const S = (self: any) => strVal(self);
  const subArg = (x: any): string => {
    if (isStr(x)) return strVal(x);
    throw typeError(`must be str, not ${typeName(x)}`);
  };
  const list = (items: string[]) => new PyList(items);
  defMethod(t, 'join', (self, it) => strJoin(S(self), it), 2);
  defMethod(t, 'split', (self, sep, maxsplit) => {
    const s = S(self);
    const m = maxsplitArg(maxsplit);
    if (sep === undefined || sep === null) return list(splitWhitespace(s, m));
    if (!isStr(sep)) throw typeError(`must be str or None, not ${typeName(sep)}`);
    return list(splitSep(s, strVal(sep), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'rsplit', (self, sep, maxsplit) => {
    const s = S(self);
    const m = maxsplitArg(maxsplit);
    if (sep === undefined || sep === null) return list(rsplitWhitespace(s, m));
    if (!isStr(sep)) throw typeError(`must be str or None, not ${typeName(sep)}`);
    return list(rsplitSep(s, strVal(sep), m));
  }, { params: 'self, sep, maxsplit', min: 1 });
  defMethod(t, 'splitlines', (self, keepends) => list(splitlines(S(self), keepends !== undefined && keepends !== false && keepends !== 0 && keepends !== null)), { params: 'self, keepends', min: 1 });
  defMethod(t, 'strip', (self, chars) => strip(S(self), chars, true, true, 'strip'), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'lstrip', (self, chars) => strip(S(self), chars, true, false, 'lstrip'), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'rstrip', (self, chars) => strip(S(self), chars, false, true, 'rstrip'), { params: 'self, chars, /', min: 1 });
  defMethod(t, 'startswith', (self, p, a, b) => startsEnds(S(self), p, a, b, false), { params: 'self, prefix, start, end, /', min: 2 });
  defMethod(t, 'endswith', (self, p, a, b) => startsEnds(S(self), p, a, b, true), { params: 'self, suffix, start, end, /', min: 2 });
  defMethod(t, 'find', (self, x, a, b) => strFind(S(self), subArg(x), a, b, false), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rfind', (self, x, a, b) => strFind(S(self), subArg(x), a, b, true), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'index', (self, x, a, b) => {
    const r = strFind(S(self), subArg(x), a, b, false);
    if (r < 0) throw valueError('substring not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'rindex', (self, x, a, b) => {
    const r = strFind(S(self), subArg(x), a, b, true);
    if (r < 0) throw valueError('substring not found');
    return r;
  }, { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'count', (self, x, a, b) => count(S(self), subArg(x), a, b), { params: 'self, sub, start, end, /', min: 2 });
  defMethod(t, 'replace', (self, old, nw, cnt) => replace(S(self), subArg(old), subArg(nw), cnt === undefined ? -1 : sliceIndex(cnt)), { params: 'self, old, new, count, /', min: 3 });
  defMethod(t, 'upper', (self) => S(self).toUpperCase(), 1);
  defMethod(t, 'lower', (self) => S(self).toLowerCase(), 1);
  defMethod(t, 'casefold', (self) => casefold(S(self)), 1);
  defMethod(t, 'capitalize', (self) => capitalize(S(self)), 1);
  defMethod(t, 'title', (self) => title(S(self)), 1);
  defMethod(t, 'swapcase', (self) => swapcase(S(self)), 1);
  defMethod(t, 'isdigit', (self) => allCps(S(self), isDigitCp), 1);
  defMethod(t, 'isdecimal', (self) => allCps(S(self), (c) => decimalValue(c) >= 0), 1);
  defMethod(t, 'isnumeric', (self) => allCps(S(self), isNumericCp), 1);
  defMethod(t, 'isalpha', (self) => allCps(S(self), isAlphaCp), 1);
  defMethod(t, 'isalnum', (self) => allCps(S(self), isalnumCp), 1);
  defMethod(t, 'isspace', (self) => allCps(S(self), isWsCode), 1);
  defMethod(t, 'isupper', (self) => isupper(S(self)), 1);
  defMethod(t, 'islower', (self) => islower(S(self)), 1);
  defMethod(t, 'istitle', (self) => istitle(S(self)), 1);
  defMethod(t, 'isidentifier', (self) => RE_IDENT.test(S(self)), 1);
  defMethod(t, 'isprintable', (self) => !/[^\x20-\x7e]/.test(S(self)) || allCps(S(self), isPrintableCp) || S(self) === '', 1);
  defMethod(t, 'isascii', (self) => ASCII.test(S(self)), 1);
  defMethod(t, 'center', (self, w, f) => pad(S(self), w, f, 'c'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'ljust', (self, w, f) => pad(S(self), w, f, 'l'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'rjust', (self, w, f) => pad(S(self), w, f, 'r'), { params: 'self, width, fillchar, /', min: 2 });
  defMethod(t, 'zfill', (self, w) => {
    const s = S(self);
    const n = strLen(s);
    const width = widthArg(w, n);
    if (n >= width) return s;
    const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
    return sign + '0'.repeat(width - n) + s.slice(sign.length);
  }, 2);
  defMethod(t, 'expandtabs', (self, ts) => expandtabs(S(self), ts === undefined ? 8 : cIntArg(asInt(ts) ?? toIndex(ts))), { params: 'self, tabsize', min: 1 });
  defMethod(t, 'partition', (self, sep) => {
    const s = S(self);
    const p = subArg(sep);
    if (p.length === 0) throw valueError('empty separator');
    const i = s.indexOf(p);
    if (i < 0) return new PyTuple([s, '', '']);
    return new PyTuple([s.slice(0, i), p, s.slice(i + p.length)]);
  }, 2);
  defMethod(t, 'rpartition', (self, sep) => {
    const s = S(self);
    const p = subArg(sep);
    if (p.length === 0) throw valueError('empty separator');
    const i = s.lastIndexOf(p);
    if (i < 0) return new PyTuple(['', '', s]);
    return new PyTuple([s.slice(0, i), p, s.slice(i + p.length)]);
  }, 2);
  defMethod(t, 'removeprefix', (self, p) => {
    const s = S(self);
    const q = strArg(p, 'removeprefix() argument');
    return q.length > 0 && s.startsWith(q) ? s.slice(q.length) : s;
  }, 2);
  defMethod(t, 'removesuffix', (self, p) => {
    const s = S(self);
    const q = strArg(p, 'removesuffix() argument');
    return q.length > 0 && s.endsWith(q) ? s.slice(0, s.length - q.length) : s;
  }, 2);
  defMethod(t, 'encode', (self, encoding, errors) => new PyBytes(encodeText(S(self), encodingArg(encoding, 'encoding'), encodingArg(errors, 'errors'))), { params: 'self, encoding, errors', min: 1 });
  defMethod(t, 'format', (args: any[], kwnames: readonly string[] | null) => {
    const nkw = kwnames?.length ?? 0;
    const npos = args.length - nkw;
    const kw = new Map<string, any>();
    for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[npos + i]);
    return strFormat(S(args[0]), args.slice(1, npos), kw);
  }, { raw: true, min: 1 });
  defMethod(t, 'format_map', (self, mapping) => strFormat(S(self), null, { get: (k: string) => getItem(mapping, k), has: () => true }), 2);
  defMethod(t, '__format__', (self, spec) => {
    const sp = strArg(spec, 'format() argument 2');
    // an empty spec is str(self): a subclass's __str__ shows
    if (sp === '') return typeof self === 'string' ? self : pyStr(self);
    return formatStr(S(self), sp);
  }, 2);
  defMethod(t, 'translate', (self, table) => translate(S(self), table), 2);
  defStaticMethod(t, 'maketrans', (x, y, z) => maketrans(x, y, z), { params: 'x, y, z, /', min: 1 });
  defMethod(t, '__getnewargs__', (self) => new PyTuple([S(self)]), 1);
  void bufferOf;
}
