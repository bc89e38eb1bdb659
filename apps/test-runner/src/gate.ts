// Gate mode: the repository's conformance gate. A committed pass list names the tests of
// ../shared/conformance that must pass; a listed test that fails (or is missing) fails the gate, and a test
// that passes without being listed is reported, so the list only grows (`--update` appends them).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from './discover.js';
import type { Executor } from './executor.js';
import { appendToList, parseList } from './lists.js';
import type { TestResult } from './runner.js';
import { categoryTable, count, runTests, summaryLine } from './runner.js';

/** apps/test-runner (this file is in its src/ or dist/). */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const defaultPassList = join(packageDir, 'conformance', 'pass-list.txt');
/**
 * The command the gate runs `cmdline/` tests with: the repository's own `micropython` (apps/terminal,
 * built), or undefined when that app is absent (those tests then run in-process like the rest).
 */
export function defaultCmdlineCommand(): string | undefined {
  const bin = join(repoRoot, 'apps', 'terminal', 'bin', 'micropython.cjs');
  return existsSync(bin) ? bin : undefined;
}

/** `../shared/conformance` beside the repository, unless `MPY_CONFORMANCE_DIR` says otherwise. */
export const defaultCorpus = (): string =>
  process.env.MPY_CONFORMANCE_DIR ?? resolve(repoRoot, '..', 'shared', 'conformance');

const PASS_LIST_HEADER = `# Conformance gate: tests of ../shared/conformance that must pass with the in-process interpreter
# (cmdline/ tests: with the repository's micropython command).
# One corpus-relative path per line; \`#\` starts a comment. The list only grows: \`mpy-test gate --update\`
# appends the tests that pass but are not listed yet.
`;

/** Past this many failures a retry would only hide a real regression behind a long wait. */
const MAX_RETRIES = 20;

export interface GateOptions {
  corpus: string;
  passList: string;
  executor: Executor;
  jobs: number;
  timeoutMs: number;
  update: boolean;
  /**
   * Makes a fresh executor to re-run, one at a time, the listed tests that failed in the parallel run.
   * A test that passes alone is reported as flaky (timing-sensitive tests on a loaded machine) and does
   * not fail the gate; one that fails twice does. Without it nothing is re-run.
   */
  retryExecutor?: () => Executor;
  /** Where to print (one line per call). */
  print: (line: string) => void;
  onResult?: (result: TestResult) => void;
}

export interface GateOutcome {
  ok: boolean;
  /** The one-line verdict (the last line printed). */
  verdict: string;
  results: TestResult[];
  corpusFound: boolean;
}

export async function runGate(options: GateOptions): Promise<GateOutcome> {
  const { print } = options;
  if (!existsSync(options.corpus)) {
    const verdict = `conformance gate skipped: no corpus at ${options.corpus}`;
    print(verdict);
    await options.executor.close();
    return { ok: true, verdict, results: [], corpusFound: false };
  }
  const listText = existsSync(options.passList) ? await readFile(options.passList, 'utf8') : '';
  const listed = parseList(listText, options.passList);
  const corpus = await discover(options.corpus);
  if (options.executor.unavailable) print(`mpy-test: ${options.executor.unavailable}`);
  const results = await runTests(corpus.tests, {
    executor: options.executor,
    jobs: options.jobs,
    timeoutMs: options.timeoutMs,
    onResult: options.onResult,
  });

  const byPath = new Map(results.map((r) => [r.path, r]));
  const flaky: string[] = [];
  if (options.retryExecutor !== undefined) {
    const again = corpus.tests.filter((t) => listed.has(t.path) && byPath.get(t.path)?.status !== 'pass');
    if (again.length > 0 && again.length <= MAX_RETRIES) {
      const retried = await runTests(again, { executor: options.retryExecutor(), jobs: 1, timeoutMs: options.timeoutMs });
      for (const r of retried) {
        if (r.status !== 'pass') continue;
        const first = byPath.get(r.path);
        flaky.push(`${r.path}: failed in the parallel run (${first?.reason ?? 'no reason'}), passed alone`);
        byPath.set(r.path, r);
        results[results.findIndex((x) => x.path === r.path)] = r;
      }
    }
  }
  const broken: string[] = [];
  for (const path of listed.keys()) {
    const r = byPath.get(path);
    if (r === undefined) broken.push(`${path}: listed, but not in the corpus`);
    else if (r.status !== 'pass') broken.push(`${path}: listed, but ${r.status === 'skip' ? 'skipped' : 'failed'}: ${r.reason}`);
  }
  const fresh = results.filter((r) => r.status === 'pass' && !listed.has(r.path)).map((r) => r.path);

  print(categoryTable(results));
  print(summaryLine(results));
  const listName = relative(process.cwd(), options.passList) || options.passList;
  for (const line of flaky) print(`FLAKY ${line}`);
  for (const line of broken) print(`GATE FAIL ${line}`);
  if (fresh.length > 0) {
    if (options.update) {
      await writeFile(options.passList, appendToList(listText || PASS_LIST_HEADER, fresh));
      print(`added ${fresh.length} newly passing test(s) to ${listName}`);
    } else {
      print(`${fresh.length} test(s) pass but are not in ${listName} (add them with \`mpy-test gate --update\`):`);
      for (const path of fresh) print(`  ${path}`);
    }
  }
  const c = count(results);
  const passingListed = listed.size - broken.length;
  const ok = broken.length === 0;
  const verdict =
    `conformance gate ${ok ? 'OK' : 'FAILED'}: ${passingListed}/${listed.size} listed tests pass` +
    `${fresh.length > 0 ? `, ${fresh.length} newly passing` : ''}` +
    `${flaky.length > 0 ? `, ${flaky.length} flaky (passed only alone)` : ''}` +
    ` (corpus: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` +
    `${options.executor.unavailable ? '; no in-process interpreter' : ''})`;
  print(verdict);
  return { ok, verdict, results, corpusFound: true };
}
