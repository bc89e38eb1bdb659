#!/usr/bin/env node
// Bundles src/index.ts with the @mpy-ts packages it uses into one CommonJS file, dist/mpy-ts.cjs:
// loading one file (with V8's code cache, see bin/launch.js) starts several times faster than resolving
// and compiling ~60 ES modules, which decides `micropython -c pass`'s start-up time.
// Also writes dist/bundle.json: the bundle's content hash, which names its code-cache files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const file = join(dist, 'mpy-ts.cjs');

await build({
  input: join(root, 'src', 'index.ts'),
  platform: 'node',
  // the test runner is started as a separate program, never bundled
  external: [/^@mpy-ts\/test-runner/],
  logLevel: 'warn',
  output: { file, format: 'cjs', sourcemap: false },
});

const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
writeFileSync(join(dist, 'bundle.json'), `${JSON.stringify({ file: 'mpy-ts.cjs', hash })}\n`);
// code caches of earlier bundles are useless now
for (const name of readdirSync(dist)) if (name.endsWith('.code-cache') && !name.includes(hash)) rmSync(join(dist, name), { force: true });
