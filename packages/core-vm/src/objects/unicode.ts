// Unicode character properties for str methods and number parsing (CPython Objects/unicodectype.c).
// General categories and binary properties come from JavaScript's regular expressions; numeric types,
// case folding and titlecase mappings from the generated tables in unidata.ts.
import { DECIMAL_ZEROS, DIGIT_RANGES, NUMERIC_RANGES, PRINTABLE_RANGES, ALPHA_RANGES, CASEFOLD, TITLECASE } from './unidata.js';

/** Index of the last element <= cp in a sorted array, or -1. */
function floorIndex(a: readonly number[], cp: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let r = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= cp) {
      r = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return r;
}

function inRanges(r: readonly number[], cp: number): boolean {
  const i = floorIndex(r, cp);
  return i >= 0 && ((i & 1) === 0 || r[i] === cp);
}

/** The decimal digit value of a code point (Unicode Numeric_Type=Decimal), or -1. */
export function decimalValue(cp: number): number {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39 ? cp - 0x30 : -1;
  const i = floorIndex(DECIMAL_ZEROS, cp);
  if (i < 0) return -1;
  const d = cp - DECIMAL_ZEROS[i];
  return d < 10 ? d : -1;
}

/** str.isdigit for one code point (Numeric_Type Decimal or Digit). */
export function isDigitCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return inRanges(DIGIT_RANGES, cp);
}

/** str.isnumeric for one code point (any Numeric_Type). */
export function isNumericCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return inRanges(NUMERIC_RANGES, cp);
}

/** str.isprintable for one code point (CPython's Unicode data: categories Cc Cf Cs Co Cn Zl Zp Zs but space are not). */
export function isPrintableCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return inRanges(PRINTABLE_RANGES, cp);
}

/** str.isalpha for one code point. */
export function isAlphaCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return inRanges(ALPHA_RANGES, cp);
}

/** Full case folding of one character (str.casefold). */
export function casefoldChar(ch: string): string {
  const f = CASEFOLD.get(ch.codePointAt(0)!);
  return f ?? ch.toLowerCase();
}

/** Titlecase of one character (str.title, str.capitalize). */
export function titleChar(ch: string): string {
  const t = TITLECASE.get(ch.codePointAt(0)!);
  return t ?? ch.toUpperCase();
}

/**
 * Replace Unicode decimal digits by ASCII digits and Unicode white space by spaces, as CPython does before
 * parsing int() and float() arguments (_PyUnicode_TransformDecimalAndSpaceToASCII). Other non-ASCII
 * characters become '?' (never valid in a number), so the result is plain ASCII.
 */
export function asciiDigits(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (isSpaceCp(cp)) out += ' ';
    else {
      const d = decimalValue(cp);
      out += d >= 0 ? String.fromCharCode(0x30 + d) : '?';
    }
  }
  return out;
}

/** str.isspace for one code point (bidirectional WS/B/S or category Zs). */
export function isSpaceCp(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  return cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 ||
    cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** The platform's text codecs (WHATWG Encoding: in Node and browsers; absent elsewhere, then JS paths are used). */
export const platform = globalThis as unknown as {
  TextEncoder?: new () => { encode(s: string): Uint8Array };
  TextDecoder?: new (label: string, options: { fatal?: boolean; ignoreBOM?: boolean }) => { decode(b: ArrayBufferView): string };
};

const utf16Decoder = platform.TextDecoder !== undefined ? new platform.TextDecoder('utf-16le', { ignoreBOM: true }) : null;

/**
 * The string of `len` UTF-16 units of `units`. Long runs go through the platform's UTF-16 decoder (native),
 * which would replace lone surrogates by U+FFFD: `lone` says there may be some, and then (as for short
 * runs) the units are copied exactly.
 */
export function unitsToString(units: Uint16Array, len: number, lone: boolean): string {
  if (len > 32 && !lone && utf16Decoder !== null) return utf16Decoder.decode(units.subarray(0, len));
  let s = '';
  for (let k = 0; k < len; k += 4096) s += String.fromCharCode.apply(null, units.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
  return s;
}
