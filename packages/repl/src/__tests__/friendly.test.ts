// Transcript tests of the friendly REPL: bytes typed in, exact bytes expected out. The expected bytes
// come from ../shared/reference/protocols.md §2.1 and the spec's REPL chapters (3.2, 5.2): prompts,
// control keys, VT100 redraw (`\b` x n for n <= 4 else `ESC[nD`, erase `ESC[K`), history, completion
// layout, auto-indent and paste mode.
import { describe, expect, it } from 'vitest';
import { ESP8266_BANNER } from '../repl.js';
import { session } from './fake.js';

const BANNER =
  'MicroPython v1.9.4-8-ga9a3caad0 on 2018-05-11; ESP module with ESP8266\r\nType "help()" for more information.\r\n';

function started(options = {}) {
  const s = session(options);
  s.repl.start();
  s.take();
  return s;
}

describe('banner and prompts', () => {
  it('prints the ESP8266 v1.9.4 banner and the primary prompt', () => {
    expect(ESP8266_BANNER).toBe(BANNER);
    const s = session();
    s.repl.start();
    expect(s.take()).toBe(BANNER + '>>> ');
  });

  it('echoes input, runs it on Enter and prompts again', () => {
    const s = started();
    expect(s.type('1+2\r')).toBe('1+2\r\n3\r\n>>> ');
    expect(s.evaluator.ran).toEqual([{ source: '1+2', mode: 'single' }]);
  });

  it('treats Enter on an empty line as nothing to run', () => {
    const s = started();
    expect(s.type('\r')).toBe('\r\n>>> ');
    expect(s.evaluator.ran).toEqual([]);
  });

  it('prints an uncaught exception as a traceback and carries on', () => {
    const s = started();
    expect(s.type('raise ValueError\r')).toBe(
      'raise ValueError\r\nTraceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nValueError: \r\n>>> ',
    );
  });

  it('unlocks the heap before every new statement', () => {
    const s = started();
    const before = s.evaluator.heapLockResets;
    s.type('1\r');
    expect(s.evaluator.heapLockResets).toBe(before + 1);
  });
});

describe('control characters on an empty line', () => {
  it('Ctrl-A enters the raw REPL', () => {
    const s = started();
    expect(s.type('\x01')).toBe('\r\nraw REPL; CTRL-B to exit\r\n>');
    expect(s.repl.mode).toBe('raw');
  });

  it('Ctrl-B prints the banner again', () => {
    const s = started();
    expect(s.type('\x02')).toBe('\r\n' + BANNER + '>>> ');
  });

  it('Ctrl-C gives a new prompt', () => {
    const s = started();
    expect(s.type('\x03')).toBe('\r\n>>> ');
  });

  it('Ctrl-D soft-resets a board: soft reboot line, reset hook, banner', () => {
    const s = started();
    expect(s.type('\x04')).toBe('\r\nPYB: soft reboot\r\n' + BANNER + '>>> ');
    expect(s.softResets).toEqual([{ rawMode: false }]);
    expect(s.repl.mode).toBe('friendly');
  });

  it('the soft reboot prefix is configurable (MPY: since v1.11)', () => {
    const s = started({ softRebootMessage: 'MPY: soft reboot\r\n' });
    expect(s.type('\x04')).toBe('\r\nMPY: soft reboot\r\n' + BANNER + '>>> ');
  });

  it('Ctrl-D ends a unix-style REPL with status 0', () => {
    const s = started({ profile: 'unix' });
    expect(s.type('\x04')).toBe('\r\n');
    expect(s.exits).toEqual([0]);
    expect(s.repl.mode).toBe('exited');
    expect(s.type('1\r')).toBe('');
  });

  it('Ctrl-E enters paste mode', () => {
    const s = started();
    expect(s.type('\x05')).toBe('\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ');
    expect(s.repl.mode).toBe('paste');
  });
});

