// Text formatting (MicroPython py/objstr.c; CPython Python/formatter_unicode.c, Python/pystrtod.c,
// Objects/unicodeobject.c, Objects/stringlib/unicode_format.h):
//  - format(value, spec): the format-spec mini-language for int, bool, float, complex and str;
//  - printf-style `str % args` and `bytes % args`;
//  - str.format / format_map (and f-strings, through formatValue).
// MicroPython 1.9.4 lists differences here (e.g. '%0.1g' of -9.9, attribute/index fields in str.format):
// all are limitations, so this follows CPython 3.11 everywhere.
import * as T from './types.js';
import { PyFloat } from './objects/float.js';
import { PyTuple } from './objects/tuple.js';
import { typeError, valueError, keyError, indexError, overflowError, ssizeArg, cIntArg } from './objects/exceptions.js';
import { asInt, repr, str, typeName, getItem, getAttr, lookupSpecial, call, typeOf, isInstance, toIndex } from './runtime.js';
import { floatRepr } from './objects/float.js';
import { type Int } from './objects/int.js';
import { strLen, strVal, isStr, strRepr, codePoints } from './objects/str.js';
import { PyComplex, complexRepr } from './objects/complex.js';
import { bufferOf, latin1, fromLatin1, bytesRepr } from './objects/bytes.js';
import { floatArg } from './objects/float.js';

// ---- format spec ---------------------------------------------------------------------------------------

/** A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]. */
export interface Spec {
  fill: string; // one code point
  align: string; // '' (type default) < > = ^
  sign: string; // '' + - ' '
  noNegZero: boolean; // 'z'
  alt: boolean; // '#'
  width: number; // -1 if absent
  grouping: string; // '' , _
  precision: number; // -1 if absent
  type: string; // '' if absent
}

const MAX_DIGITS = 1e15;

function isAlignChar(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

function readNumber(cps: string[], i: number): [number, number] {
  let v = 0;
  let digits = 0;
  while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
    v = v * 10 + (cps[i].charCodeAt(0) - 48);
    if (v > MAX_DIGITS) throw valueError('Too many decimal digits in format string');
    i++;
    digits++;
  }
  return [digits === 0 ? -1 : v, i];
}

/**
 * Parse a format spec (CPython parse_internal_render_format_spec). `defaultAlign` is '>' for numbers,
 * '<' for strings: with '0' and no explicit alignment, numbers get sign-aware '=' padding.
 */
const specCache = new Map<string, SpecEntry[]>();

/** A parsed spec with the defaults it was parsed under. */
interface SpecEntry {
  align: string;
  typeName: string;
  type: string;
  spec: Spec;
}

/**
 * parseSpec, memoised (specs are few and repeat in loops); the result must not be modified. Keyed by the
 * spec string itself (a string caches its hash, so repeated lookups of the same text are cheap).
 */
function cachedSpec(spec: string, defaultAlign: string, typeName_: string, defaultType: string): Spec {
  let entries = specCache.get(spec);
  if (entries !== undefined) {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.align === defaultAlign && e.typeName === typeName_ && e.type === defaultType) return e.spec;
    }
  }
  const s = parseSpec(spec, defaultAlign, typeName_, defaultType);
  if (entries === undefined) {
    if (specCache.size > 500) specCache.clear();
    entries = [];
    specCache.set(spec, entries);
  }
  entries.push({ align: defaultAlign, typeName: typeName_, type: defaultType, spec: s });
  return s;
}

export function parseSpec(spec: string, defaultAlign = '>', typeName_ = 'int', defaultType = ''): Spec {
  const s: Spec = { fill: ' ', align: '', sign: '', noNegZero: false, alt: false, width: -1, grouping: '', precision: -1, type: '' };
  const cps = spec.length < 2 || !/[\uD800-\uDFFF]/.test(spec) ? spec.split('') : codePoints(spec);
  let i = 0;
  let fillGiven = false;
  if (cps.length >= 2 && isAlignChar(cps[1])) {
    s.fill = cps[0];
    s.align = cps[1];
    fillGiven = true;
    i = 2;
  } else if (isAlignChar(cps[0])) {
    s.align = cps[0];
    i = 1;
  }
  if (cps[i] === '+' || cps[i] === '-' || cps[i] === ' ') s.sign = cps[i++];
  if (cps[i] === 'z') {
    s.noNegZero = true;
    i++;
  }
  if (cps[i] === '#') {
    s.alt = true;
    i++;
  }
  if (!fillGiven && cps[i] === '0') {
    s.fill = '0';
    if (s.align === '' && defaultAlign === '>') s.align = '=';
    i++;
  }
  [s.width, i] = readNumber(cps, i);
  if (cps[i] === ',') {
    s.grouping = ',';
    i++;
  }
  if (cps[i] === '_') {
    if (s.grouping !== '') throw valueError("Cannot specify both ',' and '_'.");
    s.grouping = '_';
    i++;
  }
  if (cps[i] === ',' && s.grouping === '_') throw valueError("Cannot specify both ',' and '_'.");
  if (cps[i] === '.') {
    i++;
    [s.precision, i] = readNumber(cps, i);
    if (s.precision < 0) throw valueError('Format specifier missing precision');
  }
  if (cps.length - i > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName_}'`);
  if (i < cps.length) s.type = cps[i];
  if (s.grouping !== '') {
    const t = s.type || defaultType;
    const ok = t === '' || 'defgEGF%'.includes(t) || (s.grouping === '_' && 'boxX'.includes(t));
    if (!ok) {
      if (s.grouping === ',' && t === ',') throw valueError("Cannot specify ',' with ','.");
      throw valueError(`Cannot specify '${s.grouping}' with '${t}'.`);
    }
  }
  return s;
}

