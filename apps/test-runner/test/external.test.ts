// The runner end to end with an external interpreter. The "interpreter" is /bin/sh, so each NAME.py here is
// a shell script: that keeps the fixtures tiny and the tests independent of any Python.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine } from '@mpy-ts/test-runner';
import { mpyTest, statuses, tree } from './fixtures.js';

describe('a tree without manifest.tsv', () => {
  it('runs every NAME.py that has a NAME.py.exp, judging each as the README says', async () => {
    const root = tree({
      'basics/ok.py': 'echo hello',
      'basics/ok.py.exp': 'hello\n',
      'basics/wrong.py': 'echo no',
      'basics/wrong.py.exp': 'yes\n',
      'basics/helper.py': 'echo I am imported by others, not a test',
      'basics/skipped.py': 'echo SKIP',
      'basics/skipped.py.exp': 'whatever\n',
      'basics/crash.py': 'echo partial; exit 3',
      'basics/crash.py.exp': 'partial\nCRASH',
      'basics/order.py': 'echo out1; echo err1 >&2; echo out2; echo err2 >&2',
      'basics/order.py.exp': 'out1\nerr1\nout2\nerr2\n',
      'basics/env.py': 'echo "$PYTHONIOENCODING"',
      'basics/env.py.exp': 'utf-8\n',
      'basics/crlf.py': "printf 'a\\r\\r\\nb\\r\\n'",
      'basics/crlf.py.exp': 'a\nb\n',
      'float/slow.py': 'echo tick; sleep 20',
      'float/slow.py.exp': 'tick\n',
      'top.py': 'echo top',
      'top.py.exp': 'top\n',
    });
    const { status, lines, report } = await mpyTest([root, '--cmd', 'sh {file}', '--timeout', '1', '-j', '3']);
    expect(statuses(report)).toEqual({
      'basics/crash.py': 'pass',
      'basics/crlf.py': 'pass',
      'basics/env.py': 'pass',
      'basics/ok.py': 'pass',
      'basics/order.py': 'pass',
      'basics/skipped.py': 'skip: SKIP',
      'basics/wrong.py': 'fail: line 1: expected "yes", got "no"',
      'float/slow.py': 'fail: timed out',
      'top.py': 'pass',
    });
    expect(status).toBe(1);
    expect(lines.at(-1)).toBe('6 passed, 2 failed, 1 skipped');
    expect(lines).toContain('FAIL  basics/wrong.py  (line 1: expected "yes", got "no")');
    expect(report.categories).toEqual({
      '.': { passed: 1, failed: 0, skipped: 0 },
      basics: { passed: 5, failed: 1, skipped: 1 },
      float: { passed: 0, failed: 1, skipped: 0 },
    });
  });

  it('exits 0 when nothing fails, and prints a per-category table', async () => {
    const root = tree({ 'a/x.py': 'echo 1', 'a/x.py.exp': '1\n', 'b/y.py': 'echo SKIP', 'b/y.py.exp': '' });
    const { status, lines } = await mpyTest([root, '--cmd', 'sh {file}']);
    expect(status).toBe(0);
    const table = lines.slice(-5, -1).map((l) => l.split(/\s+/));
    expect(table).toEqual([
      ['category', 'passed', 'failed', 'skipped'],
      ['a', '1', '0', '0'],
      ['b', '0', '0', '1'],
      ['total', '1', '0', '1'],
    ]);
    expect(lines.at(-1)).toBe('1 passed, 0 failed, 1 skipped');
  });
});

