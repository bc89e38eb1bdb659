// The `mpy-test` command.
import { writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { discover } from './discover.js';
import type { TestCase } from './discover.js';
import { splitExecutor } from './executor.js';
import type { Executor } from './executor.js';
import { externalExecutor, shellQuote } from './external.js';
import { defaultCmdlineCommand, defaultCorpus, defaultPassList, runGate } from './gate.js';
import { inProcessExecutor } from './in-process.js';
import { readList } from './lists.js';
import type { TestResult } from './runner.js';
import { categoryTable, failedInReport, makeReport, runTests, summaryLine, writeReport } from './runner.js';

export const USAGE = `usage: mpy-test [run] DIR [options]     run the NAME.py / NAME.py.exp tests under DIR
       mpy-test gate [options]          the repository's conformance gate (see README)

Executors (default: in-process):
  --cmd "COMMAND {file}"   an external interpreter: a shell command line where {file} is the test
                           program and {args} the "# cmdline:" words of cmdline/ tests
  --interpreter MODULE     the in-process interpreter module (default: $MPY_TEST_INTERPRETER or
                           @mpy-ts/test-runner/interpreter: core-vm's, with module packages loaded)
  --cmdline-cmd COMMAND    run the cmdline/ tests with this external command instead (shell command
                           line; the gate's default: the repository's apps/terminal micropython)
Options:
  -j, --jobs N             parallel workers (default: number of CPUs)
  --timeout SECONDS        per-test timeout (default: 30)
  --filter REGEX           only tests whose corpus-relative path matches (repeatable)
  --exclude REGEX          leave out tests whose path matches (repeatable)
  --where COLUMN=VALUE     only tests whose manifest.tsv COLUMN is VALUE (repeatable)
  --skip-list FILE         report the listed tests as skipped (a line's comment is the reason)
  --rerun-failed REPORT    only the tests that failed in an earlier --json REPORT
  --json FILE              write a JSON report of every test
  --env NAME=VALUE         extra environment variable for the tests (repeatable)
  --repl-quiet-ms N        REPL tests: quiet time before typing the next line (default: 100)
  -v, --verbose            print every test, not just failures
  --diff                   print expected and actual output of each failure
Gate options:
  --corpus DIR             default: $MPY_CONFORMANCE_DIR or ../shared/conformance beside the repository
  --pass-list FILE         default: apps/test-runner/conformance/pass-list.txt
  --update                 append the tests that pass but are not listed to the pass list
  --summary-file FILE      also write the gate's one-line verdict to FILE
The last line of a run is "N passed, M failed, K skipped"; the exit status is 1 if anything failed.`;

const OPTIONS = {
  cmd: { type: 'string' },
  interpreter: { type: 'string' },
  'cmdline-cmd': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  timeout: { type: 'string' },
  filter: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  'skip-list': { type: 'string' },
  'rerun-failed': { type: 'string' },
  json: { type: 'string' },
  env: { type: 'string', multiple: true },
  'repl-quiet-ms': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  diff: { type: 'boolean' },
  corpus: { type: 'string' },
  'pass-list': { type: 'string' },
  update: { type: 'boolean' },
  'summary-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function positiveNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got ${text}`);
  return n;
}

function pairs(list: string[] | undefined, name: string): [string, string][] {
  return (list ?? []).map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${name} wants NAME=VALUE, got ${item}`);
    return [item.slice(0, eq), item.slice(eq + 1)];
  });
}

function regexes(list: string[] | undefined, name: string): RegExp[] {
  return (list ?? []).map((source) => {
    try {
      return new RegExp(source);
    } catch (error) {
      throw new UsageError(`${name}: ${(error as Error).message}`);
    }
  });
}

/** Runs the command; returns the exit status. `print` receives whole lines. */
export async function main(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    print(`mpy-test: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    print(USAGE);
    return 0;
  }
  try {
    const [first, ...rest] = positionals;
    if (first === 'gate') return await gate(values, rest, print);
    return await run(values, first === 'run' ? rest : positionals, print);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(`mpy-test: ${error.message}\n${USAGE}`);
    return 2;
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function common(values: Values, gateMode = false) {
  const env = Object.fromEntries(pairs(values.env, '--env'));
  const replQuietMs = positiveNumber(values['repl-quiet-ms'], '--repl-quiet-ms', 100);
  const base: Executor =
    values.cmd !== undefined
      ? externalExecutor(values.cmd, { env, replQuietMs })
      : inProcessExecutor({ interpreter: values.interpreter ?? process.env.MPY_TEST_INTERPRETER, env });
  // the gate runs the command-line tests through our own `micropython` unless told otherwise
  const cmdlineCmd = values['cmdline-cmd'] ?? (gateMode && values.cmd === undefined ? quotedDefaultCmdline() : undefined);
  const executor = cmdlineCmd === undefined ? base : splitExecutor(externalExecutor(cmdlineCmd, { env, replQuietMs }), base);
  return {
    executor,
    jobs: Math.floor(positiveNumber(values.jobs, '--jobs', availableParallelism())),
    timeoutMs: positiveNumber(values.timeout, '--timeout', 30) * 1000,
  };
}

function resultPrinter(values: Values, print: (line: string) => void, show: (r: TestResult) => boolean) {
  return (r: TestResult) => {
    if (!values.verbose && !show(r)) return;
    const label = r.status === 'pass' ? 'pass' : r.status === 'fail' ? 'FAIL' : 'skip';
    const note = r.reason ?? r.detail;
    print(`${label}  ${r.path}${note ? `  (${note})` : ''}`);
    if (values.diff && r.status === 'fail' && r.output !== undefined) {
      print(diffText(r.expected, r.output));
    }
  };
}

async function run(values: Values, dirs: string[], print: (line: string) => void): Promise<number> {
  if (dirs.length !== 1) throw new UsageError('give exactly one test directory');
  for (const option of ['corpus', 'pass-list', 'update', 'summary-file'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} is a gate option`);
  }
  const root = resolve(dirs[0]);
  const { executor, jobs, timeoutMs } = common(values);
  const filters = regexes(values.filter, '--filter');
  const excludes = regexes(values.exclude, '--exclude');
  const where = pairs(values.where, '--where');
  const rerun = values['rerun-failed'] === undefined ? null : await failedInReport(values['rerun-failed']);
  const skip = values['skip-list'] === undefined ? undefined : await readList(values['skip-list']);

  const corpus = await discover(root);
  if (where.length > 0 && !corpus.hasManifest) throw new UsageError('--where needs a manifest.tsv in the test directory');
  const selected = corpus.tests.filter(
    (t: TestCase) =>
      (filters.length === 0 || filters.some((re) => re.test(t.path))) &&
      !excludes.some((re) => re.test(t.path)) &&
      where.every(([column, value]) => t.manifest?.[column] === value) &&
      (rerun === null || rerun.has(t.path)),
  );
  if (executor.unavailable) print(`mpy-test: ${executor.unavailable}`);
  const started = performance.now();
  const results = await runTests(selected, {
    executor,
    jobs,
    timeoutMs,
    skip,
    onResult: resultPrinter(values, print, (r) => r.status === 'fail'),
  });
  if (values.json !== undefined) {
    await writeReport(values.json, makeReport(root, executor.description, Math.round(performance.now() - started), results));
  }
  print(categoryTable(results));
  print(summaryLine(results));
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}

async function gate(values: Values, rest: string[], print: (line: string) => void): Promise<number> {
  if (rest.length > 0) throw new UsageError('gate takes no directory (use --corpus DIR)');
  for (const option of ['filter', 'exclude', 'where', 'skip-list', 'rerun-failed'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} is not a gate option: the gate runs everything`);
  }
  const { executor, jobs, timeoutMs } = common(values, true);
  const passList = resolve(values['pass-list'] ?? defaultPassList);
  const summaryFile = values['summary-file'];
  const started = performance.now();
  let outcome;
  try {
    outcome = await runGate({
      corpus: resolve(values.corpus ?? defaultCorpus()),
      passList,
      executor,
      jobs,
      timeoutMs,
      update: values.update === true,
      retryExecutor: () => common(values).executor,
      print,
      // Unlisted tests are expected to fail: only --verbose shows per-test lines here.
      onResult: resultPrinter(values, print, () => false),
    });
  } catch (error) {
    // The verdict file must say what happened even when the gate itself breaks.
    if (summaryFile !== undefined) writeFileSync(summaryFile, `conformance gate FAILED: ${(error as Error).message}\n`);
    throw error;
  }
  if (values.json !== undefined && outcome.corpusFound) {
    const report = makeReport(values.corpus ?? defaultCorpus(), executor.description, Math.round(performance.now() - started), outcome.results);
    await writeReport(values.json, report);
  }
  if (summaryFile !== undefined) {
    await mkdir(dirname(summaryFile), { recursive: true });
    await writeFile(summaryFile, `${outcome.verdict}\n`);
  }
  return outcome.ok ? 0 : 1;
}

function quotedDefaultCmdline(): string | undefined {
  const bin = defaultCmdlineCommand();
  return bin === undefined ? undefined : shellQuote(bin);
}

/** Expected vs actual, line by line, marking the lines that differ (a small LCS diff). */
export function diffText(expected: string | undefined, actual: string): string {
  if (expected === undefined) return actual.split('\n').map((l) => `    | ${l}`).join('\n');
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > 4_000_000) return `    (outputs too long to diff: ${a.length} and ${b.length} lines)`;
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`    | ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`    + ${JSON.stringify(b[j++]).slice(1, -1)}`);
    } else {
      out.push(`    - ${JSON.stringify(a[i++]).slice(1, -1)}`);
    }
  }
  return ['    (- expected, + actual)', ...out].join('\n');
}
