// Property tests for the numeric core: ints against JavaScript BigInt as the oracle, float repr round
// trips for random doubles, correctly rounded int/int division checked by exact cross-multiplication.
import { describe, expect, it } from 'vitest';
import { createVM, binaryOp, compare, unaryOp, floatRepr, floatFromObject, repr, normInt, PyFloat, type PyTuple, OP_ADD, OP_SUB, OP_MUL,
  OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_DIVMOD, OP_TRUEDIV, CMP_LT, CMP_EQ, CMP_GE, UN_NEG,
  UN_INVERT, UN_ABS } from '../src/index.js';
import { out } from './helpers.js';

createVM();

/** A small deterministic PRNG (xorshift128+), so failures reproduce. */
function rng(seed: number): () => number {
  let s0 = BigInt(seed) | 1n;
  let s1 = 0x9e3779b97f4a7c15n;
  const M = (1n << 64n) - 1n;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= (x << 23n) & M;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return Number(((s1 + y) & M) >> 11n) / 2 ** 53;
  };
}

function randomBig(r: () => number): bigint {
  // magnitudes around the number/bigint boundary are the interesting ones
  const bits = [1, 8, 31, 32, 52, 53, 54, 63, 64, 65, 100, 200, 700][Math.floor(r() * 13)];
  let v = 0n;
  for (let i = 0; i < bits; i += 30) v = (v << 30n) | BigInt(Math.floor(r() * 2 ** 30));
  v &= (1n << BigInt(bits)) - 1n;
  if (r() < 0.3) v = (1n << BigInt(bits)) - 1n - BigInt(Math.floor(r() * 3)); // near a power of two
  return r() < 0.5 ? -v : v;
}

const floorDiv = (a: bigint, b: bigint) => {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
};
const floorMod = (a: bigint, b: bigint) => a - b * floorDiv(a, b);

