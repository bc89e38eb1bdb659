// The REPL engine: friendly mode (with paste mode) and the raw REPL (with raw-paste), event-driven.
// Corresponds to MicroPython's shared/runtime/pyexec.c (`pyexec_friendly_repl`, `pyexec_raw_repl`,
// `do_reader_stdin`, `parse_compile_execute`; lib/utils/pyexec.c in v1.9.4). MicroPython's ESP8266 and
// unix ports read stdin in a loop; here the embedder pushes bytes in as they arrive, so the same state
// machine serves a terminal, a browser and a simulated board's UART.

import { CHAR_CR, CHAR_CTRL_A, CHAR_CTRL_B, CHAR_CTRL_C, CHAR_CTRL_D, CHAR_CTRL_E } from './chars.js';
import { autocomplete, formatCompletionList } from './completion.js';
import type { Completion } from './completion.js';
import { continueWithInput } from './continuation.js';
import type { ExecMode, ExecResult, ReplEvaluator } from './evaluator.js';
import { READLINE_CONTINUE, Readline } from './readline.js';
import type { ReadlineFeatures } from './readline.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** Set in a status when the REPL wants to stop: Ctrl-D on an empty line, SystemExit, or an empty raw command. */
export const FORCED_EXIT = 0x100;
/** Status of code that ended with an uncaught exception. */
export const UNHANDLED_EXCEPTION = 1;
/** Status of code that ended with KeyboardInterrupt (128 + SIGINT, as MicroPython's pyexec). */
export const KEYBOARD_INTERRUPT = 130;

export const RAW_REPL_HEADER = 'raw REPL; CTRL-B to exit\r\n';
export const PASTE_MODE_HEADER = 'paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ';

/** The friendly banner: `<name and version>; <machine>` then the help hint, as pyexec prints it. */
export function makeBanner(nameAndVersion: string, machine: string): string {
  return `${nameAndVersion}; ${machine}\r\nType "help()" for more information.\r\n`;
}

/** The ESP8266 v1.9.4 firmware's banner. */
export const ESP8266_BANNER = makeBanner('MicroPython v1.9.4-8-ga9a3caad0 on 2018-05-11', 'ESP module with ESP8266');

/**
 * Defaults that differ between MicroPython ports:
 * - `board` (ESP8266): no Emacs keys, 8 history entries, output newlines are `\r\n`, Ctrl-D/SystemExit
 *   soft-reset the board and the REPL comes back.
 * - `unix` (the `micropython` command): Emacs keys and word motions, 50 history entries, output
 *   newlines are `\n` (the terminal adds the `\r`), Ctrl-D/SystemExit end the REPL.
 */
export type ReplProfile = 'board' | 'unix';

export type ReplMode = 'friendly' | 'paste' | 'raw' | 'raw-paste' | 'exited';

export interface ReplOptions {
  readonly evaluator: ReplEvaluator;
  /** Receives every byte the REPL prints, in order. Program output must go to the same place. */
  readonly write: (bytes: Uint8Array) => void;
  readonly profile?: ReplProfile;
  /** Friendly-mode banner, newlines included (see `makeBanner`). */
  readonly banner?: string;
  readonly ps1?: string;
  readonly ps2?: string;
  /** Newline used for text the REPL prints like a program would (completion lists). */
  readonly newline?: string;
  readonly features?: Partial<ReadlineFeatures>;
  /** Start in the raw REPL (MicroPython keeps the mode across a soft reset). */
  readonly rawMode?: boolean;
  /** Answer raw-paste requests (`\x05A\x01`; MicroPython v1.14+). Off = v1.9.4, which has none. */
  readonly rawPaste?: boolean;
  /** `MICROPY_REPL_STDIN_BUFFER_MAX`: the raw-paste flow-control window is half of it. */
  readonly rawPasteBufferSize?: number;
  /**
   * What FORCED_EXIT does: `soft-reset` prints `softRebootMessage`, calls `softReset` and shows the
   * banner (or the raw prompt) again; `exit` stops the REPL and calls `onExit`.
   */
  readonly onForcedExit?: 'soft-reset' | 'exit';
  /** `PYB: soft reboot\r\n` as v1.9.4 prints; v1.11+ prints `MPY: soft reboot\r\n`. */
  readonly softRebootMessage?: string;
  /** Resets the interpreter (and runs boot.py, and main.py unless `rawMode`), for `soft-reset`. */
  readonly softReset?: (info: { readonly rawMode: boolean }) => void;
  /** Called once when the REPL stops (`exit`), with the process exit status (0..255). */
  readonly onExit?: (status: number) => void;
  /**
   * MicroPython's `mp_hal_set_interrupt_char`: 3 while code runs (so the embedder turns an incoming
   * Ctrl-C into KeyboardInterrupt instead of input), -1 otherwise.
   */
  readonly setInterruptChar?: (c: number) => void;
  /**
   * Discard input typed ahead while code ran, as a unix terminal does when MicroPython switches it
   * between raw and cooked mode (`tcsetattr(TCSAFLUSH)`). `feed` then drops the rest of its chunk
   * and `flushInput` is called so the embedder can drop what it has queued.
   */
  readonly flushInputOnExecute?: boolean;
  readonly flushInput?: () => void;
}

