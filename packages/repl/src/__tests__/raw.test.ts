// Transcript tests of the raw REPL and raw-paste mode. Expected bytes come from
// ../shared/reference/protocols.md §2.2-2.3 (device side) and a host written from its description of
// pyboard.py's `enter_raw_repl` / `raw_paste_write` / `follow`.
import { describe, expect, it } from 'vitest';
import { session } from './fake.js';

const BANNER =
  'MicroPython v1.9.4-8-ga9a3caad0 on 2018-05-11; ESP module with ESP8266\r\nType "help()" for more information.\r\n';

function raw(options = {}) {
  const s = session(options);
  s.repl.start();
  s.type('\x01');
  return s;
}

describe('raw REPL', () => {
  it('is entered with Ctrl-A and prompts with ">"', () => {
    const s = session();
    s.repl.start();
    s.take();
    expect(s.type('\x01')).toBe('\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('does not echo; Ctrl-D runs the command: OK, stdout, \\x04, stderr, \\x04, >', () => {
    const s = raw();
    expect(s.type('print(1)\nprint(2)')).toBe('');
    expect(s.type('\x04')).toBe('OK1\r\n2\r\n\x04\x04>');
    expect(s.evaluator.ran).toEqual([{ source: 'print(1)\nprint(2)', mode: 'exec' }]);
  });

  it('puts the traceback between the two \\x04', () => {
    const s = raw();
    expect(s.type('raise ValueError\x04')).toBe(
      'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nValueError: \r\n\x04>',
    );
  });

  it('does not print expression values (file input)', () => {
    const s = raw();
    expect(s.type('1+1\x04')).toBe('OK\x04\x04>');
  });

  it('Ctrl-C clears the command being received', () => {
    const s = raw();
    expect(s.type('junk\x03print(5)\x04')).toBe('OK5\r\n\x04\x04>');
    expect(s.evaluator.ran.map((r) => r.source)).toEqual(['print(5)']);
  });

  it('Ctrl-A resets the raw REPL', () => {
    const s = raw();
    expect(s.type('junk\x01')).toBe('raw REPL; CTRL-B to exit\r\n>');
    expect(s.type('\x04')).toContain('OK\r\n');
  });

  it('Ctrl-B returns to the friendly REPL and its banner', () => {
    const s = raw();
    expect(s.type('junk\x02')).toBe('\r\n' + BANNER + '>>> ');
    expect(s.repl.mode).toBe('friendly');
    expect(s.evaluator.ran).toEqual([]);
  });

  it('an empty command soft-resets the board and stays in the raw REPL', () => {
    const s = raw();
    expect(s.type('\x04')).toBe('OK\r\nPYB: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
    expect(s.softResets).toEqual([{ rawMode: true }]);
    expect(s.repl.mode).toBe('raw');
  });

  it('SystemExit ends with both \\x04 and then soft-resets', () => {
    const s = raw();
    expect(s.type('raise SystemExit\x04')).toBe('OK\x04\x04PYB: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('SystemExit with a message prints it as error output', () => {
    const s = raw({ profile: 'unix' });
    s.take();
    expect(s.type("raise SystemExit('bye')\x04")).toBe('OK\x04bye\n\x04');
    expect(s.exits).toEqual([1]);
  });

  it('passes any 8-bit value through, decoded as UTF-8', () => {
    const s = raw();
    s.type([0x78, 0x3d, 0x27, 0xe2, 0x82, 0xac, 0x27, 0x0d, 0x0a, 0x04]);
    expect(s.evaluator.ran[0].source).toBe("x='€'\n");
  });

  it('can start in raw mode (the mode survives a soft reset)', () => {
    const s = session({ rawMode: true });
    s.repl.start();
    expect(s.take()).toBe('raw REPL; CTRL-B to exit\r\n>');
  });
});

describe('raw-paste mode', () => {
  it('answers \\x05A\\x01 with R\\x01, the window (u16 LE) and a first \\x01', () => {
    const s = raw();
    s.take();
    expect(s.type('\x05A\x01')).toBe('R\x01\x80\x00\x01');
    expect(s.repl.mode).toBe('raw-paste');
  });

  it('sends \\x01 each time a window of data has been consumed', () => {
    const s = raw();
    s.type('\x05A\x01');
    expect(s.type('#'.repeat(127))).toBe('');
    expect(s.type('#')).toBe('\x01');
    expect(s.type('#'.repeat(128))).toBe('\x01');
    expect(s.type('#'.repeat(44))).toBe('');
  });

  it('acknowledges the end with \\x04, then runs: stdout \\x04 stderr \\x04 >', () => {
    const s = raw();
    s.type('\x05A\x01');
    expect(s.type('print(7)\x04')).toBe('\x047\r\n\x04\x04>');
    expect(s.repl.mode).toBe('raw');
    expect(s.evaluator.ran).toEqual([{ source: 'print(7)', mode: 'exec' }]);
  });

  it('reports a compile error between the \\x04 markers', () => {
    const s = raw();
    s.type('\x05A\x01');
    expect(s.type('def f(:\x04')).toBe(
      '\x04\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1\r\nSyntaxError: invalid syntax\r\n\x04>',
    );
  });

  it('Ctrl-C aborts the transfer with a KeyboardInterrupt', () => {
    const s = raw();
    s.type('\x05A\x01print(1)');
    expect(s.type('\x03')).toBe('\x04\x04KeyboardInterrupt: \r\n\x04>');
    expect(s.evaluator.ran).toEqual([]);
  });

  it('a window size follows rawPasteBufferSize', () => {
    const s = raw({ rawPasteBufferSize: 1024 });
    s.take();
    expect(s.type('\x05A\x01')).toBe('R\x01\x00\x02\x01');
  });

  it('answers an unknown command with R\\x00', () => {
    const s = raw();
    s.take();
    expect(s.type('\x05B\x01')).toBe('R\x00>');
    expect(s.repl.mode).toBe('raw');
  });

  it('without raw-paste (v1.9.4) the request just resets the raw REPL', () => {
    const s = raw({ rawPaste: false });
    s.take();
    expect(s.type('\x05A\x01')).toBe('raw REPL; CTRL-B to exit\r\n>');
    expect(s.repl.mode).toBe('raw');
  });
});

/**
 * A host that follows pyboard.py as protocols.md §2.3 describes it, talking to the REPL through
 * byte queues: enter the raw REPL (with a soft reset), run code with raw-paste and flow control,
 * collect stdout and stderr, leave.
 */
class Host {
  private inbox: number[] = [];
  readonly s = session();
  constructor() {
    this.s.repl.start();
    this.drain();
  }
  private drain(): void {
    for (const ch of this.s.take()) this.inbox.push(ch.charCodeAt(0));
  }
  write(text: string): void {
    for (const ch of this.s.type(text)) this.inbox.push(ch.charCodeAt(0));
  }
  readUntil(ending: string): string {
    let got = '';
    while (!got.endsWith(ending)) {
      const b = this.inbox.shift();
      if (b === undefined) throw new Error(`device went quiet waiting for ${JSON.stringify(ending)}; got ${JSON.stringify(got)}`);
      got += String.fromCharCode(b);
    }
    return got;
  }
  read(n: number): string {
    return this.readUntilCount(n);
  }
  private readUntilCount(n: number): string {
    let got = '';
    while (got.length < n) {
      const b = this.inbox.shift();
      if (b === undefined) throw new Error('device went quiet');
      got += String.fromCharCode(b);
    }
    return got;
  }
  waiting(): number {
    return this.inbox.length;
  }
  enterRawRepl(softReset: boolean): void {
    this.write('\r\x03');
    this.inbox = [];
    this.write('\r\x01');
    this.readUntil('raw REPL; CTRL-B to exit\r\n>');
    if (softReset) {
      this.write('\x04');
      this.readUntil('soft reboot\r\n');
      this.readUntil('raw REPL; CTRL-B to exit\r\n');
    }
  }
  exec(command: string): { out: string; err: string; windowsGranted: number } {
    this.readUntil('>');
    this.write('\x05A\x01');
    expect(this.read(2)).toBe('R\x01');
    const header = this.read(2);
    const windowSize = header.charCodeAt(0) | (header.charCodeAt(1) << 8);
    let remain = 0;
    let granted = 0;
    let i = 0;
    while (i < command.length) {
      while (remain === 0 || this.waiting() > 0) {
        const b = this.read(1);
        if (b === '\x01') {
          remain += windowSize;
          granted++;
        } else {
          throw new Error(`unexpected byte ${b.charCodeAt(0)} during raw paste`);
        }
      }
      const chunk = command.slice(i, i + remain);
      this.write(chunk);
      remain -= chunk.length;
      i += chunk.length;
    }
    this.write('\x04');
    this.readUntil('\x04');
    const out = this.readUntil('\x04').slice(0, -1);
    const err = this.readUntil('\x04').slice(0, -1);
    return { out, err, windowsGranted: granted };
  }
  exitRawRepl(): void {
    this.write('\r\x02');
  }
}

describe('a pyboard.py-style host', () => {
  it('enters the raw REPL with a soft reset, runs a long script with flow control, and leaves', () => {
    const host = new Host();
    host.enterRawRepl(true);
    expect(host.s.softResets).toEqual([{ rawMode: true }]);
    const script = Array.from({ length: 40 }, (_, k) => `print(${k})`).join('\n');
    const { out, err, windowsGranted } = host.exec(script);
    expect(out).toBe(Array.from({ length: 40 }, (_, k) => `${k}\r\n`).join(''));
    expect(err).toBe('');
    // 390 bytes with 128-byte windows: the first window plus the \x01 after the header, then more
    expect(windowsGranted).toBeGreaterThanOrEqual(Math.ceil(script.length / 128));
    expect(host.s.evaluator.ran.at(-1)).toEqual({ source: script, mode: 'exec' });
    const second = host.exec('raise ValueError');
    expect(second.out).toBe('');
    expect(second.err).toContain('ValueError');
    host.exitRawRepl();
    expect(host.s.repl.mode).toBe('friendly');
  });
});
