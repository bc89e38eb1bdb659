import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StructError, StructFormat, checkArgCount, pack, packInto, resolveOffset, unpack, unpackFrom, type PackSource, type UnpackSink } from '../index.js';

type V = { i: string } | { f: string } | { b: string } | { t: boolean } | { s: string } | { n: null } | { l: V[] };
interface Case {
  op: 'pack' | 'unpack' | 'unpack_from' | 'pack_into' | 'calcsize';
  fmt: string;
  args?: V[];
  data?: string;
  offset?: number;
  size?: number;
  out?: string | V[] | number;
  back?: V[];
  error?: string;
  msg?: string;
}
const oracle = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/struct-cpython.json'), 'utf8')) as { cases: Case[] };

function pyFloat(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

const src: PackSource<V> = {
  int: (v) => ('i' in v ? BigInt(v.i) : 't' in v ? (v.t ? 1n : 0n) : null),
  float: (v) => ('f' in v ? pyFloat(v.f) : 'i' in v ? Number(v.i) : 't' in v ? Number(v.t) : null),
  bytes: (v) => ('b' in v ? unhex(v.b) : null),
  truth: (v) => {
    if ('i' in v) return v.i !== '0';
    if ('f' in v) return pyFloat(v.f) !== 0;
    if ('b' in v) return v.b.length > 0;
    if ('t' in v) return v.t;
    if ('s' in v) return v.s.length > 0;
    if ('l' in v) return v.l.length > 0;
    return false;
  },
};
const sink: UnpackSink<V> = {
  int: (n) => ({ i: String(n) }),
  float: (x) => ({ f: Object.is(x, -0) ? '-0.0' : String(x) }),
  bytes: (b) => ({ b: hex(b) }),
  bool: (t) => ({ t }),
};

/** Compares unpacked values with CPython's, floats numerically. */
function sameValues(got: V[], want: V[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, k) => {
    const w = want[k];
    if ('f' in w) {
      expect('f' in g).toBe(true);
      const gv = pyFloat((g as { f: string }).f);
      const wv = pyFloat(w.f);
      if (Number.isNaN(wv)) expect(Number.isNaN(gv)).toBe(true);
      else expect(Object.is(gv, wv)).toBe(true);
    } else {
      expect(g).toEqual(w);
    }
  });
}

function expectError(fn: () => unknown, c: Case): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${c.error}: ${c.msg}`).toBeInstanceOf(StructError);
  const e = err as StructError;
  // CPython's wording per code, byte order and value size, exactly (see rangeError in struct.ts)
  expect(e.kind).toBe(c.error === 'OverflowError' ? 'overflow' : 'error');
  expect(e.message).toBe(c.msg);
}

describe('ustruct engine against CPython struct (generated table)', () => {
  // CPython here is 64-bit: its native n/N/P are 8 bytes where the ESP8266's are 4.
  const cases = oracle.cases.filter((c) => c.error !== 'SystemError' && !/^@.*[nNP]/.test(c.fmt));
  it.each(cases.map((c, k) => [k, c.op, c.fmt, c] as const))('#%i %s %j', (_k, op, fmt, c) => {
    switch (op) {
      case 'calcsize':
        if (c.error) expectError(() => new StructFormat(fmt), c);
        else expect(new StructFormat(fmt).size).toBe(c.out);
        return;
      case 'pack':
        if (c.error) {
          expectError(() => pack(new StructFormat(fmt), c.args!, src), c);
        } else {
          const f = new StructFormat(fmt);
          const out = pack(f, c.args!, src);
          expect(hex(out)).toBe(c.out);
          expect(f.size).toBe(c.size);
          sameValues(unpack(f, out, sink), c.back!);
        }
        return;
      case 'unpack':
        if (c.error) expectError(() => unpack(new StructFormat(fmt), unhex(c.data!), sink), c);
        else sameValues(unpack(new StructFormat(fmt), unhex(c.data!), sink), c.out as V[]);
        return;
      case 'unpack_from': {
        const run = (): V[] => {
          const f = new StructFormat(fmt);
          const buf = unhex(c.data!);
          return unpackFrom(f, buf, resolveOffset(f, buf.length, c.offset!, 'unpack_from'), sink);
        };
        if (c.error) expectError(run, c);
        else sameValues(run(), c.out as V[]);
        return;
      }
      case 'pack_into': {
        const buf = new Uint8Array(c.size!).fill(0xaa);
        const run = (): void => {
          const f = new StructFormat(fmt);
          checkArgCount(f, c.args!.length, 'pack_into');
          packInto(f, buf, resolveOffset(f, buf.length, c.offset!, 'pack_into'), c.args!, src, 'pack_into');
        };
        if (c.error) expectError(run, c);
        else {
          run();
          expect(hex(buf)).toBe(c.out);
        }
        return;
      }
    }
  });
  it('the table is substantial', () => expect(cases.length).toBeGreaterThan(1000));
});

describe('ustruct specifics', () => {
  it('native mode is the 32-bit ESP8266', () => {
    expect(new StructFormat('@l').size).toBe(4);
    expect(new StructFormat('@P').size).toBe(4);
    expect(new StructFormat('@bl').size).toBe(8);
    expect(new StructFormat('@bq').size).toBe(16);
    expect(() => new StructFormat('<P')).toThrow('bad char in struct format');
  });
  it('counts values: s and p take one, x none', () => {
    expect(new StructFormat('3s2x4p2h').count).toBe(4);
  });
  it('pack_into rejects a negative offset that leaves no room (struct1.py)', () => {
    const f = new StructFormat('<bbb');
    expect(() => resolveOffset(f, 9, -10, 'pack_into')).toThrow(StructError);
    expect(resolveOffset(f, 9, -6, 'pack_into')).toBe(3);
  });
});
