// The public database object: opening a stream (berkeley-db-1.xx btree/bt_open.c), get/put/delete,
// scans, flush and close (btree/bt_close.c), and range iteration as MicroPython's extmod/modbtree.c
// does it.
import {
  B_NODUPS,
  BIG_ENDIAN,
  BTMETASIZE,
  BTREEMAGIC,
  BTREEVERSION,
  DEFMINKEYPAGE,
  DEFPSIZE,
  DESC,
  INCL,
  LITTLE_ENDIAN,
  M_FLAGS,
  M_FREE,
  M_MAGIC,
  M_NRECS,
  M_PSIZE,
  M_VERSION,
  MAXPSIZE,
  MINCACHE,
  MINPSIZE,
  NOVFLSIZE,
  P_BLEAF,
  P_INVALID,
  R_CURSOR,
  R_DUP,
  R_FIRST,
  R_LAST,
  R_NEXT,
  R_NOOVERWRITE,
  R_PREV,
  R_RECNO,
} from './constants.js';
import { BtreeError, corrupt, invalid, isStreamError, streamCall } from './errors.js';
import { Mpool, type CacheStats } from './mpool.js';
import { nbleafdbt } from './page.js';
import { del } from './delete.js';
import { put } from './put.js';
import { compareBytes, keyAt, search } from './search.js';
import { dataAt, seq, type Entry } from './seq.js';
import { SEEK_END, SEEK_SET, type BtreeStream } from './stream.js';
import { Tree } from './tree.js';

/** Options of `Btree.open`, MicroPython's `btree.open` keywords plus the byte order of new files. */
export interface BtreeOptions {
  /** `R_DUP` would allow duplicate keys: not supported. MicroPython documents the argument as unused. */
  flags?: number;
  /**
   * Page size of a new database, 512..65536 and even; 0 or absent means 1024, MicroPython's ESP8266
   * default. An existing database keeps its own page size (a bad value is still refused).
   */
  pagesize?: number;
  /**
   * Cache size in bytes: the cache keeps at most this many bytes of pages between operations, and never
   * fewer than 3 pages (MicroPython's ESP8266 `MINCACHE`).
   */
  cachesize?: number;
  /**
   * At least this many items must fit on a page (default and minimum 2); it sets how big a key + data can
   * be before it goes to overflow pages.
   */
  minkeypage?: number;
  /** Byte order of a new database: 1234 little-endian (default, as on ESP8266 and x86) or 4321. */
  lorder?: number;
}

/** Counters of page traffic and cache use. */
export interface BtreeStats extends CacheStats {
  /** Pages in the file (including new pages not yet written). */
  pages: number;
  /** Pages in the cache now. */
  cached: number;
}

/** What a range scan reads. */
export type ScanKind = 'keys' | 'values' | 'items';

const EMPTY = new Uint8Array(0);

/** One cursor step of a range scan, reading only the parts asked for (set up inside `Btree`). */
let scanStep: (db: Btree, flag: number, key: Uint8Array | undefined, wantKey: boolean, wantValue: boolean) => Entry | undefined;

/**
 * A btree database on a random-access stream. Keys are kept sorted byte-wise; keys and values are byte
 * strings. Changes are cached until `flush` or `close`. The database has one cursor, shared by `seq` and
 * every range iteration: starting a scan ends the previous one (as in MicroPython).
 */
export class Btree implements Iterable<Uint8Array> {
  /** The page size of this database. */
  readonly pagesize: number;
  /** Little-endian file. */
  readonly littleEndian: boolean;
  private readonly t: Tree;
  private closed = false;
  /** The error that left the tree inconsistent, if any. */
  private failure: unknown = null;

  private constructor(t: Tree) {
    this.t = t;
    this.pagesize = t.psize;
    this.littleEndian = t.le;
  }

