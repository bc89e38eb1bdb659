// The in-memory state of an open tree (berkeley-db-1.xx btree/btree.h: BTREE, CURSOR) and the page
// bookkeeping every operation shares: fetching pages with their structure checked, allocating and freeing
// pages through the free list (btree/bt_page.c).
import {
  BTDATAOFF,
  I_BYTES,
  NOVFLSIZE,
  P_BIGDATA,
  P_BIGKEY,
  P_BINTERNAL,
  P_BLEAF,
  P_INVALID,
  P_OVERFLOW,
  P_ROOT,
  P_TYPE,
} from './constants.js';
import { corrupt } from './errors.js';
import type { Mpool } from './mpool.js';
import { nbinternal, nbleafdbt, type Page } from './page.js';

/** A parent page visited on the way down, and the index of the item followed (`EPGNO`). */
export interface StackEntry {
  pgno: number;
  index: number;
}

/**
 * The tree's one cursor (`CURSOR`): the page and index of the last item a scan returned. When that item is
 * deleted, the cursor keeps a copy of its key instead (`acquire`), and the next move finds the first key
 * at or after it.
 */
export interface Cursor {
  /** A scan has started. */
  init: boolean;
  /** The item was deleted; `key` holds its key (`CURS_ACQUIRE`). */
  acquire: boolean;
  pgno: number;
  index: number;
  key: Uint8Array | null;
}

export interface TreeConfig {
  mp: Mpool;
  /** Largest key + data kept on a leaf page; bigger items go to overflow pages (`bt_ovflsize`). */
  ovflsize: number;
  /** First page of the free list. */
  free: number;
  /** Meta `nrecs` (unused by btrees, kept as read). */
  nrecs: number;
  /** Meta flags (`B_NODUPS`). */
  flags: number;
}

export class Tree {
  readonly mp: Mpool;
  readonly psize: number;
  readonly le: boolean;
  readonly ovflsize: number;
  free: number;
  nrecs: number;
  flags: number;
  /** Changed since the last sync (`B_MODIFIED`). */
  modified = false;
  /** The meta page needs rewriting on sync (`B_METADIRTY`). */
  metaDirty = false;
  readonly cursor: Cursor = { init: false, acquire: false, pgno: 0, index: 0, key: null };
  /** Parent pages of the last search, root first (`bt_stack`). */
  stack: StackEntry[] = [];
  /** Counts page changes, so a failed operation can tell whether it changed anything. */
  mutations = 0;
  /** Page moves of the current scan since the tree last changed: more than there are pages is a loop. */
  scanMoves = 0;
  /** Pages taken from the free list in this session (and not freed since): taking one again is a loop. */
  private readonly reused = new Set<number>();
  /** Pages freed in this session (and not reused since): freeing one again would make a loop. */
  private readonly freed = new Set<number>();

  constructor(config: TreeConfig) {
    this.mp = config.mp;
    this.psize = config.mp.psize;
    this.le = config.mp.le;
    this.ovflsize = config.ovflsize;
    this.free = config.free;
    this.nrecs = config.nrecs;
    this.flags = config.flags;
  }

  /** Marks a page changed. */
  dirty(p: Page): void {
    p.dirty = true;
    this.mutations++;
  }

  /** A leaf or internal page, its structure checked the first time it is read. */
  treePage(pgno: number): Page {
    if (pgno === P_INVALID) throw corrupt('a tree link points to the meta page');
    const p = this.mp.get(pgno);
    const type = p.flags & P_TYPE;
    if (type !== P_BLEAF && type !== P_BINTERNAL) {
      throw corrupt(`page ${pgno} is not a tree page (type ${type})`);
    }
    if (!p.checked) {
      checkTreePage(p, this.mp.npages);
      p.checked = true;
      this.mp.markKnown(pgno);
    }
    return p;
  }

  /** A page of an overflow chain. */
  overflowPage(pgno: number): Page {
    if (pgno <= P_ROOT) throw corrupt(`an overflow chain links to page ${pgno}`);
    const p = this.mp.get(pgno);
    if ((p.flags & P_TYPE) !== P_OVERFLOW) throw corrupt(`page ${pgno} is not an overflow page`);
    if (p.hPgno !== pgno) throw corrupt(`page ${pgno} says it is page ${p.hPgno}`);
    return p;
  }

  /** A fresh zeroed page, taken from the free list if it has one (`__bt_new`). */
  newPage(): Page {
    if (this.free !== P_INVALID) {
      const pgno = this.free;
      if (pgno <= P_ROOT || pgno >= this.mp.npages) throw corrupt(`the free list points to page ${pgno}`);
      if (this.reused.has(pgno)) throw corrupt(`the free list loops back to page ${pgno}`);
      const p = this.mp.get(pgno);
      this.free = p.nextpg;
      this.metaDirty = true;
      this.reused.add(pgno);
      this.freed.delete(pgno);
      p.buf.fill(0);
      p.checked = true;
      this.dirty(p);
      return p;
    }
    this.mutations++;
    return this.mp.create();
  }

