import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

describe('utf8', () => {
  it('round-trips ASCII, 2-, 3- and 4-byte characters', () => {
    const text = 'a\u00e9\u20ac\u{1f600}z';
    const bytes = encodeUtf8(text);
    expect(Array.from(bytes)).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x7a]);
    expect(decodeUtf8(bytes)).toBe(text);
  });
  it('replaces malformed input with U+FFFD', () => {
    expect(decodeUtf8([0x61, 0xff, 0x62])).toBe('a\ufffdb');
    expect(decodeUtf8([0xe2, 0x82])).toBe('\ufffd');
    expect(decodeUtf8([0xc0, 0x80])).toBe('\ufffd\ufffd');
    expect(decodeUtf8([0xed, 0xa0, 0x80])).toBe('\ufffd');
    expect(encodeUtf8('\ud800')).toEqual(Uint8Array.of(0xef, 0xbf, 0xbd));
  });
  it('decodes long input', () => {
    const long = 'x'.repeat(10000) + '\u00e9';
    expect(decodeUtf8(encodeUtf8(long))).toBe(long);
  });
});
