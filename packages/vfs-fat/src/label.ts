// Volume labels: 11 code page 437 bytes, upper case, in the root directory (and the boot sector).
import { charToCp437, cp437ToChar, upcaseUnit } from './cp437.js';
import { EINVAL, FatError } from './errors.js';

const BAD = '"*+,./:;<=>?[\\]|\x7f';

/**
 * Checks a label and returns it as 11-or-fewer "byte characters" (each char code is the code page 437
 * byte), upper-cased, trailing spaces removed. The empty string means "no label".
 */
export function validateLabel(label: string): string {
  const trimmed = label.replace(/ +$/, '');
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    const b = charToCp437(upcaseUnit(c));
    if (c < 0x20 || b < 0 || BAD.includes(trimmed[i])) throw new FatError(EINVAL, `invalid character in label '${label}'`);
    out += String.fromCharCode(b);
  }
  if (out.length > 11) throw new FatError(EINVAL, 'label longer than 11 characters');
  if (out.charCodeAt(0) === 0xe5) throw new FatError(EINVAL, 'label may not start with 0xE5');
  return out;
}

/** The text of 11 label bytes (trailing spaces removed). */
export function labelToString(raw: Uint8Array, offset: number): string {
  let end = 11;
  while (end > 0 && raw[offset + end - 1] === 0x20) end--;
  let s = '';
  for (let i = 0; i < end; i++) s += cp437ToChar(raw[offset + i]);
  return s;
}