describe('control characters with text on the line', () => {
  it('Ctrl-A moves to the start of the line and Ctrl-E to the end', () => {
    const s = started();
    s.type('abc');
    expect(s.type('\x01')).toBe('\b\b\b');
    expect(s.type('\x05')).toBe('abc');
  });

  it('Ctrl-C cancels the line without running it', () => {
    const s = started();
    expect(s.type('print(1)\x03')).toBe('print(1)\r\n>>> ');
    expect(s.evaluator.ran).toEqual([]);
  });

  it('Ctrl-B and Ctrl-D do nothing on a board (no Emacs keys)', () => {
    const s = started();
    expect(s.type('ab\x02\x04')).toBe('ab');
    expect(s.type('\r')).toBe('\r\n>>> ');
    expect(s.evaluator.ran[0].source).toBe('ab');
  });
});

describe('VT100 line editing', () => {
  it('left arrow moves back and typing inserts at the cursor', () => {
    const s = started();
    // "ab", left, "X": the insertion redraws the rest of the line and steps back over it
    expect(s.type('ab\x1b[DX')).toBe('ab\bXb\b');
    s.type('\r');
    expect(s.evaluator.ran[0].source).toBe('aXb');
  });

  it('right arrow moves forward by re-drawing the character passed over', () => {
    const s = started();
    s.type('abc\x1b[D\x1b[D');
    expect(s.type('\x1b[C')).toBe('b');
    expect(s.type('\x1b[C\x1b[C')).toBe('c');
  });

  it('left arrow stops at the start of the line', () => {
    const s = started();
    expect(s.type('a\x1b[D\x1b[D')).toBe('a\b');
  });

  it.each([
    ['ESC [ H', '\x1b[H'],
    ['ESC [ 1 ~', '\x1b[1~'],
    ['ESC [ 7 ~', '\x1b[7~'],
    ['ESC O H', '\x1bOH'],
  ])('Home as %s', (_name, key) => {
    const s = started();
    s.type('abcdef');
    // more than 4 columns back is ESC [ n D
    expect(s.type(key)).toBe('\x1b[6D');
    expect(s.type('X')).toBe('Xabcdef\x1b[6D');
    s.type('\r');
    expect(s.evaluator.ran[0].source).toBe('Xabcdef');
  });

  it.each([
    ['ESC [ F', '\x1b[F'],
    ['ESC [ 4 ~', '\x1b[4~'],
    ['ESC [ 8 ~', '\x1b[8~'],
    ['ESC O F', '\x1bOF'],
  ])('End as %s', (_name, key) => {
    const s = started();
    s.type('abc\x1b[H');
    expect(s.type(key)).toBe('abc');
    expect(s.type('Z')).toBe('Z');
  });

  it('Delete (ESC [ 3 ~) removes the character under the cursor', () => {
    const s = started();
    s.type('abc\x1b[H');
    expect(s.type('\x1b[3~')).toBe('\x1b[Kbc\b\b');
    expect(s.type('\x1b[F\x1b[3~')).toBe('bc');
    s.type('\r');
    expect(s.evaluator.ran[0].source).toBe('bc');
  });

  it.each([
    ['BS (8)', '\x08'],
    ['DEL (127)', '\x7f'],
  ])('Backspace as %s', (_name, key) => {
    const s = started();
    s.type('abc');
    expect(s.type(key)).toBe('\b\x1b[K');
    s.type('\x1b[D');
    expect(s.type(key)).toBe('\b\x1b[Kb\b');
    s.type('\r');
    expect(s.evaluator.ran[0].source).toBe('b');
  });

  it('Backspace at the start of the line does nothing', () => {
    const s = started();
    expect(s.type('\x7f')).toBe('');
  });

  it('drops non-ASCII and other control input', () => {
    const s = started();
    expect(s.type([0xc3, 0xa9, 0x07, 0x0a])).toBe('');
    expect(s.type('x\r')).toBe('x\r\n>>> ');
    expect(s.evaluator.ran[0].source).toBe('x');
  });

  it('ignores unknown escape sequences', () => {
    const s = started();
    expect(s.type('a\x1b[Z\x1b[5~\x1bxb')).toBe('ab');
  });
});

