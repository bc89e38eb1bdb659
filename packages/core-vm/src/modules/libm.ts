// Correctly rounded exp, log, log2, pow, sin, cos, tan, atan, asin, acos, atan2 and hypot for finite arguments
// in their common ranges. CPython takes these from the C library (glibc), whose results are correctly
// rounded in all but very rare cases, while V8's Math.* (fdlibm) is off by one unit in the last place for a
// few percent of everyday inputs (math.log(3), math.sin(2.5), 1.7 ** 1.5 ...), which shows in repr().
//
// Method: evaluate in double-double arithmetic (about 100 bits) and round once. exp reduces by k*ln2 and
// 2^-8, sums a short Taylor series and squares back; log refines Math.log with one Newton step through
// exp; pow is exp(y * log(x)); sin/cos reduce by k*pi/2 (pi/2 in four pieces) and sum Taylor series;
// the inverse functions refine Math.* by one Newton step through sin/cos. Arguments outside the ranges
// handled here (huge trig arguments, results that would be subnormal) fall back to Math.*. log10 follows
// glibc's own formula, which is not correctly rounded, so that it prints what CPython prints.
//
// A double-double value is (hi, lo) with hi = fl(hi + lo); functions return hi and leave lo in `R[0]`.
//
// log, log2, exp, sin, cos and tan first try a fast path (see "Fast paths" below: tables, short series, a
// proven error bound and a rounding test) and run the double-double path above only when that test fails
// (well under 1% of arguments); the fast paths are checked against the slow ones in test/libm-fast.test.ts.

import { LOG_C, LOG_HALF, LOG_T_HI, LOG_T_LO, TRIG_C_HI, TRIG_C_LO, TRIG_S_HI, TRIG_S_LO,
  EXP_INV, EXP_L1, EXP_L2, EXP_L3, EXP_T_HI, EXP_T_LO } from './libm-tables.js';

const R = new Float64Array(2);

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp splitting: no fused multiply-add in JavaScript)

/** Exact product: returns fl(a*b), sets R[0] to the rounding error. |a|, |b| < 2^995. */
function mul12(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  R[0] = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  return p;
}

/** (ah, al) + (bh, bl). */
function add22(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const v = s - ah;
  let e = (ah - (s - v)) + (bh - v);
  e += al + bl;
  const h = s + e;
  R[0] = e - (h - s);
  return h;
}

/** (ah, al) * (bh, bl). */
function mul22(ah: number, al: number, bh: number, bl: number): number {
  const p = mul12(ah, bh);
  const e = R[0] + (ah * bl + al * bh);
  const h = p + e;
  R[0] = e - (h - p);
  return h;
}

/** (ah, al) / (bh, bl). */
function div22(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  const p = mul12(q1, bh);
  const r = ((ah - p) - R[0] + al) - q1 * bl;
  const q2 = r / bh;
  const h = q1 + q2;
  R[0] = q2 - (h - q1);
  return h;
}

// ln 2 in three pieces (42, 42 and 53 bits: k * piece is exact for |k| < 2^11), and as a double-double
const LN2A = 0.6931471805598903;
const LN2B = 5.4979230187085024e-14;
const LN2C = -1.3124698417785255e-27;
const LN2H = 0.6931471805599453;
const LN2L = 2.3190468138462996e-17;
const INVLN2H = 1.4426950408889634;
const INVLN2L = 2.0355273740931033e-17;
// 1/n! as double-doubles, n = 0..
const FH = [1, 1, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
  0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07, 2.505210838544172e-08,
  2.08767569878681e-09, 1.6059043836821613e-10, 1.1470745597729725e-11, 7.647163731819816e-13, 4.779477332387385e-14,
  2.8114572543455206e-15, 1.5619206968586225e-16, 8.22063524662433e-18, 4.110317623312165e-19, 1.9572941063391263e-20,
  8.896791392450574e-22, 3.868170170630684e-23, 1.6117375710961184e-24, 6.446950284384474e-26, 2.4795962632247976e-27,
  9.183689863795546e-29, 3.279889237069838e-30, 1.1309962886447716e-31, 3.7699876288159054e-33];
const FL = [0, 0, 0, 9.25185853854297e-18, 2.3129646346357427e-18, 1.1564823173178714e-19, -5.300543954373577e-20,
  1.7209558293420705e-22, 2.1511947866775882e-23, -1.858393274046472e-22, 2.3767714622250297e-23, -1.448814070935912e-24,
  -1.20734505911326e-25, 1.2585294588752098e-26, 2.0655512752830745e-28, 7.03872877733453e-30, 4.399205485834081e-31,
  1.6508842730861433e-31, 1.1910679660273754e-32];

