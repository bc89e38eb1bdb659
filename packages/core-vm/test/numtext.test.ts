// Numbers and text snippets (test/numtext/*.py) against what CPython 3.11 prints for them
// (test/numtext/*.py.exp, generated once by tools/gen-numtext-exp.py): ints, floats, complex numbers,
// math/cmath, str/bytes/bytearray/memoryview methods, formatting and Unicode, each line an expression
// and its value or exception.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineDiffs, run } from './helpers.js';

const dir = new URL('./numtext/', import.meta.url);
const files = readdirSync(dir).filter((f) => /^[a-z].*\.py$/.test(f)).sort();
const check = readFileSync(new URL('_check.py', dir), 'utf8');

describe('numbers and text agree with CPython', () => {
  it('has snippets', () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(f, () => {
      const src = readFileSync(new URL(f, dir), 'utf8');
      const expected = readFileSync(new URL(f + '.exp', dir), 'utf8');
      const r = run(src, { files: { '/_check.py': check } });
      expect(lineDiffs(r.out, expected), `exit status ${r.status}`).toEqual([]);
    });
  }
});
