// The frozen modules' generated TypeScript is up to date with src/frozen/*.py.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { frozenSource } from '../scripts/freeze.mjs';

it('src/frozen/sources.ts matches src/frozen/*.py (run node scripts/freeze.mjs)', () => {
  expect(readFileSync(join(import.meta.dirname, '../src/frozen/sources.ts'), 'utf8')).toBe(frozenSource());
});