/** e^(xh + xl) as a double-double, for -708 < xh < 709.8 (the caller checks). */
function expDD(xh: number, xl: number): number {
  const k = Math.round(xh * INVLN2H);
  // r = x - k ln2: the first two products are exact, the first difference too (Sterbenz)
  let rh = add22(xh - k * LN2A, 0, -k * LN2B, 0);
  let rl = R[0];
  const ph = mul12(k, LN2C);
  rh = add22(rh, rl, -ph, -R[0]);
  rl = R[0];
  rh = add22(rh, rl, xl, 0);
  rl = R[0];
  // s = r / 256, |s| < 0.00136: e^s = 1 + s + s^2/2 + s^3/6 + s^4/24 + (tail in plain double)
  const sh = rh / 256;
  const sl = rl / 256;
  const tail = FH[5] + sh * (FH[6] + sh * (FH[7] + sh * (FH[8] + sh * FH[9])));
  let h = mul12(sh, tail);
  let l = R[0];
  for (let n = 4; n >= 1; n--) {
    h = add22(h, l, FH[n], FL[n]);
    l = R[0];
    h = mul22(h, l, sh, sl);
    l = R[0];
  }
  h = add22(h, l, 1, 0);
  l = R[0];
  for (let i = 0; i < 8; i++) {
    h = mul22(h, l, h, l);
    l = R[0];
  }
  // times 2^k, in two steps so that 2^k itself never overflows
  const k1 = k >> 1;
  const s1 = 2 ** k1;
  const s2 = 2 ** (k - k1);
  R[0] = l * s1 * s2;
  return h * s1 * s2;
}

/** e^x, correctly rounded; Math.exp where the result would be subnormal, or overflows. */
export function exp(x: number): number {
  if (x > -708 && x < 709.7 && Math.abs(x) >= 1e-300) {
    const y = expFast(x);
    if (y === y) return y;
  }
  return expSlow(x);
}

/** The double-double path of exp (what exp returned before the fast path; the fallback). */
export function expSlow(x: number): number {
  if (!(x > -708 && x < 709.7)) return Math.exp(x);
  if (Math.abs(x) < 1e-300) return 1;
  return expDD(x, 0);
}

// e^r - 1 - r - r^2/2 = r^3 (EP3 + r EP4 + ... + r^5 EP8): Taylor coefficients
const EP3 = 1 / 6;
const EP4 = 1 / 24;
const EP5 = 1 / 120;
const EP6 = 1 / 720;
const EP7 = 1 / 5040;
const EP8 = 1 / 40320;
const EXP_ERR = 2 ** -74;

/**
 * e^x for -708 < x < 709.7, correctly rounded, or NaN when the rounding test fails (see `exp`'s caller).
 *
 * x = k ln2/128 + r, k = round(x 128/ln2) (|k| < 2^17), j = k mod 128, E = (k - j)/128:
 * e^x = 2^E 2^(j/128) e^r, |r| <= (1/2 + 2^-35) ln2/128 < 2^-8.5.
 *   r: x - k EXP_L1 exact (36-bit piece; Sterbenz for k != 0), minus k EXP_L2 (exact product) by TwoSum,
 *   minus k EXP_L3 (< 2^-68, rounded) into the low part: r = rh + rl to within 2^-115 absolute.
 *   e^r = 1 + rh + rh^2/2 + [rl + rh rl + r^3 P]: rh^2 = qh + ql exactly (Dekker), rh + qh/2 and 1 + that by
 *   Fast2Sum (|qh/2| <= 2^-9.5 |rh|, |rh| < 1); r^3 P (Taylor to r^8; truncation < 2^-95) from rh in double,
 *   |r^3 P| < 2^-28, relative error < 2^-50: < 2^-78; rl^2 dropped (< 2^-120); the bracket's partial sums
 *   are below 2^-27.9, so its ~6 roundings cost < 2^-78.5.
 *   times T = 2^(j/128) = TH + TL (table, 2^-106): TH b exact (Dekker), TH lo and TL b rounded (< 2^-79),
 *   TL lo dropped (< 2^-79). Absolute error < 2^-76.5 on a value in [0.99, 2): eps < 2^-76.4; the test uses
 *   2^-74. The test runs before scaling by 2^E, which is exact (the result is a normal double) and commutes
 *   with rounding.
 */
export function expFast(x: number): number {
  const k = Math.round(x * EXP_INV);
  const d = x - k * EXP_L1;
  const e2 = k * EXP_L2;
  const rh = d - e2;
  const bv = rh - d;
  const rl = ((d - (rh - bv)) - (e2 + bv)) - k * EXP_L3;
  let t = rh * SPLIT;
  const rhh = t - (t - rh);
  const rhl = rh - rhh;
  const qh = rh * rh;
  const ql = ((rhh * rhh - qh) + 2 * rhh * rhl) + rhl * rhl;
  const p = (rh * qh) * (EP3 + rh * (EP4 + rh * (EP5 + rh * (EP6 + rh * (EP7 + rh * EP8)))));
  const hq = 0.5 * qh;
  const a = rh + hq;
  const al = hq - (a - rh);
  const b = 1 + a;
  const bl = a - (b - 1);
  const lo = bl + (al + ((rl + (0.5 * ql + rh * rl)) + p));
  const j = k & 127;
  const th = EXP_T_HI[j];
  t = th * SPLIT;
  const thh = t - (t - th);
  const thl = th - thh;
  t = b * SPLIT;
  const bh = t - (t - b);
  const blo = b - bh;
  const ph = th * b;
  const pl = ((thh * bh - ph) + thh * blo + thl * bh) + thl * blo;
  const lo2 = pl + (th * lo + EXP_T_LO[j] * b);
  const h = ph + lo2;
  const y = certain(h, lo2 - (h - ph), EXP_ERR);
  return y * POW2[(k >> 7) + 1023]; // 2^E = 2^((k - j) / 128), E in [-1022, 1023] here
}