  /** Puts a page at the head of the free list (`__bt_free`). Its other content is left as it was. */
  freePage(p: Page): void {
    if (p.pgno <= P_ROOT) throw corrupt(`page ${p.pgno} cannot be freed`);
    if (this.freed.has(p.pgno) || p.pgno === this.free) throw corrupt(`page ${p.pgno} is freed twice`);
    p.prevpg = P_INVALID;
    p.nextpg = this.free;
    this.free = p.pgno;
    this.metaDirty = true;
    this.freed.add(p.pgno);
    this.reused.delete(p.pgno);
    this.dirty(p);
  }

  /** Points the cursor at an item (`__bt_setcur`). */
  setCursor(pgno: number, index: number): void {
    const c = this.cursor;
    c.key = null;
    c.acquire = false;
    c.pgno = pgno;
    c.index = index;
    c.init = true;
  }
}

/** Item sizes by offset, for the tiling check (all zero between calls). */
const sizeAt = new Uint32Array(65536);
let spanScratch = new Float64Array(64);

/**
 * Checks that a page read from the file is a well-formed leaf or internal page: its header, and every
 * item inside the page, the items not overlapping, so no later access can run off the page or corrupt
 * another item.
 */
function checkTreePage(p: Page, npages: number): void {
  const psize = p.size;
  if (p.hPgno !== p.pgno) badPage(p, `it says it is page ${p.hPgno}`);
  const lower = p.lower;
  const upper = p.upper;
  if (lower < BTDATAOFF || (lower & 1) !== 0 || lower > upper || upper > psize) {
    badPage(p, `bad free-space bounds ${lower}..${upper}`);
  }
  const leaf = (p.flags & P_TYPE) === P_BLEAF;
  const n = p.count;
  if (!leaf && n === 0) badPage(p, 'an internal page with no items');
  const buf = p.buf;
  try {
    checkItems(p, n, upper, leaf, npages, buf);
    // Items written by Berkeley DB (or us) tile the area from `upper` to the end exactly: walk the tiles.
    let pos = upper;
    let tiles = 0;
    while (pos < psize && sizeAt[pos] !== 0) {
      pos += sizeAt[pos];
      tiles++;
    }
    if (tiles === n && pos === psize) return;
  } finally {
    for (let i = 0; i < n; i++) sizeAt[p.linp(i)] = 0;
  }
  // Otherwise (gaps, or shared offsets): sort offset*2^17+size and look for overlaps.
  if (spanScratch.length < n) spanScratch = new Float64Array(Math.max(n, 2 * spanScratch.length));
  const spans = spanScratch.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const off = p.linp(i);
    const size = leaf ? nbleafdbt(p.u32(off), p.u32(off + 4)) : nbinternal(p.u32(off));
    spans[i] = off * 0x20000 + size;
  }
  spans.sort();
  let end = upper;
  for (const span of spans) {
    const off = Math.floor(span / 0x20000);
    if (off < end) badPage(p, 'its items overlap');
    end = off + (span % 0x20000);
  }
}

/** Checks each item's header and bounds, noting its size at its offset in `sizeAt`. */
function checkItems(p: Page, n: number, upper: number, leaf: boolean, npages: number, buf: Uint8Array): void {
  const psize = p.size;
  for (let i = 0; i < n; i++) {
    const off = p.linp(i);
    if (off < upper || off + I_BYTES > psize) badPage(p, `item ${i} at offset ${off} is outside the item area`);
    const ksize = p.u32(off);
    const flags = buf[off + 8];
    if ((flags & P_BIGKEY) !== 0 && ksize !== NOVFLSIZE) badPage(p, `item ${i} has a bad overflow key reference`);
    let size: number;
    if (leaf) {
      const dsize = p.u32(off + 4);
      if ((flags & P_BIGDATA) !== 0 && dsize !== NOVFLSIZE) badPage(p, `item ${i} has a bad overflow data reference`);
      size = nbleafdbt(ksize, dsize);
    } else {
      const child = p.u32(off + 4);
      if (child <= P_INVALID || child >= npages) badPage(p, `item ${i} links to page ${child}`);
      size = nbinternal(ksize);
    }
    if (off + size > psize) badPage(p, `item ${i} runs off the page`);
    sizeAt[off] = size;
  }
}

function badPage(p: Page, what: string): never {
  throw corrupt(`page ${p.pgno} is damaged: ${what}`);
}
