// urandom (spec: the MicroPython random module; getrandbits seed randint randrange choice random uniform).
// The generator is CPython's Mersenne Twister with CPython's seeding, so a seeded sequence is CPython's.
// Each VM starts seeded from its host (Host.randomSeed: deterministic under a test host).
import {
  PyByteArray,
  PyBytes,
  PyFloat,
  getItem,
  hash,
  indexError,
  overflowError,
  isStr,
  len,
  strVal,
  toIndex,
  toNumberValue,
  typeError,
  typeName,
  utf8Encode,
  valueError,
  type PyModule,
  type VM,
  INT_MAX_BITS,
  memoryError,
} from '@mpy-ts/core-vm';
import { Hasher } from '../hashlib/hashlib.js';
import { MersenneTwister, RandomValueError } from '../random/random.js';
import { makeModule } from './util.js';

function guard<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RandomValueError) throw valueError(e.message);
    throw e;
  }
}

function intArg(x: any, what: string): number | bigint {
  if (x instanceof PyFloat) throw typeError(`'float' object cannot be interpreted as an integer`);
  try {
    return toIndex(x);
  } catch {
    throw typeError(`${what}: '${typeName(x)}' object cannot be interpreted as an integer`);
  }
}

function floatArg(x: any): number {
  const v = toNumberValue(x);
  if (v === undefined) throw typeError(`must be real number, not ${typeName(x)}`);
  return v;
}

/** CPython's seed(a, version=2) for str/bytes: the bytes followed by their SHA-512, as a big int. */
function bytesSeed(b: Uint8Array): bigint {
  const h = Hasher.create('sha512')!;
  h.update(b);
  const all = new Uint8Array(b.length + 64);
  all.set(b);
  all.set(h.digest(), b.length);
  let v = 0n;
  for (const x of all) v = (v << 8n) | BigInt(x);
  return v;
}

export function makeRandomModule(vm: VM, name = 'urandom'): PyModule {
  const mt = new MersenneTwister(vm.host.randomSeed());
  let reseeds = 0;
  return makeModule(name, {
    // seed([n]): an int, str or bytes seeds as CPython; no argument (or None) reseeds from the host.
    seed: [(a: any) => {
      if (a === undefined || a === null) mt.seed((BigInt(vm.host.randomSeed()) << 64n) | (BigInt(Math.floor(vm.host.wallTimeMs() * 1000)) << 16n) | BigInt(++reseeds & 0xffff));
      else if (isStr(a)) mt.seed(bytesSeed(utf8Encode(strVal(a), 'surrogatepass')));
      else if (a instanceof PyBytes || a instanceof PyByteArray) mt.seed(bytesSeed(a.data));
      else if (a instanceof PyFloat) mt.seed(BigInt(hash(a)));
      else {
        const n = intArg(a, 'seed');
        mt.seed(n);
      }
      return null;
    }, { params: 'n, /', min: 0 }],
    // getrandbits(n): an int with n random bits.
    getrandbits: [(k: any) => {
      const n = intArg(k, 'getrandbits');
      if (typeof n === 'bigint') throw overflowError('getrandbits: too many bits');
      // beyond the VM's int size limit: MemoryError, as for other ints too big to make (never a long hang)
      if (n > INT_MAX_BITS) throw memoryError();
      return guard(() => mt.getrandbits(n));
    }, 1],
    // randrange(stop) / randrange(start, stop[, step])
    randrange: [(start: any, stop: any, step: any) => guard(() => mt.randrange(
      intArg(start, 'randrange'),
      stop === undefined || stop === null ? undefined : intArg(stop, 'randrange'),
      step === undefined ? 1 : intArg(step, 'randrange'),
    )), { params: 'start, stop, step, /', min: 1 }],
    // randint(a, b): a <= N <= b.
    randint: [(a: any, b: any) => guard(() => mt.randint(intArg(a, 'randint'), intArg(b, 'randint'))), 2],
    // choice(sequence): IndexError on an empty sequence.
    choice: [(seq: any) => {
      const n = len(seq);
      if (n === 0) throw indexError('Cannot choose from an empty sequence');
      return getItem(seq, mt.choiceIndex(n));
    }, 1],
    // random(): a float in [0.0, 1.0).
    random: [() => new PyFloat(mt.random()), 0],
    // uniform(a, b): a float between a and b.
    uniform: [(a: any, b: any) => new PyFloat(mt.uniform(floatArg(a), floatArg(b))), 2],
  });
}
