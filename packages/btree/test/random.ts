// Seeded randomness for reproducible tests.

/** A small fast PRNG (mulberry32): `next()` is uniform in [0, 1). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  bytes(n: number, alphabet = 256): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = this.int(alphabet);
    return b;
  }
}

/** The seed for a test run: MPY_TS_SEED from the environment, or a fresh one. */
export function testSeed(): number {
  const env = typeof process !== 'undefined' ? process.env.MPY_TS_SEED : undefined;
  return env ? Number(env) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}
