// What a session needs from its terminal. Two implementations:
// - the inline console: the VM runs on the calling thread and reads stdin synchronously (stdin is a
//   pipe or a file: test runners, build scripts; the fastest start-up);
// - the terminal console: the VM runs in a worker, the main thread owns the tty in raw mode and passes
//   the bytes through shared memory (./shared-input.ts), Ctrl-C raises KeyboardInterrupt while code runs,
//   and a program reading stdin gets a line editor as MicroPython's input() does on a raw terminal.
import { isatty } from 'node:tty';
import type { Host } from '@mpy-ts/core-vm';
import { NodeHost } from '@mpy-ts/core-vm/node';
import type { NodeHostOptions } from '@mpy-ts/core-vm/node';
import { CHAR_CTRL_C, CHAR_CTRL_D, READLINE_CONTINUE, READLINE_ENTER, Readline } from '@mpy-ts/repl';
import { InputReader } from './shared-input.js';
import type { SharedInputBuffers } from './shared-input.js';
import type { SigintWatch } from './sigint.js';

export interface Console {
  /** The VM's host: program stdio, files, clock, the interrupt word. */
  readonly host: Host;
  /** stdin is an interactive terminal. */
  readonly stdinIsTTY: boolean;
  /** REPL input: waits for bytes; null at the end of input. */
  readRaw(max: number): Uint8Array | null;
  /** MicroPython's mp_hal_set_interrupt_char: 3 while code runs, -1 otherwise. */
  setInterruptChar(c: number): void;
  /** Drops input typed ahead (a tty switching modes with TCSAFLUSH). */
  flushInput(): void;
}

export interface InlineConsoleOptions {
  /** Where stdin bytes come from (default: file descriptor 0). */
  readonly stdin?: (max: number) => Uint8Array | null;
  /** Output sinks (default: file descriptors 1 and 2). */
  readonly stdout?: (bytes: Uint8Array) => void;
  readonly stderr?: (bytes: Uint8Array) => void;
  /** The working directory the VM sees (default: the process's). */
  readonly cwd?: string;
  /** Whether stdin counts as a terminal (default: isatty(0)). */
  readonly stdinIsTTY?: boolean;
  /** SIGINT delivery (./sigint.ts): its interrupt word becomes the VM's; told when code runs and sleeps. */
  readonly sigint?: SigintWatch;
}

/**
 * The VM on this thread, stdio on file descriptors 0, 1 and 2. The REPL and the program share one stdin
 * buffer, and the program's reads stop at the end of a line, so code started from piped REPL input
 * reads exactly the lines that follow it (MicroPython reads its REPL input a byte at a time).
 */
export function createInlineConsole(options: InlineConsoleOptions = {}): Console {
  const sigint = options.sigint;
  const fd0 = new NodeHost({ interrupt: sigint?.interrupt });
  const source = options.stdin ?? ((max: number) => fd0.readStdin(max));
  let buffered: Uint8Array = new Uint8Array(0);
  const fill = (): boolean | null => {
    if (buffered.length > 0) return true;
    const d = source(4096);
    if (d === null) return null;
    if (d.length === 0) return false;
    buffered = d;
    return true;
  };
  const take = (n: number): Uint8Array => {
    const out = buffered.slice(0, n);
    buffered = buffered.subarray(out.length);
    return out;
  };
  const readRaw = (max: number): Uint8Array | null => {
    const f = fill();
    return f === null ? null : f ? take(max) : new Uint8Array(0);
  };
  const readLine = (max: number): Uint8Array | null => {
    const f = fill();
    if (f !== true) return f === null ? null : new Uint8Array(0);
    const nl = buffered.indexOf(0x0a);
    return take(nl < 0 ? max : Math.min(max, nl + 1));
  };
  const hostOptions = { interrupt: fd0.interrupt, stdin: readLine, stdout: options.stdout, stderr: options.stderr, cwd: options.cwd };
  const host = sigint === undefined ? new NodeHost(hostOptions) : new WatchedHost(hostOptions, sigint);
  return {
    host,
    stdinIsTTY: options.stdinIsTTY ?? isatty(0),
    readRaw,
    setInterruptChar: sigint === undefined ? () => {} : (c) => sigint.setInterruptChar(c),
    flushInput() {},
  };
}

