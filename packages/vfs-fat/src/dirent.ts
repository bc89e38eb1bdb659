// Directory entries: the 32-byte short entry, and reading a directory's entries with their long names.
import { rd16, rd32, wr16, wr32 } from './layout.js';
import { ATTR_LONG_NAME, LAST_LONG_ENTRY, LFN_CHAR_OFFSETS, shortNameChecksum, shortNameToString } from './names.js';

export const ATTR_READ_ONLY = 0x01;
export const ATTR_HIDDEN = 0x02;
export const ATTR_SYSTEM = 0x04;
export const ATTR_VOLUME_ID = 0x08;
export const ATTR_DIRECTORY = 0x10;
export const ATTR_ARCHIVE = 0x20;

export const DELETED = 0xe5;
export const ENTRY_SIZE = 32;

// Offsets inside a short entry.
export const DIR_NAME = 0;
export const DIR_ATTR = 11;
export const DIR_NTRES = 12;
export const DIR_CRT_TENTH = 13;
export const DIR_CRT_TIME = 14;
export const DIR_CRT_DATE = 16;
export const DIR_ACC_DATE = 18;
export const DIR_CLUS_HI = 20;
export const DIR_WRT_TIME = 22;
export const DIR_WRT_DATE = 24;
export const DIR_CLUS_LO = 26;
export const DIR_SIZE = 28;

/** One file or directory as read from its directory. */
export interface DirEntry {
  /** The name to show: the long name, or the short name with the NT case flags applied. */
  name: string;
  /** The long name, when a valid one precedes the short entry. */
  longName: string | null;
  /** The 11 bytes of the short name. */
  shortName: Uint8Array;
  attr: number;
  ntRes: number;
  cluster: number;
  size: number;
  crtDate: number;
  crtTime: number;
  accDate: number;
  wrtDate: number;
  wrtTime: number;
  /** Index (in 32-byte entries) of the short entry, and of the first long-name entry (= index if none). */
  index: number;
  first: number;
  /** Absolute sector and byte offset of the short entry. */
  sector: number;
  offset: number;
}

export function isDirectory(e: { attr: number }): boolean {
  return (e.attr & ATTR_DIRECTORY) !== 0;
}

export function entryCluster(b: Uint8Array, o: number): number {
  return (rd16(b, o + DIR_CLUS_LO) | (rd16(b, o + DIR_CLUS_HI) << 16)) >>> 0;
}

export function setEntryCluster(b: Uint8Array, o: number, cluster: number, fat32: boolean): void {
  wr16(b, o + DIR_CLUS_LO, cluster & 0xffff);
  wr16(b, o + DIR_CLUS_HI, fat32 ? cluster >>> 16 : 0);
}

export function setEntrySize(b: Uint8Array, o: number, size: number): void {
  wr32(b, o + DIR_SIZE, size);
}

/**
 * Walks directory entries in order, assembling long names (checked against the short name's checksum
 * and the sequence numbers, as FatFs does; a broken long name is ignored and the short name is used).
 */
export class EntryParser {
  private parts: string[] = [];
  private expect = 0; // next sequence number expected, 0 = none pending
  private sum = -1;
  private first = -1;

  reset(): void {
    this.expect = 0;
    this.sum = -1;
  }

  /**
   * Feeds the entry at `data[o..o+32)`, index `index`. Returns a DirEntry for a short entry
   * (volume labels and `.`/`..` included: callers filter), or null.
   */
  feed(data: Uint8Array, o: number, index: number, sector: number): DirEntry | null {
    const b0 = data[o];
    const attr = data[o + DIR_ATTR];
    if (b0 === DELETED) {
      this.reset();
      return null;
    }
    if ((attr & 0x3f) === ATTR_LONG_NAME) {
      const seq = b0 & 0x3f;
      const valid = seq >= 1 && seq <= 20 && rd16(data, o + 26) === 0;
      if (valid && b0 & LAST_LONG_ENTRY) {
        this.parts = new Array<string>(seq);
        this.sum = data[o + 13];
        this.first = index;
        this.parts[seq - 1] = lfnChars(data, o);
        this.expect = seq - 1;
        if (this.expect === 0) this.expect = -1; // complete: a short entry must follow
      } else if (valid && this.expect > 0 && seq === this.expect && data[o + 13] === this.sum) {
        this.parts[seq - 1] = lfnChars(data, o);
        this.expect = seq - 1 === 0 ? -1 : seq - 1;
      } else {
        this.reset();
      }
      return null;
    }
    const longName = this.takeLongName(data, o);
    return new Entry(data, o, longName, index, longName !== null ? this.first : index, sector);
  }

  /**
   * For the short entry at `data[o]`: its long name if valid long-name entries precede it (then
   * `firstIndex` is where they start), else null. Ends the pending long name either way.
   */
  takeLongName(data: Uint8Array, o: number): string | null {
    const name = this.expect === -1 && shortNameChecksum(data, o) === this.sum ? this.parts.join('') : null;
    this.reset();
    return name;
  }

  /** Index of the first long-name entry of the name `takeLongName` last returned. */
  get firstIndex(): number {
    return this.first;
  }
}

/** The DirEntry for the short entry at `data[o]`, given its long name and where that starts. */
export function makeEntry(data: Uint8Array, o: number, longName: string | null, index: number, first: number, sector: number): DirEntry {
  return new Entry(data, o, longName, index, first, sector);
}

/** A parsed short entry; the shown name is decoded only when asked for. */
class Entry implements DirEntry {
  longName: string | null;
  shortName: Uint8Array;
  attr: number;
  ntRes: number;
  cluster: number;
  size: number;
  crtDate: number;
  crtTime: number;
  accDate: number;
  wrtDate: number;
  wrtTime: number;
  index: number;
  first: number;
  sector: number;
  offset: number;
  private shown: string | null = null;

  constructor(data: Uint8Array, o: number, longName: string | null, index: number, first: number, sector: number) {
    this.longName = longName;
    this.shortName = data.slice(o, o + 11);
    this.attr = data[o + DIR_ATTR];
    this.ntRes = data[o + DIR_NTRES];
    this.cluster = entryCluster(data, o);
    this.size = rd32(data, o + DIR_SIZE);
    this.crtDate = rd16(data, o + DIR_CRT_DATE);
    this.crtTime = rd16(data, o + DIR_CRT_TIME);
    this.accDate = rd16(data, o + DIR_ACC_DATE);
    this.wrtDate = rd16(data, o + DIR_WRT_DATE);
    this.wrtTime = rd16(data, o + DIR_WRT_TIME);
    this.index = index;
    this.first = first;
    this.sector = sector;
    this.offset = o;
  }

  get name(): string {
    return (this.shown ??= this.longName ?? shortNameToString(this.shortName, 0, this.ntRes));
  }
}

function lfnChars(data: Uint8Array, o: number): string {
  let s = '';
  for (const at of LFN_CHAR_OFFSETS) {
    const c = data[o + at] | (data[o + at + 1] << 8);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

/** A volume label entry (not a long-name part). */
export function isVolumeLabel(attr: number): boolean {
  return (attr & 0x3f) !== ATTR_LONG_NAME && (attr & ATTR_VOLUME_ID) !== 0;
}

/** A `.` or `..` entry. */
export function isDotEntry(name: Uint8Array): boolean {
  return name[0] === 0x2e;
}