  /**
   * Opens the database in `stream`: an empty stream starts a new one (nothing is written until something
   * is stored and flushed); otherwise the stream must hold a btree file (`__bt_open`).
   */
  static open(stream: BtreeStream, options: BtreeOptions = {}): Btree {
    const flags = options.flags ?? 0;
    if ((flags & ~R_DUP) !== 0) throw invalid(`bad flags ${flags}`);
    if (flags & R_DUP) throw invalid('duplicate keys (R_DUP) are not supported');
    let psize = options.pagesize ?? 0;
    if (psize !== 0 && !(Number.isInteger(psize) && psize >= MINPSIZE && psize <= MAXPSIZE && (psize & 1) === 0)) {
      throw invalid(`page size ${psize} is not an even number from ${MINPSIZE} to ${MAXPSIZE}`);
    }
    let minkeypage = options.minkeypage ?? 0;
    if (minkeypage === 0) minkeypage = DEFMINKEYPAGE;
    else if (!(Number.isInteger(minkeypage) && minkeypage >= 2)) throw invalid(`minkeypage ${minkeypage} is below 2`);
    const lorder = options.lorder || LITTLE_ENDIAN;
    if (lorder !== LITTLE_ENDIAN && lorder !== BIG_ENDIAN) throw invalid(`byte order ${lorder} is not 1234 or 4321`);
    const cachesize = options.cachesize ?? 0;
    if (!(Number.isInteger(cachesize) && cachesize >= 0)) throw invalid(`bad cache size ${cachesize}`);

    const size = streamCall(() => stream.seek(0, SEEK_END));
    let le = lorder === LITTLE_ENDIAN;
    let free = P_INVALID;
    let nrecs = 0;
    let treeFlags = B_NODUPS;
    let npages = 0;
    if (size > 0) {
      const meta = readMeta(stream);
      const view = new DataView(meta.buffer);
      if (view.getUint32(M_MAGIC, true) === BTREEMAGIC) le = true;
      else if (view.getUint32(M_MAGIC, false) === BTREEMAGIC) le = false;
      else throw corrupt('not a btree file (bad magic number)');
      const version = view.getUint32(M_VERSION, le);
      if (version !== BTREEVERSION) throw corrupt(`btree version ${version} is not ${BTREEVERSION}`);
      psize = view.getUint32(M_PSIZE, le);
      if (psize < MINPSIZE || psize > MAXPSIZE || (psize & 1) !== 0) throw corrupt(`bad page size ${psize}`);
      treeFlags = view.getUint32(M_FLAGS, le);
      if ((treeFlags & ~(B_NODUPS | R_RECNO)) !== 0) throw corrupt(`bad meta flags 0x${treeFlags.toString(16)}`);
      if (treeFlags & R_RECNO) throw corrupt('a recno file, not a btree file');
      if (!(treeFlags & B_NODUPS)) throw invalid('databases with duplicate keys (R_DUP) are not supported');
      free = view.getUint32(M_FREE, le);
      nrecs = view.getUint32(M_NRECS, le);
      npages = Math.floor(size / psize);
      if (npages < 2) throw corrupt(`the file is truncated (${size} bytes, page size ${psize})`);
    } else if (psize === 0) {
      psize = DEFPSIZE;
    }

    // The biggest key + data kept on a leaf page: `minkeypage` items with their index entries must fit,
    // and never less than an item with both key and data on overflow pages.
    const ovflsize = Math.max(
      Math.floor((psize - 20) / minkeypage) - (2 + nbleafdbt(0, 0)),
      nbleafdbt(NOVFLSIZE, NOVFLSIZE) + 2,
    );
    const ncache = Math.max(MINCACHE, Math.ceil(cachesize / psize));
    const mp = new Mpool(stream, psize, ncache, npages, le);
    const t = new Tree({ mp, ovflsize, free, nrecs, flags: treeFlags });
    if (size === 0) {
      // A new tree: a meta page, written on the first sync, and an empty root leaf (`nroot`).
      mp.create();
      mp.create().init(P_BLEAF, P_INVALID, P_INVALID);
      t.metaDirty = true;
    }
    return new Btree(t);
  }

  /** The value stored under `key`, or `undefined`. */
  get(key: Uint8Array): Uint8Array | undefined {
    checkBytes(key, 'key');
    return this.run(false, (t) => {
      const found = search(t, key);
      return found.exact ? dataAt(t, found.page, found.index) : undefined;
    });
  }

