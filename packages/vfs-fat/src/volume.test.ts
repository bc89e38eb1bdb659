import { describe, expect, test, vi } from 'vitest';

// Some of these move megabytes through the engine: allow for a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
import { IOCTL_BLOCK_COUNT, IOCTL_BLOCK_SIZE, RamBlockDevice, type BlockDevice } from './blockdev.js';
import { checkVolume } from './check.js';
import { EBADF, EEXIST, EINVAL, EIO, EISDIR, ENODEV, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY, EROFS, FatError } from './errors.js';
import { mkfs } from './mkfs.js';
import { fatToEpochSeconds, fixedClock, packDateTime } from './time.js';
import { FatVolume, S_IFDIR, S_IFREG } from './volume.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

function fresh(blocks = 200, blockSize = 512, options: Parameters<typeof mkfs>[1] = {}): { dev: RamBlockDevice; vol: FatVolume } {
  const dev = new RamBlockDevice(blockSize, blocks);
  mkfs(dev, options);
  return { dev, vol: FatVolume.mount(dev) };
}

function errnoOf(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof FatError) return e.errno;
    throw e;
  }
  return 0;
}

function expectClean(dev: BlockDevice): void {
  expect(checkVolume(dev).errors).toEqual([]);
}

describe('what MicroPython programs see (the vfs_fat_* conformance scenarios)', () => {
  test('ramdisk: stat, ilistdir, mkdir, chdir, getcwd, remount', () => {
    const { dev, vol } = fresh(50);
    expect(vol.getcwd()).toBe('/');
    expect(errnoOf(() => vol.stat('no_file.txt'))).toBe(ENOENT);
    vol.writeFile('foo_file.txt', enc('hello!'));
    expect([...vol.ilistdir()]).toEqual([{ name: 'foo_file.txt', type: S_IFREG, inode: 0, size: 6 }]);
    expect(vol.stat('/')).toMatchObject({ mode: S_IFDIR, size: 0, mtime: 946684800 });
    expect(vol.stat('foo_file.txt')).toMatchObject({ mode: S_IFREG, size: 6 });
    // The short name is stored upper case (with the NT lower-case flags): the image holds FOO_FILETXT.
    expect(Buffer.from(dev.data).includes('FOO_FILETXT')).toBe(true);
    vol.mkdir('foo_dir');
    vol.chdir('foo_dir');
    expect(vol.getcwd()).toBe('/foo_dir');
    expect([...vol.ilistdir()]).toEqual([]);
    vol.writeFile('sub_file.txt', enc('subdir file'));
    expect(errnoOf(() => vol.chdir('sub_file.txt'))).toBe(ENOENT);
    vol.chdir('..');
    expect(vol.getcwd()).toBe('/');
    vol.umount();
    const again = FatVolume.mount(dev);
    expect([...again.ilistdir('')].map((e) => [e.name, e.type, e.size])).toEqual([
      ['foo_file.txt', S_IFREG, 6],
      ['foo_dir', S_IFDIR, 0],
    ]);
    expect(errnoOf(() => again.ilistdir('no_exist'))).toBe(ENOENT);
    expectClean(dev);
  });

  test('fileio: modes x and a, read, tell, seek, closed files, rmdir/remove errors', () => {
    const { vol } = fresh(50);
    const f = vol.open('foo_file.txt', 'w');
    f.write(enc('hello!'));
    f.flush();
    f.close();
    f.close();
    expect(errnoOf(() => f.write(enc('world!')))).toBe(EINVAL);
    expect(errnoOf(() => f.read())).toBe(EINVAL);
    expect(errnoOf(() => f.flush())).toBe(EINVAL);
    expect(errnoOf(() => vol.open('foo_file.txt', 'x'))).toBe(EEXIST);
    const a = vol.open('foo_file.txt', 'a');
    a.write(enc('world!'));
    a.close();
    const r = vol.open('foo_file.txt');
    expect(dec(r.read())).toBe('hello!world!');
    expect(r.tell()).toBe(12);
    r.seek(0, 0);
    expect(dec(r.read(1))).toBe('h');
    r.seek(0, 1);
    expect(dec(r.read(1))).toBe('e');
    r.seek(2, 1);
    expect(dec(r.read(1))).toBe('o');
    r.seek(-2, 2);
    expect(dec(r.read(1))).toBe('d');
    r.close();
    vol.mkdir('foo_dir');
    expect(errnoOf(() => vol.rmdir('foo_file.txt'))).toBe(ENOTDIR);
    expect(errnoOf(() => vol.remove('foo_dir'))).toBe(EISDIR);
    vol.remove('foo_file.txt');
    expect([...vol.ilistdir()]).toEqual([{ name: 'foo_dir', type: S_IFDIR, inode: 0, size: 0 }]);
  });

  test('the old block protocol (count/sync) and a device without ioctl block size', () => {
    const data = new Uint8Array(50 * 512);
    let synced = 0;
    const old: BlockDevice = {
      readblocks: (n, buf) => buf.set(data.subarray(n * 512, n * 512 + buf.length)),
      writeblocks: (n, buf) => data.set(buf, n * 512),
      count: () => 50,
      sync: () => void synced++,
    };
    mkfs(old);
    const vol = FatVolume.mount(old);
    vol.writeFile('file.txt', enc('hello!'));
    expect([...vol.ilistdir()]).toEqual([{ name: 'file.txt', type: S_IFREG, inode: 0, size: 6 }]);
    expect(dec(vol.readFile('file.txt'))).toBe('hello!');
    expect(synced).toBeGreaterThan(0);
    const noSize: BlockDevice = { ...old, count: undefined, ioctl: (op) => (op === IOCTL_BLOCK_COUNT ? 50 : op === IOCTL_BLOCK_SIZE ? null : 0) };
    expect(FatVolume.mount(noSize).geometry.sectorSize).toBe(512);
  });

  test('a block device reporting failure gives EIO', () => {
    const ram = new RamBlockDevice(512, 50);
    mkfs(ram);
    let result = 0;
    const dev: BlockDevice = {
      readblocks: (n, buf) => {
        ram.readblocks(n, buf);
        return result;
      },
      writeblocks: (n, buf) => ram.writeblocks(n, buf),
      ioctl: (op, arg) => ram.ioctl(op, arg),
    };
    const vol = FatVolume.mount(dev);
    vol.writeFile('test', enc('a'.repeat(64)));
    result = -5;
    expect(errnoOf(() => FatVolume.mount(dev))).toBe(EIO);
    result = 0;
  });
});

