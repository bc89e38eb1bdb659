// float (MicroPython py/objfloat.c; CPython Objects/floatobject.c). A float is a small immutable box
// so that 1 (a JS number: int) and 1.0 (a PyFloat) stay distinct.
import { type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV,
  OP_FLOORDIV, OP_MOD, OP_POW, OP_DIVMOD, OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT,
  UN_NEG, UN_POS, UN_ABS, UN_INT, UN_FLOAT } from '../object.js';
import * as T from '../types.js';
import * as libm from '../modules/libm.js';
import { NotImplemented } from '../singletons.js';
import { zeroDivisionError, typeError, valueError, overflowError, newException } from './exceptions.js';
import { PyTuple } from './tuple.js';
import { defMethod, defGetSet, defClassMethod } from './function.js';
import { asInt, toIndex, typeOf, typeName, lookupSpecial, call, toNumberValue, isInstance, identityHash, repr, str as pyStr } from '../runtime.js';
import { floatToInt, floatIntCompare, intHash, norm, bigRatioToFloat, type Int } from './int.js';
import { strArg } from './str.js';
import { parseFloatLiteral } from './numparse.js';
import { formatFloat, dtoa } from '../format.js';
import { complexPow } from './complex.js';
import { bufferOf } from './bytes.js';

/**
 * Not a subclass of PyObject on purpose (same shape: `type` first): floats are allocated on hot paths and
 * a flat constructor avoids the super() call V8 may not inline into the interpreter loop.
 */
export class PyFloat {
  type: PyType;
  readonly value: number;
  constructor(value: number) {
    this.type = T.floatType;
    this.value = value;
  }
}

/** A user subclass instance of float. */
export class PyFloatSub extends PyFloat implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, value: number) {
    super(value);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

export function floatNew(v: number): PyFloat {
  return new PyFloat(v);
}

/** Python's repr of a float: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) {
    // JavaScript prints the same shortest digits in fixed notation in this range (it switches to
    // exponents only below 1e-6 and from 1e21)
    const s = String(x);
    return s.indexOf('.') < 0 ? s + '.0' : s;
  }
  const e = x.toExponential(); // shortest round-trip digits: d.ddde[+-]n
  const ei = e.indexOf('e');
  let mant = e.slice(0, ei);
  const exp = Number(e.slice(ei + 1));
  const neg = mant[0] === '-';
  if (neg) mant = mant.slice(1);
  const digits = mant.replace('.', '');
  let out: string;
  if (exp >= 16 || exp < -4) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    out = m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  } else if (exp >= 0) {
    if (digits.length <= exp + 1) out = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
    else out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    out = '0.' + '0'.repeat(-exp - 1) + digits;
  }
  return neg ? '-' + out : out;
}

/** Python float floor division and modulo (CPython float_divmod). */
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDivisionError('float divmod()');
  // C truthiness: NaN counts as non-zero
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    const q = a / b;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function isOddInteger(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) % 2 === 1;
}

/**
 * float ** float (CPython float_pow): special values sorted out before the platform pow; a negative base
 * with a non-integral exponent gives a complex result; overflow of finite operands is OverflowError.
 */
