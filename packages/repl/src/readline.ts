// The line editor of the friendly REPL: VT100 keys, history, tab completion and auto-indent, fed one
// byte at a time. Corresponds to MicroPython's shared/readline/readline.c (v1.28; v1.9.4 keeps it in
// lib/mp-readline/readline.c with the same keys and redraw bytes, minus the Emacs word motions).
//
// The buffer holds every line of the statement being entered, joined by `\n`; `origLen` is where the
// current line starts, so editing never reaches back into earlier lines.

import {
  CHAR_BS, CHAR_CR, CHAR_CTRL_A, CHAR_CTRL_B, CHAR_CTRL_C, CHAR_CTRL_D, CHAR_CTRL_E, CHAR_CTRL_F,
  CHAR_CTRL_K, CHAR_CTRL_N, CHAR_CTRL_P, CHAR_CTRL_U, CHAR_CTRL_W, CHAR_DEL, CHAR_ESC, CHAR_TAB,
} from './chars.js';
import type { Completion } from './completion.js';

/** Which optional key bindings are compiled in (MicroPython's MICROPY_REPL_* options). */
export interface ReadlineFeatures {
  /** Entries kept by the up/down history (`MICROPY_READLINE_HISTORY_SIZE`; 8 on the ESP8266). */
  historySize: number;
  /** Ctrl-B/F/K/N/P/U and Ctrl-D as delete (`MICROPY_REPL_EMACS_KEYS`: off on the ESP8266, on in unix). */
  emacsKeys: boolean;
  /** Alt-b/f/d/Backspace word motions (`MICROPY_REPL_EMACS_WORDS_MOVE`: unix). */
  wordsMove: boolean;
  /** Ctrl-Left/Right and Ctrl-W (`MICROPY_REPL_EMACS_EXTRA_WORDS_MOVE`: unix). */
  extraWordsMove: boolean;
  /** Indent continuation lines automatically (`MICROPY_REPL_AUTO_INDENT`: on everywhere). */
  autoIndent: boolean;
}

export interface ReadlineHost {
  /** Terminal output (ASCII control sequences and echoed text). */
  write(text: string): void;
  /** Tab completion of the current line up to the cursor; absent = Tab does nothing. */
  complete?(text: string): Completion;
  /** Prints a completion list (the REPL formats it and applies its newline convention). */
  showCompletions?(words: readonly string[]): void;
}

/** Returned by `processChar` while the line is still being edited. */
export const READLINE_CONTINUE = -1;
/** Returned by `processChar` when Enter finished the line. */
export const READLINE_ENTER = 0;

const ESEQ_NONE = 0;
const ESEQ_ESC = 1;
const ESEQ_ESC_BRACKET = 2;
const ESEQ_ESC_BRACKET_DIGIT = 3;
const ESEQ_ESC_O = 4;

const AUTO_INDENT_ENABLED = 0x01;
const AUTO_INDENT_JUST_ADDED = 0x02;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
}

function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Cursor left by `n` columns: `\b` for up to 4, otherwise `ESC [ n D`. */
export function cursorBack(n: number): string {
  if (n <= 0) return '';
  return n <= 4 ? '\b'.repeat(n) : `\x1b[${n}D`;
}

const ERASE_TO_EOL = '\x1b[K';

export class Readline {
  /** All lines of the statement so far. */
  line = '';
  private origLen = 0;
  private cursor = 0;
  private escState = ESEQ_NONE;
  private escDigit = '';
  private histCur = -1;
  private autoIndentState = 0;
  private prompt = '';
  /** Most recent first. */
  readonly history: string[] = [];
  private readonly host: ReadlineHost;
  private readonly features: ReadlineFeatures;

  constructor(host: ReadlineHost, features: ReadlineFeatures) {
    this.host = host;
    this.features = features;
  }

  /** Column of the cursor within the current line (for tests and embedders drawing their own cursor). */
  get cursorColumn(): number {
    return this.cursor - this.origLen;
  }

  /** The current (last) line of the buffer. */
  get currentLine(): string {
    return this.line.slice(this.origLen);
  }

