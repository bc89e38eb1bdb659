// Damaged images: whatever the bytes, the engine answers with FatError (never another exception, never a
// hang), so the Python binding can always raise OSError.
import { describe, expect, test } from 'vitest';
import { FatError, FatVolume, RamBlockDevice, S_IFDIR, checkVolume, mkfs } from '../src/index.js';
import { prng } from './helpers.js';

function goodImage(sectorSize: number, sectors: number, type: 'auto' | 32): Uint8Array {
  const dev = new RamBlockDevice(sectorSize, sectors);
  mkfs(dev, { type });
  const vol = FatVolume.mount(dev);
  const r = prng(sectors);
  vol.mkdir('/a');
  vol.mkdir('/a/b');
  for (let i = 0; i < 30; i++) vol.writeFile(`${r.pick(['', '/a', '/a/b'])}/file number ${i}.bin`, r.bytes(r.int(5000)));
  vol.umount();
  return dev.data.slice();
}

/** Does everything a program might do; returns how many operations failed (all with FatError). */
function exercise(dev: RamBlockDevice): number {
  let failures = 0;
  const attempt = (fn: () => unknown): void => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof FatError)) throw e;
      failures++;
    }
  };
  let vol: FatVolume | null = null;
  attempt(() => (vol = FatVolume.mount(dev)));
  attempt(() => checkVolume(dev));
  const v = vol as FatVolume | null;
  if (!v) return failures;
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    attempt(() => {
      for (const e of v.ilistdir(dir)) {
        const p = `${dir === '/' ? '' : dir}/${e.name}`;
        if (e.type === S_IFDIR) walk(p, depth + 1);
        else attempt(() => v.readFile(p));
        attempt(() => v.stat(p));
      }
    });
  };
  walk('/', 0);
  attempt(() => v.statvfs());
  attempt(() => v.writeFile('/new file after damage.txt', new Uint8Array(3000).fill(1)));
  attempt(() => v.mkdir('/a/new dir'));
  attempt(() => v.rename('/a', '/renamed a'));
  attempt(() => v.remove('/file number 3.bin'));
  attempt(() => v.getcwd());
  attempt(() => v.getLabel());
  attempt(() => v.umount());
  return failures;
}

describe('damaged images never escape FatError', () => {
  const cases = [
    { label: 'FAT12 512', sectorSize: 512, sectors: 1000, type: 'auto' as const },
    { label: 'FAT16 512', sectorSize: 512, sectors: 20000, type: 'auto' as const },
    { label: 'FAT32 512', sectorSize: 512, sectors: 70000, type: 32 as const },
    { label: 'FAT12 4096', sectorSize: 4096, sectors: 866, type: 'auto' as const },
  ];
  for (const c of cases) {
    test(`${c.label}: random damage to the boot sector, FAT and directories`, () => {
      const image = goodImage(c.sectorSize, c.sectors, c.type);
      const g = FatVolume.mount(new RamBlockDevice(c.sectorSize, image.slice())).geometry;
      const metaEnd = (g.dataStart + 40 * g.sectorsPerCluster) * g.sectorSize; // FATs, root, first dirs
      for (let trial = 0; trial < Number(process.env.VFSFAT_DAMAGE_TRIALS ?? 60); trial++) {
        const r = prng(trial + c.sectors);
        const bad = image.slice();
        const hits = 1 + r.int(40);
        for (let i = 0; i < hits; i++) {
          const at = r.int(4) === 0 ? r.int(g.sectorSize) : r.int(metaEnd);
          bad[at] = r.int(4) === 0 ? 0xff : r.int(256);
        }
        const dev = new RamBlockDevice(c.sectorSize, bad);
        try {
          exercise(dev);
        } catch (e) {
          throw new Error(`${c.label} trial ${trial}: ${String(e)}\n${(e as Error).stack}`);
        }
      }
      expect(true).toBe(true);
    }, 60_000 * Math.max(1, Number(process.env.VFSFAT_DAMAGE_TRIALS ?? 60) / 60));
  }

  test('loops in cluster chains and directories are cut, not followed forever', () => {
    const dev = new RamBlockDevice(512, 1000);
    mkfs(dev);
    const vol = FatVolume.mount(dev);
    vol.writeFile('/f', new Uint8Array(3000).fill(7));
    vol.mkdir('/d');
    vol.umount();
    const g = FatVolume.mount(dev).geometry;
    // FAT12: point cluster 3 back at cluster 2 (the file's chain starts at 2).
    const fat = g.fatStart * 512;
    const set12 = (c: number, v: number): void => {
      const off = fat + c + (c >> 1);
      if (c & 1) {
        dev.data[off] = (dev.data[off] & 0x0f) | ((v << 4) & 0xf0);
        dev.data[off + 1] = v >> 4;
      } else {
        dev.data[off] = v & 0xff;
        dev.data[off + 1] = (dev.data[off + 1] & 0xf0) | (v >> 8);
      }
    };
    set12(3, 2);
    const again = FatVolume.mount(dev);
    const f = again.open('/f', 'rb');
    expect(f.read().length).toBe(3000); // the size bounds the read; the loop is never walked past it
    f.close();
    expect(checkVolume(dev).errors.join('\n')).toMatch(/loops/);
  });
});