function unknownCode(t: string, what: string): never {
  const c = t.codePointAt(0)!;
  const shown = c > 32 && c < 128 ? t : `\\x${c.toString(16)}`;
  throw valueError(`Unknown format code '${shown}' for object of type '${what}'`);
}

// ---- number layout (CPython calc_number_widths / fill_number) ---------------------------------------

/**
 * Group `digits` with `sep` every `every` digits from the right; with minWidth > 0, pad with zeros (which
 * are grouped too) until at least minWidth characters (CPython _PyUnicode_InsertThousandsGrouping).
 */
function groupDigits(digits: string, sep: string, every: number, minWidth: number): string {
  if (sep === '') return minWidth > digits.length ? '0'.repeat(minWidth - digits.length) + digits : digits;
  const parts: string[] = [];
  let remaining = digits.length;
  let end = digits.length;
  let min = minWidth;
  let broke = false;
  // groups from the right, zero-filled where the digits run out before minWidth is reached
  for (;;) {
    const l = Math.min(every, Math.max(remaining, min, 1));
    const zeros = Math.max(0, l - remaining);
    const chars = Math.max(0, Math.min(remaining, l));
    parts.push('0'.repeat(zeros) + digits.slice(end - chars, end));
    end -= chars;
    remaining -= chars;
    min -= l;
    if (remaining <= 0 && min <= 0) {
      broke = true;
      break;
    }
    min -= sep.length;
  }
  if (!broke) {
    const l = Math.max(remaining, min, 1);
    parts.push('0'.repeat(Math.max(0, l - remaining)) + digits.slice(0, end));
  }
  return parts.reverse().join(sep);
}

/**
 * Lay out a number: sign, prefix ('0x'...), integer digits (grouped, zero-padded for '=' with fill '0'),
 * the rest ('.5e+10', '%', 'j'), then fill and align to the width. `digits` are ASCII.
 */
function layoutNumber(sign: string, prefix: string, digits: string, rest: string, s: Spec, every: number): string {
  const nonDigits = sign.length + prefix.length + rest.length;
  const minWidth = s.fill === '0' && s.align === '=' ? s.width - nonDigits : 0;
  // no digits ('c', inf, nan): nothing to group or zero-fill; padding alone fills the width
  const grouped = digits !== '' && (s.grouping !== '' || minWidth > digits.length) ? groupDigits(digits, s.grouping, every, minWidth) : digits;
  const len = nonDigits + grouped.length;
  const pad = s.width - len;
  if (pad <= 0) return sign + prefix + grouped + rest;
  const fill = s.fill;
  switch (s.align || '>') {
    case '<': return sign + prefix + grouped + rest + fill.repeat(pad);
    case '^': {
      const left = pad >> 1;
      return fill.repeat(left) + sign + prefix + grouped + rest + fill.repeat(pad - left);
    }
    case '=': return sign + prefix + fill.repeat(pad) + grouped + rest;
    default: return fill.repeat(pad) + sign + prefix + grouped + rest;
  }
}

/** Pad a non-number (str, or a finished complex) to the spec's width (counting code points). */
function padText(body: string, s: Spec, defaultAlign: string): string {
  if (s.width < 0) return body;
  const n = strLen(body);
  const pad = s.width - n;
  if (pad <= 0) return body;
  const fill = s.fill;
  switch (s.align || defaultAlign) {
    case '<': return body + fill.repeat(pad);
    case '^': {
      const left = pad >> 1;
      return fill.repeat(left) + body + fill.repeat(pad - left);
    }
    default: return fill.repeat(pad) + body;
  }
}

function signChar(neg: boolean, sign: string): string {
  return neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
}

// ---- int -----------------------------------------------------------------------------------------------

function absDigits(v: Int, radix: number): string {
  if (typeof v === 'number') return (v < 0 ? -v : v).toString(radix);
  return (v < 0n ? -v : v).toString(radix);
}

