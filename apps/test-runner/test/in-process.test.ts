// The in-process executor and gate mode, with a toy interpreter module standing in for the mpy-ts VM.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@mpy-ts/test-runner';
import { mpyTest, statuses, tree } from './fixtures.js';

// A toy language, one statement per line: `print TEXT`, `cwd`, `argv`, `exit N`, `throw`, `loop`, and
// `once MARKER` (prints "first" the first time it runs, "again" afterwards: a stand-in for a flaky test).
const TOY_INTERPRETER = `
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
export function createInterpreter() {
  return {
    run({ file, cwd, argv }) {
      let output = '';
      for (const line of readFileSync(file, 'utf8').split('\\n')) {
        if (line.startsWith('print ')) output += line.slice(6) + '\\n';
        else if (line === 'cwd') output += cwd + '\\n';
        else if (line === 'argv') output += argv.join(' ') + '\\n';
        else if (line.startsWith('exit ')) return { output, exitCode: Number(line.slice(5)) };
        else if (line === 'throw') throw new TypeError('a leaked JavaScript error');
        else if (line === 'loop') for (;;);
        else if (line.startsWith('once ')) {
          const marker = line.slice(5);
          output += existsSync(marker) ? 'again\\n' : 'first\\n';
          writeFileSync(marker, '');
        }
      }
      return { output: new TextEncoder().encode(output), exitCode: 0 };
    },
  };
}
`;

function corpus(extra: Record<string, string> = {}) {
  return tree({
    'toy.mjs': TOY_INTERPRETER,
    'corpus/basics/hello.py': 'print hello\nprint world',
    'corpus/basics/hello.py.exp': 'hello\nworld\n',
    'corpus/basics/wrong.py': 'print 1',
    'corpus/basics/wrong.py.exp': '2\n',
    'corpus/basics/exits.py': 'print partial\nexit 1',
    'corpus/basics/exits.py.exp': 'partial\nCRASH',
    ...extra,
  });
}

describe('the in-process executor', () => {
  it('runs each test in a fresh interpreter in a worker thread', async () => {
    const root = corpus({
      'corpus/basics/throws.py': 'print before\nthrow',
      'corpus/basics/throws.py.exp': 'before\n',
      'corpus/stress/forever.py': 'print start\nloop',
      'corpus/stress/forever.py.exp': 'start\n',
      'corpus/stress/after.py': 'print still alive',
      'corpus/stress/after.py.exp': 'still alive\n',
      'corpus/io/where.py': 'cwd\nargv',
      'corpus/cmdline/cmd_where.py': '# cmdline: -v -O\ncwd\nargv',
      'corpus/cmdline/repl_x.py': 'print 1',
      'corpus/cmdline/repl_x.py.exp': '>>> print 1\n',
    });
    const c = join(root, 'corpus');
    writeFileSync(join(c, 'io', 'where.py.exp'), `${join(c, 'io')}\n${join(c, 'io', 'where.py')}\n`);
    writeFileSync(join(c, 'cmdline', 'cmd_where.py.exp'), `${c}\n-v -O cmdline/cmd_where.py\n`);
    const { status, report, lines } = await mpyTest([
      c, '--interpreter', join(root, 'toy.mjs'), '--timeout', '0.5', '-j', '2',
    ]);
    expect(statuses(report)).toEqual({
      'basics/exits.py': 'pass',
      'basics/hello.py': 'pass',
      'basics/throws.py': 'fail: crashed (non-zero exit)',
      'basics/wrong.py': 'fail: line 1: expected "2", got "1"',
      'cmdline/cmd_where.py': 'pass',
      'cmdline/repl_x.py': 'skip: the in-process interpreter has no repl(): REPL tests need one (or --cmd)',
      'io/where.py': 'pass',
      'stress/after.py': 'pass',
      'stress/forever.py': 'fail: timed out',
    });
    expect(report.tests.find((t) => t.path === 'basics/throws.py')?.output).toMatch(
      /^mpy-test: the interpreter threw a JavaScript error: TypeError: a leaked JavaScript error/,
    );
    expect(status).toBe(1);
    expect(lines.at(-1)).toBe('5 passed, 3 failed, 1 skipped');
  });

  it('skips everything, saying so once, when there is no interpreter', async () => {
    const root = corpus();
    const { status, report, lines } = await mpyTest([join(root, 'corpus'), '--interpreter', join(root, 'absent.mjs')]);
    expect(lines.filter((l) => l.includes('no in-process interpreter available'))).toHaveLength(1);
    expect(new Set(report.tests.map((t) => `${t.status}: ${t.reason}`))).toEqual(
      new Set(['skip: no in-process interpreter available']),
    );
    expect(status).toBe(0);
    expect(lines.at(-1)).toBe('0 passed, 0 failed, 3 skipped');
  });

  it('fails every test when the interpreter module is broken', async () => {
    const root = corpus({ 'broken.mjs': 'export const createInterpreter = 42;' });
    const { report } = await mpyTest([join(root, 'corpus'), '--interpreter', join(root, 'broken.mjs')]);
    expect(new Set(report.tests.map((t) => t.status))).toEqual(new Set(['fail']));
    expect(report.tests[0].output).toMatch(/does not export createInterpreter/);
  });
});

