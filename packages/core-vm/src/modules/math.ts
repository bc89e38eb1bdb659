// The math module (spec 4.1.4; MicroPython py/modmath.c). The spec lists a subset of CPython's module; the
// module here is CPython 3.11's whole `math`, with its special values and its exceptions: a result that
// is mathematically undefined raises ValueError('math domain error'), a finite argument whose result
// overflows raises OverflowError('math range error') (CPython Modules/mathmodule.c, "spirit of 754").
import { PyModule } from '../objects/module.js';
import { dictSetStr } from '../objects/dict.js';
import { builtin, type BuiltinSpec } from '../objects/function.js';
import { PyFloat, floatArg } from '../objects/float.js';
import { PyTuple } from '../objects/tuple.js';
import { floatToInt, norm, big, bitLength, intToFloat, intMul, bigRatioToFloat, INT_MAX_BITS, type Int } from '../objects/int.js';
import { typeError, valueError, overflowError, zeroDivisionError, memoryError } from '../objects/exceptions.js';
import { asInt, toIndex, lookupSpecial, call, typeName, forEach, toArray, binaryOp, truthy } from '../runtime.js';
import { OP_MUL } from '../object.js';
import * as T from '../types.js';
import * as libm from './libm.js';

// ---- bit-level helpers (also used by cmath and float) ----------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** True if the sign bit of x is set (-0.0, negative numbers, NaNs with the sign bit). */
export function signBit(x: number): boolean {
  F64[0] = x;
  return (U32[HI] & 0x80000000) !== 0;
}

/** C copysign. */
export function copysign(x: number, y: number): number {
  const neg = signBit(y);
  F64[0] = x;
  U32[HI] = neg ? U32[HI] | 0x80000000 : U32[HI] & 0x7fffffff;
  return F64[0];
}

/** C frexp: [m, e] with x == m * 2**e and 0.5 <= |m| < 1 (m = x, e = 0 for zeros, infinities, NaN). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let extra = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54: subnormals become normal
    extra = -54;
  }
  F64[0] = x;
  const hi = U32[HI];
  const e = ((hi >>> 20) & 0x7ff) - 1022;
  U32[HI] = (hi & 0x800fffff) | (1022 << 20);
  return [F64[0], e + extra];
}

/** 2**n as a double, for -1074 <= n <= 1023 (exact). */
function pow2(n: number): number {
  if (n >= -1022) {
    F64[0] = 0;
    U32[LO] = 0;
    U32[HI] = (n + 1023) << 20;
    return F64[0];
  }
  return 2 ** n; // subnormal powers of two are exact in JS as well
}

/** C ldexp, correctly rounded (one rounding even when the result is subnormal). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, ex] = frexp(x);
  const ne = ex + e; // result = m * 2**ne with 0.5 <= |m| < 1
  if (ne > 1024) return copysign(Infinity, x);
  if (ne === 1024) return m * 2 * pow2(1023);
  if (ne >= -1074) return m * pow2(ne); // one rounding, also for subnormal results
  return copysign(0, x); // |x| < 2**-1075: rounds to zero
}

/** C nextafter. */
export function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return copysign(5e-324, y);
  F64[0] = x;
  let hi = U32[HI];
  let lo = U32[LO];
  if ((x < y) === (x > 0)) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi++;
  } else {
    if (lo === 0) hi--;
    lo = (lo - 1) >>> 0;
  }
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0];
}

/** a * b as an unevaluated sum hi + lo (Dekker's product with Veltkamp splitting; |a*b| < 2**995). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const SPLIT = 134217729; // 2**27 + 1
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

/**
 * sqrt(x*x + y*y) without overflow or underflow, within about half an ulp (the first estimate is
 * corrected by the exactly computed residual), as CPython's complex abs and cmath rely on.
 */