describe('history', () => {
  it('up and down walk through earlier lines', () => {
    const s = started();
    s.type('1\r2\r');
    expect(s.type('\x1b[A')).toBe('2');
    expect(s.type('\x1b[A')).toBe('\b1');
    expect(s.type('\x1b[A')).toBe('');
    expect(s.type('\x1b[B')).toBe('\b2');
    expect(s.type('\x1b[B')).toBe('\b\x1b[K');
    expect(s.type('\x1b[B')).toBe('');
  });

  it('replacing a longer line erases the rest of it', () => {
    const s = started();
    s.type('12345\r1\r');
    s.type('\x1b[A\x1b[A');
    // the line is "12345" with the cursor at its end: back 5 (ESC[5D), erase, draw the new line
    expect(s.type('\x1b[B')).toBe('\x1b[5D\x1b[K1');
  });

  it('keeps 8 entries on the ESP8266', () => {
    const s = started();
    for (let i = 0; i < 10; i++) s.type(`${i}\r`);
    expect(s.repl.history).toEqual(['9', '8', '7', '6', '5', '4', '3', '2']);
    let shown = '';
    for (let i = 0; i < 10; i++) shown = s.type('\x1b[A') || shown;
    expect(shown).toBe('\b2');
  });

  it('does not store empty lines or a repeat of the last line', () => {
    const s = started();
    s.type('a\r\ra\rb\ra\r');
    expect(s.repl.history).toEqual(['a', 'b', 'a']);
  });

  it('an edited history line runs as edited', () => {
    const s = started();
    s.type('print(1)\r');
    s.type('\x1b[A\x7f\x7f2)\r');
    expect(s.evaluator.ran.map((r) => r.source)).toEqual(['print(1)', 'print(2)']);
  });
});

describe('tab completion', () => {
  function withNames() {
    const s = started();
    s.evaluator.globals = {
      machine: { Pin: {}, PWM: {}, freq: {}, reset: {}, unique_id: {}, __name__: {} },
      obj: { public_attr: {}, public_method: {}, public_property: {}, _private: {}, __class__: {} },
      mylist: {},
    };
    s.evaluator.modules = ['machine', 'math', 'micropython', 'network'];
    return s;
  }

  it('completes a unique global', () => {
    const s = withNames();
    expect(s.type('mac\t')).toBe('machi' + 'ne');
  });

  it('inserts the common prefix of several matches', () => {
    const s = withNames();
    // "_private" and "__class__" are hidden when nothing has been typed after the dot
    expect(s.type('obj.\t')).toBe('obj.public_');
  });

  it('lists several matches in 16-column slots, then redraws the prompt and line', () => {
    const s = withNames();
    s.type('obj.public_');
    expect(s.type('\t')).toBe(
      '\r\npublic_attr     public_method   public_property\r\n>>> obj.public_',
    );
    expect(s.type('a\t')).toBe('a' + 'ttr');
  });

  it('wraps the list at 64 columns', () => {
    const s = withNames();
    expect(s.type('machine.\t')).toBe(
      'machine.' +
        '\r\n' + 'PWM'.padEnd(16) + 'Pin'.padEnd(16) + 'freq'.padEnd(16) + 'reset' +
        '\r\nunique_id\r\n' +
        '>>> machine.',
    );
  });

  it('shows _names once an underscore has been typed', () => {
    const s = withNames();
    // sorted by code unit: '__class__' < '_private'
    expect(s.type('obj._\t')).toBe('obj._' + '\r\n' + '__class__'.padEnd(16) + '_private' + '\r\n>>> obj._');
  });

  it('redraws text after the cursor when listing', () => {
    const s = withNames();
    s.type('obj.pub)\x1b[D');
    expect(s.type('\t')).toBe('lic_' + ')\b');
    expect(s.type('\t')).toBe('\r\npublic_attr     public_method   public_property\r\n>>> obj.public_)\b');
  });

  it('completes nothing for an unknown object', () => {
    const s = withNames();
    expect(s.type('nothing.\t')).toBe('nothing.');
  });

  it('completes the first word towards "import "', () => {
    const s = withNames();
    expect(s.type('impo\t')).toBe('impo' + 'rt ');
  });

  it('completes module names after "import "', () => {
    const s = withNames();
    s.type('import ne');
    expect(s.type('\t')).toBe('twork');
    s.type('\x03');
    s.take();
    expect(s.type('import m\t')).toBe(
      'import m\r\n' + 'machine'.padEnd(16) + 'math'.padEnd(16) + 'micropython\r\n>>> import m',
    );
  });

  it('Tab after whitespace inserts four spaces', () => {
    const s = withNames();
    expect(s.type('x = \t')).toBe('x = ' + '    ');
  });
});

