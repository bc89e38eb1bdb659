// A whole `micropython` run, in-process, with stdio captured: what the unix port does with each kind of
// program (v1.28 ports/unix/main.c; protocols.md section 3).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';
import { createInlineConsole } from './console.js';
import { runSession, sysPath } from './session.js';

interface Captured {
  status: number;
  out: string;
  err: string;
}

function micropython(args: string[], opts: { stdin?: string; tty?: boolean; env?: Record<string, string>; cwd?: string } = {}): Captured {
  const cl = parseCommandLine(args);
  if (cl.action !== 'run') throw new Error(cl.action);
  let out = '';
  let err = '';
  let input = Buffer.from(opts.stdin ?? '', 'utf8');
  // stdin as a pipe delivers it: whatever is there, in chunks
  const pipe = (max: number) => {
    if (input.length === 0) return null;
    const chunk = input.subarray(0, max);
    input = input.subarray(chunk.length);
    return new Uint8Array(chunk);
  };
  const con = createInlineConsole({
    stdin: pipe,
    stdout: (b) => (out += Buffer.from(b).toString('utf8')),
    stderr: (b) => (err += Buffer.from(b).toString('utf8')),
    cwd: opts.cwd,
    stdinIsTTY: opts.tty ?? false,
  });
  const env = opts.env ?? {};
  const status = runSession({ commandLine: cl, console: con, getenv: (n) => env[n], argv0: 'micropython', platform: 'linux' });
  return { status, out, err };
}

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mpy-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('micropython, in-process', () => {
  it('-c runs file input named <stdin>, with sys.argv = ["-c", ...]', () => {
    const r = micropython(['-c', 'import sys\nprint(sys.argv, __file__)', 'a', 'b']);
    expect(r).toEqual({ status: 0, out: "['-c', 'a', 'b'] <stdin>\n", err: '' });
  });

  it('an uncaught exception: traceback on stderr, status 1', () => {
    const r = micropython(['-c', 'print("before")\nraise ValueError("bad")']);
    expect(r.status).toBe(1);
    expect(r.out).toBe('before\n');
    expect(r.err).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nValueError: bad\n');
  });

  it('SystemExit: n & 255, None is 0, a non-int is 1', () => {
    expect(micropython(['-c', 'import sys\nsys.exit(300)']).status).toBe(300 & 255);
    expect(micropython(['-c', 'raise SystemExit']).status).toBe(0);
    expect(micropython(['-c', 'import sys\nsys.exit(None)']).status).toBe(0);
    expect(micropython(['-c', 'import sys\nsys.exit("message")']).status).toBe(1);
  });

  it('a file: sys.argv = [file, ...], sys.path[0] = its real directory, __file__ = the path given', () => {
    const dir = scratch({ 'sub/prog.py': 'import sys, helper\nprint(sys.argv, sys.path[0], __file__, helper.X)\n', 'sub/helper.py': 'X = 7\n' });
    const r = micropython(['sub/prog.py', 'x'], { cwd: dir });
    expect(r).toEqual({ status: 0, out: `['sub/prog.py', 'x'] ${join(dir, 'sub')} sub/prog.py 7\n`, err: '' });
  });

  it("a missing file: the unix port's message and status 2", () => {
    const r = micropython(['no/such/file.py']);
    expect(r).toEqual({ status: 2, out: '', err: "micropython: can't open file 'no/such/file.py': [Errno 2] No such file or directory\n" });
  });

  it('-m imports the module as __main__, a package through its __main__', () => {
    const dir = scratch({ 'tool.py': 'import sys\nprint(__name__, sys.argv)\n', 'pkg/__init__.py': 'print("init", __name__)\n', 'pkg/__main__.py': 'print("main", __name__)\n' });
    expect(micropython(['-m', 'tool', 'a'], { cwd: dir })).toEqual({ status: 0, out: "__main__ ['tool', 'a']\n", err: '' });
    expect(micropython(['-m', 'pkg'], { cwd: dir }).out).toBe('init __main__\nmain __main__\n');
  });

  it('stdin is the program when it is not a terminal', () => {
    expect(micropython([], { stdin: 'print(6 * 7)\n' })).toEqual({ status: 0, out: '42\n', err: '' });
  });

  it('-X compile-only compiles without running; a syntax error still fails', () => {
    expect(micropython(['-X', 'compile-only', '-c', 'print("no")'])).toEqual({ status: 0, out: '', err: '' });
    const bad = micropython(['-X', 'compile-only', '-c', 'def f(:\n  pass']);
    expect(bad.status).toBe(1);
    expect(bad.err).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1\nSyntaxError: invalid syntax\n');
  });

  it('-O drops assertions and makes __debug__ False', () => {
    expect(micropython(['-O', '-c', 'print(__debug__)\nassert 0']).out).toBe('False\n');
  });

  it('sys.atexit runs last, after the program', () => {
    const r = micropython(['-c', 'import sys\nsys.atexit(lambda: print("bye"))\nprint("hi")']);
    expect(r.out).toBe('hi\nbye\n');
  });

  it('-i: a REPL after the program, in the same __main__; Ctrl-D (end of input) leaves with 0', () => {
    const r = micropython(['-i', '-c', 'x = 5'], { stdin: 'x * 2\n' });
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^MicroPython v1\.9\.4 on .* version\r\nType "help\(\)" for more information\.\r\n>>> x \* 2\r\n10\n>>> \r\n$/);
  });

  it('code run from piped REPL input reads the lines after it', () => {
    const r = micropython(['-i'], { stdin: 'x = input()\nhello\nx\n' });
    expect(r.out).toContain(">>> x\r\n'hello'\n>>> ");
  });

  it('uos has the unix port\'s getenv, putenv, unsetenv and system', () => {
    const r = micropython(['-c', [
      'import os',
      'os.putenv("MPY_TS_CLI_TEST", "v1")',
      'print(os.getenv("MPY_TS_CLI_TEST"), os.getenv("MPY_TS_CLI_NONE"), os.getenv("MPY_TS_CLI_NONE", 5))',
      'os.unsetenv("MPY_TS_CLI_TEST")',
      'print(os.getenv("MPY_TS_CLI_TEST"))',
      'print(os.system("exit 3"), os.system("true"))',
    ].join('\n')]);
    expect(r).toEqual({ status: 0, out: 'v1 None 5\nNone\n768 0\n', err: '' });
  });

  it('MICROPYINSPECT (non-empty) acts like -i', () => {
    const r = micropython(['-c', 'y = 1'], { stdin: 'y\n', env: { MICROPYINSPECT: '1' } });
    expect(r.out).toContain('>>> y\r\n1\n');
    expect(micropython(['-c', 'y = 1'], { stdin: 'y\n', env: { MICROPYINSPECT: '' } }).out).toBe('');
  });

  it('SystemExit in the REPL is the exit status', () => {
    expect(micropython(['-i'], { stdin: 'raise SystemExit(4)\n' }).status).toBe(4);
  });

  it('-v prints micropython.mem_info() at exit', () => {
    expect(micropython(['-v', '-c', 'pass']).out).toMatch(/GC: total: \d+/);
    expect(micropython(['-c', 'pass']).out).toBe('');
  });
});

describe('sysPath', () => {
  it('starts with "", splits on ":", expands ~/ with HOME, drops an empty first entry', () => {
    expect(sysPath('.frozen:~/.micropython/lib:/usr/lib/micropython', '/home/u')).toEqual(['', '.frozen', '/home/u/.micropython/lib', '/usr/lib/micropython']);
    expect(sysPath(':/a:b', undefined)).toEqual(['', '/a', 'b']);
    expect(sysPath('', '/h')).toEqual(['']);
    expect(sysPath('~/x', undefined)).toEqual(['', '~/x']);
  });
});
