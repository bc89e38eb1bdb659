// Backtracking matcher (the role of MicroPython's lib/re1.5/recursiveloop.c), with an explicit,
// bounded backtrack stack instead of C recursion, and a step counter that calls back into the host
// periodically so a pathological pattern can be interrupted (Ctrl-C) instead of hanging the VM.
import {
  OP_ANY,
  OP_ANYALL,
  OP_BACKREF,
  OP_BOL,
  OP_BOLM,
  OP_CHAR,
  OP_CHARI,
  OP_END,
  OP_EOL,
  OP_EOLM,
  OP_JMP,
  OP_LOOK,
  OP_LOOKEND,
  OP_MATCH,
  OP_NWORDB,
  OP_REPG,
  OP_REPL,
  OP_SAVE,
  OP_SET,
  OP_SPLIT,
  OP_START,
  OP_WORDB,
  type CompiledSet,
  type Program,
} from './compile.js';
import { inNamed, isWord, toLower, toUpper } from './charclass.js';

/** The backtrack stack outgrew its bound: MicroPython reports this as RuntimeError (re_stack_overflow.py). */
export class RegexStackOverflowError extends Error {
  constructor() {
    super('maximum recursion depth exceeded');
    this.name = 'RegexStackOverflowError';
  }
}

/** The caller's step budget ran out. */
export class RegexStepLimitError extends Error {
  constructor() {
    super('regex step budget exhausted');
    this.name = 'RegexStepLimitError';
  }
}

export interface RunOptions {
  /** Called every `tickInterval` steps; it may throw (e.g. KeyboardInterrupt) to abandon the match. */
  onTick?: () => void;
  /** Steps between onTick calls (default 65536). */
  tickInterval?: number;
  /** Total steps allowed for one call before RegexStepLimitError (default: unlimited). */
  maxSteps?: number;
  /** Backtrack entries allowed before RegexStackOverflowError (default 1,000,000). */
  maxBacktrack?: number;
}

export const DEFAULT_MAX_BACKTRACK = 1_000_000;

const BT_RESUME = 0;
const BT_RESTORE = 1;
const BT_GREEDY = 2;
const BT_LAZY = 3;

function setMatches(set: CompiledSet, c: number, unicode: boolean): boolean {
  let hit = setContains(set, c, unicode);
  if (!hit && set.icase) {
    const lo = toLower(c, unicode);
    const up = toUpper(c, unicode);
    hit = (lo !== c && setContains(set, lo, unicode)) || (up !== c && setContains(set, up, unicode));
  }
  return hit !== set.negated;
}

function setContains(set: CompiledSet, c: number, unicode: boolean): boolean {
  const r = set.ranges;
  for (let i = 0; i < r.length; i += 2) {
    if (c >= r[i] && c <= r[i + 1]) return true;
  }
  return set.named !== 0 && inNamed(set.named, c, unicode);
}

export class Matcher {
  readonly prog: Program;
  readonly input: ArrayLike<number>;
  /** Logical end of the input (endpos). */
  readonly end: number;
  steps = 0;
  private nextTick: number;
  private readonly tickInterval: number;
  private readonly maxSteps: number;
  private readonly maxStack: number;
  private readonly onTick: (() => void) | undefined;
  /** Where the last successful run ended. */
  matchEnd = -1;

  constructor(prog: Program, input: ArrayLike<number>, end: number, opts: RunOptions = {}) {
    this.prog = prog;
    this.input = input;
    this.end = end;
    this.onTick = opts.onTick;
    this.tickInterval = opts.tickInterval ?? 65536;
    this.maxSteps = opts.maxSteps ?? Infinity;
    this.maxStack = 4 * (opts.maxBacktrack ?? DEFAULT_MAX_BACKTRACK);
    this.nextTick = this.tickInterval;
  }

  private tick(): void {
    if (this.steps >= this.maxSteps) throw new RegexStepLimitError();
    this.nextTick = Math.min(this.steps + this.tickInterval, this.maxSteps);
    this.onTick?.();
  }

  /** Matches one character with the single-character instruction at `pc`. */
  private one(pc: number, c: number): boolean {
    const code = this.prog.code;
    const i = pc << 2;
    switch (code[i]) {
      case OP_CHAR:
        return c === code[i + 1];
      case OP_CHARI: {
        const u = this.prog.unicode;
        return toLower(c, u) === code[i + 1] || toUpper(c, u) === code[i + 2];
      }
      case OP_ANY:
        return c !== 0x0a;
      case OP_ANYALL:
        return true;
      case OP_SET:
        return setMatches(this.prog.sets[code[i + 1]], c, this.prog.unicode);
      default:
        return false;
    }
  }

  private wordAt(i: number): boolean {
    return i >= 0 && i < this.end && isWord(this.input[i], this.prog.unicode);
  }

