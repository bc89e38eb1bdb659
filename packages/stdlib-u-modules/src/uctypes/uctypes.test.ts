// uctypes engine tests: the conformance programs extmod/uctypes_*.py re-enacted with their expected
// values (from the .exp files), plus layout cases.
import { describe, expect, it } from 'vitest';
import { AddressSpace, BIG_ENDIAN, LITTLE_ENDIAN, NATIVE, StructRef, UCTYPES_CONSTANTS as U, UctypesError, sizeOfDesc, type Desc, type FieldValue } from '../index.js';

type Lit = number | Lit[] | { [k: string]: Lit } | string;
/** Builds an engine descriptor from a JS literal: numbers, arrays (tuples), objects (dicts). */
function d(x: Lit): Desc {
  if (typeof x === 'number') return { kind: 'int', value: x };
  if (typeof x === 'string') return { kind: 'other' };
  if (Array.isArray(x)) return { kind: 'tuple', items: x.map(d) };
  const m = new Map(Object.entries(x).map(([k, v]) => [k, d(v)]));
  return { kind: 'dict', get: (n) => m.get(n), values: () => [...m.values()] };
}
const num = (v: FieldValue): number => {
  if (v.kind !== 'int' && v.kind !== 'float') throw new Error(`not a number: ${v.kind}`);
  return Number(v.value);
};
const sub = (v: FieldValue): StructRef => {
  if (v.kind !== 'struct') throw new Error(`not a struct: ${v.kind}`);
  return v.ref;
};
const int = (n: number | bigint) => ({ int: BigInt(n) });
const str = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

const bf = (type: number, off: number, pos: number, len: number): number => type | off | (pos << U.BF_POS) | (len << U.BF_LEN);
const leDesc = {
  s0: U.UINT16 | 0,
  sub: [0, { b0: U.UINT8 | 0, b1: U.UINT8 | 1 }],
  arr: [U.ARRAY | 0, U.UINT8 | 2],
  arr2: [U.ARRAY | 0, 2, { b: U.UINT8 | 0 }],
  bitf0: bf(U.BFUINT16, 0, 0, 8),
  bitf1: bf(U.BFUINT16, 0, 8, 8),
  bf0: bf(U.BFUINT16, 0, 0, 4),
  bf1: bf(U.BFUINT16, 0, 4, 4),
  bf2: bf(U.BFUINT16, 0, 8, 4),
  bf3: bf(U.BFUINT16, 0, 12, 4),
  ptr: [U.PTR | 0, U.UINT8],
  ptr2: [U.PTR | 0, { b: U.UINT8 | 0 }],
};

describe('constants have MicroPython values', () => {
  it('type codes', () => {
    expect([U.UINT8, U.INT8, U.UINT16, U.UINT32, U.PTR, U.ARRAY, U.BFUINT8, U.FLOAT64]).toEqual([0, 0x8000000, 0x10000000, 0x20000000, 0x20000000, -0x40000000, -0x40000000, -0x8000000]);
  });
});

describe.each([
  ['uctypes_le.py', LITTLE_ENDIAN],
  ['uctypes_native_le.py', NATIVE],
])('%s', (_name, layout) => {
  it('reads and writes fields, arrays and bitfields', () => {
    const mem = new AddressSpace();
    const data = Uint8Array.from(Buffer.from('01'));
    const S = new StructRef(mem, mem.addressOf(data), d(leDesc), layout);
    expect(num(S.getField('s0')).toString(16)).toBe('3130');
    expect([num(sub(S.getField('sub')).getField('b0')), num(sub(S.getField('sub')).getField('b1'))]).toEqual([48, 49]);
    expect(() => S.getItem(0)).toThrow('struct: cannot index');
    const arr = S.getField('arr');
    expect(arr.kind).toBe('bytes'); // UINT8 arrays are bytearrays by reference
    const arr2 = sub(S.getField('arr2'));
    expect([num(sub(arr2.getItem(0)).getField('b')), num(sub(arr2.getItem(1)).getField('b'))]).toEqual([48, 49]);
    expect(() => arr2.getItem(2)).toThrow(UctypesError);
    expect([num(S.getField('bitf0')), num(S.getField('bitf1'))]).toEqual([48, 49]);
    expect(['bf3', 'bf2', 'bf1', 'bf0'].map((n) => num(S.getField(n)))).toEqual([3, 1, 3, 0]);
    sub(S.getField('sub')).setField('b0', int(0x32));
    expect(str(data)).toBe('21');
    S.setField('bf3', int(5));
    expect(str(data)).toBe('2Q');
    const data2 = Uint8Array.from(Buffer.from('0123'));
    const S2 = new StructRef(mem, mem.addressOf(data2), d({ bf8: bf(U.BFUINT8, 0, 0, 4), bf32: bf(U.BFUINT32, 0, 20, 4) }), layout);
    S2.setField('bf8', int(5));
    expect(str(data2)).toBe('5123');
    S2.setField('bf32', int(5));
    expect(str(data2)).toBe('51R3');
  });
});