/** A NodeHost that starts the SIGINT watcher once code has run for a while or before it sleeps. */
class WatchedHost extends NodeHost {
  private readonly watch: SigintWatch;
  constructor(options: NodeHostOptions, watch: SigintWatch) {
    super(options);
    this.watch = watch;
  }
  override sleepMs(ms: number): void {
    this.watch.beforeSleep(ms);
    super.sleepMs(ms);
  }
  safePoint(): void {
    this.watch.safePoint();
  }
}

/** The worker's console over the input the main thread shares (stdin is a terminal in raw mode). */
export function createTerminalConsole(buffers: SharedInputBuffers): Console {
  const input = new InputReader(buffers);
  const lines = new LineEditor(input, (text) => host.writeStdout(encodeLatin1(text)));
  const host: NodeHost = new NodeHost({ interrupt: input.interruptWord, stdin: (max) => lines.read(max) });
  return {
    host,
    stdinIsTTY: true,
    readRaw: (max) => input.read(max, false),
    setInterruptChar: (c) => input.setInterruptChar(c),
    flushInput: () => input.flush(),
  };
}

/**
 * Program reads of stdin on a raw terminal: one edited line at a time (echo, arrows, history,
 * Backspace), as MicroPython's unix input() runs its readline. Enter ends the line (`\n` is added),
 * Ctrl-D on an empty line is the end of input, Ctrl-C raises KeyboardInterrupt.
 */
class LineEditor {
  private readonly input: InputReader;
  private readonly readline: Readline;
  /** A finished line not yet consumed by the program. */
  private pending: Uint8Array = new Uint8Array(0);
  /** Input bytes after the Enter that finished the last line. */
  private rest: Uint8Array = new Uint8Array(0);

  constructor(input: InputReader, write: (text: string) => void) {
    this.input = input;
    this.readline = new Readline(
      { write },
      { historySize: 50, emacsKeys: true, wordsMove: true, extraWordsMove: true, autoIndent: false },
    );
  }

  read(max: number): Uint8Array | null {
    if (this.pending.length === 0) {
      const line = this.editLine();
      if (line === null || line.length === 0) return line;
      this.pending = line;
    }
    const out = this.pending.subarray(0, max);
    this.pending = this.pending.subarray(out.length);
    return out;
  }

  /** A whole line with its `\n`; null at the end of input; empty when interrupted. */
  private editLine(): Uint8Array | null {
    this.readline.init('', '');
    for (;;) {
      let data = this.rest;
      this.rest = new Uint8Array(0);
      if (data.length === 0) {
        const got = this.input.read(256, true);
        if (got === null) return null;
        if (got.length === 0) return got;
        data = got;
      }
      for (let i = 0; i < data.length; i++) {
        const c = data[i] === 0x0a ? 0x0d : data[i];
        const ret = this.readline.processChar(c);
        if (ret === READLINE_CONTINUE) continue;
        this.rest = data.slice(i + 1);
        if (ret === READLINE_ENTER) return encodeUtf8Line(this.readline.line);
        if (ret === CHAR_CTRL_C) {
          Atomics.or(this.input.interruptWord, 0, 1);
          return new Uint8Array(0);
        }
        if (ret === CHAR_CTRL_D) return null;
        // Ctrl-A, Ctrl-B, Ctrl-E on an empty line mean nothing here
        data = this.rest;
        this.rest = new Uint8Array(0);
        i = -1;
      }
    }
  }
}

function encodeUtf8Line(line: string): Uint8Array {
  return new TextEncoder().encode(line + '\n');
}

function encodeLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
