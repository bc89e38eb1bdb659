// Text formatting: format() specs for int/float/str, printf-style `%`, and str.format (MicroPython
// py/objstr.c; CPython Python/formatter_unicode.c, Objects/unicodeobject.c). Issue 5 owns the breadth;
// this covers the mini-language completely enough for everyday output.
import * as T from './types.js';
import { PyFloat } from './objects/float.js';
import { PyTuple } from './objects/tuple.js';
import { typeError, valueError, keyError, indexError, overflowError } from './objects/exceptions.js';
import { asInt, repr, str, typeName, getItem, getAttr, lookupSpecial, call, toNumberValue, typeOf, isInstance, toIndex } from './runtime.js';
import { floatRepr } from './objects/float.js';
import { floatToInt, type Int } from './objects/int.js';
import { strLen, strVal, isStr, strRepr } from './objects/str.js';
import { PyComplex, complexRepr } from './objects/complex.js';
import { bufferOf, latin1, fromLatin1, bytesRepr } from './objects/bytes.js';

// ---- format spec ---------------------------------------------------------------------------------------

interface Spec {
  fill: string;
  align: string; // '' < > = ^
  sign: string; // '' + - ' '
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string; // '' , _
  precision: number; // -1 if absent
  type: string;
}

export function parseSpec(spec: string): Spec {
  const s: Spec = { fill: ' ', align: '', sign: '', alt: false, zero: false, width: -1, grouping: '', precision: -1, type: '' };
  const cps = Array.from(spec);
  let i = 0;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '=' || c === '^';
  if (cps.length >= 2 && isAlign(cps[1])) {
    s.fill = cps[0];
    s.align = cps[1];
    i = 2;
  } else if (isAlign(cps[0])) {
    s.align = cps[0];
    i = 1;
  }
  if (cps[i] === '+' || cps[i] === '-' || cps[i] === ' ') s.sign = cps[i++];
  if (cps[i] === 'z') i++;
  if (cps[i] === '#') {
    s.alt = true;
    i++;
  }
  if (cps[i] === '0') {
    s.zero = true;
    i++;
  }
  let w = '';
  while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') w += cps[i++];
  if (w) s.width = Number(w);
  if (cps[i] === ',' || cps[i] === '_') s.grouping = cps[i++];
  if (cps[i] === '.') {
    i++;
    let p = '';
    while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') p += cps[i++];
    if (!p) throw valueError('Format specifier missing precision');
    s.precision = Number(p);
  }
  if (i < cps.length) s.type = cps[i++];
  if (i < cps.length) throw valueError('Invalid format specifier');
  if (s.zero && s.align === '') {
    s.fill = '0';
    s.align = '=';
  }
  return s;
}

function applyWidth(body: string, prefix: string, s: Spec, defaultAlign: string): string {
  const total = strLen(prefix) + strLen(body);
  if (s.width <= total) return prefix + body;
  const padN = s.width - total;
  const align = s.align || defaultAlign;
  const pad = (n: number) => s.fill.repeat(n);
  switch (align) {
    case '<': return prefix + body + pad(padN);
    case '>': return pad(padN) + prefix + body;
    case '^': return pad(padN >> 1) + prefix + body + pad(padN - (padN >> 1));
    default: return prefix + pad(padN) + body; // '='
  }
}

