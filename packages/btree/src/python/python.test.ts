// The `btree` module in the VM: the spec example (4.2.1) prints what the spec says, MicroPython's own
// extmod/btree*.py tests print their .exp output, and the binding's own behaviour (types, errors, streams).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVM, MemoryFs, MemoryHost, PythonError } from '@mpy-ts/core-vm';
import { afterAll, describe, expect, test } from 'vitest';
import { Btree, MemoryStream } from '../index.js';
import { getOracle } from '../../test/oracle.js';
import { registerBtree } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', '..', '..', '..', 'shared', 'conformance', 'extmod');
const tmp = mkdtempSync(join(tmpdir(), 'mpy-ts-btree-python-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A stand-in for `io.BytesIO` (uio is not in the VM yet): the stream methods btree uses. Registered as
 * `io` only when the VM has no `io` module of its own.
 */
const BYTESIO = `
class BytesIO:
    def __init__(self, data=b""):
        self._b = bytearray(data)
        self._pos = 0
    def readinto(self, buf):
        n = min(len(buf), max(0, len(self._b) - self._pos))
        buf[:n] = self._b[self._pos:self._pos + n]
        self._pos += n
        return n
    def read(self, n=-1):
        end = len(self._b) if n < 0 else min(len(self._b), self._pos + n)
        data = bytes(self._b[self._pos:end])
        self._pos = max(self._pos, end)
        return data
    def write(self, data):
        end = self._pos + len(data)
        if end > len(self._b):
            self._b.extend(bytes(end - len(self._b)))
        self._b[self._pos:end] = data
        self._pos = end
        return len(data)
    def seek(self, off, whence=0):
        if whence == 0:
            self._pos = off
        elif whence == 1:
            self._pos += off
        else:
            self._pos = len(self._b) + off
        return self._pos
    def tell(self):
        return self._pos
    def flush(self):
        pass
    def close(self):
        pass
    def getvalue(self):
        return bytes(self._b)
`;

function makeVM(fs = new MemoryFs()): { run: (src: string) => string; fs: MemoryFs } {
  let out = '';
  const decoder = new TextDecoder();
  const sink = (b: Uint8Array): void => {
    out += decoder.decode(b);
  };
  const vm = createVM({ host: new MemoryHost({ fs, stdout: sink, stderr: sink }) });
  registerBtree(vm);
  let hasIo = true;
  try {
    vm.runPython('import io\nio.BytesIO');
  } catch {
    hasIo = false;
  }
  if (!hasIo) vm.registerModule('io', { source: BYTESIO, filename: 'io.py' });
  try {
    vm.runPython('import errno');
  } catch {
    vm.registerModule('errno', { source: 'EINVAL = 22\nEFTYPE = 79\n', filename: 'errno.py' });
  }
  return {
    fs,
    run(src: string): string {
      out = '';
      try {
        vm.runPython(src);
      } catch (e) {
        if (e instanceof PythonError) return out + e.traceback;
        throw e;
      }
      return out;
    },
  };
}

const specExample = `
import btree

# First, we need to open a stream which holds a database
# This is usually a file, but can be in-memory database
# using uio.BytesIO, a raw flash partition, etc.
# Oftentimes, you want to create a database file if it doesn't
# exist and open if it exists. Idiom below takes care of this.
# DO NOT open database with "a+b" access mode.
try:
    f = open("mydb", "r+b")
except OSError:
    f = open("mydb", "w+b")

# Now open a database itself
db = btree.open(f)

# The keys you add will be sorted internally in the database
db[b"3"] = b"three"
db[b"1"] = b"one"
db[b"2"] = b"two"

# Assume that any changes are cached in memory unless
# explicitly flushed (or database closed). Flush database
# at the end of each "transaction".
db.flush()

# Prints b'two'
print(db[b"2"])

# Iterate over sorted keys in the database, starting from b"2"
# until the end of the database, returning only values.
# Mind that arguments passed to values() method are *key* values.
# Prints:
#   b'two'
#   b'three'
for word in db.values(b"2"):
    print(word)

del db[b"2"]

# No longer true, prints False
print(b"2" in db)

# Prints:
#   b"1"
#   b"3"
for key in db:
    print(key)

db.close()

# Don't forget to close the underlying stream!
f.close()
`;

describe('the spec example (4.2.1)', () => {
  // What the example's comments say it prints (with Python's quotes for bytes).
  const expected = "b'two'\nb'two'\nb'three'\nFalse\nb'1'\nb'3'\n";

  test('prints exactly what the spec says, creating the file, then again reopening it', () => {
    const vm = makeVM();
    expect(vm.run(specExample)).toBe(expected);
    const file = vm.fs.readFile('/mydb');
    expect(file).not.toBeNull();
    expect(file!.length).toBe(2 * 1024);
    // The second run opens the existing file ("r+b") and finds b"1" and b"3" still there.
    expect(vm.run(specExample)).toBe(expected);
    const db = Btree.open(new MemoryStream(vm.fs.readFile('/mydb')!));
    expect([...db.keys()].map((k) => new TextDecoder().decode(k))).toEqual(['1', '3']);
  });

  const oracle = getOracle();
  test.skipIf(typeof oracle === 'string')('its file reads in the real Berkeley DB 1.85 library', () => {
    const vm = makeVM();
    vm.run(specExample);
    const path = join(tmp, 'mydb');
    writeFileSync(path, vm.fs.readFile('/mydb')!);
    const dump = (oracle as Exclude<typeof oracle, string>).dump(path);
    expect(dump.forward).toEqual([
      ['31', Buffer.from('one').toString('hex')],
      ['33', Buffer.from('three').toString('hex')],
    ]);
    expect(dump.lookupFailures).toEqual([]);
  });
});

/** Whether the VM concatenates bytes and str as MicroPython does (extmod/btree_gc.py relies on it). */
function bytesPlusStr(): boolean {
  return !makeVM().run('print(b"a" + "b")').includes('Error');
}

describe.skipIf(!existsSync(corpus))("MicroPython's extmod/btree tests print their expected output", () => {
  test.for(['btree1.py', 'btree_gc.py'])('%s', (name, ctx) => {
    if (name === 'btree_gc.py' && !bytesPlusStr()) ctx.skip('the VM does not concatenate bytes + str (a core-vm gap)');
    const src = readFileSync(join(corpus, name), 'utf8');
    const exp = readFileSync(join(corpus, `${name}.exp`), 'utf8');
    expect(makeVM().run(src)).toBe(exp);
  });
});

describe('the binding', () => {
  const vm = makeVM();
  const run = (src: string): string => vm.run(src);

  test('module contents and repr', () => {
    expect(run('import btree\nprint(btree.INCL, btree.DESC)\nprint(sorted(k for k in dir(btree) if not k.startswith("_")))')).toBe(
      "1 2\n['DESC', 'INCL', 'open']\n",
    );
    expect(run('import btree, io\ndb = btree.open(io.BytesIO())\nr = repr(db)\nprint(r.startswith("<btree "), r.endswith(">"), type(db))')).toBe(
      "True True <class 'btree'>\n",
    );
  });

  test('dict protocol, get, put, flush/close results', () => {
    expect(
      run(`
import btree, io
db = btree.open(io.BytesIO(), pagesize=512)
db[b"a"] = b"1"
print(db.put(b"b", b"2"), db.get(b"b"), db.get(b"zz"), db.get(b"zz", 7))
print(b"a" in db, b"c" in db, "a" in db)
try:
    db[b"c"]
except KeyError as e:
    print("KeyError", e.args)
try:
    del db[b"c"]
except KeyError:
    print("KeyError on del")
del db[b"a"]
print(list(db), db.flush(), db.close())
`),
    ).toBe("0 b'2' None 7\nTrue False True\nKeyError ()\nKeyError on del\n[b'b'] 0 0\n");
  });

  test('keys, values, items with start, end, INCL and DESC', () => {
    expect(
      run(`
import btree, io
db = btree.open(io.BytesIO())
for i in range(10):
    db[b"k%d" % i] = b"v%d" % i
print(list(db.keys(b"k3", b"k6")))
print(list(db.values(b"k3", b"k6", btree.INCL)))
print(list(db.items(b"k7", None, btree.DESC)))
print(list(db.keys(None, b"k2", btree.DESC)))
print(list(db.keys(b"k35", b"k1", btree.DESC | btree.INCL)))
it = db.keys(b"k8")
print(it is db, list(it), list(db)[:2])
`),
    ).toBe(
      "[b'k3', b'k4', b'k5']\n[b'v3', b'v4', b'v5', b'v6']\n[(b'k7', b'v7'), (b'k6', b'v6'), (b'k5', b'v5'), (b'k4', b'v4'), (b'k3', b'v3'), (b'k2', b'v2'), (b'k1', b'v1'), (b'k0', b'v0')]\n" +
        "[b'k9', b'k8', b'k7', b'k6', b'k5', b'k4', b'k3']\n[b'k4', b'k3', b'k2', b'k1']\n" +
        "True [b'k8', b'k9'] [b'k0', b'k1']\n",
    );
  });

  test('bytes-like keys and values; anything else is a TypeError', () => {
    expect(
      run(`
import btree, io
db = btree.open(io.BytesIO())
db[bytearray(b"ba")] = memoryview(b"xmvx")[1:3]
db["s\u00e9"] = "t"
print(list(db.items()))
for bad in (1, None, 2.5, [1]):
    try:
        db[bad] = b"x"
    except TypeError as e:
        print("TypeError", e)
try:
    db[b"k"] = 5
except TypeError as e:
    print("TypeError", e)
`),
    ).toBe(
      "[(b'ba', b'mv'), (b's\\xc3\\xa9', b't')]\n" +
        'TypeError btree keys must be bytes, not int\nTypeError btree keys must be bytes, not NoneType\n' +
        'TypeError btree keys must be bytes, not float\nTypeError btree keys must be bytes, not list\n' +
        'TypeError btree values must be bytes, not int\n',
    );
  });

  test('open: keyword-only options, bad options and streams are OSErrors', () => {
    expect(
      run(`
import btree, io
for kw in ({"pagesize": 100}, {"minkeypage": 1}, {"flags": 1}):
    try:
        btree.open(io.BytesIO(), **kw)
    except OSError as e:
        print("OSError", e.errno)
try:
    btree.open(io.BytesIO(), 512)
except TypeError:
    print("TypeError: keyword-only")
try:
    btree.open(42)
except OSError as e:
    print("OSError", e.errno)
try:
    btree.open(io.BytesIO(b"this is not a btree database at all"))
except OSError as e:
    print("OSError", e.errno)
db = btree.open(io.BytesIO(), pagesize=4096, cachesize=65536, minkeypage=4)
db[b"x"] = b"y" * 5000
print(len(db[b"x"]))
db.close()
try:
    db[b"x"]
except OSError as e:
    print("OSError", e.errno)
`),
    ).toBe('OSError 22\nOSError 22\nOSError 22\nTypeError: keyword-only\nOSError 22\nOSError 79\n5000\nOSError 22\n');
  });

  test('seq, and an empty start key (EINVAL, as MicroPython)', () => {
    expect(
      run(`
import btree, io
db = btree.open(io.BytesIO())
db[b"a"] = b"1"
db[b"c"] = b"3"
print(db.seq(1, b"b"), db.seq(7), db.seq(7), db.seq(3), db.seq(6), db.seq(9))
try:
    list(db.keys(b""))
except OSError as e:
    print("OSError", e.errno)
`),
    ).toBe("(b'c', b'3') None None (b'a', b'1') (b'c', b'3') (b'a', b'1')\nOSError 22\n");
  });

  test('the database survives on a file across VMs, and stream errors reach Python', () => {
    const fs = new MemoryFs();
    expect(
      makeVM(fs).run(`
import btree
f = open("data.db", "w+b")
db = btree.open(f, pagesize=512)
for i in range(500):
    db[b"key%03d" % i] = b"value%d" % i
db.close()
f.close()
`),
    ).toBe('');
    expect(
      makeVM(fs).run(`
import btree
f = open("data.db", "r+b")
db = btree.open(f)
print(db[b"key123"], len(list(db)))
f.close()
try:
    db[b"key456"]
except ValueError as e:
    print("ValueError", e)
`),
    ).toBe("b'value123' 500\nValueError I/O operation on closed file\n");
  });
});