export function floatPow(a: number, b: number): any {
  if (b === 0) return new PyFloat(1); // even 0**0 and nan**0
  if (a !== a) return new PyFloat(a);
  if (b !== b) return new PyFloat(a === 1 ? 1 : b);
  if (b === Infinity || b === -Infinity) {
    const av = Math.abs(a);
    if (av === 1) return new PyFloat(1);
    return new PyFloat((b > 0) === (av > 1) ? Infinity : 0);
  }
  if (a === Infinity || a === -Infinity) {
    const odd = isOddInteger(b);
    if (b > 0) return new PyFloat(odd ? a : Infinity);
    return new PyFloat(odd ? (a > 0 ? 0 : -0) : 0);
  }
  if (a === 0) {
    if (b < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return new PyFloat(isOddInteger(b) ? a : 0);
  }
  let negate = false;
  if (a < 0) {
    if (b !== Math.floor(b)) return complexPow(a, 0, b, 0);
    a = -a;
    negate = isOddInteger(b);
  }
  if (a === 1) return new PyFloat(negate ? -1 : 1);
  const r = libm.pow(a, b);
  if (r === Infinity) throw newException(T.overflowErrorType, 34, 'Numerical result out of range');
  return new PyFloat(negate ? -r : r);
}

/** float OP float as floats (op is OP_*), or NotImplemented. */
export function floatArith(op: number, a: number, b: number): any {
  switch (op) {
    case OP_ADD: return new PyFloat(a + b);
    case OP_SUB: return new PyFloat(a - b);
    case OP_MUL: return new PyFloat(a * b);
    case OP_TRUEDIV:
      if (b === 0) throw zeroDivisionError('float division by zero');
      return new PyFloat(a / b);
    case OP_FLOORDIV:
      if (b === 0) throw zeroDivisionError('float floor division by zero');
      return new PyFloat(floatDivmod(a, b)[0]);
    case OP_MOD:
      if (b === 0) throw zeroDivisionError('float modulo');
      return new PyFloat(floatDivmod(a, b)[1]);
    case OP_POW: return floatPow(a, b);
    case OP_DIVMOD: {
      const [d, m] = floatDivmod(a, b);
      return new PyTuple([new PyFloat(d), new PyFloat(m)]);
    }
    default: return NotImplemented;
  }
}

/** The float value of a float or int operand, or undefined (for mixed arithmetic). */
function operand(x: any): number | undefined {
  if (x instanceof PyFloat) return x.value;
  const i = asInt(x);
  if (i !== undefined) return toNumberValue(i);
  return undefined;
}

function floatBinop(op: number, a: any, b: any, _reflected: boolean): any {
  if (op >= OP_INPLACE) return NotImplemented;
  const x = operand(a);
  const y = operand(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return floatArith(op, x, y);
}

function floatRichcmp(op: number, a: any, b: any): any {
  const x = (a as PyFloat).value;
  if (b instanceof PyFloat) {
    const y = b.value;
    switch (op) {
      case CMP_LT: return x < y;
      case CMP_LE: return x <= y;
      case CMP_EQ: return x === y;
      case CMP_NE: return x !== y;
      case CMP_GT: return x > y;
      default: return x >= y;
    }
  }
  const i = asInt(b);
  if (i !== undefined) return floatIntCompare(x, i, op, false);
  return NotImplemented;
}

const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_F64 = new Float64Array(1);
const HASH_U64 = new BigUint64Array(HASH_F64.buffer);

/**
 * hash(float) exactly as CPython's _Py_HashDouble: the value as a rational p/q reduced modulo 2**61-1, so
 * hash(x) == hash(n) whenever x == n; inf -> 314159, -inf -> -314159. NaN hashes by identity (here: 0,
 * callers with the object use identityHash).
 */
export function floatHashExact(v: number): Int {
  if (Number.isSafeInteger(v)) return intHash(v);
  if (!Number.isFinite(v)) return v !== v ? 0 : v > 0 ? 314159 : -314159;
  HASH_F64[0] = Math.abs(v);
  const bits = HASH_U64[0];
  const expBits = Number(bits >> 52n);
  let mant = bits & 0xfffffffffffffn;
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  // |v| = mant * 2**e and 2**61 == 1 (mod 2**61-1), so 2**e == 2**(e mod 61)
  let h = (mant << BigInt(((e % 61) + 61) % 61)) % HASH_MODULUS;
  if (v < 0) h = -h;
  return h === -1n ? -2 : norm(h);
}

/** The hash slot value of a float (a JS number, consistent with the int hash slot). */
export function floatHash(v: number): number {
  if (Number.isSafeInteger(v)) return intHash(v);
  return Number(floatHashExact(v));
}

/**
 * PyFloat_AsDouble: the C double of a real number argument (math functions, `%f`): floats, ints (OverflowError
 * when too large), objects with `__float__` (which must return a float) or `__index__`; TypeError otherwise.
 */
export function floatArg(x: any): number {
  if (x instanceof PyFloat) return x.value;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') return toNumberValue(x)!;
  if (typeof x === 'object' && x !== null) {
    const i = asInt(x);
    if (i !== undefined) return toNumberValue(i)!;
    const f = lookupSpecial(x, '__float__');
    if (f !== undefined) {
      const r = call(f, [], null);
      if (!(r instanceof PyFloat)) throw typeError(`${typeName(x)}.__float__ returned non-float (type ${typeName(r)})`);
      return r.value;
    }
    const idx = lookupSpecial(x, '__index__');
    if (idx !== undefined) {
      const r = asInt(call(idx, [], null));
      if (r === undefined) throw typeError(`__index__ returned non-int`);
      return toNumberValue(r)!;
    }
  }
  throw typeError(`must be real number, not ${typeName(x)}`);
}

export function floatFromObject(x: any): number {
  if (x instanceof PyFloat) return x.value;
  if (typeof x === 'string') return parseFloatLiteral(x);
  const i = asInt(x);
  if (i !== undefined && typeof x !== 'object') return toNumberValue(i)!;
  if (typeof x === 'object' && x !== null) {
    const f = lookupSpecial(x, '__float__');
    if (f !== undefined) {
      const r = call(f, [], null);
      if (!(r instanceof PyFloat)) throw typeError(`__float__ returned non-float (type ${typeName(r)})`);
      return r.value;
    }
    const idx = lookupSpecial(x, '__index__');
    if (idx !== undefined) return toNumberValue(asInt(call(idx, [], null)))!;
    if (i !== undefined) return toNumberValue(i)!;
    if (isInstance(x, T.strType)) return parseFloatLiteral((x as { value: string }).value);
    const buf = bufferOf(x);
    if (buf !== null) {
      let s = '';
      for (const c of buf) s += String.fromCharCode(c);
      return parseFloatLiteral(s, () => repr(x));
    }
  }
  throw typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

function selfFloat(x: any): number {
  if (x instanceof PyFloat) return x.value;
  throw typeError(`descriptor requires a 'float' object but received a '${typeName(x)}'`);
}

/**
 * round(x) (half to even, as a float) and round(x, n) (CPython double_round: x rounded to n decimal
 * places through its correctly rounded decimal string, then read back).
 */
export function floatRound(v: number, nd: number | undefined): number {
  if (!Number.isFinite(v)) return v;
  if (nd === undefined) {
    const r = Math.round(v);
    if (Math.abs(v - Math.trunc(v)) === 0.5) return 2 * Math.round(v / 2);
    return r;
  }
  if (nd > 323) return v;
  if (nd < -308) return 0 * v;
  if (v === 0) return v;
  const [digits, decpt] = dtoa(v, 3, nd);
  const r = Number(`${digits}e${decpt - digits.length}`);
  return v < 0 ? -r : r;
}

/** float.hex(): '[-]0x1.<13 hex digits>p<exp>' (subnormals '0x0.<...>p-1022'), as CPython float_hex. */
export function floatHex(v: number): string {
  if (v !== v) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  if (v === 0) return sign + '0x0.0p+0';
  HASH_F64[0] = Math.abs(v);
  const bits = HASH_U64[0];
  const expBits = Number(bits >> 52n);
  const frac = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0');
  if (expBits === 0) return `${sign}0x0.${frac}p-1022`;
  const e = expBits - 1023;
  return `${sign}0x1.${frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

/** float.fromhex(s): correctly rounded; OverflowError when too large, ValueError when malformed. */
export function floatFromHex(text: string): number {
  const bad = () => valueError('invalid hexadecimal floating-point string');
  const m = /^[ \t\n\r\f\v]*([-+]?)(?:(inf|infinity|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([-+]?[0-9]+))?)[ \t\n\r\f\v]*$/i.exec(text);
  if (m === null) throw bad();
  const neg = m[1] === '-';
  if (m[2] !== undefined) {
    const w = m[2].toLowerCase();
    const v = w === 'nan' ? NaN : Infinity;
    return neg ? -v : v;
  }
  const ip = m[3] ?? '';
  const fp = m[4] ?? '';
  if (ip.length + fp.length === 0) throw bad();
  let mant = BigInt('0x0' + ip + fp);
  let e = (m[5] !== undefined ? Math.max(-1e7, Math.min(1e7, Number(m[5]))) : 0) - 4 * fp.length;
  let v: number;
  if (mant === 0n) v = 0;
  else {
    const bits = mant.toString(2).length;
    if (bits + e > 1025) throw overflowError('hexadecimal value too large to represent as a float');
    if (bits + e < -1080) v = 0;
    else {
      if (e >= 0) {
        mant <<= BigInt(e);
        e = 0;
      }
      v = e === 0 ? Number(mant) : bigRatioToFloat(mant, 1n << BigInt(-e));
      if (v === Infinity) throw overflowError('hexadecimal value too large to represent as a float');
    }
  }
  return neg ? -v : v;
}

export function setupFloat(): void {
  const t = T.floatType;
  t.binop = floatBinop;
  t.richcmp = floatRichcmp;
  t.repr = (x) => floatRepr((x as PyFloat).value);
  t.hash = (x) => {
    const v = (x as PyFloat).value;
    return v !== v ? identityHash(x) : floatHash(v);
  };
  t.bool = (x) => (x as PyFloat).value !== 0;
  t.keyKind = 5; // KEY_FLOAT
  t.alloc = (type) => new PyFloatSub(type, 0);
  t.unop = (op, x) => {
    const v = (x as PyFloat).value;
    switch (op) {
      case UN_NEG: return new PyFloat(-v);
      case UN_POS: return x.type === T.floatType ? x : new PyFloat(v);
      case UN_ABS: return new PyFloat(Math.abs(v));
      case UN_INT: return floatToInt(v);
      case UN_FLOAT: return x.type === T.floatType ? x : new PyFloat(v);
      default: return undefined;
    }
  };
  t.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('float() takes no keyword arguments');
    if (args.length > 1) throw typeError(`float expected at most 1 argument, got ${args.length}`);
    const v = args.length === 0 ? 0 : floatFromObject(args[0]);
    if (type === T.floatType) return args.length === 1 && args[0] instanceof PyFloat && args[0].type === T.floatType ? args[0] : new PyFloat(v);
    return new PyFloatSub(type, v);
  };
  defMethod(t, 'is_integer', (self) => Number.isInteger(selfFloat(self)), 1);
  defMethod(t, '__hash__', (self) => {
    const v = selfFloat(self);
    return v !== v ? identityHash(self) : floatHashExact(v);
  }, 1);
  defMethod(t, '__ceil__', (self) => floatToInt(Math.ceil(selfFloat(self))), 1);
  defMethod(t, '__floor__', (self) => floatToInt(Math.floor(selfFloat(self))), 1);
  defMethod(t, 'conjugate', (self) => self, 1);
  defMethod(t, '__int__', (self) => floatToInt(selfFloat(self)), 1);
  defMethod(t, '__float__', (self) => (self.type === T.floatType ? self : new PyFloat(selfFloat(self))), 1);
  defMethod(t, '__trunc__', (self) => floatToInt(selfFloat(self)), 1);
  defMethod(t, '__abs__', (self) => new PyFloat(Math.abs(selfFloat(self))), 1);
  defMethod(t, '__format__', (self, spec) => (strArg(spec, 'format() argument 2') === '' && self.type !== T.floatType ? pyStr(self) : formatFloat(selfFloat(self), spec)), 2);
  defMethod(t, '__round__', (self, nd) => {
    const v = selfFloat(self);
    if (nd === undefined || nd === null) {
      const r = floatRound(v, undefined);
      return floatToInt(r);
    }
    const n = asInt(nd) ?? toIndex(nd);
    return new PyFloat(floatRound(v, Number(n)));
  }, { params: 'self, ndigits', min: 1 });
  defMethod(t, 'as_integer_ratio', (self) => {
    const v = selfFloat(self);
    if (!Number.isFinite(v)) {
      if (v !== v) throw valueError('cannot convert NaN to integer ratio');
      throw overflowError('cannot convert Infinity to integer ratio');
    }
    let m = v;
    let e = 0;
    while (m !== Math.floor(m)) {
      m *= 2;
      e++;
    }
    let num = BigInt(m);
    let den = 1n << BigInt(e);
    const g = gcd(num < 0n ? -num : num, den);
    num /= g;
    den /= g;
    const n = (x: bigint): Int => (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x);
    return new PyTuple([n(num), n(den)]);
  }, 1);
  defMethod(t, 'hex', (self) => floatHex(selfFloat(self)), 1);
  defClassMethod(t, 'fromhex', (cls, text) => {
    const v = floatFromHex(strArg(text, 'fromhex() argument'));
    return cls === T.floatType ? new PyFloat(v) : call(cls, [new PyFloat(v)], null);
  }, 2);
  defGetSet(t, 'real', (self) => self);
  defGetSet(t, 'imag', () => new PyFloat(0));
  void typeOf;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
