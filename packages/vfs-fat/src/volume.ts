// A mounted FAT volume: paths, directories, files, and the commit that writes changes in a safe order.
//
// Write ordering (what makes a power cut survivable): file data goes to the device as it is written;
// FAT and directory sectors stay in the metadata cache until a commit, which every namespace operation
// and every flush/close performs, in this order:
//   1. the data still buffered in open files, and their directory entries (into the cache);
//   2. FAT sectors, with every entry freed or shortened since the last commit still showing its old
//      value (so only allocations reach the disk: a cut here leaves at worst unreferenced clusters);
//   3. directory sectors, those that only add or update entries before those that delete entries;
//   4. the FAT sectors again, now with the frees;
//   5. FAT32's FSInfo, then the device's sync.
// A cluster freed since the last commit is never reused before the next one, so a directory entry on
// disk never points at a cluster that another file's data has already overwritten.
import { Disk, type BlockDevice } from './blockdev.js';
import { KIND_DIR, KIND_FAT, SectorCache, type Slot } from './cache.js';
import { foldName } from './cp437.js';
import {
  ATTR_ARCHIVE,
  ATTR_DIRECTORY,
  ATTR_READ_ONLY,
  ATTR_VOLUME_ID,
  DELETED,
  DIR_ACC_DATE,
  DIR_ATTR,
  DIR_CRT_DATE,
  DIR_CRT_TIME,
  DIR_NTRES,
  DIR_WRT_DATE,
  DIR_WRT_TIME,
  ENTRY_SIZE,
  EntryParser,
  isDirectory,
  isDotEntry,
  isVolumeLabel,
  makeEntry,
  setEntryCluster,
  setEntrySize,
  type DirEntry,
} from './dirent.js';
import {
  EACCES,
  EEXIST,
  EINVAL,
  EISDIR,
  ENODEV,
  ENOENT,
  ENOSPC,
  ENOTDIR,
  ENOTEMPTY,
  EROFS,
  FatError,
} from './errors.js';
import { FatTable } from './fat.js';
import { FatFile, FileNode, parseMode, type NodeHost } from './file.js';
import { labelToString, validateLabel } from './label.js';
import { clusterSector, findVolume, rd32, wr16, wr32, type FatType, type Geometry } from './layout.js';
import {
  MAX_LFN,
  encodeLongName,
  makeShortName,
  numberedShortName,
  shortNameChecksum,
  shortNameMiddle,
  validateName,
} from './names.js';
import { fatToEpochSeconds, packDateTime, systemClock, type FatClock } from './time.js';

export const S_IFDIR = 0x4000;
export const S_IFREG = 0x8000;

/** Seconds since 1970 of 2000-01-01 00:00:00, the time MicroPython reports for the root directory. */
const ROOT_TIME = 946684800;
/** The most entries a directory may have (2 MiB of entries, as FAT specifies). */
const MAX_DIR_ENTRIES = 65536;

export interface MountOptions {
  /** Refuse every change (EROFS), as `uos.mount(..., readonly=True)`. */
  readonly?: boolean;
  /** Source of timestamps (default: the host's local time). */
  clock?: FatClock;
  /** Upper bound of the metadata cache, in bytes (dirty sectors are kept regardless until a commit). */
  cacheBytes?: number;
}

/** `stat` results, in the order of MicroPython's 10-tuple, plus FAT details. */
export interface FatStat {
  mode: number;
  ino: number;
  dev: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since 1970-01-01, the FAT local time taken as UTC (MicroPython subtracts its own epoch). */
  atime: number;
  mtime: number;
  ctime: number;
  attr: number;
  isDirectory: boolean;
}

/** `statvfs` results, in the order of MicroPython's 10-tuple. */
export interface FatStatVfs {
  bsize: number;
  frsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  favail: number;
  flag: number;
  namemax: number;
}

/** One `ilistdir` item: MicroPython's `(name, type, inode, size)`. */
export interface FatListEntry {
  name: string;
  type: number;
  inode: number;
  size: number;
}

type Resolved =
  | { kind: 'dir'; dir: number }
  | { kind: 'entry'; parent: number; name: string; entry: DirEntry | null };

interface Loc {
  sector: number;
  offset: number;
}

export class FatVolume implements NodeHost {
  readonly disk: Disk;
  readonly g: Geometry;
  readonly cache: SectorCache;
  readonly fat: FatTable;
  readonly readonly: boolean;
  clock: FatClock;
  /** The root directory: 0 for the fixed FAT12/16 root, the root cluster on FAT32. */
  private readonly root: number;
  private cwd: number;
  private readonly nodes = new Map<string, FileNode>();
  private readonly dirChains = new Map<number, number[]>();
  private fsInfoFree = -1;
  private fsInfoNext = -1;
  private mounted = true;

