// One page of the file in memory (berkeley-db-1.xx btree/btree.h: PAGE, BINTERNAL, BLEAF). The bytes stay
// in the file's byte order; the accessors read and write through a DataView in that order, so nothing is
// swapped on the way in or out (where Berkeley DB converts in __bt_pgin/__bt_pgout, btree/bt_conv.c).
import {
  BTDATAOFF,
  H_FLAGS,
  H_LOWER,
  H_NEXTPG,
  H_PGNO,
  H_PREVPG,
  H_UPPER,
  I_BYTES,
  I_DSIZE,
  I_FLAGS,
  I_KSIZE,
  I_PGNO,
  P_BIGDATA,
  P_BIGKEY,
} from './constants.js';

export class Page {
  /** The page number (its position in the file / page size). */
  pgno: number;
  readonly buf: Uint8Array;
  readonly view: DataView;
  /** Little-endian file. */
  readonly le: boolean;
  /** Changed since it was read or last written. */
  dirty = false;
  /** Its structure was checked since it was read (pages we build are correct by construction). */
  checked = false;
  /** Neighbours in the cache's least-recently-used list. */
  older: Page | null = null;
  newer: Page | null = null;

  constructor(pgno: number, buf: Uint8Array, le: boolean) {
    this.pgno = pgno;
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.le = le;
  }

  get size(): number {
    return this.buf.length;
  }

  u16(off: number): number {
    return this.view.getUint16(off, this.le);
  }
  setU16(off: number, v: number): void {
    this.view.setUint16(off, v & 0xffff, this.le);
  }
  u32(off: number): number {
    return this.view.getUint32(off, this.le);
  }
  setU32(off: number, v: number): void {
    this.view.setUint32(off, v >>> 0, this.le);
  }

  // Header.
  get hPgno(): number {
    return this.u32(H_PGNO);
  }
  set hPgno(v: number) {
    this.setU32(H_PGNO, v);
  }
  get prevpg(): number {
    return this.u32(H_PREVPG);
  }
  set prevpg(v: number) {
    this.setU32(H_PREVPG, v);
  }
  get nextpg(): number {
    return this.u32(H_NEXTPG);
  }
  set nextpg(v: number) {
    this.setU32(H_NEXTPG, v);
  }
  get flags(): number {
    return this.u32(H_FLAGS);
  }
  set flags(v: number) {
    this.setU32(H_FLAGS, v);
  }
  /** Offset just past the last index entry. */
  get lower(): number {
    return this.u16(H_LOWER);
  }
  set lower(v: number) {
    this.setU16(H_LOWER, v);
  }
  /**
   * Offset of the lowest item. A 65536-byte empty page stores 65536 as 0 in its 16-bit field, exactly
   * as Berkeley DB's modular arithmetic leaves it, so 0 reads as the page size.
   */
  get upper(): number {
    const u = this.u16(H_UPPER);
    return u === 0 ? this.buf.length : u;
  }
  set upper(v: number) {
    this.setU16(H_UPPER, v);
  }
  /** Number of items (`NEXTINDEX`). */
  get count(): number {
    return (this.lower - BTDATAOFF) >> 1;
  }
  /** Offset of item `i` (`linp[i]`). */
  linp(i: number): number {
    return this.u16(BTDATAOFF + 2 * i);
  }
  setLinp(i: number, off: number): void {
    this.setU16(BTDATAOFF + 2 * i, off);
  }

  /** Sets up an empty page of the given type, linked to `prev`/`next`. */
  init(type: number, prev: number, next: number): void {
    this.hPgno = this.pgno;
    this.prevpg = prev;
    this.nextpg = next;
    this.flags = type;
    this.lower = BTDATAOFF;
    this.upper = this.buf.length;
  }
}

/** Rounds up to a multiple of 4 (`LALIGN`: items are aligned to page-number size). */
export function lalign(n: number): number {
  return (n + 3) & ~3;
}

/** Bytes a leaf item with key and data of these sizes takes (`NBLEAFDBT`). */
export function nbleafdbt(ksize: number, dsize: number): number {
  return lalign(9 + ksize + dsize);
}

/** Bytes an internal item with a key of this size takes (`NBINTERNAL`). */
export function nbinternal(ksize: number): number {
  return lalign(9 + ksize);
}

/** Bytes leaf item `i` of `p` takes (`NBLEAF`). */
export function leafSize(p: Page, off: number): number {
  return nbleafdbt(p.u32(off + I_KSIZE), p.u32(off + I_DSIZE));
}

/** Bytes internal item at `off` of `p` takes. */
export function internalSize(p: Page, off: number): number {
  return nbinternal(p.u32(off + I_KSIZE));
}

/** Writes a leaf item at `off`: key and data bytes (or overflow references) and their flags. */
export function writeLeaf(p: Page, off: number, key: Uint8Array, data: Uint8Array, flags: number): void {
  p.setU32(off + I_KSIZE, key.length);
  p.setU32(off + I_DSIZE, data.length);
  p.buf[off + I_FLAGS] = flags & (P_BIGKEY | P_BIGDATA);
  p.buf.set(key, off + I_BYTES);
  p.buf.set(data, off + I_BYTES + key.length);
}

/** Writes an internal item at `off`. */
export function writeInternal(p: Page, off: number, key: Uint8Array, pgno: number, flags: number): void {
  p.setU32(off + I_KSIZE, key.length);
  p.setU32(off + I_PGNO, pgno);
  p.buf[off + I_FLAGS] = flags & P_BIGKEY;
  p.buf.set(key, off + I_BYTES);
}
