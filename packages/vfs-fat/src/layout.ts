// The on-disk layout of a FAT volume: the boot sector (BPB) and where everything else lies.
import type { Disk } from './blockdev.js';
import { ENODEV, FatError } from './errors.js';

/** Cluster counts that decide the FAT type (Microsoft's FAT specification, FatFs MAX_FAT12/16). */
export const MAX_FAT12_CLUSTERS = 4085;
export const MAX_FAT16_CLUSTERS = 65525;
export const MAX_FAT32_CLUSTERS = 0x0ffffff5;

export type FatType = 12 | 16 | 32;

/** Everything the engine needs to know about a mounted volume, in absolute sectors of the device. */
export interface Geometry {
  fatType: FatType;
  sectorSize: number;
  sectorsPerCluster: number;
  clusterSize: number;
  /** First sector of the volume on the device (0 without a partition table). */
  volumeStart: number;
  totalSectors: number;
  reservedSectors: number;
  numFats: number;
  fatSectors: number;
  /** Absolute sector of the first FAT. */
  fatStart: number;
  /** FAT copies that are kept up to date (all of them, unless FAT32 mirroring is off). */
  activeFats: number[];
  rootEntries: number;
  /** FAT12/16: absolute first sector and size of the fixed root directory. */
  rootDirStart: number;
  rootDirSectors: number;
  /** FAT32: the root directory's first cluster. */
  rootCluster: number;
  dataStart: number;
  clusterCount: number;
  /** FAT32: absolute sector of FSInfo, or -1. */
  fsInfoSector: number;
  backupBootSector: number;
  media: number;
  volumeId: number;
  /** Label stored in the boot sector (trailing spaces removed). */
  bootLabel: string;
}

export const rd16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
export const rd32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
export function wr16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}
export function wr32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/**
 * Reads a boot sector. Returns the geometry, or a sentence saying why this is not a FAT volume.
 * Checks what FatFs checks (signature, sector size equal to the device's, a sane BPB) and a little more
 * (FAT large enough for the clusters), so a damaged volume is refused rather than misread.
 */
