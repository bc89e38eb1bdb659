// The runner's proof against a real interpreter: CPython must pass every corpus test whose expected output
// CPython itself produced (manifest.tsv: expected_source=cpython), except the few listed, with reasons, in
// conformance/cpython-exceptions.txt. Skipped (with the reason) when python3 or the corpus is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultCorpus, discover, externalExecutor, packageDir, readList, runTests, shellQuote } from '@mpy-ts/test-runner';

const corpusDir = defaultCorpus();
const probe = spawnSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], {
  encoding: 'utf8',
});
const [version = '', executable = ''] = probe.status === 0 ? probe.stdout.trim().split('\n') : [];

/** Every file under dir (to prove a run leaves the corpus untouched). */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

it('python3 passes the corpus tests whose expected output came from CPython', async (ctx) => {
  if (!existsSync(corpusDir)) ctx.skip(`no conformance corpus at ${corpusDir}`);
  if (probe.status !== 0) ctx.skip('python3 is not available');
  // The expected outputs come from CPython 3.11.7; other minor versions word some messages differently.
  if (!version.startsWith('3.11.')) ctx.skip(`python3 is ${version}, the expected outputs need 3.11`);

  const exceptions = await readList(join(packageDir, 'conformance', 'cpython-exceptions.txt'));
  const corpus = await discover(corpusDir);
  const tests = corpus.tests.filter((t) => t.manifest?.expected_source === 'cpython');
  for (const path of exceptions.keys()) expect(tests.map((t) => t.path), 'an exception that is not a cpython test').toContain(path);
  const before = listing(corpusDir);

  const results = await runTests(tests, {
    // `python3 {file}`, with python3 resolved once: a version manager's shim (pyenv) can triple the start-up.
    executor: externalExecutor(`${shellQuote(executable)} {file}`),
    jobs: availableParallelism(),
    timeoutMs: 60_000,
    skip: exceptions,
  });

  const failures = results.filter((r) => r.status === 'fail').map((r) => `${r.path}: ${r.reason}`);
  expect(failures).toEqual([]);
  // Besides the exceptions, a test may only skip itself (the UDP tests print SKIP when another test holds
  // their port at the same moment).
  const skipped = results.filter((r) => r.status === 'skip' && !exceptions.has(r.path));
  expect(skipped.map((r) => `${r.path}: ${r.reason}`).filter((s) => !s.endsWith(': SKIP'))).toEqual([]);
  expect(skipped.length).toBeLessThanOrEqual(2);
  expect(results.filter((r) => r.status === 'pass').length).toBe(tests.length - exceptions.size - skipped.length);
  expect(listing(corpusDir)).toEqual(before);
}, 15 * 60_000);
