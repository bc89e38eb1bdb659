// Interoperability with the tools people already have: images we make and fill must pass fsck.fat and
// read back byte for byte through mtools; images made by mkfs.fat and filled by mcopy must read back
// byte for byte through us (and stay clean after we change them).
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FatVolume, mkfs, S_IFDIR, type FatType } from '../src/index.js';
import { FileBlockDevice } from '../src/node/index.js';
import { fsck, haveDosfstools, haveMtools, prng, run, sameBytes, tempDir } from './helpers.js';

interface Tree {
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
}

/** A tree exercising names (short, mixed case, long, non-ASCII, needing ~N tails) and sizes. */
function makeTree(seed: number, clusterSize: number, budget: number): Tree {
  const r = prng(seed);
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['lib', 'lib/sub dir', 'lib/sub dir/deeper', 'many', 'Empty Directory']);
  const names = [
    'boot.py',
    'main.py',
    'README.TXT',
    'MixedCase.Py',
    'A very long file name with spaces.data',
    'Ünïcödé ✓ naïve.txt',
    'Éclair au café.md',
    'a+b;c=d[1].txt',
    '.hidden',
    'archive.tar.gz',
    'UPPER.lower',
    'lower.UPPER',
    'x',
    '12345678.123',
    '123456789.1234',
    'name   with   spaces',
  ];
  for (let i = 1; i <= 12; i++) names.push(`longfilename_${String(i).padStart(2, '0')}.txt`);
  const sizes = [0, 1, 511, 512, 513, clusterSize - 1, clusterSize, clusterSize + 1, 3 * clusterSize + 17, Math.min(200_000, Math.floor(budget / 20))];
  names.forEach((name, i) => files.set(name, r.bytes(sizes[i % sizes.length])));
  files.set('lib/sub dir/deeper/big.bin', r.bytes(Math.min(2_000_000, Math.floor(budget / 5))));
  files.set('lib/sub dir/Note.txt', new TextEncoder().encode('a note\n'));
  files.set('lib/module.py', new TextEncoder().encode('print("hello")\n'));
  const many = Math.min(300, Math.floor(budget / 5 / clusterSize));
  for (let i = 0; i < many; i++) files.set(`many/file${i}.dat`, r.bytes(r.int(700)));
  return { files, dirs };
}

function fillVolume(vol: FatVolume, tree: Tree): void {
  for (const d of [...tree.dirs].sort()) vol.mkdir('/' + d);
  for (const [path, data] of tree.files) {
    const f = vol.open('/' + path, 'wb');
    // Write in uneven pieces, so partial sectors and clusters are exercised.
    for (let p = 0; p < data.length; ) {
      const n = Math.min(data.length - p, 1 + ((p * 7919) % 9000));
      f.write(data.subarray(p, p + n));
      p += n;
    }
    f.close();
  }
}

/** Removes and renames some entries, leaving holes in directories that later files reuse. */
function churn(vol: FatVolume, tree: Tree, seed: number): void {
  const r = prng(seed);
  const many = [...tree.files.keys()].filter((p) => p.startsWith('many/file'));
  many.forEach((path, i) => {
    if (i % 3 === 0) {
      vol.remove('/' + path);
      tree.files.delete(path);
    } else if (i % 7 === 1) {
      const to = `many/Renamed File Number ${i}.dat`;
      vol.rename('/' + path, '/' + to);
      tree.files.set(to, tree.files.get(path)!);
      tree.files.delete(path);
    }
  });
  vol.rename('/lib/sub dir/Note.txt', '/Moved Note.txt');
  tree.files.set('Moved Note.txt', tree.files.get('lib/sub dir/Note.txt')!);
  tree.files.delete('lib/sub dir/Note.txt');
  for (let i = 0; i < 20; i++) {
    const path = `many/new file after churn ${i}.bin`;
    const data = r.bytes(r.int(5000));
    vol.writeFile('/' + path, data);
    tree.files.set(path, data);
  }
}

/** Every path and file content as mtools sees them. */
function readWithMtools(image: string, scratch: string): { paths: Set<string>; files: Map<string, Uint8Array> } {
  const listing = run('mdir', ['-/', '-b', '-i', image, '::']);
  expect(listing.status, listing.out).toBe(0);
  const paths = new Set(
    listing.out
      .split('\n')
      .filter((l) => l.startsWith('::/'))
      .map((l) => l.slice(3).replace(/\/$/, '')),
  );
  const out = join(scratch, 'mcopy-out');
  mkdirSync(out, { recursive: true });
  const copy = run('mcopy', ['-s', '-n', '-i', image, '::/', out + '/']);
  expect(copy.status, copy.out).toBe(0);
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else files.set(r, new Uint8Array(readFileSync(p)));
    }
  };
  walk(out, '');
  return { paths, files };
}

/** Every path and file content as we see them. */
function readWithUs(vol: FatVolume): { paths: Set<string>; files: Map<string, Uint8Array> } {
  const paths = new Set<string>();
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const e of vol.ilistdir(dir || '/')) {
      const p = dir ? `${dir}/${e.name}` : e.name;
      paths.add(p);
      if (e.type === S_IFDIR) walk(p);
      else {
        const data = vol.readFile('/' + p);
        expect(data.length, p).toBe(e.size);
        files.set(p, data);
      }
    }
  };
  walk('');
  return { paths, files };
}

