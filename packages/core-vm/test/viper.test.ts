// @micropython.viper at run time: 32-bit wrapping arithmetic, unsigned comparisons, pointer loads and
// stores of each width over the simulated address space, and the errors bad pointers raise.
import { describe, expect, it } from 'vitest';
import { out, run } from './helpers.js';
import { AddressSpace, viperBinop, viperConv } from '../src/viper.js';
import { BINARY_ADD, BINARY_RSHIFT, COMPARE_LT, VT_INT, VT_UINT, VT_PTR8 } from '@mpy-ts/bytecode';
import { PyByteArray } from '../src/index.js';

const V = 'import micropython\n';

describe('viper integers', () => {
  it('int arithmetic wraps modulo 2**32, signed', () => {
    const src = `${V}@micropython.viper
def f(x: int, y: int) -> int:
    return x * y
@micropython.viper
def g(x: int) -> int:
    return x + 1
@micropython.viper
def h(x: int) -> int:
    return -x
print(f(0x10000, 0x10000), f(0x7fffffff, 2), g(0x7fffffff), h(-0x80000000), g(2**40 + 5))
`;
    expect(out(src)).toBe('0 -2 -2147483648 -2147483648 6\n');
  });
  it('uint is unsigned: wraps to [0, 2**32), shifts right logically, compares unsigned', () => {
    const src = `${V}@micropython.viper
def f(x: uint) -> uint:
    return x - 1
@micropython.viper
def sh(x: uint) -> uint:
    return x >> 28
@micropython.viper
def ish(x: int) -> int:
    return x >> 28
@micropython.viper
def lt(x: uint, y: uint) -> bool:
    return x < y
print(f(0), sh(-1), ish(-1), lt(1, -1), lt(-1, 1))
`;
    expect(out(src)).toBe('4294967295 15 -1 True False\n');
  });
  it('// and % floor as Python; division by zero raises ZeroDivisionError', () => {
    const src = `${V}@micropython.viper
def f(a: int, b: int):
    print(a // b, a % b)
f(-7, 2)
f(7, -2)
try:
    f(1, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
`;
    expect(out(src)).toBe('-4 1\n-4 -1\nZeroDivisionError\n');
  });
  it('arguments convert on entry: bool by truth, int by truncation, TypeError otherwise', () => {
    const src = `${V}@micropython.viper
def b(x: bool) -> bool:
    return x
@micropython.viper
def i(x: int) -> int:
    return x
print(b([]), b([0]), i(True), i(2**32 + 7))
try:
    i(1.5)
except TypeError as e:
    print(e)
`;
    expect(out(src)).toBe("False True 1 7\ncan't convert float to int\n");
  });
});

describe('viper pointers', () => {
  it('ptr8/ptr16/ptr32 load and store little-endian words; ptr32 loads are signed', () => {
    const src = `${V}@micropython.viper
def st(p8: ptr8, p16: ptr16, p32: ptr32):
    p8[0] = 0x1ff
    p16[1] = 0x12345
    p32[1] = -2
@micropython.viper
def ld(p8: ptr8, p16: ptr16, p32: ptr32) -> int:
    print(p8[0], p16[1], p32[1])
    return p32[1]
b = bytearray(8)
st(b, b, b)
print(b)
print(ld(b, b, b))
`;
    expect(out(src)).toBe("bytearray(b'\\xff\\x00E#\\xfe\\xff\\xff\\xff')\n255 9029 -2\n-2\n");
  });
  it('addresses are stable and round-trip through int, with byte offsets', () => {
    const src = `${V}@micropython.viper
def addr(p: ptr) -> ptr:
    return p
@micropython.viper
def put(p: ptr8, v: int):
    p[0] = v
@micropython.viper
def third(p: ptr8) -> int:
    q = p + 2
    return q[0]
b = bytearray(b'abcd')
a = addr(b)
print(a == addr(b), a != addr(bytearray(4)), type(a))
put(a + 1, ord('X'))
print(b, third(b), third(memoryview(b)[1:]))
ar = bytearray([1, 0, 0xfe, 0xff, 3, 0])
@micropython.viper
def sum16(p: ptr16, n: int) -> int:
    s = 0
    for i in range(n):
        s += p[i]
    return s
print(sum16(ar, 3))
`;
    expect(out(src)).toBe("True True <class 'int'>\nbytearray(b'aXcd') 99 100\n65538\n");
  });
  it('bad pointers raise Python exceptions, never crash', () => {
    const src = `${V}@micropython.viper
def rd(p: ptr8, i: int) -> int:
    return p[i]
@micropython.viper
def wr(p: ptr32, v: int):
    p[0] = v
b = bytearray(4)
for args in ((b, 4), (b, -1), (12, 0), ([1], 0), (None, 0)):
    try:
        rd(*args)
    except (IndexError, OSError, TypeError) as e:
        print(type(e).__name__, e)
try:
    wr(b'abcd', 1)
except TypeError as e:
    print('TypeError', e)
try:
    wr(bytearray(3), 1)
except IndexError:
    print('IndexError')
`;
    const got = out(src).split('\n');
    expect(got[0]).toMatch(/^IndexError viper: access to 1 byte\(s\) at 0x[0-9a-f]+ is past the end of a 4-byte buffer$/);
    expect(got.slice(1)).toEqual([
      'OSError [Errno 14] EFAULT',
      'OSError [Errno 14] EFAULT',
      "TypeError can't convert list to int",
      "TypeError can't convert NoneType to int",
      "TypeError viper: can't store to a read-only buffer (bytes)",
      'IndexError',
      '',
    ]);
  });
  it('with in viper code passes None as the traceback to __exit__', () => {
    const src = `${V}class C:
    def __enter__(self):
        return self
    def __exit__(self, a, b, c):
        print(a.__name__, c)
@micropython.viper
def f():
    with C():
        raise ValueError
try:
    f()
except ValueError:
    pass
def g():
    with C():
        raise ValueError
try:
    g()
except ValueError:
    pass
`;
    const lines = out(src).split('\n');
    expect(lines[0]).toBe('ValueError None');
    expect(lines[1]).toMatch(/^ValueError <traceback/);
  });
});

