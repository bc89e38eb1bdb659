// Leaks found by the product's hostile-input fuzz (packages/cli/test/hostile-input.test.ts), one by one:
// each is now a clear Python exception, quickly, where it was a JavaScript error, a hang or minutes of work.
import { describe, expect, it } from 'vitest';
import { raises, lines } from './python.js';

describe('hostile arguments to the u-modules', () => {
  it('constructors check their arguments (no JavaScript undefined reaches __init__)', () => {
    expect(raises('import uio\nuio.IOBase(1)')).toBe('TypeError: IOBase() takes no arguments');
    expect(raises('import framebuf\nframebuf.FrameBuffer()')).toMatch(/^TypeError: .*takes at least 4 arguments \(0 given\)$/);
    expect(raises('import framebuf\nframebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB, sep=1)')).toMatch(/^TypeError: 'sep' is an invalid keyword argument/);
    expect(lines('import uio\nprint(type(uio.IOBase()).__name__)')).toEqual(['IOBase']);
  });

  it('utime.sleep and uselect timeouts: NaN is a ValueError, an endless wait an OverflowError (as CPython)', () => {
    const opts = { virtualClock: true };
    expect(raises('import utime\nutime.sleep(float("nan"))', opts)).toBe('ValueError: Invalid value NaN (not a number)');
    expect(raises('import utime\nutime.sleep(float("inf"))', opts)).toBe('OverflowError: timestamp too large to convert to C _PyTime_t');
    expect(raises('import utime\nutime.sleep(1e300)', opts)).toBe('OverflowError: timestamp too large to convert to C _PyTime_t');
    expect(raises('import uselect\nuselect.poll().poll(float("nan"))', opts)).toBe('ValueError: Invalid value NaN (not a number)');
    expect(raises('import uselect\nlist(uselect.poll().ipoll(float("inf")))', opts)).toBe('OverflowError: timeout is too large');
    expect(raises('import uselect\nuselect.select([], [], [], float("nan"))', opts)).toBe('ValueError: Invalid value NaN (not a number)');
    // the clock still works after a long (finite) sleep
    expect(lines('import utime\nutime.sleep(10**9)\nprint(utime.time_ns() > 0, utime.ticks_ms() >= 0)', opts)).toEqual(['True True']);
  });

  it('huge sizes: MemoryError at once, not gigabytes of work', () => {
    expect(raises('import urandom\nurandom.getrandbits(2**32)')).toBe('MemoryError:');
    expect(raises('import uos\nuos.urandom(2**31)')).toBe('MemoryError:');
    // the biggest int the VM makes is still there, and fast
    expect(lines('import urandom\nurandom.seed(1)\nn = urandom.getrandbits(2**24)\nprint(n.bit_length() <= 2**24, n.bit_length() > 2**24 - 64)')).toEqual(['True True']);
  });

  it('framebuf coordinates are machine words (OverflowError beyond 32 bits, as MicroPython on the ESP8266)', () => {
    const fb = 'import framebuf\nfb = framebuf.FrameBuffer(bytearray(50), 10, 5, framebuf.GS8)\n';
    expect(raises(`${fb}fb.ellipse(5, 2, 3, 2**32, 1)`)).toBe('OverflowError: overflow converting long int to machine word');
    expect(raises(`${fb}fb.line(0, 0, 2**31, 1, 1)`)).toBe('OverflowError: overflow converting long int to machine word');
    expect(lines(`${fb}fb.line(-2**31, 2, 2**31 - 1, 2, 9)\nprint(bytes(fb)[20:30] == bytes([9] * 10))`)).toEqual(['True']);
  });
});
