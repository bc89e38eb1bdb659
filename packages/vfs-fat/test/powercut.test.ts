// Power cuts: a block device that dies at a chosen write (applying only part of a multi-sector write),
// in the middle of a random sequence of operations. Afterwards the image must mount, every file that was
// synced before the interrupted operation (and that it did not touch) must read back intact, and the
// only inconsistencies allowed are those the write ordering admits: clusters allocated but not yet in a
// directory entry, and, for a rename, both names briefly pointing at the same clusters.
//
// Reproduce with VFSFAT_CUT_SEED=<seed>.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FatError, FatVolume, RamBlockDevice, checkVolume, mkfs, type BlockDevice, type FatFile, type FatType } from '../src/index.js';
import { fsck, haveDosfstools, prng, sameBytes, tempDir } from './helpers.js';

class PowerCut extends Error {}

/** A RAM disk that loses power at write number `budget` (0-based), keeping a random part of that write. */
class CuttingDevice implements BlockDevice {
  readonly inner: RamBlockDevice;
  private budget: number;
  private keep: number;
  writes = 0;
  dead = false;

  constructor(inner: RamBlockDevice, budget: number, keep: number) {
    this.inner = inner;
    this.budget = budget;
    this.keep = keep;
  }

  readblocks(n: number, buf: Uint8Array): void {
    if (this.dead) throw new PowerCut('device is off');
    this.inner.readblocks(n, buf);
  }

  writeblocks(n: number, buf: Uint8Array): void {
    if (this.dead) throw new PowerCut('device is off');
    if (this.writes === this.budget) {
      this.dead = true;
      const bs = this.inner.blockSize;
      const blocks = buf.length / bs;
      const kept = Math.floor(this.keep * blocks); // whole sectors only: a sector write is atomic
      if (kept > 0) this.inner.writeblocks(n, buf.subarray(0, kept * bs));
      throw new PowerCut(`power cut at write ${this.writes}`);
    }
    this.writes++;
    this.inner.writeblocks(n, buf);
  }

  ioctl(op: number, arg: number): number | null {
    if (this.dead) throw new PowerCut('device is off');
    return this.inner.ioctl(op, arg);
  }
}

type Model = Map<string, Uint8Array | 'dir'>; // path (as given, case kept) -> contents

interface Op {
  describe: string;
  /** Paths whose state may be old, new or in between if the power fails during this operation. */
  touches: string[];
  rename?: boolean;
  run: (vol: FatVolume) => void;
  apply: (m: Model) => void;
}

const DIRS = ['/d1', '/d2', '/d1/sub'];

function names(m: Model, kind: 'file' | 'dir'): string[] {
  return [...m.entries()].filter(([, v]) => (kind === 'dir' ? v === 'dir' : v !== 'dir')).map(([k]) => k);
}

function planOp(r: ReturnType<typeof prng>, m: Model, cb: number, serial: number): Op {
  const files = names(m, 'file');
  const dirs = names(m, 'dir');
  const parent = (): string => (r.int(3) === 0 || dirs.length === 0 ? '' : r.pick(dirs));
  const kind = r.int(10);
  if (kind <= 1 || files.length < 3) {
    const path = `${parent()}/new file ${serial} with a long name.bin`;
    const data = r.bytes(r.int(6 * cb));
    return {
      describe: `create ${path} (${data.length})`,
      touches: [path],
      run: (v) => v.writeFile(path, data),
      apply: (mm) => mm.set(path, data),
    };
  }
  const file = r.pick(files);
  const old = m.get(file) as Uint8Array;
  switch (kind) {
    case 2: {
      const data = r.bytes(r.int(6 * cb));
      return { describe: `overwrite ${file}`, touches: [file], run: (v) => v.writeFile(file, data), apply: (mm) => mm.set(file, data) };
    }
    case 3: {
      const data = r.bytes(1 + r.int(3 * cb));
      return {
        describe: `append to ${file}`,
        touches: [file],
        run: (v) => {
          const f = v.open(file, 'ab');
          f.write(data);
          f.close();
        },
        apply: (mm) => {
          const next = new Uint8Array(old.length + data.length);
          next.set(old);
          next.set(data, old.length);
          mm.set(file, next);
        },
      };
    }
    case 4: {
      const at = r.int(old.length + 1);
      const data = r.bytes(1 + r.int(2 * cb));
      return {
        describe: `write ${file} @${at}`,
        touches: [file],
        run: (v) => {
          const f = v.open(file, 'r+b');
          f.seek(at);
          f.write(data);
          f.close();
        },
        apply: (mm) => {
          const next = new Uint8Array(Math.max(old.length, at + data.length));
          next.set(old);
          next.set(data, at);
          mm.set(file, next);
        },
      };
    }
    case 5: {
      const size = r.int(old.length + 1);
      return {
        describe: `truncate ${file} to ${size}`,
        touches: [file],
        run: (v) => {
          const f = v.open(file, 'r+b');
          f.truncate(size);
          f.close();
        },
        apply: (mm) => mm.set(file, old.slice(0, size)),
      };
    }
    case 6:
      return { describe: `remove ${file}`, touches: [file], run: (v) => v.remove(file), apply: (mm) => mm.delete(file) };
    case 7: {
      const to = `${parent()}/renamed ${serial}.dat`;
      return {
        describe: `rename ${file} -> ${to}`,
        touches: [file, to],
        rename: true,
        run: (v) => v.rename(file, to),
        apply: (mm) => {
          mm.set(to, old);
          mm.delete(file);
        },
      };
    }
    case 8: {
      const path = `${parent()}/dir ${serial}`;
      return { describe: `mkdir ${path}`, touches: [path], run: (v) => v.mkdir(path), apply: (mm) => mm.set(path, 'dir') };
    }
    default: {
      // Several writes through one handle, then flush: only the flush makes them durable.
      const data = r.bytes(1 + r.int(8 * cb));
      return {
        describe: `streamed rewrite of ${file}`,
        touches: [file],
        run: (v) => {
          const f: FatFile = v.open(file, 'r+b');
          for (let p = 0; p < data.length; p += 700) f.write(data.subarray(p, p + 700));
          f.flush();
          f.close();
        },
        apply: (mm) => {
          const next = new Uint8Array(Math.max(old.length, data.length));
          next.set(old);
          next.set(data, 0);
          mm.set(file, next);
        },
      };
    }
  }
}

