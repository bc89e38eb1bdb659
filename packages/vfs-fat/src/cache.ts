// The metadata cache: FAT and directory sectors, read on demand and written back only at a commit, in an
// order that keeps the volume consistent if power fails between any two writes (see FatVolume.commit).
import type { Disk } from './blockdev.js';

export const KIND_FAT = 0;
export const KIND_DIR = 1;

export interface Slot {
  readonly sector: number;
  readonly kind: number;
  data: Uint8Array;
  dirty: boolean;
  /** FAT sectors: the contents on disk when the slot was first changed since the last commit. */
  orig: Uint8Array | null;
  /**
   * Directory sectors: first bytes of entries deleted since the last commit, as they were. A commit first
   * writes the sector with these restored (only additions), and the deletions after all additions.
   */
  restore: Map<number, number> | null;
  /** Directory sectors: position in their directory (entries of one file are written last one first). */
  order: number;
}

export class SectorCache {
  private readonly disk: Disk;
  private readonly slots = new Map<number, Slot>();
  private readonly dirtySet = new Set<Slot>();
  private readonly limit: number;

  constructor(disk: Disk, limitBytes = 1 << 20) {
    this.disk = disk;
    this.limit = Math.max(64, Math.floor(limitBytes / disk.sectorSize));
  }

  get(sector: number, kind: number): Slot {
    let slot = this.slots.get(sector);
    if (slot) return slot;
    const data = new Uint8Array(this.disk.sectorSize);
    this.disk.read(sector, data);
    slot = { sector, kind, data, dirty: false, orig: null, restore: null, order: 0 };
    this.insert(slot);
    return slot;
  }

  /** A slot for a sector just written on disk with `data` (kept as the cached copy, clean). */
  put(sector: number, kind: number, data: Uint8Array): Slot {
    this.forget(sector, 1);
    const slot: Slot = { sector, kind, data, dirty: false, orig: null, restore: null, order: 0 };
    this.insert(slot);
    return slot;
  }

  private insert(slot: Slot): void {
    this.slots.set(slot.sector, slot);
    if (this.slots.size > this.limit) this.evict();
  }

  /** Marks a slot changed. Call before changing a FAT slot's bytes, so its on-disk contents are kept. */
  touch(slot: Slot): void {
    if (!slot.dirty) {
      slot.dirty = true;
      if (slot.kind === KIND_FAT) slot.orig = slot.data.slice();
      this.dirtySet.add(slot);
    }
  }

  /** Marks the directory entry at `offset` deleted (first byte `mark`), remembering its first byte. */
  deleteEntry(slot: Slot, offset: number, mark: number): void {
    this.touch(slot);
    slot.restore ??= new Map();
    if (!slot.restore.has(offset)) slot.restore.set(offset, slot.data[offset]);
    slot.data[offset] = mark;
  }

  /** Drops cached copies of sectors about to be overwritten directly (they must not be dirty). */
  forget(sector: number, count: number): void {
    if (this.slots.size === 0) return;
    if (count > this.slots.size) {
      for (const [s, slot] of this.slots) {
        if (s >= sector && s < sector + count) this.drop(slot);
      }
      return;
    }
    for (let s = sector; s < sector + count; s++) {
      const slot = this.slots.get(s);
      if (slot) this.drop(slot);
    }
  }

  private drop(slot: Slot): void {
    this.slots.delete(slot.sector);
    this.dirtySet.delete(slot);
  }

  dirtySlots(): Slot[] {
    return [...this.dirtySet];
  }

  get dirtyCount(): number {
    return this.dirtySet.size;
  }

  markClean(slot: Slot): void {
    slot.dirty = false;
    slot.orig = null;
    slot.restore = null;
    this.dirtySet.delete(slot);
  }

  /** Forgets everything (after a failed device write the cache may not match the disk). */
  clear(): void {
    this.slots.clear();
    this.dirtySet.clear();
  }

  private evict(): void {
    // Oldest clean slots first (Map keeps insertion order); dirty slots stay until the next commit.
    let excess = this.slots.size - Math.floor(this.limit * 0.75);
    for (const [s, slot] of this.slots) {
      if (excess <= 0) break;
      if (!slot.dirty) {
        this.slots.delete(s);
        excess--;
      }
    }
  }
}
