// A small grammar-based generator of random valid Python programs, for the parser fuzz and the
// CPython AST comparison tests.

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  private readonly r: () => number;
  private readonly lines: string[] = [];
  private inLoop = 0;
  private inFunc = 0;
  private readonly names = ['a', 'b', 'c', 'x', 'y', 'zed', 'items', 'obj'];
  /** Inside a comprehension's iterable, where `:=` is not allowed. */
  private noWalrus = 0;

  constructor(seed: number) {
    this.r = rng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  private name(): string {
    return this.pick(this.names);
  }

  atom(depth: number): string {
    switch (this.int(depth > 2 ? 7 : 13)) {
      case 0:
      case 1:
        return this.name();
      case 2:
        return String(this.int(1000));
      case 3:
        return this.pick(['0x1F', '0o17', '0b101', '1_000', '3.25', '1e3', '2j', '12345678901234567890', '.5']);
      case 4:
        return this.pick(["'str'", '"dq"', "'''tri'''", "b'bytes'", "r'\\d'", "'esc\\n'", "'a' 'b'", '"\\x41"']);
      case 5:
        return this.pick(['None', 'True', 'False', '...']);
      case 6:
        return `${this.name()}.${this.pick(['attr', 'real', 'f'])}`;
      case 7:
        return `(${this.expr(depth + 1)})`;
      case 8:
        return `[${this.list(depth + 1, true)}]`;
      case 9:
        return `(${this.expr(depth + 1)}, ${this.expr(depth + 1)})`;
      case 10:
        return `{${this.dictItems(depth + 1)}}`;
      case 11:
        return this.comprehension(depth + 1);
      default:
        return this.fstring(depth + 1);
    }
  }

  /** An atom usable before `.attr` or `[i]` (a bare number would lex as `1.x`). */
  private primary(depth: number): string {
    const a = this.atom(depth);
    return /^[\d.]/.test(a) ? `(${a})` : a;
  }

  private list(depth: number, allowStar: boolean): string {
    const n = this.int(4);
    const xs: string[] = [];
    for (let i = 0; i < n; i++) xs.push(allowStar && this.int(6) === 0 ? '*' + this.atom(depth) : this.expr(depth));
    return xs.join(', ');
  }

  private dictItems(depth: number): string {
    const n = this.int(3);
    const xs: string[] = [];
    for (let i = 0; i < n; i++) xs.push(this.int(5) === 0 ? `**${this.atom(depth)}` : `${this.atom(depth)}: ${this.expr(depth)}`);
    return xs.join(', ');
  }

  private comprehension(depth: number): string {
    const v = this.pick(['i', 'j', 'k']);
    const cond = this.int(2) ? ` if ${this.atom(depth)}` : '';
    this.noWalrus++;
    const iter = this.atom(depth);
    const inner = this.int(3) === 0 ? ` for m in ${this.atom(depth)}` : '';
    this.noWalrus--;
    const body = `${this.atom(depth)} for ${v} in ${iter}${cond}${inner}`;
    switch (this.int(4)) {
      case 0:
        return `[${body}]`;
      case 1:
        return `{${body}}`;
      case 2:
        return `{${v}: ${this.atom(depth)} for ${v} in ${iter}}`;
      default:
        return `(${body})`;
    }
  }

  private fstring(depth: number): string {
    const spec = this.pick(['', ':>10', ':{b}', '!r', '!s:^5', '=']);
    return `f"lit {${this.pick(this.names)}${spec}} {{braces}} {${this.atomNoStrings(depth)}}"`;
  }

  private atomNoStrings(depth: number): string {
    return this.pick([this.name(), String(this.int(100)), `${this.name()}[${this.int(3)}]`, `${this.name()}.attr`, `(${this.name()} + ${depth})`]);
  }

  private call(depth: number): string {
    const args: string[] = [];
    const n = this.int(4);
    for (let i = 0; i < n; i++) args.push(this.expr(depth));
    if (this.int(4) === 0) args.push(`*${this.atom(depth)}`);
    if (this.int(3) === 0) args.push(`key=${this.expr(depth)}`);
    if (this.int(5) === 0) args.push(`**${this.atom(depth)}`);
    return `${this.pick([this.name(), `${this.name()}.meth`, 'print'])}(${args.join(', ')})`;
  }

  expr(depth = 0): string {
    if (depth > 4) return this.atom(depth);
    switch (this.int(14)) {
      case 0:
      case 1:
      case 2:
        return this.atom(depth);
      case 3:
        return `${this.expr(depth + 1)} ${this.pick(['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'])} ${this.expr(depth + 1)}`;
      case 4:
        if (this.int(4) === 0) return `(not ${this.atom(depth + 1)})`;
        return `${this.pick(['-', '+', '~'])}${this.atom(depth + 1)}`;
      case 5:
        return `${this.atom(depth + 1)} ${this.pick(['<', '<=', '==', '!=', '>', '>=', 'in', 'not in', 'is', 'is not'])} ${this.atom(depth + 1)}${this.int(3) === 0 ? ' < ' + this.atom(depth + 1) : ''}`;
      case 6:
        return `${this.atom(depth + 1)} ${this.pick(['and', 'or'])} ${this.expr(depth + 1)}`;
      case 7:
        return `${this.atom(depth + 1)} if ${this.atom(depth + 1)} else ${this.atom(depth + 1)}`;
      case 8:
      case 9:
        return this.call(depth + 1);
      case 10:
        return `${this.primary(depth + 1)}[${this.pick([this.expr(depth + 1), '1:2', ':', '::2', `${this.name()}:`, '1, 2'])}]`;
      case 11:
        // (a lambda is a `test`: it cannot be an operand without parentheses)
        return `(lambda ${this.pick(['', 'p', 'p, q=1', '*args, **kw', 'p, /, q'])}: ${this.atom(depth + 1)})`;
      case 12:
        if (this.noWalrus) return this.name();
        return `(${this.name()} := ${this.atom(depth + 1)})`;
      default:
        return `${this.primary(depth + 1)}.${this.pick(['x', 'y'])}`;
    }
  }

  private emit(indent: number, text: string): void {
    this.lines.push('    '.repeat(indent) + text);
  }

  private target(): string {
    return this.pick([this.name(), `${this.name()}.attr`, `${this.name()}[0]`, `${this.name()}, ${this.name()}`, `(${this.name()}, *${this.name()})`, `[${this.name()}]`]);
  }

  private block(indent: number, n: number): void {
    const count = 1 + this.int(n);
    for (let i = 0; i < count; i++) this.stmt(indent);
  }

  stmt(indent: number): void {
    if (indent > 4) {
      this.emit(indent, `${this.target()} = ${this.expr()}`);
      return;
    }
    switch (this.int(20)) {
      case 0:
      case 1:
      case 2:
        this.emit(indent, `${this.target()} = ${this.expr()}`);
        return;
      case 3:
        this.emit(indent, `${this.name()} ${this.pick(['+=', '-=', '*=', '//=', '|=', '**=', '>>='])} ${this.expr()}`);
        return;
      case 4:
        this.emit(indent, this.call(0));
        return;
      case 5:
        this.emit(indent, `if ${this.expr()}:`);
        this.block(indent + 1, 3);
        if (this.int(2)) {
          this.emit(indent, `elif ${this.expr()}:`);
          this.block(indent + 1, 2);
        }
        if (this.int(2)) {
          this.emit(indent, 'else:');
          this.block(indent + 1, 2);
        }
        return;
      case 6:
        this.emit(indent, `while ${this.expr()}:`);
        this.inLoop++;
        this.block(indent + 1, 3);
        this.inLoop--;
        return;
      case 7:
        this.emit(indent, `${this.inFunc && this.int(3) === 0 ? 'async ' : ''}for ${this.target()} in ${this.expr()}:`.replace(/^async /, ''));
        this.inLoop++;
        this.block(indent + 1, 3);
        this.inLoop--;
        if (this.int(3) === 0) {
          this.emit(indent, 'else:');
          this.block(indent + 1, 1);
        }
        return;
      case 8:
        if (this.inLoop) this.emit(indent, this.pick(['break', 'continue']));
        else this.emit(indent, 'pass');
        return;
      case 9: {
        if (this.int(3) === 0) this.emit(indent, `@${this.name()}`);
        this.emit(indent, `def ${this.pick(['f', 'g', 'method'])}(${this.pick(['', 'a', 'a, b=1', 'self, *args, k=2, **kw', 'a, /, b', '*, key'])}):`);
        const savedLoop = this.inLoop;
        this.inLoop = 0;
        this.inFunc++;
        this.block(indent + 1, 3);
        if (this.int(2)) this.emit(indent + 1, this.int(2) ? `return ${this.expr()}` : `yield ${this.expr()}`);
        this.inFunc--;
        this.inLoop = savedLoop;
        return;
      }
      case 10:
        this.emit(indent, `class ${this.pick(['A', 'B'])}${this.pick(['', '(A)', '(A, metaclass=M)', '()'])}:`);
        this.emit(indent + 1, `attr = ${this.atomNoStrings(0)}`);
        this.emit(indent + 1, 'def m(self):');
        this.emit(indent + 2, `return super().m(${this.atom(2)})`);
        return;
      case 11:
        this.emit(indent, 'try:');
        this.block(indent + 1, 2);
        this.emit(indent, `except ${this.pick(['ValueError', '(TypeError, KeyError)', 'Exception as e'])}:`);
        this.block(indent + 1, 2);
        if (this.int(2)) {
          this.emit(indent, 'except:');
          this.block(indent + 1, 1);
        }
        if (this.int(2)) {
          this.emit(indent, 'else:');
          this.block(indent + 1, 1);
        }
        if (this.int(2)) {
          this.emit(indent, 'finally:');
          this.block(indent + 1, 2);
        }
        return;
      case 12:
        this.emit(indent, `with ${this.expr()}${this.int(2) ? ' as ' + this.name() : ''}${this.int(3) === 0 ? ', ' + this.atom(1) : ''}:`);
        this.block(indent + 1, 2);
        return;
      case 13:
        this.emit(indent, `del ${this.pick([this.name(), `${this.name()}.attr`, `${this.name()}[1:]`, `${this.name()}, ${this.name()}`])}`);
        return;
      case 14:
        this.emit(indent, `assert ${this.expr()}${this.int(2) ? ', ' + this.expr() : ''}`);
        return;
      case 15:
        this.emit(indent, this.pick(['raise', `raise ${this.name()}`, `raise ${this.name()}(1) from ${this.name()}`]));
        return;
      case 16:
        this.emit(indent, this.pick(['import os', 'import a.b.c', 'import a.b as ab', 'from . import x', 'from ..m import (p, q as r,)', 'from m import *']));
        if (indent > 0) this.lines.pop();
        if (indent > 0) this.emit(indent, 'import os');
        return;
      case 17:
        // (in a function, a bare `x: int` makes a local CPython gives no slot: keep a value there)
        this.emit(indent, `${this.name()}: ${this.pick(['int', 'list[int]', "'str'"])}${this.inFunc || this.int(2) ? ' = ' + this.expr() : ''}`);
        return;
      case 18:
        this.emit(indent, `${this.expr()}; ${this.expr()}`);
        return;
      default:
        this.emit(indent, this.expr());
    }
  }

  program(): string {
    this.block(0, 8);
    return this.lines.join('\n') + '\n';
  }
}

/** `count` programs from consecutive seeds. */
export function fuzzPrograms(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, i) => new Gen(seed + i).program());
}
