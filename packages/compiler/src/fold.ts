// Compile-time evaluation of constant expressions (MicroPython folds integer expressions in py/parse.c
// `fold_constants`; CPython does it in Python/ast_opt.c).
//
// Only operations whose result is certain and which cannot raise are folded: no division by zero, no
// negative shifts, no float overflow from `**`, no results beyond MAX_FOLD_BITS bits. Everything else
// is left for the VM to evaluate (and raise) at run time. bools are not folded (`True + 1` stays).
import { ConstFloat, type Const } from '@mpy-ts/bytecode';
import type { BinOperator, UnaryOperator } from './ast.js';
import { normInt } from './lexer.js';

/** Folded integers larger than this many bits are left to run time (CPython's limit is similar). */
export const MAX_FOLD_BITS = 4096;

function isInt(v: Const): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

function asFloat(v: Const): number | undefined {
  if (v instanceof ConstFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const f = Number(v);
    return Number.isFinite(f) ? f : undefined;
  }
  return undefined;
}

function intResult(v: bigint): Const | undefined {
  return bitLength(v) > MAX_FOLD_BITS ? undefined : normInt(v);
}

function floatResult(v: number): Const | undefined {
  return Number.isNaN(v) ? undefined : new ConstFloat(v);
}

/** Fold `a op b`, or return undefined to leave it to run time. */
export function foldBinary(op: BinOperator, a: Const, b: Const): Const | undefined {
  if (isInt(a) && isInt(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    switch (op) {
      case '+':
        return intResult(x + y);
      case '-':
        return intResult(x - y);
      case '*':
        if (bitLength(x) + bitLength(y) > MAX_FOLD_BITS + 1) return undefined;
        return intResult(x * y);
      case '//': {
        if (y === 0n) return undefined;
        let q = x / y;
        if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
        return intResult(q);
      }
      case '%': {
        if (y === 0n) return undefined;
        let r = x % y;
        if (r !== 0n && r < 0n !== y < 0n) r += y;
        return intResult(r);
      }
      case '<<':
        if (y < 0n || BigInt(bitLength(x)) + y > BigInt(MAX_FOLD_BITS)) return undefined;
        return intResult(x << y);
      case '>>':
        if (y < 0n) return undefined;
        return intResult(y > 100000n ? (x < 0n ? -1n : 0n) : x >> y);
      case '&':
        return intResult(x & y);
      case '|':
        return intResult(x | y);
      case '^':
        return intResult(x ^ y);
      case '**':
        if (y < 0n) {
          if (x === 0n || y < -1100n || typeof a !== 'number') return undefined;
          const r = exactPow(a, Number(y));
          return r === undefined ? undefined : new ConstFloat(r);
        }
        if (x === 0n) return y === 0n ? 1 : 0;
        if (x === 1n) return 1;
        if (x === -1n) return y % 2n === 0n ? 1 : -1;
        if (BigInt(bitLength(x)) * y > BigInt(MAX_FOLD_BITS)) return undefined;
        return intResult(x ** y);
      case '/': {
        if (y === 0n) return undefined;
        if (typeof a === 'number' && typeof b === 'number') return new ConstFloat(a / b);
        return undefined;
      }
      case '@':
        return undefined;
    }
  }
  const fa = asFloat(a);
  const fb = asFloat(b);
  if (fa === undefined || fb === undefined || !(a instanceof ConstFloat || b instanceof ConstFloat)) return undefined;
  // an int operand must convert to float exactly as Python's int.__float__ would (it does: correctly rounded)
  switch (op) {
    case '+':
      return floatResult(fa + fb);
    case '-':
      return floatResult(fa - fb);
    case '*':
      return floatResult(fa * fb);
    case '/':
      return fb === 0 ? undefined : floatResult(fa / fb);
    case '**': {
      // only when the result is exact: Math.pow is not correctly rounded, so it can differ from the C
      // library's pow that Python (and a run-time power) may use by an ulp
      if (!Number.isInteger(fb) || Math.abs(fb) > 1100) return undefined;
      const r = exactPow(fa, fb);
      return r === undefined ? undefined : new ConstFloat(r);
    }
    default:
      return undefined;
  }
}

/**
 * `x ** k` for an integer k when the result is exactly representable (so any correct pow gives it), else
 * undefined. x = m * 2^e with m odd: x^k = m^k * 2^(e*k) is exact when m^k fits in 53 bits (k >= 0), or
 * when m is 1 (k < 0, a power of two).
 */
function exactPow(x: number, k: number): number | undefined {
  if (!Number.isFinite(x) || x === 0) return undefined;
  if (k === 0) return 1;
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  while (m % 2 === 0) {
    m /= 2;
    e++;
  }
  const sign = x < 0 && k % 2 !== 0 ? -1 : 1;
  if (k < 0) {
    if (m !== 1) return undefined;
  } else if (BigInt(m) ** BigInt(k) > 2n ** 53n) {
    return undefined;
  }
  const mk = k < 0 ? 1 : Number(BigInt(m) ** BigInt(k));
  const ek = e * k;
  if (ek > 1023 || ek < -1074) return undefined;
  const r = sign * mk * Math.pow(2, ek);
  // (a subnormal result could have been rounded)
  return Number.isFinite(r) && Math.abs(r) >= 2.2250738585072014e-308 ? r : undefined;
}

/** Fold a unary operator, or return undefined. */
export function foldUnary(op: UnaryOperator, v: Const): Const | undefined {
  if (isInt(v)) {
    const x = BigInt(v);
    switch (op) {
      case '-':
        return normInt(-x);
      case '+':
        return v;
      case '~':
        return normInt(~x);
      case 'not':
        return undefined;
    }
  }
  if (v instanceof ConstFloat) {
    if (op === '-') return new ConstFloat(-v.value);
    if (op === '+') return v;
  }
  return undefined;
}

/**
 * `a ** b` with floats for const() arguments, where MicroPython computes it with its C library: may differ
 * from a correctly rounded result by an ulp, which is why ordinary expressions do not fold it.
 */
export function foldPowInexact(a: Const, b: Const): Const | undefined {
  const fa = asFloat(a);
  const fb = asFloat(b);
  if (fa === undefined || fb === undefined) return undefined;
  if (fa === 0 && fb < 0) return undefined;
  if (fa < 0 && !Number.isInteger(fb)) return undefined;
  const r = Math.pow(fa, fb);
  return Number.isFinite(r) ? new ConstFloat(r) : undefined;
}
