// Character predicates for \d \w \s, \b and IGNORECASE, in CPython's two modes: Unicode (str patterns)
// and ASCII (bytes patterns, or the ASCII flag).
import { NC_DIGIT, NC_NOT_DIGIT, NC_NOT_SPACE, NC_NOT_WORD, NC_SPACE, NC_WORD } from './ast.js';
import { DIGIT_RANGES, SPACE_RANGES, WORD_RANGES } from './unicode-data.js';

function decode(table: string): Int32Array {
  const parts = table.split(',');
  const out = new Int32Array(parts.length * 2);
  let prev = 0;
  parts.forEach((p, i) => {
    const [gap, len] = p.split('.');
    const lo = prev + parseInt(gap, 16);
    const hi = lo + parseInt(len, 16);
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
    prev = hi;
  });
  return out;
}

let wordTable: Int32Array | undefined;
let digitTable: Int32Array | undefined;
let spaceTable: Int32Array | undefined;

function inTable(t: Int32Array, c: number): boolean {
  let lo = 0;
  let hi = (t.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < t[2 * mid]) hi = mid - 1;
    else if (c > t[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

export function isWord(c: number, unicode: boolean): boolean {
  if (c < 0x80 || !unicode) return isAsciiWord(c);
  return inTable((wordTable ??= decode(WORD_RANGES)), c);
}
export function isDigit(c: number, unicode: boolean): boolean {
  if (c < 0x80 || !unicode) return isAsciiDigit(c);
  return inTable((digitTable ??= decode(DIGIT_RANGES)), c);
}
export function isSpace(c: number, unicode: boolean): boolean {
  if (!unicode) return isAsciiSpace(c);
  return inTable((spaceTable ??= decode(SPACE_RANGES)), c);
}

/** Whether `c` is in any of the NC_* classes set in `named`. */
export function inNamed(named: number, c: number, unicode: boolean): boolean {
  if (named & NC_DIGIT && isDigit(c, unicode)) return true;
  if (named & NC_NOT_DIGIT && !isDigit(c, unicode)) return true;
  if (named & NC_WORD && isWord(c, unicode)) return true;
  if (named & NC_NOT_WORD && !isWord(c, unicode)) return true;
  if (named & NC_SPACE && isSpace(c, unicode)) return true;
  if (named & NC_NOT_SPACE && !isSpace(c, unicode)) return true;
  return false;
}

const lowerCache = new Map<number, number>();
const upperCache = new Map<number, number>();

function simpleMap(c: number, cache: Map<number, number>, upper: boolean): number {
  let v = cache.get(c);
  if (v === undefined) {
    const s = String.fromCodePoint(c);
    const m = upper ? s.toUpperCase() : s.toLowerCase();
    const cp = m.codePointAt(0) ?? c;
    v = m.length === String.fromCodePoint(cp).length ? cp : c;
    cache.set(c, v);
  }
  return v;
}

/** Simple lower-case mapping (ASCII only when `unicode` is false, as CPython does for bytes). */
export function toLower(c: number, unicode: boolean): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  return unicode ? simpleMap(c, lowerCache, false) : c;
}
export function toUpper(c: number, unicode: boolean): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
  return unicode ? simpleMap(c, upperCache, true) : c;
}
