// Parsing int and float literals from strings (MicroPython py/parsenum.c; CPython's int()/float() rules:
// surrounding whitespace, a sign, underscores between digits, base prefixes for base 0).
import { valueError } from './exceptions.js';
import { norm, type Int } from './int.js';
import { strRepr } from './str.js';

const WS = /^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

export function parseIntLiteral(text: string, base: number): Int {
  if (base !== 0 && (base < 2 || base > 36)) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const bad = () => valueError(`invalid literal for int() with base ${base}: ${strRepr(text)}`);
  let s = text.replace(WS, '');
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  const p = s.slice(0, 2).toLowerCase();
  if ((b === 0 || b === 16) && p === '0x') {
    s = s.slice(2);
    b = 16;
    if (s.startsWith('_')) s = s.slice(1);
  } else if ((b === 0 || b === 8) && p === '0o') {
    s = s.slice(2);
    b = 8;
    if (s.startsWith('_')) s = s.slice(1);
  } else if ((b === 0 || b === 2) && p === '0b') {
    s = s.slice(2);
    b = 2;
    if (s.startsWith('_')) s = s.slice(1);
  } else if (b === 0) {
    b = 10;
    if (/^0+(_?0)*$/.test(s)) return 0;
    if (s.startsWith('0')) throw bad();
  }
  if (s.length === 0 || s.startsWith('_') || s.endsWith('_') || s.includes('__')) throw bad();
  s = s.replace(/_/g, '');
  let r = 0n;
  const B = BigInt(b);
  let small = 0;
  let smallOk = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else if (c >= 65 && c <= 90) d = c - 55;
    else if (c >= 0x660 && String.fromCharCode(c).match(/\p{Nd}/u)) d = Number.parseInt(String.fromCharCode(c).normalize('NFKD'), 10);
    else throw bad();
    if (!(d >= 0 && d < b)) throw bad();
    if (smallOk) {
      const n = small * b + d;
      if (n <= Number.MAX_SAFE_INTEGER) {
        small = n;
        continue;
      }
      smallOk = false;
      r = BigInt(small);
    }
    r = r * B + BigInt(d);
  }
  if (smallOk) return neg ? (small === 0 ? 0 : -small) : small;
  return norm(neg ? -r : r);
}

export function parseFloatLiteral(text: string): number {
  const s0 = text.replace(WS, '');
  const bad = () => valueError(`could not convert string to float: ${strRepr(text)}`);
  let s = s0.toLowerCase();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === 'inf' || s === 'infinity') return sign * Infinity;
  if (s === 'nan') return NaN;
  if (s.length === 0 || s.startsWith('_') || s.endsWith('_') || s.includes('__') || /_[.e]|[.e]_/.test(s)) throw bad();
  s = s.replace(/_/g, '');
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) throw bad();
  return sign * Number(s);
}