export function hypot2(x: number, y: number): number {
  x = Math.abs(x);
  y = Math.abs(y);
  if (x === Infinity || y === Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  if (x < y) {
    const t = x;
    x = y;
    y = t;
  }
  if (y === 0) return x;
  let scale = 1;
  if (x > 1e150) {
    x *= 2 ** -600;
    y *= 2 ** -600;
    scale = 2 ** 600;
  } else if (x < 1e-150) {
    x *= 2 ** 600;
    y *= 2 ** 600;
    scale = 2 ** -600;
  }
  let h = Math.sqrt(x * x + y * y);
  const [xx, xxl] = twoProd(x, x);
  const [yy, yyl] = twoProd(y, y);
  const [hh, hhl] = twoProd(h, h);
  const r = (xx - hh) + yy + ((xxl - hhl) + yyl);
  h += r / (2 * h);
  return h * scale;
}

// ---- errors --------------------------------------------------------------------------------------------

export const domainError = () => valueError('math domain error');
export const rangeError = () => overflowError('math range error');

function fl(x: number): PyFloat {
  return new PyFloat(x);
}

/**
 * A one-argument function of a double (CPython math_1): NaN from a non-NaN argument is a domain error;
 * an infinity from a finite argument is an overflow (canOverflow) or a singularity (domain error).
 */
function math1(f: (x: number) => number, canOverflow: boolean): (x: any) => PyFloat {
  return (arg) => {
    const x = floatArg(arg);
    const r = f(x);
    if (r !== r && x === x) throw domainError();
    if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) throw canOverflow ? rangeError() : domainError();
    return fl(r);
  };
}

// ---- special functions ---------------------------------------------------------------------------------

const LOG_PI = 1.1447298858494002; // log(pi)
const SQRT_PI = 1.772453850905516; // sqrt(pi)

/** sin(pi * x), exact at integers and half-integers (for the gamma reflection formula). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y);
  let r: number;
  switch (n) {
    case 0: r = libm.sin(Math.PI * y); break;
    case 1: r = libm.cos(Math.PI * (y - 0.5)); break;
    case 2: r = libm.sin(Math.PI * (1 - y)); break;
    case 3: r = -libm.cos(Math.PI * (y - 1.5)); break;
    default: r = libm.sin(Math.PI * (y - 2)); break;
  }
  return copysign(1, x) * r;
}

// Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (the parameters Boost and CPython use),
// written as a rational function: numerator and denominator coefficients.
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721, 6039542586.352028, 1439720407.3117216,
  248874557.86205417, 31426415.585400194, 2876370.6289353725, 186056.26539522348, 8071.672002365816,
  210.82427775157936, 2.5066282746310002,
];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0];

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

const GAMMA_INTEGRAL: number[] = [];
for (let i = 0, f = 1; i < 23; i++) {
  GAMMA_INTEGRAL.push(f);
  f *= i + 1;
}

/** The gamma function; throws CPython's errors (domain at poles and -inf, range on overflow). */
function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    throw domainError();
  }
  if (x === 0) throw domainError();
  if (x === Math.floor(x)) {
    if (x < 0) throw domainError();
    if (x <= 23) return GAMMA_INTEGRAL[x - 1];
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) {
    const r = 1 / x;
    if (!Number.isFinite(r)) throw rangeError();
    return r;
  }
  if (ax > 200) {
    if (x < 0) return 0 / sinpi(x);
    throw rangeError();
  }
  const y = ax + LANCZOS_G_MINUS_HALF;
  // the rounding error of y, to correct pow(y, ax - 0.5) / exp(y)
  let z = ax > LANCZOS_G_MINUS_HALF ? y - ax - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - ax;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-Math.PI / sinpi(ax) / ax) * libm.exp(y)) / lanczosSum(ax);
    r -= z * r;
    if (ax < 140) r /= libm.pow(y, ax - 0.5);
    else {
      const sp = libm.pow(y, ax / 2 - 0.25);
      r /= sp;
      r /= sp;
    }
  } else {
    r = lanczosSum(ax) / libm.exp(y);
    r += z * r;
    if (ax < 140) r *= libm.pow(y, ax - 0.5);
    else {
      const sp = libm.pow(y, ax / 2 - 0.25);
      r *= sp;
      r *= sp;
    }
  }
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

