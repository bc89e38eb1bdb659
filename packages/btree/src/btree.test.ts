// The engine's API: MicroPython's btree semantics (spec 4.2.1 and extmod/modbtree.c) on a plain
// TypeScript interface. Where a behaviour is the C library's, it is checked against it through the
// oracle (skipped without libdb1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  Btree,
  BtreeError,
  DESC,
  INCL,
  MemoryStream,
  R_CURSOR,
  R_FIRST,
  R_LAST,
  R_NEXT,
  R_NOOVERWRITE,
  R_PREV,
  type BtreeStream,
} from './index.js';
import { NodeFileStream, openBtreeFile } from './node/index.js';
import { getOracle, token } from '../test/oracle.js';
import { runOp } from '../test/script.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);
const strs = (it: Iterable<Uint8Array>): (string | undefined)[] => [...it].map(dec);

const dir = mkdtempSync(join(tmpdir(), 'mpy-ts-btree-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function db3(options = {}): Btree {
  const db = Btree.open(new MemoryStream(), options);
  db.put(enc('3'), enc('three'));
  db.put(enc('1'), enc('one'));
  db.put(enc('2'), enc('two'));
  return db;
}

describe('the spec example (4.2.1) on the engine', () => {
  test('puts, flush, get, values from a key, delete, contains, iteration', () => {
    const db = db3();
    db.flush();
    expect(dec(db.get(enc('2')))).toBe('two');
    expect(strs(db.values(enc('2')))).toEqual(['two', 'three']);
    expect(db.delete(enc('2'))).toBe(true);
    expect(db.has(enc('2'))).toBe(false);
    expect(strs(db)).toEqual(['1', '3']);
    db.close();
  });
});

describe('range iteration as modbtree.c runs it', () => {
  // extmod/btree1.py's data.
  const make = (): Btree => {
    const db = Btree.open(new MemoryStream(), { pagesize: 512 });
    db.put(enc('foo3'), enc('bar3'));
    db.put(enc('foo1'), enc('bar1'));
    db.put(enc('foo2'), enc('bar2'));
    db.put(enc('bar1'), enc('foo1'));
    db.delete(enc('foo2'));
    return db;
  };
  const items = (it: Iterable<[Uint8Array, Uint8Array]>): string[] => [...it].map(([k, v]) => `${dec(k)}:${dec(v)}`);

  test('whole range, from a key, to a key, INCL, DESC', () => {
    const db = make();
    expect(items(db.items())).toEqual(['bar1:foo1', 'foo1:bar1', 'foo3:bar3']);
    expect(items(db.items(null, null))).toEqual(['bar1:foo1', 'foo1:bar1', 'foo3:bar3']);
    expect(items(db.items(enc('f')))).toEqual(['foo1:bar1', 'foo3:bar3']);
    expect(items(db.items(enc('f'), enc('foo3')))).toEqual(['foo1:bar1']);
    expect(items(db.items(null, enc('foo3')))).toEqual(['bar1:foo1', 'foo1:bar1']);
    expect(items(db.items(enc('f'), enc('foo3'), INCL))).toEqual(['foo1:bar1', 'foo3:bar3']);
    expect(items(db.items(null, null, DESC))).toEqual(['foo3:bar3', 'foo1:bar1', 'bar1:foo1']);
    expect(strs(db.keys())).toEqual(['bar1', 'foo1', 'foo3']);
    expect(strs(db.values())).toEqual(['foo1', 'bar1', 'bar3']);
  });

  test('descending from a start key begins at the first key at or after it (as MicroPython does)', () => {
    const db = make();
    // "foo2" is absent: the keyed scan lands on "foo3", then walks down.
    expect(strs(db.keys(enc('foo2'), null, DESC))).toEqual(['foo3', 'foo1', 'bar1']);
    expect(strs(db.keys(enc('foo3'), enc('bar1'), DESC))).toEqual(['foo3', 'foo1']);
    expect(strs(db.keys(enc('foo3'), enc('bar1'), DESC | INCL))).toEqual(['foo3', 'foo1', 'bar1']);
    expect(strs(db.keys(enc('zzz'), null, DESC))).toEqual([]);
  });

  test('an empty start key is refused as Berkeley DB refuses it (EINVAL)', () => {
    const db = make();
    const err = (() => {
      try {
        return [...db.keys(new Uint8Array(0))];
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BtreeError);
    expect((err as BtreeError).errno).toBe(22);
  });

  test('seq: first, keyed, past the end', () => {
    const db = make();
    expect(db.seq(R_CURSOR, enc('foo1'))?.map(dec)).toEqual(['foo1', 'bar1']);
    expect(db.seq(R_CURSOR, enc('qux'))).toBeUndefined();
    expect(db.seq(R_FIRST)?.map(dec)).toEqual(['bar1', 'foo1']);
    expect(db.seq(R_LAST)?.map(dec)).toEqual(['foo3', 'bar3']);
    expect(db.seq(R_NEXT)).toBeUndefined();
    expect(db.seq(R_PREV)?.map(dec)).toEqual(['foo1', 'bar1']);
  });
});

describe('put, get, delete', () => {
  test('replace, R_NOOVERWRITE, missing keys, empty keys and values', () => {
    const db = db3();
    expect(db.put(enc('1'), enc('uno'))).toBe(true);
    expect(dec(db.get(enc('1')))).toBe('uno');
    expect(db.put(enc('1'), enc('eins'), R_NOOVERWRITE)).toBe(false);
    expect(dec(db.get(enc('1')))).toBe('uno');
    expect(db.get(enc('4'))).toBeUndefined();
    expect(db.delete(enc('4'))).toBe(false);
    db.put(new Uint8Array(0), new Uint8Array(0));
    expect(db.get(new Uint8Array(0))).toEqual(new Uint8Array(0));
    expect(strs(db.keys())).toEqual(['', '1', '2', '3']);
  });

  test('keys sort byte-wise, shorter first on a common prefix', () => {
    const db = Btree.open(new MemoryStream());
    for (const k of [[0xff], [0x00], [0x61, 0x00], [0x61], [0x80, 0x01], [0x7f, 0xff, 0xff]]) db.put(new Uint8Array(k), new Uint8Array([1]));
    expect([...db.keys()].map((k) => [...k])).toEqual([[0x00], [0x61], [0x61, 0x00], [0x7f, 0xff, 0xff], [0x80, 0x01], [0xff]]);
  });

  test('big keys and values go to overflow pages and come back', () => {
    const db = Btree.open(new MemoryStream(), { pagesize: 512 });
    const big = (c: number, n: number): Uint8Array => new Uint8Array(n).fill(c);
    db.put(big(0x41, 5000), big(0x61, 100_000));
    db.put(big(0x42, 10), big(0x62, 231));
    db.put(big(0x43, 233), big(0x63, 0));
    expect(db.get(big(0x41, 5000))).toEqual(big(0x61, 100_000));
    expect(db.get(big(0x42, 10))).toEqual(big(0x62, 231));
    expect(db.get(big(0x43, 233))).toEqual(big(0x63, 0));
    expect([...db.keys()].map((k) => k.length)).toEqual([5000, 10, 233]);
  });

  test('non-byte keys are refused', () => {
    const db = db3();
    expect(() => db.get('1' as unknown as Uint8Array)).toThrow(BtreeError);
    expect(() => db.put(enc('1'), 2 as unknown as Uint8Array)).toThrow(/Uint8Array/);
  });

  test('deleted pages go to the free list and are used again', () => {
    const stream = new MemoryStream();
    const db = Btree.open(stream, { pagesize: 512 });
    for (let i = 0; i < 3000; i++) db.put(enc(`k${String(i).padStart(5, '0')}`), enc('x'.repeat(40)));
    db.flush();
    const full = db.stats.pages;
    for (let i = 0; i < 3000; i++) db.delete(enc(`k${String(i).padStart(5, '0')}`));
    for (let i = 0; i < 3000; i++) db.put(enc(`j${String(i).padStart(5, '0')}`), enc('y'.repeat(40)));
    db.close();
    // Refilling used the freed pages instead of growing the file much.
    expect(stream.size / 512).toBeLessThan(full * 1.2);
    expect([...Btree.open(stream).keys()].length).toBe(3000);
  });
});

describe('pages, cache and flushing', () => {
  test('a new database writes nothing until something is stored and flushed (as Berkeley DB)', () => {
    const stream = new MemoryStream();
    Btree.open(stream).close();
    expect(stream.size).toBe(0);
    const db = Btree.open(stream);
    db.put(enc('k'), enc('v'));
    expect(stream.size).toBe(0);
    db.flush();
    expect(stream.size).toBe(2 * 1024);
  });

  test('the page size defaults to 1024; an existing file keeps its own', () => {
    const stream = new MemoryStream();
    const db = Btree.open(stream);
    expect(db.pagesize).toBe(1024);
    db.put(enc('k'), enc('v'));
    db.close();
    expect(Btree.open(stream, { pagesize: 4096 }).pagesize).toBe(1024);
    expect(Btree.open(new MemoryStream(), { pagesize: 65536 }).pagesize).toBe(65536);
  });

  test('bad options fail with EINVAL, as Berkeley DB checks them', () => {
    for (const options of [{ pagesize: 511 }, { pagesize: 1025 }, { pagesize: 65538 }, { minkeypage: 1 }, { flags: 1 }, { flags: 4 }, { lorder: 1 }]) {
      expect(() => Btree.open(new MemoryStream(), options), JSON.stringify(options)).toThrow(BtreeError);
    }
    // Even for an existing file.
    const stream = new MemoryStream();
    const db = db3();
    db.close();
    expect(() => Btree.open(stream, { pagesize: 100 })).toThrow(/page size/);
  });

  test('the cache holds at most cachesize bytes of pages between operations (at least 3 pages)', () => {
    for (const [cachesize, pages] of [
      [0, 3],
      [1, 3],
      [10 * 1024, 10],
      [10 * 1024 + 1, 11],
    ]) {
      const db = Btree.open(new MemoryStream(), { cachesize });
      for (let i = 0; i < 5000; i++) {
        db.put(enc(`key${(i * 7919) % 5000}`), enc(`value${i}`));
        expect(db.stats.cached).toBeLessThanOrEqual(pages);
      }
      expect(db.stats.cached).toBe(pages);
    }
  });

  test('a bigger cache reads fewer pages', () => {
    const reads = (cachesize: number): number => {
      const stream = new MemoryStream();
      const db = Btree.open(stream, { cachesize });
      for (let i = 0; i < 20000; i++) db.put(enc(`key${(i * 7919) % 20000}`), enc(`value${i}`));
      db.close();
      const again = Btree.open(stream, { cachesize });
      for (let i = 0; i < 20000; i++) again.get(enc(`key${i}`));
      return again.stats.reads;
    };
    expect(reads(1 << 20)).toBeLessThan(reads(0) / 2);
  });

  test('flush writes every dirty page: a copy of the stream holds everything', () => {
    const stream = new MemoryStream();
    const db = Btree.open(stream, { pagesize: 512, cachesize: 1 << 20 });
    for (let i = 0; i < 2000; i++) db.put(enc(`k${i}`), enc(`v${i}`));
    db.flush();
    const copy = Btree.open(new MemoryStream(stream.bytes()));
    expect([...copy.keys()].length).toBe(2000);
    db.delete(enc('k5'));
    db.flush();
    expect(Btree.open(new MemoryStream(stream.bytes())).has(enc('k5'))).toBe(false);
  });

  test('a closed database refuses operations', () => {
    const db = db3();
    db.close();
    db.close();
    expect(db.isClosed).toBe(true);
    expect(() => db.get(enc('1'))).toThrow(/closed/);
  });

  test('a stream error reaches the caller unchanged', () => {
    const inner = new MemoryStream();
    const db = Btree.open(inner);
    db.put(enc('a'), enc('b'));
    db.flush();
    const boom = new Error('disk on fire');
    const failing: BtreeStream = {
      read: () => {
        throw boom;
      },
      write: (b) => inner.write(b),
      seek: (o, w) => inner.seek(o, w),
      flush: () => inner.flush(),
    };
    expect(() => Btree.open(failing)).toThrow(boom);
  });
});

describe('malformed files', () => {
  const file = (): Uint8Array => {
    const stream = new MemoryStream();
    const db = db3({ pagesize: 512 });
    db.close();
    const s2 = Btree.open(stream, { pagesize: 512 });
    s2.put(enc('a'), enc('b'));
    s2.close();
    return stream.bytes();
  };

  test.each([
    ['bad magic', (b: Uint8Array) => b.set([1, 2, 3, 4], 0), /magic/],
    ['bad version', (b: Uint8Array) => b.set([2], 4), /version/],
    ['bad page size', (b: Uint8Array) => b.set([0, 1], 8), /page size/],
    ['recno flag', (b: Uint8Array) => b.set([0xa0], 20), /recno/],
    ['unknown flag', (b: Uint8Array) => b.set([0x21], 20), /flags/],
    ['duplicates allowed', (b: Uint8Array) => b.set([0], 20), /duplicate/],
  ])('%s', (_name, change, message) => {
    const bytes = file();
    change(bytes);
    expect(() => Btree.open(new MemoryStream(bytes))).toThrow(message);
  });

  test('truncated files', () => {
    const bytes = file();
    expect(() => Btree.open(new MemoryStream(bytes.slice(0, 10)))).toThrow(/too short/);
    expect(() => Btree.open(new MemoryStream(bytes.slice(0, 600)))).toThrow(/truncated/);
    const err = (() => {
      try {
        Btree.open(new MemoryStream(bytes.slice(0, 10)));
      } catch (e) {
        return e as BtreeError;
      }
    })();
    expect(err?.code).toBe('EFTYPE');
    expect(err?.errno).toBe(79);
  });
});

describe('Node files', () => {
  test('NodeFileStream and openBtreeFile', () => {
    const path = join(dir, 'node.db');
    const f = openBtreeFile(path, { pagesize: 512 });
    for (let i = 0; i < 500; i++) f.db.put(enc(`k${i}`), enc(`v${i}`));
    f.close();
    f.close();
    expect(readFileSync(path).length % 512).toBe(0);
    const again = openBtreeFile(path);
    expect(dec(again.db.get(enc('k499')))).toBe('v499');
    expect(again.db.pagesize).toBe(512);
    again.close();
    const s = new NodeFileStream(path, 'w+');
    expect(s.seek(0, 2)).toBe(0);
    s.close();
  });
});

const oracle = getOracle();
describe.skipIf(typeof oracle === 'string')('cursor semantics while the tree changes, as the C library has them', () => {
  // Each script runs in both; the answers must match line for line.
  const scripts: Record<string, string[]> = {
    'replacing the current key during a scan returns it again (and again)': ['F', 'P 6b30 77', 'N', 'P 6b30 77', 'N', 'N'],
    'deleting the current key during a forward scan continues with the next': ['F', 'D 6b30', 'N', 'D 6b31', 'N', 'N'],
    'deleting the current key during a backward scan jumps to the key after it': ['L', 'D 6b34', 'R', 'R'],
    'deleting keys before the cursor on its page keeps it in place': ['C 6b33', 'D 6b30', 'D 6b31', 'N', 'R', 'R'],
    'inserting before the cursor on its page keeps it in place': ['C 6b32', 'P 6b31 41', 'P 6b30 42', 'N', 'R', 'R'],
    'a deleted and re-added current key is returned again': ['C 6b32', 'D 6b32', 'P 6b32 7a', 'N', 'N'],
    'scans past either end stay there': ['L', 'N', 'N', 'R', 'F', 'R', 'R', 'N'],
  };
  test.each(Object.entries(scripts))('%s', (_name, body) => {
    const c = oracle as Exclude<typeof oracle, string>;
    const setup = ['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => `P ${token(enc(k))} ${token(enc(`v-${k}`))}`);
    const ops = [...setup, ...body];
    const theirs = c.run(join(dir, 'cursor.db'), ops, { pagesize: 512 });
    const db = Btree.open(new MemoryStream(), { pagesize: 512 });
    expect(ops.map((op) => runOp(db, op))).toEqual(theirs);
  });
});
