// urandom engine: the Mersenne Twister with CPython's seeding and derivations (Lib/random.py,
// Modules/_randommodule.c), so a seeded sequence is the same as CPython's. The spec leaves the algorithm
// open; MicroPython's own module has the same functions (getrandbits seed randint randrange choice random
// uniform) with a smaller generator. Where MicroPython only limits (getrandbits to 32 bits) we do what
// CPython does.

/** An invalid argument (ValueError in the binding). */
export class RandomValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RandomValueError';
  }
}

const N = 624;
const M = 397;

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  constructor(seed: number | bigint | Uint32Array = 0) {
    if (seed instanceof Uint32Array) this.seedWords(seed);
    else this.seed(seed);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  /** CPython init_by_array. */
  seedWords(key: ArrayLike<number>): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = Math.max(1, key.length);
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + (key.length ? key[j] : 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = N;
  }

  /** seed(n) for an int: the 32-bit words of abs(n), least significant first (CPython). */
  seed(n: number | bigint): void {
    let v = BigInt(n);
    if (v < 0n) v = -v;
    const words: number[] = [];
    while (v > 0n) {
      words.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (words.length === 0) words.push(0);
    this.seedWords(words);
  }

  /** The next 32-bit output. */
  next32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random(): a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** getrandbits(k): an int with k random bits (number when it fits exactly, else bigint). */
  getrandbits(k: number): number | bigint {
    if (k < 0) throw new RandomValueError('number of bits must be non-negative');
    if (k === 0) return 0;
    if (k <= 32) return this.next32() >>> (32 - k);
    // words least significant first, as CPython; joined as hex (linear, where shifting in each word is quadratic)
    const words = Math.ceil(k / 32);
    const hex: string[] = new Array(words);
    for (let i = 0, left = k; i < words; i++, left -= 32) {
      let r = this.next32();
      if (left < 32) r >>>= 32 - left;
      hex[words - 1 - i] = r.toString(16).padStart(8, '0');
    }
    return normalize(BigInt(`0x${hex.join('')}`));
  }

  /** _randbelow_with_getrandbits(n), n > 0. */
  randbelow(n: number | bigint): number | bigint {
    const big = BigInt(n);
    if (big <= 0n) return 0;
    const k = big.toString(2).length;
    for (;;) {
      const r = this.getrandbits(k);
      if (BigInt(r) < big) return r;
    }
  }

  /** randrange(start[, stop[, step]]) with CPython 3.11's errors. */
  randrange(start: number | bigint, stop?: number | bigint, step: number | bigint = 1): number | bigint {
    const s = BigInt(start);
    if (stop === undefined) {
      if (BigInt(step) !== 1n) throw new RandomValueError('Missing a non-None stop argument');
      if (s > 0n) return this.randbelow(s);
      throw new RandomValueError('empty range for randrange()');
    }
    const e = BigInt(stop);
    const st = BigInt(step);
    const width = e - s;
    if (st === 1n) {
      if (width > 0n) return normalize(s + BigInt(this.randbelow(width)));
      throw new RandomValueError(`empty range for randrange() (${s}, ${e}, ${width})`);
    }
    if (st === 0n) throw new RandomValueError('zero step for randrange()');
    const n = st > 0n ? floorDiv(width + st - 1n, st) : floorDiv(width + st + 1n, st);
    if (n <= 0n) throw new RandomValueError('empty range for randrange()');
    return normalize(s + st * BigInt(this.randbelow(n)));
  }

  /** randint(a, b): a <= N <= b. */
  randint(a: number | bigint, b: number | bigint): number | bigint {
    return this.randrange(a, BigInt(b) + 1n);
  }

  /** uniform(a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** Index for choice(seq) of length `len`; throws if empty (IndexError in the binding). */
  choiceIndex(len: number): number {
    if (len <= 0) throw new RangeError('Cannot choose from an empty sequence');
    return Number(this.randbelow(len));
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function normalize(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