  /**
   * Starts reading a line after `line` (empty for a new statement, or the previous lines plus `\n`),
   * printing `prompt` and any auto-indent.
   */
  init(line: string, prompt: string): void {
    this.line = line;
    this.origLen = line.length;
    this.escState = ESEQ_NONE;
    this.escDigit = '';
    this.histCur = -1;
    this.cursor = this.origLen;
    this.prompt = prompt;
    this.host.write(prompt);
    if (this.features.autoIndent) {
      if (line.length === 0) this.autoIndentState = AUTO_INDENT_ENABLED;
      this.autoIndent();
    }
  }

  /**
   * Feeds one byte. Returns READLINE_CONTINUE, READLINE_ENTER (the line was finished with Enter), or
   * a control character the caller must act on: Ctrl-A..Ctrl-E on an empty line, or Ctrl-C anywhere.
   */
  processChar(c: number): number {
    const f = this.features;
    const lastLen = this.line.length;
    let stepBack = 0;
    let redrawFromCursor = false;
    let stepForward = 0;

    // The C original jumps between key handlers with goto; here each key is a small closure and the
    // escape-sequence states dispatch to them.
    const homeKey = (): void => {
      stepBack = this.cursor - this.origLen;
    };
    const endKey = (): void => {
      stepForward = this.line.length - this.cursor;
    };
    const leftKey = (): void => {
      if (this.cursor > this.origLen) stepBack = 1;
    };
    const rightKey = (): void => {
      if (this.cursor < this.line.length) stepForward = 1;
    };
    const deleteKey = (): void => {
      if (this.cursor < this.line.length) {
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        redrawFromCursor = true;
      }
    };
    const upKey = (): void => {
      if (this.histCur + 1 < f.historySize && this.histCur + 1 < this.history.length) {
        this.histCur++;
        this.line = this.line.slice(0, this.origLen) + this.history[this.histCur];
        stepBack = this.cursor - this.origLen;
        redrawFromCursor = true;
        stepForward = this.line.length - this.origLen;
      }
    };
    const downKey = (): void => {
      if (this.histCur >= 0) {
        this.histCur--;
        this.line = this.line.slice(0, this.origLen) + (this.histCur >= 0 ? this.history[this.histCur] : '');
        stepBack = this.cursor - this.origLen;
        redrawFromCursor = true;
        stepForward = this.line.length - this.origLen;
      }
    };
    const backwardWord = (): void => {
      stepBack = this.countWord(false);
    };
    const forwardWord = (): void => {
      stepForward = this.countWord(true);
    };
    const backwardKillWord = (): void => {
      stepBack = this.countWord(false);
      this.line = this.line.slice(0, this.cursor - stepBack) + this.line.slice(this.cursor);
      redrawFromCursor = true;
    };

    if (this.escState === ESEQ_NONE) {
      if (c >= CHAR_CTRL_A && c <= CHAR_CTRL_E && this.line.length === this.origLen) {
        // control character on an empty line: the REPL decides
        return c;
      } else if (c === CHAR_CTRL_A) {
        homeKey();
      } else if (c === CHAR_CTRL_B && f.emacsKeys) {
        leftKey();
      } else if (c === CHAR_CTRL_C) {
        return c;
      } else if (c === CHAR_CTRL_D && f.emacsKeys) {
        deleteKey();
      } else if (c === CHAR_CTRL_E) {
        endKey();
      } else if (c === CHAR_CTRL_F && f.emacsKeys) {
        rightKey();
      } else if (c === CHAR_CTRL_K && f.emacsKeys) {
        // kill from the cursor to the end of the line
        this.line = this.line.slice(0, this.cursor);
        redrawFromCursor = true;
      } else if (c === CHAR_CTRL_N && f.emacsKeys) {
        downKey();
      } else if (c === CHAR_CTRL_P && f.emacsKeys) {
        upKey();
      } else if (c === CHAR_CTRL_U && f.emacsKeys) {
        // kill from the start of the line to the cursor
        stepBack = this.cursor - this.origLen;
        this.line = this.line.slice(0, this.origLen) + this.line.slice(this.cursor);
        redrawFromCursor = true;
      } else if (c === CHAR_CTRL_W && f.extraWordsMove) {
        backwardKillWord();
      } else if (c === CHAR_CR) {
        this.host.write('\r\n');
        this.pushHistory(this.line.slice(this.origLen));
        return READLINE_ENTER;
      } else if (c === CHAR_ESC) {
        this.escState = ESEQ_ESC;
      } else if (c === CHAR_BS || c === CHAR_DEL) {
        if (this.cursor > this.origLen) {
          // over leading spaces only, Backspace removes a whole indent level
          let n = 1;
          if (f.autoIndent) {
            let spaces = 0;
            for (let i = this.origLen; i < this.cursor; i++) {
              if (this.line[i] !== ' ') {
                spaces = 0;
                break;
              }
              spaces++;
            }
            n = spaces < 4 ? 1 : 4;
          }
          this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
          stepBack = n;
          redrawFromCursor = true;
        }
      } else if (f.autoIndent && (this.autoIndentState & AUTO_INDENT_JUST_ADDED) !== 0 && (c === CHAR_TAB || c === 0x20)) {
        // Text pasted into the friendly REPL brings its own indentation: a Tab or space right after
        // an auto-indent turns auto-indent off (a space also takes back 3 of the 4 indent spaces).
        this.autoIndentState = 0;
        if (c === 0x20) {
          stepBack = 3;
          this.line = this.line.slice(0, this.line.length - 3);
        }
      } else if (c === CHAR_TAB) {
        this.tab((s) => (stepForward = s), () => (redrawFromCursor = true));
      } else if (c >= 32 && c <= 126) {
        this.line = this.line.slice(0, this.cursor) + String.fromCharCode(c) + this.line.slice(this.cursor);
        redrawFromCursor = true;
        stepForward = 1;
      }
      // any other byte (including non-ASCII) is ignored
    } else if (this.escState === ESEQ_ESC) {
      this.escState = ESEQ_NONE;
      if (c === 0x5b /* [ */) {
        this.escState = ESEQ_ESC_BRACKET;
      } else if (c === 0x4f /* O */) {
        this.escState = ESEQ_ESC_O;
      } else if (f.wordsMove && c === 0x62 /* b */) {
        backwardWord();
      } else if (f.wordsMove && c === 0x66 /* f */) {
        forwardWord();
      } else if (f.wordsMove && c === 0x64 /* d */) {
        const n = this.countWord(true);
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
        redrawFromCursor = true;
      } else if (f.wordsMove && c === CHAR_DEL) {
        backwardKillWord();
      }
    } else if (this.escState === ESEQ_ESC_BRACKET) {
      if (c >= 0x30 && c <= 0x39) {
        this.escState = ESEQ_ESC_BRACKET_DIGIT;
        this.escDigit = String.fromCharCode(c);
      } else {
        this.escState = ESEQ_NONE;
        switch (c) {
          case 0x41: upKey(); break; // A
          case 0x42: downKey(); break; // B
          case 0x43: rightKey(); break; // C
          case 0x44: leftKey(); break; // D
          case 0x48: homeKey(); break; // H
          case 0x46: endKey(); break; // F
          default: break;
        }
      }
    } else if (this.escState === ESEQ_ESC_BRACKET_DIGIT) {
      this.escState = ESEQ_NONE;
      const d = this.escDigit;
      if (c === 0x7e /* ~ */) {
        if (d === '1' || d === '7') homeKey();
        else if (d === '4' || d === '8') endKey();
        else if (d === '3') deleteKey();
      } else if (f.extraWordsMove && c === 0x3b /* ; */ && d === '1') {
        // `ESC [ 1 ; 5 C` (Ctrl-Right): the parameters after `1;` are read as a fresh `ESC [` sequence
        this.escState = ESEQ_ESC_BRACKET;
      } else if (f.extraWordsMove && d === '5' && c === 0x43) {
        forwardWord();
      } else if (f.extraWordsMove && d === '5' && c === 0x44) {
        backwardWord();
      }
    } else if (this.escState === ESEQ_ESC_O) {
      this.escState = ESEQ_NONE;
      if (c === 0x48) homeKey();
      else if (c === 0x46) endKey();
    } else {
      this.escState = ESEQ_NONE;
    }

    this.redraw(lastLen, stepBack, redrawFromCursor, stepForward);
    this.autoIndentState &= ~AUTO_INDENT_JUST_ADDED;
    return READLINE_CONTINUE;
  }