describe('files', () => {
  test('modes: r needs the file, w truncates, a always appends, + reads and writes, bad modes refused', () => {
    const { vol } = fresh();
    expect(errnoOf(() => vol.open('missing'))).toBe(ENOENT);
    vol.writeFile('f', enc('0123456789'));
    const w = vol.open('f', 'w');
    expect(w.size).toBe(0);
    expect(errnoOf(() => w.read())).toBe(EBADF);
    w.write(enc('abc'));
    w.close();
    const r = vol.open('f', 'rb');
    expect(errnoOf(() => r.write(enc('x')))).toBe(EBADF);
    r.close();
    const a = vol.open('f', 'a+');
    a.seek(0);
    a.write(enc('DEF'));
    expect(a.tell()).toBe(6);
    a.seek(0);
    expect(dec(a.read())).toBe('abcDEF');
    a.close();
    const rp = vol.open('f', 'r+');
    rp.seek(1);
    rp.write(enc('XY'));
    rp.seek(0);
    expect(dec(rp.read())).toBe('aXYDEF');
    rp.close();
    for (const bad of ['rw', 'q', 'r++', 'bt', 'rbb']) expect(errnoOf(() => vol.open('f', bad)), bad).toBe(EINVAL);
    vol.mkdir('d');
    expect(errnoOf(() => vol.open('d'))).toBe(EISDIR);
    expect(errnoOf(() => vol.open('d', 'w'))).toBe(EISDIR);
    expect(errnoOf(() => vol.open('/', 'r'))).toBe(EISDIR);
  });

  test('seeking past the end and writing leaves zeros; truncate shrinks and zero-extends', () => {
    const { dev, vol } = fresh(400);
    const f = vol.open('sparse.bin', 'w+b');
    f.write(enc('head'));
    f.seek(3000);
    f.write(enc('tail'));
    expect(f.size).toBe(3004);
    f.seek(0);
    const all = f.read();
    expect(dec(all.subarray(0, 4))).toBe('head');
    expect(all.subarray(4, 3000).every((b) => b === 0)).toBe(true);
    expect(dec(all.subarray(3000))).toBe('tail');
    expect(f.truncate(10)).toBe(10);
    expect(f.size).toBe(10);
    f.truncate(2000);
    f.seek(0);
    const t = f.read();
    expect(t.length).toBe(2000);
    expect(dec(t.subarray(0, 4))).toBe('head');
    expect(t.subarray(4).every((b) => b === 0)).toBe(true);
    f.seek(5);
    f.truncate();
    expect(f.size).toBe(5);
    f.close();
    expectClean(dev);
  });

  test('large files stream across many clusters, read back at random offsets', () => {
    const { dev, vol } = fresh(4096);
    const data = new Uint8Array(1_500_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const f = vol.open('big', 'wb');
    for (let p = 0; p < data.length; p += 65536 + 3) f.write(data.subarray(p, p + 65536 + 3));
    f.close();
    const r = vol.open('big', 'rb');
    for (const [at, n] of [[0, 10], [511, 2], [4095, 5000], [1_000_001, 70000], [1_499_990, 100]]) {
      r.seek(at);
      expect(Buffer.from(r.read(n)).equals(Buffer.from(data.subarray(at, at + n))), `@${at}`).toBe(true);
    }
    const into = new Uint8Array(1000);
    r.seek(1_499_500);
    expect(r.readinto(into)).toBe(500);
    r.close();
    expectClean(dev);
  });

  test('handles on one file share its state; removing an open file invalidates its handles', () => {
    const { dev, vol } = fresh();
    const a = vol.open('shared', 'w+');
    const b = vol.open('shared', 'r');
    a.write(enc('visible at once'));
    expect(dec(b.read())).toBe('visible at once');
    expect([...vol.ilistdir()][0].size).toBe(15);
    vol.remove('shared');
    expect(errnoOf(() => a.write(enc('x')))).toBe(EBADF);
    expect(errnoOf(() => b.read())).toBe(EBADF);
    a.close();
    b.close();
    expect(vol.listdir()).toEqual([]);
    expectClean(dev);
  });

  test('many files open at once', () => {
    const { dev, vol } = fresh(2000);
    const files = Array.from({ length: 40 }, (_, i) => vol.open(`file ${i}.txt`, 'w'));
    for (let round = 0; round < 5; round++) files.forEach((f, i) => f.write(enc(`${i}:${round};`)));
    expect(vol.openFiles).toBe(40);
    files.forEach((f) => f.close());
    expect(vol.openFiles).toBe(0);
    expect(dec(vol.readFile('file 7.txt'))).toBe('7:0;7:1;7:2;7:3;7:4;');
    expectClean(dev);
  });

  test('a full volume: ENOSPC with the bytes that made it, sizes and chains consistent, space comes back', () => {
    const { dev, vol } = fresh(100);
    const free = vol.statvfs().bfree * vol.geometry.clusterSize;
    const f = vol.open('filler', 'wb');
    let err: FatError | null = null;
    try {
      f.write(new Uint8Array(free + 1000).fill(7));
    } catch (e) {
      err = e as FatError;
    }
    expect(err?.errno).toBe(ENOSPC);
    expect(err?.bytesWritten).toBe(free);
    expect(f.tell()).toBe(free);
    expect(errnoOf(() => f.write(enc('more')))).toBe(ENOSPC);
    f.close();
    expect(vol.stat('filler').size).toBe(free);
    expect(vol.statvfs().bfree).toBe(0);
    expect(errnoOf(() => vol.mkdir('nope'))).toBe(ENOSPC);
    expectClean(dev);
    vol.remove('filler');
    expect(vol.statvfs().bfree * vol.geometry.clusterSize).toBe(free);
    expectClean(dev);
  });

  test('timestamps come from the injected clock', () => {
    const dev = new RamBlockDevice(512, 100);
    mkfs(dev);
    const t = { year: 2021, month: 7, day: 4, hour: 13, minute: 14, second: 16 };
    const vol = FatVolume.mount(dev, { clock: fixedClock(t) });
    vol.writeFile('stamped', enc('x'));
    const p = packDateTime(t);
    expect(vol.stat('stamped').mtime).toBe(fatToEpochSeconds(p.date, p.time));
    expect(vol.stat('stamped').mtime).toBe(Date.UTC(2021, 6, 4, 13, 14, 16) / 1000);
  });
});

describe('names and directories', () => {
  test('long names, non-ASCII (including surrogate pairs), case-insensitive lookup, short-name aliases', () => {
    const { dev, vol } = fresh(400);
    const names = ['A rather long file name.txt', 'Ünïcödé façade.md', 'emoji 😀 name', 'MiXeD.Py', 'lower.txt', 'a+b=c'];
    for (const n of names) vol.writeFile(n, enc(n));
    expect(vol.listdir().sort()).toEqual([...names].sort());
    for (const n of names) expect(dec(vol.readFile(n.toUpperCase()))).toBe(n);
    expect(errnoOf(() => vol.open('mixed.py', 'x'))).toBe(EEXIST);
    // The 8.3 alias opens the same file.
    expect(dec(vol.readFile('ARATHE~1.TXT'))).toBe('A rather long file name.txt');
    // Many similar names get distinct short names.
    for (let i = 0; i < 30; i++) vol.writeFile(`similar long name ${i}.txt`, enc(String(i)));
    for (let i = 0; i < 30; i++) expect(dec(vol.readFile(`similar long name ${i}.txt`))).toBe(String(i));
    expectClean(dev);
  });

  test('rename: EEXIST on an existing target, case-only renames, moves, no directory into itself', () => {
    const { dev, vol } = fresh(400);
    vol.writeFile('a.txt', enc('A'));
    vol.writeFile('b.txt', enc('B'));
    expect(errnoOf(() => vol.rename('a.txt', 'b.txt'))).toBe(EEXIST);
    expect(errnoOf(() => vol.rename('missing', 'c'))).toBe(ENOENT);
    vol.rename('a.txt', 'A.TXT');
    expect(vol.listdir().sort()).toEqual(['A.TXT', 'b.txt']);
    vol.mkdir('d1');
    vol.mkdir('d1/d2');
    vol.rename('b.txt', 'd1/d2/moved b.txt');
    expect(dec(vol.readFile('/d1/d2/moved b.txt'))).toBe('B');
    expect(errnoOf(() => vol.rename('d1', 'd1/d2/inside'))).toBe(EINVAL);
    vol.mkdir('other');
    vol.rename('d1/d2', 'other/d2 moved');
    vol.chdir('other/d2 moved');
    expect(vol.getcwd()).toBe('/other/d2 moved');
    expect(vol.listdir('..')).toEqual(['d2 moved']);
    const f = vol.open('/A.TXT', 'r');
    vol.rename('/A.TXT', '/other/a again.txt');
    expect(dec(f.read())).toBe('A');
    f.close();
    expectClean(dev);
  });

  test('rmdir: only empty directories, not the current one', () => {
    const { dev, vol } = fresh(400);
    vol.mkdir('d');
    vol.writeFile('d/f', enc('x'));
    expect(errnoOf(() => vol.rmdir('d'))).toBe(ENOTEMPTY);
    expect(errnoOf(() => vol.rmdir('missing'))).toBe(ENOENT);
    expect(errnoOf(() => vol.rmdir('/'))).toBe(EINVAL);
    vol.remove('d/f');
    vol.rmdir('d');
    expect(errnoOf(() => vol.mkdir('/'))).toBe(EEXIST);
    expect(errnoOf(() => vol.mkdir(''))).toBe(EEXIST);
    expect(vol.listdir()).toEqual([]);
    expectClean(dev);
  });

  test('directories grow across clusters; the fixed FAT12/16 root fills up with ENOSPC', () => {
    const { dev, vol } = fresh(2000);
    vol.mkdir('big dir');
    for (let i = 0; i < 200; i++) vol.writeFile(`big dir/entry number ${i}`, enc(String(i)));
    expect(vol.listdir('big dir')).toHaveLength(200);
    let made = 0;
    let errno = 0;
    for (; made < 600; made++) {
      errno = errnoOf(() => vol.writeFile(`r${made}`, new Uint8Array(0)));
      if (errno) break;
    }
    expect(errno).toBe(ENOSPC);
    expect(made).toBe(512 - 2); // 512 entries; 'big dir' takes two (a long-name entry and its short entry)
    expectClean(dev);
  });

  test('FAT32: the root directory is a cluster chain and grows', () => {
    const { dev, vol } = fresh(70000, 512, { type: 32 });
    for (let i = 0; i < 100; i++) vol.writeFile(`/root file with a long name ${i}`, enc(String(i)));
    expect(vol.listdir('/')).toHaveLength(100);
    expectClean(dev);
  });

  test('labels', () => {
    const { dev, vol } = fresh(400);
    expect(vol.getLabel()).toBe('');
    vol.setLabel('MicroPy');
    expect(vol.getLabel()).toBe('MICROPY');
    expect(String.fromCharCode(...dev.data.subarray(43, 54))).toBe('MICROPY    ');
    expect(vol.listdir()).toEqual([]);
    vol.setLabel('');
    expect(vol.getLabel()).toBe('');
    expectClean(dev);
  });

  test('invalid names are EINVAL', () => {
    const { vol } = fresh();
    for (const bad of ['a:b', 'what?', '<x>', 'a|b', '"q"', '...', ' ']) expect(errnoOf(() => vol.open(bad, 'w')), bad).toBe(EINVAL);
  });
});

describe('mounting', () => {
  test('read-only mounts refuse every change with EROFS', () => {
    const { dev } = fresh();
    const rw = FatVolume.mount(dev);
    rw.writeFile('kept', enc('data'));
    const ro = FatVolume.mount(dev, { readonly: true });
    expect(dec(ro.readFile('kept'))).toBe('data');
    expect(errnoOf(() => ro.open('kept', 'w'))).toBe(EROFS);
    expect(errnoOf(() => ro.open('new', 'a'))).toBe(EROFS);
    expect(errnoOf(() => ro.mkdir('d'))).toBe(EROFS);
    expect(errnoOf(() => ro.remove('kept'))).toBe(EROFS);
    expect(errnoOf(() => ro.rename('kept', 'x'))).toBe(EROFS);
    expect(errnoOf(() => ro.setLabel('X'))).toBe(EROFS);
    const noWrite: BlockDevice = { readblocks: (n, b) => dev.readblocks(n, b), ioctl: (op, a) => dev.ioctl(op, a) };
    expect(errnoOf(() => FatVolume.mount(noWrite).writeFile('x', enc('y')))).toBe(EROFS);
  });

  test('no filesystem, or a different sector size, is ENODEV', () => {
    expect(errnoOf(() => FatVolume.mount(new RamBlockDevice(512, 100)))).toBe(ENODEV);
    const dev = new RamBlockDevice(512, 800);
    mkfs(dev);
    expect(errnoOf(() => FatVolume.mount(new RamBlockDevice(4096, dev.data)))).toBe(ENODEV);
    expect(errnoOf(() => FatVolume.mount(new RamBlockDevice(1000, 10)))).toBe(EINVAL);
  });

  test('4096-byte sectors', () => {
    const { dev, vol } = fresh(866, 4096);
    vol.mkdir('lib');
    vol.writeFile('lib/module.py', enc('print(1)\n'));
    vol.writeFile('boot.py', new Uint8Array(10000).fill(1));
    expect(vol.stat('boot.py').size).toBe(10000);
    expect(vol.statvfs().bsize).toBe(4096);
    expectClean(dev);
  });
});