describe('gate mode', () => {
  async function gate(root: string, ...args: string[]) {
    const lines: string[] = [];
    const summary = join(root, 'summary.txt');
    const status = await main(
      ['gate', '--corpus', join(root, 'corpus'), '--pass-list', join(root, 'pass-list.txt'),
        '--interpreter', join(root, 'toy.mjs'), '--summary-file', summary, ...args],
      (text) => lines.push(...text.split('\n')),
    );
    return { status, lines, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : null };
  }

  it('passes when every listed test passes, and reports unlisted passes', async () => {
    const root = corpus({ 'pass-list.txt': '# must pass\nbasics/hello.py  # the first one\n' });
    const { status, lines, summary } = await gate(root);
    expect(status).toBe(0);
    expect(lines).toContain('  basics/exits.py');
    expect(lines.at(-1)).toBe(
      'conformance gate OK: 1/1 listed tests pass, 1 newly passing (corpus: 2 passed, 1 failed, 0 skipped)',
    );
    expect(summary).toBe(`${lines.at(-1)}\n`);
  });

  it('fails when a listed test fails or is missing from the corpus', async () => {
    const root = corpus({ 'pass-list.txt': 'basics/hello.py\nbasics/wrong.py\nbasics/vanished.py\n' });
    const { status, lines } = await gate(root);
    expect(status).toBe(1);
    expect(lines).toContain('GATE FAIL basics/wrong.py: listed, but failed: line 1: expected "2", got "1"');
    expect(lines).toContain('GATE FAIL basics/vanished.py: listed, but not in the corpus');
    expect(lines.at(-1)).toMatch(/^conformance gate FAILED: 1\/3 listed tests pass/);
  });

  it('re-runs a failed listed test alone and reports it as flaky when it then passes', async () => {
    const root = corpus({ 'pass-list.txt': 'basics/hello.py\nbasics/flaky.py\n' });
    writeFileSync(join(root, 'corpus/basics/flaky.py'), `once ${join(root, 'marker')}`);
    writeFileSync(join(root, 'corpus/basics/flaky.py.exp'), 'again\n');
    const { status, lines } = await gate(root);
    expect(status).toBe(0);
    expect(lines).toContain('FLAKY basics/flaky.py: failed in the parallel run (line 1: expected "again", got "first"), passed alone');
    expect(lines.at(-1)).toMatch(/^conformance gate OK: 2\/2 listed tests pass, 1 newly passing, 1 flaky \(passed only alone\)/);
  });

  it('--update appends the newly passing tests, sorted, keeping what was there', async () => {
    const root = corpus({
      'corpus/basics/another.py': 'print x',
      'corpus/basics/another.py.exp': 'x\n',
      'pass-list.txt': '# header\nbasics/hello.py # note',
    });
    const { status } = await gate(root, '--update');
    expect(status).toBe(0);
    expect(readFileSync(join(root, 'pass-list.txt'), 'utf8')).toBe(
      '# header\nbasics/hello.py # note\nbasics/another.py\nbasics/exits.py\n',
    );
    const again = await gate(root);
    expect(again.lines.at(-1)).toMatch(/^conformance gate OK: 3\/3 listed tests pass \(/);
  });

  it('fails listed tests when there is no interpreter', async () => {
    const root = corpus({ 'pass-list.txt': 'basics/hello.py\n' });
    const { status, lines } = await gate(root, '--interpreter', join(root, 'absent.mjs'));
    expect(status).toBe(1);
    expect(lines).toContain('GATE FAIL basics/hello.py: listed, but skipped: no in-process interpreter available');
  });

  it('says so in one line and succeeds when the corpus is absent', async () => {
    const root = tree({});
    const { status, lines, summary } = await gate(root);
    expect(status).toBe(0);
    expect(lines).toEqual([`conformance gate skipped: no corpus at ${join(root, 'corpus')}`]);
    expect(summary).toBe(`${lines[0]}\n`);
  });
});
