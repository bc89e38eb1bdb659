// uhashlib against node:crypto: random messages of random lengths, fed in random chunks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lines } from './python.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

describe('uhashlib agrees with node:crypto', () => {
  for (const algo of ['sha256', 'sha1', 'md5']) {
    it(algo, () => {
      const rnd = lcg(algo.length * 7919);
      const msgs: Uint8Array[] = [];
      for (let i = 0; i < 60; i++) {
        const n = rnd() % (i < 30 ? 200 : 5000);
        msgs.push(Uint8Array.from({ length: n }, () => rnd() & 255));
      }
      const chunks = msgs.map((m) => {
        const cut = m.length === 0 ? 0 : rnd() % m.length;
        return [m.subarray(0, cut), m.subarray(cut)];
      });
      const src = [
        'import uhashlib',
        `msgs = [${chunks.map(([a, b]) => `(bytes.fromhex('${Buffer.from(a).toString('hex')}'), bytes.fromhex('${Buffer.from(b).toString('hex')}'))`).join(',\n')}]`,
        'for a, b in msgs:',
        `    h = uhashlib.${algo}(a)`,
        '    h.update(b)',
        '    print(h.hexdigest(), h.digest().hex())',
      ].join('\n');
      const out = lines(src);
      expect(out).toEqual(msgs.map((m) => {
        const d = createHash(algo).update(m).digest('hex');
        return `${d} ${d}`;
      }));
    });
  }
});
