import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { IOCTL_BLOCK_COUNT, IOCTL_BLOCK_SIZE, RamBlockDevice, type BlockDevice } from './blockdev.js';
import { EINVAL, EIO, FatError } from './errors.js';
import { mkfs } from './mkfs.js';
import { fixedClock } from './time.js';
import { FatVolume } from './volume.js';

/** A sparse device: only written blocks take memory (a 4 GiB "disk" for the large-volume rules). */
class SparseDevice implements BlockDevice {
  private readonly blocks = new Map<number, Uint8Array>();
  readonly blockSize: number;
  readonly blockCount: number;
  constructor(blockSize: number, blockCount: number) {
    this.blockSize = blockSize;
    this.blockCount = blockCount;
  }
  readblocks(n: number, buf: Uint8Array): void {
    for (let i = 0; i < buf.length / this.blockSize; i++) {
      const b = this.blocks.get(n + i);
      if (b) buf.set(b, i * this.blockSize);
      else buf.fill(0, i * this.blockSize, (i + 1) * this.blockSize);
    }
  }
  writeblocks(n: number, buf: Uint8Array): void {
    for (let i = 0; i < buf.length / this.blockSize; i++) this.blocks.set(n + i, buf.slice(i * this.blockSize, (i + 1) * this.blockSize));
  }
  ioctl(op: number): number | null {
    if (op === IOCTL_BLOCK_COUNT) return this.blockCount;
    if (op === IOCTL_BLOCK_SIZE) return this.blockSize;
    return 0;
  }
}

const corpus = fileURLToPath(new URL('../../../../shared/conformance/extmod/', import.meta.url));

/** The statvfs tuples MicroPython printed for the same block devices (from the conformance corpus). */
function referenceStatvfs(test: string): number[][] {
  const text = readFileSync(corpus + test, 'utf8');
  return [...text.matchAll(/statvfs: \(([\d, ]+)\)/g)].map((m) => m[1].split(', ').map(Number));
}

const tuple = (v: FatVolume): number[] => {
  const s = v.statvfs();
  return [s.bsize, s.frsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, s.favail, s.flag, s.namemax];
};

