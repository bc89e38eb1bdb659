// A sorted in-memory map of byte strings: the model the engine is checked against.
import { compareBytes } from '../src/index.js';
import { hex } from './oracle.js';

export class SortedMap {
  private readonly map = new Map<string, { key: Uint8Array; value: Uint8Array }>();
  private sorted: Uint8Array[] | null = null;

  get size(): number {
    return this.map.size;
  }
  get(key: Uint8Array): Uint8Array | undefined {
    return this.map.get(hex(key))?.value;
  }
  set(key: Uint8Array, value: Uint8Array): void {
    const h = hex(key);
    if (!this.map.has(h)) this.sorted = null;
    this.map.set(h, { key: key.slice(), value: value.slice() });
  }
  delete(key: Uint8Array): boolean {
    const had = this.map.delete(hex(key));
    if (had) this.sorted = null;
    return had;
  }
  /** Keys in byte order. */
  keys(): Uint8Array[] {
    this.sorted ??= [...this.map.values()].map((e) => e.key).sort(compareBytes);
    return this.sorted;
  }
  /** Entries in byte order, as hex pairs. */
  hexEntries(): [string, string][] {
    return this.keys().map((k) => [hex(k), hex(this.get(k)!)]);
  }
  /** A stored key chosen by `r` in [0, 1). */
  keyAt(r: number): Uint8Array | undefined {
    const keys = this.keys();
    return keys.length ? keys[Math.floor(r * keys.length)] : undefined;
  }

  /**
   * What a range scan yields, by MicroPython's rules (modbtree.c btree_iternext): start at the first key at
   * or after `start` (first/last key without one), step forward (backward with DESC), stop before a key at
   * or past `end` (with INCL: past it), where "past" is "below" when descending.
   */
  range(start: Uint8Array | null, end: Uint8Array | null, flags: number): Uint8Array[] {
    const desc = (flags & 2) !== 0;
    const incl = (flags & 1) !== 0;
    const keys = this.keys();
    let i: number;
    if (start !== null) {
      i = keys.findIndex((k) => compareBytes(k, start) >= 0);
      if (i < 0) return [];
    } else {
      i = desc ? keys.length - 1 : 0;
    }
    const out: Uint8Array[] = [];
    for (; i >= 0 && i < keys.length; i += desc ? -1 : 1) {
      const k = keys[i];
      if (end !== null) {
        const cmp = compareBytes(k, end) * (desc ? -1 : 1);
        if (incl ? cmp > 0 : cmp >= 0) break;
      }
      out.push(k);
    }
    return out;
  }
}
