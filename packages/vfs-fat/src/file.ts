// Open files. Every open handle on the same directory entry shares one FileNode (first cluster, size, a
// one-sector buffer, the cluster chain as extents), so handles always agree. Data streams through the
// cluster chain: whole sectors go straight between the caller's buffer and the device, partial sectors
// through the node's buffer; nothing ever loads a whole file.
import type { Disk } from './blockdev.js';
import type { SectorCache } from './cache.js';
import { EBADF, EFBIG, EINVAL, EIO, ENOSPC, FatError } from './errors.js';
import type { FatTable } from './fat.js';
import { clusterSector, type Geometry } from './layout.js';

/** The largest size a FAT file can have. */
export const MAX_FILE_SIZE = 0xffffffff;

/** What a node needs from its volume. */
export interface NodeHost {
  readonly g: Geometry;
  readonly disk: Disk;
  readonly fat: FatTable;
  readonly cache: SectorCache;
  /** A free cluster marked end-of-chain, committing first if only just-freed clusters are left; 0 if full. */
  allocateCluster(): number;
  /** Writes all pending changes in safe order. */
  commit(): void;
  ensureWritable(): void;
  /** A handle was closed: forget the node when nobody uses it. */
  release(node: FileNode): void;
}

export class FileNode {
  key: string;
  /** Absolute sector and byte offset of the short directory entry. */
  sector: number;
  offset: number;
  firstCluster: number;
  size: number;
  attr: number;
  refs = 0;
  /** Removed while open: every further use fails with EBADF. */
  dead = false;
  /** Size or first cluster changed: the directory entry must be rewritten. */
  modified = false;
  // The chain as runs of consecutive clusters: run i covers file clusters runIdx[i] .. runIdx[i]+runLen[i]-1.
  private runIdx: number[] = [];
  private runClu: number[] = [];
  private runLen: number[] = [];
  private known = 0;
  private complete = false;
  private lastRun = 0;
  // One-sector buffer for partial-sector I/O.
  buf: Uint8Array;
  bufSector = -1;
  bufDirty = false;

  constructor(sector: number, offset: number, firstCluster: number, size: number, attr: number, sectorSize: number) {
    this.key = `${sector}:${offset}`;
    this.sector = sector;
    this.offset = offset;
    this.firstCluster = firstCluster;
    this.size = size;
    this.attr = attr;
    this.buf = new Uint8Array(sectorSize);
    this.resetChain();
  }

  resetChain(): void {
    this.runIdx = [];
    this.runClu = [];
    this.runLen = [];
    this.known = 0;
    this.lastRun = 0;
    this.complete = this.firstCluster === 0;
    if (this.firstCluster !== 0) this.append(this.firstCluster);
  }

  private append(c: number): void {
    const n = this.runIdx.length;
    if (n > 0 && this.runClu[n - 1] + this.runLen[n - 1] === c) {
      this.runLen[n - 1]++;
    } else {
      this.runIdx.push(this.known);
      this.runClu.push(c);
      this.runLen.push(1);
    }
    this.known++;
  }

  get lastCluster(): number {
    const n = this.runIdx.length;
    return n === 0 ? 0 : this.runClu[n - 1] + this.runLen[n - 1] - 1;
  }

  /** Follows the FAT until `index` is known or the chain ends. */
  private walk(host: NodeHost, index: number): void {
    while (this.known <= index && !this.complete) {
      const next = host.fat.next(this.lastCluster);
      if (next === 0) {
        this.complete = true;
        break;
      }
      if (this.known >= host.g.clusterCount) throw new FatError(EIO, 'cluster chain loops');
      this.append(next);
    }
  }

  /** Number of clusters in the chain (walks it to the end). */
  chainLength(host: NodeHost): number {
    this.walk(host, Infinity);
    return this.known;
  }

