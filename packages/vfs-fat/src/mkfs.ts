// Formatting. The geometry rules are those of FatFs f_mkfs (R0.12, MicroPython's lib/oofatfs), which
// MicroPython's VfsFat.mkfs calls as f_mkfs(FM_FAT | FM_SFD, au = 0) and, when that is refused because the
// volume is too big for FAT16, again as f_mkfs(FM_FAT32): so an image made here has the FAT type,
// cluster size, FAT size and root directory size a board would give the same block device.
import { Disk, type BlockDevice } from './blockdev.js';
import { EINVAL, EIO, FatError } from './errors.js';
import {
  MAX_FAT12_CLUSTERS,
  MAX_FAT16_CLUSTERS,
  MAX_FAT32_CLUSTERS,
  type FatType,
  wr16,
  wr32,
} from './layout.js';
import { packDateTime, systemClock, type FatClock } from './time.js';
import { validateLabel } from './label.js';

export interface MkfsOptions {
  /**
   * `'auto'` (default): what MicroPython does: FAT12 or FAT16 without a partition table, or FAT32 in a
   * partition when the device is too large for FAT16. `12` / `16`: FAT12/16 only (fails if the size
   * does not give that type). `32`: FAT32 (no partition table unless `partition` is set).
   */
  type?: 'auto' | FatType;
  /** Cluster size in bytes (a power of two, at least one sector); 0 or absent = automatic. */
  clusterSize?: number;
  /** Write an MBR partition table and put the volume at sector 63 (FatFs without FM_SFD). */
  partition?: boolean;
  /** Volume label (up to 11 characters), written to the boot sector and the root directory. */
  label?: string;
  /** Volume serial number; default: the packed date and time, as FatFs does. */
  volumeId?: number;
  /** Number of FATs; FatFs (and so MicroPython) writes 1, mkfs.fat writes 2. */
  numFats?: 1 | 2;
  /** Root directory entries of a FAT12/16 volume (default 512). */
  rootEntries?: number;
  clock?: FatClock;
}

export interface MkfsResult {
  fatType: FatType;
  sectorSize: number;
  sectorsPerCluster: number;
  clusterCount: number;
  fatSectors: number;
  volumeStart: number;
  totalSectors: number;
}

const CST16 = [1, 4, 16, 64, 256, 512]; // volume size boundaries for FAT12/16 cluster sizes, in 4K sectors
const CST32 = [1, 2, 4, 8, 16, 32]; // and for FAT32, in 128K sectors

interface Plan {
  fatType: FatType;
  spc: number;
  reserved: number;
  fatSectors: number;
  rootDirSectors: number;
  clusterCount: number;
}

/** FatFs's choice of cluster size and layout, or null where FatFs gives FR_MKFS_ABORTED. */
function plan(volSectors: number, ss: number, fat32: boolean, fat: boolean, auIn: number, numFats: number, rootEntries: number): Plan | null {
  let au = auIn;
  let type: FatType = fat32 && !fat ? 32 : 16;
  for (;;) {
    let pau = au;
    let clusters: number;
    let fatSectors: number;
    let reserved: number;
    let dirSectors: number;
    if (type === 32) {
      if (!pau) {
        const n = Math.floor(volSectors / 0x20000);
        pau = 1;
        for (const c of CST32) if (c <= n) pau <<= 1;
      }
      clusters = Math.floor(volSectors / pau);
      fatSectors = Math.ceil((clusters * 4 + 8) / ss);
      reserved = 32;
      dirSectors = 0;
      if (clusters <= MAX_FAT16_CLUSTERS || clusters > MAX_FAT32_CLUSTERS) return null;
    } else {
      if (!pau) {
        const n = Math.floor(volSectors / 0x1000);
        pau = 1;
        for (const c of CST16) if (c <= n) pau <<= 1;
      }
      clusters = Math.floor(volSectors / pau);
      let bytes: number;
      if (clusters > MAX_FAT12_CLUSTERS) {
        bytes = clusters * 2 + 4;
      } else {
        type = 12;
        bytes = Math.floor((clusters * 3 + 1) / 2) + 3;
      }
      fatSectors = Math.ceil(bytes / ss);
      reserved = 1;
      dirSectors = Math.floor((rootEntries * 32) / ss);
    }
    const dataStart = reserved + fatSectors * numFats + dirSectors;
    if (volSectors < dataStart + pau * 16) return null;
    clusters = Math.floor((volSectors - dataStart) / pau);
    if (type === 32 && clusters <= MAX_FAT16_CLUSTERS) {
      if (!au && (au = pau >> 1) !== 0) continue;
      return null;
    }
    if (type === 16) {
      if (clusters > MAX_FAT16_CLUSTERS) {
        if (!au && pau * 2 <= 64) {
          au = pau * 2;
          continue;
        }
        if (fat32) {
          type = 32;
          continue;
        }
        if (!au && (au = pau * 2) <= 128) continue;
        return null;
      }
      if (clusters <= MAX_FAT12_CLUSTERS) {
        if (!au && (au = pau * 2) <= 128) continue;
        return null;
      }
    }
    if (type === 12 && clusters > MAX_FAT12_CLUSTERS) return null;
    return { fatType: type, spc: pau, reserved, fatSectors, rootDirSectors: dirSectors, clusterCount: clusters };
  }
}