function expectSameTree(seen: { paths: Set<string>; files: Map<string, Uint8Array> }, tree: Tree, label: string): void {
  const want = new Set([...tree.dirs, ...tree.files.keys()]);
  expect([...seen.paths].sort(), label).toEqual([...want].sort());
  expect(seen.files.size, label).toBe(tree.files.size);
  for (const [path, data] of tree.files) {
    const got = seen.files.get(path);
    expect(got, `${label}: ${path} missing`).toBeDefined();
    expect(sameBytes(got!, data), `${label}: ${path} differs`).toBe(true);
  }
}

const scratch = tempDir('interop');
afterAll(() => scratch.cleanup());

describe.skipIf(!haveDosfstools || !haveMtools)('images we make: fsck.fat is silent, mtools reads every byte', () => {
  const cases: { label: string; sectorSize: number; sectors: number; type: 'auto' | FatType; expect: FatType }[] = [
    { label: 'FAT12, 512-byte sectors, MicroPython mkfs (2 MiB)', sectorSize: 512, sectors: 4096, type: 'auto', expect: 12 },
    { label: 'FAT12, 4096-byte sectors, the ESP8266 flash (866 sectors)', sectorSize: 4096, sectors: 866, type: 'auto', expect: 12 },
    { label: 'FAT16, 512-byte sectors, MicroPython mkfs (16 MiB)', sectorSize: 512, sectors: 32768, type: 'auto', expect: 16 },
    { label: 'FAT16, 4096-byte sectors, MicroPython mkfs (64 MiB)', sectorSize: 4096, sectors: 16384, type: 'auto', expect: 16 },
    { label: 'FAT32, 512-byte sectors (48 MiB)', sectorSize: 512, sectors: 98304, type: 32, expect: 32 },
    { label: 'FAT32, 4096-byte sectors (300 MiB)', sectorSize: 4096, sectors: 76800, type: 32, expect: 32 },
  ];
  test.each(cases)('$label', ({ label, sectorSize, sectors, type, expect: fatType }) => {
    const image = join(scratch.path, `ours-${sectorSize}-${sectors}.img`);
    writeFileSync(image, new Uint8Array(0));
    run('truncate', ['-s', String(sectorSize * sectors), image]);
    const dev = new FileBlockDevice(image, { blockSize: sectorSize });
    const made = mkfs(dev, { type });
    expect(made.fatType).toBe(fatType);
    const empty = fsck(image);
    expect(empty.complaints, empty.out).toEqual([]);
    expect(empty.clean, empty.out).toBe(true);

    const vol = FatVolume.mount(dev);
    const tree = makeTree(sectorSize + sectors, vol.geometry.clusterSize, vol.statvfs().bfree * vol.geometry.clusterSize);
    fillVolume(vol, tree);
    churn(vol, tree, sectors);
    vol.umount();
    dev.close();

    const check = fsck(image);
    expect(check.complaints, check.out).toEqual([]);
    expect(check.clean, check.out).toBe(true);
    const dir = join(scratch.path, `ours-${sectorSize}-${sectors}`);
    expectSameTree(readWithMtools(image, dir), tree, label);
  }, 180_000);
});

describe.skipIf(!haveDosfstools || !haveMtools)('images mkfs.fat makes and mcopy fills: we read every byte', () => {
  const cases = [
    { fat: 12, sectorSize: 512, mib: 4, extra: [] as string[] },
    { fat: 12, sectorSize: 4096, mib: 3, extra: ['-s', '1'] },
    { fat: 16, sectorSize: 512, mib: 32, extra: [] },
    { fat: 16, sectorSize: 4096, mib: 64, extra: ['-s', '1'] },
    { fat: 32, sectorSize: 512, mib: 64, extra: ['-s', '1'] },
    { fat: 32, sectorSize: 4096, mib: 300, extra: ['-s', '1'] },
  ];
  test.each(cases)('mkfs.fat -F $fat -S $sectorSize ($mib MiB)', ({ fat, sectorSize, mib, extra }) => {
    const image = join(scratch.path, `theirs-${fat}-${sectorSize}.img`);
    writeFileSync(image, new Uint8Array(0));
    run('truncate', ['-s', `${mib}M`, image]);
    const made = run('mkfs.fat', ['-F', String(fat), '-S', String(sectorSize), ...extra, image]);
    expect(made.status, made.out).toBe(0);

    // Fill it with mcopy from a local tree.
    const local = join(scratch.path, `theirs-${fat}-${sectorSize}-src`);
    const tree = makeTree(fat * 7 + sectorSize, sectorSize * (extra.length ? 1 : 4), mib << 20);
    for (const d of tree.dirs) mkdirSync(join(local, d), { recursive: true });
    for (const [path, data] of tree.files) writeFileSync(join(local, path), data);
    for (const top of readdirSync(local)) {
      const c = run('mcopy', ['-s', '-i', image, join(local, top), '::/']);
      expect(c.status, c.out).toBe(0);
    }
    expect(fsck(image).clean).toBe(true);

    // Read it all back through us.
    let dev = new FileBlockDevice(image, { blockSize: sectorSize, readonly: true });
    let vol = FatVolume.mount(dev, { readonly: true });
    expect(vol.fatType).toBe(fat);
    expectSameTree(readWithUs(vol), tree, `mkfs.fat FAT${fat}/${sectorSize}`);
    dev.close();

    // Change it (with two FATs to keep in step), then fsck.fat and mtools must still agree.
    dev = new FileBlockDevice(image, { blockSize: sectorSize });
    vol = FatVolume.mount(dev);
    churn(vol, tree, fat);
    vol.umount();
    dev.close();
    const check = fsck(image);
    expect(check.complaints, check.out).toEqual([]);
    expectSameTree(readWithMtools(image, join(scratch.path, `theirs-${fat}-${sectorSize}-out`)), tree, `after our changes FAT${fat}/${sectorSize}`);
  }, 180_000);
});
