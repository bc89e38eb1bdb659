// uctypes, spec 4.2.6, item by item, on a buffer whose expected field values are computed with DataView.
import { describe, expect, it } from 'vitest';
import { lines, raises } from './python.js';

const DATA = Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const view = new DataView(Uint8Array.from(DATA).buffer);
const PRELUDE = `import uctypes\ndata = bytearray(bytes(${JSON.stringify(DATA)}))\naddr = uctypes.addressof(data)`;

describe('uctypes', () => {
  it('scalar fields in all three layouts ("offset | uctypes.UINT32")', () => {
    const out = lines([
      PRELUDE,
      'desc = {"u8": 1 | uctypes.UINT8, "i8": 2 | uctypes.INT8, "u16": 2 | uctypes.UINT16, "i16": 4 | uctypes.INT16,',
      '        "u32": 4 | uctypes.UINT32, "i32": 8 | uctypes.INT32, "u64": 8 | uctypes.UINT64, "i64": 16 | uctypes.INT64,',
      '        "f32": 24 | uctypes.FLOAT32, "f64": 16 | uctypes.FLOAT64}',
      'for layout in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE):',
      '    s = uctypes.struct(addr, desc, layout)',
      '    print(s.u8, s.i8, s.u16, s.i16, s.u32, s.i32, s.u64, s.i64, "%.6g" % s.f32, "%.10g" % s.f64)',
    ].join('\n'));
    const row = (le: boolean) => [
      view.getUint8(1), view.getInt8(2), view.getUint16(2, le), view.getInt16(4, le), view.getUint32(4, le), view.getInt32(8, le),
      view.getBigUint64(8, le), view.getBigInt64(16, le), Number(view.getFloat32(24, le).toPrecision(6)), Number(view.getFloat64(16, le).toPrecision(10)),
    ].map(String).join(' ');
    const fmt = (s: string) => s.split(' ').map((x, i) => (i >= 8 ? String(Number(x)) : x)).join(' ');
    expect(out.map(fmt)).toEqual([row(true), row(false), row(true)].map(fmt));
  });

  it('assignment to scalar fields writes the bytes ("A scalar field can also be assigned to")', () => {
    const out = lines([
      'import uctypes',
      'buf = bytearray(16)',
      's = uctypes.struct(uctypes.addressof(buf), {"a": 0 | uctypes.UINT16, "b": 2 | uctypes.INT32, "c": 8 | uctypes.FLOAT64}, uctypes.BIG_ENDIAN)',
      's.a = 0x1234; s.b = -2; s.c = 1.5',
      'print(buf.hex(), s.a, s.b, s.c)',
      's.a = 0x12345',
      'print(s.a)',
    ].join('\n'));
    expect(out).toEqual(['1234fffffffe00003ff8000000000000 4660 -2 1.5', String(0x2345)]);
  });

  it('nested structures, arrays of scalars and of aggregates', () => {
    const out = lines([
      PRELUDE,
      'desc = {"sub": (2, {"b0": 0 | uctypes.UINT8, "b1": 1 | uctypes.UINT8}),',
      '        "arr": (uctypes.ARRAY | 4, uctypes.UINT16 | 3),',
      '        "arr2": (uctypes.ARRAY | 10, 2, {"x": 0 | uctypes.UINT8, "y": 1 | uctypes.INT8})}',
      's = uctypes.struct(addr, desc, uctypes.LITTLE_ENDIAN)',
      'print(s.sub.b0, s.sub.b1, s.arr[0], s.arr[2], s.arr2[0].x, s.arr2[1].y, uctypes.sizeof(s.sub), uctypes.sizeof(s.arr))',
      's.arr[1] = 0xabcd',
      'print(hex(s.arr[1]), data[6:8].hex())',
      'try:',
      '    s.arr[3]',
      'except IndexError:',
      '    print("IndexError")',
    ].join('\n'));
    expect(out).toEqual([
      [DATA[2], DATA[3], view.getUint16(4, true), view.getUint16(8, true), DATA[10], view.getInt8(13), 2, 6].join(' '),
      '0xabcd cdab',
      'IndexError',
    ]);
  });

  it('pointers to primitives and to aggregates, dereferenced with [0] and [n]', () => {
    const out = lines([
      'import uctypes',
      'target = bytearray(b"\\x01\\x02\\x03\\x04\\x05\\x06")',
      'holder = bytearray(uctypes.addressof(target).to_bytes(4, "little"))',
      'desc = {"p8": (uctypes.PTR | 0, uctypes.UINT8), "p16": (uctypes.PTR | 0, uctypes.UINT16),',
      '        "ps": (uctypes.PTR | 0, {"a": 0 | uctypes.UINT8, "b": 1 | uctypes.UINT8})}',
      's = uctypes.struct(uctypes.addressof(holder), desc, uctypes.LITTLE_ENDIAN)',
      'print(int(s.p8) == uctypes.addressof(target), s.p8[0], s.p8[3], hex(s.p16[0]), hex(s.p16[2]), s.ps[0].a, s.ps[1].b)',
      's.p8[1] = 99',
      'print(target[1])',
    ].join('\n'));
    expect(out).toEqual(['True 1 4 0x201 0x605 1 4', '99']);
  });

  it('bitfields: lsb position and length, independent of endianness', () => {
    const out = lines([
      'import uctypes',
      'buf = bytearray(b"\\xb5\\x3c")',
      'desc = {"lo": 0 | uctypes.BFUINT16 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN,',
      '        "mid": 0 | uctypes.BFUINT16 | 4 << uctypes.BF_POS | 8 << uctypes.BF_LEN,',
      '        "sgn": 0 | uctypes.BFINT8 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN}',
      'for layout in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN):',
      '    s = uctypes.struct(uctypes.addressof(buf), desc, layout)',
      '    print(s.lo, s.mid, s.sgn)',
      's = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)',
      's.mid = 0xff',
      'print(buf.hex())',
    ].join('\n'));
    const le = 0x3cb5;
    const be = 0xb53c;
    const sgn = (v: number) => (v >= 8 ? v - 16 : v);
    expect(out).toEqual([
      `${le & 0xf} ${(le >> 4) & 0xff} ${sgn((0xb5 >> 4) & 0xf)}`,
      `${be & 0xf} ${(be >> 4) & 0xff} ${sgn((0xb5 >> 4) & 0xf)}`,
      'f53f',
    ]);
  });

  it('sizeof: NATIVE alignment vs packed layouts; structures, aggregates and descriptors', () => {
    const out = lines([
      'import uctypes',
      'd = {"a": 0 | uctypes.UINT8, "b": 4 | uctypes.UINT32, "c": 8 | uctypes.UINT8}',
      'print(uctypes.sizeof(d), uctypes.sizeof(d, uctypes.LITTLE_ENDIAN), uctypes.sizeof(d, uctypes.NATIVE))',
      'print(uctypes.sizeof({"p": (uctypes.PTR | 0, uctypes.UINT8)}), uctypes.sizeof({"x": (uctypes.ARRAY | 0, 3, {"a": uctypes.UINT16 | 0})}))',
      'print(uctypes.sizeof(uctypes.struct(0, d, uctypes.LITTLE_ENDIAN)), uctypes.sizeof({}))',
    ].join('\n'));
    expect(out).toEqual(['12 9 12', '4 6', '9 0']);
    expect(raises('import uctypes\nuctypes.sizeof(uctypes.UINT8)')).toMatch(/^TypeError/);
  });

  it('addressof, bytes_at (a copy) and bytearray_at (by reference); stray addresses are OSError', () => {
    const out = lines([
      'import uctypes',
      'b = bytearray(b"hello")',
      'a = uctypes.addressof(b)',
      'print(a == uctypes.addressof(b), uctypes.addressof(b"xy") != a)',
      'copy = uctypes.bytes_at(a + 1, 3); ref = uctypes.bytearray_at(a + 1, 3)',
      'b[1] = ord("E")',
      'print(copy, ref)',
      'ref[0] = ord("Q")',
      'print(b, bytes(uctypes.struct(a, {"x": 0 | uctypes.UINT8}, uctypes.LITTLE_ENDIAN)) if False else b[1:2])',
    ].join('\n'));
    expect(out).toEqual(['True True', "b'ell' bytearray(b'Ell')", "bytearray(b'hQllo') bytearray(b'Q')"]);
    expect(raises('import uctypes\nuctypes.bytes_at(16, 4)')).toMatch(/^OSError/);
    expect(raises('import uctypes\nuctypes.addressof("str")')).toMatch(/^TypeError/);
  });

  it('addresses are the ones viper pointers use, and a structure keeps its buffer mapped', () => {
    const out = lines([
      'import uctypes, micropython',
      '@micropython.viper',
      'def peek(a: uint, i: int) -> int:',
      '    return ptr8(a)[i]',
      '@micropython.viper',
      'def addr(p: ptr8) -> uint:',
      '    return uint(p)',
      'big = bytearray(40000)',
      'addr(big)',
      'b = bytearray(b"hello")',
      'print(peek(uctypes.addressof(b), 0), addr(b) == uctypes.addressof(b))',
      's = uctypes.struct(uctypes.addressof(b), {"x": 1 | uctypes.UINT8}, uctypes.LITTLE_ENDIAN)',
      'for i in range(9000):',
      '    addr(bytearray(8))',
      'print(s.x, peek(uctypes.addressof(b), 4))',
    ].join('\n'));
    expect(out).toEqual(['104 True', '101 111']);
  });
});