const PROFILE_FEATURES: Record<ReplProfile, ReadlineFeatures> = {
  board: { historySize: 8, emacsKeys: false, wordsMove: false, extraWordsMove: false, autoIndent: true },
  unix: { historySize: 50, emacsKeys: true, wordsMove: true, extraWordsMove: true, autoIndent: true },
};

export class Repl {
  private readonly evaluator: ReplEvaluator;
  private readonly output: (bytes: Uint8Array) => void;
  private readonly readline: Readline;
  private readonly banner: string;
  private readonly ps1: string;
  private readonly ps2: string;
  private readonly newline: string;
  private readonly rawPaste: boolean;
  private readonly rawPasteWindow: number;
  private readonly forcedExit: 'soft-reset' | 'exit';
  private readonly softRebootMessage: string;
  private readonly options: ReplOptions;

  private currentMode: ReplMode;
  private contLine = false;
  /** Bytes of paste mode, the raw REPL and raw-paste (they are not line-edited). */
  private buffer: number[] = [];
  private rawPasteRemain = 0;
  private flushRequested = false;
  private exitStatus: number | undefined;

  constructor(options: ReplOptions) {
    const profile = options.profile ?? 'board';
    this.options = options;
    this.evaluator = options.evaluator;
    this.output = options.write;
    this.banner = options.banner ?? ESP8266_BANNER;
    this.ps1 = options.ps1 ?? '>>> ';
    this.ps2 = options.ps2 ?? '... ';
    this.newline = options.newline ?? (profile === 'unix' ? '\n' : '\r\n');
    this.rawPaste = options.rawPaste ?? true;
    this.rawPasteWindow = Math.max(1, Math.floor((options.rawPasteBufferSize ?? 256) / 2));
    this.forcedExit = options.onForcedExit ?? (profile === 'unix' ? 'exit' : 'soft-reset');
    this.softRebootMessage = options.softRebootMessage ?? 'PYB: soft reboot\r\n';
    this.currentMode = options.rawMode ? 'raw' : 'friendly';
    const evaluator = this.evaluator;
    this.readline = new Readline(
      {
        write: (text) => this.print(text),
        complete: evaluator.names ? (text) => this.complete(text) : undefined,
        showCompletions: (words) => this.print(formatCompletionList(words, this.newline)),
      },
      { ...PROFILE_FEATURES[profile], ...options.features },
    );
  }

  /** The current mode; `exited` once the REPL has stopped. */
  get mode(): ReplMode {
    return this.currentMode;
  }

  /** The status passed to `onExit`, once the REPL has stopped. */
  get status(): number | undefined {
    return this.exitStatus;
  }

  /** The line-editor history, most recent first. */
  get history(): readonly string[] {
    return this.readline.history;
  }

  /** Prints the banner and the first prompt (or the raw REPL header). */
  start(): void {
    if (this.currentMode === 'raw') {
      this.print(RAW_REPL_HEADER + '>');
    } else {
      this.currentMode = 'friendly';
      this.print(this.banner);
      this.inputRestart();
    }
  }

