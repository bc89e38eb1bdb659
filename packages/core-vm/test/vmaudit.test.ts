// VM-audit snippets (test/vmaudit/*.py) against what CPython 3.11 prints for them (test/vmaudit/*.py.exp,
// generated once by tools/gen-vmaudit-exp.py): the object model, special-method dispatch, dict/set keys,
// async generators, exceptions, generators, imports and builtins with keyword arguments. A snippet's
// support files (modules and packages it imports) live in NAME.d/ and are put at the root of the VM's
// in-memory filesystem, where the snippet runs as /test.py.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineDiffs, run } from './helpers.js';

const dir = new URL('./vmaudit/', import.meta.url);
const files = readdirSync(dir).filter((f) => /^[a-z].*\.py$/.test(f)).sort();

function supportFiles(sub: URL, prefix: string, out: Record<string, string>): Record<string, string> {
  for (const f of readdirSync(sub)) {
    const u = new URL(f, sub);
    if (statSync(u).isDirectory()) supportFiles(new URL(f + '/', sub), `${prefix}${f}/`, out);
    else out[`${prefix}${f}`] = readFileSync(u, 'utf8');
  }
  return out;
}

describe('VM behaviour agrees with CPython', () => {
  it('has snippets', () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(f, () => {
      const src = readFileSync(new URL(f, dir), 'utf8');
      const expected = readFileSync(new URL(f + '.exp', dir), 'utf8');
      const d = new URL(f.slice(0, -3) + '.d/', dir);
      const r = run(src, { files: existsSync(d) ? supportFiles(d, '/', {}) : {} });
      expect(lineDiffs(r.out, expected), `exit status ${r.status}`).toEqual([]);
    });
  }
});