/** format(int, spec) (CPython format_long_internal). */
export function formatInt(v: Int, specArg: any, what = 'int'): string {
  const specStr = typeof specArg === 'string' ? specArg : strVal(specArg);
  if (specStr === '') return String(v);
  const s = cachedSpec(specStr, '>', what, 'd');
  const t = s.type;
  if (t !== '' && 'eEfFgG%'.includes(t)) {
    const f = typeof v === 'bigint' ? floatArg(v) : v;
    return formatFloatSpec(f, s);
  }
  if (s.noNegZero) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (s.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  if (t === 'c') {
    if (s.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (s.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    return layoutNumber('', '', '', String.fromCodePoint(Number(v)), s, 3);
  }
  let radix = 10;
  let prefix = '';
  let every = 3;
  switch (t) {
    case '':
    case 'd':
    case 'n':
      break;
    case 'b':
      radix = 2;
      prefix = '0b';
      every = 4;
      break;
    case 'o':
      radix = 8;
      prefix = '0o';
      every = 4;
      break;
    case 'x':
      radix = 16;
      prefix = '0x';
      every = 4;
      break;
    case 'X':
      radix = 16;
      prefix = '0X';
      every = 4;
      break;
    default:
      unknownCode(t, what);
  }
  let digits = absDigits(v, radix);
  if (t === 'X') digits = digits.toUpperCase();
  return layoutNumber(signChar(v < 0, s.sign), s.alt ? prefix : '', digits, '', s, every);
}

// ---- float to decimal digits (CPython _Py_dg_dtoa modes 0, 2, 3) ---------------------------------------

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** |x| = m * 2**e with m odd (x finite, non-zero). */
function oddMantissa(x: number): [bigint, number] {
  F64[0] = Math.abs(x);
  const bits = U64[0];
  const expBits = Number(bits >> 52n);
  let m = bits & 0xfffffffffffffn;
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return [m, e];
}

/** Exact decimal digits of |x| (finite, non-zero): [digits without leading zeros, decpt]. */
function exactDigits(x: number): [string, number] {
  const [m, e] = oddMantissa(x);
  if (e >= 0) {
    const s = (m << BigInt(e)).toString();
    return [s, s.length];
  }
  const s = (m * 5n ** BigInt(-e)).toString(); // m / 2**-e = m * 5**-e / 10**-e
  return [s, s.length + e];
}

/** Round a digit string to n digits, half to even on the exact remainder: [digits, decpt]. */
function roundDigits(digits: string, decpt: number, n: number): [string, number] {
  if (n >= digits.length) return [digits, decpt];
  if (n < 0) return ['', decpt];
  const next = digits.charCodeAt(n) - 48;
  let up = next > 5;
  if (next === 5) {
    let rest = false;
    for (let k = n + 1; k < digits.length; k++) {
      if (digits.charCodeAt(k) !== 48) {
        rest = true;
        break;
      }
    }
    up = rest || (n > 0 && (digits.charCodeAt(n - 1) - 48) % 2 === 1);
  }
  let keep = digits.slice(0, n);
  if (!up) return [keep, decpt];
  // increment the kept digits
  let k = n - 1;
  while (k >= 0 && keep[k] === '9') k--;
  if (k < 0) return ['1' + '0'.repeat(n > 0 ? n - 1 : 0), decpt + 1];
  keep = keep.slice(0, k) + String.fromCharCode(keep.charCodeAt(k) + 1) + '0'.repeat(n - 1 - k);
  return [keep, decpt];
}

function stripZeros(d: string): string {
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) === 48) end--;
  return end === d.length ? d : d.slice(0, end);
}

/**
 * Decimal digits of |x| (finite): mode 0 shortest round-trip; mode 2 `n` significant digits; mode 3 `n`
 * digits after the point. Correctly rounded, half to even. Trailing zeros removed; zero is ['0', 1].
 * Fast paths use JavaScript's number-to-string (correct except at exact ties, which are detected).
 */
export function dtoa(x: number, mode: number, n: number): [string, number] {
  const ax = Math.abs(x);
  if (ax === 0) return ['0', 1];
  if (mode === 0) {
    if (ax >= 1e-6 && ax < 1e21) {
      // fixed notation from String(): shortest round-trip digits
      const s = String(ax);
      const dot = s.indexOf('.');
      if (dot < 0) return [stripZeros(s), s.length];
      if (s.charCodeAt(0) !== 48) return [stripZeros(s.slice(0, dot) + s.slice(dot + 1)), dot];
      let z = dot + 1;
      while (s.charCodeAt(z) === 48) z++;
      return [s.slice(z), dot + 1 - z];
    }
    const e = ax.toExponential();
    const ei = e.indexOf('e');
    const digits = e.charCodeAt(1) === 46 ? e[0] + e.slice(2, ei) : e.slice(0, ei);
    return [digits, Number(e.slice(ei + 1)) + 1];
  }
  if (mode === 2) {
    if (n <= 15 && ax >= 2.2250738585072014e-308) {
      // round the shortest digits: safe unless they end exactly in a 5 at the rounding position
      const [sd, sp] = dtoa(ax, 0, 0);
      if (sd.length <= n) return [sd, sp];
      if (!(sd.length === n + 1 && sd.charCodeAt(n) === 53)) {
        const [r, rp] = roundDigits(sd, sp, n);
        return [stripZeros(r), rp];
      }
    }
    const [d, p] = exactDigits(ax);
    const [r, rp] = roundDigits(d, p, n);
    return r === '' ? ['0', 1] : [stripZeros(r), rp];
  }
  // mode 3: n digits after the point
  if (ax < 1e21 && n >= 0 && n <= 100) {
    // an exact tie (toFixed would round it away from zero) is an x with x * 2**(n+1) an odd integer
    const y = ax * 2 ** (n + 1);
    if (!(Number.isInteger(y) && y % 2 === 1)) {
      // not an exact tie: toFixed is correctly rounded
      const f = ax.toFixed(n);
      const dot = f.indexOf('.');
      const ip = dot < 0 ? f : f.slice(0, dot);
      const fp = dot < 0 ? '' : f.slice(dot + 1);
      if (ip !== '0') return [stripZeros(ip + fp), ip.length];
      let z = 0;
      while (z < fp.length && fp.charCodeAt(z) === 48) z++;
      if (z === fp.length) return ['0', 1]; // rounds to zero
      return [stripZeros(fp.slice(z)), -z];
    }
  }
  const [d, p] = exactDigits(ax);
  const [r, rp] = roundDigits(d, p, p + n);
  if (r === '' || /^0*$/.test(r)) return ['0', 1];
  return [stripZeros(r), rp];
}

/**
 * PyOS_double_to_string: type 'e' 'f' 'g' (or upper case) 'r' (repr); flags: alt ('#'), addDot0 (an
 * integral fixed-point result gets '.0'), noNegZero ('z'). Returns the text with a '-' sign if negative.
 */
export function doubleToString(x: number, type: string, precision: number, alt: boolean, addDot0: boolean, noNegZero = false): string {
  const upper = type === 'E' || type === 'F' || type === 'G';
  const t = upper ? type.toLowerCase() : type;
  let neg = x < 0 || Object.is(x, -0);
  if (x !== x) return upper ? 'NAN' : 'nan';
  if (x === Infinity || x === -Infinity) return (neg ? '-' : '') + (upper ? 'INF' : 'inf');
  let p = precision;
  let mode: number;
  let n: number;
  switch (t) {
    case 'e':
      mode = 2;
      n = p + 1;
      break;
    case 'f':
      mode = 3;
      n = p;
      break;
    case 'g':
      if (p === 0) p = 1;
      mode = 2;
      n = p;
      break;
    default: // 'r'
      mode = 0;
      n = 0;
  }
  const [digits, decpt0] = dtoa(x, mode, n);
  let decpt = decpt0;
  if (noNegZero && neg && digits === '0') neg = false;
  let vEnd = digits.length;
  let useExp = false;
  switch (t) {
    case 'e':
      useExp = true;
      vEnd = p + 1; // digits after the point: p, plus the one before it
      break;
    case 'f':
      vEnd = decpt + p;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? p - 1 : p)) useExp = true;
      if (alt) vEnd = p;
      break;
    default:
      if (decpt <= -4 || decpt > 16) useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  if (!useExp && addDot0) vEnd = Math.max(vEnd, decpt + 1);
  else vEnd = Math.max(vEnd, decpt);
  // the digits with the decimal point placed, zeros on the left and up to vEnd on the right
  const L = digits.length;
  let out = neg ? '-' : '';
  if (decpt <= 0) out += '0.' + '0'.repeat(-decpt);
  if (decpt > 0 && decpt <= L) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (L < decpt) out += '0'.repeat(decpt - L) + '.' + '0'.repeat(vEnd - decpt);
  else if (vEnd > L) out += '0'.repeat(vEnd - L);
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (Math.abs(exp) < 10 ? '0' : '') + Math.abs(exp);
  return out;
}