  private constructor(disk: Disk, g: Geometry, options: MountOptions) {
    this.disk = disk;
    this.g = g;
    this.readonly = !disk.writable;
    this.clock = options.clock ?? systemClock;
    this.cache = new SectorCache(disk, options.cacheBytes);
    this.fat = new FatTable(g, this.cache);
    this.root = g.fatType === 32 ? g.rootCluster : 0;
    this.cwd = this.root;
    if (g.fatType === 32 && g.fsInfoSector >= 0) this.readFsInfo();
  }

  /** Mounts the FAT volume on a block device (at sector 0, or in the first FAT partition of an MBR). */
  static mount(device: BlockDevice | Disk, options: MountOptions = {}): FatVolume {
    const disk = device instanceof Disk ? device : new Disk(device, { readonly: options.readonly });
    if (device instanceof Disk && options.readonly && disk.writable) {
      return FatVolume.mount(disk.dev, options);
    }
    disk.init();
    const g = findVolume(disk);
    return new FatVolume(disk, g, options);
  }

  private readFsInfo(): void {
    const b = new Uint8Array(this.g.sectorSize);
    this.disk.read(this.g.fsInfoSector, b);
    if (rd32(b, 0) !== 0x41615252 || rd32(b, 484) !== 0x61417272 || b[510] !== 0x55 || b[511] !== 0xaa) return;
    const free = rd32(b, 488);
    const next = rd32(b, 492);
    this.fsInfoFree = free;
    this.fsInfoNext = next;
    if (free <= this.g.clusterCount) this.fat.freeCount = free;
    if (next >= 2 && next <= this.fat.maxCluster) this.fat.nextFree = next === this.fat.maxCluster ? 2 : next + 1;
  }

  /** The FAT type, cluster size and other figures of the volume. */
  get geometry(): Readonly<Geometry> {
    return this.g;
  }

  get fatType(): FatType {
    return this.g.fatType;
  }

  // ---------------------------------------------------------------------------------------------------
  // NodeHost

  /** @internal */
  ensureWritable(): void {
    this.ensureMounted();
    if (this.readonly) throw new FatError(EROFS);
  }

  private ensureMounted(): void {
    if (!this.mounted) throw new FatError(ENODEV, 'volume is unmounted');
  }

  /** @internal */
  allocateCluster(): number {
    let c = this.fat.allocate();
    if (c === 0 && this.cache.dirtyCount > 0) {
      // Clusters freed since the last commit may be all that is left: commit, then they are usable.
      this.commit();
      c = this.fat.allocate();
    }
    return c;
  }

  /** @internal */
  release(node: FileNode): void {
    if (node.refs === 0 && this.nodes.get(node.key) === node) this.nodes.delete(node.key);
  }

  private stamp(): { date: number; time: number } {
    return packDateTime(this.clock());
  }

  /** Pushes open files' buffered data to the device and their sizes into their directory entries. */
  private flushNodes(): void {
    for (const node of this.nodes.values()) {
      if (node.dead) continue;
      node.flushBuffer(this.disk);
      if (node.modified) {
        const slot = this.cache.get(node.sector, KIND_DIR);
        this.cache.touch(slot);
        const d = slot.data;
        const o = node.offset;
        setEntryCluster(d, o, node.firstCluster, this.g.fatType === 32);
        setEntrySize(d, o, node.size);
        const now = this.stamp();
        wr16(d, o + DIR_WRT_TIME, now.time);
        wr16(d, o + DIR_WRT_DATE, now.date);
        wr16(d, o + DIR_ACC_DATE, now.date);
        d[o + DIR_ATTR] |= ATTR_ARCHIVE;
        node.modified = false;
      }
    }
  }

  /** Writes every pending change to the device, in the safe order described at the top of this file. */
  commit(): void {
    this.ensureMounted();
    if (this.readonly) return;
    this.flushNodes();
    const dirty = this.cache.dirtySlots();
    const fats = dirty.filter((s) => s.kind === KIND_FAT).sort((a, b) => a.sector - b.sector);
    // Directory sectors: additions last-entry-first (a short entry reaches the disk before its long-name
    // entries, so a cut never leaves long-name parts without their short entry), then deletions in
    // directory order (long-name parts before their short entry).
    const dirs = dirty.filter((s) => s.kind !== KIND_FAT).sort((a, b) => b.order - a.order);
    const fatLater = [];
    for (const slot of fats) {
      const image = this.fat.allocationOnlyImage(slot);
      this.writeFat(slot.sector, image ?? slot.data);
      if (image) fatLater.push(slot);
      else this.cache.markClean(slot);
    }
    const dirLater = [];
    for (const slot of dirs) {
      if (slot.restore) {
        const image = slot.data.slice();
        for (const [offset, byte] of slot.restore) image[offset] = byte;
        this.disk.write(slot.sector, image);
        dirLater.push(slot);
      } else {
        this.disk.write(slot.sector, slot.data);
        this.cache.markClean(slot);
      }
    }
    for (const slot of dirLater.reverse()) {
      this.disk.write(slot.sector, slot.data);
      this.cache.markClean(slot);
    }
    for (const slot of fatLater) {
      this.writeFat(slot.sector, slot.data);
      this.cache.markClean(slot);
    }
    this.writeFsInfo();
    this.disk.sync();
  }

