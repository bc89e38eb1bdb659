// Model-based random test: thousands of random operations against an in-memory model of the tree,
// checking every read, listing, stat and error; remounting now and then; the engine's own checker every
// few hundred operations and fsck.fat on the image at the end of each run.
//
// Reproduce a failure with VFSFAT_SEED=<seed> (and VFSFAT_OPS=<count>); every failure message starts
// with the seed and the operation number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  EEXIST,
  EINVAL,
  EISDIR,
  ENOENT,
  ENOSPC,
  ENOTDIR,
  ENOTEMPTY,
  EACCES,
  FatError,
  FatVolume,
  RamBlockDevice,
  S_IFDIR,
  checkVolume,
  mkfs,
  type FatFile,
  type FatType,
} from '../src/index.js';
import { fsck, haveDosfstools, prng, sameBytes, tempDir } from './helpers.js';

interface MFile {
  kind: 'file';
  name: string;
  data: Uint8Array;
}
interface MDir {
  kind: 'dir';
  name: string;
  children: Map<string, MNode>;
}
type MNode = MFile | MDir;

const fold = (s: string): string => s.toUpperCase();

const NAME_POOL = [
  'a',
  'B',
  'readme.txt',
  'ReadMe.TXT',
  'main.py',
  'boot.py',
  'Long File Name Number One.text',
  'long file name number two.text',
  'Ünïcödé façade.txt',
  'x+y=z[1]',
  'data',
  'Data.bin',
  'lib',
  '12345678.abc',
  'verylongname_with_suffix.py',
  '名前.txt',
  'name.with.many.dots',
  '.hidden',
  'UPPER',
  'mixedCase.Py',
  'tail~1.txt',
  'a'.repeat(200),
];

function randomName(r: ReturnType<typeof prng>): string {
  const base = r.pick(NAME_POOL);
  const roll = r.int(4);
  if (roll === 0) return base;
  const n = r.int(40);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? `${base.slice(0, dot)}${n}${base.slice(dot)}` : `${base}${n}`;
}

function growTo(data: Uint8Array, size: number): Uint8Array {
  if (data.length >= size) return data;
  const out = new Uint8Array(size);
  out.set(data);
  return out;
}

interface RunConfig {
  label: string;
  sectorSize: number;
  sectors: number;
  type: 'auto' | FatType;
  clusterSize?: number;
  seed: number;
  ops: number;
}