export function parseBootSector(b: Uint8Array, sectorSize: number, volumeStart: number): Geometry | string {
  if (rd16(b, 510) !== 0xaa55) return 'no boot signature';
  if (b[0] !== 0xeb && b[0] !== 0xe9 && b[0] !== 0xe8) return 'no boot jump instruction';
  const bps = rd16(b, 11);
  if (bps !== sectorSize) return `sector size ${bps} differs from the device's ${sectorSize}`;
  const spc = b[13];
  if (!isPow2(spc) || spc > 128) return `bad sectors per cluster ${spc}`;
  const reserved = rd16(b, 14);
  if (reserved === 0) return 'no reserved sectors';
  const numFats = b[16];
  if (numFats !== 1 && numFats !== 2) return `bad number of FATs ${numFats}`;
  const rootEntries = rd16(b, 17);
  if (rootEntries % (sectorSize / 32) !== 0) return 'root directory is not a whole number of sectors';
  const total = rd16(b, 19) || rd32(b, 32);
  const fatSectors = rd16(b, 22) || rd32(b, 36);
  if (fatSectors === 0) return 'FAT size is zero';
  const rootDirSectors = (rootEntries * 32) / sectorSize;
  const sysSectors = reserved + fatSectors * numFats + rootDirSectors;
  if (total < sysSectors + spc) return 'volume too small for its own structures';
  const clusterCount = Math.floor((total - sysSectors) / spc);
  if (clusterCount === 0) return 'no data clusters';
  const fatType: FatType = clusterCount <= MAX_FAT12_CLUSTERS ? 12 : clusterCount <= MAX_FAT16_CLUSTERS ? 16 : 32;
  if (clusterCount > MAX_FAT32_CLUSTERS) return 'too many clusters';
  const needBytes = fatType === 12 ? Math.ceil(((clusterCount + 2) * 3) / 2) : (clusterCount + 2) * (fatType / 8);
  if (fatSectors * sectorSize < needBytes) return 'FAT too small for the number of clusters';
  let rootCluster = 0;
  let fsInfoSector = -1;
  let backupBootSector = -1;
  let activeFats = Array.from({ length: numFats }, (_, i) => i);
  let labelAt = 43;
  let idAt = 39;
  let sigAt = 38;
  if (fatType === 32) {
    if (rootEntries !== 0) return 'FAT32 volume with a fixed root directory';
    if (rd16(b, 42) !== 0) return 'unknown FAT32 version';
    rootCluster = rd32(b, 44);
    if (rootCluster < 2 || rootCluster >= clusterCount + 2) return 'bad FAT32 root cluster';
    const fsi = rd16(b, 48);
    if (fsi > 0 && fsi < reserved) fsInfoSector = volumeStart + fsi;
    const bk = rd16(b, 50);
    if (bk > 0 && bk < reserved) backupBootSector = volumeStart + bk;
    const ext = rd16(b, 40);
    if (ext & 0x80) activeFats = [ext & 15].filter((i) => i < numFats);
    if (activeFats.length === 0) return 'bad active FAT';
    labelAt = 71;
    idAt = 67;
    sigAt = 66;
  } else if (rootEntries === 0) {
    return 'FAT12/16 volume without a root directory';
  }
  let bootLabel = '';
  let volumeId = 0;
  if (b[sigAt] === 0x29) {
    volumeId = rd32(b, idAt);
    for (let i = 0; i < 11; i++) bootLabel += String.fromCharCode(b[labelAt + i]);
    bootLabel = bootLabel.replace(/ +$/, '');
  }
  const fatStart = volumeStart + reserved;
  const rootDirStart = fatStart + fatSectors * numFats;
  return {
    fatType,
    sectorSize,
    sectorsPerCluster: spc,
    clusterSize: spc * sectorSize,
    volumeStart,
    totalSectors: total,
    reservedSectors: reserved,
    numFats,
    fatSectors,
    fatStart,
    activeFats,
    rootEntries,
    rootDirStart,
    rootDirSectors,
    rootCluster,
    dataStart: rootDirStart + rootDirSectors,
    clusterCount,
    fsInfoSector,
    backupBootSector,
    media: b[21],
    volumeId,
    bootLabel,
  };
}

/**
 * Finds the FAT volume on a device: at sector 0 (a "super floppy", as MicroPython formats), or in one of
 * the four primary partitions of an MBR. Throws ENODEV (MicroPython's answer to FR_NO_FILESYSTEM).
 */
export function findVolume(disk: Disk): Geometry {
  const ss = disk.sectorSize;
  const buf = new Uint8Array(ss);
  if (disk.sectorCount === 0) throw new FatError(ENODEV, 'empty block device');
  disk.read(0, buf);
  const first = parseBootSector(buf, ss, 0);
  if (typeof first !== 'string') return checkFits(first, disk);
  if (rd16(buf, 510) === 0xaa55) {
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const pe = 446 + 16 * i;
      const type = buf[pe + 4];
      const start = rd32(buf, pe + 8);
      if (type !== 0 && type !== 0xee && start > 0 && start < disk.sectorCount) starts.push(start);
    }
    for (const start of starts) {
      disk.read(start, buf);
      const g = parseBootSector(buf, ss, start);
      if (typeof g !== 'string') return checkFits(g, disk);
    }
  }
  throw new FatError(ENODEV, `no FAT filesystem (${first})`);
}

function checkFits(g: Geometry, disk: Disk): Geometry {
  // Data clusters past the end of the device would only fail later, on use: refuse them now.
  const last = g.dataStart + g.clusterCount * g.sectorsPerCluster;
  if (last > disk.sectorCount) {
    const fits = Math.floor((disk.sectorCount - g.dataStart) / g.sectorsPerCluster);
    if (fits < 1) throw new FatError(ENODEV, 'the volume is larger than the device');
    g.clusterCount = Math.min(g.clusterCount, fits);
  }
  return g;
}

/** First absolute sector of a data cluster (clusters are numbered from 2). */
export function clusterSector(g: Geometry, cluster: number): number {
  return g.dataStart + (cluster - 2) * g.sectorsPerCluster;
}