describe('arrays (uctypes_array_assign_*.py, uctypes_array_load_store.py)', () => {
  it('assigns through arrays of every width, aligned or not', () => {
    const mem = new AddressSpace();
    const data = new Uint8Array(6);
    const S = new StructRef(mem, mem.addressOf(data), d({
      arr: [U.ARRAY | 0, U.UINT8 | 2],
      arr3: [U.ARRAY | 2, U.UINT16 | 2],
      arr5: [U.ARRAY | 0, U.UINT32 | 1],
      arr6: [U.ARRAY | 1, U.UINT32 | 1],
      arr7: [U.ARRAY | 0, 1, { l: U.UINT32 | 0 }],
      arr8: [U.ARRAY | 1, 1, { l: U.UINT32 | 0 }],
    }), LITTLE_ENDIAN);
    const a3 = sub(S.getField('arr3'));
    a3.setItem(0, int(0x2233));
    a3.setItem(1, int(0x4455));
    expect([num(a3.getItem(0)), num(a3.getItem(1))]).toEqual([0x2233, 0x4455]);
    sub(S.getField('arr5')).setItem(0, int(0x66778899));
    expect(num(sub(S.getField('arr5')).getItem(0))).toBe(num(sub(sub(S.getField('arr7')).getItem(0)).getField('l')));
    sub(S.getField('arr6')).setItem(0, int(0xaabbccdd));
    expect(num(sub(S.getField('arr6')).getItem(0))).toBe(0xaabbccdd);
    expect(num(sub(sub(S.getField('arr8')).getItem(0)).getField('l'))).toBe(0xaabbccdd);
  });
  it('loads and stores -2..2 in every type and layout', () => {
    const mem = new AddressSpace();
    const expected: Record<string, string> = {
      INT8: '5 -2 -1 0 1 2', UINT8: '5 254 255 0 1 2', INT16: '10 -2 -1 0 1 2', UINT16: '10 65534 65535 0 1 2',
      INT32: '20 -2 -1 0 1 2', UINT32: '20 4294967294 4294967295 0 1 2', INT64: '40 -2 -1 0 1 2',
      UINT64: '40 18446744073709551614 18446744073709551615 0 1 2',
    };
    for (const layout of [NATIVE, LITTLE_ENDIAN, BIG_ENDIAN]) {
      for (const [type, want] of Object.entries(expected)) {
        const desc = d({ arr: [U.ARRAY | 0, U[type] | 5] });
        const sz = sizeOfDesc(desc, NATIVE);
        const data = new Uint8Array(sz);
        const s = new StructRef(mem, mem.addressOf(data), desc, layout);
        // UINT8 arrays come back as bytearrays; access them through an INT-typed view for the loop.
        const arrDesc = d([U.ARRAY | 0, U[type] | 5]);
        const arr = new StructRef(mem, s.addr, arrDesc, layout);
        for (let i = 0; i < 5; i++) arr.setItem(i, int(i - 2));
        const got = [0, 1, 2, 3, 4].map((i) => String((arr.getItem(i) as { value: number | bigint }).value));
        expect(`${sz} ${got.join(' ')}`).toBe(want);
      }
    }
  });
  it('32-bit and 64-bit stores keep the low bits (uctypes_32bit_intbig.py)', () => {
    const mem = new AddressSpace();
    for (const [layout, expect1, expect2] of [
      [LITTLE_ENDIAN, '03 02 01 ff 00 00 00 80 00 00 00 00', '03 02 01 ff 00 00 00 00 01 00 00 00'],
      [BIG_ENDIAN, 'ff 01 02 03 00 00 00 00 80 00 00 00', 'ff 01 02 03 00 00 00 01 00 00 00 00'],
    ] as const) {
      const buf = Uint8Array.from(Buffer.from('12345678abcd'));
      const S = new StructRef(mem, mem.addressOf(buf), d({ f32: U.UINT32 | 0, f64: U.UINT64 | 4 }), layout);
      S.setField('f32', int(0x7fffffff));
      S.setField('f32', int(0x80000000));
      S.setField('f32', int(0xff010203));
      S.setField('f64', int(0x80000000));
      expect(Buffer.from(buf).toString('hex').replace(/(..)(?!$)/g, '$1 ')).toBe(expect1);
      S.setField('f64', int(0x100000000));
      expect(Buffer.from(buf).toString('hex').replace(/(..)(?!$)/g, '$1 ')).toBe(expect2);
    }
  });
  it('floats (uctypes_le_float.py)', () => {
    const mem = new AddressSpace();
    const data = new Uint8Array(10);
    const S = new StructRef(mem, mem.addressOf(data), d({ f32: U.FLOAT32 | 0, f64: U.FLOAT64 | 0, uf64: U.FLOAT64 | 2 }), LITTLE_ENDIAN);
    S.setField('f32', { float: 12.34 });
    expect(num(S.getField('f32')).toFixed(4)).toBe('12.3400');
    S.setField('uf64', { float: 12.34 });
    expect(num(S.getField('uf64'))).toBe(12.34);
    const data2 = new Uint8Array(16);
    const A = new StructRef(mem, mem.addressOf(data2), d([U.ARRAY | 0, U.FLOAT32 | 2]), LITTLE_ENDIAN);
    A.setItem(0, int(1));
    A.setItem(1, int(2));
    expect(Buffer.from(data2).toString('hex')).toBe('0000803f000000400000000000000000');
  });
});

