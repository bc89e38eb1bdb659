import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fsck, haveDosfstools, tempDir } from '../../test/helpers.js';
import { main } from './cli.js';

const tmp = tempDir('cli');
afterAll(() => tmp.cleanup());

function cli(...args: string[]): { code: number; out: string; err: string; bytes: Uint8Array } {
  let out = '';
  let err = '';
  let bytes: Uint8Array = new Uint8Array(0);
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s), writeBytes: (b) => (bytes = b) });
  return { code, out, err, bytes };
}

test('mkfs, put, ls, get, cat, mv, rm, label, info, check', () => {
  const img = join(tmp.path, 'flash.img');
  expect(cli('mkfs', img, '--size', `${866 * 4}K`, '--sector-size', '4096').out).toMatch(/FAT12, 860 clusters of 4096 bytes/);
  const src = join(tmp.path, 'src');
  mkdirSync(join(src, 'lib'), { recursive: true });
  writeFileSync(join(src, 'boot.py'), 'import gc\n');
  writeFileSync(join(src, 'lib', 'A Long Module Name.py'), 'x = 1\n');
  expect(cli('put', img, join(src, 'boot.py'), '/').code).toBe(0);
  expect(cli('put', '-r', img, join(src, 'lib'), '/lib').code).toBe(0);
  expect(cli('ls', img).out).toBe('boot.py\nlib/\n');
  expect(cli('ls', '-R', img, '/').out).toContain('/lib:\nA Long Module Name.py\n');
  expect(new TextDecoder().decode(cli('cat', img, '/lib/A Long Module Name.py').bytes)).toBe('x = 1\n');
  const out = join(tmp.path, 'out.py');
  expect(cli('get', img, '/boot.py', out).code).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe('import gc\n');
  expect(cli('mv', img, '/boot.py', '/lib/boot.py').code).toBe(0);
  expect(cli('rm', img, '/lib/boot.py').code).toBe(0);
  expect(cli('label', img, 'ESP').code).toBe(0);
  expect(cli('label', img).out).toBe('ESP\n');
  expect(cli('info', img).out).toMatch(/^FAT12, 4096-byte sectors, 4096-byte clusters/);
  expect(cli('check', img).out).toMatch(/clean/);
  if (haveDosfstools) expect(fsck(img).clean).toBe(true);
  const missing = cli('cat', img, '/nope');
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/ENOENT/);
  expect(cli('frobnicate', img).code).toBe(2);
  expect(cli().code).toBe(2);
}, 60_000);

test('check reports damage', () => {
  const img = join(tmp.path, 'damaged.img');
  cli('mkfs', img, '--size', '1M');
  const src = join(tmp.path, 'f.bin');
  writeFileSync(src, new Uint8Array(5000).fill(1));
  cli('put', img, src, '/f.bin');
  const bytes = readFileSync(img);
  // Cut the file's chain short: mark its first cluster as the end of the chain.
  const fatStart = 512 * (bytes[14] | (bytes[15] << 8));
  const off = fatStart + 3; // FAT12 entry 2 is in bytes 3..4
  bytes[off] = 0xff;
  bytes[off + 1] |= 0x0f;
  writeFileSync(img, bytes);
  const r = cli('check', img);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/needs \d+ clusters, chain has 1/);
}, 60_000);
