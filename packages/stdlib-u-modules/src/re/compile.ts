// Syntax tree -> backtracking program (the role of MicroPython's lib/re1.5/compilecode.c, with our own
// instruction set). Each instruction is 4 Int32 slots: op, a, b, c.
import type { CharSet, Node } from './ast.js';
import { RegexTooComplexError } from './limits.js';
import { toLower, toUpper } from './charclass.js';

export const OP_MATCH = 0;
/** a: code point */
export const OP_CHAR = 1;
/** a: lower-case form, b: upper-case form */
export const OP_CHARI = 2;
/** any but newline */
export const OP_ANY = 3;
/** any (DOTALL) */
export const OP_ANYALL = 4;
/** a: index into Program.sets */
export const OP_SET = 5;
export const OP_BOL = 6;
export const OP_BOLM = 7;
export const OP_EOL = 8;
export const OP_EOLM = 9;
export const OP_START = 10;
export const OP_END = 11;
export const OP_WORDB = 12;
export const OP_NWORDB = 13;
/** a: capture slot (2*group for the start, 2*group+1 for the end) */
export const OP_SAVE = 14;
/** a: preferred target, b: alternative */
export const OP_SPLIT = 15;
/** a: target */
export const OP_JMP = 16;
/** a: group, b: 1 if case-insensitive */
export const OP_BACKREF = 17;
/** a: 0 lookahead, 1 negative lookahead, 2 lookbehind, 3 negative lookbehind; b: pc after LOOKEND; c: width */
export const OP_LOOK = 18;
export const OP_LOOKEND = 19;
/** Greedy repeat of the one-character instruction at pc+1; a: min, b: max (-1 unbounded). */
export const OP_REPG = 20;
/** Lazy repeat of the one-character instruction at pc+1; a: min, b: max (-1 unbounded). */
export const OP_REPL = 21;

export interface CompiledSet {
  negated: boolean;
  ranges: Int32Array;
  named: number;
  icase: boolean;
}

export interface Program {
  code: Int32Array;
  sets: CompiledSet[];
  /** Number of capture slots (2 * (groups + 1)). */
  slots: number;
  /** Whether \w, \d, \s, \b and IGNORECASE use Unicode rules (str pattern without the ASCII flag). */
  unicode: boolean;
  /** A code point every match must start with, or -1 (used to skip start positions quickly). */
  firstChar: number;
  /** Whether every match must start at the beginning of the input (leading `^`/`\A`, no MULTILINE). */
  anchoredStart: boolean;
}

/** Largest program we build (counted repetition is expanded, so huge counts are refused). */
export const MAX_INSTRUCTIONS = 1 << 20;

class Emitter {
  code: number[] = [];
  sets: CompiledSet[] = [];
  readonly unicode: boolean;

  constructor(unicode: boolean) {
    this.unicode = unicode;
  }

  get pc(): number {
    return this.code.length >> 2;
  }

  emit(op: number, a = 0, b = 0, c = 0): number {
    const at = this.pc;
    if (at >= MAX_INSTRUCTIONS) throw new RegexTooComplexError('pattern too large');
    this.code.push(op, a, b, c);
    return at;
  }

  patch(at: number, slot: 1 | 2 | 3, value: number): void {
    this.code[at * 4 + slot] = value;
  }

  addSet(set: CharSet, icase: boolean): number {
    this.sets.push({ negated: set.negated, ranges: Int32Array.from(set.ranges), named: set.named, icase });
    return this.sets.length - 1;
  }

  /** Emits a one-character matcher for `node` if it is one (looking through non-capturing groups). */
  single(node: Node): boolean {
    if (node.t === 'char') {
      if (node.icase) this.emit(OP_CHARI, toLower(node.c, this.unicode), toUpper(node.c, this.unicode));
      else this.emit(OP_CHAR, node.c);
      return true;
    }
    if (node.t === 'any') {
      this.emit(node.all ? OP_ANYALL : OP_ANY);
      return true;
    }
    if (node.t === 'set') {
      this.emit(OP_SET, this.addSet(node.set, node.icase));
      return true;
    }
    return node.t === 'group' && node.index < 0 && isSingle(node.body) && this.single(node.body);
  }

