// One vitest project per package, named after the package. The root vitest.config.ts lists the packages
// as projects, so `vitest run` at the root runs everything in one process pool, and
// `vitest run --project @mpy-ts/compiler` runs one package.
//
// Tests import sibling packages through their public entry points; the `@mpy-ts/source` export condition
// resolves those entry points to TypeScript sources, so tests never need a build first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineProject } from 'vitest/config';

export const sourceConditions = ['@mpy-ts/source', 'module', 'node', 'import', 'default'];

/**
 * @param {string} dir the package directory (import.meta.dirname)
 * @param {import('vitest/config').UserWorkspaceConfig['test']} [test] extra test options
 */
export function packageProject(dir, test = {}) {
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@mpy-ts/source'] } },
    test: {
      name,
      root: dir,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      ...test,
    },
  });
}