  private writeFat(sector: number, data: Uint8Array): void {
    const rel = sector - this.g.fatStart;
    for (const i of this.g.activeFats) this.disk.write(this.g.fatStart + i * this.g.fatSectors + rel, data);
  }

  private writeFsInfo(): void {
    const g = this.g;
    if (g.fatType !== 32 || g.fsInfoSector < 0 || this.fsInfoFree < 0) return;
    const free = this.fat.freeCount;
    const next = this.fat.nextFree - 1 < 2 ? this.fat.maxCluster : this.fat.nextFree - 1;
    if (free === this.fsInfoFree && next === this.fsInfoNext) return;
    if (free < 0) return;
    const b = new Uint8Array(g.sectorSize);
    this.disk.read(g.fsInfoSector, b);
    wr32(b, 488, free);
    wr32(b, 492, next);
    this.disk.write(g.fsInfoSector, b);
    this.fsInfoFree = free;
    this.fsInfoNext = next;
  }

  /** Flushes everything (uos.sync). */
  sync(): void {
    this.ensureMounted();
    this.commit();
  }

  /** Flushes everything, closes the device (ioctl 2) and makes this object unusable. */
  umount(): void {
    if (!this.mounted) return;
    this.commit();
    this.mounted = false;
    this.disk.deinit();
  }

  // ---------------------------------------------------------------------------------------------------
  // Directories as sequences of 32-byte entries

  private dirClusters(dir: number): number[] {
    let chain = this.dirChains.get(dir);
    if (!chain) {
      chain = this.fat.chain(dir);
      this.dirChains.set(dir, chain);
    }
    return chain;
  }

  /** Entries the directory has room for without growing. */
  private dirCapacity(dir: number): number {
    if (dir === 0) return this.g.rootEntries;
    return (this.dirClusters(dir).length * this.g.clusterSize) / ENTRY_SIZE;
  }

  private entryLoc(dir: number, index: number): Loc | null {
    const ss = this.g.sectorSize;
    if (dir === 0) {
      if (index >= this.g.rootEntries) return null;
      const byte = index * ENTRY_SIZE;
      return { sector: this.g.rootDirStart + Math.floor(byte / ss), offset: byte % ss };
    }
    const perCluster = this.g.clusterSize / ENTRY_SIZE;
    const chain = this.dirClusters(dir);
    const ci = Math.floor(index / perCluster);
    if (ci >= chain.length) return null;
    const byte = (index % perCluster) * ENTRY_SIZE;
    return { sector: clusterSector(this.g, chain[ci]) + Math.floor(byte / ss), offset: byte % ss };
  }

  /**
   * Visits entries from `start` up to the end marker (a 0x00 first byte) or the end of the directory.
   * `visit` returns true to stop. Returns the index where the walk ended.
   */
  private walk(dir: number, start: number, visit: (data: Uint8Array, o: number, index: number, sector: number) => boolean | void): number {
    let index = start;
    for (;;) {
      const loc = this.entryLoc(dir, index);
      if (!loc) return index;
      const data = this.cache.get(loc.sector, KIND_DIR).data;
      for (let o = loc.offset; o < this.g.sectorSize; o += ENTRY_SIZE, index++) {
        if (data[o] === 0) return index;
        if (visit(data, o, index, loc.sector)) return index;
      }
    }
  }

  /** The files and directories of a directory (no volume label, no `.`/`..`), from entry `start`. */
  private *entries(dir: number, start = 0): Generator<DirEntry> {
    let next = start;
    for (;;) {
      let found: DirEntry | null = null;
      const parser = new EntryParser();
      this.walk(dir, next, (data, o, index, sector) => {
        const e = parser.feed(data, o, index, sector);
        if (e && !isVolumeLabel(e.attr) && !isDotEntry(e.shortName)) {
          found = e;
          return true;
        }
        return false;
      });
      if (!found) return;
      const e: DirEntry = found;
      next = e.index + 1;
      yield e;
    }
  }

  private find(dir: number, name: string): DirEntry | null {
    const folded = foldName(name);
    const short = makeShortName(name);
    const sfn = short.lossy ? null : short.bytes;
    let found: DirEntry | null = null;
    const parser = new EntryParser();
    this.walk(dir, 0, (data, o, index, sector) => {
      const attr = data[o + DIR_ATTR];
      if (data[o] === DELETED || (attr & 0x3f) === 0x0f) {
        parser.feed(data, o, index, sector);
        return false;
      }
      // A short entry: match its raw bytes and long name before building anything.
      const longName = parser.takeLongName(data, o);
      if (isVolumeLabel(attr) || data[o] === 0x2e) return false;
      const hit =
        (longName !== null && longName.length === folded.length && foldName(longName) === folded) ||
        (sfn !== null && sameBytes(data.subarray(o, o + 11), sfn));
      if (!hit) return false;
      found = makeEntry(data, o, longName, index, longName !== null ? parser.firstIndex : index, sector);
      return true;
    });
    return found;
  }

