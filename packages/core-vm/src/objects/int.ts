// int and bool (MicroPython py/objint.c, objint_mpz.c, objbool.c; CPython Objects/longobject.c).
// An int is a JS number when it is a safe integer and a bigint otherwise: every operation normalises its
// result, so the two representations never overlap and `===` is int equality.
import { PyInstance, type PyType, OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT,
  OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_DIVMOD, OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
  UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT, UN_FLOAT, UN_INDEX } from '../object.js';
void CMP_GE;
import * as T from '../types.js';
import * as libm from '../modules/libm.js';
import { NotImplemented } from '../singletons.js';
import { zeroDivisionError, valueError, typeError, overflowError, memoryError } from './exceptions.js';
import { PyFloat, floatNew } from './float.js';
import { PyTuple } from './tuple.js';
import { defMethod, defClassMethod, defGetSet } from './function.js';
import { asInt, typeOf, typeName, call, getAttrOpt, toIndex, lookupSpecial, truthy, unaryOp, isInstance, repr, str as pyStr } from '../runtime.js';
import { strArg } from './str.js';
import { bytesFromBuffer, bufferOf, PyBytes } from './bytes.js';
import { parseIntLiteral } from './numparse.js';
import { formatInt } from '../format.js';

export type Int = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;
const MAXB = BigInt(MAX);
const MINB = -MAXB;

/** Normalise a bigint result: a number when it is a safe integer. */
export function norm(b: bigint): Int {
  return b >= MINB && b <= MAXB ? Number(b) : b;
}

export function big(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** A user subclass instance of int. */
export class PyIntSub extends PyInstance {
  value: Int;
  constructor(type: PyType, value: Int) {
    super(type);
    this.value = value;
  }
}

/** Limit on the size of ints built by ** and << (bits, about 5 million decimal digits): MemoryError beyond. */
export const INT_MAX_BITS = 1 << 24;
const MAX_BITS = INT_MAX_BITS;

function checkBig(b: bigint): Int {
  return norm(b);
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r;
  }
  return checkBig(big(a) * big(b));
}

export function intFloorDiv(a: Int, b: Int): Int {
  if (b === 0) throw zeroDivisionError('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    // a - a % b is an exact multiple of b no larger than |a|: the truncated quotient is exact
    const m = a % b;
    let q = (a - m) / b;
    if (m !== 0 && (m < 0) !== (b < 0)) q -= 1;
    return q === 0 ? 0 : q;
  }
  const A = big(a);
  const B = big(b);
  const q = A / B; // truncated; floor differs only for operands of opposite signs with a remainder
  if ((A < 0n) === (B < 0n)) return norm(q);
  return norm(q * B === A ? q : q - 1n);
}

/** divmod(a, b) for ints with one BigInt division. */
export function intDivmod(a: Int, b: Int): [Int, Int] {
  if (b === 0) throw zeroDivisionError('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') return [intFloorDiv(a, b), intMod(a, b)];
  const A = big(a);
  const B = big(b);
  let q = A / B;
  let r = A - q * B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) {
    q -= 1n;
    r += B;
  }
  return [norm(q), norm(r)];
}

export function intMod(a: Int, b: Int): Int {
  if (b === 0) throw zeroDivisionError('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    let m = a % b;
    if (m !== 0 && (m < 0) !== (b < 0)) m += b;
    return m === 0 ? 0 : m;
  }
  const B = big(b);
  let m = big(a) % B;
  if (m !== 0n && (m < 0n) !== (B < 0n)) m += B;
  return norm(m);
}

