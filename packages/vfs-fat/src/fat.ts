// The file allocation table: entry access for FAT12/16/32 through the metadata cache, free-space
// accounting, and cluster allocation that never reuses a cluster freed since the last commit.
import { KIND_FAT, type SectorCache, type Slot } from './cache.js';
import { EIO, FatError } from './errors.js';
import type { Geometry } from './layout.js';

export class FatTable {
  readonly g: Geometry;
  private readonly cache: SectorCache;
  /** The highest valid cluster number. */
  readonly maxCluster: number;
  /** Values at or above this mark the end of a chain. */
  readonly eocMin: number;
  /** The end-of-chain value this engine writes. */
  readonly eoc: number;
  readonly bad: number;
  /** Free clusters, or -1 until counted (or read from a trusted FSInfo). */
  freeCount = -1;
  /** Where the next search for a free cluster starts (FatFs's last_clst + 1). */
  nextFree = 2;
  private readonly ss: number;

  constructor(g: Geometry, cache: SectorCache) {
    this.g = g;
    this.cache = cache;
    this.ss = g.sectorSize;
    this.maxCluster = g.clusterCount + 1;
    if (g.fatType === 12) [this.eocMin, this.eoc, this.bad] = [0xff8, 0xfff, 0xff7];
    else if (g.fatType === 16) [this.eocMin, this.eoc, this.bad] = [0xfff8, 0xffff, 0xfff7];
    else [this.eocMin, this.eoc, this.bad] = [0x0ffffff8, 0x0fffffff, 0x0ffffff7];
  }

  isEoc(v: number): boolean {
    return v >= this.eocMin;
  }

  private slot(byteOffset: number): Slot {
    return this.cache.get(this.g.fatStart + Math.floor(byteOffset / this.ss), KIND_FAT);
  }

  /** The value of entry `c` (28 bits on FAT32). */
  get(c: number): number {
    return this.read(c, false);
  }

  /** The value of entry `c` as it is on disk (before changes not yet committed). */
  getCommitted(c: number): number {
    return this.read(c, true);
  }

  private read(c: number, committed: boolean): number {
    const ss = this.ss;
    if (this.g.fatType === 16) {
      const off = c * 2;
      const s = this.slot(off);
      const d = committed && s.orig ? s.orig : s.data;
      const i = off % ss;
      return d[i] | (d[i + 1] << 8);
    }
    if (this.g.fatType === 32) {
      const off = c * 4;
      const s = this.slot(off);
      const d = committed && s.orig ? s.orig : s.data;
      const i = off % ss;
      return (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | ((d[i + 3] & 0x0f) << 24)) >>> 0;
    }
    const off = c + (c >> 1);
    const s0 = this.slot(off);
    const s1 = (off + 1) % ss === 0 ? this.slot(off + 1) : s0;
    const d0 = committed && s0.orig ? s0.orig : s0.data;
    const d1 = committed && s1.orig ? s1.orig : s1.data;
    const v = d0[off % ss] | (d1[(off + 1) % ss] << 8);
    return c & 1 ? v >> 4 : v & 0xfff;
  }

  /** Sets entry `c`, keeping the free count. */
  set(c: number, value: number): void {
    if (c < 2 || c > this.maxCluster) throw new FatError(EIO, `FAT entry ${c} out of range`);
    const old = this.get(c);
    if (old === value) return;
    const ss = this.ss;
    if (this.g.fatType === 16) {
      const off = c * 2;
      const s = this.slot(off);
      this.cache.touch(s);
      const i = off % ss;
      s.data[i] = value & 0xff;
      s.data[i + 1] = (value >> 8) & 0xff;
    } else if (this.g.fatType === 32) {
      const off = c * 4;
      const s = this.slot(off);
      this.cache.touch(s);
      const i = off % ss;
      s.data[i] = value & 0xff;
      s.data[i + 1] = (value >> 8) & 0xff;
      s.data[i + 2] = (value >> 16) & 0xff;
      s.data[i + 3] = (s.data[i + 3] & 0xf0) | ((value >> 24) & 0x0f);
    } else {
      const off = c + (c >> 1);
      const s0 = this.slot(off);
      const s1 = (off + 1) % ss === 0 ? this.slot(off + 1) : s0;
      this.cache.touch(s0);
      this.cache.touch(s1);
      const i0 = off % ss;
      const i1 = (off + 1) % ss;
      if (c & 1) {
        s0.data[i0] = (s0.data[i0] & 0x0f) | ((value << 4) & 0xf0);
        s1.data[i1] = (value >> 4) & 0xff;
      } else {
        s0.data[i0] = value & 0xff;
        s1.data[i1] = (s1.data[i1] & 0xf0) | ((value >> 8) & 0x0f);
      }
    }
    if (this.freeCount >= 0) {
      if (old === 0 && value !== 0) this.freeCount--;
      else if (old !== 0 && value === 0) this.freeCount++;
    }
  }

  /** Counts free clusters (one pass over the FAT). */
  countFree(): number {
    if (this.freeCount >= 0) return this.freeCount;
    let free = 0;
    const ss = this.ss;
    if (this.g.fatType === 12) {
      for (let c = 2; c <= this.maxCluster; c++) if (this.get(c) === 0) free++;
    } else {
      const width = this.g.fatType / 8;
      const perSector = ss / width;
      for (let c = 2; c <= this.maxCluster; ) {
        const s = this.slot(c * width);
        const d = s.data;
        let i = (c % perSector) * width;
        const last = Math.min(this.maxCluster, c - (c % perSector) + perSector - 1);
        for (; c <= last; c++, i += width) {
          if (width === 2 ? (d[i] | d[i + 1]) === 0 : (d[i] | d[i + 1] | d[i + 2] | (d[i + 3] & 0x0f)) === 0) free++;
        }
      }
    }
    this.freeCount = free;
    return free;
  }