/** log(x) as a double-double for finite x > 0. */
function logDD(x: number): number {
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2))
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54
    e = -54;
  }
  const ex = Math.floor(Math.log2(m));
  m = m / 2 ** ex; // exact: a power of two
  e += ex;
  if (m >= 2) {
    m /= 2;
    e += 1;
  } else if (m < 1) {
    m *= 2;
    e -= 1;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) by one Newton step from Math.log: y = y0 + (m - e^y0) / e^y0
  let h = 0;
  let l = 0;
  if (m !== 1) {
    const y0 = Math.log(m);
    const eh = expDD(y0, 0);
    const el = R[0];
    const d = (m - eh) - el;
    const c = d / eh - 0.5 * (d / eh) * (d / eh);
    h = y0 + c;
    l = c - (h - y0);
  }
  if (e === 0) {
    R[0] = l;
    return h;
  }
  const ph = mul12(e, LN2H);
  const pl = R[0] + e * LN2L;
  return add22(ph, pl, h, l);
}

/** Natural logarithm, correctly rounded, for finite x > 0 (Math.log otherwise). */
export function log(x: number): number {
  if (x >= 2.2250738585072014e-308 && x < Infinity) {
    const y = logFast(x);
    if (y === y) return y;
  }
  return logSlow(x);
}

/** The double-double path of log (what log returned before the fast path; the fallback). */
export function logSlow(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log(x);
  return logDD(x);
}

// ---- Fast paths (Ziv's strategy) -------------------------------------------------------------------------
// Each fast path computes a double-double H + L with a proven relative error bound, then returns H only if
// every real number within that bound of H + L rounds to H; otherwise it returns NaN and the caller runs the
// slow path above. Tables come from tools/gen-libm-fast-tables.py (exact arithmetic in Python, committed).
//
// Rounding test (`certain` below). Let y be the true value, |y - (H + L)| <= eps |y|, H = fl(H + L),
// err = |H| * 2^-k with 2^-k >= 2 eps (so err >= eps |y|, since |y| <= |H| (1 + 2^-51)). Take
// b = fl(fl(|L| + err) * (1 + 2^-40)): two roundings lose at most a factor (1 - 2^-53)^2, so b > |L| + err
// strictly. If fl(H + sign(L) b) == H, then H + sign(L) b lies within H's rounding interval (between the
// midpoints to its neighbours, a midpoint itself only if the tie goes to H), so y, which is strictly closer
// to H on that side, rounds to H. On the other side y >= H - err (resp. <=): err < 2^-60 |H| is far inside
// the interval (at least ulp(H)/4 >= 2^-55 |H| even at a power of two). Hence round(y) = H.
// The slow path's own error is around 2^-95 relative wherever the fast path applies (except log at
// |x - 1| < 2^-38, where it misrounds: see test/libm-fast.test.ts), so both agree whenever this test passes.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HIW = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the high word
/** POW2[i] = 2^(i - 1023), i = 0..2046, built by exact doublings and halvings (2^-1023 is subnormal, exact). */
const POW2 = new Float64Array(2047);
for (let i = 1023, p = 1; i < 2047; i++, p *= 2) POW2[i] = p;
for (let i = 1022, p = 0.5; i >= 0; i--, p *= 0.5) POW2[i] = p;

/** H if H + L with relative error bound 2^-k (errScale = 2^-k) certainly rounds to H, else NaN. */
function certain(h: number, l: number, errScale: number): number {
  const b = (Math.abs(l) + Math.abs(h) * errScale) * 1.0000000000009095; // 1 + 2^-40
  return h + (l < 0 ? -b : b) === h ? h : NaN;
}

// log1p Taylor coefficients 1/3 .. -1/8 (JS rounds each quotient correctly)
const LC3 = 1 / 3;
const LC4 = -1 / 4;
const LC5 = 1 / 5;
const LC6 = -1 / 6;
const LC7 = 1 / 7;
const LC8 = -1 / 8;
const LOG_ERR = 2 ** -67;