describe('continuation and auto-indent', () => {
  it('reproduces the spec 5.2.1 walk-through byte for byte', () => {
    const s = started();
    expect(s.type('for i in range(30):\r')).toBe('for i in range(30):\r\n... ' + '    ');
    expect(s.type('if i > 3:\r')).toBe('if i > 3:\r\n... ' + '        ');
    expect(s.type('break\r')).toBe('break\r\n... ' + '        ');
    // BACKSPACE undoes one level of indentation
    expect(s.type('\x7f')).toBe('\b\b\b\b\x1b[K');
    expect(s.type('print(i)\r')).toBe('print(i)\r\n... ' + '    ');
    expect(s.type('\x7f')).toBe('\b\b\b\b\x1b[K');
    expect(s.type('\r')).toBe('\r\n>>> ');
    expect(s.evaluator.ran).toEqual([
      { source: 'for i in range(30):\n    if i > 3:\n        break\n    print(i)\n', mode: 'single' },
    ]);
  });

  it('finishes a block after three Enters', () => {
    const s = started();
    expect(s.type('if 1:\r')).toBe('if 1:\r\n...     ');
    expect(s.type('x\r')).toBe('x\r\n...     ');
    expect(s.type('\r')).toBe('\r\n...     ');
    expect(s.type('\r')).toBe('\r\n... ');
    expect(s.evaluator.ran).toEqual([]);
    expect(s.type('\r')).toBe('\r\n>>> ');
    expect(s.evaluator.ran[0].source).toBe('if 1:\n    x\n    \n    \n');
  });

  it('continues open brackets, triple quotes and backslashes without indenting', () => {
    const s = started();
    expect(s.type('print(\r')).toBe('print(\r\n... ');
    expect(s.type('1 + 2)\r')).toBe('1 + 2)\r\n3\r\n>>> ');
    expect(s.type("'''a\r")).toBe("'''a\r\n... ");
    expect(s.type("b'''\r")).toBe("b'''\r\n>>> ");
    expect(s.type('1 \\\r')).toBe('1 \\\r\n... ');
    expect(s.type('+ 2\r')).toBe('+ 2\r\n3\r\n>>> ');
  });

  it('a space right after an auto-indent takes it back (pasted code keeps its own indent)', () => {
    const s = started();
    expect(s.type('if 0:\r')).toBe('if 0:\r\n...     ');
    // the space removes 3 of the 4 indent spaces (cursor moves back 3) and turns auto-indent off
    expect(s.type(' ')).toBe('\b\b\b');
    expect(s.type('    print(2)\r')).toBe('    print(2)\r\n... ');
    expect(s.type('else:\r')).toBe('else:\r\n... ');
    expect(s.type('  print(3)\r\r')).toBe('  print(3)\r\n... \r\n>>> ');
    expect(s.evaluator.ran[0].source).toBe('if 0:\n     print(2)\nelse:\n  print(3)\n');
  });

  it('Ctrl-C in a continuation line cancels the whole statement', () => {
    const s = started();
    s.type('if 1:\r');
    expect(s.type('x\x03')).toBe('x\r\n>>> ');
    expect(s.evaluator.ran).toEqual([]);
  });

  it('Ctrl-D on an empty continuation line runs what was entered', () => {
    const s = started();
    s.type('if 1:\rx\r');
    s.type('\x7f');
    expect(s.type('\x04')).toBe('>>> ');
    expect(s.evaluator.ran[0].source).toBe('if 1:\n    x\n');
  });

  it('editing cannot reach into earlier lines', () => {
    const s = started();
    s.type('if 1:\r');
    s.type('\x7f');
    expect(s.type('\x7f\x1b[D\x1b[H')).toBe('');
  });
});

