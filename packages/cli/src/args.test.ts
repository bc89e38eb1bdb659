// The command line as MicroPython's unix main.c (v1.28) parses it (protocols.md section 3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION, DEFAULT_HEAP_SIZE, parseCommandLine, parseHeapSize, usage, versionLine } from './args.js';

const run = (args: string[]) => {
  const cl = parseCommandLine(args);
  if (cl.action !== 'run') throw new Error(`expected a run, got ${cl.action}`);
  return cl;
};

describe('parseCommandLine', () => {
  it('-c: sys.argv is ["-c", rest...]; parsing stops there', () => {
    const cl = run(['-c', 'print(1)', '-i', 'x']);
    expect(cl.program).toEqual({ kind: 'command', source: 'print(1)' });
    expect(cl.argv).toEqual(['-c', '-i', 'x']);
    expect(cl.inspect).toBe(false);
  });

  it('-m: sys.argv is [module, rest...]', () => {
    const cl = run(['-m', 'pkg.mod', 'a']);
    expect(cl.program).toEqual({ kind: 'module', name: 'pkg.mod' });
    expect(cl.argv).toEqual(['pkg.mod', 'a']);
  });

  it('a file: sys.argv is [file, rest...], options after it belong to the script', () => {
    const cl = run(['-i', 'x.py', '-h', '--version', '-X', 'bad']);
    expect(cl.program).toEqual({ kind: 'file', path: 'x.py' });
    expect(cl.argv).toEqual(['x.py', '-h', '--version', '-X', 'bad']);
    expect(cl.inspect).toBe(true);
  });

  it('nothing: REPL or stdin, sys.argv empty', () => {
    const cl = run([]);
    expect(cl.program).toBeNull();
    expect(cl.argv).toEqual([]);
  });

  it('-h and --version win before the program, not after it', () => {
    expect(parseCommandLine(['-v', '-h'])).toEqual({ action: 'help' });
    expect(parseCommandLine(['--version', '-c', 'x'])).toEqual({ action: 'version' });
    expect(run(['-c', 'x', '-h']).argv).toEqual(['-c', '-h']);
  });

  it('-O, -OO, -O3 set the optimisation level; -v counts', () => {
    expect(run(['-O', '-c', '']).optimize).toBe(1);
    expect(run(['-OO', '-c', '']).optimize).toBe(2);
    expect(run(['-O3', '-c', '']).optimize).toBe(3);
    expect(run(['-v', '-v', '-c', '']).verbose).toBe(2);
  });

  it('-X options: compile-only, emit=bytecode, heapsize', () => {
    const cl = run(['-X', 'compile-only', '-X', 'emit=bytecode', '-X', 'heapsize=64k', 'f.py']);
    expect(cl.compileOnly).toBe(true);
    expect(cl.heapSize).toBe(65536);
    expect(run(['f.py']).heapSize).toBe(DEFAULT_HEAP_SIZE);
  });

  it('invalid: unknown options, missing operands, bad -X, emitters this build lacks', () => {
    for (const args of [['-q'], ['-'], ['-c'], ['-m'], ['-X'], ['-X', 'nonsense'], ['-X', 'heapsize=10'], ['-X', 'emit=native'], ['-X', 'emit=viper']]) {
      expect(parseCommandLine(args), args.join(' ')).toEqual({ action: 'invalid' });
    }
  });
});

describe('parseHeapSize (strtol base 0, then w, then K/M)', () => {
  it.each([
    ['1024', 1024],
    ['0x400', 1024],
    ['01750', 1000],
    ['2k', 2048],
    ['2K', 2048],
    ['1m', 1048576],
    ['1024w', 2048],
    ['1wk', 2048],
  ])('%s', (text, bytes) => {
    expect(parseHeapSize(text)).toBe(bytes);
  });

  it.each(['', 'k', '699', '1km', '12x', 'w'])('rejects %j', (text) => {
    expect(parseHeapSize(text)).toBeNull();
  });
});

describe('texts', () => {
  it('usage names the command and every option', () => {
    const text = usage('micropython');
    expect(text.split('\n')[0]).toBe('usage: micropython [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]');
    for (const opt of ['--version', '-h', '-i', '-v', '-O[N]', 'compile-only', 'emit=bytecode', 'heapsize=']) expect(text).toContain(opt);
  });

  it('the version line matches MicroPython banners (MicroPython ... version)', () => {
    expect(versionLine('linux')).toMatch(/^MicroPython v1\.9\.4 on \d{4}-\d\d-\d\d; linux \[.*\] version$/);
  });

  it('CLI_VERSION is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CLI_VERSION).toBe(pkg.version);
  });
});