export function intPow(a: Int, b: Int): Int | PyFloat {
  if ((typeof b === 'number' ? b : Number(b)) < 0) {
    const fa = intToFloat(a);
    if (fa === 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return new PyFloat(libm.pow(fa, intToFloat(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    // exact repeated squaring while the result stays safe
    let result = 1;
    let base = a;
    let e = b;
    let ok = true;
    while (e > 0) {
      if (e & 1) {
        result *= base;
        if (result > MAX || result < -MAX) {
          ok = false;
          break;
        }
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (base > MAX) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return result;
  }
  const A = big(a);
  if (A === 0n || A === 1n) return norm(A);
  if (A === -1n) return big(b) % 2n === 0n ? 1 : -1;
  const bits = BigInt(A < 0n ? (-A).toString(2).length : A.toString(2).length);
  if (bits * big(b) > BigInt(MAX_BITS)) throw memoryError();
  return norm(A ** big(b));
}

export function intPowMod(a: Int, b: Int, m: Int): Int {
  if (m === 0) throw valueError('pow() 3rd argument cannot be 0');
  let B = big(b);
  let M = big(m);
  let A = big(a);
  const neg = M < 0n;
  if (neg) M = -M;
  if (B < 0n) {
    A = modInverse(A, M);
    B = -B;
  }
  let r = 1n % M;
  A = ((A % M) + M) % M;
  while (B > 0n) {
    if (B & 1n) r = (r * A) % M;
    A = (A * A) % M;
    B >>= 1n;
  }
  if (neg && r !== 0n) r -= M;
  return norm(r);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

export function intLshift(a: Int, b: Int): Int {
  if ((typeof b === 'number' ? b : Number(b)) < 0) throw valueError('negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && b < 31) {
    const r = a * 2 ** b;
    if (r <= MAX && r >= -MAX) return r;
  }
  if (a === 0) return 0;
  // CPython: a result over PY_SSIZE_T_MAX/4 30-bit digits is an OverflowError, anything big a MemoryError
  if (typeof b === 'bigint' && b / 30n > 0x7fffffffffffffffn / 4n) throw overflowError('too many digits in integer');
  if (typeof b === 'bigint' || b > MAX_BITS) throw memoryError();
  return norm(big(a) << BigInt(b));
}

export function intRshift(a: Int, b: Int): Int {
  if ((typeof b === 'number' ? b : Number(b)) < 0) throw valueError('negative shift count');
  if (typeof a === 'number') {
    if (typeof b === 'bigint' || b > 60) return a < 0 ? -1 : 0;
    const r = Math.floor(a / 2 ** b);
    return r === 0 ? 0 : r;
  }
  if (typeof b === 'bigint') return a < 0n ? -1 : 0;
  return norm(a >> BigInt(b));
}

function isInt32(x: Int): x is number {
  return typeof x === 'number' && (x | 0) === x;
}

export function intAnd(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a & b;
  return norm(big(a) & big(b));
}
export function intOr(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a | b;
  return norm(big(a) | big(b));
}
export function intXor(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return norm(big(a) ^ big(b));
}

export function intNeg(a: Int): Int {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return norm(-a);
}

export function intInvert(a: Int): Int {
  return intSub(intNeg(a), 1);
}

export function intAbs(a: Int): Int {
  if (typeof a === 'number') return Math.abs(a);
  return a < 0n ? -a : a;
}

/** int -> float value; OverflowError if too large. */
export function intToFloat(a: Int): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
  return f;
}

/** Bit length of a positive bigint. */
function bigBits(x: bigint): number {
  return x.toString(16).length * 4 - (Math.clz32(parseInt(x.toString(16)[0], 16)) - 28);
}

/**
 * n / d for positive bigints, correctly rounded to a double (half to even, also for subnormal results);
 * Infinity when too large (the caller raises OverflowError).
 */
export function bigRatioToFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  // E = floor(log2(n/d))
  let E = bigBits(n) - bigBits(d);
  if (E >= 0 ? n < d << BigInt(E) : n << BigInt(-E) < d) E--;
  if (E > 1023) return Infinity;
  const ulp = Math.max(E - 52, -1074); // exponent of the last bit kept
  let q: bigint;
  let rem: bigint;
  if (ulp >= 0) {
    const dd = d << BigInt(ulp);
    q = n / dd;
    rem = n - q * dd;
    if (rem * 2n > dd || (rem * 2n === dd && (q & 1n) === 1n)) q += 1n;
  } else {
    const nn = n << BigInt(-ulp);
    q = nn / d;
    rem = nn - q * d;
    if (rem * 2n > d || (rem * 2n === d && (q & 1n) === 1n)) q += 1n;
  }
  // q <= 2**53: exact as a double; scaling by a power of two is exact (in two steps near the ends)
  const qf = Number(q);
  if (ulp > 960) return qf * 2 ** 960 * 2 ** (ulp - 960);
  if (ulp < -1000) return qf * 2 ** -1000 * 2 ** (ulp + 1000);
  return qf * 2 ** ulp;
}

/** Correctly-rounded int / int. */
export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0) throw zeroDivisionError('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const A = big(a);
  const B = big(b);
  const neg = (A < 0n) !== (B < 0n);
  const r = bigRatioToFloat(A < 0n ? -A : A, B < 0n ? -B : B);
  if (r === Infinity) throw overflowError('integer division result too large for a float');
  return neg ? -r : r;
}

export function intCompare(a: Int, b: Int, op: number): boolean {
  switch (op) {
    case CMP_LT: return a < b;
    case CMP_LE: return a <= b;
    case CMP_EQ: return a === b;
    case CMP_NE: return a !== b;
    case CMP_GT: return a > b;
    default: return a >= b;
  }
}

const MODULUS_B = (1n << 61n) - 1n;

/** CPython's int hash: |value| mod 2**61-1 with the sign kept, -1 -> -2 (safe ints are below the modulus). */
export function intHash(x: number): number {
  return x === -1 ? -2 : x;
}

/** hash(x) of a bigint, exactly as CPython computes it (may exceed 2**53). */
export function bigHashExact(x: bigint): Int {
  const neg = x < 0n;
  let h = (neg ? -x : x) % MODULUS_B;
  if (neg) h = -h;
  return h === -1n ? -2 : norm(h);
}

/** The hash slot value of a bigint (a JS number: exact below 2**53, consistent above). */
export function bigHash(x: bigint): number {
  return Number(bigHashExact(x));
}

/** The arithmetic of two ints (op is OP_*), or NotImplemented. */
export function intBinop(op: number, a: Int, b: Int): any {
  switch (op) {
    case OP_ADD: return intAdd(a, b);
    case OP_SUB: return intSub(a, b);
    case OP_MUL: return intMul(a, b);
    case OP_TRUEDIV: return new PyFloat(intTrueDiv(a, b));
    case OP_FLOORDIV: return intFloorDiv(a, b);
    case OP_MOD: return intMod(a, b);
    case OP_POW: return intPow(a, b);
    case OP_LSHIFT: return intLshift(a, b);
    case OP_RSHIFT: return intRshift(a, b);
    case OP_AND: return intAnd(a, b);
    case OP_OR: return intOr(a, b);
    case OP_XOR: return intXor(a, b);
    case OP_DIVMOD: return new PyTuple(intDivmod(a, b));
    default: return NotImplemented;
  }
}

function intBinopSlot(op: number, a: any, b: any, _reflected: boolean): any {
  if (op >= OP_INPLACE) return NotImplemented;
  const x = asInt(a);
  const y = asInt(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return intBinop(op, x, y);
}

function intRichcmp(op: number, a: any, b: any): any {
  const x = asInt(a);
  if (x === undefined) return NotImplemented;
  const y = asInt(b);
  if (y !== undefined) return intCompare(x, y, op);
  if (b instanceof PyFloat) return floatIntCompare(b.value, x, op, true);
  return NotImplemented;
}

/** Compare float f with int i exactly (reversed: i OP f). */
export function floatIntCompare(f: number, i: Int, op: number, reversed: boolean): boolean {
  let c: number; // sign of (f - i)
  if (f !== f) return op === CMP_NE;
  if (f === Infinity) c = 1;
  else if (f === -Infinity) c = -1;
  else if (typeof i === 'number') c = f < i ? -1 : f > i ? 1 : 0;
  else {
    // exact: compare floor(f) as bigint
    const fl = Math.floor(f);
    const fb = BigInt(fl);
    c = fb < i ? -1 : fb > i ? 1 : f > fl ? 1 : 0;
  }
  if (reversed) c = -c;
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c === 0;
    case CMP_NE: return c !== 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

function intUnop(op: number, a: any): any {
  const x = asInt(a);
  if (x === undefined) return undefined;
  switch (op) {
    case UN_NEG: return intNeg(x);
    case UN_POS: return x;
    case UN_INVERT: return intInvert(x);
    case UN_ABS: return intAbs(x);
    case UN_INT:
    case UN_INDEX: return x;
    case UN_FLOAT: return new PyFloat(intToFloat(x));
    default: return undefined;
  }
}

/** int(x), int(x, base) (CPython long_new). */
export function intFromObject(x: any, base: any): Int {
  if (base !== undefined) {
    const b = toIndex(base);
    if (typeof x === 'string' || (typeof x === 'object' && x !== null && isInstance(x, T.strType))) {
      return parseIntLiteral(typeof x === 'string' ? x : (x as { value: string }).value, Number(b));
    }
    const buf = bufferOf(x);
    if (buf !== null) return parseIntLiteral(latin1(buf), Number(b), () => repr(x));
    throw typeError("int() can't convert non-string with explicit base");
  }
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') return parseIntLiteral(x, 10);
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (typeof x === 'object' && x !== null) {
    const t = typeOf(x);
    if (t.unop !== null) {
      const r = t.unop(UN_INT, x);
      if (r !== undefined) {
        const v = asInt(r);
        if (v === undefined) throw typeError(`__int__ returned non-int (type ${typeName(r)})`);
        return v;
      }
      const r2 = t.unop(UN_INDEX, x);
      if (r2 !== undefined) {
        const v = asInt(r2);
        if (v !== undefined) return v;
      }
    }
    const trunc = lookupSpecial(x, '__trunc__');
    if (trunc !== undefined) return intFromObject(call(trunc, [], null), undefined);
    if (isInstance(x, T.strType)) return parseIntLiteral((x as { value: string }).value, 10);
    const buf = bufferOf(x);
    if (buf !== null) return parseIntLiteral(latin1(buf), 10, () => repr(x));
  }
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

function latin1(buf: Uint8Array): string {
  let s = '';
  for (const c of buf) s += String.fromCharCode(c);
  return s;
}

export function floatToInt(f: number): Int {
  if (!Number.isFinite(f)) {
    if (f !== f) throw valueError('cannot convert float NaN to integer');
    throw overflowError('cannot convert float infinity to integer');
  }
  const t = Math.trunc(f);
  if (t <= MAX && t >= -MAX) return t === 0 ? 0 : t;
  return norm(BigInt(t));
}

/** int.to_bytes core. */
export function intToBytes(v: Int, length: number, little: boolean, signed: boolean): Uint8Array {
  let x = big(v);
  if (x < 0n) {
    if (!signed) throw overflowError("can't convert negative int to unsigned");
    x += 1n << BigInt(length * 8);
    if (x < 0n || (length > 0 && x < 1n << BigInt(length * 8 - 1))) throw overflowError('int too big to convert');
  } else if (signed ? x >= 1n << BigInt(Math.max(length * 8 - 1, 0)) : x >= 1n << BigInt(length * 8)) {
    if (!(length === 0 && x === 0n)) throw overflowError('int too big to convert');
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[little ? i : length - 1 - i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

export function intFromBytes(buf: Uint8Array, little: boolean, signed: boolean): Int {
  let x = 0n;
  const n = buf.length;
  for (let i = 0; i < n; i++) x = (x << 8n) | BigInt(buf[little ? n - 1 - i : i]);
  if (signed && n > 0 && buf[little ? n - 1 : 0] & 0x80) x -= 1n << BigInt(n * 8);
  return norm(x);
}

export function bitLength(v: Int): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (a < 2 ** 31) return 32 - Math.clz32(a);
    return a.toString(2).length;
  }
  return (v < 0n ? -v : v).toString(2).length;
}

function selfInt(x: any): Int {
  const v = asInt(x);
  if (v === undefined) throw typeError(`descriptor requires an 'int' object but received a '${typeName(x)}'`);
  return v;
}

function byteorderArg(x: any): boolean {
  if (x === 'little') return true;
  if (x === 'big') return false;
  throw valueError("byteorder must be either 'little' or 'big'");
}

export function setupInt(): void {
  const t = T.intType;
  t.binop = intBinopSlot;
  t.richcmp = intRichcmp;
  t.unop = intUnop;
  t.hash = (x) => {
    const v = asInt(x)!;
    return typeof v === 'number' ? intHash(v) : bigHash(v);
  };
  t.repr = (x) => String(asInt(x));
  t.bool = (x) => asInt(x) !== 0;
  t.alloc = null;
  t.make = (type: PyType, args: any[], kwnames: readonly string[] | null) => {
    const x: any = args[0];
    let base: any;
    const npos = args.length - (kwnames?.length ?? 0);
    if (kwnames !== null) {
      for (let i = 0; i < kwnames.length; i++) {
        if (kwnames[i] === 'base') base = args[npos + i];
        else throw typeError(`'${kwnames[i]}' is an invalid keyword argument for int()`);
      }
    }
    if (npos > 1) base = args[1];
    if (npos > 2) throw typeError(`int() takes at most 2 arguments (${npos} given)`);
    const v: Int = npos === 0 ? (base !== undefined ? (() => { throw typeError('int() missing string argument'); })() : 0) : intFromObject(x, base);
    if (type === T.intType) return v;
    return makeIntSub(type, v);
  };
  defMethod(t, 'bit_length', (self) => bitLength(selfInt(self)), 1);
  defMethod(t, 'bit_count', (self) => {
    const v = selfInt(self);
    if (typeof v === 'number') {
      let a = Math.abs(v);
      let n = 0;
      while (a > 0) {
        const lo = a % 4294967296;
        let x = lo - ((lo >>> 1) & 0x55555555);
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
        a = Math.floor(a / 4294967296);
      }
      return n;
    }
    let n = 0;
    for (const c of (v < 0n ? -v : v).toString(2)) if (c === '1') n++;
    return n;
  }, 1);
  defMethod(t, 'as_integer_ratio', (self) => new PyTuple([selfInt(self), 1]), 1);
  defMethod(t, '__hash__', (self) => {
    const v = selfInt(self);
    return typeof v === 'number' ? intHash(v) : bigHashExact(v);
  }, 1);
  defMethod(t, '__pow__', (self, other, mod) => {
    const a = selfInt(self);
    const b = asInt(other);
    if (b === undefined) return NotImplemented;
    if (mod === undefined || mod === null) return intPow(a, b);
    const m = asInt(mod);
    if (m === undefined) return NotImplemented;
    return intPowMod(a, b, m);
  }, { params: 'self, value, mod, /', min: 2 });
  defMethod(t, '__ceil__', (self) => selfInt(self), 1);
  defMethod(t, '__floor__', (self) => selfInt(self), 1);
  defMethod(t, 'conjugate', (self) => selfInt(self), 1);
  defMethod(t, '__index__', (self) => selfInt(self), 1);
  defMethod(t, '__int__', (self) => selfInt(self), 1);
  defMethod(t, '__float__', (self) => new PyFloat(intToFloat(selfInt(self))), 1);
  defMethod(t, '__trunc__', (self) => selfInt(self), 1);
  defMethod(t, '__abs__', (self) => intAbs(selfInt(self)), 1);
  // an empty spec is str(self), so a subclass's __str__ shows (CPython _PyLong_FormatAdvancedWriter)
  defMethod(t, '__format__', (self, spec) => (strArg(spec, 'format() argument 2') === '' && typeof self === 'object' ? pyStr(self) : formatInt(selfInt(self), spec)), 2);
  defMethod(t, '__round__', (self, nd) => {
    const v = selfInt(self);
    if (nd === undefined || nd === null) return v;
    const n = asInt(nd) ?? toIndex(nd);
    if (n >= 0) return v;
    const p = intPow(10, intNeg(n)) as Int;
    // round half to even
    const q = intFloorDiv(v, p);
    const r = intSub(v, intMul(q, p));
    const twice = intMul(r, 2);
    let qq = q;
    if (twice > p || (twice === p && intMod(q, 2) === 1)) qq = intAdd(q, 1);
    return intMul(qq, p);
  }, { params: 'self, ndigits', min: 1 });
  defMethod(t, 'to_bytes', (self, length, byteorder, signed) => {
    const len = length === undefined ? 1 : Number(toIndex(length));
    if (len < 0) throw valueError('length argument must be non-negative');
    const little = byteorder === undefined ? false : byteorderArg(byteorder);
    return new PyBytes(intToBytes(selfInt(self), len, little, signed !== undefined && truthy(signed)));
  }, { params: 'self, length, byteorder, *, signed', min: 1 });
  defClassMethod(t, 'from_bytes', (cls, bytes, byteorder, signed) => {
    const buf = bytesFromBuffer(bytes);
    const little = byteorder === undefined ? false : byteorderArg(byteorder);
    const v = intFromBytes(buf, little, signed !== undefined && truthy(signed));
    if (cls === T.intType) return v;
    return call(cls, [v], null);
  }, { params: 'cls, bytes, byteorder, *, signed', min: 2 });
  defGetSet(t, 'real', (self) => selfInt(self));
  defGetSet(t, 'imag', () => 0);
  defGetSet(t, 'numerator', (self) => selfInt(self));
  defGetSet(t, 'denominator', () => 1);

  const b = T.boolType;
  b.repr = (x) => (x ? 'True' : 'False');
  b.binop = (op, a, bb, reflected) => {
    if ((op === OP_AND || op === OP_OR || op === OP_XOR) && typeof a === 'boolean' && typeof bb === 'boolean') {
      return op === OP_AND ? a && bb : op === OP_OR ? a || bb : a !== bb;
    }
    return intBinopSlot(op, a, bb, reflected);
  };
  b.make = (_type, args) => {
    if (args.length > 1) throw typeError(`bool() takes at most 1 argument (${args.length} given)`);
    return args.length === 0 ? false : truthy(args[0]);
  };
  void getAttrOpt;
  void unaryOp;
}

export function makeIntSub(type: PyType, v: Int): PyIntSub {
  return new PyIntSub(type, v);
}

export { floatNew };