  /** Run index holding file cluster `index`, or -1 beyond the chain. */
  private runOf(host: NodeHost, index: number): number {
    if (index >= this.known) this.walk(host, index);
    if (index >= this.known) return -1;
    let r = this.lastRun;
    if (r >= this.runIdx.length || this.runIdx[r] > index || this.runIdx[r] + this.runLen[r] <= index) {
      let lo = 0;
      let hi = this.runIdx.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.runIdx[mid] <= index) lo = mid;
        else hi = mid - 1;
      }
      r = lo;
    }
    this.lastRun = r;
    return r;
  }

  /** Cluster number of file cluster `index` and how many clusters follow it contiguously (itself included). */
  locate(host: NodeHost, index: number): { cluster: number; contiguous: number } | null {
    const r = this.runOf(host, index);
    if (r < 0) return null;
    const k = index - this.runIdx[r];
    return { cluster: this.runClu[r] + k, contiguous: this.runLen[r] - k };
  }

  /** Grows the chain to `count` clusters; returns how many it has (fewer when the volume is full). */
  grow(host: NodeHost, count: number): number {
    this.walk(host, Infinity);
    while (this.known < count) {
      const c = host.allocateCluster();
      if (c === 0) break;
      if (this.known === 0) {
        this.firstCluster = c;
        this.modified = true;
      } else {
        host.fat.set(this.lastCluster, c);
      }
      this.append(c);
    }
    return this.known;
  }

  /** Cuts the chain to `count` clusters, freeing the rest. */
  shrink(host: NodeHost, count: number): void {
    this.walk(host, Infinity);
    if (count >= this.known) return;
    if (count === 0) {
      host.fat.freeChain(this.firstCluster);
      this.firstCluster = 0;
      this.modified = true;
      this.resetChain();
      return;
    }
    const last = this.locate(host, count - 1)!.cluster;
    const rest = host.fat.get(last);
    host.fat.set(last, host.fat.eoc);
    if (!host.fat.isEoc(rest)) host.fat.freeChain(rest);
    // Keep the runs up to `count` clusters.
    const r = this.runOf(host, count - 1);
    this.runIdx.length = r + 1;
    this.runClu.length = r + 1;
    this.runLen.length = r + 1;
    this.runLen[r] = count - this.runIdx[r];
    this.known = count;
    this.complete = true;
    this.lastRun = 0;
  }

  /** Writes the buffered sector if it holds changes. */
  flushBuffer(disk: Disk): void {
    if (this.bufDirty) {
      disk.write(this.bufSector, this.buf);
      this.bufDirty = false;
    }
  }

  dropBuffer(): void {
    this.bufSector = -1;
    this.bufDirty = false;
  }
}

// Largest single device transfer, in bytes.
const MAX_TRANSFER = 64 * 1024;

/** Reads up to `len` bytes at `pos` into `out[outOff..]`; returns the number read (short at end of file). */
export function nodeRead(host: NodeHost, node: FileNode, pos: number, out: Uint8Array, outOff: number, len: number): number {
  const { g, disk } = host;
  const ss = g.sectorSize;
  const cb = g.clusterSize;
  if (pos >= node.size) return 0;
  len = Math.min(len, node.size - pos);
  let done = 0;
  while (done < len) {
    const p = pos + done;
    const loc = node.locate(host, Math.floor(p / cb));
    if (!loc) throw new FatError(EIO, 'file is shorter than its size: broken cluster chain');
    const inCluster = p % cb;
    const secInCluster = Math.floor(inCluster / ss);
    const sector = clusterSector(g, loc.cluster) + secInCluster;
    const inSector = p % ss;
    const remaining = len - done;
    if (inSector === 0 && remaining >= ss) {
      const avail = loc.contiguous * g.sectorsPerCluster - secInCluster;
      const count = Math.min(Math.floor(remaining / ss), avail, Math.max(1, MAX_TRANSFER / ss));
      if (node.bufSector >= sector && node.bufSector < sector + count) node.flushBuffer(disk);
      disk.read(sector, out.subarray(outOff + done, outOff + done + count * ss));
      done += count * ss;
    } else {
      loadBuffer(host, node, sector, true);
      const n = Math.min(ss - inSector, remaining);
      out.set(node.buf.subarray(inSector, inSector + n), outOff + done);
      done += n;
    }
  }
  return done;
}

function loadBuffer(host: NodeHost, node: FileNode, sector: number, read: boolean): void {
  if (node.bufSector === sector) return;
  node.flushBuffer(host.disk);
  if (read) host.disk.read(sector, node.buf);
  else node.buf.fill(0);
  node.bufSector = sector;
}

/**
 * Writes `data` at `pos`, first filling any gap after the end of the file with zeros. When the volume
 * fills up, writes what fits and throws ENOSPC with `bytesWritten`; the chain always matches the size.
 */
