// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ENOENT, FatVolume, RamBlockDevice, checkVolume, mkfs } from '@mpy-ts/vfs-fat';
import { runCli } from '@mpy-ts/vfs-fat/node';

const dev = new RamBlockDevice(512, 200);
assert.equal(mkfs(dev).fatType, 12);
const vol = FatVolume.mount(dev);
vol.mkdir('/lib');
vol.writeFile('/lib/A long name.py', new TextEncoder().encode('print(1)\n'));
assert.deepEqual(vol.listdir('/lib'), ['A long name.py']);
assert.throws(() => vol.stat('/missing'), (e) => e.errno === ENOENT);
assert.equal(checkVolume(dev).ok, true);

// The CLI entry point and the bin script.
const tmp = mkdtempSync(join(tmpdir(), 'vfs-fat-smoke-'));
try {
  const img = join(tmp, 'x.img');
  assert.equal(runCli(['mkfs', img, '--size', '1M'], { out() {}, err: (s) => process.stderr.write(s), writeBytes() {} }), 0);
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('@mpy-ts/vfs-fat/package.json')), 'bin', 'mpy-fat.js');
  const r = spawnSync(process.execPath, [bin, 'check', img], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /clean/);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log('@mpy-ts/vfs-fat: ok');

// The Python binding, where core-vm (an optional peer dependency) is installed too.
let coreVm = null;
try {
  coreVm = await import('@mpy-ts/core-vm');
} catch {}
if (coreVm) {
  await import('@mpy-ts/vfs-fat/python');
  let out = '';
  coreVm.createVM({ stdout: (b) => (out += new TextDecoder().decode(b)) }).runPython(
    "import uos\nclass D:\n    def __init__(self): self.d = bytearray(512 * 50)\n    def readblocks(self, n, b): b[:] = self.d[n * 512:n * 512 + len(b)]\n    def writeblocks(self, n, b): self.d[n * 512:n * 512 + len(b)] = b\n    def ioctl(self, op, arg): return {4: 50, 5: 512}.get(op)\nd = D()\nuos.VfsFat.mkfs(d)\nuos.mount(d, '/r')\nopen('/r/x', 'w').write('hi')\nprint(uos.listdir('/r'), open('/r/x').read())\n",
  );
  assert.equal(out, "['x'] hi\n");
  console.log('@mpy-ts/vfs-fat/python: ok');
}