describe('pointers (uctypes_ptr_le.py)', () => {
  it('dereferences scalar and struct pointers', () => {
    const mem = new AddressSpace();
    const target = Uint8Array.from(Buffer.from('01'));
    const addr = mem.addressOf(target);
    const desc = d({ ptr: [U.PTR | 0, U.UINT8], ptr16: [U.PTR | 0, U.UINT16], ptr2: [U.PTR | 0, { b: U.UINT8 | 0 }] });
    const buf = new Uint8Array(sizeOfDesc(desc, NATIVE));
    new DataView(buf.buffer).setUint32(0, addr, true);
    const S = new StructRef(mem, mem.addressOf(buf), desc, LITTLE_ENDIAN);
    expect(sub(S.getField('ptr')).pointer()).toBe(addr);
    expect([num(sub(S.getField('ptr')).getItem(0)), num(sub(S.getField('ptr')).getItem(1))]).toEqual([48, 49]);
    expect(num(sub(S.getField('ptr16')).getItem(0)).toString(16)).toBe('3130');
    const p2 = sub(S.getField('ptr2'));
    expect([num(sub(p2.getItem(0)).getField('b')), num(sub(p2.getItem(1)).getField('b'))]).toEqual([48, 49]);
  });
  it('unmapped memory is a fault, not a crash', () => {
    const S = new StructRef(new AddressSpace(), 0, d({ x: U.UINT8 | 0 }));
    expect(() => S.getField('x')).toThrow(expect.objectContaining({ kind: 'fault' }));
  });
});