  /**
   * Runs the program from `pc` at `sp`. Returns true on reaching MATCH (or LOOKEND, for look-around
   * bodies) with `matchEnd` set; `caps` holds the captures of the successful path. `requireEnd` >= 0
   * makes MATCH succeed only there (fullmatch); MATCH fails at `forbidEnd` (CPython's must-advance rule).
   */
  run(pc: number, sp: number, caps: Int32Array, requireEnd = -1, forbidEnd = -1): boolean {
    const code = this.prog.code;
    const input = this.input;
    const end = this.end;
    const stack: number[] = [];
    for (;;) {
      if (++this.steps >= this.nextTick) this.tick();
      const i = pc << 2;
      let ok = false;
      switch (code[i]) {
        case OP_MATCH:
          if ((requireEnd < 0 || sp === requireEnd) && sp !== forbidEnd) {
            this.matchEnd = sp;
            return true;
          }
          break;
        case OP_LOOKEND:
          this.matchEnd = sp;
          return true;
        case OP_CHAR:
          if (sp < end && input[sp] === code[i + 1]) {
            sp++;
            pc++;
            continue;
          }
          break;
        case OP_CHARI:
        case OP_ANY:
        case OP_ANYALL:
        case OP_SET:
          if (sp < end && this.one(pc, input[sp])) {
            sp++;
            pc++;
            continue;
          }
          break;
        case OP_BOL:
          ok = sp === 0;
          break;
        case OP_BOLM:
          ok = sp === 0 || input[sp - 1] === 0x0a;
          break;
        case OP_EOL:
          ok = sp === end || (sp === end - 1 && input[sp] === 0x0a);
          break;
        case OP_EOLM:
          ok = sp === end || input[sp] === 0x0a;
          break;
        case OP_START:
          ok = sp === 0;
          break;
        case OP_END:
          ok = sp === end;
          break;
        case OP_WORDB:
          ok = this.wordAt(sp - 1) !== this.wordAt(sp);
          break;
        case OP_NWORDB:
          ok = this.wordAt(sp - 1) === this.wordAt(sp);
          break;
        case OP_SAVE: {
          const slot = code[i + 1];
          this.push(stack, BT_RESTORE, slot, caps[slot], 0);
          caps[slot] = sp;
          pc++;
          continue;
        }
        case OP_SPLIT:
          this.push(stack, BT_RESUME, code[i + 2], sp, 0);
          pc = code[i + 1];
          continue;
        case OP_JMP:
          pc = code[i + 1];
          continue;
        case OP_BACKREF: {
          const g = code[i + 1];
          const s = caps[2 * g];
          const e = caps[2 * g + 1];
          if (s < 0 || e < 0) break;
          const len = e - s;
          if (sp + len > end) break;
          let k = 0;
          if (code[i + 2]) {
            const u = this.prog.unicode;
            while (k < len && toLower(input[s + k], u) === toLower(input[sp + k], u)) k++;
          } else {
            while (k < len && input[s + k] === input[sp + k]) k++;
          }
          if (k < len) break;
          sp += len;
          pc++;
          continue;
        }
        case OP_LOOK: {
          const kind = code[i + 1];
          const behind = kind >= 2;
          const neg = (kind & 1) === 1;
          const from = behind ? sp - code[i + 3] : sp;
          let found = false;
          const sub = Int32Array.from(caps);
          if (from >= 0) found = this.run(pc + 1, from, sub) && (!behind || this.matchEnd === sp);
          if (found === neg) break;
          if (!neg) {
            // Keep captures made inside a positive look-around, undoably.
            for (let s = 0; s < sub.length; s++) {
              if (sub[s] !== caps[s]) {
                this.push(stack, BT_RESTORE, s, caps[s], 0);
                caps[s] = sub[s];
              }
            }
          }
          pc = code[i + 2];
          continue;
        }
        case OP_REPG: {
          const min = code[i + 1];
          const max = code[i + 2] < 0 ? end - sp : Math.min(code[i + 2], end - sp);
          let n = 0;
          while (n < max && this.one(pc + 1, input[sp + n])) n++;
          if (n < min) break;
          if (n > min) this.push(stack, BT_GREEDY, pc, sp + min, sp + n);
          this.steps += n;
          sp += n;
          pc += 2;
          continue;
        }
        case OP_REPL: {
          const min = code[i + 1];
          let n = 0;
          while (n < min && sp + n < end && this.one(pc + 1, input[sp + n])) n++;
          if (n < min) break;
          sp += n;
          if (code[i + 2] < 0 || min < code[i + 2]) this.push(stack, BT_LAZY, pc, sp, min);
          pc += 2;
          continue;
        }
        default:
          throw new Error(`re: bad opcode ${code[i]} at ${pc}`);
      }
      if (ok) {
        pc++;
        continue;
      }
      // Failure: backtrack to the most recent choice point, undoing captures on the way.
      let resumed = false;
      while (stack.length > 0) {
        const c = stack.pop()!;
        const b = stack.pop()!;
        const a = stack.pop()!;
        const tag = stack.pop()!;
        if (tag === BT_RESTORE) {
          caps[a] = b;
        } else if (tag === BT_RESUME) {
          pc = a;
          sp = b;
          resumed = true;
          break;
        } else if (tag === BT_GREEDY) {
          // a: pc of REPG, b: lowest end, c: current end; give back one character.
          const cur = c - 1;
          if (cur > b) this.push(stack, BT_GREEDY, a, b, cur);
          pc = a + 2;
          sp = cur;
          resumed = true;
          break;
        } else {
          // BT_LAZY: a: pc of REPL, b: current end, c: count; take one more character.
          const max = code[(a << 2) + 2];
          if (b < end && this.one(a + 1, input[b])) {
            if (max < 0 || c + 1 < max) this.push(stack, BT_LAZY, a, b + 1, c + 1);
            pc = a + 2;
            sp = b + 1;
            resumed = true;
            break;
          }
        }
      }
      if (!resumed) return false;
    }
  }

  private push(stack: number[], tag: number, a: number, b: number, c: number): void {
    if (stack.length >= this.maxStack) throw new RegexStackOverflowError();
    stack.push(tag, a, b, c);
  }
}
