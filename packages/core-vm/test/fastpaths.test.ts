// Programs exercising the interpreter's fast paths (fused instructions, generators resumed inside the
// loop, attribute caches, format/codec caches) against what CPython 3.11 prints for them
// (test/fastpaths/*.py.exp, generated once with python3 and committed).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const dir = new URL('./fastpaths/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

describe('fast paths agree with CPython', () => {
  it('has programs', () => expect(files.length).toBeGreaterThan(4));
  for (const f of files) {
    it(f, () => {
      const r = run(readFileSync(new URL(f, dir), 'utf8'));
      expect(r.status).toBe(0);
      expect(r.out).toBe(readFileSync(new URL(f + '.exp', dir), 'utf8'));
    });
  }
});