/**
 * log(x) for normal finite x > 0, correctly rounded, or NaN when the rounding test fails.
 *
 * Reduction: x = 2^e m, m in [1, 2); j = top 9 bits of m's fraction; if j >= LOG_HALF, m /= 2 and e += 1
 * (so m in [0.707, 1.414)). c = LOG_C[j] (<= 21 bits, ~1/m; exactly 1 for j = 0 and 511, so x near 1 has
 * r = x - 1). log x = e ln2 - log c + log1p(r), r = m c - 1, |r| < 2^-9 (asserted by the generator).
 *   r exactly: m = mh + ml (Veltkamp, 26 + 26 bits); mh c (<= 47 bits) and ml c are exact, mh c - 1 is exact
 *   (Sterbenz: mh c in [1/2, 2]) and TwoSum gives rh + rl = r exactly.
 *   r^2 = sh + sl exactly (Dekker's square; no underflow as |r| >= 2^-73 or r = 0).
 *   log1p(r) = r - r^2/2 + r^3 P(r), P = 1/3 - r/4 + ... - r^5/8 (Taylor to r^8). Error, relative to |r|:
 *     truncation <= |r|^8 / 9 / (1 - |r|) < 2^-75.1;
 *     r^3 P: |r^3 P| <= 2^-19.58 |r| and it is computed from rh in double with at most ~9 roundings and
 *     coefficient errors (relative 8.9 * 2^-53 < 2^-49.8): < 2^-69.4;
 *     r - r^2/2 = rh + (-sh/2) by Fast2Sum (exact) plus rl - sl/2 - rh rl (rl^2 < 2^-115 |r| dropped) summed
 *     with the r^3 P term in double: < 2^-72.5.  Total < 2^-69 |r| <= 2^-68.9 |log1p r|.
 *   e ln2 = e LN2A + e LN2B + e LN2C: the first two products exact (42-bit pieces, |e| < 2^11), the third's
 *   rounding and LN2C's truncation < 2^-100 |e|; -log c = LOG_T_HI + LOG_T_LO to 2^-106.
 *   Assembly: TwoSum(e LN2A, T_HI), TwoSum(that, rh - sh/2), remaining terms added in double: their sum is
 *   below 2^-40 |e| + 2^-50 |y|, so its roundings cost < 2^-89 |y|.
 *   Cancellation: when e = 0 and c != 1, |log x| >= 2^-9 (1 - 2^-10) while |r| <= 2^-10 + 2^-20 and
 *   |log c| <= 0.35; when e != 0, |log x| >= 0.34 |e|. So log1p(r)'s error relative to |y| stays < 2^-68.9
 *   and the total is eps < 2^-68.5; the test uses 2^-67.
 */
export function logFast(x: number): number {
  const h = logFastDD(x);
  return certain(h, R[0], LOG_ERR);
}

/** logFast's double-double H + L before the rounding test: returns H, leaves L in R[0]. */
function logFastDD(x: number): number {
  F64[0] = x;
  const hw = U32[HIW];
  let e = (hw >>> 20) - 1023;
  const j = (hw >>> 11) & 511;
  let m = x * POW2[1023 - e]; // exact: x / 2^e in [1, 2)
  if (j >= LOG_HALF) {
    m *= 0.5;
    e += 1;
  }
  const c = LOG_C[j];
  let t = m * SPLIT;
  const mh = t - (t - m);
  const a = mh * c - 1;
  const b = (m - mh) * c;
  const rh = a + b;
  const bv = rh - a;
  const rl = (a - (rh - bv)) + (b - bv);
  t = rh * SPLIT;
  const rhh = t - (t - rh);
  const rhl = rh - rhh;
  const sh = rh * rh;
  const sl = ((rhh * rhh - sh) + 2 * rhh * rhl) + rhl * rhl;
  const p = LC3 + rh * (LC4 + rh * (LC5 + rh * (LC6 + rh * (LC7 + rh * LC8))));
  const hh = -0.5 * sh;
  const u = rh + hh;
  const ul = hh - (u - rh);
  const blo = ((ul + rl) - (0.5 * sl + rh * rl)) + (sh * rh) * p;
  // e ln2 - log c
  const e1 = e * LN2A;
  const th = LOG_T_HI[j];
  const s = e1 + th;
  const sv = s - e1;
  const sl1 = (e1 - (s - sv)) + (th - sv);
  const v = s + u;
  const vv = v - s;
  const vl = (s - (v - vv)) + (u - vv);
  const lo = vl + sl1 + e * LN2B + (e * LN2C + LOG_T_LO[j] + blo);
  const h = v + lo;
  R[0] = lo - (h - v);
  return h;
}

/** Base-2 logarithm: exact for powers of two. */
export function log2(x: number): number {
  if (x >= 2.2250738585072014e-308 && x < Infinity) {
    const y = log2Fast(x);
    if (y === y) return y;
  }
  return log2Slow(x);
}

/** The double-double path of log2 (what log2 returned before the fast path; the fallback). */
export function log2Slow(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log2(x);
  const h = logDD(x);
  return mul22(h, R[0], INVLN2H, INVLN2L);
}

/**
 * log2(x) for normal finite x > 0, correctly rounded, or NaN when the rounding test fails: logFastDD's
 * H + L (eps < 2^-68.5) times 1/ln2 = INVLN2H + INVLN2L (to 2^-106) by mul22 (error < 2^-103: the exact
 * product of the highs, two roundings at 2^-53 of terms below 2^-52, the lows' product dropped), so
 * eps < 2^-68.4; the test uses 2^-67 like log. Powers of two come out exact (r = 0, e ln2 / ln2 = e to
 * within 2^-100).
 */