function runModel(cfg: RunConfig, imagePath: string): { ops: number; errorsChecked: number; enospc: number } {
  const r = prng(cfg.seed);
  const dev = new RamBlockDevice(cfg.sectorSize, cfg.sectors);
  mkfs(dev, { type: cfg.type, clusterSize: cfg.clusterSize });
  let vol = FatVolume.mount(dev);
  const cb = vol.geometry.clusterSize;
  const fixedRoot = vol.fatType !== 32;
  const root: MDir = { kind: 'dir', name: '', children: new Map() };
  let cwd: string[] = []; // folded path components of the current directory
  const handles: { file: FatFile; path: string[] }[] = [];
  let step = 0;
  let errorsChecked = 0;
  let enospc = 0;
  const where = (): string => `seed ${cfg.seed} op ${step}`;

  const lookup = (path: string[]): MNode | null => {
    let node: MNode = root;
    for (const p of path) {
      if (node.kind !== 'dir') return null;
      const next = node.children.get(p);
      if (!next) return null;
      node = next;
    }
    return node;
  };
  const realPath = (path: string[]): string => {
    let node: MNode = root;
    const names: string[] = [];
    for (const p of path) {
      node = (node as MDir).children.get(p)!;
      names.push(node.name);
    }
    return '/' + names.join('/');
  };
  const allPaths = (kind?: 'file' | 'dir'): string[][] => {
    const out: string[][] = [];
    const walk = (d: MDir, prefix: string[]): void => {
      for (const [k, n] of d.children) {
        const p = [...prefix, k];
        if (!kind || n.kind === kind) out.push(p);
        if (n.kind === 'dir') walk(n, p);
      }
    };
    walk(root, []);
    return out;
  };
  const randomDir = (): string[] => {
    const dirs = allPaths('dir');
    return r.int(3) === 0 || dirs.length === 0 ? [] : r.pick(dirs);
  };
  const expectErr = (fn: () => unknown, errno: number, what: string): void => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof FatError)) throw e;
      expect(e.errno, `${where()}: ${what}: ${e.message}`).toBe(errno);
      errorsChecked++;
      return;
    }
    throw new Error(`${where()}: ${what}: expected errno ${errno}, nothing thrown`);
  };
  /** ENOSPC is only acceptable when the volume (or the fixed root directory) is really about full. */
  const checkEnospc = (e: unknown, bytes: number, parentIsRoot: boolean): void => {
    if (!(e instanceof FatError) || e.errno !== ENOSPC) throw e;
    enospc++;
    const free = vol.statvfs().bfree * cb;
    if (parentIsRoot && fixedRoot) return;
    expect(free, `${where()}: ENOSPC with ${free} bytes free for ${bytes}`).toBeLessThan(bytes + 3 * cb);
  };
  const closeAll = (): void => {
    while (handles.length > 0) handles.pop()!.file.close();
  };
  const verifyDir = (path: string[]): void => {
    const node = lookup(path) as MDir;
    const listed = [...vol.ilistdir(realPath(path))];
    const want = [...node.children.values()].map((n) => `${n.name}|${n.kind === 'dir' ? 'd' : (n as MFile).data.length}`).sort();
    const got = listed.map((e) => `${e.name}|${e.type === S_IFDIR ? 'd' : e.size}`).sort();
    expect(got, `${where()}: listing of ${realPath(path)}`).toEqual(want);
  };
  const verifyAll = (): void => {
    verifyDir([]);
    for (const d of allPaths('dir')) verifyDir(d);
    for (const f of allPaths('file')) {
      const got = vol.readFile(realPath(f));
      expect(sameBytes(got, (lookup(f) as MFile).data), `${where()}: contents of ${realPath(f)}`).toBe(true);
    }
  };
  const remount = (): void => {
    closeAll();
    vol.umount();
    vol = FatVolume.mount(dev);
    if (cwd.length > 0) vol.chdir(realPath(cwd));
  };

  for (step = 0; step < cfg.ops; step++) {
    const op = r.int(100);
    if (op < 18) {
      // Create (or replace) a file with random contents.
      const dir = randomDir();
      const name = randomName(r);
      const path = [...dir, fold(name)];
      const existing = lookup(path);
      const mode = r.int(5) === 0 ? 'xb' : 'wb';
      const full = `${realPath(dir)}/${name}`;
      if (existing?.kind === 'dir') {
        expectErr(() => vol.open(full, mode), mode === 'xb' ? EEXIST : EISDIR, `open dir ${full} ${mode}`);
        continue;
      }
      if (existing && mode === 'xb') {
        expectErr(() => vol.open(full, mode), EEXIST, `open ${full} x`);
        continue;
      }
      if (handles.some((h) => h.path.join('/') === path.join('/'))) continue; // keep the model simple
      let f: FatFile;
      try {
        f = vol.open(full, mode);
      } catch (e) {
        checkEnospc(e, 0, dir.length === 0);
        continue;
      }
      const data = r.bytes(r.int(4) === 0 ? r.int(40 * cb) : r.int(3 * cb));
      const node: MFile = existing ? (existing as MFile) : { kind: 'file', name, data: new Uint8Array(0) };
      node.data = new Uint8Array(0);
      if (!existing) (lookup(dir) as MDir).children.set(fold(name), node);
      let written = 0;
      try {
        while (written < data.length) {
          const n = Math.min(data.length - written, 1 + r.int(3 * cb));
          f.write(data.subarray(written, written + n));
          written += n;
        }
      } catch (e) {
        checkEnospc(e, data.length - written, false);
        written += (e as FatError).bytesWritten;
      }
      node.data = data.slice(0, written);
      f.close();
    } else if (op < 30) {
      // Write at an offset (possibly past the end: the gap reads as zeros), through a fresh handle.
      const files = allPaths('file');
      if (files.length === 0) continue;
      const path = r.pick(files);
      const node = lookup(path) as MFile;
      const f = vol.open(realPath(path), r.int(2) ? 'r+b' : 'ab');
      const append = f.append;
      const at = append ? node.data.length : r.int(node.data.length + 2 * cb);
      f.seek(at);
      const data = r.bytes(1 + r.int(2 * cb));
      let written = data.length;
      try {
        f.write(data);
      } catch (e) {
        checkEnospc(e, data.length, false);
        written = (e as FatError).bytesWritten;
      }
      if (written > 0 || at <= node.data.length) {
        const end = at + written;
        const next = growTo(node.data, Math.max(node.data.length, end));
        next.set(data.subarray(0, written), at);
        node.data = next === node.data ? next : next;
      }
      expect(f.tell(), `${where()}: tell after write`).toBe(at + written);
      f.close();
    } else if (op < 36) {
      // Truncate (shorter or longer).
      const files = allPaths('file');
      if (files.length === 0) continue;
      const path = r.pick(files);
      const node = lookup(path) as MFile;
      const size = r.int(node.data.length + 3 * cb);
      const f = vol.open(realPath(path), 'r+b');
      try {
        f.truncate(size);
        node.data = size <= node.data.length ? node.data.slice(0, size) : growTo(node.data, size);
      } catch (e) {
        checkEnospc(e, size - node.data.length, false);
      }
      f.close();
    } else if (op < 48) {
      // Read a random range and compare.
      const files = allPaths('file');
      if (files.length === 0) continue;
      const path = r.pick(files);
      const node = lookup(path) as MFile;
      const f = vol.open(realPath(path), r.int(2) ? 'rb' : 'r+b');
      const at = r.int(node.data.length + 10);
      const len = r.int(4 * cb);
      f.seek(at);
      const got = f.read(len);
      const want = node.data.subarray(Math.min(at, node.data.length), Math.min(at + len, node.data.length));
      expect(sameBytes(got, want), `${where()}: read ${realPath(path)} @${at}+${len}`).toBe(true);
      f.close();
    } else if (op < 55) {
      // mkdir.
      const dir = randomDir();
      const name = randomName(r);
      const path = [...dir, fold(name)];
      const full = `${realPath(dir)}/${name}`;
      if (lookup(path)) {
        expectErr(() => vol.mkdir(full), EEXIST, `mkdir ${full}`);
        continue;
      }
      try {
        vol.mkdir(full);
        (lookup(dir) as MDir).children.set(fold(name), { kind: 'dir', name, children: new Map() });
      } catch (e) {
        checkEnospc(e, cb, dir.length === 0);
      }
    } else if (op < 62) {
      // remove / rmdir, with their errors.
      const all = allPaths();
      if (all.length === 0) continue;
      const path = r.pick(all);
      const node = lookup(path)!;
      const full = realPath(path);
      if (handles.some((h) => h.path.join('/') === path.join('/'))) continue;
      if (node.kind === 'file') {
        if (r.int(4) === 0) {
          expectErr(() => vol.rmdir(full), ENOTDIR, `rmdir file ${full}`);
          continue;
        }
        vol.remove(full);
      } else {
        if (r.int(4) === 0) {
          expectErr(() => vol.remove(full), EISDIR, `remove dir ${full}`);
          continue;
        }
        if (path.join('/') === cwd.join('/')) {
          expectErr(() => vol.rmdir(full), EACCES, `rmdir cwd ${full}`);
          continue;
        }
        if (node.children.size > 0) {
          expectErr(() => vol.rmdir(full), ENOTEMPTY, `rmdir non-empty ${full}`);
          continue;
        }
        vol.rmdir(full);
      }
      (lookup(path.slice(0, -1)) as MDir).children.delete(path[path.length - 1]);
    } else if (op < 72) {
      // rename / move.
      const all = allPaths();
      if (all.length === 0) continue;
      const from = r.pick(all);
      const node = lookup(from)!;
      const toDir = r.int(2) ? from.slice(0, -1) : randomDir();
      const name = r.int(6) === 0 ? node.name.toUpperCase() : randomName(r);
      const to = [...toDir, fold(name)];
      const src = realPath(from);
      const dst = `${realPath(toDir)}/${name}`;
      if (handles.some((h) => h.path.join('/').startsWith(from.join('/')))) continue;
      if (cwd.join('/').startsWith(from.join('/')) && cwd.length >= from.length) continue;
      const same = to.join('/') === from.join('/');
      if (lookup(to) && !same) {
        expectErr(() => vol.rename(src, dst), EEXIST, `rename ${src} -> ${dst} (exists)`);
        continue;
      }
      if (node.kind === 'dir' && to.length > from.length && to.slice(0, from.length).join('/') === from.join('/')) {
        expectErr(() => vol.rename(src, dst), EINVAL, `rename ${src} into itself`);
        continue;
      }
      try {
        vol.rename(src, dst);
      } catch (e) {
        checkEnospc(e, 0, toDir.length === 0);
        continue;
      }
      (lookup(from.slice(0, -1)) as MDir).children.delete(from[from.length - 1]);
      node.name = name;
      (lookup(toDir) as MDir).children.set(fold(name), node);
    } else if (op < 80) {
      // Listing and stat of a random directory / entry.
      const dir = randomDir();
      verifyDir(dir);
      const all = allPaths();
      if (all.length > 0) {
        const p = r.pick(all);
        const n = lookup(p)!;
        const st = vol.stat(realPath(p));
        expect(st.isDirectory, `${where()}: stat kind`).toBe(n.kind === 'dir');
        if (n.kind === 'file') expect(st.size, `${where()}: stat size`).toBe(n.data.length);
      }
      expectErr(() => vol.stat(`${realPath(dir)}/no such thing ${r.int(1000)}`), ENOENT, 'stat missing');
    } else if (op < 88) {
      // Long-lived handles: open, write through one, read through another.
      if (handles.length < 4 || r.int(3) === 0) {
        const files = allPaths('file');
        if (files.length === 0) continue;
        const path = r.pick(files);
        handles.push({ file: vol.open(realPath(path), 'r+b'), path });
      } else {
        const h = r.pick(handles);
        const node = lookup(h.path) as MFile;
        if (r.int(2)) {
          const at = r.int(node.data.length + 1);
          const data = r.bytes(1 + r.int(cb));
          h.file.seek(at);
          let written = data.length;
          try {
            h.file.write(data);
          } catch (e) {
            checkEnospc(e, data.length, false);
            written = (e as FatError).bytesWritten;
          }
          const next = growTo(node.data, Math.max(node.data.length, at + written));
          next.set(data.subarray(0, written), at);
          node.data = next;
        } else {
          const other = handles.find((x) => x !== h && x.path.join('/') === h.path.join('/')) ?? h;
          other.file.seek(0);
          expect(sameBytes(other.file.read(), node.data), `${where()}: read through a second handle`).toBe(true);
        }
        if (r.int(4) === 0) {
          handles.splice(handles.indexOf(h), 1);
          h.file.close();
        }
      }
    } else if (op < 92) {
      // chdir somewhere and check getcwd, or use a relative path.
      const dir = randomDir();
      vol.chdir(realPath(dir));
      cwd = dir;
      expect(vol.getcwd(), `${where()}: getcwd`).toBe(realPath(dir));
      verifyDir(dir);
      const rel = [...vol.ilistdir('')].map((e) => e.name).sort();
      expect(rel, `${where()}: relative listing`).toEqual([...(lookup(dir) as MDir).children.values()].map((n) => n.name).sort());
    } else if (op < 95) {
      remount();
      verifyAll();
    } else {
      // Invalid names are refused.
      expectErr(() => vol.open(`/${r.pick(['bad:name', 'what?', 'a*b', 'pipe|', 'quote"', '   ', '...'])}`, 'w'), EINVAL, 'invalid name');
    }
    if (step % 250 === 249) {
      const report = checkVolume(dev);
      expect(report.errors, `${where()}: checker`).toEqual([]);
    }
  }
  closeAll();
  vol.umount();
  vol = FatVolume.mount(dev);
  verifyAll();
  const report = checkVolume(dev);
  expect(report.errors, `seed ${cfg.seed} end: checker`).toEqual([]);
  writeFileSync(imagePath, dev.data);
  if (haveDosfstools) {
    const f = fsck(imagePath);
    expect(f.complaints, `seed ${cfg.seed} end: fsck.fat -n ${imagePath}\n${f.out}`).toEqual([]);
    expect(f.clean, f.out).toBe(true);
  }
  return { ops: cfg.ops, errorsChecked, enospc };
}