export function nodeWrite(host: NodeHost, node: FileNode, pos: number, data: Uint8Array): number {
  const { g } = host;
  const cb = g.clusterSize;
  if (data.length === 0) {
    return 0;
  }
  const end = pos + data.length;
  if (end > MAX_FILE_SIZE) throw new FatError(EFBIG, 'FAT files are limited to 4 GiB - 1 bytes');
  const had = node.chainLength(host);
  const want = Math.ceil(end / cb);
  const have = node.grow(host, want);
  const capacity = have * cb;
  if (capacity <= pos) {
    // Not even the gap fits: give back what was taken, change nothing.
    node.shrink(host, Math.max(had, Math.ceil(node.size / cb)));
    throw new FatError(ENOSPC, 'no space left on the volume', 0);
  }
  if (pos > node.size) zeroRange(host, node, node.size, pos);
  const stop = Math.min(end, capacity);
  writeRange(host, node, pos, data.subarray(0, stop - pos));
  if (stop > node.size) {
    node.size = stop;
  }
  node.modified = true;
  if (stop < end) throw new FatError(ENOSPC, 'no space left on the volume', stop - pos);
  return data.length;
}

function zeroRange(host: NodeHost, node: FileNode, from: number, to: number): void {
  const chunk = new Uint8Array(Math.min(to - from, MAX_TRANSFER));
  for (let p = from; p < to; p += chunk.length) {
    const n = Math.min(chunk.length, to - p);
    writeRange(host, node, p, chunk.subarray(0, n));
    if (p + n > node.size) node.size = p + n;
  }
}

/** Writes bytes inside the allocated chain (the caller has grown it). */
function writeRange(host: NodeHost, node: FileNode, pos: number, data: Uint8Array): void {
  const { g, disk } = host;
  const ss = g.sectorSize;
  const cb = g.clusterSize;
  let done = 0;
  while (done < data.length) {
    const p = pos + done;
    const loc = node.locate(host, Math.floor(p / cb));
    if (!loc) throw new FatError(EIO, 'cluster chain shorter than expected');
    const inCluster = p % cb;
    const secInCluster = Math.floor(inCluster / ss);
    const sector = clusterSector(g, loc.cluster) + secInCluster;
    const inSector = p % ss;
    const remaining = data.length - done;
    if (inSector === 0 && remaining >= ss) {
      const avail = loc.contiguous * g.sectorsPerCluster - secInCluster;
      const count = Math.min(Math.floor(remaining / ss), avail, Math.max(1, MAX_TRANSFER / ss));
      if (node.bufSector >= sector && node.bufSector < sector + count) node.dropBuffer();
      disk.write(sector, data.subarray(done, done + count * ss));
      done += count * ss;
    } else {
      // A sector that starts at or after the end of the file holds nothing worth reading.
      const sectorStart = p - inSector;
      loadBuffer(host, node, sector, sectorStart < node.size);
      const n = Math.min(ss - inSector, remaining);
      node.buf.set(data.subarray(done, done + n), inSector);
      node.bufDirty = true;
      done += n;
    }
  }
}

/** Sets the size: frees clusters past a smaller size, zero-fills up to a larger one. */
export function nodeTruncate(host: NodeHost, node: FileNode, size: number): void {
  const cb = host.g.clusterSize;
  if (size > MAX_FILE_SIZE) throw new FatError(EFBIG, 'FAT files are limited to 4 GiB - 1 bytes');
  if (size < node.size) {
    const keep = Math.ceil(size / cb);
    node.size = size;
    node.modified = true;
    // The buffered sector may lie past the new end, in a cluster about to be freed.
    node.flushBuffer(host.disk);
    node.dropBuffer();
    node.shrink(host, keep);
  } else if (size > node.size) {
    const had = node.chainLength(host);
    const have = node.grow(host, Math.ceil(size / cb));
    if (have * cb < size) {
      node.shrink(host, Math.max(had, Math.ceil(node.size / cb)));
      throw new FatError(ENOSPC, 'no space left on the volume');
    }
    zeroRange(host, node, node.size, size);
    node.modified = true;
  }
}

export interface OpenFlags {
  read: boolean;
  write: boolean;
  append: boolean;
  create: boolean;
  truncate: boolean;
  exclusive: boolean;
  binary: boolean;
}

/** Parses a Python open mode (`r w a x`, `+`, `b`/`t`). */
export function parseMode(mode: string): OpenFlags {
  const f: OpenFlags = { read: false, write: false, append: false, create: false, truncate: false, exclusive: false, binary: false };
  let kind = '';
  let plus = false;
  let bt = '';
  for (const ch of mode) {
    if ('rwax'.includes(ch)) {
      if (kind) throw new FatError(EINVAL, `invalid mode '${mode}'`);
      kind = ch;
    } else if (ch === '+') {
      if (plus) throw new FatError(EINVAL, `invalid mode '${mode}'`);
      plus = true;
    } else if (ch === 'b' || ch === 't') {
      if (bt) throw new FatError(EINVAL, `invalid mode '${mode}'`);
      bt = ch;
    } else {
      throw new FatError(EINVAL, `invalid mode '${mode}'`);
    }
  }
  switch (kind || 'r') {
    case 'r':
      f.read = true;
      break;
    case 'w':
      f.write = f.create = f.truncate = true;
      break;
    case 'a':
      f.write = f.create = f.append = true;
      break;
    case 'x':
      f.write = f.create = f.exclusive = true;
      break;
  }
  if (plus) f.read = f.write = true;
  f.binary = bt === 'b';
  return f;
}

