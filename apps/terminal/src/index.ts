// The terminal app: composes @mpy-ts/cli into the `micropython` and `mpy-ts` commands (bin/), with
// `mpy-ts test` delegated to @mpy-ts/test-runner. This module is what scripts/bundle.mjs bundles.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { micropython, mpyTs } from '@mpy-ts/cli';

export { isWorkerSessionData, runWorkerSession } from '@mpy-ts/cli';

/** `micropython ARGS`; `workerUrl` is the script terminal sessions run in (bin/worker.js). */
export function micropythonMain(args: readonly string[], workerUrl: string | URL): Promise<number> {
  return micropython(args, { workerUrl });
}

/** `mpy-ts ARGS`. */
export function mpyTsMain(args: readonly string[], workerUrl: string | URL): Promise<number> {
  return mpyTs(args, { workerUrl, test: runTestRunner });
}

/** `mpy-ts test ARGS`: the mpy-test command of @mpy-ts/test-runner, in a child process. */
function runTestRunner(args: readonly string[]): Promise<number> {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('@mpy-ts/test-runner')), '..', 'bin', 'mpy-test.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'inherit' });
    child.on('error', (e) => {
      process.stderr.write(`mpy-ts test: could not start the test runner: ${e.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal !== null ? 128 + 2 : 1)));
  });
}
