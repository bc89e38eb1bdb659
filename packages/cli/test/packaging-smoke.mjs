// Packaging smoke test (run by scripts/check-packaging.mjs where the packed package was installed with
// plain npm): the API runs a program with captured stdio, and the package's own `micropython` bin runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInlineConsole, parseCommandLine, runSession } from '@mpy-ts/cli';

let out = '';
const sink = (b) => (out += Buffer.from(b));
const status = runSession({
  commandLine: parseCommandLine(['-c', 'import sys\nprint(sys.argv, 6 * 7)', 'x']),
  console: createInlineConsole({ stdin: () => null, stdout: sink, stderr: sink, stdinIsTTY: false }),
  getenv: () => undefined,
  argv0: 'micropython',
  platform: 'linux',
});
assert.equal(status, 0);
assert.equal(out, "['-c', 'x'] 42\n");

const bin = join(process.cwd(), 'node_modules', '.bin', 'micropython');
const r = spawnSync(bin, ['-c', 'raise SystemExit(3)'], { encoding: 'utf8', input: '' });
assert.equal(r.status, 3, r.stderr);
console.log('@mpy-ts/cli: ok');