export function log2Fast(x: number): number {
  const h = logFastDD(x);
  const p = mul22(h, R[0], INVLN2H, INVLN2L);
  return certain(p, R[0], LOG_ERR);
}

const IVLN10 = 0.4342944819032518;
const LOG10_2HI = 0.30102999566361177;
const LOG10_2LO = 3.694239077158931e-13;

/** Base-10 logarithm as glibc computes it (not correctly rounded: e_log10.c's formula over its log). */
export function log10(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log10(x);
  let k = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54
    k = -54;
  }
  let e = Math.floor(Math.log2(m));
  if (m / 2 ** e >= 2) e++;
  else if (m / 2 ** e < 1) e--;
  k += e;
  const i = k < 0 ? 1 : 0;
  m = m / 2 ** (e + i); // [1, 2), or [1/2, 1) when k < 0
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

/** x ** y for finite non-zero x and finite y; Math.pow for the special values (C99 rules). */
export function pow(x: number, y: number): number {
  if (y === 2) return x * x;
  if (y === 1 || y === 0 || x === 1) return Math.pow(x, y);
  if (y === -1) return 1 / x;
  if (!(x !== 0 && Number.isFinite(x) && Number.isFinite(y))) return Math.pow(x, y);
  let sign = 1;
  let ax = x;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    ax = -x;
    if (Math.abs(y) < 9007199254740992 && Math.abs(y % 2) === 1) sign = -1;
  }
  if (y === 0.5) return Math.sqrt(ax) * sign;
  const lh = logDD(ax);
  const ll = R[0];
  const th = mul12(y, lh);
  const tl = R[0] + y * ll;
  if (th > 709.8) return sign * Infinity;
  if (!(th > -708 && th < 709.7)) return Math.pow(x, y);
  return sign * expDD(th + tl, tl - ((th + tl) - th));
}

// pi/2 in four pieces: the first three have 33 bits, so k * piece is exact for |k| < 2^20
const PIO2A = 1.5707963267341256;
const PIO2B = 6.077100506303966e-11;
const PIO2C = 2.0222662487111665e-21;
const PIO2D = 8.4784276603689e-32;
const TWO_OVER_PI = 0.6366197723675814;



/** x - k*pi/2 as a double-double with |result| <= pi/4; sets R[1] = k mod 4. NaN when out of range. */
function reduce(x: number): number {
  const k = Math.round(x * TWO_OVER_PI);
  if (Math.abs(k) >= 1048576) return NaN;
  let h = add22(x - k * PIO2A, 0, -k * PIO2B, 0);
  let l = R[0];
  h = add22(h, l, -k * PIO2C, 0);
  l = R[0];
  const ph = mul12(k, PIO2D);
  h = add22(h, l, -ph, -R[0]);
  // too close to a multiple of pi/2 for the pieces above: leave it to Math.*
  if (Math.abs(h) < 1e-9 && k !== 0) return NaN;
  R[1] = ((k % 4) + 4) % 4;
  return h;
}

/** sin(r) as a double-double, |r| <= pi/4 + a little. */
function sinDD(rh: number, rl: number): number {
  const r2h = mul22(rh, rl, rh, rl);
  const r2l = R[0];
  // sin r = r (1 - r^2/3! + r^4/5! - ...): terms from r^16/17! on in plain double
  let t = FH[29];
  for (let n = 27; n >= 17; n -= 2) t = FH[n] - r2h * t;
  let h = mul12(r2h, t); // t = 1/17! - r^2/19! + ...
  let l = R[0];
  for (let n = 15; n >= 3; n -= 2) {
    const sg = ((n - 1) / 2) % 2 === 0 ? 1 : -1;
    h = add22(h, l, sg * FH[n], sg * FL[n]);
    l = R[0];
    h = mul22(h, l, r2h, r2l);
    l = R[0];
  }
  h = add22(h, l, 1, 0);
  l = R[0];
  return mul22(h, l, rh, rl);
}

/** cos(r) as a double-double, |r| <= pi/4 + a little. */
function cosDD(rh: number, rl: number): number {
  const r2h = mul22(rh, rl, rh, rl);
  const r2l = R[0];
  let t = FH[30];
  for (let n = 28; n >= 18; n -= 2) t = FH[n] - r2h * t;
  let h = mul12(-r2h, t); // -t = -1/18! + r^2/20! - ...
  let l = R[0];
  for (let n = 16; n >= 2; n -= 2) {
    const sg = (n / 2) % 2 === 0 ? 1 : -1;
    h = add22(h, l, sg * FH[n], sg * FL[n]);
    l = R[0];
    h = mul22(h, l, r2h, r2l);
    l = R[0];
  }
  return add22(h, l, 1, 0);
}