  /** Adds a line to the history unless it is empty or the same as the most recent entry. */
  pushHistory(entry: string): void {
    if (entry.length === 0 || this.history[0] === entry) return;
    this.history.unshift(entry);
    if (this.history.length > this.features.historySize) this.history.length = this.features.historySize;
  }

  private tab(setStepForward: (n: number) => void, setRedraw: () => void): void {
    let insert = '';
    if (this.line.length !== 0 && this.cursor > 0 && isSpace(this.line[this.cursor - 1])) {
      // after whitespace (including at the start of a continuation line) Tab indents by 4 spaces
      insert = '    ';
    } else if (this.host.complete) {
      const result = this.host.complete(this.line.slice(this.origLen, this.cursor));
      if (result.kind === 'insert') {
        insert = result.text;
      } else if (result.kind === 'list') {
        this.host.showCompletions?.(result.words);
        this.host.write(this.prompt + this.line.slice(this.origLen, this.cursor));
        setRedraw();
        return;
      }
    }
    if (insert.length > 0) {
      this.line = this.line.slice(0, this.cursor) + insert + this.line.slice(this.cursor);
      setRedraw();
      setStepForward(insert.length);
    }
  }

  /** Distance to the start (backwards) or end (forwards) of the next word from the cursor. */
  private countWord(forward: boolean): number {
    let pos = this.cursor;
    let inWord = false;
    for (;;) {
      // (MicroPython stops at column 0 of the whole buffer; stopping at the start of the current line
      // keeps the cursor out of earlier lines of a multi-line statement)
      if (!forward && pos === this.origLen) break;
      if (forward && pos === this.line.length) break;
      if (isAlnum(this.line[forward ? pos : pos - 1])) {
        inWord = true;
      } else if (inWord) {
        break;
      }
      pos += forward ? 1 : -1;
    }
    return forward ? pos - this.cursor : this.cursor - pos;
  }

