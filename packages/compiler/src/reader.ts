// Source reader (MicroPython's py/reader.c): turns the input into the single form the lexer expects.
//
// MicroPython reads bytes from a file or a string; we take a JS string (or UTF-8 bytes) and normalise it
// once, up front, so the lexer's hot loop only ever sees '\n' line ends: "\r\n" and a lone "\r" both
// become "\n" (as CPython's and MicroPython's readers do), and a leading UTF-8 BOM is dropped.

/** Source text ready for the lexer. */
export interface Source {
  readonly text: string;
  readonly filename: string;
}

/** Decode UTF-8 bytes to a JS string; returns null if the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  let chunk: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if ((b & 0xe0) === 0xc0) {
      if (i + 1 >= n || (bytes[i + 1] & 0xc0) !== 0x80) return null;
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      if (cp < 0x80) return null;
      i += 2;
    } else if ((b & 0xf0) === 0xe0) {
      if (i + 2 >= n || (bytes[i + 1] & 0xc0) !== 0x80 || (bytes[i + 2] & 0xc0) !== 0x80) return null;
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (cp < 0x800) return null;
      i += 3;
    } else if ((b & 0xf8) === 0xf0) {
      if (i + 3 >= n || (bytes[i + 1] & 0xc0) !== 0x80 || (bytes[i + 2] & 0xc0) !== 0x80 || (bytes[i + 3] & 0xc0) !== 0x80) {
        return null;
      }
      cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return null;
      i += 4;
    } else {
      return null;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Normalise line ends and drop a BOM. */
export function readSource(input: string, filename: string): Source {
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  return { text, filename };
}
