// Text encodings for str.encode, bytes.decode, str(b, enc), bytes(s, enc) (CPython Objects/unicodeobject.c,
// Python/codecs.c): utf-8 (the only one MicroPython has), utf-8-sig, ascii, latin-1, utf-16 and utf-32 with their
// byte-order variants, and the error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace,
// surrogateescape and surrogatepass, with CPython's UnicodeEncodeError/UnicodeDecodeError messages.
import { unicodeName } from '@mpy-ts/compiler';
import * as T from '../types.js';
import { newException, type PyBaseException } from './exceptions.js';
import { PyBytes } from './bytes.js';
import { platform, unitsToString } from './unicode.js';

/** A codec name normalised as CPython's encodings.search_function does, mapped to one of ours. */
export function codecName(name: string): string | null {
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  switch (n) {
    case 'utf_8': case 'utf8': case 'u8': case 'utf': case 'utf8_ucs2': case 'utf8_ucs4': case 'cp65001':
      return 'utf-8';
    case 'ascii': case 'us_ascii': case '646': case 'us': case 'ansi_x3.4_1968': case 'iso646_us':
      return 'ascii';
    case 'latin_1': case 'latin1': case 'latin': case 'l1': case 'iso_8859_1': case 'iso8859_1': case '8859': case 'cp819': case 'iso_ir_100':
      return 'latin-1';
    case 'utf_8_sig': return 'utf-8-sig';
    case 'utf_16': case 'utf16': case 'u16': return 'utf-16';
    case 'utf_16_le': case 'utf_16le': return 'utf-16-le';
    case 'utf_16_be': case 'utf_16be': return 'utf-16-be';
    case 'utf_32': case 'utf32': case 'u32': return 'utf-32';
    case 'utf_32_le': case 'utf_32le': return 'utf-32-le';
    case 'utf_32_be': case 'utf_32be': return 'utf-32-be';
    default: return null;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function lookupError(enc: string): PyBaseException {
  return newException(T.lookupErrorType, `unknown encoding: ${enc}`);
}

function handlerError(errors: string): PyBaseException {
  return newException(T.lookupErrorType, `unknown error handler name '${errors}'`);
}

const HANDLERS = new Set(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass', 'namereplace']);

/** The escape CPython shows for a code point in messages and backslashreplace: \xNN, \uNNNN, \UNNNNNNNN. */
function escapeCp(c: number): string {
  if (c < 0x100) return '\\x' + c.toString(16).padStart(2, '0');
  if (c < 0x10000) return '\\u' + c.toString(16).padStart(4, '0');
  return '\\U' + c.toString(16).padStart(8, '0');
}

function encodeError(enc: string, cps: number[], start: number, end: number, reason: string): PyBaseException {
  let text = '';
  for (let k = 0; k < cps.length; k += 4096) text += String.fromCodePoint(...cps.slice(k, k + 4096));
  return newException(T.unicodeEncodeErrorType, enc, text, start, end, reason);
}

function decodeError(enc: string, b: Uint8Array, start: number, end: number, reason: string): PyBaseException {
  return newException(T.unicodeDecodeErrorType, enc, new PyBytes(b.slice()), start, end, reason);
}

function toCodePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Bytes for unencodable code points cps[start..end) per a replacing handler ('strict' throws). */
function encodeReplacement(enc: string, cps: number[], start: number, end: number, errors: string, reason: string, out: number[]): void {
  switch (errors) {
    case 'ignore':
      return;
    case 'replace':
      for (let k = start; k < end; k++) out.push(0x3f);
      return;
    case 'backslashreplace':
      for (let k = start; k < end; k++) for (const ch of escapeCp(cps[k])) out.push(ch.charCodeAt(0));
      return;
    case 'xmlcharrefreplace':
      for (let k = start; k < end; k++) for (const ch of `&#${cps[k]};`) out.push(ch.charCodeAt(0));
      return;
    case 'surrogateescape':
      for (let k = start; k < end; k++) {
        const c = cps[k];
        if (c < 0xdc80 || c > 0xdcff) throw encodeError(enc, cps, k, k + 1, reason);
        out.push(c - 0xdc00);
      }
      return;
    case 'namereplace':
      for (let k = start; k < end; k++) {
        const name = unicodeName(cps[k]);
        for (const ch of name === undefined ? escapeCp(cps[k]) : `\\N{${name}}`) out.push(ch.charCodeAt(0));
      }
      return;
    default:
      throw encodeError(enc, cps, start, end, reason);
  }
}

const textEncoder = platform.TextEncoder !== undefined ? new platform.TextEncoder() : null;
const textDecoder = platform.TextDecoder !== undefined ? new platform.TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * UTF-8 of a string without lone surrogates, or null when it has one (the caller's general path then
 * applies the error handler). Long strings go through the platform's TextEncoder (native, several times
 * faster than a JS loop past a few dozen characters); short ones through one pass into a worst-case buffer.
 */
function encodeUtf8Strict(s: string): Uint8Array | null {
  const n = s.length;
  if (n > 32 && textEncoder !== null) {
    const wellFormed = hasIsWellFormed ? (s as string & { isWellFormed(): boolean }).isWellFormed() : !LONE_SURROGATE.test(s);
    return wellFormed ? textEncoder.encode(s) : null;
  }
  const buf = new Uint8Array(n * 3);
  let o = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[o++] = c;
    } else if (c < 0x800) {
      buf[o++] = 0xc0 | (c >> 6);
      buf[o++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xe000) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || (d & 0xfc00) !== 0xdc00) return null;
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
      buf[o++] = 0xf0 | (c >> 18);
      buf[o++] = 0x80 | ((c >> 12) & 63);
      buf[o++] = 0x80 | ((c >> 6) & 63);
      buf[o++] = 0x80 | (c & 63);
    } else {
      buf[o++] = 0xe0 | (c >> 12);
      buf[o++] = 0x80 | ((c >> 6) & 63);
      buf[o++] = 0x80 | (c & 63);
    }
  }
  return o === buf.length ? buf : buf.slice(0, o);
}