// ---- float ---------------------------------------------------------------------------------------------

function splitNumber(body: string): [string, string] {
  // the integer digits, then everything from the decimal point or exponent on
  let k = 0;
  while (k < body.length && body.charCodeAt(k) >= 48 && body.charCodeAt(k) <= 57) k++;
  return [body.slice(0, k), body.slice(k)];
}

/** format(float, parsed spec) (CPython format_float_internal). */
function formatFloatSpec(x: number, s: Spec): string {
  let type = s.type;
  let addDot0 = false;
  let defaultPrecision = 6;
  if (type === '') {
    type = 'r';
    addDot0 = true;
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let pct = false;
  let v = x;
  if (type === '%') {
    type = 'f';
    v = x * 100;
    pct = true;
  }
  let precision = s.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let body = doubleToString(v, type, precision, s.alt, addDot0, s.noNegZero);
  let neg = false;
  if (body[0] === '-') {
    neg = true;
    body = body.slice(1);
  }
  if (pct) body += '%';
  if (v !== v || v === Infinity || v === -Infinity) return layoutNumber(signChar(neg, s.sign), '', '', body, s, 3);
  const [digits, rest] = splitNumber(body);
  return layoutNumber(signChar(neg, s.sign), '', digits, rest, s, 3);
}

/** format(float, spec). */
export function formatFloat(v: number, specArg: any): string {
  const specStr = typeof specArg === 'string' ? specArg : strVal(specArg);
  if (specStr === '') return floatRepr(v);
  const s = cachedSpec(specStr, '>', 'float', '');
  if (s.type !== '' && !'eEfFgGn%'.includes(s.type)) unknownCode(s.type, 'float');
  return formatFloatSpec(v, s);
}

/** format(complex, spec) (CPython format_complex_internal). */
export function formatComplex(re: number, im: number, specArg: any): string {
  const specStr = typeof specArg === 'string' ? specArg : strVal(specArg);
  if (specStr === '') return complexRepr(re, im);
  const s = cachedSpec(specStr, '>', 'complex', '');
  if (s.type !== '' && !'eEfFgGn'.includes(s.type)) unknownCode(s.type, 'complex');
  if (s.fill === '0') throw valueError('Zero padding is not allowed in complex format specifier');
  if (s.align === '=') throw valueError("'=' alignment flag is not allowed in complex format specifier");
  let type = s.type;
  let defaultPrecision = 6;
  let skipRe = false;
  let parens = false;
  if (type === '') {
    type = 'r';
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else parens = true;
  }
  if (type === 'n') type = 'g';
  let precision = s.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const part = (v: number, sign: string): string => {
    let b = doubleToString(v, type, precision, s.alt, false, s.noNegZero);
    let neg = false;
    if (b[0] === '-') {
      neg = true;
      b = b.slice(1);
    }
    const [d, rest] = splitNumber(b);
    const grouped = s.grouping !== '' && d !== '' ? groupDigits(d, s.grouping, 3, 0) : d;
    return signChar(neg, sign) + grouped + rest;
  };
  const body = (parens ? '(' : '') + (skipRe ? '' : part(re, s.sign)) + part(im, skipRe ? s.sign : '+') + 'j' + (parens ? ')' : '');
  return padText(body, s, '>');
}

// ---- str -----------------------------------------------------------------------------------------------

/** format(str, spec). */
export function formatStr(v: string, specStr: string): string {
  if (specStr === '') return v;
  const s = cachedSpec(specStr, '<', 'str', 's');
  if (s.type !== '' && s.type !== 's') unknownCode(s.type, 'str');
  if (s.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (s.noNegZero) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (s.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (s.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let body = v;
  if (s.precision >= 0 && s.precision < v.length) {
    body = !/[\uD800-\uDFFF]/.test(v) ? v.slice(0, s.precision) : codePoints(v).slice(0, s.precision).join('');
  }
  return padText(body, s, '<');
}

/** format(x, spec) for any value (FORMAT_VALUE, format(), str.format). */
export function formatValue(x: any, spec: string): string {
  const tx = typeof x;
  if (tx === 'string') return spec === '' ? x : formatStr(x, spec);
  if (tx === 'number' || tx === 'bigint') return formatInt(x, spec);
  if (tx === 'boolean') return spec === '' ? (x ? 'True' : 'False') : formatInt(x ? 1 : 0, spec, 'bool');
  if (x instanceof PyFloat && x.type === T.floatType) return spec === '' ? floatRepr(x.value) : formatFloat(x.value, spec);
  const f = lookupSpecial(x, '__format__');
  if (f === undefined) throw typeError(`unsupported format string passed to ${typeName(x)}.__format__`);
  const r = call(f, [spec], null);
  if (!isStr(r)) throw typeError(`__format__ must return a str, not ${typeName(r)}`);
  return strVal(r);
}

// ---- printf-style % ------------------------------------------------------------------------------------

interface PctArg {
  minus: boolean;
  plus: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

/** Pad a converted value for %: numbers zero-pad after the sign and prefix when the '0' flag is set. */
function pctPad(sign: string, prefix: string, body: string, a: PctArg, numeric: boolean): string {
  const len = sign.length + prefix.length + strLen(body);
  const pad = a.width - len;
  if (pad <= 0) return sign + prefix + body;
  if (a.minus) return sign + prefix + body + ' '.repeat(pad);
  if (numeric && a.zero) return sign + prefix + '0'.repeat(pad) + body;
  return ' '.repeat(pad) + sign + prefix + body;
}

function pctInt(conv: string, v: any): Int {
  let n = asInt(v);
  if (n !== undefined) return n;
  const isNumber = v instanceof PyFloat || v instanceof PyComplex || (typeof v === 'object' && v !== null &&
    (lookupSpecial(v, '__index__') !== undefined || lookupSpecial(v, '__int__') !== undefined || lookupSpecial(v, '__float__') !== undefined));
  const wrong = () => typeError(conv === 'o' || conv === 'x' || conv === 'X'
    ? `%${conv} format: an integer is required, not ${typeName(v)}`
    : `%${conv} format: a real number is required, not ${typeName(v)}`);
  if (!isNumber) throw wrong();
  try {
    if (conv === 'o' || conv === 'x' || conv === 'X') n = toIndex(v);
    else n = asInt(call(T.intType, [v], null));
  } catch (e) {
    if (isInstance(e, T.typeErrorType)) throw wrong();
    throw e;
  }
  return n!;
}

function percentOne(conv: string, v: any, a: PctArg, forBytes: boolean, index: number): string {
  switch (conv) {
    case 's':
    case 'r':
    case 'a':
    case 'b': {
      let body: string;
      if (forBytes) {
        if (conv === 's' || conv === 'b') {
          let b = bufferOf(v);
          if (b === null && typeof v === 'object' && v !== null) {
            const m = lookupSpecial(v, '__bytes__');
            if (m !== undefined) b = bufferOf(call(m, [], null));
          }
          if (b === null) throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
          body = latin1(b);
        } else body = asciiFn(v);
      } else {
        if (conv === 'b') throw valueError(`unsupported format character 'b' (0x62) at index ${index}`);
        body = conv === 's' ? str(v) : conv === 'r' ? repr(v) : asciiFn(v);
      }
      if (a.prec >= 0 && a.prec < body.length) body = forBytes || !/[\uD800-\uDFFF]/.test(body) ? body.slice(0, a.prec) : codePoints(body).slice(0, a.prec).join('');
      return pctPad('', '', body, a, false);
    }
    case 'c': {
      let ch: string;
      if (forBytes) {
        const b = bufferOf(v);
        if (b !== null && b.length === 1) ch = String.fromCharCode(b[0]);
        else {
          const i = asInt(v) ?? (typeof v === 'object' && v !== null && lookupSpecial(v, '__index__') !== undefined ? toIndex(v) : undefined);
          if (i === undefined) throw typeError('%c requires an integer in range(256) or a single byte');
          if (i < 0 || i > 255) throw overflowError('%c arg not in range(256)');
          ch = String.fromCharCode(Number(i));
        }
      } else if (isStr(v)) {
        const s = strVal(v);
        if (strLen(s) !== 1) throw typeError('%c requires int or char');
        ch = s;
      } else {
        const i = asInt(v) ?? (typeof v === 'object' && v !== null && lookupSpecial(v, '__index__') !== undefined ? toIndex(v) : undefined);
        if (i === undefined) throw typeError('%c requires int or char');
        if (i < 0 || i > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
        ch = String.fromCodePoint(Number(i));
      }
      return pctPad('', '', ch, a, false);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const n = pctInt(conv, v);
      let digits = absDigits(n, conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
      if (conv === 'X') digits = digits.toUpperCase();
      if (a.prec > digits.length) digits = '0'.repeat(a.prec - digits.length) + digits;
      const neg = n < 0;
      const sign = neg ? '-' : a.plus ? '+' : a.blank ? ' ' : '';
      const prefix = a.alt && (conv === 'o' || conv === 'x' || conv === 'X') ? (conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X') : '';
      return pctPad(sign, prefix, digits, a, true);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const x = floatArg(v);
      let body = doubleToString(x, conv, a.prec < 0 ? 6 : a.prec, a.alt, false);
      let sign = '';
      if (body[0] === '-') {
        sign = '-';
        body = body.slice(1);
      } else if (a.plus) sign = '+';
      else if (a.blank) sign = ' ';
      return pctPad(sign, '', body, a, true);
    }
    default: {
      const c = conv.codePointAt(0)!;
      const shown = c >= 32 && c < 127 ? conv : '?';
      throw valueError(`unsupported format character '${shown}' (0x${c.toString(16)}) at index ${index}`);
    }
  }
}

/** One conversion of a compiled %-format. */
interface PctItem {
  key: string | null;
  a: PctArg;
  widthStar: boolean;
  precStar: boolean;
  conv: string;
  index: number;
}

const pctCache = new Map<string, (string | PctItem)[] | null>();

/** Parse a %-format once into literals and conversions (null if malformed: the slow path reports it). */
function compilePercent(fmt: string): (string | PctItem)[] | null {
  const out: (string | PctItem)[] = [];
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const j = fmt.indexOf('%', i);
    if (j < 0) {
      out.push(fmt.slice(i));
      break;
    }
    if (j > i) out.push(fmt.slice(i, j));
    i = j + 1;
    if (i >= n) return null;
    if (fmt[i] === '%') {
      out.push('%');
      i++;
      continue;
    }
    let key: string | null = null;
    if (fmt[i] === '(') {
      let depth = 1;
      let k = i + 1;
      while (k < n && depth > 0) {
        if (fmt[k] === '(') depth++;
        else if (fmt[k] === ')') depth--;
        k++;
      }
      if (depth > 0) return null;
      key = fmt.slice(i + 1, k - 1);
      i = k;
    }
    const a: PctArg = { minus: false, plus: false, blank: false, alt: false, zero: false, width: -1, prec: -1 };
    for (; i < n; i++) {
      const c = fmt[i];
      if (c === '-') a.minus = true;
      else if (c === '+') a.plus = true;
      else if (c === ' ') a.blank = true;
      else if (c === '#') a.alt = true;
      else if (c === '0') a.zero = true;
      else break;
    }
    let widthStar = false;
    let precStar = false;
    if (fmt[i] === '*') {
      widthStar = true;
      i++;
    } else {
      let w = 0;
      let any = false;
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        w = w * 10 + (fmt.charCodeAt(i++) - 48);
        any = true;
        if (w > 0x7fffffff) return null;
      }
      if (any) a.width = w;
    }
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        precStar = true;
        i++;
      } else {
        let p = 0;
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          p = p * 10 + (fmt.charCodeAt(i++) - 48);
          if (p > 0x7fffffff) return null;
        }
        a.prec = p;
      }
    }
    while (i < n && (fmt[i] === 'h' || fmt[i] === 'l' || fmt[i] === 'L')) i++;
    if (i >= n) return null;
    const conv = String.fromCodePoint(fmt.codePointAt(i)!);
    out.push({ key, a, widthStar, precStar, conv, index: i });
    i += conv.length;
  }
  return out;
}

function percentCore(fmt: string, args: any, forBytes: boolean): string {
  let prog = pctCache.get(fmt);
  if (prog === undefined) {
    prog = compilePercent(fmt);
    if (pctCache.size > 300) pctCache.clear();
    pctCache.set(fmt, prog);
  }
  if (prog === null) return percentCoreSlow(fmt, args, forBytes);
  // a tuple supplies positional arguments; any other object is one argument and, if it is a mapping
  // (not a str), also the mapping for %(key)s (CPython PyUnicode_Format)
  const isTuple = args instanceof PyTuple;
  let cur = args;
  let arglen = isTuple ? (args as PyTuple).items.length : -1;
  let argidx = isTuple ? 0 : -2;
  let dict: any = undefined;
  const mapping = (): any => {
    if (dict === undefined) dict = !isTuple && !isStr(args) && typeof args === 'object' && args !== null && typeOf(args).getitem !== null && bufferOf(args) === null ? args : null;
    return dict;
  };
  const next = (): any => {
    if (argidx < arglen) {
      const k = argidx++;
      return arglen < 0 ? cur : (cur as PyTuple).items[k];
    }
    throw typeError('not enough arguments for format string');
  };
  let out = '';
  for (let k = 0; k < prog.length; k++) {
    const item = prog[k];
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    if (item.key !== null) {
      const d = mapping();
      if (d === null) throw typeError('format requires a mapping');
      cur = getItem(d, forBytes ? makeBytes(fromLatin1(item.key)) : item.key);
      arglen = -1;
      argidx = -2;
    }
    let a = item.a;
    if (item.widthStar || item.precStar) {
      a = { ...a };
      if (item.widthStar) {
        const wi = asInt(next());
        if (wi === undefined) throw typeError('* wants int');
        a.width = ssizeArg(wi);
        if (a.width < 0) {
          a.minus = true;
          a.width = -a.width;
        }
      }
      if (item.precStar) {
        const p = asInt(next());
        if (p === undefined) throw typeError('* wants int');
        a.prec = Math.max(0, cIntArg(p));
      }
    }
    const v = next();
    // the common cases without padding: %s of a str, %d of an int
    if (a.width < 0 && a.prec < 0 && !forBytes) {
      if (item.conv === 's' && typeof v === 'string') {
        out += v;
        continue;
      }
      if (item.conv === 'd' && typeof v === 'number' && !a.plus && !a.blank) {
        out += String(v);
        continue;
      }
    }
    out += percentOne(item.conv, v, a, forBytes, item.index);
  }
  if (argidx < arglen && mapping() === null) throw typeError(`not all arguments converted during ${forBytes ? 'bytes' : 'string'} formatting`);
  return out;
}

function percentCoreSlow(fmt: string, args: any, forBytes: boolean): string {
  // CPython PyUnicode_Format: a tuple supplies positional arguments; any other object is one positional
  // argument, and (if it is a mapping, not a str) also the mapping for %(key)s.
  const isTuple = args instanceof PyTuple;
  let cur = args;
  let arglen = isTuple ? (args as PyTuple).items.length : -1;
  let argidx = isTuple ? 0 : -2;
  const dict = !isTuple && !isStr(args) && typeof args === 'object' && args !== null && typeOf(args).getitem !== null && bufferOf(args) === null ? args : null;
  const next = (): any => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? cur : (cur as PyTuple).items[i];
    }
    throw typeError(`not enough arguments for format string`);
  };
  const parts: string[] = [];
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const j = fmt.indexOf('%', i);
    if (j < 0) {
      parts.push(i === 0 ? fmt : fmt.slice(i));
      break;
    }
    if (j > i) parts.push(fmt.slice(i, j));
    i = j + 1;
    if (i >= n) throw valueError('incomplete format');
    if (fmt[i] === '%') {
      parts.push('%');
      i++;
      continue;
    }
    if (fmt[i] === '(') {
      if (dict === null) throw typeError('format requires a mapping');
      let depth = 1;
      let k = i + 1;
      while (k < n && depth > 0) {
        if (fmt[k] === '(') depth++;
        else if (fmt[k] === ')') depth--;
        k++;
      }
      if (depth > 0) throw valueError('incomplete format key');
      const key = fmt.slice(i + 1, k - 1);
      cur = getItem(dict, forBytes ? makeBytes(fromLatin1(key)) : key);
      arglen = -1;
      argidx = -2;
      i = k;
    }
    const a: PctArg = { minus: false, plus: false, blank: false, alt: false, zero: false, width: -1, prec: -1 };
    for (; i < n; i++) {
      const c = fmt[i];
      if (c === '-') a.minus = true;
      else if (c === '+') a.plus = true;
      else if (c === ' ') a.blank = true;
      else if (c === '#') a.alt = true;
      else if (c === '0') a.zero = true;
      else break;
    }
    if (fmt[i] === '*') {
      const w = next();
      const wi = asInt(w);
      if (wi === undefined) throw typeError('* wants int');
      a.width = ssizeArg(wi);
      if (a.width < 0) {
        a.minus = true;
        a.width = -a.width;
      }
      i++;
    } else {
      let w = 0;
      let any = false;
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        w = w * 10 + (fmt.charCodeAt(i++) - 48);
        any = true;
        if (w > 0x7fffffff) throw valueError('width too big');
      }
      if (any) a.width = w;
    }
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        const p = asInt(next());
        if (p === undefined) throw typeError('* wants int');
        a.prec = Math.max(0, cIntArg(p));
        i++;
      } else {
        let p = 0;
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          p = p * 10 + (fmt.charCodeAt(i++) - 48);
          if (p > 0x7fffffff) throw valueError('precision too big');
        }
        a.prec = p;
      }
    }
    if (i >= n) throw valueError('incomplete format');
    let conv = fmt[i];
    if (conv === 'h' || conv === 'l' || conv === 'L') {
      while (i < n && (fmt[i] === 'h' || fmt[i] === 'l' || fmt[i] === 'L')) i++;
      if (i >= n) throw valueError('incomplete format');
      conv = fmt[i];
    }
    const cp = fmt.codePointAt(i)!;
    if (cp > 0xffff) conv = String.fromCodePoint(cp);
    const index = i;
    i += conv.length;
    // every conversion takes an argument first, even an unsupported one ('%5%' is an error, '%%' is not)
    parts.push(percentOne(conv, next(), a, forBytes, index));
  }
  if (argidx < arglen && dict === null) throw typeError(`not all arguments converted during ${forBytes ? 'bytes' : 'string'} formatting`);
  return parts.join('');
}

