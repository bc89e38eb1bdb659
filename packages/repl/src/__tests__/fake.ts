// A stand-in interpreter for transcript tests: it understands a handful of statement shapes, records
// what the REPL asked it to run, and writes output through the same sink as the REPL.

import { Repl } from '../repl.js';
import type { ReplOptions } from '../repl.js';
import type { ExecOptions, ExecResult, ReplEvaluator } from '../evaluator.js';
import { decodeUtf8, encodeUtf8 } from '../utf8.js';

export interface Ran {
  source: string;
  mode: ExecOptions['mode'];
}

class FakeError {
  readonly type: string;
  readonly message: string;
  readonly line: number;
  constructor(type: string, message: string, line: number) {
    this.type = type;
    this.message = message;
    this.line = line;
  }
}

/** Object tree for completion: a name maps to its attributes (or to `{}` for a leaf). */
export type Names = { [name: string]: Names };

export class FakeEvaluator implements ReplEvaluator {
  readonly ran: Ran[] = [];
  /** Called repeatedly while `while True:` code "runs"; a test delivers input bytes from it. */
  onBusy: () => void = () => {};
  interrupted = false;
  heapLockResets = 0;
  globals: Names = {};
  modules: string[] = [];
  private readonly out: (text: string) => void;
  private readonly nl: string;

  constructor(out: (text: string) => void, newline = '\r\n') {
    this.out = out;
    this.nl = newline;
  }

  execute(source: string, options: ExecOptions): ExecResult {
    this.ran.push({ source, mode: options.mode });
    const nl = this.nl;
    const body = source.trim();
    if (/\(:/.test(body)) {
      return { kind: 'exception', exception: new FakeError('SyntaxError', 'invalid syntax', 1) };
    }
    if (/^while True:/.test(body)) {
      for (let spins = 0; spins < 1000; spins++) {
        this.onBusy();
        if (this.interrupted) {
          this.interrupted = false;
          return { kind: 'exception', exception: new FakeError('KeyboardInterrupt', '', 2), keyboardInterrupt: true };
        }
      }
      throw new Error('fake loop was never interrupted');
    }
    // a compound statement is only recorded; anything else is read as one logical line
    if (/:\s*$/.test(body.split('\n')[0])) return { kind: 'ok' };
    for (const stmt of logicalLines(body)) {
      const s = stmt.trim();
      let m: RegExpExecArray | null;
      if ((m = /^raise SystemExit(?:\((.*)\))?$/.exec(s))) {
        const arg = m[1];
        if (arg === undefined || arg === 'None') return { kind: 'exit', code: 0 };
        if (/^-?\d+$/.test(arg)) return { kind: 'exit', code: Number(arg) };
        return { kind: 'exit', code: 1, message: arg.replace(/^'|'$/g, '') };
      }
      if ((m = /^raise (\w+)$/.exec(s))) {
        return { kind: 'exception', exception: new FakeError(m[1], '', 1) };
      }
      if ((m = /^print\((.*)\)$/.exec(s))) {
        const arg = m[1];
        const str = /^'(.*)'$/.exec(arg);
        this.out((str ? str[1] : String(arith(arg))) + nl);
        continue;
      }
      if (options.mode !== 'exec' && /^'\w*'$/.test(s)) {
        this.out(s + nl);
        continue;
      }
      if (options.mode !== 'exec' && /^[\d\s+*-]+$/.test(s) && s.length > 0) {
        this.out(String(arith(s)) + nl);
      }
    }
    return { kind: 'ok' };
  }

  printException(exception: unknown): void {
    const e = exception as FakeError;
    const nl = this.nl;
    if (e.type === 'SyntaxError') {
      this.out(`Traceback (most recent call last):${nl}  File "<stdin>", line ${e.line}${nl}SyntaxError: ${e.message}${nl}`);
    } else {
      this.out(`Traceback (most recent call last):${nl}  File "<stdin>", line ${e.line}, in <module>${nl}${e.type}: ${e.message}${nl}`);
    }
  }

  resetHeapLock(): void {
    this.heapLockResets++;
  }

  names(path: readonly string[]): readonly string[] | null {
    let obj: Names = this.globals;
    for (const part of path) {
      if (!Object.hasOwn(obj, part)) return null;
      obj = obj[part];
    }
    return Object.keys(obj);
  }

  moduleNames(): readonly string[] {
    return this.modules;
  }
}

/** Joins backslash continuations and lines inside open brackets. */
function logicalLines(body: string): string[] {
  const out: string[] = [];
  let acc = '';
  for (const line of body.replace(/\\\n/g, '').split('\n')) {
    acc = acc ? `${acc} ${line}` : line;
    const open = (acc.match(/[([{]/g) ?? []).length - (acc.match(/[)\]}]/g) ?? []).length;
    if (open <= 0) {
      out.push(acc);
      acc = '';
    }
  }
  if (acc) out.push(acc);
  return out;
}

function arith(expr: string): number {
  // digits and + - * only: evaluate left to right with * binding tighter
  const terms = expr.replace(/\s+/g, '').split(/(?=[+-])/);
  let total = 0;
  for (const term of terms) {
    const sign = term.startsWith('-') ? -1 : 1;
    const product = term.replace(/^[+-]/, '').split('*').reduce((a, b) => a * Number(b), 1);
    total += sign * product;
  }
  return total;
}

export interface Session {
  repl: Repl;
  evaluator: FakeEvaluator;
  /** Output since the last `take()` (bytes as latin1 characters, so control bytes are visible). */
  take(): string;
  /** Feeds input and returns the output it produced. */
  type(input: string | number[]): string;
  interruptChars: number[];
  softResets: { rawMode: boolean }[];
  exits: number[];
  flushes: number;
}

export function session(options: Partial<ReplOptions> = {}, newline?: string): Session {
  let pending = '';
  const sink = (bytes: Uint8Array): void => {
    for (const b of bytes) pending += String.fromCharCode(b);
  };
  const evaluator = new FakeEvaluator(
    (text) => sink(encodeUtf8(text)),
    newline ?? (options.profile === 'unix' ? '\n' : '\r\n'),
  );
  const s: Session = {
    repl: undefined as unknown as Repl,
    evaluator,
    interruptChars: [],
    softResets: [],
    exits: [],
    flushes: 0,
    take() {
      const out = pending;
      pending = '';
      return out;
    },
    type(input) {
      s.repl.feed(typeof input === 'string' ? latin1(input) : input);
      return s.take();
    },
  };
  s.repl = new Repl({
    evaluator,
    write: sink,
    setInterruptChar: (c) => s.interruptChars.push(c),
    softReset: (info) => s.softResets.push({ ...info }),
    onExit: (status) => s.exits.push(status),
    flushInput: () => s.flushes++,
    ...options,
  });
  return s;
}

/** A string whose characters are bytes (0..255), as typed on a byte-oriented terminal. */
export function latin1(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

export { decodeUtf8 };