  private dirOf(e: DirEntry): number {
    return e.cluster === 0 ? this.root : e.cluster;
  }

  /** The parent of a directory (the root's parent is the root). */
  private parentOf(dir: number): number {
    if (dir === this.root) return this.root;
    let parent = this.root;
    const parser = new EntryParser();
    this.walk(dir, 0, (data, o, index, sector) => {
      const e = parser.feed(data, o, index, sector);
      if (e && e.shortName[0] === 0x2e && e.shortName[1] === 0x2e && e.shortName[2] === 0x20) {
        parent = this.dirOf(e);
        return true;
      }
      return index > 4;
    });
    return parent;
  }

  // ---------------------------------------------------------------------------------------------------
  // Paths

  /**
   * Follows a path (relative to the current directory unless it starts with `/` or `\`). Intermediate
   * components must be directories (ENOENT otherwise, as FatFs answers). `.` and `..` are followed.
   */
  private resolve(path: string): Resolved {
    this.ensureMounted();
    const parts = path.split(/[\\/]+/).filter((p) => p !== '');
    let dir = /^[\\/]/.test(path) ? this.root : this.cwd;
    for (let i = 0; i < parts.length; i++) {
      const comp = parts[i];
      const last = i === parts.length - 1;
      if (comp === '.') {
        if (last) return { kind: 'dir', dir };
        continue;
      }
      if (comp === '..') {
        dir = this.parentOf(dir);
        if (last) return { kind: 'dir', dir };
        continue;
      }
      const name = validateName(comp);
      const e = this.find(dir, name);
      if (last) return { kind: 'entry', parent: dir, name, entry: e };
      if (!e) throw new FatError(ENOENT, `no such directory: '${comp}' in '${path}'`);
      if (!isDirectory(e)) throw new FatError(ENOENT, `'${comp}' is not a directory (in '${path}')`);
      dir = this.dirOf(e);
    }
    return { kind: 'dir', dir };
  }

  // ---------------------------------------------------------------------------------------------------
  // Creating and deleting entries

  /**
   * Creates the entries for `name` in `dir` from a 32-byte template (attributes, times, cluster, size),
   * choosing a unique short name. `ignore` is an entry that does not count as a collision (a rename
   * changing only the case). Returns the short entry's location.
   */
  private createEntry(dir: number, name: string, template: Uint8Array, ignore: DirEntry | null = null): Loc {
    const short = makeShortName(name);
    const folded = foldName(name);
    // Short names in use that a numeric tail could collide with: same first two bytes and extension
    // (every candidate keeps those), keyed by the six bytes a tail changes.
    const base = short.bytes;
    const used = new Set<number>();
    let clash = false;
    const parser = new EntryParser();
    this.walk(dir, 0, (data, o, index, sector) => {
      const attr = data[o + DIR_ATTR];
      if (data[o] === DELETED || (attr & 0x3f) === 0x0f) {
        parser.feed(data, o, index, sector);
        return false;
      }
      const longName = parser.takeLongName(data, o);
      if (isVolumeLabel(attr)) return false;
      if (ignore && sector === ignore.sector && o === ignore.offset) return false;
      if (data[o] !== 0x2e) {
        if (longName !== null && longName.length === folded.length && foldName(longName) === folded) {
          throw new FatError(EEXIST, `'${name}' exists`);
        }
        if (sameBytes(data.subarray(o, o + 11), base)) {
          if (!short.lossy) throw new FatError(EEXIST, `'${name}' exists`);
          clash = true;
        }
      }
      if (data[o] === base[0] && data[o + 1] === base[1] && data[o + 8] === base[8] && data[o + 9] === base[9] && data[o + 10] === base[10]) {
        used.add(shortNameMiddle(data, o));
      }
      return false;
    });
    // The short name: as made, or with the first free numeric tail.
    let sfn = base;
    let needsLfn = short.needsLfn;
    let nt = short.ntFlags;
    if (short.lossy || clash) {
      for (let seq = 1; ; seq++) {
        if (seq > 100000) throw new FatError(ENOSPC, 'no free short name');
        sfn = numberedShortName(base, name, seq);
        if (!used.has(shortNameMiddle(sfn))) break;
      }
      needsLfn = true;
      nt = 0;
    }
    const needed = needsLfn ? Math.ceil(name.length / 13) + 1 : 1;
    const at = this.findRoom(dir, needed);
    if (needsLfn) {
      const parts = encodeLongName(name, shortNameChecksum(sfn));
      for (let k = 0; k < parts.length; k++) this.putEntry(dir, at + k, parts[k]);
    }
    const entry = template.slice(0, 32);
    entry.set(sfn, 0);
    entry[DIR_NTRES] = nt;
    this.putEntry(dir, at + needed - 1, entry);
    return this.entryLoc(dir, at + needed - 1)!;
  }

