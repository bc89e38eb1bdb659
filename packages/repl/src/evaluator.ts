// What the REPL needs from the interpreter. The REPL engine knows nothing about Python objects: it hands
// source text to an evaluator, and the evaluator writes program output to the same byte stream the REPL
// writes to (the embedder wires both to one terminal).

import type { CompletionSource } from './completion.js';

/**
 * How to compile the source (MicroPython's `mp_parse_input_kind_t` plus the `is_repl` flag):
 * - `single`: one interactive statement; the value of an expression statement is printed with
 *   `repr()` and stored in `_` (unless it is `None`).
 * - `exec`: file input, as for a script or the raw REPL.
 * - `exec-repl`: file input where module-level expression statements are printed as in `single`
 *   (paste mode).
 */
export type ExecMode = 'single' | 'exec' | 'exec-repl';

export interface ExecOptions {
  readonly mode: ExecMode;
  /** File name for tracebacks and `__file__`; `<stdin>` when not given. */
  readonly filename?: string;
}

export type ExecResult =
  /** The code ran to the end. */
  | { readonly kind: 'ok' }
  /**
   * An uncaught exception other than SystemExit (SyntaxError included). Nothing has been printed
   * yet: the REPL calls `printException` when the traceback is due (in the raw REPL that is after
   * the `\x04` that ends normal output).
   */
  | { readonly kind: 'exception'; readonly exception: unknown; readonly keyboardInterrupt?: boolean }
  /**
   * SystemExit: `code` is the exit status (`None` → 0, an int → its value, anything else → 1), and
   * `message` is the text to print for a non-int, non-None value (MicroPython prints it on stderr).
   */
  | { readonly kind: 'exit'; readonly code: number; readonly message?: string };

export interface ReplEvaluator extends Partial<CompletionSource> {
  /** Compiles and runs `source`. Must not throw: every failure is an `exception` result. */
  execute(source: string, options: ExecOptions): ExecResult;
  /** Prints an exception from `execute` as MicroPython does (`Traceback (most recent call last):` …). */
  printException(exception: unknown): void;
  /**
   * Prints a KeyboardInterrupt that has no traceback (Ctrl-C while a raw-paste transfer is being
   * received). When absent the REPL writes `KeyboardInterrupt: ` and a newline itself.
   */
  printKeyboardInterrupt?(): void;
  /** Called where MicroPython's REPL unlocks the heap before reading a new statement. */
  resetHeapLock?(): void;
}
