// Parsing int and float literals from strings (MicroPython py/parsenum.c; CPython's int() and float()
// rules, Objects/longobject.c PyLong_FromUnicodeObject and Python/pystrtod.c): surrounding white space, a
// sign, any Unicode decimal digits, single underscores between digits, base prefixes for base 0.
import { valueError } from './exceptions.js';
import { norm, type Int } from './int.js';
import { strRepr } from './str.js';
import { asciiDigits } from './unicode.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Value of an ASCII digit or letter (0-35), or 99. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function trimSpaces(s: string): [number, number] {
  let i = 0;
  let j = s.length;
  while (i < j && isAsciiSpace(s.charCodeAt(i))) i++;
  while (j > i && isAsciiSpace(s.charCodeAt(j - 1))) j--;
  return [i, j];
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
}

/** The digits s[i..j) (already validated, no underscores) in base b, as an int. */
function digitsToInt(s: string, b: number): Int {
  const n = s.length;
  if (n <= 10 || (b <= 10 && n <= 15)) {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * b + digitValue(s.charCodeAt(k));
    if (v <= MAX_SAFE) return v;
  }
  if (b === 10) return norm(BigInt(s));
  if (b === 16) return norm(BigInt('0x' + s));
  if (b === 8) return norm(BigInt('0o' + s));
  if (b === 2) return norm(BigInt('0b' + s));
  // other bases: split in halves so the multiplications stay balanced
  return norm(bigDigits(s, 0, n, BigInt(b)));
}

function bigDigits(s: string, lo: number, hi: number, B: bigint): bigint {
  if (hi - lo <= 9) {
    let v = 0;
    const b = Number(B);
    for (let k = lo; k < hi; k++) v = v * b + digitValue(s.charCodeAt(k));
    return BigInt(v);
  }
  const mid = (lo + hi) >> 1;
  return bigDigits(s, lo, mid, B) * B ** BigInt(hi - mid) + bigDigits(s, mid, hi, B);
}

/**
 * int(text, base): `what` is the repr shown in the error (the original str or bytes object).
 * ValueError "invalid literal for int() with base N: '...'" as CPython.
 */
export function parseIntLiteral(text: string, base: number, what?: () => string): Int {
  if (base !== 0 && (base < 2 || base > 36)) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const bad = () => {
    let r = what !== undefined ? what() : strRepr(text);
    if (r.length > 200) r = Array.from(r).slice(0, 200).join('');
    return valueError(`invalid literal for int() with base ${base}: ${r}`);
  };
  const s = asciiDigits(text);
  const [i0, j] = trimSpaces(s);
  let i = i0;
  let neg = false;
  if (i < j && (s[i] === '-' || s[i] === '+')) {
    neg = s[i] === '-';
    i++;
  }
  let b = base;
  let prefixed = false;
  if (j - i >= 2 && s[i] === '0') {
    const p = s[i + 1];
    const pb = p === 'x' || p === 'X' ? 16 : p === 'o' || p === 'O' ? 8 : p === 'b' || p === 'B' ? 2 : 0;
    if (pb !== 0 && (b === 0 || b === pb)) {
      b = pb;
      i += 2;
      prefixed = true;
    }
  }
  let leadingZeroCheck = false;
  if (b === 0) {
    b = 10;
    leadingZeroCheck = true;
  }
  // validate: digits < b, single underscores between digits (or right after a base prefix)
  let digits = '';
  let start = i;
  let sawUnderscore = false;
  if (i < j && s[i] === '_' && prefixed) {
    i++;
    start = i;
  }
  if (i >= j) throw bad();
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k);
    if (c === 95) {
      if (k === i || k === j - 1 || s.charCodeAt(k - 1) === 95) throw bad();
      sawUnderscore = true;
      continue;
    }
    if (digitValue(c) >= b) throw bad();
  }
  digits = sawUnderscore ? s.slice(start, j).replace(/_/g, '') : s.slice(start, j);
  if (leadingZeroCheck && digits.length > 1 && digits[0] === '0') {
    // base 0: no leading zeros in a non-zero decimal number
    if (!/^0+$/.test(digits)) throw bad();
  }
  const v = digitsToInt(digits, b);
  if (!neg) return v;
  return typeof v === 'number' ? (v === 0 ? 0 : -v) : -v;
}

const FLOAT_RE = /^(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][-+]?\d+(?:_\d+)*)?$/;

/** float(text): `what` is the repr shown in the error. */
export function parseFloatLiteral(text: string, what?: () => string): number {
  const s = asciiDigits(text);
  const [i0, j] = trimSpaces(s);
  let i = i0;
  let sign = 1;
  if (i < j && (s[i] === '-' || s[i] === '+')) {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const body = s.slice(i, j);
  if (FLOAT_RE.test(body)) return sign * Number(body.includes('_') ? body.replace(/_/g, '') : body);
  const low = body.toLowerCase();
  if (low === 'inf' || low === 'infinity') return sign * Infinity;
  if (low === 'nan') return sign < 0 ? -NaN : NaN;
  throw valueError(`could not convert string to float: ${what !== undefined ? what() : strRepr(text)}`);
}