/** An open file. Binary: bytes in, bytes out (text decoding is the Python binding's job). */
export class FatFile {
  readonly name: string;
  readonly mode: string;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly append: boolean;
  private host: NodeHost;
  private node: FileNode;
  private pos = 0;
  private isClosed = false;

  /** @internal Use FatVolume.open. */
  constructor(host: NodeHost, node: FileNode, flags: OpenFlags, name: string, mode: string) {
    this.host = host;
    this.node = node;
    this.name = name;
    this.mode = mode;
    this.readable = flags.read;
    this.writable = flags.write;
    this.append = flags.append;
    node.refs++;
    if (flags.append) this.pos = node.size;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private live(): FileNode {
    // MicroPython answers EINVAL for any operation on a closed file (FatFs FR_INVALID_OBJECT).
    if (this.isClosed) throw new FatError(EINVAL, 'I/O operation on closed file');
    if (this.node.dead) throw new FatError(EBADF, 'the file was removed');
    return this.node;
  }

  /** Current size of the file in bytes. */
  get size(): number {
    return this.live().size;
  }

  /** Reads up to `n` bytes (all the rest if `n` is negative or absent). */
  read(n = -1): Uint8Array {
    const node = this.live();
    if (!this.readable) throw new FatError(EBADF, 'file not open for reading');
    const avail = Math.max(0, node.size - this.pos);
    const len = n < 0 ? avail : Math.min(n, avail);
    const out = new Uint8Array(len);
    const got = nodeRead(this.host, node, this.pos, out, 0, len);
    this.pos += got;
    return got === len ? out : out.subarray(0, got);
  }

  /** Reads into `buf`; returns the number of bytes read (0 at end of file). */
  readinto(buf: Uint8Array): number {
    const node = this.live();
    if (!this.readable) throw new FatError(EBADF, 'file not open for reading');
    const got = nodeRead(this.host, node, this.pos, buf, 0, buf.length);
    this.pos += got;
    return got;
  }

  /** Writes all of `data` (or throws; ENOSPC carries `bytesWritten`). Returns data.length. */
  write(data: Uint8Array): number {
    const node = this.live();
    if (!this.writable) throw new FatError(EBADF, 'file not open for writing');
    this.host.ensureWritable();
    if (this.append) this.pos = node.size;
    try {
      nodeWrite(this.host, node, this.pos, data);
      this.pos += data.length;
    } catch (e) {
      if (e instanceof FatError && e.errno === ENOSPC) this.pos += e.bytesWritten;
      throw e;
    }
    return data.length;
  }

  /** Moves the position (whence 0 = start, 1 = current, 2 = end); returns the new position. */
  seek(offset: number, whence = 0): number {
    const node = this.live();
    let base: number;
    if (whence === 0) base = 0;
    else if (whence === 1) base = this.pos;
    else if (whence === 2) base = node.size;
    else throw new FatError(EINVAL, `invalid whence ${whence}`);
    const p = base + offset;
    if (!Number.isSafeInteger(p) || p < 0) throw new FatError(EINVAL, 'negative seek position');
    this.pos = p;
    return p;
  }

  tell(): number {
    this.live();
    return this.pos;
  }

  /** Sets the size to `size` (default: the current position); returns the new size. */
  truncate(size?: number): number {
    const node = this.live();
    if (!this.writable) throw new FatError(EBADF, 'file not open for writing');
    this.host.ensureWritable();
    const s = size ?? this.pos;
    if (!Number.isSafeInteger(s) || s < 0) throw new FatError(EINVAL, 'negative size');
    nodeTruncate(this.host, node, s);
    this.host.commit();
    return s;
  }

  /** Writes buffered data, the FAT and the directory entry to the device. */
  flush(): void {
    this.live();
    if (this.writable) this.host.commit();
  }

  /** Flushes and closes. Closing twice is allowed. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    const node = this.node;
    try {
      if (!node.dead && this.writable && (node.modified || node.bufDirty)) this.host.commit();
    } finally {
      node.refs--;
      this.host.release(node);
    }
  }
}
