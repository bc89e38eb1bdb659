// Helpers for tests that build small corpora in temporary directories.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { main } from '@mpy-ts/test-runner';
import type { Report } from '@mpy-ts/test-runner';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) into a fresh temporary directory and returns its path. */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mpy-test-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content, 'latin1');
  }
  return root;
}

export interface Outcome {
  status: number;
  lines: string[];
  report: Report;
}

/** Runs `mpy-test ...args --json` and returns the exit status, the printed lines and the report. */
export async function mpyTest(args: string[]): Promise<Outcome> {
  const dir = tree({});
  const json = join(dir, 'report.json');
  const lines: string[] = [];
  const status = await main([...args, '--json', json], (text) => lines.push(...text.split('\n')));
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  return { status, lines, report };
}

/** path → status (and reason) from a report. */
export function statuses(report: Report): Record<string, string> {
  return Object.fromEntries(report.tests.map((t) => [t.path, t.reason ? `${t.status}: ${t.reason}` : t.status]));
}