describe('viper runtime helpers', () => {
  it('viperBinop wraps and compares by type', () => {
    expect(viperBinop(BINARY_ADD | (VT_INT << 8), 0x7fffffff, 1)).toBe(-0x80000000);
    expect(viperBinop(BINARY_ADD | (VT_UINT << 8), 0xffffffff, 1)).toBe(0);
    expect(viperBinop(BINARY_RSHIFT | (VT_UINT << 8), -1, 31)).toBe(1);
    expect(viperBinop(COMPARE_LT | (VT_UINT << 8), 1, -1)).toBe(true);
    expect(viperBinop(COMPARE_LT | (VT_INT << 8), 1, -1)).toBe(false);
    expect(viperBinop(BINARY_ADD | (VT_INT << 8), 2n ** 64n + 3n, 1)).toBe(4);
  });
  it('viperConv maps a buffer once and takes ints as addresses', () => {
    const b = new PyByteArray(new Uint8Array(4));
    const a = viperConv(b, VT_PTR8);
    expect(viperConv(b, VT_PTR8)).toBe(a);
    expect(viperConv(-1, VT_PTR8)).toBe(0xffffffff);
  });
  it('an address space reuses the addresses of collected storage only when it runs out', () => {
    const s = new AddressSpace(0xffff0000);
    const a = s.addressOf(new Uint8Array(16), false);
    const b = s.addressOf(new Uint8Array(16), false);
    expect(b).toBeGreaterThan(a);
    expect(s.access(a, 1, true).offset).toBe(0);
    expect(() => s.access(0x10, 1, false)).toThrow();
  });
  it('a full address space evicts the least recently used storage instead of raising MemoryError', () => {
    // 64 KiB of address space, 1 KiB buffers: without eviction the 60th mapping fails (storage
    // addressed within one JS job is never collected, so waiting for the garbage collector cannot help)
    const s = new AddressSpace(0xffff0000);
    const keep = new Uint8Array(1024);
    let last = 0;
    for (let i = 0; i < 1000; i++) {
      last = s.addressOf(new Uint8Array(1024), false);
      if (i % 10 === 0) s.addressOf(keep, false); // recently used: stays mapped at one address
    }
    expect(s.access(last + 1023, 1, true).offset).toBe(1023);
    const k = s.addressOf(keep, false);
    expect(s.access(k, 1, false).bytes.buffer).toBe(keep.buffer);
    expect(() => s.addressOf(new Uint8Array(0x20000), false)).toThrow(); // larger than the whole space
  });
  it('storage held for pointers is bounded; an evicted address faults, a remapped buffer keeps its address', () => {
    const s = new AddressSpace(0x3ffe8000, 8 * 1024, 64);
    const first = new Uint8Array(1024);
    const a = s.addressOf(first, false);
    for (let i = 0; i < 40; i++) s.addressOf(new Uint8Array(1024), false);
    expect(() => s.access(a, 1, false)).toThrow(); // evicted: no longer held by the address space
    expect(s.addressOf(first, false)).toBe(a); // its old range is still free
    expect(s.access(a, 1, false).bytes.buffer).toBe(first.buffer);
  });
  it('a viper function fed fresh buffers in a long loop neither leaks them nor runs out of addresses', () => {
    const src = `${V}@micropython.viper
def f(p: ptr8) -> int:
    p[100000] = 7
    return p[100000]
t = 0
for i in range(3500):
    t += f(bytearray(1 << 20))
print(t)
`;
    expect(out(src)).toBe('24500\n');
  });
  it('a ViperTypeError while compiling a script reports its file and line, as a SyntaxError does', () => {
    const r = run(`${V}\n@micropython.viper\ndef f(x: int) -> int:\n    y = 1\n    return x + None\nprint(1)\n`);
    expect(r.status).toBe(1);
    expect(r.out).toBe('Traceback (most recent call last):\n  File "test.py", line 6\n' +
      "ViperTypeError: can't do binary op between 'int' and 'object'\n");
    // a viper generator: MicroPython's emitter raises on the spot, without a traceback
    expect(run(`${V}@micropython.viper\ndef g():\n    yield 1\n`).out).toBe('NotImplementedError: native yield\n');
  });
});
