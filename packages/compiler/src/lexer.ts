// The tokenizer (MicroPython's py/lexer.c).
//
// Like MicroPython's mp_lexer_t, the lexer is a cursor holding `pos`, `line`, the indentation stack and a
// count of pending DEDENTs; the current token lives in the lexer's own fields (`type`, `value`, `start`,
// `tokLine`, `tokCol`), so producing a token allocates nothing beyond its value. Tokens are chosen by a
// `switch` on the character code, without regular expressions on the hot path.
//
// Deliberate MicroPython behaviour: a number immediately followed by a letter (`1and 0`, `1if x else y`)
// is a SyntaxError, as MicroPython requires a space there (docs 6.1.1). `\N{...}` escapes are decoded as
// CPython does (MicroPython lacks them, spec 6.1.2: a limitation), from the table in uninames.ts.
import { CompileError, messages } from './errors.js';
import { lookupUnicodeName } from './uninames.js';

// ---- token types ------------------------------------------------------------------------------------
export const T_EOF = 0;
export const T_NEWLINE = 1;
export const T_INDENT = 2;
export const T_DEDENT = 3;
/** value: the identifier (NFKC-normalised). */
export const T_NAME = 4;
/** value: number (safe integer) or bigint. */
export const T_INT = 5;
/** value: number. */
export const T_FLOAT = 6;
/** value: number (the imaginary part). */
export const T_IMAG = 7;
/** value: the decoded string. */
export const T_STRING = 8;
/** value: the bytes as a string of char codes 0..255. */
export const T_BYTES = 9;
/** value: FStringValue. */
export const T_FSTRING = 10;

// operators and delimiters
export const T_LPAR = 20;
export const T_RPAR = 21;
export const T_LSQB = 22;
export const T_RSQB = 23;
export const T_LBRACE = 24;
export const T_RBRACE = 25;
export const T_COLON = 26;
export const T_COMMA = 27;
export const T_SEMI = 28;
export const T_DOT = 29;
export const T_ELLIPSIS = 30;
export const T_ARROW = 31;
export const T_EQUAL = 32;
export const T_COLONEQUAL = 33;
export const T_AT = 34;
// binary operators: their order matches `augmentedOps` below
export const T_PLUS = 40;
export const T_MINUS = 41;
export const T_STAR = 42;
export const T_SLASH = 43;
export const T_DOUBLESLASH = 44;
export const T_PERCENT = 45;
export const T_DOUBLESTAR = 46;
export const T_LSHIFT = 47;
export const T_RSHIFT = 48;
export const T_AMPER = 49;
export const T_VBAR = 50;
export const T_CIRCUMFLEX = 51;
// T_AT is also a binary operator (matrix multiply)
export const T_TILDE = 52;
// augmented assignment: T_xxx + AUG_OFFSET
export const AUG_OFFSET = 20;
export const T_PLUSEQUAL = 60;
export const T_MINUSEQUAL = 61;
export const T_STAREQUAL = 62;
export const T_SLASHEQUAL = 63;
export const T_DOUBLESLASHEQUAL = 64;
export const T_PERCENTEQUAL = 65;
export const T_DOUBLESTAREQUAL = 66;
export const T_LSHIFTEQUAL = 67;
export const T_RSHIFTEQUAL = 68;
export const T_AMPEREQUAL = 69;
export const T_VBAREQUAL = 70;
export const T_CIRCUMFLEXEQUAL = 71;
export const T_ATEQUAL = 72;
// comparisons
export const T_LESS = 80;
export const T_GREATER = 81;
export const T_EQEQUAL = 82;
export const T_NOTEQUAL = 83;
export const T_LESSEQUAL = 84;
export const T_GREATEREQUAL = 85;

// keywords
export const T_FALSE = 100;
export const T_NONE = 101;
export const T_TRUE = 102;
export const T_AND = 103;
export const T_AS = 104;
export const T_ASSERT = 105;
export const T_ASYNC = 106;
export const T_AWAIT = 107;
export const T_BREAK = 108;
export const T_CLASS = 109;
export const T_CONTINUE = 110;
export const T_DEF = 111;
export const T_DEL = 112;
export const T_ELIF = 113;
export const T_ELSE = 114;
export const T_EXCEPT = 115;
export const T_FINALLY = 116;
export const T_FOR = 117;
export const T_FROM = 118;
export const T_GLOBAL = 119;
export const T_IF = 120;
export const T_IMPORT = 121;
export const T_IN = 122;
export const T_IS = 123;
export const T_LAMBDA = 124;
export const T_NONLOCAL = 125;
export const T_NOT = 126;
export const T_OR = 127;
export const T_PASS = 128;
export const T_RAISE = 129;
export const T_RETURN = 130;
export const T_TRY = 131;
export const T_WHILE = 132;
export const T_WITH = 133;
export const T_YIELD = 134;

export const keywords: ReadonlyMap<string, number> = new Map([
  ['False', T_FALSE],
  ['None', T_NONE],
  ['True', T_TRUE],
  ['and', T_AND],
  ['as', T_AS],
  ['assert', T_ASSERT],
  ['async', T_ASYNC],
  ['await', T_AWAIT],
  ['break', T_BREAK],
  ['class', T_CLASS],
  ['continue', T_CONTINUE],
  ['def', T_DEF],
  ['del', T_DEL],
  ['elif', T_ELIF],
  ['else', T_ELSE],
  ['except', T_EXCEPT],
  ['finally', T_FINALLY],
  ['for', T_FOR],
  ['from', T_FROM],
  ['global', T_GLOBAL],
  ['if', T_IF],
  ['import', T_IMPORT],
  ['in', T_IN],
  ['is', T_IS],
  ['lambda', T_LAMBDA],
  ['nonlocal', T_NONLOCAL],
  ['not', T_NOT],
  ['or', T_OR],
  ['pass', T_PASS],
  ['raise', T_RAISE],
  ['return', T_RETURN],
  ['try', T_TRY],
  ['while', T_WHILE],
  ['with', T_WITH],
  ['yield', T_YIELD],
]);

