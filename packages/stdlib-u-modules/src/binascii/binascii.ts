// ubinascii engine. Spec 4.1.6 (`ubinascii`): hexlify with a separator (MicroPython extension: any
// separator; CPython's bytes_per_sep also supported), unhexlify, a2b_base64 ignoring invalid characters
// (CPython's non-strict decoder, which RFC 2045 s.6.8 describes), b2a_base64 with the newline flag, crc32.
export { crc32 } from '../zlib/inflate.js';

/** Malformed input (binascii.Error, a ValueError). */
export class BinasciiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BinasciiError';
  }
}

const HEX = '0123456789abcdef';

/**
 * hexlify(data[, sep[, bytes_per_sep]]): `sep` goes between every `bytesPerSep` bytes, counted from
 * the right for positive values and from the left for negative ones (CPython 3.8+).
 */
export function hexlify(data: Uint8Array, sep?: Uint8Array, bytesPerSep = 1): Uint8Array {
  const out: number[] = [];
  const n = data.length;
  const group = Math.abs(bytesPerSep);
  for (let i = 0; i < n; i++) {
    if (sep && sep.length > 0 && i > 0 && group > 0) {
      const boundary = bytesPerSep > 0 ? (n - i) % group === 0 : i % group === 0;
      if (boundary) for (const c of sep) out.push(c);
    }
    out.push(HEX.charCodeAt(data[i] >> 4), HEX.charCodeAt(data[i] & 15));
  }
  return Uint8Array.from(out);
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

export function unhexlify(data: ArrayLike<number>): Uint8Array {
  if (data.length % 2) throw new BinasciiError('Odd-length string');
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexVal(data[2 * i]);
    const lo = hexVal(data[2 * i + 1]);
    if (hi < 0 || lo < 0) throw new BinasciiError('Non-hexadecimal digit found');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_DECODE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_DECODE[B64.charCodeAt(i)] = i;

/** a2b_base64 (CPython non-strict mode): skips characters outside the alphabet, stops after padding. */
export function a2bBase64(data: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  let quadPos = 0;
  let leftchar = 0;
  let pads = 0;
  let dataChars = 0;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i];
    if (ch === 0x3d) {
      // '=': a complete pad sequence ends the input.
      if (quadPos >= 2 && quadPos + ++pads >= 4) {
        quadPos = 0;
        break;
      }
      continue;
    }
    const v = ch < 256 ? B64_DECODE[ch] : -1;
    if (v < 0) continue;
    pads = 0;
    dataChars++;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftchar = v;
        break;
      case 1:
        quadPos = 2;
        out.push((leftchar << 2) | (v >> 4));
        leftchar = v & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out.push((leftchar << 4) | (v >> 2));
        leftchar = v & 0x03;
        break;
      default:
        quadPos = 0;
        out.push((leftchar << 6) | v);
        leftchar = 0;
    }
  }
  if (quadPos === 1) {
    throw new BinasciiError(`Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) throw new BinasciiError('Incorrect padding');
  return Uint8Array.from(out);
}

/** b2a_base64(data, *, newline=True). */
export function b2aBase64(data: Uint8Array, newline = true): Uint8Array {
  const out: number[] = [];
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out.push(B64.charCodeAt(v >> 18), B64.charCodeAt((v >> 12) & 63), B64.charCodeAt((v >> 6) & 63), B64.charCodeAt(v & 63));
  }
  const rest = data.length - i;
  if (rest === 1) {
    const v = data[i] << 16;
    out.push(B64.charCodeAt(v >> 18), B64.charCodeAt((v >> 12) & 63), 0x3d, 0x3d);
  } else if (rest === 2) {
    const v = (data[i] << 16) | (data[i + 1] << 8);
    out.push(B64.charCodeAt(v >> 18), B64.charCodeAt((v >> 12) & 63), B64.charCodeAt((v >> 6) & 63), 0x3d);
  }
  if (newline) out.push(0x0a);
  return Uint8Array.from(out);
}
