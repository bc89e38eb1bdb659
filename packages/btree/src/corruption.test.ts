// Corruption fuzzing: random byte flips, page copies and truncations of valid files must give a
// BtreeError (never another error, never a hang), or the right data when the damage is in bytes the
// format does not use. Seeded: set MPY_TS_SEED to replay (the seed is in the test name).
import { describe, expect, test } from 'vitest';
import { Btree, BtreeError, DESC, INCL, MemoryStream, R_FIRST, R_LAST, R_NEXT, R_PREV } from './index.js';
import { hex } from '../test/oracle.js';
import { Rng, testSeed } from '../test/random.js';

const seed = testSeed();
const ROUNDS = 300;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Sample {
  name: string;
  bytes: Uint8Array;
  pagesize: number;
  /** Byte offsets the format does not use: page slack between the index and the items, meta padding. */
  unused: Set<number>;
  /** The contents, as hex pairs. */
  items: string[];
}

/** Builds a valid file: some keys, big keys and values, deletions (a free list), in a byte order. */
function sample(name: string, pagesize: number, n: number, lorder: number, rng: Rng): Sample {
  const stream = new MemoryStream();
  const db = Btree.open(stream, { pagesize, lorder });
  for (let i = 0; i < n; i++) {
    const big = i % 17 === 0;
    db.put(enc(`key-${(i * 7919) % n}`), big ? rng.bytes(pagesize + 100) : enc(`value-${i}`));
  }
  db.put(rng.bytes(pagesize), enc('a big key'));
  for (let i = 0; i < n; i += 4) db.delete(enc(`key-${i}`));
  db.close();
  const bytes = stream.bytes();
  return { name, bytes, pagesize, unused: unusedBytes(bytes, pagesize, lorder === 1234), items: contents(Btree.open(new MemoryStream(bytes))) };
}

/**
 * The bytes of a file that no reader may depend on, found with a parser independent of the engine: the
 * meta page past its 24 bytes, and in each tree page reachable from the root, the gap between the end
 * of the index and the first item.
 */
function unusedBytes(bytes: Uint8Array, psize: number, le: boolean): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unused = new Set<number>();
  for (let i = 24; i < psize; i++) unused.add(i);
  const queue = [1];
  const seen = new Set<number>();
  while (queue.length) {
    const pgno = queue.pop()!;
    if (seen.has(pgno)) continue;
    seen.add(pgno);
    const base = pgno * psize;
    const type = view.getUint32(base + 12, le) & 0x1f;
    const lower = view.getUint16(base + 16, le);
    const upper = view.getUint16(base + 18, le) || psize;
    for (let i = lower; i < upper; i++) unused.add(base + i);
    if (type === 1) {
      for (let i = 0; i < (lower - 20) / 2; i++) {
        const off = view.getUint16(base + 20 + 2 * i, le);
        queue.push(view.getUint32(base + off + 4, le));
      }
    }
  }
  return unused;
}

/** Everything a database holds, read every way we can; each result becomes a string. */
function contents(db: Btree): string[] {
  const out: string[] = [];
  let steps = 0;
  const guard = (): void => {
    if (++steps > 1_000_000) throw new Error('a walk did not end');
  };
  for (let e = db.seq(R_FIRST); e; e = db.seq(R_NEXT)) {
    guard();
    out.push(`${hex(e[0])}=${hex(e[1])}`);
  }
  const forward = out.length;
  for (let e = db.seq(R_LAST); e; e = db.seq(R_PREV)) {
    guard();
    out.push(`<${hex(e[0])}`);
  }
  for (let i = 0; i < forward; i += 7) {
    const k = out[i].split('=')[0];
    const v = db.get(Uint8Array.from(Buffer.from(k, 'hex')));
    out.push(`get ${k} ${v ? hex(v) : '-'}`);
  }
  for (const k of db.keys(enc('key-3'), enc('key-6'), INCL | DESC)) {
    guard();
    out.push(`range ${hex(k)}`);
  }
  return out;
}

/** Applies one random kind of damage; returns the damaged bytes and the offsets changed (null: truncated). */
function damage(s: Sample, rng: Rng): { bytes: Uint8Array; changed: number[] | null; what: string } {
  const bytes = s.bytes.slice();
  const psize = s.pagesize;
  const npages = bytes.length / psize;
  const kind = rng.int(6);
  if (kind === 0) {
    const len = rng.int(bytes.length);
    return { bytes: bytes.slice(0, len), changed: null, what: `truncated to ${len}` };
  }
  if (kind === 1) {
    // Copy one page over another (stale or misplaced pages).
    const from = rng.int(npages);
    const to = rng.int(npages);
    bytes.copyWithin(to * psize, from * psize, (from + 1) * psize);
    const changed = [];
    for (let i = 0; i < psize; i++) if (bytes[to * psize + i] !== s.bytes[to * psize + i]) changed.push(to * psize + i);
    return { bytes, changed, what: `page ${from} copied over page ${to}` };
  }
  // Flip bytes, mostly in page headers and index arrays, where damage matters most.
  const changed: number[] = [];
  const flips = rng.range(1, 8);
  for (let f = 0; f < flips; f++) {
    const page = rng.int(npages);
    const off = kind === 2 ? rng.int(24) : kind === 3 ? rng.int(64) : rng.int(psize);
    const at = page * psize + off;
    const old = bytes[at];
    bytes[at] = kind === 4 ? rng.pick([0, 0xff, 1, 2, 4, old ^ 0x80]) : rng.int(256);
    if (bytes[at] !== old) changed.push(at);
  }
  return { bytes, changed, what: `bytes ${changed.join(',')} changed` };
}