describe('working directory and command line', () => {
  it('runs normal tests in their own directory with an absolute path', async () => {
    const root = tree({ 'io/where.py': 'pwd; echo "$0"' });
    // The expected text names the fixture's own location, so it is written once the tree exists.
    writeFileSync(join(root, 'io', 'where.py.exp'), `${join(root, 'io')}\n${join(root, 'io', 'where.py')}\n`);
    const { report } = await mpyTest([root, '--cmd', 'sh {file}']);
    expect(statuses(report)).toEqual({ 'io/where.py': 'pass' });
  });

  it('runs cmdline/ tests from the corpus root with their "# cmdline:" words, CRASH-only on failure', async () => {
    const root = tree({
      'cmdline/cmd_args.py': '# cmdline: -x  --flag\n# more comment\necho "args:$*"; pwd; echo "$0"\n',
      'cmdline/cmd_crash.py': 'echo lots of output; exit 2\n',
      'cmdline/cmd_crash.py.exp': 'CRASH',
      'cmdline/cmd_skip.py': 'echo banner; echo SKIP; echo more\n',
      'cmdline/cmd_skip.py.exp': 'x\n',
      'cmdline/cmd_regex.py': 'echo "MicroPython v1.9.4-dirty on 2018-05-11"\n',
      'cmdline/cmd_regex.py.exp': 'MicroPython \\.\\+ on \\\\d\\+-\\\\d\\+-\\\\d\\+\n',
    });
    writeFileSync(join(root, 'cmdline', 'cmd_args.py.exp'), `args:-x --flag\n${root}\ncmdline/cmd_args.py\n`);
    const { report } = await mpyTest([root, '--cmd', 'sh {file} {args}']);
    expect(statuses(report)).toEqual({
      'cmdline/cmd_args.py': 'pass',
      'cmdline/cmd_crash.py': 'pass',
      'cmdline/cmd_regex.py': 'pass',
      'cmdline/cmd_skip.py': 'skip: SKIP',
    });
  });

  it('--cmdline-cmd runs cmdline/ tests with their own command and the rest with the main executor', async () => {
    const root = tree({
      'basics/plain.py': 'echo plain',
      'basics/plain.py.exp': 'main:plain\n',
      'cmdline/cmd_x.py': '# cmdline: -q\necho x\n',
      'cmdline/cmd_x.py.exp': 'cmdline:-q\ncmdline:cmdline/cmd_x.py\n',
    });
    const { report } = await mpyTest([root, '--cmd', 'printf "main:" && sh {file}', '--cmdline-cmd', 'printf "cmdline:%s\\n"']);
    expect(statuses(report)).toEqual({ 'basics/plain.py': 'pass', 'cmdline/cmd_x.py': 'pass' });
  });

  it('quotes {file} for the shell and puts {args} before it unless placed', () => {
    expect(commandLine('micropython {file}', '/a b/it\'s.py', ['-v', '-X', 'emit=bytecode'])).toBe(
      "micropython -v -X emit=bytecode '/a b/it'\\''s.py'",
    );
    expect(commandLine('run {file} -- {args}', 'x.py', ['-O'])).toBe('run x.py -- -O');
    expect(commandLine('micropython', 'x.py', [])).toBe('micropython x.py');
    expect(commandLine('micropython {file}', null, ['-i'])).toBe('micropython -i');
  });
});

