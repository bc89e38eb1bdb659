import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BinasciiError, a2bBase64, b2aBase64, hexlify, unhexlify } from '../index.js';

// Generated once with CPython 3.11: random inputs to binascii.a2b_base64 and their results.
const b64 = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/base64-cpython.json'), 'utf8')) as {
  cases: { in: string; out?: string; error?: string }[];
};
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const str = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('a2b_base64 against CPython (random table)', () => {
  it.each(b64.cases.map((c) => [c.in, c] as const))('%s', (hexIn, c) => {
    const input = Uint8Array.from(Buffer.from(hexIn, 'hex'));
    if (c.error !== undefined) {
      expect(() => a2bBase64(input)).toThrow(BinasciiError);
      expect(() => a2bBase64(input)).toThrow(c.error);
    } else {
      expect(Buffer.from(a2bBase64(input)).toString('hex')).toBe(c.out);
    }
  });
});

describe('base64 round trips (node Buffer as oracle)', () => {
  it('b2a_base64 matches Buffer base64 plus newline', () => {
    for (let n = 0; n < 40; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(str(b2aBase64(data))).toBe(Buffer.from(data).toString('base64') + '\n');
      expect(str(b2aBase64(data, false))).toBe(Buffer.from(data).toString('base64'));
      expect(a2bBase64(b2aBase64(data))).toEqual(data);
    }
  });
  it('conformance cases (extmod/binascii_a2b_base64.py)', () => {
    expect(str(a2bBase64(bytes('Zm\x009v\n')))).toBe('foo');
    expect(str(a2bBase64(bytes('Zm9v===YmFy')))).toBe('foobar');
    for (const bad of ['abc', 'abcde=', 'ab*d', 'ab=cdef=']) expect(() => a2bBase64(bytes(bad))).toThrow(BinasciiError);
  });
});

describe('hexlify / unhexlify', () => {
  it('hexlify, with separators as MicroPython and CPython allow', () => {
    expect(str(hexlify(bytes('\x7f\x80\xff')))).toBe('7f80ff');
    expect(str(hexlify(bytes('123'), bytes(':')))).toBe('31:32:33');
    expect(str(hexlify(bytes(''), bytes(':')))).toBe('');
    expect(str(hexlify(bytes('12345'), bytes('--')))).toBe('31--32--33--34--35');
    // CPython: binascii.hexlify(b'12345', '-', 2) == b'31-3233-3435'; with -2: b'3132-3334-35'
    expect(str(hexlify(bytes('12345'), bytes('-'), 2))).toBe('31-3233-3435');
    expect(str(hexlify(bytes('12345'), bytes('-'), -2))).toBe('3132-3334-35');
  });
  it('unhexlify, with CPython errors', () => {
    expect(str(unhexlify(bytes('313233344142434461626364')))).toBe('1234ABCDabcd');
    expect(str(unhexlify(bytes('7F80fF')))).toBe('\x7f\x80\xff');
    expect(() => unhexlify(bytes('0'))).toThrow('Odd-length string');
    expect(() => unhexlify(bytes('gg'))).toThrow('Non-hexadecimal digit found');
  });
});
