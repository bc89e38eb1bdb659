// The page cache (berkeley-db-1.xx mpool/mpool.c). Pages are read on first use and kept in least recently
// used order; dirty pages are written back when they are evicted and by `sync`. The cache holds at most
// `maxcache` pages between operations: like mpool, it may grow past the bound while one operation needs
// more pages at once (a split, a long overflow chain), and `trim`, called after every operation, writes
// back and drops the least recently used pages until it fits again. Evicted page buffers are reused, as
// mpool reuses its buckets (nothing holds a page across operations, so none is still in use).
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
  private readonly pages = new Map<number, Page>();
  /** Least and most recently used ends of the cache's list. */
  private oldest: Page | null = null;
  private newest: Page | null = null;
  /** Evicted pages, ready to hold another page. */
  private readonly spare: Page[] = [];
  /**
   * One bit per page whose bytes in the stream we wrote or checked: reading it again needs no new check
   * (the database is the stream's only writer while it is open).
   */
  private known = new Uint8Array(64);

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
      if (cached !== this.newest) {
        this.unlink(cached);
        this.append(cached);
      }
      return cached;
    }
    if (!(pgno < this.npages)) {
      throw corrupt(`page ${pgno} is past the end of the file (${this.npages} pages)`);
    }
    const page = this.fresh(pgno);
    this.seek(pgno);
    let got = 0;
    while (got < this.psize) {
      const n = streamCall(() => this.stream.read(page.buf.subarray(got)));
      if (!(n > 0)) break;
      got += n;
    }
    if (got !== this.psize) {
      this.spare.push(page);
      throw corrupt(`page ${pgno} is truncated (${got} of ${this.psize} bytes)`);
    }
    this.stats.reads++;
    page.checked = this.isKnown(pgno);
    this.add(page);
    return page;
  }

  /** Notes that page `pgno`'s bytes in the stream are well-formed (checked, or written by us). */
  markKnown(pgno: number): void {
    const i = pgno >>> 3;
    if (i >= this.known.length) {
      const grown = new Uint8Array(Math.max(i + 1, 2 * this.known.length));
      grown.set(this.known);
      this.known = grown;
    }
    this.known[i] |= 1 << (pgno & 7);
  }

  private isKnown(pgno: number): boolean {
    const i = pgno >>> 3;
    return i < this.known.length && (this.known[i] & (1 << (pgno & 7))) !== 0;
  }

  /** A new zeroed page at the end of the file (`mpool_new`); it is dirty. */
  create(): Page {
    if (this.npages >= 0xffffffff) throw corrupt('the file has no page numbers left');
    const page = this.fresh(this.npages++);
    page.buf.fill(0);
    page.dirty = true;
    page.checked = true;
    this.add(page);
    return page;
  }

  /** Writes every dirty page, in least recently used order, then flushes the stream (`mpool_sync`). */
  sync(): void {
    for (let p = this.oldest; p; p = p.newer) if (p.dirty) this.write(p);
    streamCall(() => this.stream.flush());
  }

  /** Writes back and drops least recently used pages until at most `maxcache` remain. */
  trim(): void {
    while (this.pages.size > this.maxcache && this.oldest) {
      const p = this.oldest;
      if (p.dirty) this.write(p);
      this.unlink(p);
      this.pages.delete(p.pgno);
      if (this.spare.length < 8) this.spare.push(p);
    }
  }

  /** Forgets every cached page (after `close`). */
  clear(): void {
    this.pages.clear();
    this.oldest = this.newest = null;
    this.spare.length = 0;
  }

  /** Number of cached pages. */
  get cached(): number {
    return this.pages.size;
  }

  /** A page object for `pgno`, reusing an evicted one if there is one. */
  private fresh(pgno: number): Page {
    const page = this.spare.pop() ?? new Page(pgno, new Uint8Array(this.psize), this.le);
    page.pgno = pgno;
    page.dirty = false;
    page.checked = false;
    return page;
  }

  private add(page: Page): void {
    this.pages.set(page.pgno, page);
    this.append(page);
  }

  private append(page: Page): void {
    page.older = this.newest;
    page.newer = null;
    if (this.newest) this.newest.newer = page;
    else this.oldest = page;
    this.newest = page;
  }

  private unlink(page: Page): void {
    if (page.older) page.older.newer = page.newer;
    else this.oldest = page.newer;
    if (page.newer) page.newer.older = page.older;
    else this.newest = page.older;
    page.older = page.newer = null;
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
    if (page.checked) this.markKnown(page.pgno);
  }

  private seek(pgno: number): void {
    const off = pgno * this.psize;
    const at = streamCall(() => this.stream.seek(off, SEEK_SET));
    if (at !== off) throw new BtreeError('EIO', `the stream sought to ${at} instead of ${off}`);
  }
}
