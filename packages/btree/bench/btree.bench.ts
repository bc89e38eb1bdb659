// Throughput of the engine against the real Berkeley DB 1.85 library, measured in the same run: inserts
// and lookups per second for 1k, 10k and 100k keys (page size 1024, the default cache of 3 pages, and a
// 1 MiB cache), and pages read from the stream per lookup, which should grow with the tree's depth, that
// is logarithmically. The C side runs the same workload (bench/workload.ts) through test/bdb185-oracle.c
// on a file; ours runs on a MemoryStream and on a Node file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Btree, MemoryStream, type BtreeStream } from '../src/index.js';
import { NodeFileStream } from '../src/node/index.js';
import { getOracle } from '../test/oracle.js';
import { benchKey, benchValue, lookupIndex } from './workload.js';

interface Run {
  insertsPerSec: number;
  lookupsPerSec: number;
  readsPerLookup: number;
}

function runOurs(stream: BtreeStream, n: number, cachesize: number): Run {
  const keys = Array.from({ length: n }, (_, i) => benchKey(i));
  const values = Array.from({ length: n }, (_, i) => benchValue(i));
  const db = Btree.open(stream, { pagesize: 1024, cachesize });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) db.put(keys[i], values[i]);
  db.flush();
  const t1 = performance.now();
  const reads0 = db.stats.reads;
  let found = 0;
  for (let j = 0; j < n; j++) if (db.get(keys[lookupIndex(j, n)])) found++;
  const t2 = performance.now();
  expect(found).toBe(n);
  const reads = db.stats.reads - reads0;
  db.close();
  return { insertsPerSec: (n * 1000) / (t1 - t0), lookupsPerSec: (n * 1000) / (t2 - t1), readsPerLookup: reads / n };
}

const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

test('btree bench', () => {
  const oracle = getOracle();
  const dir = mkdtempSync(join(tmpdir(), 'mpy-ts-btree-bench-'));
  const lines: string[] = [];
  const out = (s: string): void => {
    lines.push(s);
  };
  out('@mpy-ts/btree bench: page size 1024; ops/s (higher is better); ratio = ours / C library');
  if (typeof oracle === 'string') out(`(no C baseline: ${oracle})`);
  out('keys     cache   store   inserts/s  (C, ratio)               lookups/s  (C, ratio)               pages read/lookup');
  try {
    for (const cachesize of [0, 1 << 20]) {
      for (const n of [1000, 10_000, 100_000]) {
        // Warm up the JIT on a small run first.
        runOurs(new MemoryStream(), 2000, cachesize);
        const mem = runOurs(new MemoryStream(), n, cachesize);
        const file = join(dir, `ours-${n}-${cachesize}`);
        const fstream = new NodeFileStream(file, 'w+');
        const disk = runOurs(fstream, n, cachesize);
        fstream.close();
        let c: { ins: number; look: number } | null = null;
        if (typeof oracle !== 'string') {
          const r = oracle.bench(join(dir, `c-${n}-${cachesize}`), 1024, cachesize, n);
          expect(r.found).toBe(n);
          c = { ins: (n * 1e9) / r.insertNs, look: (n * 1e9) / r.lookupNs };
        }
        for (const [store, r] of [
          ['memory', mem],
          ['file', disk],
        ] as const) {
          const vs = (ours: number, theirs: number | undefined): string =>
            theirs === undefined ? '' : `(${fmt(theirs)}, ${(ours / theirs).toFixed(2)}x)`;
          out(
            `${String(n).padEnd(8)} ${(cachesize ? '1 MiB' : '3 pages').padEnd(7)} ${store.padEnd(7)} ` +
              `${fmt(r.insertsPerSec).padStart(10)}  ${vs(r.insertsPerSec, c?.ins).padEnd(24)} ` +
              `${fmt(r.lookupsPerSec).padStart(10)}  ${vs(r.lookupsPerSec, c?.look).padEnd(24)} ${r.readsPerLookup.toFixed(2)}`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(lines.join('\n') + '\n');
});