  node(node: Node): void {
    switch (node.t) {
      case 'empty':
        return;
      case 'char':
      case 'any':
      case 'set':
        this.single(node);
        return;
      case 'bol':
        this.emit(node.multi ? OP_BOLM : OP_BOL);
        return;
      case 'eol':
        this.emit(node.multi ? OP_EOLM : OP_EOL);
        return;
      case 'start':
        this.emit(OP_START);
        return;
      case 'end':
        this.emit(OP_END);
        return;
      case 'wordb':
        this.emit(node.neg ? OP_NWORDB : OP_WORDB);
        return;
      case 'backref':
        this.emit(OP_BACKREF, node.index, node.icase ? 1 : 0);
        return;
      case 'group':
        if (node.index < 0) {
          this.node(node.body);
        } else {
          this.emit(OP_SAVE, 2 * node.index);
          this.node(node.body);
          this.emit(OP_SAVE, 2 * node.index + 1);
        }
        return;
      case 'seq':
        for (const item of node.items) this.node(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        for (let i = 0; i < node.alts.length; i++) {
          if (i < node.alts.length - 1) {
            const split = this.emit(OP_SPLIT, 0, 0);
            this.patch(split, 1, this.pc);
            this.node(node.alts[i]);
            jumps.push(this.emit(OP_JMP, 0));
            this.patch(split, 2, this.pc);
          } else {
            this.node(node.alts[i]);
          }
        }
        for (const j of jumps) this.patch(j, 1, this.pc);
        return;
      }
      case 'look': {
        const kind = (node.behind ? 2 : 0) + (node.neg ? 1 : 0);
        const at = this.emit(OP_LOOK, kind, 0, node.width);
        this.node(node.body);
        this.emit(OP_LOOKEND);
        this.patch(at, 2, this.pc);
        return;
      }
      case 'repeat':
        this.repeat(node);
        return;
    }
  }

  repeat(node: Extract<Node, { t: 'repeat' }>): void {
    const { body, min, max, greedy } = node;
    if (isSingle(body)) {
      this.emit(greedy ? OP_REPG : OP_REPL, min, max === Infinity ? -1 : max);
      this.single(body);
      return;
    }
    if (max === Infinity) {
      if (min > 0) {
        // `x{m,}` / `x+`: m-1 copies, then a copy that loops back to itself (re1.5's RSplit).
        for (let i = 0; i < min - 1; i++) this.node(body);
        const loop = this.pc;
        this.node(body);
        const back = this.emit(OP_SPLIT, 0, 0);
        this.setSplit(back, loop, this.pc, greedy);
        return;
      }
      const split = this.emit(OP_SPLIT, 0, 0);
      const start = this.pc;
      this.node(body);
      this.emit(OP_JMP, split);
      this.setSplit(split, start, this.pc, greedy);
      return;
    }
    for (let i = 0; i < min; i++) this.node(body);
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.emit(OP_SPLIT, 0, 0);
      splits.push(split);
      this.patch(split, 1, this.pc);
      this.node(body);
    }
    for (const s of splits) this.setSplit(s, this.code[s * 4 + 1], this.pc, greedy);
  }

  setSplit(at: number, body: number, exit: number, greedy: boolean): void {
    this.patch(at, 1, greedy ? body : exit);
    this.patch(at, 2, greedy ? exit : body);
  }
}

function isSingle(node: Node): boolean {
  if (node.t === 'char' || node.t === 'any' || node.t === 'set') return true;
  return node.t === 'group' && node.index < 0 && isSingle(node.body);
}

/** A code point every match must start with, or -1. */
function firstChar(node: Node): number {
  if (node.t === 'char') return node.icase ? -1 : node.c;
  if (node.t === 'seq') return node.items.length > 0 ? firstChar(node.items[0]) : -1;
  if (node.t === 'group') return firstChar(node.body);
  if (node.t === 'repeat') return node.min > 0 ? firstChar(node.body) : -1;
  return -1;
}

/** Whether every match must start at offset 0. */
function anchoredStart(node: Node): boolean {
  if (node.t === 'bol') return !node.multi;
  if (node.t === 'start') return true;
  if (node.t === 'seq') return node.items.length > 0 && anchoredStart(node.items[0]);
  if (node.t === 'group') return anchoredStart(node.body);
  if (node.t === 'alt') return node.alts.every(anchoredStart);
  return false;
}

export function compileProgram(root: Node, groups: number, unicode: boolean): Program {
  const e = new Emitter(unicode);
  e.node(root);
  e.emit(OP_MATCH);
  return {
    code: Int32Array.from(e.code),
    sets: e.sets,
    slots: 2 * (groups + 1),
    unicode,
    firstChar: firstChar(root),
    anchoredStart: anchoredStart(root),
  };
}