/** Source spelling of every fixed token, for error messages and the token dump in tests. */
export const tokenText: Readonly<Record<number, string>> = (() => {
  const t: Record<number, string> = {
    [T_EOF]: 'EOF', [T_NEWLINE]: 'NEWLINE', [T_INDENT]: 'INDENT', [T_DEDENT]: 'DEDENT', [T_NAME]: 'NAME',
    [T_INT]: 'INT', [T_FLOAT]: 'FLOAT', [T_IMAG]: 'IMAG', [T_STRING]: 'STRING', [T_BYTES]: 'BYTES',
    [T_FSTRING]: 'FSTRING', [T_LPAR]: '(', [T_RPAR]: ')', [T_LSQB]: '[', [T_RSQB]: ']', [T_LBRACE]: '{',
    [T_RBRACE]: '}', [T_COLON]: ':', [T_COMMA]: ',', [T_SEMI]: ';', [T_DOT]: '.', [T_ELLIPSIS]: '...',
    [T_ARROW]: '->', [T_EQUAL]: '=', [T_COLONEQUAL]: ':=', [T_AT]: '@', [T_PLUS]: '+', [T_MINUS]: '-',
    [T_STAR]: '*', [T_SLASH]: '/', [T_DOUBLESLASH]: '//', [T_PERCENT]: '%', [T_DOUBLESTAR]: '**',
    [T_LSHIFT]: '<<', [T_RSHIFT]: '>>', [T_AMPER]: '&', [T_VBAR]: '|', [T_CIRCUMFLEX]: '^', [T_TILDE]: '~',
    [T_PLUSEQUAL]: '+=', [T_MINUSEQUAL]: '-=', [T_STAREQUAL]: '*=', [T_SLASHEQUAL]: '/=',
    [T_DOUBLESLASHEQUAL]: '//=', [T_PERCENTEQUAL]: '%=', [T_DOUBLESTAREQUAL]: '**=', [T_LSHIFTEQUAL]: '<<=',
    [T_RSHIFTEQUAL]: '>>=', [T_AMPEREQUAL]: '&=', [T_VBAREQUAL]: '|=', [T_CIRCUMFLEXEQUAL]: '^=',
    [T_ATEQUAL]: '@=', [T_LESS]: '<', [T_GREATER]: '>', [T_EQEQUAL]: '==', [T_NOTEQUAL]: '!=',
    [T_LESSEQUAL]: '<=', [T_GREATEREQUAL]: '>=',
  };
  for (const [k, v] of keywords) t[v] = k;
  return t;
})();

// ---- f-strings --------------------------------------------------------------------------------------

/** A replacement field `{expr!c:spec}` of an f-string. */
export interface FStringField {
  /** Source range of the expression (parsed later by a sub-lexer over the same text). */
  readonly exprStart: number;
  readonly exprEnd: number;
  readonly line: number;
  readonly lineStart: number;
  /** For `{expr=}`: the literal text to print before the value (`"expr="` with its spacing). */
  readonly debugText: string | null;
  /** -1 none, else the conversion character code (`s`, `r` or `a`). */
  readonly conversion: number;
  /** The format spec after `:`, itself literal text and nested fields; null if absent. */
  readonly spec: FStringPart[] | null;
}

export type FStringPart = string | FStringField;

export interface FStringValue {
  readonly parts: FStringPart[];
}

// ---- character classes ------------------------------------------------------------------------------