  /** Whether `key` is stored. */
  has(key: Uint8Array): boolean {
    checkBytes(key, 'key');
    return this.run(false, (t) => search(t, key).exact);
  }

  /**
   * Stores `value` under `key`, replacing any old value; with `R_NOOVERWRITE` an existing key is left alone.
   * Returns whether the value was stored.
   */
  put(key: Uint8Array, value: Uint8Array, flags = 0): boolean {
    checkBytes(key, 'key');
    checkBytes(value, 'value');
    if (flags !== 0 && flags !== R_NOOVERWRITE) throw invalid(`bad put flags ${flags}`);
    return this.run(true, (t) => put(t, key, value, flags === R_NOOVERWRITE));
  }

  /** Deletes `key`; returns whether it was there. */
  delete(key: Uint8Array): boolean {
    checkBytes(key, 'key');
    return this.run(true, (t) => del(t, key));
  }

  /**
   * Moves the cursor (`R_CURSOR` with a non-empty key, `R_FIRST`, `R_LAST`, `R_NEXT`, `R_PREV`) and returns
   * the key and value there, or `undefined` past either end: MicroPython's `btree.seq`.
   */
  seq(flag: number, key?: Uint8Array): Entry | undefined {
    if (key !== undefined) checkBytes(key, 'key');
    return this.run(false, (t) => {
      const pos = seq(t, flag, key);
      return pos ? ([keyAt(t, pos.page, pos.index), dataAt(t, pos.page, pos.index)] as Entry) : undefined;
    });
  }

  static {
    scanStep = (db, flag, key, wantKey, wantValue) =>
      db.run(false, (t) => {
        const pos = seq(t, flag, key);
        if (!pos) return undefined;
        return [wantKey ? keyAt(t, pos.page, pos.index) : EMPTY, wantValue ? dataAt(t, pos.page, pos.index) : EMPTY];
      });
  }

  /**
   * Keys from `start` (the first key at or after it; from the first key if absent) to `end` (excluded,
   * unless `flags` has `INCL`; to the last key if absent), in descending order if `flags` has `DESC`.
   * See `RangeScan` for the exact rules.
   */
  *keys(start?: Uint8Array | null, end?: Uint8Array | null, flags = 0): Generator<Uint8Array, void, undefined> {
    const scan = new RangeScan(this, start, end, flags, 'keys');
    for (let e = scan.next(); e; e = scan.next()) yield e[0];
  }

  /** Values of the keys `keys(start, end, flags)` gives. */
  *values(start?: Uint8Array | null, end?: Uint8Array | null, flags = 0): Generator<Uint8Array, void, undefined> {
    const scan = new RangeScan(this, start, end, flags, 'values');
    for (let e = scan.next(); e; e = scan.next()) yield e[1];
  }

  /** Key/value pairs of the keys `keys(start, end, flags)` gives. */
  *items(start?: Uint8Array | null, end?: Uint8Array | null, flags = 0): Generator<Entry, void, undefined> {
    const scan = new RangeScan(this, start, end, flags);
    for (let e = scan.next(); e; e = scan.next()) yield e;
  }

  /** All keys in order. */
  [Symbol.iterator](): Iterator<Uint8Array> {
    return this.keys();
  }

  /** Writes every change to the stream and flushes it (`__bt_sync`); does nothing if nothing changed. */
  flush(): void {
    this.run(false, (t) => sync(t));
  }

  /** Flushes and closes the database; the stream stays open. */
  close(): void {
    if (this.closed) return;
    try {
      this.flush();
    } finally {
      this.closed = true;
      this.t.mp.clear();
    }
  }

  /** Whether `close` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Page traffic so far. */
  get stats(): BtreeStats {
    const mp = this.t.mp;
    return { ...mp.stats, pages: mp.npages, cached: mp.cached };
  }