function group(intPart: string, sep: string, every: number): string {
  if (!sep) return intPart;
  let out = '';
  let n = 0;
  for (let i = intPart.length - 1; i >= 0; i--) {
    out = intPart[i] + out;
    if (++n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

function signOf(neg: boolean, s: Spec): string {
  if (neg) return '-';
  if (s.sign === '+') return '+';
  if (s.sign === ' ') return ' ';
  return '';
}

/** format(int, spec). */
export function formatInt(v: Int, specArg: any): string {
  const specStr = typeof specArg === 'string' ? specArg : strVal(specArg);
  if (specStr === '') return String(v);
  const s = parseSpec(specStr);
  const t = s.type;
  if (t !== '' && 'eEfFgG%'.includes(t)) {
    const f = typeof v === 'bigint' ? Number(v) : v;
    return formatFloatSpec(f, s);
  }
  if (t === 'c') {
    if (s.sign) throw valueError("Sign not allowed with integer format specifier 'c'");
    const n = Number(v);
    if (n < 0 || n > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    return applyWidth(String.fromCodePoint(n), '', s, '>');
  }
  if (s.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  const neg = v < 0;
  const a = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string;
  let prefix = '';
  let every = 3;
  switch (t) {
    case '':
    case 'd':
    case 'n':
      digits = a.toString(10);
      break;
    case 'b':
      digits = a.toString(2);
      if (s.alt) prefix = '0b';
      every = 4;
      break;
    case 'o':
      digits = a.toString(8);
      if (s.alt) prefix = '0o';
      every = 4;
      break;
    case 'x':
      digits = a.toString(16);
      if (s.alt) prefix = '0x';
      every = 4;
      break;
    case 'X':
      digits = a.toString(16).toUpperCase();
      if (s.alt) prefix = '0X';
      every = 4;
      break;
    default:
      throw valueError(`Unknown format code '${t}' for object of type 'int'`);
  }
  if (s.grouping && s.align === '=' && s.fill === '0' && s.width > 0) {
    // zero padding participates in grouping
    const signLen = signOf(neg, s).length + prefix.length;
    let g = group(digits, s.grouping, every);
    while (g.length + signLen < s.width) {
      digits = '0' + digits;
      g = group(digits, s.grouping, every);
    }
    return signOf(neg, s) + prefix + g;
  }
  digits = group(digits, s.grouping, every);
  return applyWidth(digits, signOf(neg, s) + prefix, s, '>');
}

// ---- float formatting ------------------------------------------------------------------------------------

/** Exact decimal digits of |x| (finite): [digits, pointPos] with value = 0.digits * 10^pointPos. */
function exactDigits(x: number): [string, number] {
  const buf = new Float64Array([Math.abs(x)]);
  const u = new BigUint64Array(buf.buffer)[0];
  const expBits = Number((u >> 52n) & 0x7ffn);
  let mant = u & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (mant === 0n) return ['0', 1];
  if (e >= 0) {
    const s = (mant << BigInt(e)).toString();
    return [s, s.length];
  }
  // mant / 2^-e = mant * 5^-e / 10^-e
  const s = (mant * 5n ** BigInt(-e)).toString();
  const point = s.length + e; // digits before the decimal point
  return [s, point];
}

/** Round the decimal digit string to `n` digits (half-even on the exact value). */
function roundDigits(digits: string, point: number, n: number): [string, number] {
  if (n >= digits.length) return [digits + '0'.repeat(n - digits.length), point];
  if (n < 0) return ['', point];
  const keep = digits.slice(0, n);
  const next = digits.charCodeAt(n) - 48;
  const rest = digits.slice(n + 1);
  let up = next > 5 || (next === 5 && /[1-9]/.test(rest));
  if (next === 5 && !/[1-9]/.test(rest)) up = n > 0 ? (keep.charCodeAt(n - 1) - 48) % 2 === 1 : false;
  if (!up) return [keep, point];
  let b = (BigInt(keep === '' ? '0' : keep) + 1n).toString();
  if (keep === '') {
    // rounding 0.5.. up at the first digit
    return ['1', point + 1];
  }
  if (b.length > keep.length) {
    b = b.slice(0, keep.length);
    return [b, point + 1];
  }
  return [b.padStart(keep.length, '0'), point];
}

/** Fixed notation of |x| with p digits after the point. */
export function fixedAbs(x: number, p: number): string {
  const ax = Math.abs(x);
  if (ax < 1e21 && p <= 100) {
    const s = ax.toFixed(p);
    // toFixed rounds exact ties up; Python rounds them to even: re-check ties exactly
    const probe = p + 20 <= 100 ? ax.toFixed(p + 20) : null;
    if (probe === null || /50{19}$/.test(probe.slice(probe.length - 20)) || probe.slice(probe.length - 20).startsWith('4999')) {
      return fixedExact(ax, p);
    }
    return s;
  }
  return fixedExact(ax, p);
}

function fixedExact(ax: number, p: number): string {
  const [digits, point] = exactDigits(ax);
  const [d, pt] = roundDigits(digits, point, point + p);
  let intPart: string;
  let frac: string;
  if (pt <= 0) {
    intPart = '0';
    frac = ('0'.repeat(-pt) + d).padEnd(p, '0').slice(0, p);
  } else {
    const dd = d.padEnd(pt + p, '0');
    intPart = dd.slice(0, pt) || '0';
    frac = dd.slice(pt, pt + p);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return p > 0 ? `${intPart}.${frac}` : intPart;
}

/** Exponent notation of |x| with p digits after the point: [mantissa, exponent]. */
function expParts(x: number, p: number): [string, number] {
  const ax = Math.abs(x);
  if (ax === 0) return [p > 0 ? '0.' + '0'.repeat(p) : '0', 0];
  const [digits0, point0] = exactDigits(ax);
  const digits = digits0.replace(/^0+/, '');
  const point = point0 - (digits0.length - digits.length);
  const [d, pt] = roundDigits(digits, point, p + 1);
  const exp = pt - 1;
  const m = p > 0 ? d[0] + '.' + d.slice(1, p + 1) : d[0];
  return [m, exp];
}

function expStr(e: number): string {
  return (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
}

function formatFloatSpec(x: number, s: Spec): string {
  let t = s.type;
  const neg = x < 0 || Object.is(x, -0);
  const upper = t === 'E' || t === 'F' || t === 'G';
  let body: string;
  if (!Number.isFinite(x)) {
    body = x !== x ? 'nan' : 'inf';
    if (upper) body = body.toUpperCase();
    if (t === '%') body += '%';
    const sp = { ...s };
    if (sp.fill === '0' && sp.align === '=' && s.zero) sp.fill = ' ';
    return applyWidth(body, signOf(x !== x ? false : neg, s), sp, '>');
  }
  const ax = Math.abs(x);
  let p = s.precision;
  switch (t) {
    case 'f':
    case 'F':
      body = fixedAbs(ax, p < 0 ? 6 : p);
      if (s.alt && !body.includes('.')) body += '.';
      break;
    case '%':
      body = fixedAbs(ax * 100, p < 0 ? 6 : p) + '%';
      break;
    case 'e':
    case 'E': {
      const [m, e] = expParts(ax, p < 0 ? 6 : p);
      body = m + (s.alt && !m.includes('.') ? '.' : '') + (t === 'e' ? 'e' : 'E') + expStr(e);
      break;
    }
    case 'g':
    case 'G':
    case 'n':
    case '': {
      if (t === '' && p < 0) {
        body = floatRepr(ax);
        if (upper) body = body.toUpperCase();
        break;
      }
      if (p < 0) p = 6;
      if (p === 0) p = 1;
      if (ax === 0) {
        body = t === '' ? '0.0' : s.alt ? '0.' + '0'.repeat(p - 1) : '0';
        break;
      }
      const [, e] = expParts(ax, p - 1);
      if (e >= -4 && e < p) {
        body = fixedAbs(ax, p - 1 - e);
        if (!s.alt) body = body.includes('.') ? body.replace(/\.?0+$/, '') : body;
        if (t === '' && !body.includes('.')) body += '.0';
      } else {
        let [m] = expParts(ax, p - 1);
        if (!s.alt) m = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
        body = m + (t === 'G' ? 'E' : 'e') + expStr(e);
      }
      break;
    }
    default:
      throw valueError(`Unknown format code '${t}' for object of type 'float'`);
  }
  if (s.grouping) {
    const dot = body.search(/[.eE%]/);
    const ip = dot < 0 ? body : body.slice(0, dot);
    body = group(ip, s.grouping, 3) + (dot < 0 ? '' : body.slice(dot));
  }
  t = '';
  void t;
  return applyWidth(body, signOf(neg, s), s, '>');
}

/** format(float, spec). */
export function formatFloat(v: number, specArg: any): string {
  const specStr = typeof specArg === 'string' ? specArg : strVal(specArg);
  if (specStr === '') return floatRepr(v);
  return formatFloatSpec(v, parseSpec(specStr));
}

/** format(str, spec). */
export function formatStr(v: string, specStr: string): string {
  if (specStr === '') return v;
  const s = parseSpec(specStr);
  if (s.type !== '' && s.type !== 's') throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign) throw valueError('Sign not allowed in string format specifier');
  if (s.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (s.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let body = v;
  if (s.precision >= 0) body = Array.from(body).slice(0, s.precision).join('');
  return applyWidth(body, '', s, '<');
}

/** format(x, spec) for any value (FORMAT_VALUE, format(), str.format). */
export function formatValue(x: any, spec: string): string {
  if (typeof x === 'string') return formatStr(x, spec);
  if (typeof x === 'number' || typeof x === 'bigint') return formatInt(x, spec);
  if (typeof x === 'boolean') return spec === '' ? (x ? 'True' : 'False') : formatInt(x ? 1 : 0, spec);
  if (x instanceof PyFloat && x.type === T.floatType) return formatFloat(x.value, spec);
  if (x === null && spec === '') return 'None';
  const f = lookupSpecial(x, '__format__');
  if (f === undefined) throw typeError(`unsupported format string passed to ${typeName(x)}.__format__`);
  const r = call(f, [spec], null);
  if (!isStr(r)) throw typeError(`__format__ must return a str, not ${typeName(r)}`);
  return strVal(r);
}

// ---- printf-style % ----------------------------------------------------------------------------------------

function percentOne(conv: string, v: any, flags: string, width: number, prec: number, ascii: (x: any) => string, forBytes: boolean): string {
  const s: Spec = { fill: ' ', align: flags.includes('-') ? '<' : '>', sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '', alt: flags.includes('#'), zero: false, width, grouping: '', precision: prec, type: '' };
  if (flags.includes('0') && !flags.includes('-')) {
    s.fill = '0';
    s.align = '=';
  }
  switch (conv) {
    case 's':
    case 'r':
    case 'a': {
      let body: string;
      if (forBytes && conv === 's') {
        const b = bufferOf(v);
        if (b === null) throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
        body = latin1(b);
      } else body = conv === 's' ? str(v) : conv === 'r' ? (forBytes ? ascii(v) : repr(v)) : ascii(v);
      if (prec >= 0) body = Array.from(body).slice(0, prec).join('');
      return applyWidth(body, '', { ...s, fill: ' ', align: s.align === '<' ? '<' : '>' }, '>');
    }
    case 'b':
      if (forBytes) return percentOne('s', v, flags, width, prec, ascii, forBytes);
      throw valueError(`unsupported format character 'b' (0x62)`);
    case 'c': {
      let ch: string;
      const i = asInt(v);
      if (i !== undefined) {
        if (i < 0 || i > (forBytes ? 255 : 0x10ffff)) throw overflowError('%c arg not in range(0x110000)');
        ch = String.fromCodePoint(Number(i));
      } else if (isStr(v) && strLen(strVal(v)) === 1) ch = strVal(v);
      else if (forBytes && bufferOf(v)?.length === 1) ch = String.fromCharCode(bufferOf(v)![0]);
      else throw typeError('%c requires int or char');
      return applyWidth(ch, '', { ...s, fill: ' ' }, '>');
    }
    case 'd':
    case 'i':
    case 'u': {
      let n = asInt(v);
      if (n === undefined) {
        if (v instanceof PyFloat) n = floatToInt(v.value);
        else {
          const idx = typeof v === 'object' && v !== null ? lookupSpecial(v, '__int__') ?? lookupSpecial(v, '__index__') : undefined;
          if (idx === undefined) throw typeError(`%${conv} format: a real number is required, not ${typeName(v)}`);
          n = toIndex(call(idx, [], null));
        }
      }
      let digits = (n < 0 ? -n : n).toString();
      if (prec >= 0) digits = digits.padStart(prec, '0');
      return applyWidth(digits, signOf(n < 0, s), s, '>');
    }
    case 'x':
    case 'X':
    case 'o': {
      let n = asInt(v);
      if (n === undefined) {
        const idx = typeof v === 'object' && v !== null ? lookupSpecial(v, '__index__') : undefined;
        if (idx === undefined) throw typeError(`%${conv} format: an integer is required, not ${typeName(v)}`);
        n = toIndex(v);
      }
      const a = n < 0 ? -n : n;
      let digits = a.toString(conv === 'o' ? 8 : 16);
      if (conv === 'X') digits = digits.toUpperCase();
      if (prec >= 0) digits = digits.padStart(prec, '0');
      const prefix = s.alt ? (conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X') : '';
      return applyWidth(digits, signOf(n < 0, s) + prefix, s, '>');
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const f = toNumberValue(v);
      let fv = f;
      if (fv === undefined) {
        const ff = typeof v === 'object' && v !== null ? lookupSpecial(v, '__float__') : undefined;
        if (ff === undefined) throw typeError(`must be real number, not ${typeName(v)}`);
        fv = (call(ff, [], null) as PyFloat).value;
      }
      return formatFloatSpec(fv, { ...s, type: conv, precision: prec < 0 ? 6 : prec });
    }
    default:
      throw valueError(`unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)})`);
  }
}

function percentCore(fmt: string, args: any, ascii: (x: any) => string, forBytes: boolean): string {
  // CPython PyUnicode_Format: a tuple supplies positional arguments; any other object is one positional
  // argument, and (if it has __getitem__ and isn't a str) also the mapping for %(key)s.
  const isTuple = args instanceof PyTuple;
  const items: any[] = isTuple ? args.items : [];
  let arglen = isTuple ? items.length : -1;
  let ai = isTuple ? 0 : -2;
  const dict = !isTuple && !isStr(args) && typeof args === 'object' && args !== null && typeOf(args).getitem !== null ? args : null;
  let out = '';
  const next = (): any => {
    if (ai >= 0 && ai < arglen) return items[ai++];
    if (arglen < 0 && ai === -2) {
      ai = -1;
      return args;
    }
    throw typeError('not enough arguments for format string');
  };
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c !== '%') {
      const j = fmt.indexOf('%', i);
      const end = j < 0 ? n : j;
      out += fmt.slice(i, end);
      i = end;
      continue;
    }
    i++;
    if (i >= n) throw valueError('incomplete format');
    let key: string | null = null;
    if (fmt[i] === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (fmt[j] === '(') depth++;
        else if (fmt[j] === ')') depth--;
        j++;
      }
      if (depth > 0) throw valueError('incomplete format key');
      key = fmt.slice(i + 1, j - 1);
      i = j;
      if (dict === null) throw typeError('format requires a mapping');
    }
    let flags = '';
    while (i < n && '-+ #0'.includes(fmt[i])) flags += fmt[i++];
    let width = -1;
    if (fmt[i] === '*') {
      const w = asInt(next());
      if (w === undefined) throw typeError('* wants int');
      width = Number(w);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      i++;
    } else {
      let w = '';
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') w += fmt[i++];
      if (w) width = Number(w);
    }
    let prec = -1;
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        const p = asInt(next());
        if (p === undefined) throw typeError('* wants int');
        prec = Number(p);
        i++;
      } else {
        let p = '';
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') p += fmt[i++];
        prec = p ? Number(p) : 0;
      }
    }
    while (i < n && 'hlL'.includes(fmt[i])) i++;
    if (i >= n) throw valueError('incomplete format');
    const conv = fmt[i++];
    if (conv === '%') {
      out += '%';
      continue;
    }
    let v: any;
    if (key !== null) {
      v = getItem(dict, key);
      arglen = -1;
      ai = -1;
    } else v = next();
    out += percentOne(conv, v, flags, width, prec, ascii, forBytes);
  }
  if (ai < arglen && dict === null) throw typeError(`not all arguments converted during ${forBytes ? 'bytes' : 'string'} formatting`);
  return out;
}

let asciiFn: (x: any) => string = (x) => repr(x);
export function setAsciiFn(f: (x: any) => string): void {
  asciiFn = f;
}

/** str % args. */
export function percentFormat(fmt: string, args: any): string {
  return percentCore(fmt, args, asciiFn, false);
}

/** bytes % args. */
export function percentFormatBytes(fmt: Uint8Array, args: any): Uint8Array {
  const s = percentCore(latin1(fmt), args, (x) => {
    const b = bufferOf(x);
    return b !== null ? bytesRepr(b) : asciiFn(x);
  }, true);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) throw typeError('bytes formatting produced non-byte characters');
  return fromLatin1(s);
}

// ---- str.format ----------------------------------------------------------------------------------------

interface KwSource {
  get(k: string): any;
  has(k: string): boolean;
}

export function strFormat(fmt: string, args: any[], kw: KwSource, depth = 0): string {
  if (depth > 2) throw valueError('Max string recursion exceeded');
  let out = '';
  let auto = 0;
  let mode = 0; // 0 unknown, 1 auto, 2 manual
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      // find the matching close brace (nested braces in the spec)
      let j = i + 1;
      let level = 1;
      while (j < n) {
        if (fmt[j] === '{') level++;
        else if (fmt[j] === '}') {
          level--;
          if (level === 0) break;
        } else if (fmt[j] === '[') {
          const k = fmt.indexOf(']', j);
          if (k < 0) break;
          j = k;
        }
        j++;
      }
      if (j >= n) throw valueError("Single '{' encountered in format string");
      const field = fmt.slice(i + 1, j);
      i = j + 1;
      // split name!conv:spec
      let nameEnd = 0;
      while (nameEnd < field.length && field[nameEnd] !== '!' && field[nameEnd] !== ':') {
        if (field[nameEnd] === '[') {
          const k = field.indexOf(']', nameEnd);
          nameEnd = k < 0 ? field.length : k + 1;
          continue;
        }
        nameEnd++;
      }
      const name = field.slice(0, nameEnd);
      let conv = '';
      let spec = '';
      let rest = field.slice(nameEnd);
      if (rest.startsWith('!')) {
        conv = rest.slice(1, 2);
        rest = rest.slice(2);
        if (rest !== '' && !rest.startsWith(':')) throw valueError('expected \':\' after conversion specifier');
        if (!'rsa'.includes(conv) || conv === '') throw valueError(`Unknown conversion specifier ${conv || '\\x00'}`);
      }
      if (rest.startsWith(':')) spec = rest.slice(1);
      // resolve the field name
      const m = /^([^.[]*)(.*)$/s.exec(name)!;
      const first = m[1];
      let obj: any;
      if (first === '') {
        if (mode === 2) throw valueError('cannot switch from manual field specification to automatic field numbering');
        mode = 1;
        if (auto >= args.length) throw indexError(`Replacement index ${auto} out of range for positional args tuple`);
        obj = args[auto++];
      } else if (/^\d+$/.test(first)) {
        if (mode === 1) throw valueError('cannot switch from automatic field numbering to manual field specification');
        mode = 2;
        const k = Number(first);
        if (k >= args.length) throw indexError(`Replacement index ${k} out of range for positional args tuple`);
        obj = args[k];
      } else {
        if (!kw.has(first)) throw keyError(first);
        obj = kw.get(first);
      }
      let accessors = m[2];
      while (accessors.length > 0) {
        if (accessors[0] === '.') {
          const mm = /^\.([^.[]+)/.exec(accessors);
          if (mm === null) throw valueError('Empty attribute in format string');
          obj = getAttr(obj, mm[1]);
          accessors = accessors.slice(mm[0].length);
        } else if (accessors[0] === '[') {
          const k = accessors.indexOf(']');
          if (k < 0) throw valueError("Missing ']' in format string");
          const key = accessors.slice(1, k);
          obj = getItem(obj, /^\d+$/.test(key) ? Number(key) : key);
          accessors = accessors.slice(k + 1);
        } else throw valueError('Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
      if (conv === 'r') obj = repr(obj);
      else if (conv === 's') obj = str(obj);
      else if (conv === 'a') obj = asciiFn(obj);
      if (spec.includes('{')) {
        const sub = { args, auto, mode };
        spec = strFormat(spec, args.slice(0), kw, depth + 1);
        void sub;
        // nested auto-numbered fields consume positional arguments in order
        const used = (spec.match(/\{\}/g) ?? []).length;
        auto += used;
      }
      out += formatValue(obj, spec);
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    const j1 = fmt.indexOf('{', i);
    const j2 = fmt.indexOf('}', i);
    const end = Math.min(j1 < 0 ? n : j1, j2 < 0 ? n : j2);
    out += fmt.slice(i, end);
    i = end;
  }
  return out;
}

export { PyComplex, complexRepr, isInstance, strRepr };