/** Makes an empty FAT filesystem on a block device. */
export function mkfs(device: BlockDevice | Disk, options: MkfsOptions = {}): MkfsResult {
  const disk = device instanceof Disk ? device : new Disk(device);
  const ss = disk.sectorSize;
  const type = options.type ?? 'auto';
  const numFats = options.numFats ?? 1;
  const rootEntries = options.rootEntries ?? 512;
  if (numFats !== 1 && numFats !== 2) throw new FatError(EINVAL, 'numFats must be 1 or 2');
  if (rootEntries <= 0 || rootEntries > 0xfff0 || (rootEntries * 32) % ss !== 0) {
    throw new FatError(EINVAL, `rootEntries must fill whole sectors (a multiple of ${ss / 32})`);
  }
  const auBytes = options.clusterSize ?? 0;
  if (auBytes !== 0 && (auBytes < ss || auBytes > 0x1000000 || (auBytes & (auBytes - 1)) !== 0)) {
    throw new FatError(EINVAL, `bad cluster size ${auBytes}`);
  }
  const au = auBytes / ss;
  if (au > 128) throw new FatError(EINVAL, 'cluster size above 128 sectors');
  const label = options.label === undefined ? undefined : validateLabel(options.label);
  const clock = options.clock ?? systemClock;
  disk.init();

  const attempt = (fat32: boolean, fat: boolean, partition: boolean): { p: Plan; start: number; size: number } | null => {
    const start = partition ? 63 : 0;
    if (disk.sectorCount < start + 50) return null;
    const size = disk.sectorCount - start;
    const p = plan(size, ss, fat32, fat, au, numFats, rootEntries);
    return p ? { p, start, size } : null;
  };
  let chosen: { p: Plan; start: number; size: number } | null;
  if (type === 'auto') {
    chosen = attempt(false, true, options.partition ?? false) ?? attempt(true, false, options.partition ?? true);
  } else if (type === 32) {
    chosen = attempt(true, false, options.partition ?? false);
  } else {
    chosen = attempt(false, true, options.partition ?? false);
    if (chosen && chosen.p.fatType !== type) {
      throw new FatError(EINVAL, `${disk.sectorCount} sectors of ${ss} bytes make FAT${chosen.p.fatType}, not FAT${type}`);
    }
  }
  if (!chosen) {
    throw new FatError(EIO, `cannot make a FAT${type === 'auto' ? '' : type} volume on ${disk.sectorCount} sectors of ${ss} bytes`);
  }
  const { p, start: vol, size: volSize } = chosen;
  const now = packDateTime(clock());
  const volumeId = (options.volumeId ?? ((now.date << 16) | now.time)) >>> 0;

  // Boot sector.
  const bs = new Uint8Array(ss);
  bs.set([0xeb, 0xfe, 0x90], 0);
  bs.set(Array.from('MSDOS5.0', (c) => c.charCodeAt(0)), 3);
  wr16(bs, 11, ss);
  bs[13] = p.spc;
  wr16(bs, 14, p.reserved);
  bs[16] = numFats;
  wr16(bs, 17, p.fatType === 32 ? 0 : rootEntries);
  if (volSize < 0x10000) wr16(bs, 19, volSize);
  else wr32(bs, 32, volSize);
  bs[21] = 0xf8;
  wr16(bs, 24, 63);
  wr16(bs, 26, 255);
  wr32(bs, 28, vol);
  const labelBytes = (label ?? 'NO NAME').padEnd(11, ' ');
  const putText = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) bs[at + i] = text.charCodeAt(i);
  };
  if (p.fatType === 32) {
    wr32(bs, 36, p.fatSectors);
    wr32(bs, 44, 2);
    wr16(bs, 48, 1);
    wr16(bs, 50, 6);
    bs[64] = 0x80;
    bs[66] = 0x29;
    wr32(bs, 67, volumeId);
    putText(71, labelBytes);
    putText(82, 'FAT32   ');
  } else {
    wr16(bs, 22, p.fatSectors);
    bs[36] = 0x80;
    bs[38] = 0x29;
    wr32(bs, 39, volumeId);
    putText(43, labelBytes);
    putText(54, 'FAT     ');
  }
  wr16(bs, 510, 0xaa55);
  disk.write(vol, bs);

  if (p.fatType === 32) {
    disk.write(vol + 6, bs);
    const fsi = new Uint8Array(ss);
    wr32(fsi, 0, 0x41615252);
    wr32(fsi, 484, 0x61417272);
    wr32(fsi, 488, p.clusterCount - 1);
    wr32(fsi, 492, 2);
    wr16(fsi, 510, 0xaa55);
    disk.write(vol + 7, fsi);
    disk.write(vol + 1, fsi);
  }

  // FATs, then the root directory, zero-filled in chunks.
  const chunkSectors = Math.max(1, Math.floor(32768 / ss));
  const zeros = new Uint8Array(chunkSectors * ss);
  const zeroFill = (from: number, count: number): void => {
    while (count > 0) {
      const n = Math.min(count, chunkSectors);
      disk.write(from, zeros.subarray(0, n * ss));
      from += n;
      count -= n;
    }
  };
  const fatStart = vol + p.reserved;
  const first = new Uint8Array(ss);
  if (p.fatType === 32) {
    wr32(first, 0, 0x0ffffff8);
    wr32(first, 4, 0x0fffffff);
    wr32(first, 8, 0x0fffffff);
  } else if (p.fatType === 16) {
    wr32(first, 0, 0xfffffff8);
  } else {
    first.set([0xf8, 0xff, 0xff], 0);
  }
  for (let i = 0; i < numFats; i++) {
    const at = fatStart + i * p.fatSectors;
    disk.write(at, first);
    zeroFill(at + 1, p.fatSectors - 1);
  }
  const rootStart = fatStart + numFats * p.fatSectors;
  const rootSectors = p.fatType === 32 ? p.spc : p.rootDirSectors;
  const root = new Uint8Array(ss);
  if (label !== undefined && label !== '') {
    putLabelEntry(root, label, now.date, now.time);
    disk.write(rootStart, root);
    zeroFill(rootStart + 1, rootSectors - 1);
  } else {
    zeroFill(rootStart, rootSectors);
  }

  if (vol > 0) {
    const mbr = new Uint8Array(ss);
    const sys = p.fatType === 32 ? 0x0c : volSize >= 0x10000 ? 0x06 : p.fatType === 16 ? 0x04 : 0x01;
    const pe = 446;
    mbr[pe + 1] = 1; // start head
    mbr[pe + 2] = 1; // start sector
    mbr[pe + 4] = sys;
    const cyl = Math.floor((vol + volSize) / (63 * 255));
    mbr[pe + 5] = 254;
    mbr[pe + 6] = ((cyl >> 2) | 63) & 0xff;
    mbr[pe + 7] = cyl & 0xff;
    wr32(mbr, pe + 8, vol);
    wr32(mbr, pe + 12, volSize);
    wr16(mbr, 510, 0xaa55);
    disk.write(0, mbr);
  }
  disk.sync();
  return {
    fatType: p.fatType,
    sectorSize: ss,
    sectorsPerCluster: p.spc,
    clusterCount: p.clusterCount,
    fatSectors: p.fatSectors,
    volumeStart: vol,
    totalSectors: volSize,
  };
}

function putLabelEntry(sector: Uint8Array, label: string, date: number, time: number): void {
  const name = label.padEnd(11, ' ');
  for (let i = 0; i < 11; i++) sector[i] = name.charCodeAt(i);
  sector[11] = 0x08;
  wr16(sector, 22, time);
  wr16(sector, 24, date);
}
