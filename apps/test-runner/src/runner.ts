// Running a selection of tests with a pool of workers, and reporting the results.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { judge } from './compare.js';
import type { TestCase } from './discover.js';
import type { Executor } from './executor.js';

export type Status = 'pass' | 'fail' | 'skip';

export interface TestResult {
  path: string;
  category: string;
  status: Status;
  /** Why it failed or was skipped. */
  reason?: string;
  /** Extra information on a pass (e.g. a unittest count). */
  detail?: string;
  durationMs: number;
  /** On failure: the output as compared (after normalisation and regex substitution), and the expected. */
  output?: string;
  expected?: string;
}

export interface RunOptions {
  executor: Executor;
  /** Parallel workers. */
  jobs: number;
  timeoutMs: number;
  /** Tests reported as skipped without running, with the reason. */
  skip?: ReadonlyMap<string, string>;
  /** Called as each result arrives (in completion order). */
  onResult?: (result: TestResult) => void;
}

/** Runs the tests; results come back in the order of `tests`. */
export async function runTests(tests: readonly TestCase[], options: RunOptions): Promise<TestResult[]> {
  const results: TestResult[] = new Array<TestResult>(tests.length);
  let next = 0;
  const lane = async () => {
    while (next < tests.length) {
      const index = next++;
      const result = await runOne(tests[index], options);
      results[index] = result;
      options.onResult?.(result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, tests.length)) }, lane));
  } finally {
    await options.executor.close();
  }
  return results;
}

async function runOne(test: TestCase, options: RunOptions): Promise<TestResult> {
  const base = { path: test.path, category: test.category };
  const listed = options.skip?.get(test.path);
  if (listed !== undefined) return { ...base, status: 'skip', reason: listed || 'in the skip list', durationMs: 0 };
  if (options.executor.unavailable) {
    return { ...base, status: 'skip', reason: 'no in-process interpreter available', durationMs: 0 };
  }
  if (!existsSync(test.file)) return { ...base, status: 'fail', reason: 'the test file is missing', durationMs: 0 };
  const started = performance.now();
  const run = await options.executor.run(test, options.timeoutMs);
  const durationMs = Math.round(performance.now() - started);
  if ('skip' in run) return { ...base, status: 'skip', reason: run.skip, durationMs };
  const expected = test.expFile === null ? null : await readFile(test.expFile);
  const verdict = judge(run, { cmdline: test.cmdline, compare: test.compare, expected });
  switch (verdict.status) {
    case 'pass':
      return { ...base, status: 'pass', detail: verdict.detail, durationMs };
    case 'skip':
      return { ...base, status: 'skip', reason: verdict.reason, durationMs };
    case 'fail':
      return {
        ...base,
        status: 'fail',
        reason: text(verdict.reason),
        durationMs,
        output: text(verdict.output),
        expected: verdict.expected === undefined ? undefined : text(verdict.expected),
      };
  }
}

/** Byte strings (see compare.ts) as readable text for reports: decoded as UTF-8. */
function text(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function count(results: readonly TestResult[]): Counts {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    if (r.status === 'pass') c.passed++;
    else if (r.status === 'fail') c.failed++;
    else c.skipped++;
  }
  return c;
}

/** The last line of every run. */
export function summaryLine(results: readonly TestResult[]): string {
  const c = count(results);
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

export function byCategory(results: readonly TestResult[]): Map<string, Counts> {
  const groups = new Map<string, TestResult[]>();
  for (const r of results) groups.set(r.category, [...(groups.get(r.category) ?? []), r]);
  return new Map([...groups.keys()].sort().map((k) => [k, count(groups.get(k)!)]));
}

/** A table of passed/failed/skipped per category, with a total row. */
export function categoryTable(results: readonly TestResult[]): string {
  const rows: [string, Counts][] = [...byCategory(results), ['total', count(results)]];
  const width = Math.max(8, ...rows.map(([name]) => name.length));
  const cell = (n: number | string) => String(n).padStart(8);
  const line = (name: string, a: number | string, b: number | string, c: number | string) =>
    `${name.padEnd(width)} ${cell(a)} ${cell(b)} ${cell(c)}`;
  return [
    line('category', 'passed', 'failed', 'skipped'),
    ...rows.map(([name, c]) => line(name, c.passed, c.failed, c.skipped)),
  ].join('\n');
}

export interface Report {
  corpus: string;
  executor: string;
  durationMs: number;
  summary: Counts;
  categories: Record<string, Counts>;
  tests: TestResult[];
}

export function makeReport(corpus: string, executor: string, durationMs: number, results: TestResult[]): Report {
  return {
    corpus,
    executor,
    durationMs,
    summary: count(results),
    categories: Object.fromEntries(byCategory(results)),
    tests: results,
  };
}

export async function writeReport(file: string, report: Report): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** The paths that failed in a report written by `--json`. */
export async function failedInReport(file: string): Promise<Set<string>> {
  const report = JSON.parse(await readFile(file, 'utf8')) as Partial<Report>;
  if (!Array.isArray(report.tests)) throw new Error(`${file} is not an mpy-test --json report`);
  return new Set(report.tests.filter((t) => t.status === 'fail').map((t) => t.path));
}