describe('a tree with manifest.tsv', () => {
  const manifest = (rows: string[][]) =>
    ['path\tcategory\texpected_source\tcompare', ...rows.map((r) => r.join('\t'))].join('\n') + '\n';

  it('takes the tests and their compare mode from the manifest', async () => {
    const root = tree({
      'manifest.tsv': manifest([
        ['basics/re.py', 'basics', 'exp', 'regex'],
        ['basics/plain.py', 'basics', 'cpython', 'exact'],
        ['basics/ut.py', 'basics', 'unittest', 'unittest'],
        ['basics/gone.py', 'basics', 'cpython', 'exact'],
      ]),
      'basics/re.py': 'echo "id 0x7f3a"',
      'basics/re.py.exp': 'id 0x\\.\\+\n',
      'basics/plain.py': 'echo "id 0x7f3a"',
      'basics/plain.py.exp': 'id 0x\\.\\+\n',
      'basics/ut.py': `echo 'test_x ... ok'; printf -- '${'-'.repeat(70)}\\nRan 1 tests\\n\\nOK\\n'`,
      'basics/unlisted.py': 'echo x',
      'basics/unlisted.py.exp': 'x\n',
    });
    const { report, lines } = await mpyTest([root, '--cmd', 'sh {file}']);
    expect(statuses(report)).toEqual({
      'basics/re.py': 'pass',
      'basics/plain.py': 'fail: line 1: expected "id 0x\\\\.\\\\+", got "id 0x7f3a"',
      'basics/ut.py': 'pass',
      'basics/gone.py': 'fail: the test file is missing',
    });
    expect(report.tests.find((t) => t.path === 'basics/ut.py')?.detail).toBe('unittest: 1 ran');
    expect(lines.at(-1)).toBe('2 passed, 2 failed, 0 skipped');
  });

  it('selects with --where, --filter, --exclude, --skip-list and --rerun-failed', async () => {
    const root = tree({
      'manifest.tsv': manifest([
        ['a/one.py', 'a', 'cpython', 'exact'],
        ['a/two.py', 'a', 'exp', 'exact'],
        ['b/three.py', 'b', 'cpython', 'exact'],
        ['b/four.py', 'b', 'cpython', 'exact'],
      ]),
      'a/one.py': 'echo 1',
      'a/one.py.exp': '1\n',
      'a/two.py': 'echo 2',
      'a/two.py.exp': '2\n',
      'b/three.py': 'echo 3',
      'b/three.py.exp': '3\n',
      'b/four.py': 'echo 4',
      'b/four.py.exp': 'four\n',
      'skip.txt': '# known problems\nb/three.py   # needs a network\n\n',
    });
    const paths = async (...args: string[]) =>
      (await mpyTest([root, '--cmd', 'sh {file}', ...args])).report.tests.map((t) => t.path);
    expect(await paths('--where', 'expected_source=cpython')).toEqual(['a/one.py', 'b/three.py', 'b/four.py']);
    expect(await paths('--filter', '^b/', '--filter', 'two')).toEqual(['a/two.py', 'b/three.py', 'b/four.py']);
    expect(await paths('--exclude', '^a/', '--exclude', 'four')).toEqual(['b/three.py']);
    const skipped = await mpyTest([root, '--cmd', 'sh {file}', '--skip-list', join(root, 'skip.txt')]);
    expect(statuses(skipped.report)['b/three.py']).toBe('skip: needs a network');

    const first = await mpyTest([root, '--cmd', 'sh {file}']);
    const reportFile = join(tree({}), 'first.json');
    writeFileSync(reportFile, JSON.stringify(first.report));
    expect(await paths('--rerun-failed', reportFile)).toEqual(['b/four.py']);
  });
});

describe('usage errors', () => {
  it('exit with status 2 and the usage text', async () => {
    const root = tree({ 'a/x.py': 'echo 1', 'a/x.py.exp': '1\n' });
    const lines: string[] = [];
    const { main } = await import('@mpy-ts/test-runner');
    expect(await main([root, '--jobs', 'many'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/--jobs must be a positive number[\s\S]*usage: mpy-test/);
    expect(await main([root, '--where', 'x=y', '--cmd', 'sh {file}'], (l) => lines.push(l))).toBe(2);
    expect(await main(['gate', '--filter', 'x'], (l) => lines.push(l))).toBe(2);
  });
});

describe('REPL tests through a pseudo-terminal', () => {
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasScript)('types each line into the interpreter and compares the echoed session', async () => {
    // A tiny line-based REPL: the pseudo-terminal (in its default cooked mode) echoes what is typed.
    const repl = [
      "import { createInterface } from 'node:readline';",
      'process.stdout.write(`Fake 1.0 args=${process.argv.slice(2).join(",")}\\n>>> `);',
      'const rl = createInterface({ input: process.stdin, terminal: false });',
      "rl.on('line', (l) => process.stdout.write((l.startsWith('print(') ? l.slice(6, -1) + '\\n' : '') + '>>> '));",
      "rl.on('close', () => { process.stdout.write('after Ctrl-D\\n'); process.exit(0); });",
    ].join('\n');
    const root = tree({
      'fake-repl.mjs': repl,
      'cmdline/repl_basic.py': '# cmdline: -i\nprint(5)\nx{\\x09}y\n',
      'cmdline/repl_basic.py.exp': 'Fake \\.\\+ args=-i\n>>> # cmdline: -i\n>>> print(5)\n5\n>>> x\ty\n>>> \n',
    });
    const { report } = await mpyTest([root, '--cmd', `node ${join(root, 'fake-repl.mjs')} {file}`, '--repl-quiet-ms', '50']);
    expect(statuses(report)).toEqual({ 'cmdline/repl_basic.py': 'pass' });
  });
});