describe('int arithmetic agrees with BigInt', () => {
  it('binary operators, comparisons and unary operators on 3000 random pairs', () => {
    const r = rng(1);
    const bad: string[] = [];
    /** The int as a BigInt; records a broken representation invariant (safe integers must be numbers). */
    const big = (x: any, what: string): bigint => {
      if (typeof x === 'number') {
        if (!Number.isSafeInteger(x) || Object.is(x, -0)) bad.push(`${what}: bad number ${x}`);
        return BigInt(x);
      }
      if (typeof x !== 'bigint' || (x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= -BigInt(Number.MAX_SAFE_INTEGER))) bad.push(`${what}: not normalised ${String(x)}`);
      return BigInt(x as bigint);
    };
    const check = (what: string, got: any, want: bigint | boolean) => {
      const g = typeof want === 'boolean' ? got : big(got, what);
      if (g !== want) bad.push(`${what}: got ${String(got)}, expected ${String(want)}`);
    };
    for (let n = 0; n < 3000 && bad.length < 20; n++) {
      const A = randomBig(r);
      const B = randomBig(r);
      const a = normInt(A);
      const b = normInt(B);
      const w = `${A} ? ${B}`;
      check(`${w} +`, binaryOp(OP_ADD, a, b), A + B);
      check(`${w} -`, binaryOp(OP_SUB, a, b), A - B);
      check(`${w} *`, binaryOp(OP_MUL, a, b), A * B);
      check(`${w} &`, binaryOp(OP_AND, a, b), A & B);
      check(`${w} |`, binaryOp(OP_OR, a, b), A | B);
      check(`${w} ^`, binaryOp(OP_XOR, a, b), A ^ B);
      if (B !== 0n) {
        check(`${w} //`, binaryOp(OP_FLOORDIV, a, b), floorDiv(A, B));
        check(`${w} %`, binaryOp(OP_MOD, a, b), floorMod(A, B));
        const dm = binaryOp(OP_DIVMOD, a, b) as PyTuple;
        check(`${w} divmod[0]`, dm.items[0], floorDiv(A, B));
        check(`${w} divmod[1]`, dm.items[1], floorMod(A, B));
      }
      const sh = BigInt(Math.floor(r() * 80));
      check(`${A} << ${sh}`, binaryOp(OP_LSHIFT, a, normInt(sh)), A << sh);
      check(`${A} >> ${sh}`, binaryOp(OP_RSHIFT, a, normInt(sh)), A >> sh);
      const e = BigInt(Math.floor(r() * 6));
      check(`${A} ** ${e}`, binaryOp(OP_POW, a, normInt(e)), A ** e);
      check(`${w} <`, compare(a, b, CMP_LT), A < B);
      check(`${w} ==`, compare(a, b, CMP_EQ), A === B);
      check(`${w} >=`, compare(a, b, CMP_GE), A >= B);
      check(`-${A}`, unaryOp(UN_NEG, a), -A);
      check(`~${A}`, unaryOp(UN_INVERT, a), ~A);
      check(`abs(${A})`, unaryOp(UN_ABS, a), A < 0n ? -A : A);
    }
    expect(bad).toEqual([]);
  });

  it('int / int is correctly rounded (checked exactly against the rational quotient)', () => {
    const r = rng(2);
    const F = new Float64Array(1);
    const U = new BigUint64Array(F.buffer);
    const bad: string[] = [];
    for (let n = 0; n < 3000 && bad.length < 20; n++) {
      const A = randomBig(r);
      const B = randomBig(r) || 1n;
      const q = (binaryOp(OP_TRUEDIV, normInt(A), normInt(B)) as PyFloat).value;
      // q = M * 2**E exactly; correct rounding <=> |A/B - q| <= half an ulp (ties: M even)
      const neg = (A < 0n) !== (B < 0n);
      const a = A < 0n ? -A : A;
      const b = B < 0n ? -B : B;
      if ((q < 0 || Object.is(q, -0)) !== neg) bad.push(`${A} / ${B}: sign of ${q}`);
      F[0] = Math.abs(q);
      const bitsV = U[0];
      const expBits = Number(bitsV >> 52n);
      const M = expBits === 0 ? bitsV & 0xfffffffffffffn : (bitsV & 0xfffffffffffffn) | (1n << 52n);
      const E = expBits === 0 ? -1074 : expBits - 1075;
      // err2 = 2 * (a * 2**-E - M * b), compared with b (one ulp of M is b after scaling)
      const err2 = E >= 0 ? 2n * (a - ((M * b) << BigInt(E))) : 2n * ((a << BigInt(-E)) - M * b);
      const bound = E >= 0 ? b << BigInt(E) : b;
      const abs = err2 < 0n ? -err2 : err2;
      if (abs > bound || (abs === bound && M % 2n !== 0n)) bad.push(`${A} / ${B} = ${q} is not correctly rounded`);
    }
    expect(bad).toEqual([]);
  });

  it('str() and int(str, base) round-trip random ints in every base', () => {
    const r = rng(3);
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
    const lines: string[] = [];
    const expected: string[] = [];
    for (let n = 0; n < 300; n++) {
      const A = randomBig(r);
      const base = 2 + Math.floor(r() * 35);
      let s = '';
      let v = A < 0n ? -A : A;
      do {
        s = digits[Number(v % BigInt(base))] + s;
        v /= BigInt(base);
      } while (v > 0n);
      lines.push(`print(int('${A < 0n ? '-' : ''}${s}', ${base}), str(${A}) == '${A}')`);
      expected.push(`${A} True`);
    }
    expect(out(lines.join('\n'))).toBe(expected.join('\n') + '\n');
  });
});

describe('float repr', () => {
  it('float(repr(x)) == x and repr is the shortest such string, for random doubles', () => {
    const r = rng(4);
    const F = new Float64Array(1);
    const U = new Uint32Array(F.buffer);
    const bad: string[] = [];
    for (let n = 0; n < 20000 && bad.length < 20; n++) {
      U[0] = Math.floor(r() * 2 ** 32);
      U[1] = Math.floor(r() * 2 ** 32);
      const x = n % 3 === 0 ? F[0] : (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
      if (x !== x) continue;
      const s = floatRepr(x);
      const back = floatFromObject(s);
      if (!Object.is(back, x)) bad.push(`${x}: repr ${s} reads back as ${back}`);
      // no shorter digit string round-trips
      const digits = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      if (digits.length > 1 && Number.isFinite(x)) {
        const shorter = Number(Math.abs(x).toPrecision(digits.length - 1));
        if (shorter === Math.abs(x)) bad.push(`${s} is not the shortest repr`);
      }
      // and Python prints it the same way through repr()
      if (repr(new PyFloat(x)) !== s) bad.push(`repr(${s}) differs`);
    }
    expect(bad).toEqual([]);
  });
});
