// File names on FAT: validation of long names, 8.3 short-name generation (with `~N` numeric tails and the
// Windows NT lower-case flags), long-name (VFAT) entry encoding and the short-name checksum.
import { charToCp437, cp437ToChar, upcaseUnit } from './cp437.js';
import { EINVAL, FatError } from './errors.js';

/** DIR_NTres bits: the body / extension of the short name is to be shown in lower case. */
export const NT_LOWER_BODY = 0x08;
export const NT_LOWER_EXT = 0x10;

/** Longest long name, in UTF-16 units. */
export const MAX_LFN = 255;

const ILLEGAL_LONG = '"*:<>?|\x7f';
const ILLEGAL_SHORT = '+,;=[]';

/**
 * Checks one path component as a long name and returns it as stored: trailing spaces and dots removed
 * (as Windows and FatFs do). Throws EINVAL for an empty or over-long name or a forbidden character.
 */
export function validateName(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === ' ' || name[end - 1] === '.')) end--;
  const stored = name.slice(0, end);
  if (stored.length === 0) throw new FatError(EINVAL, `invalid file name '${name}'`);
  if (stored.length > MAX_LFN) throw new FatError(EINVAL, `file name longer than ${MAX_LFN} characters`);
  for (let i = 0; i < stored.length; i++) {
    const c = stored.charCodeAt(i);
    if (c < 0x20 || ILLEGAL_LONG.includes(stored[i]) || c === 0x2f || c === 0x5c) {
      throw new FatError(EINVAL, `invalid character in file name '${name}'`);
    }
  }
  return stored;
}

export interface ShortName {
  /** The 11 bytes of the directory entry's name field (space padded, code page 437). */
  bytes: Uint8Array;
  /** The name could not be represented exactly: it needs a numeric tail and a long name. */
  lossy: boolean;
  /** A long-name entry is needed (lossy, mixed case, or characters beyond ASCII). */
  needsLfn: boolean;
  /** DIR_NTres lower-case flags, when no long name is needed. */
  ntFlags: number;
}

/** The 8.3 name FAT stores for a (validated) long name, before any numeric tail. */
export function makeShortName(name: string): ShortName {
  const bytes = new Uint8Array(11).fill(0x20);
  let lossy = false;
  let needsLfn = false;
  let si = 0;
  while (si < name.length && (name[si] === ' ' || name[si] === '.')) si++;
  if (si > 0) lossy = true;
  let dot = name.lastIndexOf('.');
  if (dot < si) dot = -1;
  const bodyEnd = dot >= 0 ? dot : name.length;
  const caseBits = [0, 0]; // per part: 1 = has lower, 2 = has upper

  const fill = (from: number, to: number, start: number, max: number, part: number): void => {
    let n = 0;
    for (let i = from; i < to; i++) {
      let c = name.charCodeAt(i);
      if (c === 0x20 || c === 0x2e) {
        lossy = true;
        continue;
      }
      if (n === max) {
        lossy = true;
        break;
      }
      if (c >= 0x80) {
        needsLfn = true;
        const b = charToCp437(upcaseUnit(c));
        if (b >= 0) {
          c = b;
        } else {
          // No upper case in the code page: fall back to the bare letter (ï -> I), as FatFs's
          // table does, and count it as lossy (so the short name gets a numeric tail).
          lossy = true;
          const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
          c = base < 0x80 && /[A-Za-z0-9]/.test(String.fromCharCode(base)) ? upcaseUnit(base) : 0x5f;
        }
      } else if (ILLEGAL_SHORT.includes(name[i])) {
        lossy = true;
        c = 0x5f;
      } else if (c >= 0x61 && c <= 0x7a) {
        caseBits[part] |= 1;
        c -= 0x20;
      } else if (c >= 0x41 && c <= 0x5a) {
        caseBits[part] |= 2;
      }
      bytes[start + n++] = c;
    }
  };
  fill(si, bodyEnd, 0, 8, 0);
  if (dot >= 0) fill(dot + 1, name.length, 8, 3, 1);
  if (bytes[0] === 0x20) {
    bytes[0] = 0x5f;
    lossy = true;
  }
  if (bytes[0] === 0xe5) bytes[0] = 0x05;
  if (lossy || caseBits[0] === 3 || caseBits[1] === 3) needsLfn = true;
  let ntFlags = 0;
  if (!needsLfn) {
    if (caseBits[0] === 1) ntFlags |= NT_LOWER_BODY;
    if (caseBits[1] === 1) ntFlags |= NT_LOWER_EXT;
  }
  return { bytes, lossy, needsLfn, ntFlags };
}