/** str -> bytes. `encoding` and `errors` as given to str.encode (already str values). */
export function encodeText(s: string, encoding: string, errors: string): Uint8Array {
  const enc = codecName(encoding);
  if (enc === null) throw lookupError(encoding);
  if (enc === 'utf-8-sig') {
    // a byte order mark, then UTF-8 (CPython's encodings.utf_8_sig)
    const body = encodeText(s, 'utf-8', errors);
    const out = new Uint8Array(body.length + 3);
    out.set(UTF8_BOM);
    out.set(body, 3);
    return out;
  }
  if (!HANDLERS.has(errors)) {
    // the handler is only looked up when needed; ASCII text never needs one
    if (!/^[\x00-\x7f]*$/.test(s)) throw handlerError(errors);
  }
  if (enc === 'utf-8') {
    const fast = encodeUtf8Strict(s);
    if (fast !== null) return fast;
  }
  const cps = toCodePoints(s);
  const out: number[] = [];
  if (enc === 'utf-8') {
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c >= 0xd800 && c < 0xe000) {
        if (errors !== 'surrogatepass') {
          let j = i + 1;
          while (j < cps.length && cps[j] >= 0xd800 && cps[j] < 0xe000) j++;
          if (errors === 'strict') throw encodeError('utf-8', cps, i, j, 'surrogates not allowed');
          encodeReplacement('utf-8', cps, i, j, errors, 'surrogates not allowed', out);
          i = j - 1;
          continue;
        }
      }
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
  }
  if (enc === 'ascii' || enc === 'latin-1') {
    const lim = enc === 'ascii' ? 0x80 : 0x100;
    const reason = `ordinal not in range(${lim})`;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c < lim) {
        out.push(c);
        continue;
      }
      let j = i + 1;
      while (j < cps.length && cps[j] >= lim) j++;
      encodeReplacement(enc, cps, i, j, errors, reason, out);
      i = j - 1;
    }
    return Uint8Array.from(out);
  }
  // utf-16 / utf-32: a BOM (little-endian, as CPython on this platform) unless the byte order is given
  const wide = enc.startsWith('utf-32');
  const big = enc.endsWith('-be');
  const unit = (v: number) => {
    if (wide) {
      if (big) out.push((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255);
      else out.push(v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255);
    } else if (big) out.push((v >> 8) & 255, v & 255);
    else out.push(v & 255, (v >> 8) & 255);
  };
  if (enc === 'utf-16' || enc === 'utf-32') unit(0xfeff);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c >= 0xd800 && c < 0xe000 && errors !== 'surrogatepass') {
      let j = i + 1;
      while (j < cps.length && cps[j] >= 0xd800 && cps[j] < 0xe000) j++;
      const tmp: number[] = [];
      encodeReplacement(enc, cps, i, j, errors, 'surrogates not allowed', tmp);
      for (const b of tmp) unit(b);
      i = j - 1;
      continue;
    }
    if (!wide && c >= 0x10000) {
      unit(0xd800 + ((c - 0x10000) >> 10));
      unit(0xdc00 + ((c - 0x10000) & 0x3ff));
    } else unit(c);
  }
  return Uint8Array.from(out);
}

