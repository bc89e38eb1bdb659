// MicroPython's compile-time limits, reproduced on our syntax tree.
//
// MicroPython compiles patterns to re1.5 byte code (lib/re1.5/compilecode.c) whose jump offsets,
// class sizes and group numbers are stored in signed bytes; a pattern that overflows one is refused with
// `ValueError: regex too complex` (tests/extmod/re_limit.py). We compute the size re1.5 would give each
// construct and apply the same byte limits, so programs see the same refusals. Constructs re1.5 does not
// have ({m,n}, \b, look-arounds, back-references) are sized as the re1.5 code they would expand to.
import type { Node } from './ast.js';

export class RegexTooComplexError extends Error {
  constructor(what: string) {
    super(`regex too complex (${what})`);
    this.name = 'RegexTooComplexError';
  }
}

/** Largest value a re1.5 offset or count byte may hold. */
const BYTE_MAX = 127;
/** Capture slots are numbered 2*group+1 in a signed byte: at most 63 groups. */
export const MAX_GROUPS = 63;

function check(ok: boolean, what: string): void {
  if (!ok) throw new RegexTooComplexError(what);
}

/** re1.5 code size of `node` in bytes, throwing RegexTooComplexError where re1.5 would overflow. */
export function re15Size(node: Node): number {
  switch (node.t) {
    case 'empty':
      return 0;
    case 'char':
      return 2;
    case 'any':
    case 'bol':
    case 'eol':
    case 'start':
    case 'end':
    case 'wordb':
      return 1;
    case 'set':
      if (node.escape) return 2;
      check(node.set.items <= BYTE_MAX, 'character class too long');
      return 2 + 2 * node.set.items;
    case 'backref':
      return 2;
    case 'look':
      return 2 + re15Size(node.body) + 1;
    case 'group': {
      const body = re15Size(node.body);
      if (node.index < 0) return body;
      check(node.index <= MAX_GROUPS, 'too many groups');
      return 4 + body;
    }
    case 'seq': {
      let n = 0;
      for (const item of node.items) n += re15Size(item);
      return n;
    }
    case 'alt': {
      // Each `|` inserts a Split before everything so far and a Jmp after the branch just ended.
      const sizes = node.alts.map(re15Size);
      let before = sizes[0];
      for (let k = 1; k < sizes.length; k++) {
        check(before + 2 <= BYTE_MAX, 'alternative too long');
        check(sizes[k] <= BYTE_MAX, 'alternative too long');
        before += 4 + sizes[k];
      }
      return before;
    }
    case 'repeat': {
      const body = re15Size(node.body);
      const opt = (): number => {
        check(body <= BYTE_MAX, 'optional part too long');
        return 2 + body;
      };
      const star = (): number => {
        check(body + 4 <= BYTE_MAX + 1 && body + 2 <= BYTE_MAX, 'repeated part too long');
        return 4 + body;
      };
      switch (node.op) {
        case '?':
          return opt();
        case '*':
          return star();
        case '+':
          check(body + 2 <= BYTE_MAX + 1, 'repeated part too long');
          return 2 + body;
        case '{':
          return body * node.min + (node.max === Infinity ? star() : node.max > node.min ? (node.max - node.min) * opt() : 0);
      }
    }
  }
}