  /** Index of the first run of `needed` free entries, growing the directory if there is none. */
  private findRoom(dir: number, needed: number): number {
    let runStart = 0;
    let runLen = 0;
    let found = -1;
    const end = this.walk(dir, 0, (data, o, index) => {
      if (data[o] !== DELETED) {
        runLen = 0;
        return false;
      }
      if (runLen++ === 0) runStart = index;
      if (runLen >= needed) {
        found = runStart;
        return true;
      }
      return false;
    });
    if (found >= 0) return found;
    // Everything from the end marker on is free: a run of deleted entries just before it joins it.
    found = runLen > 0 && runStart + runLen === end ? runStart : end;
    let capacity = this.dirCapacity(dir);
    if (found + needed > capacity) {
      if (dir === 0) throw new FatError(ENOSPC, 'root directory is full');
      if (found + needed > MAX_DIR_ENTRIES) throw new FatError(ENOSPC, 'directory is full');
      while (found + needed > capacity) {
        this.growDir(dir);
        capacity = this.dirCapacity(dir);
      }
    }
    return found;
  }

  private putEntry(dir: number, index: number, bytes: Uint8Array): void {
    const slot = this.entrySlot(dir, index);
    this.cache.touch(slot);
    slot.data.set(bytes, (index * ENTRY_SIZE) % this.g.sectorSize);
  }

  /** The cached sector holding entry `index` of `dir`, with its place in the directory noted. */
  private entrySlot(dir: number, index: number): Slot {
    const loc = this.entryLoc(dir, index)!;
    const slot = this.cache.get(loc.sector, KIND_DIR);
    slot.order = dir * 131072 + index - (loc.offset >> 5);
    return slot;
  }

  /** Adds a zeroed cluster to a directory. */
  private growDir(dir: number): void {
    const chain = this.dirClusters(dir);
    const c = this.allocateCluster();
    if (c === 0) throw new FatError(ENOSPC, 'no space left on the volume');
    this.zeroCluster(c);
    this.fat.set(chain[chain.length - 1], c);
    chain.push(c);
  }

  /** Writes zeros over a cluster (straight to the device) and caches the zeroed sectors. */
  private zeroCluster(c: number, firstSector?: Uint8Array): void {
    const g = this.g;
    const start = clusterSector(g, c);
    const zeros = new Uint8Array(g.clusterSize);
    if (firstSector) zeros.set(firstSector);
    this.disk.write(start, zeros);
    for (let i = 0; i < g.sectorsPerCluster; i++) {
      this.cache.put(start + i, KIND_DIR, zeros.slice(i * g.sectorSize, (i + 1) * g.sectorSize));
    }
  }

  private deleteEntry(dir: number, e: DirEntry): void {
    for (let i = e.first; i <= e.index; i++) {
      this.cache.deleteEntry(this.entrySlot(dir, i), (i * ENTRY_SIZE) % this.g.sectorSize, DELETED);
    }
  }

  private newEntryTemplate(attr: number, cluster: number): Uint8Array {
    const t = new Uint8Array(32);
    const now = this.stamp();
    t[DIR_ATTR] = attr;
    wr16(t, DIR_CRT_TIME, now.time);
    wr16(t, DIR_CRT_DATE, now.date);
    wr16(t, DIR_ACC_DATE, now.date);
    wr16(t, DIR_WRT_TIME, now.time);
    wr16(t, DIR_WRT_DATE, now.date);
    setEntryCluster(t, 0, cluster, this.g.fatType === 32);
    return t;
  }

  private rawEntry(e: DirEntry): Uint8Array {
    return this.cache.get(e.sector, KIND_DIR).data.slice(e.offset, e.offset + 32);
  }

  // ---------------------------------------------------------------------------------------------------
  // Files

  /**
   * Opens a file. Modes as Python's `open`: `r` (default), `w` (create/truncate), `a` (create, every
   * write appends), `x` (create, EEXIST if it exists), with `+` for reading and writing; `b`/`t` are
   * accepted (the engine always moves bytes).
   */
  open(path: string, mode = 'r'): FatFile {
    const flags = parseMode(mode);
    if (flags.write) this.ensureWritable();
    const r = this.resolve(path);
    if (flags.exclusive && (r.kind === 'dir' || r.entry)) throw new FatError(EEXIST, `'${path}' exists`);
    if (r.kind === 'dir') throw new FatError(EISDIR, `'${path}' is a directory`);
    let node: FileNode;
    if (r.entry) {
      const e = r.entry;
      if (isDirectory(e)) throw new FatError(EISDIR, `'${path}' is a directory`);
      if (flags.write && e.attr & ATTR_READ_ONLY) throw new FatError(EACCES, `'${path}' is read-only`);
      node = this.nodeFor(e);
      if (flags.truncate && node.size > 0) {
        node.size = 0;
        node.dropBuffer();
        node.shrink(this, 0);
        node.modified = true;
        this.commit();
      }
    } else {
      if (!flags.create) throw new FatError(ENOENT, `no such file: '${path}'`);
      const loc = this.createEntry(r.parent, r.name, this.newEntryTemplate(ATTR_ARCHIVE, 0));
      this.commit();
      node = new FileNode(loc.sector, loc.offset, 0, 0, ATTR_ARCHIVE, this.g.sectorSize);
      this.nodes.set(node.key, node);
    }
    return new FatFile(this, node, flags, path, mode);
  }