/** Text for undecodable bytes b[start..end) per a handler ('strict' throws). */
function decodeReplacement(enc: string, b: Uint8Array, start: number, end: number, errors: string, reason: string): string {
  switch (errors) {
    case 'ignore':
      return '';
    case 'replace':
      return '\ufffd';
    case 'backslashreplace': {
      let s = '';
      for (let k = start; k < end; k++) s += '\\x' + b[k].toString(16).padStart(2, '0');
      return s;
    }
    case 'surrogateescape': {
      let s = '';
      for (let k = start; k < end; k++) {
        if (b[k] < 0x80) throw decodeError(enc, b, start, end, reason);
        s += String.fromCharCode(0xdc00 + b[k]);
      }
      return s;
    }
    default:
      throw decodeError(enc, b, start, end, reason);
  }
}

/**
 * UTF-8 decoding as CPython: each maximal invalid subsequence is one error ("invalid start byte",
 * "invalid continuation byte", or "unexpected end of data" for a truncated sequence at the end).
 */
function decodeUtf8(b: Uint8Array, errors: string): string {
  if (textDecoder !== null) {
    // valid UTF-8 decodes the same under every error handler: the platform decoder (strict, keeps a
    // leading BOM) handles it; on invalid input (or a buffer it refuses) the exact path below reports
    try {
      return textDecoder.decode(b);
    } catch {
      // fall through
    }
  }
  const n = b.length;
  // UTF-16 units never outnumber the bytes, except for backslashreplace (4 characters per byte)
  const u = new Uint16Array(errors === 'backslashreplace' ? n * 4 : n);
  let len = 0;
  let i = 0;
  const put = (text: string) => {
    for (let k = 0; k < text.length; k++) u[len++] = text.charCodeAt(k);
  };
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      u[len++] = c;
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed && errors !== 'surrogatepass') hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else {
      put(decodeReplacement('utf-8', b, i, i + 1, errors, 'invalid start byte'));
      i++;
      continue;
    }
    // how many continuation bytes are valid (the second byte has the narrowed range)
    let k = 1;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = true;
    for (; k <= need; k++) {
      if (i + k >= n) {
        ok = false;
        break;
      }
      const d = b[i + k];
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (d & 0x3f);
    }
    if (!ok) {
      const truncated = i + k >= n;
      put(decodeReplacement('utf-8', b, i, i + k, errors, truncated ? 'unexpected end of data' : 'invalid continuation byte'));
      i += k;
      continue;
    }
    if (cp >= 0x10000) {
      u[len++] = 0xd800 + ((cp - 0x10000) >> 10);
      u[len++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else u[len++] = cp;
    i += need + 1;
  }
  // error handlers may have produced lone surrogates (surrogateescape, surrogatepass)
  return unitsToString(u, len, true);
}

