// The unix profile: Emacs keys and word motions (MicroPython's unix port enables them), the exit
// behaviour, and typeahead discarded around execution as a tty does. Expected echoes come from
// ../shared/conformance/cmdline/repl_emacs_keys.py.exp; the edited lines from repl_words_move.py.
import { describe, expect, it } from 'vitest';
import { session } from './fake.js';

function unix(options = {}) {
  const s = session({ profile: 'unix', ...options });
  s.repl.start();
  s.take();
  return s;
}

function ranAfter(s: ReturnType<typeof unix>, keys: string): string {
  s.type(keys + '\r');
  return s.evaluator.ran.at(-1)?.source ?? '';
}

describe('Emacs keys', () => {
  it('Ctrl-P / Ctrl-N walk the history (repl_emacs_keys)', () => {
    const s = unix();
    s.type('1\r2\r3\r');
    expect(s.type('\x10\x10\x10')).toBe('3\b2\b1');
    expect(s.type('\r')).toBe('\r\n1\n>>> ');
    expect(s.type('\x10\x10\x10\x0e')).toBe('1\b3\b2\b3');
  });

  it('Ctrl-B moves left (repl_emacs_keys: t = 1^B2)', () => {
    const s = unix();
    expect(s.type('t = 1\x022')).toBe('t = 1\b21\b');
  });

  it('Ctrl-B/F/K/A/D/E edit a line (repl_emacs_keys)', () => {
    const s = unix();
    expect(ranAfter(s, "'boofar\x02\x02\x02\x0b\x01\x06\x04f\x05bar'")).toBe("'foobar'");
  });

  it('Ctrl-U kills to the start of the line', () => {
    const s = unix();
    s.type('abc def\x02\x02\x02');
    expect(s.type('\x15')).toBe('\b\b\b\b\x1b[Kdef\b\b\b');
  });

  it('Ctrl-D deletes under the cursor when the line is not empty', () => {
    const s = unix();
    expect(ranAfter(s, 'ab\x02\x04')).toBe('a');
    expect(s.exits).toEqual([]);
  });
});

describe('word motions (repl_words_move)', () => {
  it.each([
    ['backward-word, start in word', '234\x1bb1', '1234'],
    ["backward-word, don't start in word", '234    \x1bb1', '1234    '],
    ['backward-word on start of line', '1 2 + 3\x01\x1bb\x06+', '1+ 2 + 3'],
    ['forward-word, start in word', '1+2 12\x02\x02+\x1bf+3', '1+2 +12+3'],
    ["forward-word, don't start in word", '1+    12 3\x01\x06\x06\x1bf+', '1+    12+ 3'],
    ['forward-word on eol', '1 + 2 3\x1bf\x02+', '1 + 2 +3'],
    ['backward-kill-word, start in word', '100 + 45623\x02\x02\x1b\x7f', '100 + 23'],
    ["backward-kill-word, don't start in word", '100 + 45623\x1b\x7f1', '100 + 1'],
    ['forward-kill-word, start in word', '100 + 256\x02\x02\x1bd3', '100 + 23'],
    ["forward-kill-word, don't start in word", '1 + 256\x02\x02\x02\x02\x1bd2', '1 +2'],
    ['ctrl-left', '234\x1b[1;5D1', '1234'],
    ['ctrl-right', '12\x02\x02\x1b[1;5C3', '123'],
    ['ctrl-w', '123\x171', '1'],
  ])('%s', (_name, keys, line) => {
    const s = unix();
    expect(ranAfter(s, keys)).toBe(line);
  });

  it('word motions are off on a board: ESC b is swallowed, Ctrl-W ignored', () => {
    const s = session();
    s.repl.start();
    s.type('234\x1bb1\x17\r');
    expect(s.evaluator.ran[0].source).toBe('2341');
  });
});

describe('unix REPL behaviour', () => {
  it('uses \\n for program-style output such as completion lists', () => {
    const s = unix();
    s.evaluator.globals = { aa: {}, ab: {} };
    expect(s.type('a\t')).toBe('a\n' + 'aa'.padEnd(16) + 'ab\n>>> a');
  });

  it('keeps 50 history entries', () => {
    const s = unix();
    for (let i = 0; i < 60; i++) s.type(`${i}\r`);
    expect(s.repl.history.length).toBe(50);
  });

  it('discards typeahead around execution when asked to (tty TCSAFLUSH)', () => {
    const s = unix({ flushInputOnExecute: true });
    expect(s.type('1+1\r2+2\r')).toBe('1+1\r\n2\n>>> ');
    expect(s.evaluator.ran.map((r) => r.source)).toEqual(['1+1']);
    expect(s.flushes).toBe(2);
    // paste mode: the newline typed after Ctrl-D is lost, so exactly one prompt follows
    expect(s.type('\x05\r1\r\x04\r')).toBe(
      '\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== \r\n=== 1\r\n=== \r\n1\n>>> ',
    );
  });

  it('keeps typeahead by default (a board UART)', () => {
    const s = unix();
    s.type('1+1\r2+2\r');
    expect(s.evaluator.ran.map((r) => r.source)).toEqual(['1+1', '2+2']);
  });
});