  private nodeFor(e: DirEntry): FileNode {
    const key = `${e.sector}:${e.offset}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = new FileNode(e.sector, e.offset, e.cluster, e.size, e.attr, this.g.sectorSize);
      this.nodes.set(key, node);
    }
    return node;
  }

  /** Reads a whole file (convenience). */
  readFile(path: string): Uint8Array {
    const f = this.open(path, 'rb');
    try {
      return f.read();
    } finally {
      f.close();
    }
  }

  /** Creates or replaces a file with `data` (convenience). */
  writeFile(path: string, data: Uint8Array): void {
    const f = this.open(path, 'wb');
    try {
      f.write(data);
    } finally {
      f.close();
    }
  }

  /** Removes a file (EISDIR for a directory). Open handles on it fail with EBADF afterwards. */
  remove(path: string): void {
    this.ensureWritable();
    const r = this.resolve(path);
    if (r.kind === 'dir') throw new FatError(EISDIR, `'${path}' is a directory`);
    const e = r.entry;
    if (!e) throw new FatError(ENOENT, `no such file: '${path}'`);
    if (isDirectory(e)) throw new FatError(EISDIR, `'${path}' is a directory`);
    if (e.attr & ATTR_READ_ONLY) throw new FatError(EACCES, `'${path}' is read-only`);
    let first = e.cluster;
    const node = this.nodes.get(`${e.sector}:${e.offset}`);
    if (node) {
      first = node.firstCluster;
      node.dead = true;
      node.dropBuffer();
      this.nodes.delete(node.key);
    }
    this.deleteEntry(r.parent, e);
    if (first !== 0) this.fat.freeChain(first);
    this.commit();
  }

  // ---------------------------------------------------------------------------------------------------
  // Directories

  mkdir(path: string): void {
    this.ensureWritable();
    const r = this.resolve(path);
    if (r.kind === 'dir' || r.entry) throw new FatError(EEXIST, `'${path}' exists`);
    const c = this.allocateCluster();
    if (c === 0) throw new FatError(ENOSPC, 'no space left on the volume');
    try {
      const t = this.newEntryTemplate(ATTR_DIRECTORY, c);
      const dots = new Uint8Array(64);
      dots.set(t, 0);
      dots.set(t, 32);
      dots.fill(0x20, 0, 11);
      dots[0] = 0x2e;
      dots.fill(0x20, 32, 43);
      dots[32] = 0x2e;
      dots[33] = 0x2e;
      setEntryCluster(dots, 32, r.parent === this.root ? 0 : r.parent, this.g.fatType === 32);
      this.zeroCluster(c, dots);
      this.dirChains.set(c, [c]);
      this.createEntry(r.parent, r.name, t);
    } catch (err) {
      this.fat.set(c, 0);
      this.dirChains.delete(c);
      throw err;
    }
    this.commit();
  }

  /** Removes an empty directory (ENOTEMPTY otherwise, ENOTDIR for a file). */
  rmdir(path: string): void {
    this.ensureWritable();
    const r = this.resolve(path);
    if (r.kind === 'dir') throw new FatError(EINVAL, `cannot remove '${path}'`);
    const e = r.entry;
    if (!e) throw new FatError(ENOENT, `no such directory: '${path}'`);
    if (!isDirectory(e)) throw new FatError(ENOTDIR, `'${path}' is not a directory`);
    if (e.attr & ATTR_READ_ONLY) throw new FatError(EACCES, `'${path}' is read-only`);
    const dir = this.dirOf(e);
    if (dir === this.root) throw new FatError(EINVAL, `cannot remove '${path}'`);
    if (dir === this.cwd) throw new FatError(EACCES, `'${path}' is the current directory`);
    for (const _ of this.entries(dir)) throw new FatError(ENOTEMPTY, `'${path}' is not empty`);
    const clusters = this.dirClusters(dir);
    this.deleteEntry(r.parent, e);
    this.fat.freeChain(dir);
    this.dirChains.delete(dir);
    for (const c of clusters) this.cache.forget(clusterSector(this.g, c), this.g.sectorsPerCluster);
    this.commit();
  }

  /**
   * Renames or moves a file or directory. Fails with EEXIST if the destination exists (as MicroPython's
   * VfsFat does), EINVAL when moving a directory into itself.
   */
  rename(oldPath: string, newPath: string): void {
    this.ensureWritable();
    const from = this.resolve(oldPath);
    if (from.kind === 'dir') throw new FatError(EINVAL, `cannot rename '${oldPath}'`);
    const e = from.entry;
    if (!e) throw new FatError(ENOENT, `no such file or directory: '${oldPath}'`);
    const to = this.resolve(newPath);
    if (to.kind === 'dir') throw new FatError(EEXIST, `'${newPath}' exists`);
    const same = to.entry !== null && to.entry.sector === e.sector && to.entry.offset === e.offset;
    if (to.entry && !same) throw new FatError(EEXIST, `'${newPath}' exists`);
    const movingDir = isDirectory(e);
    if (movingDir) {
      const self = this.dirOf(e);
      for (let d = to.parent, n = 0; ; d = this.parentOf(d), n++) {
        if (d === self) throw new FatError(EINVAL, `cannot move '${oldPath}' into itself`);
        if (d === this.root || n > 4096) break;
      }
    }
    this.flushNodes();
    const raw = this.rawEntry(e);
    if (!movingDir) raw[DIR_ATTR] |= ATTR_ARCHIVE;
    const loc = this.createEntry(to.parent, to.name, raw, same ? e : null);
    // The old entries may have moved if createEntry grew nothing; they are where they were.
    this.deleteEntry(from.parent, e);
    if (movingDir && to.parent !== from.parent) {
      const dir = this.dirOf(e);
      const dotdot = this.entryLoc(dir, 1);
      if (dotdot) {
        const slot = this.cache.get(dotdot.sector, KIND_DIR);
        if (slot.data[dotdot.offset] === 0x2e && slot.data[dotdot.offset + 1] === 0x2e) {
          this.cache.touch(slot);
          setEntryCluster(slot.data, dotdot.offset, to.parent === this.root ? 0 : to.parent, this.g.fatType === 32);
        }
      }
    }
    const node = this.nodes.get(`${e.sector}:${e.offset}`);
    if (node) {
      this.nodes.delete(node.key);
      node.sector = loc.sector;
      node.offset = loc.offset;
      node.key = `${loc.sector}:${loc.offset}`;
      this.nodes.set(node.key, node);
    }
    this.commit();
  }

  /** Checks the path now (so errors surface at the call, not at the first `next`). */
  private dirForListing(path: string): number {
    const r = this.resolve(path);
    if (r.kind === 'dir') return r.dir;
    if (!r.entry) throw new FatError(ENOENT, `no such directory: '${path}'`);
    if (!isDirectory(r.entry)) throw new FatError(ENOTDIR, `'${path}' is not a directory`);
    return this.dirOf(r.entry);
  }

  /**
   * The entries of a directory as MicroPython's ilistdir gives them: (name, type, inode, size), read
   * lazily. The path is checked at the call (errors are thrown here, not on the first `next`).
   */
  ilistdir(path = ''): IterableIterator<FatListEntry> {
    return this.listEntries(this.dirForListing(path));
  }

  private *listEntries(dir: number): Generator<FatListEntry> {
    for (const e of this.entries(dir)) {
      const node = this.nodes.get(`${e.sector}:${e.offset}`);
      yield {
        name: e.name,
        type: isDirectory(e) ? S_IFDIR : S_IFREG,
        inode: 0,
        size: node && !node.dead ? node.size : e.size,
      };
    }
  }

  /** Names in a directory. */
  listdir(path = ''): string[] {
    return [...this.ilistdir(path)].map((e) => e.name);
  }

  chdir(path: string): void {
    const r = this.resolve(path);
    if (r.kind === 'dir') {
      this.cwd = r.dir;
      return;
    }
    // MicroPython (FatFs f_chdir) answers ENOENT for a file as well as for a missing name.
    if (!r.entry || !isDirectory(r.entry)) throw new FatError(ENOENT, `no such directory: '${path}'`);
    this.cwd = this.dirOf(r.entry);
  }

  /** The current directory, as an absolute path inside this volume (found by walking `..` entries). */
  getcwd(): string {
    this.ensureMounted();
    const names: string[] = [];
    let dir = this.cwd;
    for (let n = 0; dir !== this.root; n++) {
      const parent = this.parentOf(dir);
      let name: string | null = null;
      for (const e of this.entries(parent)) {
        if (isDirectory(e) && this.dirOf(e) === dir) {
          name = e.name;
          break;
        }
      }
      if (name === null || n > 4096) {
        this.cwd = this.root; // the directory has gone: fall back to the root, as a fresh mount would
        return '/';
      }
      names.push(name);
      dir = parent;
    }
    return '/' + names.reverse().join('/');
  }

  stat(path: string): FatStat {
    const r = this.resolve(path);
    if (r.kind === 'dir') return dirStat(ROOT_TIME);
    const e = r.entry;
    if (!e) throw new FatError(ENOENT, `no such file or directory: '${path}'`);
    const node = this.nodes.get(`${e.sector}:${e.offset}`);
    const t = fatToEpochSeconds(e.wrtDate, e.wrtTime);
    const dir = isDirectory(e);
    return {
      mode: dir ? S_IFDIR : S_IFREG,
      ino: 0,
      dev: 0,
      nlink: 0,
      uid: 0,
      gid: 0,
      size: node && !node.dead ? node.size : e.size,
      atime: t,
      mtime: t,
      ctime: t,
      attr: e.attr,
      isDirectory: dir,
    };
  }

  /** Whether a path names an existing file or directory. */
  exists(path: string): boolean {
    try {
      const r = this.resolve(path);
      return r.kind === 'dir' || r.entry !== null;
    } catch (e) {
      if (e instanceof FatError && (e.errno === ENOENT || e.errno === EINVAL)) return false;
      throw e;
    }
  }

  /** Filesystem figures, as MicroPython's VfsFat.statvfs fills them. */
  statvfs(): FatStatVfs {
    this.ensureMounted();
    const free = this.fat.countFree();
    const bsize = this.g.clusterSize;
    return {
      bsize,
      frsize: bsize,
      blocks: this.g.clusterCount,
      bfree: free,
      bavail: free,
      files: 0,
      ffree: 0,
      favail: 0,
      flag: 0,
      namemax: MAX_LFN,
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // Label

  /** The volume label ('' if none), from the root directory as FatFs reads it. */
  getLabel(): string {
    this.ensureMounted();
    let label = '';
    this.walk(this.root, 0, (data, o) => {
      if (data[o] !== DELETED && isVolumeLabel(data[o + DIR_ATTR]) && (data[o + DIR_ATTR] & ATTR_DIRECTORY) === 0) {
        label = labelToString(data, o);
        return true;
      }
      return false;
    });
    return label;
  }

  /** Sets (or with '' removes) the volume label, in the root directory and the boot sector. */
  setLabel(label: string): void {
    this.ensureWritable();
    const bytes = validateLabel(label);
    const found: { loc: Loc | null } = { loc: null };
    this.walk(this.root, 0, (data, o, index) => {
      if (data[o] !== DELETED && isVolumeLabel(data[o + DIR_ATTR]) && (data[o + DIR_ATTR] & ATTR_DIRECTORY) === 0) {
        found.loc = this.entryLoc(this.root, index);
        return true;
      }
      return false;
    });
    const padded = bytes.padEnd(11, ' ');
    const loc = found.loc;
    if (loc) {
      const slot = this.cache.get(loc.sector, KIND_DIR);
      if (bytes === '') {
        this.cache.deleteEntry(slot, loc.offset, DELETED);
      } else {
        this.cache.touch(slot);
        for (let i = 0; i < 11; i++) slot.data[loc.offset + i] = padded.charCodeAt(i);
      }
    } else if (bytes !== '') {
      const t = this.newEntryTemplate(ATTR_VOLUME_ID, 0);
      for (let i = 0; i < 11; i++) t[i] = padded.charCodeAt(i);
      this.putLabelEntry(t);
    }
    this.commit();
    // The boot sector (and FAT32's backup) carry a copy.
    const boot = (bytes || 'NO NAME').padEnd(11, ' ');
    const at32 = this.g.fatType === 32;
    for (const sector of [this.g.volumeStart, this.g.backupBootSector]) {
      if (sector < 0 || (sector !== this.g.volumeStart && !at32)) continue;
      const b = new Uint8Array(this.g.sectorSize);
      this.disk.read(sector, b);
      if (b[at32 ? 66 : 38] !== 0x29) continue;
      for (let i = 0; i < 11; i++) b[(at32 ? 71 : 43) + i] = boot.charCodeAt(i);
      this.disk.write(sector, b);
    }
    this.disk.sync();
  }

  private putLabelEntry(entry: Uint8Array): void {
    let free = -1;
    const end = this.walk(this.root, 0, (data, o, index) => {
      if (data[o] === DELETED) {
        free = index;
        return true;
      }
      return false;
    });
    if (free < 0) free = end;
    if (free >= this.dirCapacity(this.root)) {
      if (this.root === 0) throw new FatError(ENOSPC, 'root directory is full');
      this.growDir(this.root);
    }
    this.putEntry(this.root, free, entry);
  }

  /** Number of files currently open on this volume. */
  get openFiles(): number {
    let n = 0;
    for (const node of this.nodes.values()) n += node.refs;
    return n;
  }
}

function dirStat(t: number): FatStat {
  return { mode: S_IFDIR, ino: 0, dev: 0, nlink: 0, uid: 0, gid: 0, size: 0, atime: t, mtime: t, ctime: t, attr: ATTR_DIRECTORY, isDirectory: true };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 11; i++) if (a[i] !== b[i]) return false;
  return true;
}
