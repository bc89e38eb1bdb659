// Code page 437, the OEM code page of short (8.3) names on MicroPython's FAT (MICROPY_FATFS_LFN_CODE_PAGE 437).
// Long names are UTF-16 on disk; short names are bytes in this code page.

/** Unicode of bytes 0x80..0xFF. */
const HIGH =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
  '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192' +
  '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
  '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510' +
  '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567' +
  '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580' +
  '\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229' +
  '\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0';

const toUnicode = new Uint16Array(256);
const fromUnicode = new Map<number, number>();
for (let b = 0; b < 128; b++) toUnicode[b] = b;
for (let i = 0; i < 128; i++) {
  const u = HIGH.charCodeAt(i);
  toUnicode[0x80 + i] = u;
  fromUnicode.set(u, 0x80 + i);
}

/** The character a short-name byte stands for. */
export function cp437ToChar(byte: number): string {
  return String.fromCharCode(toUnicode[byte]);
}

/** The code page 437 byte for a UTF-16 code unit, or -1 when the code page has no such character. */
export function charToCp437(code: number): number {
  if (code < 0x80) return code;
  return fromUnicode.get(code) ?? -1;
}

let upper: Uint16Array | undefined;

/** Upper case of one UTF-16 code unit (a character whose upper case is longer stays as it is). */
export function upcaseUnit(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
  if (!upper) {
    upper = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) {
        upper[c] = c;
        continue;
      }
      const u = String.fromCharCode(c).toUpperCase();
      upper[c] = u.length === 1 ? u.charCodeAt(0) : c;
    }
  }
  return upper[code];
}

/** A name folded for case-insensitive comparison, the way FAT compares long names. */
export function foldName(name: string): string {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return name.toUpperCase();
  let out = '';
  for (let i = 0; i < name.length; i++) out += String.fromCharCode(upcaseUnit(name.charCodeAt(i)));
  return out;
}
