// The built commands (bin/ over dist/, as installed), run as subprocesses: what a tool driving
// `micropython` sees (protocols.md section 3), and `mpy-ts`'s subcommands. `npm test` builds first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const MICROPYTHON = join(app, 'bin', 'micropython.cjs');
const MPY_TS = join(app, 'bin', 'mpy-ts.cjs');

if (!existsSync(join(app, 'dist', 'bundle.json'))) {
  throw new Error('apps/terminal is not built: run `npm run build` (npm test does) before these tests');
}

function run(bin: string, args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(bin, args, {
    input: opts.input ?? '',
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Starts the command with stdin not a terminal (`/dev/null`, or a pipe given `input`), sends SIGINT once
 * stdout has a line `ready`, and collects what it did.
 */
function interruptAfterReady(args: string[], input?: string): Promise<{ status: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(MICROPYTHON, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let sent = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit after SIGINT: ${JSON.stringify(out)} ${JSON.stringify(err)}`));
    }, 20_000);
    const { stdout, stderr } = child;
    if (stdout === null || stderr === null) throw new Error('no pipes');
    stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (!sent && out.includes('ready\n')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (status, signal) => {
      clearTimeout(guard);
      resolve({ status, signal, out, err });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mpy-terminal-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('micropython', () => {
  it('runs -c, with output on stdout and status 0', () => {
    expect(run(MICROPYTHON, ['-c', 'import sys\nprint(sys.implementation.name, sys.argv)', 'x'])).toEqual({
      status: 0,
      out: "micropython ['-c', 'x']\n",
      err: '',
    });
  });

  it('reports an uncaught exception on stderr with status 1', () => {
    const r = run(MICROPYTHON, ['-c', '1/0']);
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Traceback \(most recent call last\):\n {2}File "<stdin>", line 1, in <module>\nZeroDivisionError: .+\n$/);
  });

  it('exits with SystemExit codes (n & 255)', () => {
    expect(run(MICROPYTHON, ['-c', 'import sys; sys.exit(258)']).status).toBe(2);
    expect(run(MICROPYTHON, ['-c', 'raise SystemExit(7)']).status).toBe(7);
  });

  it('says what a missing file is and exits 2', () => {
    expect(run(MICROPYTHON, ['missing.py'], { cwd: scratch() })).toEqual({
      status: 2,
      out: '',
      err: "micropython: can't open file 'missing.py': [Errno 2] No such file or directory\n",
    });
  });

  it('rejects invalid arguments with exit 1, answers -h and --version with 0', () => {
    expect(run(MICROPYTHON, ['-Q'])).toEqual({ status: 1, out: '', err: 'Invalid command line arguments. Use -h option for help.\n' });
    const help = run(MICROPYTHON, ['-h']);
    expect(help.status).toBe(0);
    expect(help.out.split('\n')[0]).toBe('usage: micropython [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]');
    const version = run(MICROPYTHON, ['--version']);
    expect(version.status).toBe(0);
    expect(version.out).toMatch(/^MicroPython v1\.9\.4 on .*; linux \[mpy-ts .*\] version\n$/);
  });

  it('reads the program from stdin when stdin is not a terminal', () => {
    expect(run(MICROPYTHON, [], { input: 'for i in range(3):\n    print(i)\n' })).toEqual({ status: 0, out: '0\n1\n2\n', err: '' });
  });

  it('runs a file with its directory first on sys.path, and MICROPYPATH after it', () => {
    const dir = scratch({ 'app/main.py': 'import sys, lib1\nprint(sys.path[0].endswith("app"), sys.path[1:], lib1.N)\n', 'libs/lib1.py': 'N = 3\n' });
    const r = run(MICROPYTHON, ['app/main.py'], { cwd: dir, env: { MICROPYPATH: join(dir, 'libs') } });
    expect(r).toEqual({ status: 0, out: `True ['${join(dir, 'libs')}'] 3\n`, err: '' });
  });

  it('uses the host filesystem for open()', () => {
    const dir = scratch({ 'in.txt': 'hello\n' });
    const r = run(MICROPYTHON, ['-c', 'd = open("in.txt").read()\nwith open("out.txt", "w") as f:\n    f.write(d.upper())'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('HELLO\n');
  });

  it('recurses as deep as the recursion limit allows (the launcher asks for a bigger stack)', () => {
    const r = run(MICROPYTHON, ['-c', 'def f(n):\n    return n if n == 0 else 1 + f(n - 1)\nprint(f(900))']);
    expect(r).toEqual({ status: 0, out: '900\n', err: '' });
  });
});

describe('micropython with stdin not a terminal: SIGINT is KeyboardInterrupt (the VM on the main thread)', () => {
  // the SIGINT watcher thread starts before a sleep of 20 ms or more, or once code has run 50 ms
  // (@mpy-ts/cli's SigintWatch), so each program sleeps or loops a little before it says ready
  const CATCH = "import time\ntry:\n    time.sleep(0.05)\n    print('ready')\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n";

  it('in a script, caught by the script: exit 0', async () => {
    const dir = scratch({ 'loop.py': CATCH });
    expect(await interruptAfterReady([join(dir, 'loop.py')])).toEqual({ status: 0, signal: null, out: 'ready\ncaught\n', err: '' });
  });

  it('uncaught: the traceback on stderr and exit 1, as an uncaught exception', async () => {
    const dir = scratch({ 'loop.py': "import time\ntime.sleep(0.05)\nprint('ready')\nwhile True:\n    pass\n" });
    const r = await interruptAfterReady([join(dir, 'loop.py')]);
    expect({ ...r, err: r.err.replace(/line \d+/, 'line N') }).toEqual({
      status: 1,
      signal: null,
      out: 'ready\n',
      err: `Traceback (most recent call last):\n  File "${join(dir, 'loop.py')}", line N, in <module>\nKeyboardInterrupt: \n`,
    });
  });

  it('in a program read from a pipe, in -c, in time.sleep, and after a busy loop', async () => {
    expect(await interruptAfterReady([], CATCH)).toEqual({ status: 0, signal: null, out: 'ready\ncaught\n', err: '' });
    expect(await interruptAfterReady(['-c', CATCH])).toEqual({ status: 0, signal: null, out: 'ready\ncaught\n', err: '' });
    const sleep = "import time\ntry:\n    time.sleep(0.05)\n    print('ready')\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('woke')\n";
    expect(await interruptAfterReady(['-c', sleep])).toEqual({ status: 0, signal: null, out: 'ready\nwoke\n', err: '' });
    const busy = "import time\nt = time.ticks_ms()\nwhile time.ticks_diff(time.ticks_ms(), t) < 300:\n    pass\nfor i in range(70000):\n    pass\ntry:\n    print('ready')\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n";
    expect(await interruptAfterReady(['-c', busy])).toEqual({ status: 0, signal: null, out: 'ready\ncaught\n', err: '' });
  });

  it('a second SIGINT while the program runs is a second KeyboardInterrupt', async () => {
    const twice = "import time\ntime.sleep(0.05)\nn = 0\nwhile n < 2:\n    try:\n        print('ready')\n        while True:\n            pass\n    except KeyboardInterrupt:\n        n += 1\n        print('caught', n)\n";
    const r = await new Promise<{ status: number | null; out: string }>((resolve) => {
      const child = spawn(MICROPYTHON, ['-c', twice], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let sent = 0;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const readies = out.split('ready\n').length - 1;
        while (sent < readies) {
          sent++;
          child.kill('SIGINT');
        }
      });
      child.on('close', (status) => resolve({ status, out }));
    });
    expect(r).toEqual({ status: 0, out: 'ready\ncaught 1\nready\ncaught 2\n' });
  });
});

describe('mpy-ts', () => {
  it('has --help for itself and each command', () => {
    for (const args of [['--help'], ['help'], ['run', '--help'], ['repl', '--help'], ['compile', '--help'], ['help', 'compile']]) {
      const r = run(MPY_TS, args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toMatch(/^usage: mpy-ts/);
    }
    const test = run(MPY_TS, ['test', '--help']);
    expect(test.status).toBe(0);
    expect(test.out).toMatch(/^usage: mpy-test/);
  });

  it('runs a file given directly or with run', () => {
    const dir = scratch({ 'p.py': 'import sys\nprint(sys.argv)\n' });
    expect(run(MPY_TS, ['p.py', 'a'], { cwd: dir }).out).toBe("['p.py', 'a']\n");
    expect(run(MPY_TS, ['run', 'p.py', 'b'], { cwd: dir }).out).toBe("['p.py', 'b']\n");
  });

  it('compiles to a file the VM runs and imports without the source', () => {
    const source = 'import helper\nprint([helper.sq(i) for i in range(5)], __name__)\n';
    const dir = scratch({ 'prog.py': source, 'helper.py': 'def sq(x):\n    return x * x\n' });
    expect(run(MPY_TS, ['compile', 'prog.py', '-o', 'prog.mpyc'], { cwd: dir })).toEqual({ status: 0, out: '', err: '' });
    expect(run(MPY_TS, ['compile', 'helper.py'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'prog.mpyc')).subarray(0, 4).toString('latin1')).toBe('MPYT');
    const fromSource = run(MICROPYTHON, ['prog.py'], { cwd: dir });
    rmSync(join(dir, 'prog.py'));
    rmSync(join(dir, 'helper.py'));
    const compiled = run(MPY_TS, ['run', 'prog.mpyc'], { cwd: dir });
    expect(compiled).toEqual({ status: 0, out: '[0, 1, 4, 9, 16] __main__\n', err: '' });
    expect(compiled).toEqual(fromSource);
  });

  it('reports errors in one line', () => {
    const dir = scratch({ 'bad.py': 'x = (\n' });
    const cases: [string[], RegExp][] = [
      [['compile', 'bad.py'], /^mpy-ts compile: bad\.py, line \d+: SyntaxError: .+\n$/],
      [['compile', 'none.py'], /^mpy-ts compile: can't open file 'none\.py': No such file or directory\n$/],
      [['compile'], /^mpy-ts compile: no file given .*\n$/],
      [['run'], /^mpy-ts run: no file given .*\n$/],
      [['board'], /^mpy-ts board: not available yet .*\n$/],
      [['--frobnicate'], /^mpy-ts: unknown option '--frobnicate' .*\n$/],
      [['none.py'], /^mpy-ts: can't open file 'none\.py': \[Errno 2\] No such file or directory\n$/],
    ];
    for (const [args, pattern] of cases) {
      const r = run(MPY_TS, args, { cwd: dir });
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(pattern);
    }
  });
});