describe(`damaged files give a BtreeError or the right data (seed ${seed})`, () => {
  const rng = new Rng(seed);
  const samples = [
    sample('512 little-endian', 512, 300, 1234, rng),
    sample('1024 little-endian', 1024, 1200, 1234, rng),
    sample('4096 big-endian', 4096, 600, 4321, rng),
  ];

  test.each(samples.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const outcomes: Record<string, number> = { error: 0, same: 0, different: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { bytes, changed, what } = damage(s, rng);
      const context = `seed ${seed}, ${s.name}, round ${round}: ${what}`;
      let result: string[] | null = null;
      try {
        result = contents(Btree.open(new MemoryStream(bytes)));
        // Writing to a damaged file must fail cleanly too, and what it flushes must read back cleanly.
        const stream = new MemoryStream(bytes);
        const db = Btree.open(stream);
        for (let i = 0; i < 50; i++) {
          if (rng.next() < 0.6) db.put(enc(`key-${rng.int(4000)}`), rng.bytes(rng.pick([3, 40, 2 * s.pagesize])));
          else db.delete(enc(`key-${rng.int(4000)}`));
        }
        db.close();
        contents(Btree.open(stream));
      } catch (e) {
        if (!(e instanceof BtreeError) || e.code === 'EINTERNAL') {
          throw new Error(`${context}: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
        }
      }
      if (result === null) {
        outcomes.error++;
      } else if (result.join('\n') === s.items.join('\n')) {
        outcomes.same++;
      } else {
        outcomes.different++;
        // Damage only to unused bytes must not change what the file holds.
        if (changed && changed.every((at) => s.unused.has(at))) throw new Error(`${context}: unused bytes changed the contents`);
      }
    }
    console.log(`${s.name}: ${JSON.stringify(outcomes)}`);
    expect(outcomes.error + outcomes.same + outcomes.different).toBe(ROUNDS);
  });

  test('a leaf chain that loops is reported, not followed forever', () => {
    const stream = new MemoryStream();
    const db = Btree.open(stream, { pagesize: 512 });
    for (let i = 0; i < 200; i++) db.put(enc(`k${String(i).padStart(4, '0')}`), enc('v'.repeat(20)));
    db.close();
    const bytes = stream.bytes();
    const view = new DataView(bytes.buffer);
    // Point the last leaf's next link back at the first leaf.
    let first = 0;
    let last = 0;
    for (let p = 2; p < bytes.length / 512; p++) {
      if ((view.getUint32(p * 512 + 12, true) & 0x1f) !== 2) continue;
      if (view.getUint32(p * 512 + 4, true) === 0) first = p;
      if (view.getUint32(p * 512 + 8, true) === 0) last = p;
    }
    view.setUint32(last * 512 + 8, first, true);
    const damaged = Btree.open(new MemoryStream(bytes));
    expect(() => {
      for (let e = damaged.seq(R_FIRST); e; e = damaged.seq(R_NEXT));
    }).toThrow(/loop/);
  });

  test('an internal page that points at its ancestor is reported', () => {
    const stream = new MemoryStream();
    const db = Btree.open(stream, { pagesize: 512 });
    for (let i = 0; i < 2000; i++) db.put(enc(`k${String(i).padStart(5, '0')}`), enc('v'.repeat(20)));
    db.close();
    const bytes = stream.bytes();
    const view = new DataView(bytes.buffer);
    // Make every child link of the root's first child point back to the root.
    const root = 512;
    const child = view.getUint32(root + view.getUint16(root + 20, true) + 4, true);
    const base = child * 512;
    expect(view.getUint32(base + 12, true) & 0x1f).toBe(1);
    for (let i = 0; i < (view.getUint16(base + 16, true) - 20) / 2; i++) {
      view.setUint32(base + view.getUint16(base + 20 + 2 * i, true) + 4, 1, true);
    }
    expect(() => Btree.open(new MemoryStream(bytes)).get(enc('k00000'))).toThrow(/levels deep/);
  });
});
