// Regular-expression syntax tree shared by the parser, the MicroPython size check and the compiler.
// Spec 4.1.14 (`ure`); the syntax accepted is CPython's `re` subset listed in README.md.

/** Named character classes (`\d \D \w \W \s \S`), as bits so a class can hold several. */
export const NC_DIGIT = 1;
export const NC_NOT_DIGIT = 2;
export const NC_WORD = 4;
export const NC_NOT_WORD = 8;
export const NC_SPACE = 16;
export const NC_NOT_SPACE = 32;

/** A bracketed class `[...]` (or a lone `\d`-style escape, which is a one-item class). */
export interface CharSet {
  negated: boolean;
  /** Flat inclusive ranges: lo0, hi0, lo1, hi1, ... */
  ranges: number[];
  /** Bit set of NC_* named classes included. */
  named: number;
  /** Items as MicroPython's re1.5 counts them (a char, a range or a named class each count 1). */
  items: number;
}

export type Node =
  | { t: 'empty' }
  /** `icase`: IGNORECASE was in force (flags are resolved into the nodes by the parser). */
  | { t: 'char'; c: number; icase: boolean }
  /** `.`; `all`: DOTALL was in force */
  | { t: 'any'; all: boolean }
  /** `escape`: written as `\d`-style escape rather than `[...]` (re1.5 sizes them differently) */
  | { t: 'set'; set: CharSet; escape: boolean; icase: boolean }
  /** `^`; `multi`: MULTILINE was in force */
  | { t: 'bol'; multi: boolean }
  /** `$`; `multi`: MULTILINE was in force */
  | { t: 'eol'; multi: boolean }
  /** `\A` */
  | { t: 'start' }
  /** `\Z` */
  | { t: 'end' }
  /** `\b` (neg false) and `\B` (neg true) */
  | { t: 'wordb'; neg: boolean }
  /** index -1: non-capturing */
  | { t: 'group'; index: number; body: Node }
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] }
  /** max is Infinity when unbounded; `op` is the source form, used by the MicroPython size model. */
  | { t: 'repeat'; body: Node; min: number; max: number; greedy: boolean; op: '?' | '*' | '+' | '{' }
  | { t: 'backref'; index: number; icase: boolean }
  /** Lookahead/lookbehind assertions; `width` is the fixed width of a lookbehind body. */
  | { t: 'look'; behind: boolean; neg: boolean; body: Node; width: number };

/** Flag bits, with CPython's values. */
export const FLAG_IGNORECASE = 2;
export const FLAG_MULTILINE = 8;
export const FLAG_DOTALL = 16;
export const FLAG_UNICODE = 32;
export const FLAG_VERBOSE = 64;
export const FLAG_ASCII = 256;

/** A syntax error in a pattern; `pos` is the offset (in code points) where it was found, or -1 when CPython gives none. */
export class RegexSyntaxError extends Error {
  readonly pos: number;
  constructor(msg: string, pos: number) {
    super(msg);
    this.name = 'RegexSyntaxError';
    this.pos = pos;
  }
}
