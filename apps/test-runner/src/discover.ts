// Finding the tests of a corpus: `manifest.tsv` when there is one, otherwise every `NAME.py` with a
// `NAME.py.exp` beside it (a `.py` without one is a helper module, not a test).
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CompareMode } from './compare.js';

export interface TestCase {
  /** Corpus-relative path with `/` separators, e.g. `basics/andor.py`. */
  path: string;
  /** Absolute path of the program. */
  file: string;
  /** First path component (`basics`), or `.` for a test at the top of the corpus. */
  category: string;
  compare: CompareMode;
  /** Absolute path of `NAME.py.exp`, or `null` when there is none. */
  expFile: string | null;
  /** Under `cmdline/`: run from the corpus root with the `# cmdline:` words, output `CRASH` on failure. */
  cmdline: boolean;
  /** `cmdline/repl_*.py`: typed into the interpreter's REPL through a pseudo-terminal. */
  repl: boolean;
  /** Working directory: the test's own directory, or the corpus root for `cmdline/` tests. */
  cwd: string;
  /** The manifest row (every column by name), or `null` without a manifest. */
  manifest: Record<string, string> | null;
}

export interface Corpus {
  root: string;
  tests: TestCase[];
  /** Whether `manifest.tsv` decided which tests exist and how they compare. */
  hasManifest: boolean;
}

const COMPARE_MODES: readonly string[] = ['exact', 'regex', 'unittest'];

export async function discover(rootDir: string): Promise<Corpus> {
  const root = resolve(rootDir);
  const manifestFile = join(root, 'manifest.tsv');
  if (existsSync(manifestFile)) {
    const rows = parseTsv(await readFile(manifestFile, 'utf8'));
    return { root, hasManifest: true, tests: rows.map((row) => makeTest(root, row.path, row)) };
  }
  const paths: string[] = [];
  await walk(root, '', paths);
  return { root, hasManifest: false, tests: paths.sort().map((p) => makeTest(root, p, null)) };
}

function makeTest(root: string, path: string, row: Record<string, string> | null): TestCase {
  const file = join(root, ...path.split('/'));
  const slash = path.indexOf('/');
  const category = slash < 0 ? '.' : path.slice(0, slash);
  const cmdline = category === 'cmdline';
  const base = path.slice(path.lastIndexOf('/') + 1);
  const declared = row?.compare;
  const compare: CompareMode =
    declared !== undefined && COMPARE_MODES.includes(declared) ? (declared as CompareMode) : cmdline ? 'regex' : 'exact';
  const exp = `${file}.exp`;
  return {
    path,
    file,
    category,
    compare,
    expFile: existsSync(exp) ? exp : null,
    cmdline,
    repl: cmdline && base.startsWith('repl_'),
    cwd: cmdline ? root : dirname(file),
    manifest: row,
  };
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.name.endsWith('.py') && names.has(`${entry.name}.exp`)) out.push(path);
  }
}

/** A tab-separated table with a header line; returns one object per row, keyed by column name. */
export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0].split('\t');
  if (!header.includes('path')) throw new Error('manifest.tsv has no `path` column');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/**
 * The words after `# cmdline:` in the comment lines at the top of a `cmdline/` test: extra arguments for the
 * interpreter (run-tests.py reads comment lines until the first line that is not one).
 */
export function cmdlineArgs(source: string): string[] {
  const args: string[] = [];
  for (const line of source.split('\n')) {
    if (line.startsWith('# cmdline:')) args.push(...line.slice('# cmdline:'.length).trim().split(/\s+/).filter(Boolean));
    else if (!line.startsWith('#')) break;
  }
  return args;
}