/** sin(x) and cos(x) as double-doubles into SC (sh, sl, ch, cl); false when out of range. */
const SC = [0, 0, 0, 0];
function sinCosDD(x: number, wantSin: boolean, wantCos: boolean): boolean {
  const rh = reduce(x);
  if (Number.isNaN(rh)) return false;
  const rl = R[0];
  const k = R[1];
  let s = 0;
  let sl = 0;
  let c = 0;
  let cl = 0;
  const needSin = k % 2 === 0 ? wantSin : wantCos;
  const needCos = k % 2 === 0 ? wantCos : wantSin;
  if (needSin) {
    s = sinDD(rh, rl);
    sl = R[0];
  }
  if (needCos) {
    c = cosDD(rh, rl);
    cl = R[0];
  }
  // sin(r + k pi/2), cos(r + k pi/2)
  switch (k) {
    case 0: SC[0] = s; SC[1] = sl; SC[2] = c; SC[3] = cl; break;
    case 1: SC[0] = c; SC[1] = cl; SC[2] = -s; SC[3] = -sl; break;
    case 2: SC[0] = -s; SC[1] = -sl; SC[2] = -c; SC[3] = -cl; break;
    default: SC[0] = -c; SC[1] = -cl; SC[2] = s; SC[3] = sl; break;
  }
  return true;
}

const TRIG_MAX = 1e5;

export function sin(x: number): number {
  const a = Math.abs(x);
  if (a < TRIG_MAX && a >= 1e-8) {
    const y = trigFast(x, 0);
    if (y === y) return y;
  }
  return sinSlow(x);
}

export function cos(x: number): number {
  const a = Math.abs(x);
  if (a < TRIG_MAX && a >= 1e-8) {
    const y = trigFast(x, 1);
    if (y === y) return y;
  }
  return cosSlow(x);
}

/** The double-double path of sin (what sin returned before the fast path; the fallback). */
export function sinSlow(x: number): number {
  const a = Math.abs(x);
  if (!(a < TRIG_MAX) || a < 1e-8) return Math.sin(x);
  if (!sinCosDD(x, true, false)) return Math.sin(x);
  return SC[0] + SC[1];
}

/** The double-double path of cos (the fallback). */
export function cosSlow(x: number): number {
  const a = Math.abs(x);
  if (!(a < TRIG_MAX) || a < 1e-8) return Math.cos(x);
  if (!sinCosDD(x, false, true)) return Math.cos(x);
  return SC[2] + SC[3];
}

// sin z = z + z^3 (SP3 + z^2 SP5 + ...), cos z = 1 - z^2/2 + z^4 (CQ4 + z^2 CQ6 + ...): Taylor coefficients
const SP3 = -1 / 6;
const SP5 = 1 / 120;
const SP7 = -1 / 5040;
const SP9 = 1 / 362880;
const CQ4 = 1 / 24;
const CQ6 = -1 / 720;
const CQ8 = 1 / 40320;
const CQ10 = -1 / 3628800;
const TRIG_ERR = 2 ** -66;

/**
 * sin(x) (shift 0) or cos(x) (shift 1) for 1e-8 <= |x| < TRIG_MAX, correctly rounded, or NaN when the
 * rounding test fails or the reduction declines (then the slow path does exactly what it always did).
 *
 * Reduction: the slow path's own `reduce`: r = rh + rl = x - k pi/2, |r| <= pi/4 + 2^-35 (k = round(x 2/pi)
 * is off by at most 2^-36), |r| >= 1e-9.
 * Its error: k A, k B, k C exact (33-bit pieces, |k| < 2^17), x - k A exact (Sterbenz), minus k B exact (a
 * TwoSum of two doubles), the next two add22 steps round once each at 2^-105 of a partial sum below 2 |r|
 * (k C < 2^-52 and k D < 2^-87 against |r| >= 1e-9), pi/2 - (A+B+C+D) is < 2^-150 so k times it < 2^-133,
 * below 2^-103 |r|: relative error < 2^-102.
 * sin x = +-sin r or +-cos r by the quadrant q = k + shift; f(|r|) = A cos z + B sin z with a = i/128 the
 * nearest table point to |r| (i <= 101), z = |r| - a = zh + zl (zh exact by Sterbenz, |z| <= 2^-8 (1 + 2^-50)),
 * (A, B) = (sin a, cos a) for sin r and (cos a, -sin a) for cos r, double-doubles from the table.
 *   z^2 = qh + ql + 2 zh zl (+ zl^2 < 2^-120, dropped): Dekker's exact square.
 *   z^3 P(z^2) (sin to z^9, truncation < |z| 2^-90) in double from qh, zh: |z^3 P| <= |z| 2^-18.58, about 6
 *   roundings and coefficient errors: error < |z| 2^-69.3. z^4 Q (cos to z^10) similarly, < 2^-87 absolute.
 *   f = Ah + Bh zh + Ah (-qh/2)                (both products exact by Dekker, the sum by two TwoSums)
 *     + [Al + Bl zh + Bh (zl + z^3 P) + Ah (z^4 Q - ql/2 - zh zl) + Al (-qh/2)]   (in double)
 *   dropped: Bl (zl + z^3 P) < 2^-79 and Al (z^4 Q ...) < 2^-88, absolute.
 *   The bracket's partial sums stay below 2^-18.5 |f| (for i >= 1, |f| >= sin(1/256) >= 2^-8.01 and
 *   |Bh z^3 P| <= 2^-26.58; for i = 0, A = 0 and f = sin z ~ z or cos z ~ 1), so its ~9 roundings cost
 *   < 2^-68.3 |f|; the z^3 P error adds < 2^-69.2 |f| (|z| <= 2^-8 <= 2^0.01 |f| for i >= 1, |z| ~ |f| for
 *   i = 0); the table's 2^-106 and the reduction's 2^-102 (f's derivative is at most 1, |f| >= |r|/2... for
 *   the cos branch |f| >= 0.7) add < 2^-100. Total eps < 2^-67.6 |f|; the test uses 2^-66.
 */