  /**
   * A cluster that is free now and was free at the last commit (a cluster freed since then may still be
   * referenced by a directory entry on disk, so it is not reused before the commit). 0 if none.
   */
  findFree(): number {
    if (this.freeCount === 0) return 0;
    const start = this.nextFree >= 2 && this.nextFree <= this.maxCluster ? this.nextFree : 2;
    let c = start;
    do {
      if (this.get(c) === 0 && this.getCommitted(c) === 0) return c;
      c = c === this.maxCluster ? 2 : c + 1;
    } while (c !== start);
    return 0;
  }

  /** Takes a free cluster and marks it as the end of a chain. 0 if the volume is full. */
  allocate(): number {
    const c = this.findFree();
    if (c === 0) return 0;
    this.set(c, this.eoc);
    this.nextFree = c === this.maxCluster ? 2 : c + 1;
    return c;
  }

  /** The cluster after `c`, or 0 at the end of the chain. Throws EIO on a broken chain. */
  next(c: number): number {
    const v = this.get(c);
    if (v >= this.eocMin) return 0;
    if (v < 2 || v > this.maxCluster) throw new FatError(EIO, `broken cluster chain at cluster ${c} (entry ${v})`);
    return v;
  }

  /** All clusters of a chain, checking it is well formed. */
  chain(first: number): number[] {
    const out: number[] = [];
    for (let c = first; c !== 0; c = this.next(c)) {
      if (c < 2 || c > this.maxCluster) throw new FatError(EIO, `broken cluster chain (cluster ${c})`);
      out.push(c);
      if (out.length > this.g.clusterCount) throw new FatError(EIO, 'cluster chain loops');
    }
    return out;
  }

  /** Frees a chain starting at `first`. */
  freeChain(first: number): void {
    let c = first;
    let n = 0;
    while (c >= 2 && c <= this.maxCluster) {
      const v = this.get(c);
      if (v === 0) break; // already free: a damaged chain, stop rather than free others' clusters
      this.set(c, 0);
      if (++n > this.g.clusterCount || v >= this.eocMin) break;
      c = v;
    }
  }

  /**
   * Byte image of a dirty FAT sector as it may be written before the directory entries: every entry
   * that was freed or shortened since the last commit keeps its committed value. Null if there is none.
   */
  allocationOnlyImage(slot: Slot): Uint8Array | null {
    if (!slot.orig) return null;
    const ss = this.ss;
    const rel = slot.sector - this.g.fatStart;
    const firstByte = rel * ss;
    const lastByte = firstByte + ss - 1;
    let lo: number;
    let hi: number;
    if (this.g.fatType === 12) {
      lo = Math.max(2, Math.floor((firstByte * 2) / 3) - 1);
      hi = Math.min(this.maxCluster, Math.ceil((lastByte * 2) / 3) + 1);
    } else {
      const w = this.g.fatType / 8;
      lo = Math.max(2, firstByte / w);
      hi = Math.min(this.maxCluster, (lastByte + 1) / w - 1);
    }
    let image: Uint8Array | null = null;
    const orig = slot.orig;
    const data = slot.data;
    const w = this.g.fatType === 12 ? 0 : this.g.fatType / 8;
    for (let c = lo; c <= hi; c++) {
      if (w !== 0) {
        // Skip entries whose bytes did not change (most of them).
        const i = c * w - firstByte;
        if (orig[i] === data[i] && orig[i + 1] === data[i + 1] && (w === 2 || (orig[i + 2] === data[i + 2] && orig[i + 3] === data[i + 3]))) continue;
      }
      const o = this.read(c, true);
      if (o === 0) continue;
      const v = this.read(c, false);
      if (v === o || (o >= this.eocMin && v >= 2 && v < this.eocMin)) continue;
      image ??= slot.data.slice();
      this.putInto(image, firstByte, c, o);
    }
    return image;
  }

  /** Writes entry `c` = `value` into a copy of the FAT sector starting at byte `firstByte` (only its bytes). */
  private putInto(image: Uint8Array, firstByte: number, c: number, value: number): void {
    const ss = this.ss;
    const put = (byteOff: number, fn: (old: number) => number): void => {
      const i = byteOff - firstByte;
      if (i >= 0 && i < ss) image[i] = fn(image[i]) & 0xff;
    };
    if (this.g.fatType === 12) {
      const off = c + (c >> 1);
      if (c & 1) {
        put(off, (b) => (b & 0x0f) | ((value << 4) & 0xf0));
        put(off + 1, () => value >> 4);
      } else {
        put(off, () => value);
        put(off + 1, (b) => (b & 0xf0) | ((value >> 8) & 0x0f));
      }
    } else if (this.g.fatType === 16) {
      put(c * 2, () => value);
      put(c * 2 + 1, () => value >> 8);
    } else {
      put(c * 4, () => value);
      put(c * 4 + 1, () => value >> 8);
      put(c * 4 + 2, () => value >> 16);
      put(c * 4 + 3, (b) => (b & 0xf0) | ((value >> 24) & 0x0f));
    }
  }
}