const idStartRe = /^[\p{ID_Start}_]$/u;
const idContinueRe = /^[\p{ID_Continue}\u00b7]$/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiIdContinue(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Normalise an int that may be a bigint so that safe integers are always numbers. */
export function normInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

const MAX_INDENT_DEPTH = 200;

export interface LexerOptions {
  /** Lex only src[start, end) (f-string expressions); positions stay those of the whole source. */
  start?: number;
  end?: number;
  line?: number;
  lineStart?: number;
  /** Behave as if inside brackets: no NEWLINE/INDENT tokens (f-string expressions). */
  bracketed?: boolean;
  /** f-string nesting depth, to bound recursion. */
  fstringDepth?: number;
}

export class Lexer {
  readonly src: string;
  readonly filename: string;
  private readonly end: number;
  pos: number;
  line: number;
  lineStart: number;

  // the current token
  type = T_EOF;
  value: any = null;
  start = 0;
  tokLine = 1;
  tokCol = 0;
  /** Position just after the current token. */
  tokEnd = 0;

  private readonly indents: number[] = [0];
  /** The same indentation levels measured with tabs as one column: they must order the lines alike. */
  private readonly altIndents: number[] = [0];
  private pendingDedents = 0;
  private parenDepth: number;
  private readonly baseParenDepth: number;
  private atLineStart: boolean;
  private lineHasTokens = false;
  /** Where the literal text being decoded starts (CPython counts `\N{}` error positions from there). */
  private literalStart = 0;
  private literalQuote = 34;
  private literalTriple = false;
  private readonly fstringDepth: number;
  /** Open brackets (char codes) for "unmatched bracket" errors. */
  private readonly brackets: number[] = [];

  constructor(src: string, filename: string, options: LexerOptions = {}) {
    this.src = src;
    this.filename = filename;
    this.pos = options.start ?? 0;
    this.end = options.end ?? src.length;
    this.line = options.line ?? 1;
    this.lineStart = options.lineStart ?? 0;
    this.parenDepth = options.bracketed ? 1 : 0;
    this.baseParenDepth = this.parenDepth;
    this.atLineStart = !options.bracketed;
    this.fstringDepth = options.fstringDepth ?? 0;
  }

  /** Snapshot of the position and current token, for the parser's rare speculative parses. */
  save(): unknown[] {
    return [this.pos, this.line, this.lineStart, this.type, this.value, this.start, this.tokLine, this.tokCol, this.tokEnd,
      this.pendingDedents, this.parenDepth, this.atLineStart, this.lineHasTokens, this.brackets.slice()];
  }

  restore(s: unknown[]): void {
    [this.pos, this.line, this.lineStart, this.type, this.value, this.start, this.tokLine, this.tokCol, this.tokEnd,
      this.pendingDedents, this.parenDepth, this.atLineStart, this.lineHasTokens] = s as [number, number, number, number, any, number, number, number, number, number, number, boolean, boolean];
    this.brackets.length = 0;
    this.brackets.push(...(s[13] as number[]));
  }

  /** Throw a SyntaxError (or another kind) at a position. */
  error(msg: string, pos = this.pos, line = this.line, lineStart = this.lineStart, kind: 'SyntaxError' | 'IndentationError' | 'TabError' | 'NotImplementedError' = 'SyntaxError'): never {
    let eol = this.src.indexOf('\n', lineStart);
    if (eol < 0) eol = this.src.length;
    throw new CompileError(kind, msg, this.filename, line, pos - lineStart + 1, this.src.slice(lineStart, eol));
  }

  /** Error at the current token. */
  tokenError(msg: string): never {
    this.error(msg, this.start, this.tokLine, this.start - this.tokCol);
  }

  private setToken(type: number, start: number, value: any = null): void {
    this.type = type;
    this.value = value;
    this.start = start;
    this.tokEnd = this.pos;
    this.lineHasTokens = true;
  }

  /** Advance to the next token. */
  next(): void {
    if (this.pendingDedents > 0) {
      this.pendingDedents--;
      this.type = T_DEDENT;
      this.value = null;
      return;
    }
    const src = this.src;
    if (this.atLineStart) {
      if (this.handleLineStart()) return;
    }
    for (;;) {
      // skip whitespace, comments and line continuations
      let c = this.pos < this.end ? src.charCodeAt(this.pos) : -1;
      while (c === 32 || c === 9 || c === 12) c = ++this.pos < this.end ? src.charCodeAt(this.pos) : -1;
      if (c === 35) {
        // comment
        let p = this.pos;
        while (p < this.end && src.charCodeAt(p) !== 10) p++;
        this.pos = p;
        c = p < this.end ? 10 : -1;
      }
      if (c === 92) {
        // backslash continuation
        const n = this.pos + 1 < this.end ? src.charCodeAt(this.pos + 1) : -1;
        if (n === 10) {
          this.pos += 2;
          this.line++;
          this.lineStart = this.pos;
          continue;
        }
        if (n === -1) this.error(messages.eofInContinuation);
        this.error(messages.lineContinuation);
      }
      this.tokLine = this.line;
      this.tokCol = this.pos - this.lineStart;
      if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        if (this.parenDepth > 0) continue;
        this.atLineStart = true;
        this.lineHasTokens = false;
        this.type = T_NEWLINE;
        this.value = null;
        this.start = this.pos - 1;
        this.tokEnd = this.pos;
        return;
      }
      if (c === -1) {
        this.start = this.pos;
        this.tokEnd = this.pos;
        this.value = null;
        if (this.parenDepth > this.baseParenDepth) {
          this.type = T_EOF;
          return;
        }
        if (this.lineHasTokens && this.baseParenDepth === 0) {
          this.lineHasTokens = false;
          this.type = T_NEWLINE;
          return;
        }
        if (this.indents.length > 1) {
          this.pendingDedents = this.indents.length - 2;
          this.indents.length = 1;
          this.altIndents.length = 1;
          this.type = T_DEDENT;
          return;
        }
        this.type = T_EOF;
        return;
      }
      this.scanToken(c);
      return;
    }
  }

  /**
   * At the start of a logical line: skip blank and comment-only lines, then compare the indentation
   * with the stack (pyright's _setIndent; tabs advance to the next multiple of 8 as in CPython).
   * As CPython 3, a line whose indentation compares differently when a tab counts as one column is a
   * TabError (inconsistent use of tabs and spaces). Returns true if it produced a token (INDENT/DEDENT).
   */
  private handleLineStart(): boolean {
    const src = this.src;
    for (;;) {
      let col = 0;
      let alt = 0;
      let p = this.pos;
      let c = p < this.end ? src.charCodeAt(p) : -1;
      for (;;) {
        if (c === 32) {
          col++;
          alt++;
        } else if (c === 9) {
          col = (col & ~7) + 8;
          alt++;
        } else if (c === 12) {
          col = alt = 0;
        } else {
          break;
        }
        c = ++p < this.end ? src.charCodeAt(p) : -1;
      }
      if (c === 35) {
        while (p < this.end && src.charCodeAt(p) !== 10) p++;
        c = p < this.end ? 10 : -1;
      }
      if (c === 10) {
        this.pos = p + 1;
        this.line++;
        this.lineStart = this.pos;
        continue;
      }
      if (c === 92 && p + 1 < this.end && src.charCodeAt(p + 1) === 10) {
        // a continuation line at the start: joins with the next line, indentation counts from here
        this.pos = p;
        this.atLineStart = false;
        return false;
      }
      this.pos = p;
      this.atLineStart = false;
      if (c === -1) return false;
      const top = this.indents[this.indents.length - 1];
      const altTop = this.altIndents[this.altIndents.length - 1];
      this.tokLine = this.line;
      this.tokCol = p - this.lineStart;
      this.start = p;
      this.tokEnd = p;
      this.value = null;
      if (col > top) {
        if (this.indents.length >= MAX_INDENT_DEPTH) this.error(messages.tooManyStatics);
        if (alt <= altTop) this.error(messages.inconsistentTabs, p, this.line, this.lineStart, 'TabError');
        this.indents.push(col);
        this.altIndents.push(alt);
        this.type = T_INDENT;
        return true;
      }
      if (col < top) {
        let n = 0;
        while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
          this.indents.pop();
          this.altIndents.pop();
          n++;
        }
        if (col !== this.indents[this.indents.length - 1]) {
          this.error(messages.unindentMismatch, p, this.line, this.lineStart, 'IndentationError');
        }
        if (alt !== this.altIndents[this.altIndents.length - 1]) this.error(messages.inconsistentTabs, p, this.line, this.lineStart, 'TabError');
        this.pendingDedents = n - 1;
        this.type = T_DEDENT;
        return true;
      }
      if (alt !== altTop) this.error(messages.inconsistentTabs, p, this.line, this.lineStart, 'TabError');
      return false;
    }
  }

  private scanToken(c: number): void {
    const src = this.src;
    const start = this.pos;
    const n = start + 1 < this.end ? src.charCodeAt(start + 1) : -1;
    switch (c) {
      case 40: // (
      case 91: // [
      case 123: // {
        this.pos++;
        this.parenDepth++;
        this.brackets.push(c);
        if (this.brackets.length > 200) this.error(messages.tooDeep, start);
        this.setToken(c === 40 ? T_LPAR : c === 91 ? T_LSQB : T_LBRACE, start);
        return;
      case 41: // )
      case 93: // ]
      case 125: { // }
        const open = this.brackets.pop();
        if (open === undefined || (open === 40 ? 41 : open + 2) !== c) this.error(messages.unmatchedBracket, start);
        this.pos++;
        this.parenDepth--;
        this.setToken(c === 41 ? T_RPAR : c === 93 ? T_RSQB : T_RBRACE, start);
        return;
      }
      case 58: // :
        if (n === 61) return this.op2(T_COLONEQUAL, start);
        return this.op1(T_COLON, start);
      case 44:
        return this.op1(T_COMMA, start);
      case 59:
        return this.op1(T_SEMI, start);
      case 46: // .
        if (isDigit(n)) return this.scanNumber(start);
        if (n === 46 && start + 2 < this.end && src.charCodeAt(start + 2) === 46) {
          this.pos += 3;
          this.setToken(T_ELLIPSIS, start);
          return;
        }
        return this.op1(T_DOT, start);
      case 43:
        return n === 61 ? this.op2(T_PLUSEQUAL, start) : this.op1(T_PLUS, start);
      case 45:
        if (n === 62) return this.op2(T_ARROW, start);
        return n === 61 ? this.op2(T_MINUSEQUAL, start) : this.op1(T_MINUS, start);
      case 42: // *
        if (n === 42) return this.opMaybeEq(T_DOUBLESTAR, T_DOUBLESTAREQUAL, start);
        return n === 61 ? this.op2(T_STAREQUAL, start) : this.op1(T_STAR, start);
      case 47: // /
        if (n === 47) return this.opMaybeEq(T_DOUBLESLASH, T_DOUBLESLASHEQUAL, start);
        return n === 61 ? this.op2(T_SLASHEQUAL, start) : this.op1(T_SLASH, start);
      case 37:
        return n === 61 ? this.op2(T_PERCENTEQUAL, start) : this.op1(T_PERCENT, start);
      case 38:
        return n === 61 ? this.op2(T_AMPEREQUAL, start) : this.op1(T_AMPER, start);
      case 124:
        return n === 61 ? this.op2(T_VBAREQUAL, start) : this.op1(T_VBAR, start);
      case 94:
        return n === 61 ? this.op2(T_CIRCUMFLEXEQUAL, start) : this.op1(T_CIRCUMFLEX, start);
      case 64:
        return n === 61 ? this.op2(T_ATEQUAL, start) : this.op1(T_AT, start);
      case 126:
        return this.op1(T_TILDE, start);
      case 60: // <
        if (n === 60) return this.opMaybeEq(T_LSHIFT, T_LSHIFTEQUAL, start);
        return n === 61 ? this.op2(T_LESSEQUAL, start) : this.op1(T_LESS, start);
      case 62: // >
        if (n === 62) return this.opMaybeEq(T_RSHIFT, T_RSHIFTEQUAL, start);
        return n === 61 ? this.op2(T_GREATEREQUAL, start) : this.op1(T_GREATER, start);
      case 61:
        return n === 61 ? this.op2(T_EQEQUAL, start) : this.op1(T_EQUAL, start);
      case 33:
        if (n === 61) return this.op2(T_NOTEQUAL, start);
        this.error(messages.invalidSyntax, start);
        break;
      case 34: // "
      case 39: // '
        return this.scanString(start, start, false, false, false, false);
      default:
        if (isDigit(c)) return this.scanNumber(start);
        if (isAsciiIdStart(c) || c >= 128) return this.scanName(start, c);
        if (c === 0) this.error(messages.nullByte, start);
        this.error(messages.invalidCharacter, start);
    }
  }

  private op1(type: number, start: number): void {
    this.pos = start + 1;
    this.setToken(type, start);
  }

  private op2(type: number, start: number): void {
    this.pos = start + 2;
    this.setToken(type, start);
  }

  private opMaybeEq(type: number, eqType: number, start: number): void {
    if (start + 2 < this.end && this.src.charCodeAt(start + 2) === 61) {
      this.pos = start + 3;
      this.setToken(eqType, start);
    } else {
      this.op2(type, start);
    }
  }

  private scanName(start: number, first: number): void {
    const src = this.src;
    let p = start;
    let ascii = true;
    if (first >= 128) {
      const cp = src.codePointAt(p)!;
      if (!idStartRe.test(String.fromCodePoint(cp))) this.error(messages.invalidCharacter, start);
      ascii = false;
      p += cp > 0xffff ? 2 : 1;
    } else {
      p++;
    }
    for (;;) {
      if (p >= this.end) break;
      const c = src.charCodeAt(p);
      if (isAsciiIdContinue(c)) {
        p++;
        continue;
      }
      if (c < 128) break;
      const cp = src.codePointAt(p)!;
      if (!idContinueRe.test(String.fromCodePoint(cp))) break;
      ascii = false;
      p += cp > 0xffff ? 2 : 1;
    }
    const c = p < this.end ? src.charCodeAt(p) : -1;
    if ((c === 34 || c === 39) && p - start <= 2) {
      // string prefix?
      let raw = false;
      let bytes = false;
      let fmt = false;
      let unicode = false;
      let ok = true;
      for (let i = start; i < p; i++) {
        const ch = src.charCodeAt(i) | 0x20;
        if (ch === 114 && !raw) raw = true;
        else if (ch === 98 && !bytes && !fmt && !unicode) bytes = true;
        else if (ch === 102 && !fmt && !bytes && !unicode) fmt = true;
        else if (ch === 117 && p - start === 1) unicode = true;
        else ok = false;
      }
      if (ok) {
        this.pos = p;
        this.scanString(start, p, raw, bytes, fmt, unicode);
        return;
      }
    }
    this.pos = p;
    let name = src.slice(start, p);
    if (!ascii) name = name.normalize('NFKC');
    const kw = keywords.get(name);
    if (kw !== undefined) this.setToken(kw, start);
    else this.setToken(T_NAME, start, name);
  }

  // ---- numbers ----------------------------------------------------------------------------------

  /** Read digits valid for `base` with single underscores between them; returns the digits without underscores. */
  private readDigits(base: number, allowLeadingUnderscore: boolean): string {
    const src = this.src;
    const begin = this.pos;
    let p = this.pos;
    let lastUnderscore = false;
    let sawUnderscore = false;
    let first = true;
    for (; p < this.end; p++) {
      const c = src.charCodeAt(p);
      if (c === 95) {
        if (lastUnderscore || (first && !allowLeadingUnderscore)) this.error(messages.invalidNumber, p);
        lastUnderscore = true;
        sawUnderscore = true;
        continue;
      }
      const v = hexVal(c);
      if (v < 0 || v >= base) {
        if (base < 10 && isDigit(c)) this.error(messages.invalidNumber, p);
        break;
      }
      lastUnderscore = false;
      first = false;
    }
    if (lastUnderscore) this.error(messages.invalidNumber, p);
    this.pos = p;
    const text = src.slice(begin, p);
    return sawUnderscore ? text.replace(/_/g, '') : text;
  }

  private scanNumber(start: number): void {
    const src = this.src;
    this.pos = start;
    const c0 = src.charCodeAt(start);
    const c1 = start + 1 < this.end ? src.charCodeAt(start + 1) | 0x20 : -1;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const base = c1 === 120 ? 16 : c1 === 111 ? 8 : 2;
      this.pos += 2;
      const digits = this.readDigits(base, true);
      if (digits.length === 0) this.error(messages.invalidNumber, start);
      this.checkNumberEnd(start);
      const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '0b';
      const value = digits.length <= 12 ? parseInt(digits, base) : normInt(BigInt(prefix + digits));
      this.setToken(T_INT, start, value);
      return;
    }
    let intPart = '';
    if (c0 !== 46) intPart = this.readDigits(10, false);
    let isFloat = false;
    let p = this.pos;
    let c = p < this.end ? src.charCodeAt(p) : -1;
    if (c === 46) {
      isFloat = true;
      this.pos = p + 1;
      const n = this.pos < this.end ? src.charCodeAt(this.pos) : -1;
      if (isDigit(n)) this.readDigits(10, false);
      else if (n === 95) this.error(messages.invalidNumber, this.pos);
      p = this.pos;
      c = p < this.end ? src.charCodeAt(p) : -1;
    }
    if (c === 101 || c === 69) {
      // exponent: only if digits follow
      let q = p + 1;
      let s = q < this.end ? src.charCodeAt(q) : -1;
      if (s === 43 || s === 45) s = ++q < this.end ? src.charCodeAt(q) : -1;
      if (isDigit(s)) {
        this.pos = q;
        this.readDigits(10, false);
        isFloat = true;
        p = this.pos;
        c = p < this.end ? src.charCodeAt(p) : -1;
      }
    }
    if (c === 106 || c === 74) {
      // imaginary
      const text = src.slice(start, p).replace(/_/g, '');
      this.pos = p + 1;
      this.checkNumberEnd(start);
      this.setToken(T_IMAG, start, Number(text));
      return;
    }
    this.checkNumberEnd(start);
    if (isFloat) {
      this.setToken(T_FLOAT, start, Number(src.slice(start, this.pos).replace(/_/g, '')));
      return;
    }
    // decimal integer: no leading zeros except for zero itself
    if (intPart.length > 1 && intPart.charCodeAt(0) === 48 && /[1-9]/.test(intPart)) this.error(messages.invalidNumber, start);
    const value = intPart.length <= 15 ? Number(intPart) : normInt(BigInt(intPart));
    this.setToken(T_INT, start, value);
  }

  /** MicroPython requires a non-identifier character after a number (`1and` is an error). */
  private checkNumberEnd(start: number): void {
    if (this.pos >= this.end) return;
    const c = this.src.charCodeAt(this.pos);
    if (isAsciiIdContinue(c) || c === 46 || (c >= 128 && idContinueRe.test(String.fromCodePoint(this.src.codePointAt(this.pos)!)))) {
      if (c === 46) {
        // `1.` was consumed already for floats; a second dot, or an int followed by `..`, is an error
        // only if it starts a number-like sequence: `1..real` is not valid Python either.
        const n = this.pos + 1 < this.end ? this.src.charCodeAt(this.pos + 1) : -1;
        if (!isDigit(n)) return;
      }
      this.error(messages.invalidNumber, start);
    }
  }

  // ---- strings ----------------------------------------------------------------------------------

  /**
   * Scan a string literal whose opening quote is at `quotePos` (prefix from `start`). Produces T_STRING,
   * T_BYTES or T_FSTRING.
   */
  private scanString(start: number, quotePos: number, raw: boolean, bytes: boolean, fmt: boolean, _unicode: boolean): void {
    const src = this.src;
    const quote = src.charCodeAt(quotePos);
    const triple = quotePos + 2 < this.end && src.charCodeAt(quotePos + 1) === quote && src.charCodeAt(quotePos + 2) === quote;
    this.pos = quotePos + (triple ? 3 : 1);
    const startLine = this.line;
    const startLineStart = this.lineStart;
    if (fmt) {
      if (this.fstringDepth >= 3) this.error(messages.fstringNested, start);
      const parts = this.scanFStringBody(quote, triple, raw, false, start, startLine, startLineStart);
      this.pos += triple ? 3 : 1;
      this.type = T_FSTRING;
      this.value = { parts } satisfies FStringValue;
      this.start = start;
      this.tokEnd = this.pos;
      this.lineHasTokens = true;
      return;
    }
    let out = '';
    let chunk = this.pos;
    this.literalStart = this.pos;
    this.literalQuote = quote;
    this.literalTriple = triple;
    for (;;) {
      if (this.pos >= this.end) {
        this.error(triple ? messages.unterminatedTriple : messages.unterminatedString, start, startLine, startLineStart);
      }
      const c = src.charCodeAt(this.pos);
      if (c === quote) {
        if (!triple) break;
        if (this.pos + 2 < this.end && src.charCodeAt(this.pos + 1) === quote && src.charCodeAt(this.pos + 2) === quote) break;
        this.pos++;
        continue;
      }
      if (c === 10) {
        if (!triple) this.error(messages.unterminatedString, start, startLine, startLineStart);
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        continue;
      }
      if (c === 92) {
        if (raw) {
          const n = this.pos + 1 < this.end ? src.charCodeAt(this.pos + 1) : -1;
          this.pos += 2;
          if (n === 10) {
            this.line++;
            this.lineStart = this.pos;
          }
          continue;
        }
        out += src.slice(chunk, this.pos);
        out += this.scanEscape(bytes);
        chunk = this.pos;
        continue;
      }
      if (bytes && c >= 128) this.error(messages.bytesNonAscii, start, startLine, startLineStart);
      this.pos++;
    }
    out += src.slice(chunk, this.pos);
    this.pos += triple ? 3 : 1;
    this.setToken(bytes ? T_BYTES : T_STRING, start, out);
  }

  /** Decode one escape sequence starting at the backslash at `pos`; returns its text. */
  private scanEscape(bytes: boolean): string {
    const src = this.src;
    const at = this.pos;
    this.pos++;
    if (this.pos >= this.end) return '\\';
    const c = src.charCodeAt(this.pos);
    this.pos++;
    switch (c) {
      case 10:
        this.line++;
        this.lineStart = this.pos;
        return '';
      case 92:
        return '\\';
      case 39:
        return "'";
      case 34:
        return '"';
      case 97:
        return '\x07';
      case 98:
        return '\b';
      case 102:
        return '\f';
      case 110:
        return '\n';
      case 114:
        return '\r';
      case 116:
        return '\t';
      case 118:
        return '\v';
      case 120: { // \xhh
        const a = this.pos < this.end ? hexVal(src.charCodeAt(this.pos)) : -1;
        const b = this.pos + 1 < this.end ? hexVal(src.charCodeAt(this.pos + 1)) : -1;
        if (a < 0 || b < 0) this.error(messages.badHexEscape, at);
        this.pos += 2;
        return String.fromCharCode(a * 16 + b);
      }
      case 117: // \uXXXX
      case 85: { // \UXXXXXXXX
        if (bytes) return '\\' + String.fromCharCode(c);
        const len = c === 117 ? 4 : 8;
        let v = 0;
        for (let i = 0; i < len; i++) {
          const h = this.pos < this.end ? hexVal(src.charCodeAt(this.pos)) : -1;
          if (h < 0) this.error(messages.badUnicodeEscape, at);
          v = v * 16 + h;
          this.pos++;
        }
        if (v > 0x10ffff) this.error(messages.badUnicodeEscapeRange, at);
        return String.fromCodePoint(v);
      }
      case 78: { // \N{name}
        if (bytes) return '\\N';
        let p = this.pos;
        let cp: number | undefined;
        if (p < this.end && src.charCodeAt(p) === 123) {
          const close = this.literalEnd(p + 1);
          p = close;
          if (close > this.pos + 1 && close < this.end && src.charCodeAt(close) === 125) {
            p = close + 1;
            cp = lookupUnicodeName(src.slice(this.pos + 1, close));
            if (cp === undefined) this.unicodeError(at, p, 'unknown Unicode character name');
          }
        }
        if (cp === undefined) {
          const q = p < this.end ? src.charCodeAt(p) : -1;
          // no closing quote: the string is unterminated, which the caller reports first (as CPython)
          if (q < 0 || (q === 10 && !this.literalTriple)) {
            this.pos = p;
            return '';
          }
          this.unicodeError(at, p, 'malformed \\N character escape');
        }
        this.pos = p;
        return String.fromCodePoint(cp);
      }
      default:
        if (c >= 48 && c <= 55) {
          let v = c - 48;
          for (let i = 0; i < 2 && this.pos < this.end; i++) {
            const d = src.charCodeAt(this.pos);
            if (d < 48 || d > 55) break;
            v = v * 8 + d - 48;
            this.pos++;
          }
          if (bytes) v &= 0xff;
          return String.fromCharCode(v);
        }
        // unknown escape: kept as written
        this.pos--;
        return '\\';
    }
    return '';
  }

  /**
   * Where a `\N{` name starting at `from` ends: the first `}`, else the end of the literal (its closing
   * quote; a backslash escapes a quote, not a `}`), or of the source.
   */
  private literalEnd(from: number): number {
    const src = this.src;
    const quote = this.literalQuote;
    let p = from;
    while (p < this.end) {
      const c = src.charCodeAt(p);
      if (c === 125) break;
      if (c === 10 && !this.literalTriple) break;
      if (c === quote && (!this.literalTriple || (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote))) break;
      p += c === 92 && src.charCodeAt(p + 1) !== 125 ? 2 : 1;
    }
    return Math.min(p, this.end);
  }

  /**
   * Raise CPython's error for a bad `\N` escape spanning source `from`..`to`: "(unicode error)
   * 'unicodeescape' codec can't decode bytes in position A-B: ...", where positions count bytes of the
   * literal text as CPython re-encodes it before decoding (a non-ASCII character is a 10-byte `\UXXXXXXXX`,
   * a backslash before one a 6-byte `\u005c`).
   */
  private unicodeError(from: number, to: number, reason: string): never {
    const src = this.src;
    const offset = (end: number): number => {
      let n = 0;
      let p = this.literalStart;
      while (p < end) {
        const c = src.codePointAt(p)!;
        p += c > 0xffff ? 2 : 1;
        if (c >= 128) {
          n += 10;
        } else if (c === 92) {
          const d = p < this.end ? src.charCodeAt(p) : -1;
          if (d < 0 || d >= 128) {
            n += 6;
          } else {
            n += 2;
            p++;
          }
        } else {
          n++;
        }
      }
      return n;
    };
    const a = offset(from);
    const b = offset(to) - 1;
    this.error(`${messages.unicodeErrorPrefix} ${a}-${b}: ${reason}`, from);
  }

  /**
   * Scan an f-string body (or a format spec when `inSpec`) up to the closing quote (or the `}` ending
   * the spec, which is not consumed). Returns literal texts and fields.
   */
  private scanFStringBody(quote: number, triple: boolean, raw: boolean, inSpec: boolean, start: number, startLine: number, startLineStart: number): FStringPart[] {
    const src = this.src;
    const parts: FStringPart[] = [];
    let lit = '';
    let chunk = this.pos;
    let litStart = this.pos; // where the current literal part starts (for `\N{}` error positions)
    const flush = () => {
      lit += src.slice(chunk, this.pos);
    };
    for (;;) {
      if (this.pos >= this.end) {
        this.error(triple ? messages.unterminatedTriple : messages.unterminatedString, start, startLine, startLineStart);
      }
      const c = src.charCodeAt(this.pos);
      if (c === quote) {
        if (!triple || (this.pos + 2 < this.end && src.charCodeAt(this.pos + 1) === quote && src.charCodeAt(this.pos + 2) === quote)) {
          if (inSpec) this.error(messages.fstringUnterminated, this.pos);
          flush();
          if (lit) parts.push(lit);
          return parts;
        }
        this.pos++;
        continue;
      }
      if (c === 10) {
        if (!triple) this.error(messages.unterminatedString, start, startLine, startLineStart);
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        continue;
      }
      if (c === 125) {
        if (inSpec) {
          flush();
          if (lit) parts.push(lit);
          return parts;
        }
        if (this.pos + 1 < this.end && src.charCodeAt(this.pos + 1) === 125) {
          this.pos++;
          flush();
          this.pos++;
          chunk = litStart = this.pos;
          continue;
        }
        this.error(messages.fstringBrace, this.pos);
      }
      if (c === 123) {
        if (!inSpec && this.pos + 1 < this.end && src.charCodeAt(this.pos + 1) === 123) {
          this.pos++;
          flush();
          this.pos++;
          chunk = litStart = this.pos;
          continue;
        }
        flush();
        if (lit) parts.push(lit);
        lit = '';
        parts.push(this.scanFStringField(quote, triple, raw, inSpec, start, startLine, startLineStart));
        chunk = litStart = this.pos;
        continue;
      }
      if (c === 92) {
        if (raw) {
          this.pos++;
          continue;
        }
        flush();
        this.literalStart = litStart;
        this.literalQuote = quote;
        this.literalTriple = triple;
        lit += this.scanEscape(false);
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private scanFStringField(quote: number, triple: boolean, raw: boolean, inSpec: boolean, start: number, startLine: number, startLineStart: number): FStringField {
    const src = this.src;
    this.pos++; // {
    const exprStart = this.pos;
    const line = this.line;
    const lineStart = this.lineStart;
    let depth = 0;
    let exprEnd = -1;
    let debugText: string | null = null;
    for (;;) {
      if (this.pos >= this.end) this.error(messages.fstringUnterminated, this.pos);
      const c = src.charCodeAt(this.pos);
      if (c === 10) {
        if (!triple && depth === 0) this.error(messages.fstringUnterminated, this.pos);
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        continue;
      }
      if (c === 34 || c === 39) {
        this.skipNestedString(c);
        continue;
      }
      if (c === 40 || c === 91 || c === 123) {
        depth++;
        this.pos++;
        continue;
      }
      if (c === 41 || c === 93) {
        depth--;
        this.pos++;
        continue;
      }
      if (c === 125) {
        if (depth > 0) {
          depth--;
          this.pos++;
          continue;
        }
        exprEnd = this.pos;
        break;
      }
      if (c === 35) this.error(messages.invalidSyntax, this.pos);
      if (depth === 0) {
        const n = this.pos + 1 < this.end ? src.charCodeAt(this.pos + 1) : -1;
        if (c === 33) {
          if (n === 61) {
            this.pos += 2;
            continue;
          }
          exprEnd = this.pos;
          break;
        }
        if (c === 58) {
          exprEnd = this.pos;
          break;
        }
        if ((c === 61 || c === 60 || c === 62) && n === 61) {
          this.pos += 2;
          continue;
        }
        if (c === 61) {
          // self-documenting `{expr=}`: the text up to the next delimiter is printed as is
          exprEnd = this.pos;
          this.pos++;
          while (this.pos < this.end) {
            const w = src.charCodeAt(this.pos);
            if (w !== 32 && w !== 9 && w !== 10) break;
            if (w === 10) {
              this.line++;
              this.lineStart = this.pos + 1;
            }
            this.pos++;
          }
          debugText = src.slice(exprStart, this.pos);
          break;
        }
      }
      this.pos++;
    }
    if (src.slice(exprStart, exprEnd).trim() === '') this.error(messages.fstringEmpty, exprStart);
    let conversion = -1;
    let c = this.pos < this.end ? src.charCodeAt(this.pos) : -1;
    if (c === 33) {
      conversion = this.pos + 1 < this.end ? src.charCodeAt(this.pos + 1) : -1;
      if (conversion !== 115 && conversion !== 114 && conversion !== 97) this.error(messages.fstringConversion, this.pos);
      this.pos += 2;
      c = this.pos < this.end ? src.charCodeAt(this.pos) : -1;
    }
    let spec: FStringPart[] | null = null;
    if (c === 58) {
      if (inSpec) this.error(messages.fstringNested, this.pos);
      this.pos++;
      spec = this.scanFStringBody(quote, triple, raw, true, start, startLine, startLineStart);
      c = this.pos < this.end ? src.charCodeAt(this.pos) : -1;
    }
    if (c !== 125) this.error(messages.fstringUnterminated, this.pos);
    this.pos++;
    if (debugText !== null && conversion === -1 && spec === null) conversion = 114;
    return { exprStart, exprEnd, line, lineStart, debugText, conversion, spec };
  }

  /** Skip a string literal inside an f-string field (its quote is at pos). */
  private skipNestedString(quote: number): void {
    const src = this.src;
    const triple = this.pos + 2 < this.end && src.charCodeAt(this.pos + 1) === quote && src.charCodeAt(this.pos + 2) === quote;
    this.pos += triple ? 3 : 1;
    for (;;) {
      if (this.pos >= this.end) this.error(messages.fstringUnterminated, this.pos);
      const c = src.charCodeAt(this.pos);
      if (c === 92) {
        this.pos += 2;
        continue;
      }
      if (c === 10) {
        if (!triple) this.error(messages.fstringUnterminated, this.pos);
        this.line++;
        this.lineStart = this.pos + 1;
      }
      if (c === quote) {
        if (!triple) {
          this.pos++;
          return;
        }
        if (this.pos + 2 < this.end && src.charCodeAt(this.pos + 1) === quote && src.charCodeAt(this.pos + 2) === quote) {
          this.pos += 3;
          return;
        }
      }
      this.pos++;
    }
  }
}