function latinChunk(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 8192)));
  return s;
}

/** bytes -> str. */
export function decodeText(b: Uint8Array, encoding: string, errors: string): string {
  const enc = codecName(encoding);
  if (enc === null) throw lookupError(encoding);
  if (enc === 'utf-8-sig') {
    // one leading byte order mark is dropped; error positions count from after it, as CPython's
    const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    return decodeText(bom ? b.subarray(3) : b, 'utf-8', errors);
  }
  if (!HANDLERS.has(errors) && errors !== 'strict') {
    let ascii = true;
    for (const c of b) if (c >= 0x80) ascii = false;
    if (!ascii || enc.startsWith('utf-16') || enc.startsWith('utf-32')) throw handlerError(errors);
  }
  if (enc === 'utf-8') return decodeUtf8(b, errors);
  if (enc === 'latin-1') return latinChunk(b, 0, b.length);
  if (enc === 'ascii') {
    let s = '';
    let start = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] >= 0x80) {
        s += latinChunk(b, start, i) + decodeReplacement('ascii', b, i, i + 1, errors, 'ordinal not in range(128)');
        start = i + 1;
      }
    }
    return s + latinChunk(b, start, b.length);
  }
  // utf-16 / utf-32
  const wide = enc.startsWith('utf-32');
  const size = wide ? 4 : 2;
  let big = enc.endsWith('-be');
  let i = 0;
  if (enc === 'utf-16' || enc === 'utf-32') {
    if (wide && b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) i = 4;
    else if (wide && b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
      i = 4;
      big = true;
    } else if (!wide && b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) i = 2;
    else if (!wide && b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      i = 2;
      big = true;
    }
  }
  const name = enc;
  const read = (k: number): number => {
    if (wide) return big ? ((b[k] << 24) | (b[k + 1] << 16) | (b[k + 2] << 8) | b[k + 3]) >>> 0 : ((b[k + 3] << 24) | (b[k + 2] << 16) | (b[k + 1] << 8) | b[k]) >>> 0;
    return big ? (b[k] << 8) | b[k + 1] : (b[k + 1] << 8) | b[k];
  };
  let s = '';
  while (i < b.length) {
    if (i + size > b.length) {
      s += decodeReplacement(name, b, i, b.length, errors, 'truncated data');
      break;
    }
    const u = read(i);
    if (wide) {
      if (u > 0x10ffff || (u >= 0xd800 && u < 0xe000 && errors !== 'surrogatepass')) {
        s += decodeReplacement(name, b, i, i + 4, errors, u > 0x10ffff ? 'code point not in range(0x110000)' : 'code point in surrogate code point range(0xd800, 0xe000)');
      } else s += String.fromCodePoint(u);
      i += 4;
      continue;
    }
    if (u >= 0xd800 && u < 0xdc00) {
      if (i + 4 > b.length) {
        s += decodeReplacement(name, b, i, b.length, errors, 'unexpected end of data');
        break;
      }
      const u2 = read(i + 2);
      if (u2 >= 0xdc00 && u2 < 0xe000) {
        s += String.fromCharCode(u, u2);
        i += 4;
        continue;
      }
      s += decodeReplacement(name, b, i, i + 2, errors, 'illegal UTF-16 surrogate');
      i += 2;
      continue;
    }
    if (u >= 0xdc00 && u < 0xe000) {
      s += decodeReplacement(name, b, i, i + 2, errors, 'illegal encoding');
      i += 2;
      continue;
    }
    s += String.fromCharCode(u);
    i += 2;
  }
  return s;
}