  /**
   * Feeds bytes (a string is taken as UTF-8). Stops early when the REPL exits, and after running code
   * when `flushInputOnExecute` is set. Returns the status of the last byte processed.
   */
  feed(data: Uint8Array | readonly number[] | string): number {
    const bytes = typeof data === 'string' ? encodeUtf8(data) : data;
    let status = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (this.currentMode === 'exited') break;
      status = this.processChar(bytes[i]);
      if (this.flushRequested) {
        this.flushRequested = false;
        break;
      }
    }
    return status;
  }

  /**
   * Feeds one byte (0..255). Returns 0, or a status with FORCED_EXIT set when the byte ended the REPL
   * session (the low 8 bits are the exit code) — after `softReset` has run in `soft-reset` mode.
   */
  processChar(c: number): number {
    let status: number;
    switch (this.currentMode) {
      case 'friendly':
        status = this.friendlyChar(c);
        break;
      case 'paste':
        status = this.pasteChar(c);
        break;
      case 'raw':
        status = this.rawChar(c);
        break;
      case 'raw-paste':
        status = this.rawPasteChar(c);
        break;
      case 'exited':
        return this.exitStatus ?? FORCED_EXIT;
    }
    if (status & FORCED_EXIT) return this.handleForcedExit(status);
    return status;
  }

  /**
   * Runs code the way the REPL does (interrupt character armed, traceback printed), for embedders
   * running boot.py and main.py. Returns 0, UNHANDLED_EXCEPTION, KEYBOARD_INTERRUPT or
   * FORCED_EXIT | code for SystemExit.
   */
  runSource(source: string, mode: ExecMode = 'exec', filename?: string): number {
    return this.execute(encodeUtf8(source), mode, false, filename);
  }

  // ---- friendly mode -------------------------------------------------------------------------------

  private friendlyChar(c: number): number {
    const ret = this.readline.processChar(c);
    if (ret === READLINE_CONTINUE) return 0;

    if (!this.contLine) {
      switch (ret) {
        case CHAR_CTRL_A:
          this.print('\r\n');
          this.enterRaw();
          return 0;
        case CHAR_CTRL_B:
          this.print('\r\n' + this.banner);
          this.inputRestart();
          return 0;
        case CHAR_CTRL_C:
          this.print('\r\n');
          this.inputRestart();
          return 0;
        case CHAR_CTRL_D:
          this.print('\r\n');
          return FORCED_EXIT;
        case CHAR_CTRL_E:
          this.print('\r\n' + PASTE_MODE_HEADER);
          this.buffer = [];
          this.currentMode = 'paste';
          return 0;
        default:
          break;
      }
      const line = this.readline.line;
      if (line.length === 0) {
        this.inputRestart();
        return 0;
      }
      if (continueWithInput(line)) {
        this.contLine = true;
        this.readline.init(line + '\n', this.ps2);
        return 0;
      }
    } else {
      if (ret === CHAR_CTRL_C) {
        this.print('\r\n');
        this.inputRestart();
        return 0;
      }
      // Ctrl-D on an empty continuation line runs what has been entered
      if (ret !== CHAR_CTRL_D && continueWithInput(this.readline.line)) {
        this.readline.init(this.readline.line + '\n', this.ps2);
        return 0;
      }
    }

    const status = this.execute(encodeUtf8(this.readline.line), 'single', false);
    if (status & FORCED_EXIT) return status;
    this.inputRestart();
    return 0;
  }

  private pasteChar(c: number): number {
    if (c === CHAR_CTRL_C) {
      this.print('\r\n');
      this.inputRestart();
      return 0;
    }
    if (c === CHAR_CTRL_D) {
      this.print('\r\n');
      const status = this.execute(this.takeBuffer(), 'exec-repl', false);
      if (status & FORCED_EXIT) return status;
      this.inputRestart();
      return 0;
    }
    // every byte is kept and echoed as is; Enter starts a new `=== ` line
    this.buffer.push(c);
    if (c === CHAR_CR) this.print('\r\n=== ');
    else this.output(Uint8Array.of(c));
    return 0;
  }

  private inputRestart(): void {
    this.evaluator.resetHeapLock?.();
    this.contLine = false;
    this.currentMode = 'friendly';
    this.buffer = [];
    this.readline.init('', this.ps1);
  }

  private complete(text: string): Completion {
    const evaluator = this.evaluator;
    return autocomplete(text, {
      names: (path) => evaluator.names?.(path) ?? null,
      moduleNames: () => evaluator.moduleNames?.() ?? [],
    });
  }

  // ---- raw REPL ----------------------------------------------------------------------------------

  private enterRaw(): void {
    this.currentMode = 'raw';
    this.buffer = [];
    this.print(RAW_REPL_HEADER + '>');
  }

  private rawChar(c: number): number {
    if (c === CHAR_CTRL_A) {
      const buf = this.buffer;
      if (this.rawPaste && buf.length === 2 && buf[0] === CHAR_CTRL_E) {
        this.buffer = [];
        this.startRawPaste(buf[1]);
        return 0;
      }
      // reset the raw REPL
      this.enterRaw();
      return 0;
    }
    if (c === CHAR_CTRL_B) {
      this.print('\r\n' + this.banner);
      this.inputRestart();
      return 0;
    }
    if (c === CHAR_CTRL_C) {
      this.buffer = [];
      return 0;
    }
    if (c !== CHAR_CTRL_D) {
      this.buffer.push(c);
      return 0;
    }
    // Ctrl-D: end of the command
    this.print('OK');
    if (this.buffer.length === 0) {
      // an empty command asks for a soft reset
      this.print('\r\n');
      return FORCED_EXIT;
    }
    const status = this.execute(this.takeBuffer(), 'exec', true);
    if (status & FORCED_EXIT) return status;
    this.print('>');
    return 0;
  }

  private startRawPaste(command: number): void {
    if (command !== 0x41 /* A */) {
      // unknown raw-paste command
      this.print('R\x00>');
      return;
    }
    const w = this.rawPasteWindow;
    // the window size also tells the host that a first window is free; the \x01 frees a second one
    this.print('R\x01');
    this.output(Uint8Array.of(w & 0xff, (w >> 8) & 0xff, 0x01));
    this.currentMode = 'raw-paste';
    this.rawPasteRemain = w;
    this.buffer = [];
  }

  private rawPasteChar(c: number): number {
    if (c === CHAR_CTRL_C || c === CHAR_CTRL_D) {
      // end of data (or abort): acknowledge, then compile and run what arrived
      this.print('\x04');
      this.currentMode = 'raw';
      let status: number;
      if (c === CHAR_CTRL_C) {
        this.buffer = [];
        this.print('\x04');
        if (this.evaluator.printKeyboardInterrupt) this.evaluator.printKeyboardInterrupt();
        else this.print('KeyboardInterrupt: ' + this.newline);
        this.print('\x04');
        status = KEYBOARD_INTERRUPT;
      } else {
        status = this.execute(this.takeBuffer(), 'exec', true);
      }
      if (status & FORCED_EXIT) return status;
      this.print('>');
      return 0;
    }
    this.buffer.push(c);
    if (--this.rawPasteRemain === 0) {
      // the host may send another window
      this.output(Uint8Array.of(0x01));
      this.rawPasteRemain = this.rawPasteWindow;
    }
    return 0;
  }

  // ---- running code ------------------------------------------------------------------------------

  private takeBuffer(): Uint8Array {
    const bytes = Uint8Array.from(this.buffer);
    this.buffer = [];
    return bytes;
  }

  /**
   * MicroPython's parse_compile_execute. With `printEof` (raw REPL) normal output is followed by
   * `\x04`, then any traceback, then another `\x04`.
   */
  private execute(source: Uint8Array, mode: ExecMode, printEof: boolean, filename?: string): number {
    const text = normaliseNewlines(decodeUtf8(source));
    const opts = this.options;
    if (opts.flushInputOnExecute) opts.flushInput?.();
    opts.setInterruptChar?.(CHAR_CTRL_C);
    let result: ExecResult;
    try {
      result = this.evaluator.execute(text, filename === undefined ? { mode } : { mode, filename });
    } finally {
      opts.setInterruptChar?.(-1);
    }
    if (printEof) this.print('\x04');
    let status: number;
    switch (result.kind) {
      case 'ok':
        status = 0;
        break;
      case 'exit':
        if (result.message !== undefined) this.print(result.message + this.newline);
        status = FORCED_EXIT | (result.code & 0xff);
        break;
      case 'exception':
        this.evaluator.printException(result.exception);
        status = result.keyboardInterrupt ? KEYBOARD_INTERRUPT : UNHANDLED_EXCEPTION;
        break;
    }
    if (printEof) this.print('\x04');
    if (opts.flushInputOnExecute) {
      opts.flushInput?.();
      this.flushRequested = true;
    }
    return status;
  }

  private handleForcedExit(status: number): number {
    if (this.forcedExit === 'exit') {
      this.currentMode = 'exited';
      this.exitStatus = status;
      this.options.onExit?.(status & 0xff);
      return status;
    }
    // soft reset: the mode (friendly or raw) survives it
    const rawMode = this.currentMode === 'raw' || this.currentMode === 'raw-paste';
    this.contLine = false;
    this.buffer = [];
    this.print(this.softRebootMessage);
    this.options.softReset?.({ rawMode });
    if (rawMode) {
      this.enterRaw();
    } else {
      this.currentMode = 'friendly';
      this.print(this.banner);
      this.inputRestart();
    }
    return status;
  }

  private print(text: string): void {
    if (text.length > 0) this.output(encodeUtf8(text));
  }
}

/** MicroPython's lexer reads `\r\n` and a lone `\r` as a newline; so does the REPL before compiling. */
function normaliseNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}