  private redraw(lastLen: number, stepBack: number, fromCursor: boolean, stepForward: number): void {
    let out = '';
    if (stepBack > 0) {
      out += cursorBack(stepBack);
      this.cursor -= stepBack;
    }
    if (fromCursor) {
      if (this.line.length < lastLen) out += ERASE_TO_EOL;
      out += this.line.slice(this.cursor);
      out += cursorBack(this.line.length - (this.cursor + stepForward));
      this.cursor += stepForward;
    } else if (stepForward > 0) {
      // move right by re-drawing the characters passed over
      out += this.line.slice(this.cursor, this.cursor + stepForward);
      this.cursor += stepForward;
    }
    if (out.length > 0) this.host.write(out);
  }

  /** MicroPython's auto-indent: follow the previous line's indent, one more level after a `:`. */
  private autoIndent(): void {
    if ((this.autoIndentState & AUTO_INDENT_ENABLED) === 0) return;
    const line = this.line;
    const len = line.length;
    if (len <= 1 || line[len - 1] !== '\n') return;
    // i = start of the previous line, j = its first non-space
    let i = len - 1;
    while (i > 0 && line[i - 1] !== '\n') i--;
    let j = i;
    while (j < len && line[j] === ' ') j++;
    if (i > 0 && j + 1 === len) {
      // the previous line is all spaces (and not the first line): if the one before it is all spaces
      // too, stop indenting, so that pressing Enter on empty lines ends the block
      for (let k = i - 1; k > 0; k--) {
        if (line[k - 1] === '\n') return;
        if (line[k - 1] !== ' ') break;
      }
    }
    let n = Math.floor((j - i) / 4);
    if (line[len - 2] === ':') n++;
    if (n > 0) {
      const indent = '    '.repeat(n);
      this.line += indent;
      this.cursor += indent.length;
      this.host.write(indent);
      this.autoIndentState |= AUTO_INDENT_JUST_ADDED;
    }
  }
}