const scratch = tempDir('model');
afterAll(() => scratch.cleanup());

const envSeed = process.env.VFSFAT_SEED ? Number(process.env.VFSFAT_SEED) : null;
const envOps = process.env.VFSFAT_OPS ? Number(process.env.VFSFAT_OPS) : null;
const seeds = envSeed !== null ? [envSeed] : [1, 2, 3];

describe('model-based random operations (fsck.fat at the end of each run)', () => {
  const geometries: (Omit<RunConfig, 'seed' | 'ops'> & { fills?: boolean })[] = [
    // Small FAT12 volume with 512-byte clusters: fills up, so ENOSPC paths run too.
    { label: 'FAT12 512 (192 KiB, fills up)', sectorSize: 512, sectors: 384, type: 'auto', fills: true },
    // The ESP8266 flash: FAT12 with 4096-byte sectors.
    { label: 'FAT12 4096 (ESP8266, 866 sectors)', sectorSize: 4096, sectors: 866, type: 'auto', fills: true },
    // FAT16 with 512-byte clusters (so directories grow across many clusters).
    { label: 'FAT16 512 (8 MiB)', sectorSize: 512, sectors: 16384, type: 'auto', clusterSize: 512 },
    // FAT32 with a growing root directory.
    { label: 'FAT32 512 (36 MiB, 512-byte clusters)', sectorSize: 512, sectors: 73728, type: 32, clusterSize: 512 },
  ];
  for (const g of geometries) {
    for (const seed of seeds) {
      const ops = envOps ?? 1500;
      test(`${g.label}, seed ${seed}, ${ops} ops`, () => {
        const res = runModel({ ...g, seed, ops }, join(scratch.path, `model-${seed}-${g.sectorSize}-${g.sectors}.img`));
        expect(res.ops).toBe(ops);
        expect(res.errorsChecked).toBeGreaterThan(0);
        if (g.fills) expect(res.enospc, 'the volume never filled up').toBeGreaterThan(0);
      }, 120_000);
    }
  }
});
