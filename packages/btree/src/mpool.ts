// The page cache (berkeley-db-1.xx mpool/mpool.c). Pages are read on first use and kept in least recently
// used order; dirty pages are written back when they are evicted and by `sync`. The cache holds at most
// `maxcache` pages between operations: like mpool, it may grow past the bound while one operation needs
// more pages at once (a split, a long overflow chain), and `trim`, called after every operation, writes
// back and drops the least recently used pages until it fits again.
import { corrupt, BtreeError, streamCall } from './errors.js';
import { Page } from './page.js';
import { SEEK_SET, type BtreeStream } from './stream.js';

/** Counters of the cache's traffic. */
export interface CacheStats {
  /** Pages read from the stream. */
  reads: number;
  /** Pages written to the stream. */
  writes: number;
  /** Page requests served from the cache. */
  hits: number;
}

export class Mpool {
  readonly stream: BtreeStream;
  readonly psize: number;
  readonly le: boolean;
  readonly maxcache: number;
  /** Pages in the file, counting new pages not yet written. */
  npages: number;
  readonly stats: CacheStats = { reads: 0, writes: 0, hits: 0 };
  /** Cached pages, least recently used first (a Map keeps insertion order). */
  private readonly pages = new Map<number, Page>();

  constructor(stream: BtreeStream, psize: number, maxcache: number, npages: number, le: boolean) {
    this.stream = stream;
    this.psize = psize;
    this.maxcache = maxcache;
    this.npages = npages;
    this.le = le;
  }

  /** The page `pgno`, read if it is not cached (`mpool_get`). */
  get(pgno: number): Page {
    const cached = this.pages.get(pgno);
    if (cached) {
      this.stats.hits++;
      this.pages.delete(pgno);
      this.pages.set(pgno, cached);
      return cached;
    }
    if (!(pgno < this.npages)) {
      throw corrupt(`page ${pgno} is past the end of the file (${this.npages} pages)`);
    }
    const page = new Page(pgno, new Uint8Array(this.psize), this.le);
    this.seek(pgno);
    let got = 0;
    while (got < this.psize) {
      const n = streamCall(() => this.stream.read(page.buf.subarray(got)));
      if (!(n > 0)) break;
      got += n;
    }
    if (got !== this.psize) throw corrupt(`page ${pgno} is truncated (${got} of ${this.psize} bytes)`);
    this.stats.reads++;
    this.pages.set(pgno, page);
    return page;
  }

  /** A new zeroed page at the end of the file (`mpool_new`); it is dirty. */
  create(): Page {
    if (this.npages >= 0xffffffff) throw corrupt('the file has no page numbers left');
    const page = new Page(this.npages++, new Uint8Array(this.psize), this.le);
    page.dirty = true;
    page.checked = true;
    this.pages.set(page.pgno, page);
    return page;
  }

  /** Writes every dirty page, in least recently used order, then flushes the stream (`mpool_sync`). */
  sync(): void {
    for (const page of this.pages.values()) if (page.dirty) this.write(page);
    streamCall(() => this.stream.flush());
  }

  /** Writes back and drops least recently used pages until at most `maxcache` remain. */
  trim(): void {
    if (this.pages.size <= this.maxcache) return;
    for (const page of this.pages.values()) {
      if (page.dirty) this.write(page);
      this.pages.delete(page.pgno);
      if (this.pages.size <= this.maxcache) break;
    }
  }

  /** Forgets every cached page (after `close`). */
  clear(): void {
    this.pages.clear();
  }

  /** Number of cached pages. */
  get cached(): number {
    return this.pages.size;
  }

  private write(page: Page): void {
    this.seek(page.pgno);
    let put = 0;
    while (put < this.psize) {
      const n = streamCall(() => this.stream.write(page.buf.subarray(put)));
      if (!(n > 0)) throw new BtreeError('EIO', `the stream wrote ${put} of ${this.psize} bytes of page ${page.pgno}`);
      put += n;
    }
    this.stats.writes++;
    page.dirty = false;
  }

  private seek(pgno: number): void {
    const off = pgno * this.psize;
    const at = streamCall(() => this.stream.seek(off, SEEK_SET));
    if (at !== off) throw new BtreeError('EIO', `the stream sought to ${at} instead of ${off}`);
  }
}
