// UTF-8 conversion without TextEncoder/TextDecoder (core packages use no host globals).

/** Encodes a JavaScript string as UTF-8 (lone surrogates become U+FFFD). */
export function encodeUtf8(text: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Decodes UTF-8 bytes; each malformed sequence becomes one U+FFFD. */
export function decodeUtf8(bytes: ArrayLike<number>): string {
  let out = '';
  let chunk: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xc2 && b <= 0xf4) {
      const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
      let v = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
      let k = 1;
      while (k <= need && i + k < n && (bytes[i + k] & 0xc0) === 0x80) {
        v = (v << 6) | (bytes[i + k] & 0x3f);
        k++;
      }
      const complete = k > need;
      const overlong = (need === 2 && v < 0x800) || (need === 3 && v < 0x10000);
      const invalid = v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff);
      if (complete && !overlong && !invalid) {
        cp = v;
        len = need + 1;
      } else {
        len = k;
      }
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length >= 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
    i += len;
  }
  return out + String.fromCharCode(...chunk);
}