  /** Runs one operation: checks the state, trims the cache after it, and classifies failures. */
  private run<T>(mutating: boolean, fn: (t: Tree) => T): T {
    if (this.closed) throw invalid('the database is closed');
    if (this.failure !== null) {
      throw new BtreeError('EPANIC', 'the database is unusable: an earlier change failed half-way', { cause: this.failure });
    }
    const t = this.t;
    const before = t.mutations;
    try {
      const result = fn(t);
      if (mutating) t.scanMoves = 0;
      t.mp.trim();
      return result;
    } catch (e) {
      if (t.mutations !== before) this.failure = e;
      if (e instanceof BtreeError || isStreamError(e)) throw e;
      throw new BtreeError('EINTERNAL', `internal error: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
}

/**
 * One range iteration, exactly as MicroPython's `btree_iternext` runs it on the database's cursor: the
 * first step is a keyed scan to the first key at or after `start` (also when descending, so a descending
 * scan from a key that is absent starts at the next key above it), or the first/last key without a start;
 * each later step moves the cursor one key on (back with `DESC`). The scan ends before a key at or past
 * `end` (below `end` when descending), or past it with `INCL`. An empty `start` key fails with `EINVAL`.
 */
export class RangeScan {
  private readonly db: Btree;
  private start: Uint8Array | null;
  private readonly end: Uint8Array | null;
  private readonly flags: number;
  private readonly wantKey: boolean;
  private readonly wantValue: boolean;
  private started = false;
  private done = false;

  /**
   * `kind` says what `next` reads: the key, the value or both (the part not asked for comes back empty;
   * a value is never read from its overflow pages for `'keys'`).
   */
  constructor(db: Btree, start: Uint8Array | null | undefined, end: Uint8Array | null | undefined, flags: number, kind: ScanKind = 'items') {
    if (start != null) checkBytes(start, 'start key');
    if (end != null) checkBytes(end, 'end key');
    this.db = db;
    this.start = start ?? null;
    this.end = end ?? null;
    this.flags = flags;
    this.wantKey = kind !== 'values' || this.end !== null;
    this.wantValue = kind !== 'keys';
  }

  /** The next key and value, or `undefined` at the end. */
  next(): Entry | undefined {
    if (this.done) return undefined;
    const desc = (this.flags & DESC) !== 0;
    let flag: number;
    let key: Uint8Array | undefined;
    if (!this.started) {
      this.started = true;
      flag = this.start !== null ? R_CURSOR : desc ? R_LAST : R_FIRST;
      key = this.start ?? undefined;
      this.start = null;
    } else {
      flag = desc ? R_PREV : R_NEXT;
    }
    const entry = scanStep(this.db, flag, key, this.wantKey, this.wantValue);
    if (!entry) return undefined;
    if (this.end !== null) {
      let cmp = compareBytes(entry[0], this.end);
      if (desc) cmp = -cmp;
      if (this.flags & INCL) cmp--;
      if (cmp >= 0) {
        this.done = true;
        return undefined;
      }
    }
    return entry;
  }
}

function checkBytes(v: unknown, what: string): void {
  if (!(v instanceof Uint8Array)) throw invalid(`the ${what} must be a Uint8Array`);
}

/** Reads the meta data at the start of the stream. */
function readMeta(stream: BtreeStream): Uint8Array {
  const meta = new Uint8Array(BTMETASIZE);
  streamCall(() => stream.seek(0, SEEK_SET));
  let got = 0;
  while (got < BTMETASIZE) {
    const n = streamCall(() => stream.read(meta.subarray(got)));
    if (!(n > 0)) break;
    got += n;
  }
  if (got < BTMETASIZE) throw corrupt(`the file is too short for a btree file (${got} bytes)`);
  return meta;
}

/** Writes the meta page if needed, then every dirty page (`__bt_sync`, `bt_meta`). */
function sync(t: Tree): void {
  if (!t.modified) return;
  if (t.metaDirty) {
    const p = t.mp.get(0);
    p.setU32(M_MAGIC, BTREEMAGIC);
    p.setU32(M_VERSION, BTREEVERSION);
    p.setU32(M_PSIZE, t.psize);
    p.setU32(M_FREE, t.free);
    p.setU32(M_NRECS, t.nrecs);
    p.setU32(M_FLAGS, t.flags & (B_NODUPS | R_RECNO));
    p.dirty = true;
    t.metaDirty = false;
  }
  t.mp.sync();
  t.modified = false;
}