export function sinFast(x: number): number {
  return trigFast(x, 0);
}

export function cosFast(x: number): number {
  return trigFast(x, 1);
}

function trigFast(x: number, shift: number): number {
  const rh0 = reduce(x);
  if (rh0 !== rh0) return NaN;
  const q = R[1] + shift;
  const neg = rh0 < 0;
  const h = trigEval(neg ? -rh0 : rh0, neg ? -R[0] : R[0], q & 1);
  const y = certain(h, R[0], TRIG_ERR);
  // the quadrant's sign, times sign(r) for the sin r branch (f itself is positive)
  return ((q & 2) !== 0) !== (((q & 1) === 0) && neg) ? -y : y;
}

/** f = sin(rh + zl) (odd = 0) or cos(rh + zl) (odd = 1) for 0 <= rh <= pi/4 + 2^-35: returns H, L in R[0]. */
function trigEval(rh: number, zl: number, odd: number): number {
  const i = (rh * 128 + 0.5) | 0;
  const zh = rh - i * 0.0078125;
  let t = zh * SPLIT;
  const zhh = t - (t - zh);
  const zhl = zh - zhh;
  const qh = zh * zh;
  const ql = ((zhh * zhh - qh) + 2 * zhh * zhl) + zhl * zhl;
  const z3p = (qh * zh) * (SP3 + qh * (SP5 + qh * (SP7 + qh * SP9)));
  const z4q = (qh * qh) * (CQ4 + qh * (CQ6 + qh * (CQ8 + qh * CQ10)));
  let ah: number;
  let al: number;
  let bh: number;
  let bl: number;
  if (odd === 0) {
    ah = TRIG_S_HI[i];
    al = TRIG_S_LO[i];
    bh = TRIG_C_HI[i];
    bl = TRIG_C_LO[i];
  } else {
    ah = TRIG_C_HI[i];
    al = TRIG_C_LO[i];
    bh = -TRIG_S_HI[i];
    bl = -TRIG_S_LO[i];
  }
  // p1 = bh zh, exactly
  t = bh * SPLIT;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  const p1 = bh * zh;
  const p1l = ((bhh * zhh - p1) + bhh * zhl + bhl * zhh) + bhl * zhl;
  // p2 = ah (-qh/2), exactly
  const mq = -0.5 * qh;
  t = ah * SPLIT;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = mq * SPLIT;
  const mqh = t - (t - mq);
  const mql = mq - mqh;
  const p2 = ah * mq;
  const p2l = ((ahh * mqh - p2) + ahh * mql + ahl * mqh) + ahl * mql;
  // ah + p1 + p2 by two TwoSums
  const u = ah + p1;
  let v = u - ah;
  const ul = (ah - (u - v)) + (p1 - v);
  const w = u + p2;
  v = w - u;
  const wl = (u - (w - v)) + (p2 - v);
  const lo = ((ul + wl) + (p1l + p2l)) + (al + (bl * zh + bh * (zl + z3p) + ah * (z4q - 0.5 * ql - zh * zl) + al * mq));
  const h = w + lo;
  R[0] = lo - (h - w);
  return h;
}

export function tan(x: number): number {
  const a = Math.abs(x);
  if (a < TRIG_MAX && a >= 1e-8) {
    const y = tanFast(x);
    if (y === y) return y;
  }
  return tanSlow(x);
}

/** The double-double path of tan (what tan returned before the fast path; the fallback). */
export function tanSlow(x: number): number {
  const a = Math.abs(x);
  if (!(a < TRIG_MAX) || a < 1e-8) return Math.tan(x);
  if (!sinCosDD(x, true, true)) return Math.tan(x);
  return div22(SC[0], SC[1], SC[2], SC[3]);
}

const TAN_ERR = 2 ** -65;

/**
 * tan(x) for 1e-8 <= |x| < TRIG_MAX, correctly rounded, or NaN (rounding test failed, or the reduction
 * declined): tan x = sign(r) sin r / cos r for even k, -sign(r) cos r / sin r for odd k, from trigEval's
 * double-doubles (each within 2^-67.6 relative, see trigFast) and div22 (error < 2^-100: the exact product
 * q1 bh, a remainder rounded at 2^-53 of itself, bl's effect on q2 dropped). eps < 2^-66.5; the test uses
 * 2^-65.
 */