let makeBytes: (b: Uint8Array) => any = (b) => b;
/** bytes % dict looks keys up as bytes objects: bytes.ts installs the constructor. */
export function setBytesMaker(f: (b: Uint8Array) => any): void {
  makeBytes = f;
}

let asciiFn: (x: any) => string = (x) => repr(x);
export function setAsciiFn(f: (x: any) => string): void {
  asciiFn = f;
}

/** str % args. */
export function percentFormat(fmt: string, args: any): string {
  return percentCore(fmt, args, false);
}

/** bytes % args. */
export function percentFormatBytes(fmt: Uint8Array, args: any): Uint8Array {
  const s = percentCore(latin1(fmt), args, true);
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 255) {
      // only %a/%r produce text: it is ASCII by construction, so this is a bug guard
      throw typeError('bytes formatting produced non-byte characters');
    }
  }
  return fromLatin1(s);
}

// ---- str.format ----------------------------------------------------------------------------------------

interface KwSource {
  get(k: string): any;
  has(k: string): boolean;
}

interface AutoNumber {
  state: number; // 0 unknown, 1 automatic, 2 manual
  next: number;
}

const FIELD_END = /[.[]/;

/** Resolve a field name ('0', 'name', '', with .attr and [key] accessors) to its object. */
function fieldObject(name: string, args: any[] | null, kw: KwSource, auto: AutoNumber): any {
  const m = FIELD_END.exec(name);
  const firstEnd = m === null ? name.length : m.index;
  const first = name.slice(0, firstEnd);
  let obj: any;
  const numeric = first === '' || /^\d+$/.test(first);
  if (numeric) {
    if (args === null) throw valueError('Format string contains positional fields');
    if (first === '') {
      if (auto.state === 2) throw valueError('cannot switch from manual field specification to automatic field numbering');
      auto.state = 1;
      const k = auto.next++;
      if (k >= args.length) throw indexError(`Replacement index ${k} out of range for positional args tuple`);
      obj = args[k];
    } else {
      if (auto.state === 1) throw valueError('cannot switch from automatic field numbering to manual field specification');
      auto.state = 2;
      if (first.length > 15) throw valueError('Too many decimal digits in format string');
      const k = Number(first);
      if (k >= args.length) throw indexError(`Replacement index ${k} out of range for positional args tuple`);
      obj = args[k];
    }
  } else {
    if (!kw.has(first)) throw keyError(first);
    obj = kw.get(first);
  }
  let i = firstEnd;
  while (i < name.length) {
    const c = name[i];
    if (c === '.') {
      let j = i + 1;
      while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
      const attr = name.slice(i + 1, j);
      if (attr === '') throw valueError('Empty attribute in format string');
      obj = getAttr(obj, attr);
      i = j;
    } else if (c === '[') {
      const j = name.indexOf(']', i + 1);
      if (j < 0) throw valueError("Missing ']' in format string");
      const key = name.slice(i + 1, j);
      if (key === '') throw valueError('Empty attribute in format string');
      obj = getItem(obj, /^\d+$/.test(key) ? Number(key) : key);
      i = j + 1;
      if (i < name.length && name[i] !== '.' && name[i] !== '[') throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    } else throw valueError("Only '.' or '[' may follow ']' in format field specifier");
  }
  return obj;
}

/** A replacement field of a str.format template. */
class FormatField {
  readonly name: string;
  readonly conv: string;
  readonly spec: string;
  readonly expand: boolean;
  constructor(name: string, conv: string, spec: string, expand: boolean) {
    this.name = name;
    this.conv = conv;
    this.spec = spec;
    this.expand = expand;
  }
}

/** A syntax error in a template, raised when execution reaches it (after the fields before it). */
class FormatSyntaxError {
  readonly msg: string;
  constructor(msg: string) {
    this.msg = msg;
  }
}

type FormatItem = string | FormatField | FormatSyntaxError;

/** Parsed templates by format string (they repeat in loops); cleared when it grows large. */
const templateCache = new Map<string, FormatItem[]>();

function template(fmt: string): FormatItem[] {
  let t = templateCache.get(fmt);
  if (t === undefined) {
    t = [];
    try {
      parseTemplate(fmt, t);
    } catch (e) {
      if (!(e instanceof FormatSyntaxError)) throw e;
      t.push(e);
    }
    if (fmt.length <= 400) {
      if (templateCache.size > 500) templateCache.clear();
      templateCache.set(fmt, t);
    }
  }
  return t;
}

function buildFormat(fmt: string, args: any[] | null, kw: KwSource, depth: number, auto: AutoNumber): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  const items = template(fmt);
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (typeof it === 'string') {
      out += it;
      continue;
    }
    if (it instanceof FormatSyntaxError) throw valueError(it.msg);
    let obj = fieldObject(it.name, args, kw, auto);
    const conv = it.conv;
    if (conv !== '') {
      if (conv === 'r') obj = repr(obj);
      else if (conv === 's') obj = str(obj);
      else if (conv === 'a') obj = asciiFn(obj);
      else {
        const cc = conv.codePointAt(0)!;
        throw valueError(cc > 32 && cc < 127 ? `Unknown conversion specifier ${conv}` : `Unknown conversion specifier \\x${cc.toString(16)}`);
      }
    }
    out += formatValue(obj, it.expand ? buildFormat(it.spec, args, kw, depth - 1, auto) : it.spec);
  }
  return out;
}