/** log(|gamma(x)|). */
function lgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) throw domainError();
    return 0;
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) return -libm.log(ax);
  let r = libm.log(lanczosSum(ax)) - LANCZOS_G;
  r += (ax - 0.5) * (libm.log(ax + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - libm.log(Math.abs(sinpi(ax))) - libm.log(ax) - r;
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

// erf by its Taylor series for |x| < 1.5; erfc by a continued fraction beyond.
function erfSeries(x: number): number {
  const x2 = x * x;
  let acc = 0;
  let fk = 25 + 0.5;
  for (let i = 0; i < 25; i++) {
    acc = 2 + (x2 * acc) / fk;
    fk -= 1;
  }
  return (acc * x * libm.exp(-x2)) / SQRT_PI;
}

function erfcContfrac(x: number): number {
  if (x >= 30) return 0;
  const x2 = x * x;
  let a = 0;
  let da = 0.5;
  let p = 1;
  let pLast = 0;
  let q = da + x2;
  let qLast = 1;
  for (let i = 0; i < 50; i++) {
    a += da;
    da += 2;
    const b = da + x2;
    let t = p;
    p = b * p - a * pLast;
    pLast = t;
    t = q;
    q = b * q - a * qLast;
    qLast = t;
  }
  return ((p / q) * x * libm.exp(-x2)) / SQRT_PI;
}

function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0 ? 1 - cf : cf - 1;
}

function erfc(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return 1 - erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0 ? cf : 2 - cf;
}

// ---- functions with special argument handling ----------------------------------------------------------

/** C99 pow with CPython's errors (math.pow, not the ** operator). */
function mathPow(x: number, y: number): number {
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) r = y === 0 ? 1 : x;
    else if (y !== y) r = x === 1 ? 1 : y;
    else if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1;
      else r = oddY ? copysign(0, x) : 0;
    } else {
      // y infinite
      const ax = Math.abs(x);
      if (ax === 1) r = 1;
      else if (y > 0 && ax > 1) r = y;
      else if (y < 0 && ax < 1) r = -y;
      else r = 0;
    }
    return r;
  }
  if (x === 1 || y === 0) return 1;
  r = libm.pow(x, y);
  if (r !== r) throw domainError();
  if (!Number.isFinite(r)) throw x === 0 ? domainError() : rangeError();
  return r;
}

/** The log of an int argument of any size (CPython loghelper): huge ints are split as m * 2**e. */
function logOf(arg: any, f: (x: number) => number, fOf2: number): number {
  const i = asInt(arg);
  if (i !== undefined) {
    if (i <= 0) throw domainError();
    if (typeof i === 'bigint') {
      const v = Number(i);
      if (!Number.isFinite(v)) {
        // too large for a double: i ~= m * 2**e with m = i / 2**e correctly rounded, 0.5 <= m <= 1
        const e = bitLength(i);
        const m = bigRatioToFloat(i, 1n << BigInt(e));
        return f(m) + fOf2 * e;
      }
      return f(v);
    }
    return f(i);
  }
  const x = floatArg(arg);
  const r = f(x);
  if (r !== r && x === x) throw domainError();
  if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) throw domainError();
  return r;
}

function fmod(x: number, y: number): number {
  if (!Number.isFinite(y) && y === y && Number.isFinite(x)) return x;
  const r = x % y;
  if (r !== r && x === x && y === y) throw domainError();
  return r;
}

/** IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even). */
function remainder(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (!Number.isFinite(x) || y === 0) throw domainError();
  if (!Number.isFinite(y)) return x;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const m = ax % ay;
  const c = ay - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (ax - m)) % ay);
  return copysign(1, x) * r;
}

function modf(x: number): [number, number] {
  if (!Number.isFinite(x)) {
    if (x !== x) return [x, x];
    return [copysign(0, x), x];
  }
  const ip = Math.trunc(x);
  return [copysign(x - ip, x), ip];
}

