// Each test/cpython/NAME.py program prints what CPython and mpy-ts must agree on; NAME.py.exp is CPython's
// output, generated once by scripts/gen-cpython-outputs.py. Here the VM runs the program and must print
// exactly the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './python.js';

const dir = join(import.meta.dirname, 'cpython');
const programs = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

describe('programs agree with CPython', () => {
  for (const name of programs) {
    it(name, () => {
      const src = readFileSync(join(dir, name), 'utf8');
      const exp = readFileSync(join(dir, `${name}.exp`), 'utf8');
      const r = run(src);
      expect(r.out).toBe(exp);
      expect(r.status).toBe(0);
    });
  }
});
