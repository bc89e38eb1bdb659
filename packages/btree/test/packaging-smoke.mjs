// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Btree, BtreeError, DESC, MemoryStream } from '@mpy-ts/btree';
import { openBtreeFile } from '@mpy-ts/btree/node';
import { registerBtree } from '@mpy-ts/btree/python';
import { createVM } from '@mpy-ts/core-vm';

const enc = (s) => new TextEncoder().encode(s);
const dec = (b) => new TextDecoder().decode(b);

const stream = new MemoryStream();
const db = Btree.open(stream, { pagesize: 512 });
for (let i = 0; i < 1000; i++) db.put(enc(`key${String(i).padStart(4, '0')}`), enc(`value${i}`));
db.close();
const again = Btree.open(stream);
assert.equal(dec(again.get(enc('key0500'))), 'value500');
assert.deepEqual([...again.keys(enc('key0997'), null, DESC)].map(dec).slice(0, 2), ['key0997', 'key0996']);
assert.throws(() => Btree.open(new MemoryStream(enc('not a database at all, really not'))), (e) => e instanceof BtreeError && e.errno === 79);

const tmp = mkdtempSync(join(tmpdir(), 'btree-smoke-'));
try {
  const f = openBtreeFile(join(tmp, 'x.db'));
  f.db.put(enc('a'), enc('b'));
  f.close();
  const g = openBtreeFile(join(tmp, 'x.db'));
  assert.equal(dec(g.db.get(enc('a'))), 'b');
  g.close();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
// The Python module (core-vm is an optional peer dependency, installed here).
let out = '';
const vm = createVM({ stdout: (b) => (out += new TextDecoder().decode(b)) });
registerBtree(vm);
vm.runPython('import btree\nf = open("db", "w+b")\ndb = btree.open(f)\ndb[b"k"] = b"v"\nprint(db[b"k"], list(db))\ndb.close()\nf.close()\n');
assert.equal(out, "b'v' [b'k']\n");
console.log('@mpy-ts/btree: ok');
