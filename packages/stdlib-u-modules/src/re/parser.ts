// Pattern parser: code points -> syntax tree (ast.ts). Corresponds to CPython's Lib/re/_parser.py in
// what it accepts and in its error messages; MicroPython's lib/re1.5/compilecode.c accepts a subset.
import {
  FLAG_ASCII,
  FLAG_DOTALL,
  FLAG_IGNORECASE,
  FLAG_MULTILINE,
  FLAG_UNICODE,
  FLAG_VERBOSE,
  NC_DIGIT,
  NC_NOT_DIGIT,
  NC_NOT_SPACE,
  NC_NOT_WORD,
  NC_SPACE,
  NC_WORD,
  RegexSyntaxError,
  type CharSet,
  type Node,
} from './ast.js';

/** Largest repeat count accepted in `{m,n}` (CPython allows more; bigger programs would not fit anyway). */
export const MAX_REPEAT = 65535;

export interface ParsedPattern {
  root: Node;
  /** Number of capturing groups. */
  groups: number;
  /** Named groups `(?P<name>...)`. */
  groupIndex: Map<string, number>;
  /** Flags after inline `(?aimsx)` flags were applied. */
  flags: number;
}

const C_LPAREN = 0x28;
const C_RPAREN = 0x29;
const C_STAR = 0x2a;
const C_PLUS = 0x2b;
const C_QUESTION = 0x3f;
const C_LBRACE = 0x7b;
const C_RBRACE = 0x7d;
const C_LBRACKET = 0x5b;
const C_RBRACKET = 0x5d;
const C_BACKSLASH = 0x5c;
const C_CARET = 0x5e;
const C_DOLLAR = 0x24;
const C_DOT = 0x2e;
const C_BAR = 0x7c;
const C_MINUS = 0x2d;
const C_COMMA = 0x2c;
const C_HASH = 0x23;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}
function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}
function isWhite(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
function isIdentStart(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c > 0x7f;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

const FLAG_LETTERS: Record<string, number> = {
  i: FLAG_IGNORECASE,
  m: FLAG_MULTILINE,
  s: FLAG_DOTALL,
  x: FLAG_VERBOSE,
  a: FLAG_ASCII,
  u: FLAG_UNICODE,
  L: 4,
};

class Parser {
  readonly src: ArrayLike<number>;
  pos = 0;
  flags: number;
  readonly isStr: boolean;
  groups = 0;
  readonly groupIndex = new Map<string, number>();
  /** Groups whose `)` has been seen (back-references may only name closed groups). */
  readonly closed = new Set<number>();

  constructor(src: ArrayLike<number>, flags: number, isStr: boolean) {
    this.src = src;
    this.flags = flags;
    this.isStr = isStr;
  }

  err(msg: string, pos = this.pos): never {
    throw new RegexSyntaxError(msg, pos);
  }

  more(): boolean {
    return this.pos < this.src.length;
  }
  peek(off = 0): number {
    const i = this.pos + off;
    return i < this.src.length ? this.src[i] : -1;
  }

  /** In VERBOSE mode, skip whitespace and `#` comments between tokens. */
  skipVerbose(): void {
    if (!(this.flags & FLAG_VERBOSE)) return;
    for (;;) {
      const c = this.peek();
      if (c >= 0 && isWhite(c)) this.pos++;
      else if (c === C_HASH) {
        while (this.more() && this.peek() !== 0x0a) this.pos++;
      } else return;
    }
  }

  parseAlternation(): Node {
    const alts: Node[] = [this.parseSequence()];
    while (this.peek() === C_BAR) {
      this.pos++;
      alts.push(this.parseSequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  parseSequence(): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      if (c < 0 || c === C_BAR || c === C_RPAREN) break;
      const start = this.pos;
      const atom = this.parseAtom();
      if (atom === null) continue; // a flag group or comment
      items.push(this.parseQuantifiers(atom, start));
    }
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  /** Applies any quantifiers that follow `atom`. */
  parseQuantifiers(atom: Node, atomPos: number): Node {
    let node = atom;
    let quantified = false;
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      let min: number;
      let max: number;
      let op: '?' | '*' | '+' | '{';
      const qpos = this.pos;
      if (c === C_STAR) {
        [min, max, op] = [0, Infinity, '*'];
        this.pos++;
      } else if (c === C_PLUS) {
        [min, max, op] = [1, Infinity, '+'];
        this.pos++;
      } else if (c === C_QUESTION) {
        [min, max, op] = [0, 1, '?'];
        this.pos++;
      } else if (c === C_LBRACE) {
        const q = this.tryBraces();
        if (q === null) return node; // not a quantifier: `{` is a literal
        [min, max] = q;
        op = '{';
      } else {
        return node;
      }
      if (quantified) this.err('multiple repeat', qpos);
      if (!isRepeatable(node)) this.err('nothing to repeat', qpos === atomPos ? qpos : atomPos);
      let greedy = true;
      if (this.peek() === C_QUESTION) {
        this.pos++;
        greedy = false;
      } else if (this.peek() === C_PLUS) {
        this.err('possessive quantifiers are not supported', this.pos);
      }
      node = { t: 'repeat', body: node, min, max, greedy, op };
      quantified = true;
    }
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}`; returns null (position unchanged) if the brace is a literal. */
  tryBraces(): [number, number] | null {
    const start = this.pos;
    let i = start + 1;
    const num = (): string => {
      let s = '';
      while (i < this.src.length && isDigit(this.src[i])) s += String.fromCharCode(this.src[i++]);
      return s;
    };
    const lo = num();
    let hi = lo;
    if (i < this.src.length && this.src[i] === C_COMMA) {
      i++;
      hi = num();
    } else if (lo === '') {
      return null;
    }
    if (i >= this.src.length || this.src[i] !== C_RBRACE) return null;
    this.pos = i + 1;
    const min = lo === '' ? 0 : Number(lo);
    const max = hi === '' ? Infinity : Number(hi);
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) this.err('the repetition number is too large', start + 1);
    if (max < min) this.err('min repeat greater than max repeat', start + 1);
    return [min, max];
  }

  parseAtom(): Node | null {
    const start = this.pos;
    const c = this.src[this.pos++];
    switch (c) {
      case C_DOT:
        return { t: 'any', all: (this.flags & FLAG_DOTALL) !== 0 };
      case C_CARET:
        return { t: 'bol', multi: (this.flags & FLAG_MULTILINE) !== 0 };
      case C_DOLLAR:
        return { t: 'eol', multi: (this.flags & FLAG_MULTILINE) !== 0 };
      case C_LBRACKET:
        return { t: 'set', set: this.parseClass(start), escape: false, icase: this.icase() };
      case C_LPAREN:
        return this.parseGroup(start);
      case C_BACKSLASH:
        return this.parseEscape(start);
      case C_STAR:
      case C_PLUS:
      case C_QUESTION:
        return this.err('nothing to repeat', start);
      case C_LBRACE: {
        this.pos = start;
        if (this.tryBraces() !== null) this.err('nothing to repeat', start);
        this.pos = start + 1;
        return { t: 'char', c, icase: this.icase() };
      }
      default:
        return { t: 'char', c, icase: this.icase() };
    }
  }

  icase(): boolean {
    return (this.flags & FLAG_IGNORECASE) !== 0;
  }

  parseGroup(start: number): Node | null {
    if (this.peek() !== C_QUESTION) {
      const index = ++this.groups;
      const body = this.parseAlternation();
      this.expectClose(start);
      this.closed.add(index);
      return { t: 'group', index, body };
    }
    this.pos++; // '?'
    const k = this.src[this.pos++];
    switch (k) {
      case 0x3a: {
        // (?:...)
        const body = this.parseAlternation();
        this.expectClose(start);
        return { t: 'group', index: -1, body };
      }
      case 0x50: {
        // (?P<name>...) or (?P=name)
        const k2 = this.src[this.pos++];
        if (k2 === 0x3c) {
          const name = this.parseName(0x3e);
          if (this.groupIndex.has(name)) this.err(`redefinition of group name '${name}' as group ${this.groups + 1}; was group ${this.groupIndex.get(name)}`, start);
          const index = ++this.groups;
          this.groupIndex.set(name, index);
          const body = this.parseAlternation();
          this.expectClose(start);
          this.closed.add(index);
          return { t: 'group', index, body };
        }
        if (k2 === 0x3d) {
          const name = this.parseName(C_RPAREN);
          const index = this.groupIndex.get(name);
          if (index === undefined) this.err(`unknown group name '${name}'`, start + 4);
          if (!this.closed.has(index)) this.err('cannot refer to an open group', start);
          return { t: 'backref', index, icase: this.icase() };
        }
        return this.err('unknown extension ?P' + String.fromCodePoint(k2 ?? 0x3f), start + 1);
      }
      case 0x3d: // (?=
      case 0x21: // (?!
        return this.parseLook(start, false, k === 0x21);
      case 0x3c: {
        const k2 = this.src[this.pos++];
        if (k2 === 0x3d || k2 === 0x21) return this.parseLook(start, true, k2 === 0x21);
        return this.err('unknown extension ?<' + (k2 === undefined ? '' : String.fromCodePoint(k2)), start + 1);
      }
      case C_HASH: {
        while (this.more() && this.peek() !== C_RPAREN) this.pos++;
        if (!this.more()) this.err('missing ), unterminated comment', start);
        this.pos++;
        return null;
      }
      default: {
        if (k !== undefined && (String.fromCharCode(k) in FLAG_LETTERS || k === C_MINUS)) {
          return this.parseFlagGroup(start);
        }
        return this.err('unknown extension ?' + (k === undefined ? '' : String.fromCodePoint(k)), start + 1);
      }
    }
  }

  parseLook(start: number, behind: boolean, neg: boolean): Node {
    const body = this.parseAlternation();
    this.expectClose(start);
    let width = 0;
    if (behind) {
      const w = fixedWidth(body);
      if (w === null) this.err('look-behind requires fixed-width pattern', -1); // CPython reports no position for this one
      width = w;
    }
    return { t: 'look', behind, neg, body, width };
  }

  /** `(?aimsx)` at the start, or scoped `(?aimsx-imsx:...)`. */
  parseFlagGroup(start: number): Node | null {
    this.pos--;
    let on = 0;
    let off = 0;
    let minus = false;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) this.err('missing -, : or )', this.pos);
      const ch = String.fromCharCode(c);
      if (ch in FLAG_LETTERS) {
        if (FLAG_LETTERS[ch] === 4) this.err('bad inline flags: cannot use \'L\' flag with a str pattern', this.pos);
        if (minus) off |= FLAG_LETTERS[ch];
        else on |= FLAG_LETTERS[ch];
        continue;
      }
      if (c === C_MINUS && !minus) {
        minus = true;
        continue;
      }
      if (c === C_RPAREN) {
        if (minus) this.err('missing :', this.pos - 1);
        if (start !== 0) this.err('global flags not at the start of the expression', start);
        this.flags |= on;
        return null;
      }
      if (c === 0x3a) {
        const saved = this.flags;
        this.flags = (this.flags | on) & ~off;
        const body = this.parseAlternation();
        this.expectClose(start);
        this.flags = saved;
        return { t: 'group', index: -1, body };
      }
      return this.err('unknown flag', this.pos - 1);
    }
  }

  parseName(terminator: number): string {
    const start = this.pos;
    let name = '';
    for (;;) {
      const c = this.peek();
      if (c < 0) this.err('missing ' + (terminator === 0x3e ? '>' : ')') + ', unterminated name', start);
      this.pos++;
      if (c === terminator) break;
      name += String.fromCodePoint(c);
    }
    if (name === '') this.err('missing group name', start);
    const first = name.codePointAt(0) ?? 0;
    if (!isIdentStart(first) || [...name].some((ch) => !isIdentChar(ch.codePointAt(0) ?? 0))) {
      this.err(`bad character in group name '${name}'`, start);
    }
    return name;
  }

  expectClose(start: number): void {
    if (this.peek() !== C_RPAREN) this.err('missing ), unterminated subpattern', start);
    this.pos++;
  }

  /** After a backslash, outside a class. */
  parseEscape(start: number): Node {
    if (!this.more()) this.err('bad escape (end of pattern)', start);
    const c = this.src[this.pos++];
    const named = namedClass(c);
    if (named) {
      return { t: 'set', set: { negated: false, ranges: [], named, items: 1 }, escape: true, icase: false };
    }
    switch (c) {
      case 0x62: // \b
        return { t: 'wordb', neg: false };
      case 0x42: // \B
        return { t: 'wordb', neg: true };
      case 0x41: // \A
        return { t: 'start' };
      case 0x5a: // \Z
        return { t: 'end' };
    }
    if (isDigit(c)) {
      // Octal escape or group reference (CPython _parser.py `_escape`).
      if (c === 0x30) {
        let v = 0;
        this.pos--;
        for (let n = 0; n < 3 && isOctal(this.peek()); n++) v = v * 8 + (this.src[this.pos++] - 0x30);
        return { t: 'char', c: v, icase: this.icase() };
      }
      if (isDigit(this.peek())) {
        if (isOctal(c) && isOctal(this.peek()) && isOctal(this.peek(1))) {
          const v = (c - 0x30) * 64 + (this.src[this.pos] - 0x30) * 8 + (this.src[this.pos + 1] - 0x30);
          this.pos += 2;
          if (v > 0o377) this.err(`octal escape value \\${(v >> 6) & 7}${(v >> 3) & 7}${v & 7} outside of range 0-0o377`, start);
          return { t: 'char', c: v, icase: this.icase() };
        }
        const index = (c - 0x30) * 10 + (this.src[this.pos++] - 0x30);
        return this.groupRef(index, start);
      }
      return this.groupRef(c - 0x30, start);
    }
    return { t: 'char', c: this.simpleEscape(c, start, false), icase: this.icase() };
  }

  groupRef(index: number, start: number): Node {
    if (index > this.groups) this.err(`invalid group reference ${index}`, start + 1);
    if (!this.closed.has(index)) this.err('cannot refer to an open group', start);
    return { t: 'backref', index, icase: this.icase() };
  }

  /** Escapes that stand for one character, inside or outside a class. `c` has been consumed. */
  simpleEscape(c: number, start: number, inClass: boolean): number {
    switch (c) {
      case 0x61: return 0x07; // \a
      case 0x66: return 0x0c; // \f
      case 0x6e: return 0x0a; // \n
      case 0x72: return 0x0d; // \r
      case 0x74: return 0x09; // \t
      case 0x76: return 0x0b; // \v
      case 0x62: if (inClass) return 0x08; break; // \b in a class is backspace
      case 0x78: return this.hexEscape(2, start);
      case 0x75: if (this.isStr) return this.hexEscape(4, start); break;
      case 0x55: if (this.isStr) {
        const v = this.hexEscape(8, start);
        if (v > 0x10ffff) this.err(`bad escape \\U${v.toString(16).padStart(8, '0')}`, start);
        return v;
      } break;
      case 0x4e: this.err('bad escape \\N', start); break;
    }
    // ASCII letters and digits are reserved for future escapes; anything else stands for itself.
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c)) {
      this.err(`bad escape \\${String.fromCharCode(c)}`, start);
    }
    return c;
  }

  hexEscape(n: number, start: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = hexVal(this.peek());
      if (d < 0) {
        const letter = String.fromCharCode(this.src[start + 1]);
        let text = '';
        for (let j = start + 2; j < this.pos; j++) text += String.fromCharCode(this.src[j]);
        this.err(`incomplete escape \\${letter}${text}`, start);
      }
      v = v * 16 + d;
      this.pos++;
    }
    return v;
  }

  /** After `[`; returns the set (CPython `_parser.py` semantics: `]` first is literal). */
  parseClass(start: number): CharSet {
    const set: CharSet = { negated: false, ranges: [], named: 0, items: 0 };
    if (this.peek() === C_CARET) {
      set.negated = true;
      this.pos++;
    }
    let first = true;
    for (;;) {
      if (!this.more()) this.err('unterminated character set', start);
      let c = this.src[this.pos];
      if (c === C_RBRACKET && !first) {
        this.pos++;
        break;
      }
      first = false;
      const itemPos = this.pos;
      this.pos++;
      let lo: number;
      if (c === C_BACKSLASH) {
        if (!this.more()) this.err('unterminated character set', start);
        c = this.src[this.pos++];
        const named = namedClass(c);
        if (named) {
          set.named |= named;
          set.items++;
          if (this.peek() === C_MINUS && this.peek(1) !== C_RBRACKET && this.peek(1) >= 0) {
            this.err(`bad character range \\${String.fromCharCode(c)}-${String.fromCodePoint(this.peek(1))}`, itemPos);
          }
          continue;
        }
        if (isDigit(c)) lo = this.classOctal(c, itemPos);
        else lo = this.simpleEscape(c, itemPos, true);
      } else {
        lo = c;
      }
      let hi = lo;
      if (this.peek() === C_MINUS && this.peek(1) !== C_RBRACKET && this.peek(1) >= 0) {
        this.pos++;
        const hiPos = this.pos;
        let h = this.src[this.pos++];
        if (h === C_BACKSLASH) {
          if (!this.more()) this.err('unterminated character set', start);
          h = this.src[this.pos++];
          if (namedClass(h)) this.err(`bad character range ${String.fromCodePoint(lo)}-\\${String.fromCharCode(h)}`, itemPos);
          h = isDigit(h) ? this.classOctal(h, hiPos) : this.simpleEscape(h, hiPos, true);
        }
        hi = h;
        if (hi < lo) {
          let text = '';
          for (let j = itemPos; j < this.pos; j++) text += String.fromCodePoint(this.src[j]);
          this.err(`bad character range ${text}`, itemPos);
        }
      }
      set.ranges.push(lo, hi);
      set.items++;
    }
    return set;
  }

  /** Octal escape inside a class (`\0`, `\012`, `\123`); group references are errors there. */
  classOctal(c: number, itemPos: number): number {
    let v = c - 0x30;
    if (!isOctal(c)) this.err(`bad escape \\${String.fromCharCode(c)}`, itemPos);
    for (let n = 1; n < 3 && isOctal(this.peek()); n++) v = v * 8 + (this.src[this.pos++] - 0x30);
    if (c !== 0x30 && this.pos - itemPos < 4) this.err(`bad escape \\${String.fromCharCode(c)}`, itemPos);
    if (v > 0o377) this.err('octal escape value outside of range 0-0o377', itemPos);
    return v;
  }
}

function namedClass(c: number): number {
  switch (c) {
    case 0x64: return NC_DIGIT;
    case 0x44: return NC_NOT_DIGIT;
    case 0x77: return NC_WORD;
    case 0x57: return NC_NOT_WORD;
    case 0x73: return NC_SPACE;
    case 0x53: return NC_NOT_SPACE;
    default: return 0;
  }
}

/** Whether a quantifier may follow `node` (assertions and empty sequences cannot be repeated). */
function isRepeatable(node: Node): boolean {
  const t = node.t;
  return !(t === 'bol' || t === 'eol' || t === 'start' || t === 'end' || t === 'wordb' || t === 'look' || t === 'empty');
}

/** Width in code points of everything `node` can match, or null if it varies. */
export function fixedWidth(node: Node): number | null {
  switch (node.t) {
    case 'empty':
    case 'bol':
    case 'eol':
    case 'start':
    case 'end':
    case 'wordb':
    case 'look':
      return 0;
    case 'char':
    case 'any':
    case 'set':
      return 1;
    case 'group':
      return fixedWidth(node.body);
    case 'seq': {
      let w = 0;
      for (const item of node.items) {
        const iw = fixedWidth(item);
        if (iw === null) return null;
        w += iw;
      }
      return w;
    }
    case 'alt': {
      let w: number | null = null;
      for (const a of node.alts) {
        const aw = fixedWidth(a);
        if (aw === null || (w !== null && aw !== w)) return null;
        w = aw;
      }
      return w ?? 0;
    }
    case 'repeat': {
      if (node.min !== node.max) return null;
      const bw = fixedWidth(node.body);
      return bw === null ? null : bw * node.min;
    }
    case 'backref':
      return null;
  }
}

/**
 * Parses `pattern` (code points of a str pattern, or bytes of a bytes pattern).
 * Throws RegexSyntaxError with CPython's message for malformed patterns.
 */
export function parsePattern(pattern: ArrayLike<number>, flags: number, isStr: boolean): ParsedPattern {
  const p = new Parser(pattern, flags, isStr);
  const root = p.parseAlternation();
  if (p.more()) {
    // Only an unbalanced ')' can stop the top level early.
    p.err('unbalanced parenthesis', p.pos);
  }
  return { root, groups: p.groups, groupIndex: p.groupIndex, flags: p.flags };
}
