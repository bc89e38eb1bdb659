import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MersenneTwister, RandomValueError } from '../index.js';

interface Seq {
  seed: string;
  random: string[];
  bits: [number, string][];
  randrange: [number, number, number, string][];
  randint: string[];
  choice: number[];
  uniform: string[];
}
// Generated once with CPython 3.11 (random.Random(seed) sequences).
const oracle = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/random-cpython.json'), 'utf8')) as { sequences: Seq[] };

describe('urandom reproduces CPython sequences', () => {
  it.each(oracle.sequences.map((s) => [s.seed, s] as const))('seed %s', (_seed, s) => {
    const r = new MersenneTwister(BigInt(s.seed));
    expect(s.random.map(() => r.random())).toEqual(s.random.map(Number));
    for (const [k, v] of s.bits) expect(String(r.getrandbits(k))).toBe(v);
    for (const [a, b, st, v] of s.randrange) {
      const want = BigInt(v);
      const got = r.randrange(a, BigInt(b), st); // 2**70 is exact as a JSON number
      expect(BigInt(got)).toBe(want);
    }
    expect(s.randint.map(() => String(r.randint(1, 6)))).toEqual(s.randint);
    expect(s.choice.map(() => r.choiceIndex(7))).toEqual(s.choice);
    expect(s.uniform.map(() => r.uniform(-2, 3))).toEqual(s.uniform.map(Number));
  });
});

describe('urandom errors (extmod/random_extra.py)', () => {
  const r = new MersenneTwister(1);
  it('empty ranges and zero step are ValueError', () => {
    expect(() => r.randrange(0)).toThrow(RandomValueError);
    expect(() => r.randrange(2, 1)).toThrow(RandomValueError);
    expect(() => r.randrange(2, 1, 0)).toThrow('zero step for randrange()');
    expect(() => r.randrange(2, 1, 1)).toThrow(RandomValueError);
    expect(() => r.randint(2, 1)).toThrow(RandomValueError);
    expect(() => r.getrandbits(-1)).toThrow(RandomValueError);
  });
  it('choice of an empty sequence fails', () => {
    expect(() => r.choiceIndex(0)).toThrow('Cannot choose from an empty sequence');
  });
  it('values stay in range', () => {
    for (let i = 0; i < 200; i++) {
      const v = Number(r.randrange(1, 9, 2));
      expect([1, 3, 5, 7]).toContain(v);
      expect([1, 2]).toContain(Number(r.randrange(2, 1, -1)));
      const u = r.uniform(-2, 2);
      expect(u >= -2 && u <= 2).toBe(true);
    }
  });
});