describe('mkfs chooses what MicroPython (FatFs f_mkfs) chooses', () => {
  test.skipIf(!existsSync(corpus + 'vfs_fat_ramdisk.py.exp'))('50 blocks of 512 bytes: MicroPython statvfs of vfs_fat_ramdisk', () => {
    const [want] = referenceStatvfs('vfs_fat_ramdisk.py.exp');
    const dev = new RamBlockDevice(512, 50);
    expect(mkfs(dev).fatType).toBe(12);
    expect(tuple(FatVolume.mount(dev))).toEqual(want);
  });

  test.skipIf(!existsSync(corpus + 'vfs_fat_ramdisklarge.py.exp'))('4 GiB of 512-byte blocks: FAT32 fallback, statvfs of vfs_fat_ramdisklarge', () => {
    const [empty, oneFile] = referenceStatvfs('vfs_fat_ramdisklarge.py.exp');
    const dev = new SparseDevice(512, (4 * 1024 * 1024 * 1024) / 512);
    const made = mkfs(dev);
    expect(made.fatType).toBe(32);
    expect(made.volumeStart).toBe(63); // FatFs without FM_SFD puts the volume in a partition
    const vol = FatVolume.mount(dev);
    expect(tuple(vol)).toEqual(empty);
    vol.writeFile('/test.txt', new TextEncoder().encode('test file'));
    expect(tuple(vol)).toEqual(oneFile);
    expect(new TextDecoder().decode(vol.readFile('/test.txt'))).toBe('test file');
  });

  test('the ESP8266 flash (866 blocks of 4096 bytes) is FAT12 with one-sector clusters and 512 root entries', () => {
    const dev = new RamBlockDevice(4096, 866);
    const r = mkfs(dev);
    expect(r).toMatchObject({ fatType: 12, sectorsPerCluster: 1, fatSectors: 1, volumeStart: 0 });
    const g = FatVolume.mount(dev).geometry;
    // 1 reserved + 1 FAT + 4 root directory sectors (512 entries * 32 bytes / 4096), the rest data.
    expect(g.rootEntries).toBe(512);
    expect(g.dataStart).toBe(6);
    expect(g.clusterCount).toBe(860);
    expect(g.numFats).toBe(1);
  });

  test('the boot sector is FatFs-style and has no partition table (SFD)', () => {
    const dev = new RamBlockDevice(512, 1000);
    mkfs(dev, { clock: fixedClock({ year: 2018, month: 5, day: 11, hour: 12, minute: 0, second: 0 }) });
    const b = dev.data;
    expect([...b.subarray(0, 11)]).toEqual([0xeb, 0xfe, 0x90, ...Array.from('MSDOS5.0', (c) => c.charCodeAt(0))]);
    expect(b[510]).toBe(0x55);
    expect(b[511]).toBe(0xaa);
    expect(String.fromCharCode(...b.subarray(43, 62))).toBe('NO NAME    FAT     ');
    // Volume serial = packed date and time, as FatFs's GET_FATTIME.
    const date = ((2018 - 1980) << 9) | (5 << 5) | 11;
    const time = 12 << 11;
    expect(b[39] | (b[40] << 8) | (b[41] << 16) | (b[42] << 24)).toBe(((date << 16) | time) | 0);
  });

  test('cluster size grows with the volume (FatFs table for FAT12/16, worked by hand)', () => {
    const made = (sectors: number): [number, number] => {
      const r = mkfs(new RamBlockDevice(512, sectors));
      return [r.fatType, r.sectorsPerCluster];
    };
    // 4000 sectors: 4000 clusters of 1 sector fit FAT12.
    expect(made(4000)).toEqual([12, 1]);
    // 4096 sectors (1 unit of 4K sectors): the table gives 2 sectors per cluster.
    expect(made(4096)).toEqual([12, 2]);
    // 4095 sectors: 1 sector per cluster makes 4095 > 4085 clusters, so FAT16, but after the FAT and the
    // root directory only 4045 remain, too few for FAT16: doubled to 2, FAT12.
    expect(made(4095)).toEqual([12, 2]);
    // 16384 sectors: table says 4 (4083 clusters after overhead, too few for FAT16): doubled to 8, FAT12.
    expect(made(16384)).toEqual([12, 8]);
    // 65536 sectors: table says 8, 8183 clusters: FAT16.
    expect(made(65536)).toEqual([16, 8]);
  });

  test('options: FAT32, cluster size, two FATs, label, and refusals', () => {
    const dev = new RamBlockDevice(512, 70000);
    const r = mkfs(dev, { type: 32, numFats: 2, label: 'micro py' });
    expect(r.fatType).toBe(32);
    const vol = FatVolume.mount(dev);
    expect(vol.geometry.numFats).toBe(2);
    expect(vol.getLabel()).toBe('MICRO PY');
    expect(() => mkfs(new RamBlockDevice(512, 1000), { type: 32 })).toThrow(FatError);
    expect(() => mkfs(new RamBlockDevice(512, 1000), { type: 16 })).toThrow(expect.objectContaining({ errno: EINVAL }));
    expect(() => mkfs(new RamBlockDevice(512, 49))).toThrow(expect.objectContaining({ errno: EIO }));
    expect(() => mkfs(new RamBlockDevice(512, 1000), { clusterSize: 3000 })).toThrow(expect.objectContaining({ errno: EINVAL }));
    expect(mkfs(new RamBlockDevice(512, 1000), { clusterSize: 4096 }).sectorsPerCluster).toBe(8);
    expect(() => mkfs(new RamBlockDevice(512, 1000), { label: 'bad/label' })).toThrow(expect.objectContaining({ errno: EINVAL }));
  });
});
