// vfs-fat bench: on a 4 MiB RAM disk, sequential write/read throughput and small-file create/list/delete
// rates, each against a baseline measured in the same run:
//   - throughput: the same bytes moved straight through the block device (readblocks/writeblocks in the
//     same 4 KiB pieces), i.e. the cost of the device alone, so the ratio is the filesystem's overhead;
//   - small files: mtools doing the same job on an image file (mcopy of the files in one process, mdir,
//     mdel), when mtools is installed; otherwise the block-device baseline of the same number of writes.
// Prints `name  ours X ms  baseline Y ms  ratio Z` lines (ratio = ours / baseline, lower is better), the
// rates, and the geometric mean ratio. Run after a build: node bench/bench.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FatVolume, RamBlockDevice, mkfs } from '../dist/index.js';

const MiB = 1024 * 1024;
const IMAGE = 4 * MiB;
const SECTOR = 512;
const FILE = 3 * MiB;
const CHUNK = 4096;
const SMALL = 200;
const REPEAT = 5;

function best(fn) {
  let min = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const payload = new Uint8Array(FILE);
for (let i = 0; i < FILE; i++) payload[i] = (i * 2654435761) >>> 24;

function freshVolume() {
  const dev = new RamBlockDevice(SECTOR, IMAGE / SECTOR);
  mkfs(dev);
  return { dev, vol: FatVolume.mount(dev) };
}

const results = [];
function report(name, ours, baseline, extra) {
  const ratio = ours / baseline;
  results.push(ratio);
  console.log(`${name.padEnd(28)} ours ${ours.toFixed(2)} ms  baseline ${baseline.toFixed(2)} ms  ratio ${ratio.toFixed(2)}   ${extra}`);
}

// Sequential write.
{
  const ours = best(() => {
    const { vol } = freshVolume();
    const f = vol.open('/big.bin', 'wb');
    for (let p = 0; p < FILE; p += CHUNK) f.write(payload.subarray(p, p + CHUNK));
    f.close();
  });
  const base = best(() => {
    const dev = new RamBlockDevice(SECTOR, IMAGE / SECTOR);
    for (let p = 0; p < FILE; p += CHUNK) dev.writeblocks(64 + p / SECTOR, payload.subarray(p, p + CHUNK));
  });
  report('sequential write 3 MiB', ours, base, `${(FILE / MiB / (ours / 1000)).toFixed(1)} MB/s (device alone ${(FILE / MiB / (base / 1000)).toFixed(1)} MB/s)`);
}

// Sequential read.
{
  const { dev, vol } = freshVolume();
  vol.writeFile('/big.bin', payload);
  const buf = new Uint8Array(CHUNK);
  const ours = best(() => {
    const f = vol.open('/big.bin', 'rb');
    while (f.readinto(buf) > 0);
    f.close();
  });
  const base = best(() => {
    for (let p = 0; p < FILE; p += CHUNK) dev.readblocks(64 + p / SECTOR, buf);
  });
  report('sequential read 3 MiB', ours, base, `${(FILE / MiB / (ours / 1000)).toFixed(1)} MB/s (device alone ${(FILE / MiB / (base / 1000)).toFixed(1)} MB/s)`);
}

// Small files: create, list, delete.
const small = new Uint8Array(100).fill(0x61);
const smallNames = Array.from({ length: SMALL }, (_, i) => `small file ${i}.txt`);
function oursSmall() {
  const { vol } = freshVolume();
  const t = {};
  let t0 = performance.now();
  vol.mkdir('/d');
  for (const n of smallNames) vol.writeFile(`/d/${n}`, small);
  t.create = performance.now() - t0;
  t0 = performance.now();
  const listed = vol.listdir('/d');
  if (listed.length !== SMALL) throw new Error('listing is wrong');
  t.list = performance.now() - t0;
  t0 = performance.now();
  for (const n of smallNames) vol.remove(`/d/${n}`);
  t.del = performance.now() - t0;
  return t;
}

const haveMtools = spawnSync('sh', ['-c', 'command -v mcopy && command -v mdel && command -v mdir'], { encoding: 'utf8' }).status === 0;
function mtoolsSmall() {
  const dir = mkdtempSync(join(tmpdir(), 'vfs-fat-bench-'));
  try {
    const img = join(dir, 'img');
    const { dev } = freshVolume();
    writeFileSync(img, dev.data);
    const src = join(dir, 'd');
    mkdirSync(src);
    for (const n of smallNames) writeFileSync(join(src, n), small);
    const env = { ...process.env, MTOOLS_SKIP_CHECK: '1', LC_ALL: 'C.UTF-8' };
    const t = {};
    let t0 = performance.now();
    spawnSync('mcopy', ['-s', '-i', img, src, '::/'], { env });
    t.create = performance.now() - t0;
    t0 = performance.now();
    const l = spawnSync('mdir', ['-b', '-i', img, '::/d'], { env, encoding: 'utf8' });
    if (l.stdout.split('\n').filter(Boolean).length !== SMALL) throw new Error('mdir listing is wrong');
    t.list = performance.now() - t0;
    t0 = performance.now();
    spawnSync('mdel', ['-i', img, '::/d/*'], { env });
    t.del = performance.now() - t0;
    return t;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function deviceSmall(writesPerFile) {
  const dev = new RamBlockDevice(SECTOR, IMAGE / SECTOR);
  const sector = new Uint8Array(SECTOR);
  const t = {};
  let t0 = performance.now();
  for (let i = 0; i < SMALL * writesPerFile; i++) dev.writeblocks(64 + (i % 4096), sector);
  t.create = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < 64; i++) dev.readblocks(64 + i, sector);
  t.list = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < SMALL * 2; i++) dev.writeblocks(64 + (i % 4096), sector);
  t.del = performance.now() - t0;
  return t;
}

function bestOf(fn) {
  const runs = Array.from({ length: REPEAT }, fn);
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, Math.min(...runs.map((r) => r[k]))]));
}

const ours = bestOf(oursSmall);
const base = haveMtools ? bestOf(mtoolsSmall) : bestOf(() => deviceSmall(4));
const label = haveMtools ? 'mtools' : 'device alone';
report(`create ${SMALL} small files`, ours.create, base.create, `${((SMALL / ours.create) * 1000).toFixed(0)} files/s (${label} ${((SMALL / base.create) * 1000).toFixed(0)}/s)`);
report(`list ${SMALL} files`, ours.list, base.list, `${((SMALL / ours.list) * 1000).toFixed(0)} entries/s (${label})`);
report(`delete ${SMALL} small files`, ours.del, base.del, `${((SMALL / ours.del) * 1000).toFixed(0)} files/s (${label} ${((SMALL / base.del) * 1000).toFixed(0)}/s)`);

const gm = Math.exp(results.reduce((a, r) => a + Math.log(r), 0) / results.length);
console.log(`geometric mean ratio: ${gm.toFixed(2)}`);