interface Geometry {
  label: string;
  sectorSize: number;
  sectors: number;
  type: 'auto' | FatType;
  numFats: 1 | 2;
}

/** The base image: a few directories and files, all synced. */
function baseImage(g: Geometry, seed: number): { image: Uint8Array; model: Model } {
  const dev = new RamBlockDevice(g.sectorSize, g.sectors);
  mkfs(dev, { type: g.type, numFats: g.numFats });
  const vol = FatVolume.mount(dev);
  const r = prng(seed);
  const model: Model = new Map();
  for (const d of DIRS) {
    vol.mkdir(d);
    model.set(d, 'dir');
  }
  for (let i = 0; i < 8; i++) {
    const path = `${r.pick(['', ...DIRS])}/base ${i}.txt`;
    const data = r.bytes(r.int(3 * vol.geometry.clusterSize));
    vol.writeFile(path, data);
    model.set(path, data);
  }
  vol.umount();
  return { image: dev.data.slice(), model };
}

/** Runs the sequence; returns the number of device writes, or where the power failed. */
function runSequence(dev: BlockDevice, base: Model, seed: number, count: number, cb: number): { model: Model; cutAt: Op | null; done: number } {
  const r = prng(seed * 7919);
  const model: Model = new Map(base);
  let vol: FatVolume;
  try {
    vol = FatVolume.mount(dev);
  } catch (e) {
    if (e instanceof PowerCut) return { model, cutAt: null, done: 0 };
    throw e;
  }
  for (let i = 0; i < count; i++) {
    const op = planOp(r, model, cb, i);
    try {
      op.run(vol);
    } catch (e) {
      if (e instanceof PowerCut) return { model, cutAt: op, done: i };
      if (e instanceof FatError && e.errno === 28) continue; // full: skip (the model is unchanged)
      throw e;
    }
    op.apply(model);
  }
  try {
    vol.umount();
  } catch (e) {
    if (!(e instanceof PowerCut)) throw e;
  }
  return { model, cutAt: null, done: count };
}

/** What the checker may report after a cut: allocated-but-unreferenced clusters, a chain longer than the
 * size, a stale FSInfo count; and cross-links only when a rename was interrupted. */
function allowedCheckerError(msg: string, rename: boolean): boolean {
  if (/lost clusters?/.test(msg)) return true;
  if (/^FSInfo free count/.test(msg)) return true;
  if (/^FAT copies 1 and 2 differ/.test(msg)) return true; // the copies are written one after the other
  const m = /size (\d+) needs (\d+) clusters, chain has (\d+)/.exec(msg);
  if (m) return Number(m[3]) > Number(m[2]);
  if (rename && /cross-linked|duplicate/.test(msg)) return true;
  return false;
}