/** Split a template into literal text and fields (errors are thrown as FormatSyntaxError). */
function parseTemplate(fmt: string, out: FormatItem[]): void {
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    // literal text up to a brace
    let j = i;
    while (j < n && fmt[j] !== '{' && fmt[j] !== '}') j++;
    if (j > i) out.push(fmt.slice(i, j));
    if (j >= n) break;
    const c = fmt[j];
    if (c === '}') {
      if (fmt[j + 1] !== '}') throw new FormatSyntaxError("Single '}' encountered in format string");
      out.push('}');
      i = j + 2;
      continue;
    }
    if (j + 1 >= n) throw new FormatSyntaxError("Single '{' encountered in format string");
    if (fmt[j + 1] === '{') {
      out.push('{');
      i = j + 2;
      continue;
    }
    // a field: name up to ':' '!' or '}' ('[' ... ']' may contain them)
    let k = j + 1;
    let endChar = '';
    while (k < n) {
      const ch = fmt[k++];
      if (ch === '{') throw new FormatSyntaxError("unexpected '{' in field name");
      if (ch === '[') {
        while (k < n && fmt[k] !== ']') k++;
        continue;
      }
      if (ch === '}' || ch === ':' || ch === '!') {
        endChar = ch;
        break;
      }
    }
    const name = fmt.slice(j + 1, endChar === '' ? k : k - 1);
    let conv = '';
    let spec = '';
    let expand = false;
    if (endChar === '!' || endChar === ':') {
      let done = false;
      if (endChar === '!') {
        if (k >= n) throw new FormatSyntaxError('end of string while looking for conversion specifier');
        conv = String.fromCodePoint(fmt.codePointAt(k)!);
        k += conv.length;
        if (k < n) {
          const ch = fmt[k++];
          if (ch === '}') done = true;
          else if (ch !== ':') throw new FormatSyntaxError("expected ':' after conversion specifier");
        }
      }
      if (!done) {
        const specStart = k;
        let count = 1;
        let closed = false;
        while (k < n) {
          const ch = fmt[k++];
          if (ch === '{') {
            expand = true;
            count++;
          } else if (ch === '}') {
            count--;
            if (count === 0) {
              spec = fmt.slice(specStart, k - 1);
              closed = true;
              break;
            }
          }
        }
        if (!closed) throw new FormatSyntaxError("unmatched '{' in format spec");
      }
    } else if (endChar !== '}') throw new FormatSyntaxError("expected '}' before end of string");
    i = k;
    out.push(new FormatField(name, conv, spec, expand));
  }
}

/** str.format(*args, **kw) / str.format_map(kw). */
export function strFormat(fmt: string, args: any[] | null, kw: KwSource): string {
  return buildFormat(fmt, args, kw, 2, { state: 0, next: 0 });
}

export { PyComplex, complexRepr, isInstance, strRepr, bytesRepr };
