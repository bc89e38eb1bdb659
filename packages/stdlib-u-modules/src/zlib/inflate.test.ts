import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FORMAT_GZIP, FORMAT_RAW, FORMAT_ZLIB, InflateError, Inflater, crc32, decompress } from '../index.js';

/** Deterministic pseudo-random bytes with some repetition, so the compressor finds matches. */
function sample(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = i > 40 && x % 3 === 0 ? out[i - 1 - (x % 40)] : x % 7 === 0 ? x & 0xff : 0x61 + (x % 5);
  }
  return out;
}

const u8 = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

describe('inflate against node:zlib', () => {
  const sizes = [0, 1, 100, 5000, 70000];
  const levels = [0, 1, 6, 9];
  for (const n of sizes) {
    for (const level of levels) {
      it(`round-trips ${n} bytes at level ${level} in every framing`, () => {
        const data = sample(n + level, n);
        const opts = { level };
        expect(decompress(u8(zlib.deflateSync(data, opts)))).toEqual(data);
        expect(decompress(u8(zlib.deflateSync(data, opts)), 15)).toEqual(data);
        expect(decompress(u8(zlib.deflateRawSync(data, opts)), -15)).toEqual(data);
        expect(decompress(u8(zlib.gzipSync(data, opts)), 31)).toEqual(data);
        expect(decompress(u8(zlib.gzipSync(data, opts)), 47)).toEqual(data);
        expect(decompress(u8(zlib.deflateSync(data, opts)), 47)).toEqual(data);
      });
    }
  }
  it('handles fixed-Huffman blocks and small windows', () => {
    const data = sample(7, 3000);
    expect(decompress(u8(zlib.deflateSync(data, { strategy: zlib.constants.Z_FIXED })))).toEqual(data);
    expect(decompress(u8(zlib.deflateSync(data, { windowBits: 9 })), 9)).toEqual(data);
    expect(decompress(u8(zlib.deflateRawSync(data, { windowBits: 9 })), -9)).toEqual(data);
  });
  it('refuses a stream whose window is larger than wbits allows', () => {
    const data = sample(1, 100);
    expect(() => decompress(u8(zlib.deflateSync(data)), 9)).toThrow('invalid window size');
  });
  it('streams in small pieces from a one-byte-at-a-time source', () => {
    const data = sample(3, 20000);
    const comp = u8(zlib.gzipSync(data));
    let at = 0;
    const inf = new Inflater(() => (at < comp.length ? comp.subarray(at, ++at) : null), FORMAT_GZIP);
    const parts: number[] = [];
    for (;;) {
      const chunk = inf.read(37);
      if (chunk.length === 0) break;
      parts.push(...chunk);
    }
    expect(Uint8Array.from(parts)).toEqual(data);
    expect(inf.done).toBe(true);
    expect(at).toBe(comp.length); // read no further than the stream
  });
  it('ignores trailing bytes and reports them as unused input', () => {
    const comp = u8(zlib.deflateSync(Buffer.from('hello')));
    const withJunk = Uint8Array.from([...comp, 1, 2, 3]);
    let given = false;
    const inf = new Inflater(() => (given ? null : ((given = true), withJunk)), FORMAT_ZLIB);
    expect(new TextDecoder().decode(inf.read())).toBe('hello');
    expect(Array.from(inf.unusedInput())).toEqual([1, 2, 3]);
  });
  it('parses gzip headers with extra, name, comment and header CRC', () => {
    const body = u8(zlib.deflateRawSync(Buffer.from('payload')));
    const trailer = new Uint8Array(8);
    new DataView(trailer.buffer).setUint32(0, crc32(Buffer.from('payload')), true);
    new DataView(trailer.buffer).setUint32(4, 7, true);
    const header = [0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 2, 0, 0xaa, 0xbb, ...Buffer.from('name\0'), ...Buffer.from('comment\0'), 0x12, 0x34];
    const gz = Uint8Array.from([...header, ...body, ...trailer]);
    expect(Buffer.from(decompress(gz, 31)).toString()).toBe('payload');
  });
});

describe('inflate errors (CPython zlib messages)', () => {
  const comp = u8(zlib.deflateSync(Buffer.from('x')));
  const err = (fn: () => unknown): InflateError => {
    try {
      fn();
    } catch (e) {
      return e as InflateError;
    }
    throw new Error('no error');
  };
  it('truncated stream', () => {
    const e = err(() => decompress(comp.subarray(0, comp.length - 1)));
    expect(e).toBeInstanceOf(InflateError);
    expect([e.code, e.message]).toEqual([-5, 'incomplete or truncated stream']);
  });
  it('bad checksum', () => {
    const bad = Uint8Array.from(comp);
    bad[bad.length - 1] ^= 1;
    expect(err(() => decompress(bad)).message).toBe('incorrect data check');
  });
  it('bad header', () => {
    expect(err(() => decompress(Uint8Array.from([0x61, 0x62, 0x63]))).message).toBe('incorrect header check');
  });
  it('invalid block type', () => {
    expect(err(() => decompress(Uint8Array.from([0x07]), -15)).message).toBe('invalid block type');
  });
  it('bad wbits', () => {
    expect(err(() => decompress(comp, 3)).code).toBe(-2);
  });
  it('raw streams have no header', () => {
    expect(Buffer.from(decompress(u8(zlib.deflateRawSync(Buffer.from('raw'))), -8)).toString()).toBe('raw');
    void FORMAT_RAW;
  });
});

describe('crc32 (binascii.crc32 / zlib.crc32)', () => {
  it('matches node:zlib', () => {
    for (const n of [0, 1, 31, 1000]) {
      const d = sample(n, n);
      expect(crc32(d)).toBe(zlib.crc32(d));
      expect(crc32(d.subarray(n >> 1), crc32(d.subarray(0, n >> 1)))).toBe(zlib.crc32(d));
    }
  });
  it('matches the conformance expectations (extmod/binascii_crc32.py)', () => {
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog')).toString(16)).toBe('414fa339');
    expect(crc32(new Uint8Array(32)).toString(16)).toBe('190a55ad');
    expect(crc32(new Uint8Array(32).fill(0xff)).toString(16)).toBe('ff6cab0b');
  });
});