function hash16(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 16)) & 0xffff;
}

/**
 * The `seq`-th candidate short name with a numeric tail: `NAME~1.EXT` .. `NAME~5.EXT` (as FatFs), then
 * names with a hash of the long name (`NA3F2C~1.EXT`) so that many similar names do not collide for long.
 */
export function numberedShortName(base: Uint8Array, longName: string, seq: number): Uint8Array {
  let tail: string;
  let keep: number;
  if (seq < 6) {
    tail = `~${seq}`;
    keep = 8 - tail.length;
  } else {
    const h = (hash16(longName) + Math.imul(seq - 6, 0x9e37)) & 0xffff;
    tail = h.toString(16).toUpperCase().padStart(4, '0') + `~${1 + ((seq - 6) >>> 16)}`;
    keep = Math.max(1, 8 - tail.length);
  }
  const out = new Uint8Array(11).fill(0x20);
  out.set(base.subarray(8, 11), 8);
  let n = 0;
  while (n < keep && base[n] !== 0x20) {
    out[n] = base[n];
    n++;
  }
  for (let i = 0; i < tail.length && n < 8; i++) out[n++] = tail.charCodeAt(i);
  return out;
}

/** The checksum of a short name that every long-name entry of the same file carries. */
export function shortNameChecksum(name: Uint8Array, offset = 0): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum = (((sum & 1) << 7) + (sum >> 1) + name[offset + i]) & 0xff;
  return sum;
}

/** A short name as text (`README.TXT`, or `readme.txt` with the NT lower-case flags). */
export function shortNameToString(raw: Uint8Array, offset: number, ntFlags: number): string {
  let out = '';
  const part = (from: number, to: number, lower: boolean): string => {
    let end = to;
    while (end > from && raw[offset + end - 1] === 0x20) end--;
    let s = '';
    for (let i = from; i < end; i++) {
      let b = raw[offset + i];
      if (i === 0 && b === 0x05) b = 0xe5;
      if (lower && b >= 0x41 && b <= 0x5a) b += 0x20;
      s += cp437ToChar(b);
    }
    return s;
  };
  out = part(0, 8, (ntFlags & NT_LOWER_BODY) !== 0);
  const ext = part(8, 11, (ntFlags & NT_LOWER_EXT) !== 0);
  return ext ? `${out}.${ext}` : out;
}

/** The 11 short-name bytes as a string key (for sets of names in use). */
export function shortNameKey(raw: Uint8Array, offset = 0): string {
  let s = '';
  for (let i = 0; i < 11; i++) s += String.fromCharCode(raw[offset + i]);
  return s;
}

/** Bytes 2..7 of a short name as one number (the part numeric tails change). */
export function shortNameMiddle(raw: Uint8Array, offset = 0): number {
  let v = 0;
  for (let i = 2; i < 8; i++) v = v * 256 + raw[offset + i];
  return v;
}

/** Offsets of the 13 UTF-16 characters inside a long-name entry. */
export const LFN_CHAR_OFFSETS = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];
export const ATTR_LONG_NAME = 0x0f;
export const LAST_LONG_ENTRY = 0x40;

/** The long-name entries of `name`, in the order they are stored (last part first). */
export function encodeLongName(name: string, checksum: number): Uint8Array[] {
  const count = Math.ceil(name.length / 13);
  const entries: Uint8Array[] = [];
  for (let k = count; k >= 1; k--) {
    const e = new Uint8Array(32);
    e[0] = k | (k === count ? LAST_LONG_ENTRY : 0);
    e[11] = ATTR_LONG_NAME;
    e[13] = checksum;
    for (let j = 0; j < 13; j++) {
      const i = (k - 1) * 13 + j;
      const code = i < name.length ? name.charCodeAt(i) : i === name.length ? 0 : 0xffff;
      e[LFN_CHAR_OFFSETS[j]] = code & 0xff;
      e[LFN_CHAR_OFFSETS[j] + 1] = code >> 8;
    }
    entries.push(e);
  }
  return entries;
}

/** How many directory entries a file with this name takes (long-name entries plus the short entry). */
export function entriesForName(name: string, short: ShortName): number {
  return short.needsLfn ? Math.ceil(name.length / 13) + 1 : 1;
}