describe('sizeof (uctypes_sizeof*.py)', () => {
  const desc = {
    arr: [U.ARRAY | 0, U.UINT8 | 2],
    arr2: [U.ARRAY | 0, 2, { b: U.UINT8 | 0 }],
    arr3: [U.ARRAY | 2, U.UINT16 | 2],
    arr4: [U.ARRAY | 0, 2, { b: U.UINT8 | 0, w: U.UINT16 | 1 }],
    sub: [0, { b1: bf(U.BFUINT8, 0, 4, 4), b2: bf(U.BFUINT8, 0, 0, 4) }],
  };
  it('of fields of an instance', () => {
    const mem = new AddressSpace();
    const data = new Uint8Array(8);
    const S = new StructRef(mem, mem.addressOf(data), d(desc), LITTLE_ENDIAN);
    const arr = S.getField('arr');
    expect(arr.kind === 'bytes' ? arr.size : -1).toBe(2);
    expect(sub(S.getField('arr2')).size()).toBe(2);
    expect(sub(S.getField('arr3')).size()).toBe(4);
    expect(sub(S.getField('arr4')).size()).toBe(6);
    expect(sub(S.getField('sub')).size()).toBe(1);
  });
  it('rejects invalid descriptors with TypeError', () => {
    for (const bad of [[], [] as Lit[], ['garbage'], [U.PTR * 3], [0, {}, 'garbage'], [U.PTR | 0], [U.ARRAY | 0], [U.ARRAY | 0, 1, {}, 'garbage']] as Lit[]) {
      expect(() => sizeOfDesc(Array.isArray(bad) && bad.length === 0 ? { kind: 'other' } : d(bad), NATIVE)).toThrow(UctypesError);
    }
    expect(() => sizeOfDesc(d(5), NATIVE)).toThrow('Cannot unambiguously get sizeof scalar');
    expect(sizeOfDesc(d({}), NATIVE)).toBe(0);
  });
  it('native layout rounds up to the largest field', () => {
    const f = { f1: 0 | U.UINT32, f2: 4 | U.UINT8 };
    expect(sizeOfDesc(d(f), NATIVE)).toBe(8);
    expect(sizeOfDesc(d(f), LITTLE_ENDIAN)).toBe(5);
    expect(sizeOfDesc(d({ a: U.UINT8 | 0, b: U.UINT32 | 4, c: U.UINT8 | 8 }), NATIVE)).toBe(12);
    expect(sizeOfDesc(d({ ptr: [U.PTR | 0, U.UINT8] }), NATIVE)).toBe(4);
    expect(sizeOfDesc(d({ arr: [U.ARRAY | 0, 3, { a: U.UINT32 | 0, b: U.UINT8 | 4 }] }), NATIVE)).toBe(24);
    expect([U.FLOAT32, U.FLOAT64].map((t) => sizeOfDesc(d({ f: t }), NATIVE))).toEqual([4, 8]);
    expect(sizeOfDesc(d({ f: [U.ARRAY | 0, U.FLOAT64 | 2] }), NATIVE)).toBe(16);
  });
});

describe('printing and errors (uctypes_print.py, uctypes_error.py)', () => {
  const mem = new AddressSpace();
  it('repr names the aggregate kind', () => {
    expect(new StructRef(mem, 0, d({ arr: [U.ARRAY | 0, U.UINT8 | 1] })).repr()).toBe('<struct STRUCT 0>');
    expect(new StructRef(mem, 0, { kind: 'other' }).repr()).toBe('<struct ERROR 0>');
    expect(new StructRef(mem, 0, d([U.ARRAY | 0, U.UINT8 | 1])).repr()).toBe('<struct ARRAY 0>');
    expect(new StructRef(mem, 0, d([U.PTR | 0, U.UINT8 | 1])).repr()).toBe('<struct PTR 0>');
  });
  it('field access errors are TypeErrors', () => {
    const data = new Uint8Array(8);
    const a = mem.addressOf(data);
    expect(() => new StructRef(mem, a, { kind: 'other' }).getField('x')).toThrow('struct: no fields');
    expect(() => new StructRef(mem, a, d({ x: [] as Lit[] })).getField('x')).toThrow(UctypesError);
    expect(() => new StructRef(mem, a, d({ x: [U.ARRAY | 0, U.INT8 | 2] })).setField('x', int(1))).toThrow(UctypesError);
    const arr13 = sub(new StructRef(mem, a, d({ arr13: [U.ARRAY | 1, 1, { l: {} }] })).getField('arr13'));
    expect(() => sub(arr13.getItem(0)).setField('l', int(0x11))).toThrow(UctypesError);
    expect(() => arr13.setItem(0, int(0x11))).toThrow(UctypesError);
  });
});