function allowedFsckLine(line: string, rename: boolean): boolean {
  if (/^Reclaimed \d+ unused clusters?/.test(line) || /^Checking|^Leaving filesystem unchanged|^Auto-correcting|^Truncating|^Performing changes/.test(line)) return true;
  if (/^Free cluster summary wrong/.test(line)) return true;
  if (/FATs differ but appear to be intact/.test(line) || /^Using first FAT/.test(line)) return true;
  const m = /File size is (\d+) bytes, cluster chain length is (> ?)?(\d+) bytes/.exec(line);
  if (m) return rename || Number(m[3]) > Number(m[1]) || m[2] !== undefined;
  if (/^\//.test(line)) return true; // the path line that introduces a complaint
  if (rename && /share clusters|Truncating second to 0 bytes/i.test(line)) return true;
  return false;
}

const scratch = tempDir('powercut');
afterAll(() => scratch.cleanup());

const geometries: Geometry[] = [
  { label: 'FAT12 512, 1 FAT', sectorSize: 512, sectors: 2048, type: 'auto', numFats: 1 },
  { label: 'FAT12 4096 (ESP8266), 1 FAT', sectorSize: 4096, sectors: 866, type: 'auto', numFats: 1 },
  { label: 'FAT16 512, 2 FATs', sectorSize: 512, sectors: 20000, type: 'auto', numFats: 2 },
  { label: 'FAT32 512, FSInfo', sectorSize: 512, sectors: 70000, type: 32, numFats: 1 },
];

const envSeed = process.env.VFSFAT_CUT_SEED ? Number(process.env.VFSFAT_CUT_SEED) : null;
const TRIALS = envSeed !== null ? 1 : Number(process.env.VFSFAT_CUT_TRIALS ?? 40);
const OPS = 25;

describe('power cut at a random write', () => {
  for (const g of geometries) {
    test(`${g.label}: ${TRIALS} cuts`, () => {
      let clean = 0;
      const { image, model: base } = baseImage(g, g.sectors);
      const cb = FatVolume.mount(new RamBlockDevice(g.sectorSize, image.slice())).geometry.clusterSize;
      for (let t = 0; t < TRIALS; t++) {
        const seed = envSeed ?? t * 1000 + g.sectors + Number(process.env.VFSFAT_CUT_OFFSET ?? 0);
        const where = `seed ${seed} (${g.label})`;
        // Dry run: how many writes does the sequence make?
        const dry = new CuttingDevice(new RamBlockDevice(g.sectorSize, image.slice()), Infinity, 0);
        runSequence(dry, base, seed, OPS, cb);
        const r = prng(seed ^ 0x5bd1e995);
        const budget = r.int(dry.writes);
        const disk = new RamBlockDevice(g.sectorSize, image.slice());
        const cutting = new CuttingDevice(disk, budget, r.next());
        const res = runSequence(cutting, base, seed, OPS, cb);
        expect(cutting.dead, `${where}: the cut at write ${budget} of ${dry.writes} never came`).toBe(true);

        // Power back on.
        const after = new RamBlockDevice(g.sectorSize, disk.data.slice());
        const vol = FatVolume.mount(after);
        const touched = new Set(res.cutAt?.touches ?? []);
        const rename = res.cutAt?.rename ?? false;
        for (const [path, want] of res.model) {
          if (touched.has(path)) continue;
          if (want === 'dir') {
            expect(vol.stat(path).isDirectory, `${where}: directory ${path} after cut in '${res.cutAt?.describe}'`).toBe(true);
            continue;
          }
          const got = vol.readFile(path);
          expect(sameBytes(got, want), `${where}: ${path} changed by a cut in '${res.cutAt?.describe}'`).toBe(true);
        }
        if (rename) {
          // At least one of the two names holds the file, intact.
          const [from, to] = res.cutAt!.touches;
          const want = res.model.get(from) as Uint8Array;
          const holders = [from, to].filter((p) => vol.exists(p));
          expect(holders.length, `${where}: both names gone after a cut in '${res.cutAt?.describe}'`).toBeGreaterThan(0);
          for (const p of holders) expect(sameBytes(vol.readFile(p), want), `${where}: ${p} after cut in rename`).toBe(true);
        }
        const report = checkVolume(after);
        const bad = report.errors.filter((e) => !allowedCheckerError(e, rename));
        expect(bad, `${where}: checker after a cut in '${res.cutAt?.describe}'`).toEqual([]);
        if (report.errors.length === 0) clean++;
        if (haveDosfstools) {
          const path = join(scratch.path, `cut-${seed}.img`);
          writeFileSync(path, after.data);
          const f = fsck(path);
          const badLines = f.complaints.filter((l) => !allowedFsckLine(l, rename));
          expect(badLines, `${where}: fsck.fat after a cut in '${res.cutAt?.describe}':\n${f.out}`).toEqual([]);
        }
        // And the volume keeps working: write a file, read it back.
        vol.writeFile('/after the cut.txt', new TextEncoder().encode('still works'));
        expect(new TextDecoder().decode(vol.readFile('/after the cut.txt'))).toBe('still works');
      }
      // Most cuts should leave nothing at all to repair.
      if (TRIALS >= 10) expect(clean, 'cuts that left a perfectly clean volume').toBeGreaterThan(TRIALS / 3);
    }, 120_000);
  }
});
