// Model-based random testing: random put/delete/get/range-scan sequences, with flush, close and reopen
// in between, checked against a sorted in-memory map at several page and cache sizes; at checkpoints the
// real Berkeley DB 1.85 library (when available) re-reads the flushed file. Seeded: set MPY_TS_SEED to
// replay a failure (the seed is in the test name and in every failure message).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Btree, compareBytes, DESC, INCL, MemoryStream, type BtreeOptions } from './index.js';
import { SortedMap } from '../test/model.js';
import { getOracle, hex } from '../test/oracle.js';
import { Rng, testSeed } from '../test/random.js';

const oracle = getOracle();
const dir = mkdtempSync(join(tmpdir(), 'mpy-ts-btree-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = testSeed();
/** Operation counts, reported at the end. */
const counts: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`model test (seed ${seed}): ${total} operations: ${JSON.stringify(counts)}`);
});
const count = (op: string): void => {
  counts[op] = (counts[op] ?? 0) + 1;
};

const configs: [number, number, number][] = [
  // pagesize, cachesize (bytes), minkeypage
  [512, 0, 0],
  [512, 64 * 512, 3],
  [1024, 0, 0],
  [1024, 1 << 20, 0],
  [4096, 0, 0],
  [4096, 3 * 4096, 6],
  [65536, 0, 0],
];

describe.each(configs)(`random operations against a sorted map (seed ${seed})`, (pagesize, cachesize, minkeypage) => {
  test(`pagesize ${pagesize}, cachesize ${cachesize}, minkeypage ${minkeypage}`, () => {
    const rng = new Rng(seed ^ (pagesize * 7 + cachesize * 3 + minkeypage));
    const options: BtreeOptions = { pagesize, cachesize, minkeypage };
    const limit = Math.max(Math.floor((pagesize - 20) / (minkeypage || 2)) - 14, 30);
    const stream = new MemoryStream();
    let db = Btree.open(stream, options);
    const model = new SortedMap();
    const steps = pagesize > 4096 ? 500 : pagesize > 1024 ? 3000 : 5000;
    const fail = (i: number, what: string): never => {
      throw new Error(`seed ${seed}, step ${i}: ${what}`);
    };

    // Keys: mostly short ones from a small alphabet (so they collide and get replaced and deleted), some
    // long, a few past the overflow threshold; values of every size class up to several pages.
    const key = (): Uint8Array => {
      const r = rng.next();
      if (r < 0.02) return rng.bytes(limit + 1 + rng.int(2 * pagesize));
      if (r < 0.1) return rng.bytes(rng.range(10, 200));
      if (r < 0.15 && model.size) return model.keyAt(rng.next())!;
      return rng.bytes(rng.range(0, 5), 5).map((b) => 0x61 + b);
    };
    const value = (): Uint8Array => rng.bytes(rng.pick([0, 1, 8, 30, limit >> 1, limit, limit + 1, 3 * pagesize + 1]));

    for (let i = 0; i < steps; i++) {
      const r = rng.next();
      if (r < 0.45) {
        count('put');
        const k = key();
        const v = value();
        db.put(k, v);
        model.set(k, v);
      } else if (r < 0.65) {
        count('delete');
        const k = key();
        if (db.delete(k) !== model.delete(k)) fail(i, `delete ${hex(k)} disagrees`);
      } else if (r < 0.8) {
        count('get');
        const k = key();
        const got = db.get(k);
        const want = model.get(k);
        if ((got && hex(got)) !== (want && hex(want))) fail(i, `get ${hex(k)}: ${got && hex(got)} != ${want && hex(want)}`);
        if (db.has(k) !== (want !== undefined)) fail(i, `has ${hex(k)}`);
      } else if (r < 0.93) {
        count('range scan');
        const start = rng.next() < 0.3 ? null : key();
        const end = rng.next() < 0.4 ? null : key();
        const flags = rng.pick([0, INCL, DESC, INCL | DESC]);
        if (start?.length === 0) {
          // MicroPython (Berkeley DB's keyed scan) refuses an empty start key.
          expect(() => [...db.keys(start, end, flags)]).toThrow(/non-empty key/);
          continue;
        }
        const got = [...db.keys(start, end, flags)];
        const want = model.range(start, end, flags);
        if (got.length !== want.length || got.some((k, j) => compareBytes(k, want[j]) !== 0)) {
          fail(i, `keys(${start && hex(start)}, ${end && hex(end)}, ${flags}): got ${got.length} keys, want ${want.length}`);
        }
      } else if (r < 0.97) {
        count('flush');
        db.flush();
      } else if (r < 0.995) {
        count('close and reopen');
        db.close();
        db = Btree.open(stream, options);
        if (db.pagesize !== pagesize) fail(i, `reopened with page size ${db.pagesize}`);
      } else {
        count('full check');
        const items = [...db.items()];
        const keys = model.keys();
        if (items.length !== keys.length) fail(i, `${items.length} items, want ${keys.length}`);
        items.forEach(([k, v], j) => {
          if (compareBytes(k, keys[j]) !== 0 || compareBytes(v, model.get(k)!) !== 0) fail(i, `item ${j} differs`);
        });
        if (typeof oracle !== 'string' && counts['full check'] % 3 === 1) {
          // The library reads what we flushed.
          db.flush();
          const file = join(dir, `model-${pagesize}-${cachesize}-${minkeypage}`);
          writeFileSync(file, stream.bytes());
          const dump = oracle.dump(file);
          if (JSON.stringify(dump.forward) !== JSON.stringify(model.hexEntries())) fail(i, 'the C library reads different contents');
          if (dump.lookupFailures.length) fail(i, `the C library cannot find ${dump.lookupFailures.length} keys`);
          count('C re-read');
        }
      }
      const stats = db.stats;
      if (stats.cached > Math.max(3, Math.ceil(cachesize / pagesize))) fail(i, `${stats.cached} pages cached`);
    }
    db.close();
    const reopened = Btree.open(stream, options);
    expect([...reopened.items()].map(([k, v]) => [hex(k), hex(v)])).toEqual(model.hexEntries());
  });
});
