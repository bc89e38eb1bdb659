// Types into the real `mpy-ts repl` process through a pseudo-terminal (util-linux `script` owns the
// PTY, as MicroPython's run-tests.py uses one) and reads the screen: raw-mode line editing, results,
// completion, paste mode, input(), Ctrl-C interrupting `while True`, Ctrl-D leaving with status 0.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

class Pty {
  private readonly child: ChildProcess;
  /** Everything the terminal showed, `\r` removed. */
  screen = '';
  readonly exited: Promise<number | null>;

  constructor(command: string) {
    // -e: script exits with the child's status; -f: flush output at once
    this.child = spawn('script', ['-q', '-e', '-f', '-c', command, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TERM: 'xterm' },
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.screen += d.toString('latin1').replace(/\r/g, '')));
    this.child.stderr!.on('data', (d: Buffer) => (this.screen += d.toString('latin1').replace(/\r/g, '')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  type(text: string): void {
    this.child.stdin!.write(Buffer.from(text, 'latin1'));
  }

  /** Waits until the screen (after `from`) matches. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 15000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const tail = this.screen.slice(from);
      if (pattern.test(tail)) return tail;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${this.screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types a line and waits for the next prompt; returns what appeared in between. */
  async line(text: string, prompt = />>> $/): Promise<string> {
    const from = this.screen.length;
    this.type(text + '\r');
    return this.waitFor(prompt, from);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

let current: Pty | undefined;
afterEach(() => current?.kill());

describe.skipIf(!hasScript)('mpy-ts repl in a pseudo-terminal', () => {
  it('edits, runs, completes, interrupts and exits like a MicroPython terminal', async () => {
    const pty = (current = new Pty(`${join(app, 'bin', 'mpy-ts.cjs')} repl`));
    const banner = await pty.waitFor(/>>> $/);
    expect(banner).toMatch(/^MicroPython v1\.9\.4 on .* version\nType "help\(\)" for more information\.\n>>> $/);

    expect(await pty.line('x = 6 * 7')).toBe('x = 6 * 7\n>>> ');
    expect(await pty.line('x')).toBe('x\n42\n>>> ');
    // Backspace and left-arrow editing: "x + 1" typed as "x + 9", fixed
    expect(await pty.line('x + 9\x7f1')).toMatch(/\n43\n>>> $/);
    expect(await pty.line('y = 1\x1b[D2')).toMatch(/>>> $/);
    expect(await pty.line('y')).toBe('y\n21\n>>> ');

    // Tab: a builtin, then a module after `import `
    let from = pty.screen.length;
    pty.type('isinst\t');
    await pty.waitFor(/isinstance$/, from);
    expect(await pty.line('(3, int)')).toMatch(/\nTrue\n>>> $/);
    from = pty.screen.length;
    pty.type('import micropy\t');
    await pty.waitFor(/import micropython$/, from);
    await pty.line('');

    // up-arrow recalls the previous line
    from = pty.screen.length;
    pty.type('\x1b[A');
    await pty.waitFor(/import micropython$/, from);
    pty.type('\x03');
    await pty.waitFor(/>>> $/, from);

    // a traceback
    expect(await pty.line('1 / 0')).toMatch(/^1 \/ 0\nTraceback \(most recent call last\):\n {2}File "<stdin>", line 1, in <module>\nZeroDivisionError: .*\n>>> $/);

    // paste mode
    from = pty.screen.length;
    pty.type('\x05');
    await pty.waitFor(/paste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== $/, from);
    pty.type('def f():\r    return "pasted"\rf()\r');
    await pty.waitFor(/=== f\(\)\n=== $/, from);
    from = pty.screen.length;
    pty.type('\x04');
    expect(await pty.waitFor(/>>> $/, from)).toBe("\n'pasted'\n>>> ");

    // input() gets an edited line with its own echo
    from = pty.screen.length;
    pty.type('s = input("name? ")\r');
    await pty.waitFor(/name\? $/, from);
    pty.type('Bob\r');
    await pty.waitFor(/>>> $/, from);
    expect(await pty.line('s')).toBe("s\n'Bob'\n>>> ");

    // Ctrl-C interrupts running code, and the REPL carries on
    from = pty.screen.length;
    pty.type('while True:\r');
    pty.type('pass\r\r\r\r');
    await new Promise((r) => setTimeout(r, 500));
    pty.type('\x03');
    const interrupted = await pty.waitFor(/KeyboardInterrupt: \n>>> $/, from);
    expect(interrupted).toMatch(/Traceback \(most recent call last\):\n {2}File "<stdin>", line \d, in <module>\nKeyboardInterrupt: \n>>> $/);
    expect(await pty.line('x')).toBe('x\n42\n>>> ');

    // Ctrl-D on an empty line leaves with status 0
    pty.type('\x04');
    expect(await pty.exited).toBe(0);
  }, 60000);

  it('leaves with the status of SystemExit', async () => {
    const pty = (current = new Pty(`${join(app, 'bin', 'micropython.cjs')}`));
    await pty.waitFor(/>>> $/);
    // (one line at a time: input typed ahead while code runs is dropped, as on a unix terminal)
    await pty.line('import sys');
    pty.type('sys.exit(5)\r');
    expect(await pty.exited).toBe(5);
  }, 30000);
});