describe('paste mode', () => {
  it('reproduces the spec 5.2.4 example', () => {
    const s = started();
    let out = s.type('\x05');
    out += s.type("def foo():\r    print('This is a test to show paste mode')\r    print('Here is a second line')\rfoo()\r");
    out += s.type('\x04');
    expect(out).toBe(
      '\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n' +
        '=== def foo():\r\n' +
        "===     print('This is a test to show paste mode')\r\n" +
        "===     print('Here is a second line')\r\n" +
        '=== foo()\r\n' +
        '=== \r\n' +
        '>>> ',
    );
    expect(s.evaluator.ran).toEqual([
      {
        source:
          "def foo():\n    print('This is a test to show paste mode')\n    print('Here is a second line')\nfoo()\n",
        mode: 'exec-repl',
      },
    ]);
  });

  it('keeps blank lines, tabs and every byte, echoing them as typed', () => {
    const s = started();
    s.type('\x05');
    expect(s.type('a\r\r\tb\x7f\x1b[A\r')).toBe('a\r\n=== \r\n=== \tb\x7f\x1b[A\r\n=== ');
    s.type('\x04');
    expect(s.evaluator.ran[0].source).toBe('a\n\n\tb\x7f\x1b[A\n');
  });

  it('passes UTF-8 through', () => {
    const s = started();
    s.type('\x05');
    expect(s.type([0x78, 0x3d, 0x27, 0xc3, 0xa9, 0x27])).toBe("x='\xc3\xa9'");
    s.type('\x04');
    expect(s.evaluator.ran[0].source).toBe("x='é'");
  });

  it('Ctrl-C cancels paste mode without running anything', () => {
    const s = started();
    s.type('\x05print(1)\r');
    expect(s.type('\x03')).toBe('\r\n>>> ');
    expect(s.evaluator.ran).toEqual([]);
    expect(s.repl.mode).toBe('friendly');
  });

  it('prints expression values and tracebacks like the friendly REPL', () => {
    const s = started();
    s.type('\x05');
    s.type('1+1\rdef bad(:\r');
    expect(s.type('\x04')).toBe(
      '\r\nTraceback (most recent call last):\r\n  File "<stdin>", line 1\r\nSyntaxError: invalid syntax\r\n>>> ',
    );
  });
});

describe('running code', () => {
  it('arms the interrupt character only while code runs', () => {
    const s = started();
    s.type('1\r');
    expect(s.interruptChars).toEqual([3, -1]);
  });

  it('Ctrl-C interrupts `while True` with KeyboardInterrupt and the REPL carries on', () => {
    // the embedder turns an incoming Ctrl-C into an interrupt while the interrupt char is armed
    let armed = -1;
    const incoming = [0x03];
    const s2 = session({ setInterruptChar: (c: number) => (armed = c) });
    s2.repl.start();
    s2.take();
    s2.evaluator.onBusy = () => {
      const c = incoming.shift();
      if (c === undefined) return;
      if (c === armed) s2.evaluator.interrupted = true;
      else s2.repl.processChar(c);
    };
    expect(s2.type('while True:\r')).toBe('while True:\r\n...     ');
    expect(s2.type('pass\r')).toBe('pass\r\n...     ');
    expect(s2.type('\r')).toBe('\r\n...     ');
    expect(s2.type('\r')).toBe('\r\n... ');
    expect(s2.type('\r')).toBe(
      '\r\nTraceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\nKeyboardInterrupt: \r\n>>> ',
    );
    expect(armed).toBe(-1);
    expect(s2.repl.mode).toBe('friendly');
  });

  it('SystemExit soft-resets a board', () => {
    const s = started();
    expect(s.type('raise SystemExit\r')).toBe('raise SystemExit\r\nPYB: soft reboot\r\n' + BANNER + '>>> ');
    expect(s.softResets).toEqual([{ rawMode: false }]);
  });

  it('SystemExit ends a unix REPL with its code', () => {
    const s = started({ profile: 'unix' });
    s.type('raise SystemExit(3)\r');
    expect(s.exits).toEqual([3]);
    expect(s.repl.status).toBe(0x103);
  });

  it('runSource runs boot code with the interrupt char armed and reports the status', () => {
    const s = started();
    expect(s.repl.runSource('raise OSError', 'exec', 'boot.py')).toBe(1);
    expect(s.take()).toBe('Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nOSError: \r\n');
    expect(s.interruptChars).toEqual([3, -1]);
  });
});