/** Exactly rounded sum (Shewchuk's partials, as CPython's fsum). */
function fsum(iterable: any): number {
  const partials: number[] = [];
  let special = 0;
  let infSum = 0;
  forEach(iterable, (item) => {
    let x = floatArg(item);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        if (Number.isFinite(xsave)) throw overflowError('intermediate overflow in fsum');
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        special += xsave;
        partials.length = 0;
      } else partials.push(x);
    }
  });
  if (special !== 0) {
    if (infSum !== infSum) throw valueError('-inf + inf in fsum');
    return special;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // half-way case: round-half-even could round the wrong way given the remaining partials
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

// ---- integer functions ---------------------------------------------------------------------------------

function bigAbs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd2(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  let x = bigAbs(big(a));
  let y = bigAbs(big(b));
  while (y !== 0n) {
    // shrink to doubles as soon as both fit
    if (x <= 9007199254740991n) return gcd2(Number(x), Number(y));
    const t = x % y;
    x = y;
    y = t;
  }
  return norm(x);
}

/** Product of the integers lo..hi (inclusive) as a bigint, by splitting (balanced multiplications). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (hi - lo < 8n) {
    let p = 1n;
    for (let k = lo; k <= hi; k++) p *= k;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

/**
 * MemoryError before multiplying out a result of about `log2` bits beyond the VM's int size limit (the
 * product would end in MemoryError anyway, after minutes of uninterruptible work).
 */
function checkResultBits(log2: number): void {
  if (log2 > INT_MAX_BITS) throw memoryError();
}

function factorial(n: Int): Int {
  if (n < 0) throw valueError('factorial() not defined for negative values');
  if (typeof n === 'bigint') throw overflowError('factorial() argument should not exceed 9223372036854775807');
  if (n <= 18) return GAMMA_INTEGRAL[n];
  checkResultBits(lgamma(n + 1) / Math.LN2);
  return norm(rangeProduct(2n, BigInt(n)));
}

/** Integer square root (floor) of a non-negative int, by Newton's method from a double estimate. */
export function isqrt(n: Int): Int {
  if (n < 0) throw valueError('isqrt() argument must be nonnegative');
  if (typeof n === 'number') {
    let r = Math.floor(Math.sqrt(n));
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  const bits = bitLength(n);
  let x = 1n << BigInt((bits >> 1) + 1); // >= sqrt(n)
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return norm(x);
    x = y;
  }
}

function comb(n: Int, k: Int): Int {
  if (n < 0) throw valueError('n must be a non-negative integer');
  if (k < 0) throw valueError('k must be a non-negative integer');
  if (k > n) return 0;
  const N = big(n);
  let K = big(k);
  if (K > N - K) K = N - K;
  if (K === 0n) return 1;
  if (K > 100000000n) throw overflowError('min(n - k, k) must not exceed 100000000');
  // log2 C(n, k) >= k * log2(n / k)
  checkResultBits(Number(K) * Math.log2(Number(N) / Number(K)));
  // C(n, k) = n!/(n-k)!/k!, the falling product split for balanced multiplication
  return norm(rangeProduct(N - K + 1n, N) / rangeProduct(1n, K));
}

function perm(n: Int, k: Int | undefined): Int {
  if (n < 0) throw valueError('n must be a non-negative integer');
  if (k === undefined) return factorial(n);
  if (k < 0) throw valueError('k must be a non-negative integer');
  if (k > n) return 0;
  if (k === 0) return 1;
  const N = big(n);
  const K = big(k);
  if (K > 100000000n) throw overflowError('k must not exceed 100000000');
  // log2 P(n, k) >= k * log2(n - k + 1)
  checkResultBits(Number(K) * Math.log2(Number(N - K + 1n)));
  return norm(rangeProduct(N - K + 1n, N));
}

// ---- rounding to int -----------------------------------------------------------------------------------

function roundToInt(x: any, dunder: string, f: (v: number) => number): any {
  if (x instanceof PyFloat && x.type === T.floatType) return floatToInt(f(x.value));
  const i = asInt(x);
  if (i !== undefined && typeof x !== 'object') return i;
  if (typeof x === 'object' && x !== null) {
    const m = lookupSpecial(x, dunder);
    if (m !== undefined) return call(m, [], null);
  }
  return floatToInt(f(floatArg(x)));
}

// ---- the module ----------------------------------------------------------------------------------------

export function makeMathModule(): PyModule {
  const m = new PyModule('math');
  const d = m.dict;
  const put = (name: string, fn: (...a: any[]) => any, spec: BuiltinSpec | number) => dictSetStr(d, name, builtin(name, fn, spec));
  const put1 = (name: string, f: (x: number) => number, canOverflow: boolean) => put(name, math1(f, canOverflow), 1);

  dictSetStr(d, 'e', fl(Math.E));
  dictSetStr(d, 'pi', fl(Math.PI));
  dictSetStr(d, 'tau', fl(2 * Math.PI));
  dictSetStr(d, 'inf', fl(Infinity));
  dictSetStr(d, 'nan', fl(NaN));

  put1('acos', libm.acos, false);
  put1('acosh', libm.acosh, false);
  put1('asin', libm.asin, false);
  put1('asinh', libm.asinh, false);
  put1('atan', libm.atan, false);
  put1('atanh', (x) => (Math.abs(x) === 1 ? NaN : Math.atanh(x)), false);
  put1('cbrt', Math.cbrt, false);
  put1('cos', libm.cos, false);
  put1('cosh', libm.cosh, true);
  put1('erf', erf, false);
  put1('erfc', erfc, false);
  put1('exp', libm.exp, true);
  put1('exp2', (x) => libm.pow(2, x), true);
  put1('expm1', Math.expm1, true);
  put1('fabs', Math.abs, false);
  put1('log1p', Math.log1p, false);
  put1('sin', libm.sin, false);
  put1('sinh', libm.sinh, true);
  put1('sqrt', Math.sqrt, false);
  put1('tan', libm.tan, false);
  put1('tanh', Math.tanh, false);
  put('gamma', (x) => fl(gamma(floatArg(x))), 1);
  put('lgamma', (x) => fl(lgamma(floatArg(x))), 1);
  put('degrees', (x) => fl(floatArg(x) * (180 / Math.PI)), 1);
  put('radians', (x) => fl(floatArg(x) * (Math.PI / 180)), 1);

  put('ceil', (x) => roundToInt(x, '__ceil__', Math.ceil), 1);
  put('floor', (x) => roundToInt(x, '__floor__', Math.floor), 1);
  put('trunc', (x) => {
    if (x instanceof PyFloat) return floatToInt(x.value);
    const i = asInt(x);
    if (i !== undefined && typeof x !== 'object') return i;
    const t = typeof x === 'object' && x !== null ? lookupSpecial(x, '__trunc__') : undefined;
    if (t === undefined) throw typeError(`type ${typeName(x)} doesn't define __trunc__ method`);
    return call(t, [], null);
  }, 1);

  put('isfinite', (x) => Number.isFinite(floatArg(x)), 1);
  put('isinf', (x) => {
    const v = floatArg(x);
    return v === Infinity || v === -Infinity;
  }, 1);
  put('isnan', (x) => {
    const v = floatArg(x);
    return v !== v;
  }, 1);
  put('isclose', (a, b, relTol, absTol) => {
    const x = floatArg(a);
    const y = floatArg(b);
    const rt = relTol === undefined ? 1e-9 : floatArg(relTol);
    const at = absTol === undefined ? 0 : floatArg(absTol);
    if (rt < 0 || at < 0) throw valueError('tolerances must be non-negative');
    if (x === y) return true;
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return false;
    const diff = Math.abs(y - x);
    return diff <= Math.abs(rt * y) || diff <= Math.abs(rt * x) || diff <= at;
  }, { params: 'a, b, /, *, rel_tol, abs_tol', min: 2 });

  put('copysign', (x, y) => fl(copysign(floatArg(x), floatArg(y))), 2);
  put('atan2', (y, x) => fl(libm.atan2(floatArg(y), floatArg(x))), 2);
  put('fmod', (x, y) => fl(fmod(floatArg(x), floatArg(y))), 2);
  put('remainder', (x, y) => fl(remainder(floatArg(x), floatArg(y))), 2);
  put('pow', (x, y) => fl(mathPow(floatArg(x), floatArg(y))), 2);
  put('nextafter', (x, y) => fl(nextafter(floatArg(x), floatArg(y))), 2);
  put('ulp', (a) => {
    let x = floatArg(a);
    if (x !== x) return fl(x);
    x = Math.abs(x);
    if (x === Infinity) return fl(x);
    const x2 = nextafter(x, Infinity);
    if (x2 === Infinity) return fl(x - nextafter(x, -Infinity));
    return fl(x2 - x);
  }, 1);
  put('frexp', (x) => {
    const [mm, e] = frexp(floatArg(x));
    return new PyTuple([fl(mm), e]);
  }, 1);
  put('ldexp', (x, i) => {
    const v = floatArg(x);
    const e = asInt(i);
    if (e === undefined) throw typeError('Expected an int as second argument to ldexp.');
    const en = typeof e === 'bigint' ? (e > 0n ? 1e6 : -1e6) : Math.max(-1e6, Math.min(1e6, e));
    const r = ldexp(v, en);
    if (!Number.isFinite(r) && Number.isFinite(v)) throw rangeError();
    return fl(r);
  }, 2);
  put('modf', (x) => {
    const [f, i] = modf(floatArg(x));
    return new PyTuple([fl(f), fl(i)]);
  }, 1);

  put('log', (x, base) => {
    const num = logOf(x, libm.log, Math.LN2);
    if (base === undefined) return fl(num);
    const den = logOf(base, libm.log, Math.LN2);
    if (den === 0) throw zeroDivisionError('float division by zero');
    return fl(num / den);
  }, { params: 'x, base, /', min: 1 });
  put('log2', (x) => fl(logOf(x, libm.log2, 1)), 1);
  put('log10', (x) => fl(logOf(x, libm.log10, libm.log10(2))), 1);

  put('fsum', (it) => fl(fsum(it)), 1);
  put('prod', (it, start) => {
    let acc: any = start === undefined ? 1 : start;
    forEach(it, (v) => {
      const a = asInt(acc);
      const b = asInt(v);
      acc = a !== undefined && b !== undefined && typeof acc !== 'object' && typeof v !== 'object' ? intMul(a, b) : binaryOp(OP_MUL, acc, v);
    });
    return acc;
  }, { params: 'iterable, /, *, start', min: 1 });
  put('hypot', (coords: any[]) => {
    const xs = coords.map(floatArg);
    const r = xs.length === 2 ? hypot2(xs[0], xs[1]) : libm.hypotN(xs);
    if (r === Infinity && xs.every(Number.isFinite)) throw rangeError();
    return fl(r);
  }, { params: '*coords' });
  put('dist', (p, q) => {
    const a = toArray(p).map(floatArg);
    const b = toArray(q).map(floatArg);
    if (a.length !== b.length) throw valueError('both points must have the same number of dimensions');
    return fl(libm.hypotN(a.map((v, i) => v - b[i])));
  }, 2);

  const intArg = (x: any): Int => toIndex(x);
  put('factorial', (n) => factorial(intArg(n)), 1);
  put('gcd', (ints: any[]) => {
    let g: Int = 0;
    for (const x of ints) g = gcd2(g, intArg(x));
    return g;
  }, { params: '*integers' });
  put('lcm', (ints: any[]) => {
    let l: Int = 1;
    for (const x of ints) {
      const v = intArg(x);
      if (v === 0 || l === 0) {
        l = 0;
        continue;
      }
      const g = gcd2(l, v);
      const p = norm(bigAbs((big(l) / big(g)) * big(v)));
      l = p;
    }
    return ints.length === 0 ? 1 : l;
  }, { params: '*integers' });
  put('isqrt', (n) => isqrt(intArg(n)), 1);
  put('comb', (n, k) => comb(intArg(n), intArg(k)), 2);
  put('perm', (n, k) => perm(intArg(n), k === undefined || k === null ? undefined : intArg(k)), { params: 'n, k, /', min: 1 });
  void intToFloat;
  void truthy;
  return m;
}
