// The engine wired to the real VM: transcripts typed into a Repl whose evaluator is createVmEvaluator
// over @mpy-ts/core-vm. Program output and the REPL's own bytes go to one sink, as on a terminal.
// Expected tracebacks are MicroPython's format (protocols.md 2.1, cmdline/repl_paste.py.exp).
import { Worker } from 'node:worker_threads';
import { MemoryHost, createVM } from '@mpy-ts/core-vm';
import { describe, expect, it } from 'vitest';
import { Repl } from '../repl.js';
import type { ReplProfile } from '../repl.js';
import { DEFAULT_HELP_TEXT, createVmEvaluator, formatModuleList, installHelp } from './index.js';

function session(profile: ReplProfile = 'board', completeBuiltins = true) {
  let pending = '';
  const sink = (bytes: Uint8Array) => {
    pending += Buffer.from(bytes).toString('latin1');
  };
  const interrupt = new Int32Array(new SharedArrayBuffer(8));
  const host = new MemoryHost({ stdout: sink, stderr: sink, interrupt });
  const vm = createVM({ host });
  const evaluator = createVmEvaluator(vm, { completeBuiltins });
  const exits: number[] = [];
  const repl = new Repl({ evaluator, write: sink, profile, onExit: (s) => exits.push(s), banner: '' });
  repl.start();
  pending = '';
  return {
    repl,
    vm,
    interrupt,
    exits,
    type(text: string): string {
      repl.feed(Buffer.from(text, 'latin1'));
      const out = pending;
      pending = '';
      return out;
    },
  };
}

describe('the engine over the real VM', () => {
  it('prints expression values and keeps the last one in _', () => {
    const s = session();
    expect(s.type('6 * 7\r')).toBe('6 * 7\r\n42\n>>> ');
    expect(s.type('_ + 1\r')).toBe('_ + 1\r\n43\n>>> ');
    expect(s.type('None\r')).toBe('None\r\n>>> ');
    expect(s.type('_\r')).toBe('_\r\n43\n>>> ');
  });

  it('prints tracebacks in MicroPython format and carries on', () => {
    const s = session();
    // a block ends with Enter three times after its last line (the auto-indent rule)
    s.type('def f(x):\rreturn 1 // x\r\r\r\r');
    // the message is the VM's to choose (MicroPython: "divide by zero")
    s.vm.runPython('try:\n    1 // 0\nexcept ZeroDivisionError as e:\n    m = str(e)\n');
    const text = s.vm.globals.get('m') as string;
    expect(s.type('f(0)\r')).toBe(
      'f(0)\r\nTraceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n  File "<stdin>", line 2, in f\n' +
        `ZeroDivisionError: ${text}\n>>> `,
    );
    expect(s.type('f(1)\r')).toBe('f(1)\r\n1\n>>> ');
  });

  it('reports a syntax error without a block name', () => {
    const s = session();
    expect(s.type('1 +\r')).toBe('1 +\r\nTraceback (most recent call last):\n  File "<stdin>", line 1\nSyntaxError: invalid syntax\n>>> ');
  });

  it('runs a comment line as nothing', () => {
    const s = session();
    expect(s.type('# just a comment\r')).toBe('# just a comment\r\n>>> ');
  });

  it('paste mode runs file input and still prints expression values', () => {
    const s = session();
    s.type('\x05');
    const out = s.type('x = 5\rx * 2\rdef g():\r    return 3\rg()\r\x04');
    expect(out).toBe('x = 5\r\n=== x * 2\r\n=== def g():\r\n===     return 3\r\n=== g()\r\n=== \r\n10\n3\n>>> ');
  });

  it('the raw REPL frames output and traceback with \\x04', () => {
    const s = session();
    expect(s.type('\x01')).toBe('\r\nraw REPL; CTRL-B to exit\r\n>');
    expect(s.type('print("hi")\x04')).toBe('OKhi\n\x04\x04>');
    expect(s.type('raise ValueError("no")\x04')).toBe(
      'OK\x04Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nValueError: no\n\x04>',
    );
  });

  it('completes real globals and attributes', () => {
    const s = session();
    s.type('my_value = 12\r');
    expect(s.type('my_v\t')).toBe('my_value');
    expect(s.type('\r')).toBe('\r\n12\n>>> ');
    s.type('class K:\ralpha = 1\ralps = 2\r\r\r\r');
    expect(s.type('K.al\t')).toBe('K.alp');
    // several matches with nothing more in common: the list, then the prompt and the line again
    expect(s.type('\t')).toBe('\r\nalpha           alps\r\n>>> K.alp');
  });

  it('completes builtins by default, and only __main__ globals without them (as MicroPython)', () => {
    expect(session().type('isinst\t')).toBe('isinstance');
    expect(session('board', false).type('isinst\t')).toBe('isinst');
  });

  it('completes module names after import', () => {
    expect(session().type('import micropy\t')).toBe('import micropython');
  });

  it('SystemExit ends a unix REPL with its status', () => {
    const s = session('unix');
    s.type('import sys\r');
    s.type('sys.exit(3)\r');
    expect(s.exits).toEqual([3]);
    expect(s.repl.mode).toBe('exited');
  });

  it('Ctrl-C from another thread interrupts while True', async () => {
    const s = session();
    s.type('while True:\rpass\r\r\r');
    // a second thread plays the terminal: it raises the interrupt flag as a Ctrl-C would
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const word = new Int32Array(workerData);
       setTimeout(() => { Atomics.or(word, 0, 1); Atomics.notify(word, 0); }, 200);`,
      { eval: true, workerData: s.interrupt.buffer },
    );
    const out = s.type('\r');
    await worker.terminate();
    // (the line is where the loop noticed the flag: the compiler's choice of line for the backward jump)
    expect(out).toMatch(/^\r\nTraceback \(most recent call last\):\n {2}File "<stdin>", line [12], in <module>\nKeyboardInterrupt: \n>>> $/);
    expect(s.type('1\r')).toBe('1\r\n1\n>>> ');
  });
});

describe('help', () => {
  it('help() prints the help text, help(obj) the object and the names its type or module defines', () => {
    const s = session();
    installHelp(s.vm);
    expect(s.type('help()\r')).toBe('help()\r\n' + DEFAULT_HELP_TEXT + '>>> ');
    s.type('class Point:\rdef norm(self):\rreturn 0\r\r\r\r');
    const out = s.type('help(Point)\r');
    expect(out).toMatch(/^help\(Point\)\r\nobject <class 'Point'> is of type type\n/);
    expect(out).toMatch(/\n {2}norm -- <function (Point\.)?norm at 0x[0-9a-f]+>\n/);
    const mod = s.type('help(micropython)\r');
    expect(mod).toMatch(/NameError/);
    s.type('import micropython\r');
    expect(s.type('help(micropython)\r')).toMatch(/^help\(micropython\)\r\nobject <module 'micropython'> is of type module\n( {2}\w+ -- .*\n)+>>> $/);
  });

  it("help('modules') lists the built-in modules in four columns of 18", () => {
    expect(formatModuleList(['sys', 'gc', 'builtins', 'micropython', 'ujson'])).toBe(
      'builtins          micropython       ujson\n' + 'gc                sys\n' + 'Plus any modules on the filesystem\n',
    );
    const s = session();
    installHelp(s.vm);
    expect(s.type("help('modules')\r")).toMatch(/^help\('modules'\)\r\n(.*\n)*.*micropython.*\n(.*\n)*Plus any modules on the filesystem\n>>> $/);
  });
});