export function tanFast(x: number): number {
  const rh0 = reduce(x);
  if (rh0 !== rh0) return NaN;
  const k = R[1];
  const neg = rh0 < 0;
  const rh = neg ? -rh0 : rh0;
  const rl = neg ? -R[0] : R[0];
  const sh = trigEval(rh, rl, 0);
  const sl = R[0];
  const ch = trigEval(rh, rl, 1);
  const cl = R[0];
  const t = (k & 1) === 0 ? div22(sh, sl, ch, cl) : div22(ch, cl, sh, sl);
  const y = certain(t, R[0], TAN_ERR);
  return ((k & 1) === 0) === neg ? -y : y;
}

/** atan2(y, x) by one Newton step from Math.atan2 on x sin t - y cos t = 0. */
export function atan2(y: number, x: number): number {
  const t0 = Math.atan2(y, x);
  if (!(Number.isFinite(x) && Number.isFinite(y)) || x === 0 || y === 0) return t0;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > 1e300 || ay > 1e300 || ax < 1e-300 || ay < 1e-300) return t0;
  if (Math.abs(t0) < 1e-8 || !sinCosDD(t0, true, true)) return t0;
  // num = x sin t0 - y cos t0 (double-double), den = x cos t0 + y sin t0
  const ah = mul22(x, 0, SC[0], SC[1]);
  const al = R[0];
  const bh = mul22(y, 0, SC[2], SC[3]);
  const bl = R[0];
  const nh = add22(ah, al, -bh, -bl);
  const den = x * SC[2] + y * SC[0];
  const d = nh / den;
  return t0 - d;
}

export function atan(x: number): number {
  const a = Math.abs(x);
  if (!(a < 1e300) || a < 1e-8) return Math.atan(x);
  return atan2(x, 1);
}

/** asin by one Newton step from Math.asin on sin t = x. */
export function asin(x: number): number {
  const t0 = Math.asin(x);
  const a = Math.abs(x);
  if (!(a < 1) || a < 1e-8 || !sinCosDD(t0, true, true)) return t0;
  const d = add22(x, 0, -SC[0], -SC[1]);
  return t0 + d / SC[2];
}

/** acos by one Newton step from Math.acos on cos t = x. */
export function acos(x: number): number {
  const t0 = Math.acos(x);
  if (!(Math.abs(x) < 1) || !sinCosDD(t0, true, true)) return t0;
  const d = add22(SC[2], SC[3], -x, 0);
  return t0 + d / SC[0];
}

/** sqrt(sum of squares), correctly rounded (CPython's math.hypot and math.dist are, in all but rare cases). */
export function hypotN(xs: number[]): number {
  let max = 0;
  let nan = false;
  for (const v of xs) {
    const a = Math.abs(v);
    if (a === Infinity) return Infinity;
    if (Number.isNaN(a)) nan = true;
    else if (a > max) max = a;
  }
  if (nan) return NaN;
  if (max === 0 || xs.length === 1) return max;
  // scale by a power of two so that squares neither overflow nor lose bits to underflow
  const e = Math.floor(Math.log2(max));
  if (e > 1000 || e < -1000) return Math.hypot(...xs);
  const scale = 2 ** -e;
  let h = 0;
  let l = 0;
  for (const v of xs) {
    const a = Math.abs(v) * scale;
    const p = mul12(a, a);
    h = add22(h, l, p, R[0]);
    l = R[0];
  }
  // sqrt of a double-double: one correction of Math.sqrt(h)
  const s = Math.sqrt(h);
  const p = mul12(s, s);
  const r = ((h - p) - R[0] + l) / (2 * s);
  return (s + r) / scale;
}

// The hyperbolic functions as glibc computes them (fdlibm's formulas, not correctly rounded) over the
// correctly rounded exp and log above and fdlibm's expm1/log1p (V8's Math.expm1/log1p are the same code).

export function cosh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 710.4758600739439)) return Math.cosh(x);
  if (a < 0.3465735912322998) {
    if (a < 2 ** -55) return 1;
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = exp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < 709.7822265625) return 0.5 * exp(a);
  const w = exp(0.5 * a);
  return 0.5 * w * w;
}

export function sinh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 710.4758600739439)) return Math.sinh(x);
  const h = x < 0 ? -0.5 : 0.5;
  if (a < 22) {
    if (a < 3.725290298461914e-9) return x;
    const t = Math.expm1(a);
    if (a < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (a < 709.7822265625) return h * exp(a);
  const w = exp(0.5 * a);
  return h * w * w;
}

export function asinh(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(x) || a < 3.725290298461914e-9) return x;
  let w: number;
  if (a > 268435456) w = log(a) + LN2H;
  else if (a > 2) w = log(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
  else {
    const t = x * x;
    w = Math.log1p(a + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function acosh(x: number): number {
  if (!(x >= 1) || x === Infinity) return Math.acosh(x);
  if (x >= 268435456) return log(x) + LN2H;
  if (x === 1) return 0;
  if (x > 2) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}
