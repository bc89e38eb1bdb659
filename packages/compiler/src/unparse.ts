// AST to source text (CPython's Lib/ast.py `unparse`): used by the parser round-trip tests and handy for
// tools. The output re-parses to the same AST; it is not a formatter (layout and comments are lost).
import { ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, constRepr, type Const } from '@mpy-ts/bytecode';
import type * as A from './ast.js';

// precedence levels, lowest first (as CPython's _Precedence)
const P_NAMED = 1;
const P_TUPLE = 2;
const P_YIELD = 3;
const P_TEST = 4;
const P_OR = 5;
const P_AND = 6;
const P_NOT = 7;
const P_CMP = 8;
const P_EXPR = 9;
const P_BOR = P_EXPR;
const P_BXOR = 10;
const P_BAND = 11;
const P_SHIFT = 12;
const P_ARITH = 13;
const P_TERM = 14;
const P_FACTOR = 15;
const P_POWER = 16;
const P_AWAIT = 17;
const P_ATOM = 18;

const binPrec: Record<A.BinOperator, number> = {
  '|': P_BOR,
  '^': P_BXOR,
  '&': P_BAND,
  '<<': P_SHIFT,
  '>>': P_SHIFT,
  '+': P_ARITH,
  '-': P_ARITH,
  '*': P_TERM,
  '@': P_TERM,
  '/': P_TERM,
  '//': P_TERM,
  '%': P_TERM,
  '**': P_POWER,
};

/** Source text for a module, statement list or expression. */
export function unparse(node: A.Mod | A.Stmt[] | A.Expr): string {
  const u = new Unparser();
  if (Array.isArray(node)) u.stmts(node, 0);
  else if (node.type === 'Module' || node.type === 'Interactive') u.stmts(node.body, 0);
  else if (node.type === 'Expression') return u.expr(node.body, P_TUPLE);
  else return u.expr(node, P_TUPLE);
  return u.out.join('');
}

function constText(v: Const): string {
  if (v === ConstEllipsis) return '...';
  if (v instanceof ConstFloat) {
    const x = v.value;
    if (x === Infinity) return '1e999';
    if (x === -Infinity) return '-1e999';
    if (Number.isNaN(x)) return '(1e999 - 1e999)';
    return constRepr(v);
  }
  if (v instanceof ConstComplex) return `${v.real !== 0 ? `(${constText(new ConstFloat(v.real))} + ` : ''}${constRepr(new ConstFloat(v.imag))}j${v.real !== 0 ? ')' : ''}`;
  if (v instanceof ConstTuple) {
    if (v.items.length === 1) return `(${constText(v.items[0])},)`;
    return `(${v.items.map(constText).join(', ')})`;
  }
  return constRepr(v);
}

/** Text of a literal part of a double-quoted f-string. */
function escapeLiteral(t: string): string {
  let s = '';
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') s += '\\' + ch;
    else if (c === 10) s += '\\n';
    else if (c < 32 || c === 127) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += ch;
  }
  return s;
}

class Unparser {
  readonly out: string[] = [];

  private line(indent: number, text: string): void {
    this.out.push('    '.repeat(indent) + text + '\n');
  }

  stmts(body: A.Stmt[], indent: number): void {
    if (body.length === 0) {
      this.line(indent, 'pass');
      return;
    }
    for (const s of body) this.stmt(s, indent);
  }

  private block(head: string, body: A.Stmt[], indent: number): void {
    this.line(indent, head + ':');
    this.stmts(body, indent + 1);
  }

  private stmt(s: A.Stmt, indent: number): void {
    switch (s.type) {
      case 'Expr':
        return this.line(indent, this.expr(s.value, P_YIELD));
      case 'Assign':
        return this.line(indent, [...s.targets.map((t) => this.expr(t, P_TUPLE)), this.expr(s.value, P_YIELD)].join(' = '));
      case 'AugAssign':
        return this.line(indent, `${this.expr(s.target, P_TUPLE)} ${s.op}= ${this.expr(s.value, P_YIELD)}`);
      case 'AnnAssign': {
        const t = s.simple ? this.expr(s.target, P_TUPLE) : `(${this.expr(s.target, P_TUPLE)})`;
        return this.line(indent, `${t}: ${this.expr(s.annotation, P_TEST)}${s.value ? ' = ' + this.expr(s.value, P_YIELD) : ''}`);
      }
      case 'Return':
        return this.line(indent, s.value ? `return ${this.expr(s.value, P_TUPLE)}` : 'return');
      case 'Delete':
        return this.line(indent, `del ${s.targets.map((t) => this.expr(t, P_TUPLE)).join(', ')}`);
      case 'Pass':
        return this.line(indent, 'pass');
      case 'Break':
        return this.line(indent, 'break');
      case 'Continue':
        return this.line(indent, 'continue');
      case 'Raise':
        if (!s.exc) return this.line(indent, 'raise');
        return this.line(indent, `raise ${this.expr(s.exc, P_TEST)}${s.cause ? ' from ' + this.expr(s.cause, P_TEST) : ''}`);
      case 'Assert':
        return this.line(indent, `assert ${this.expr(s.test, P_TEST)}${s.msg ? ', ' + this.expr(s.msg, P_TEST) : ''}`);
      case 'Global':
        return this.line(indent, `global ${s.names.join(', ')}`);
      case 'Nonlocal':
        return this.line(indent, `nonlocal ${s.names.join(', ')}`);
      case 'Import':
        return this.line(indent, `import ${s.names.map((a) => (a.asname ? `${a.name} as ${a.asname}` : a.name)).join(', ')}`);
      case 'ImportFrom':
        return this.line(
          indent,
          `from ${'.'.repeat(s.level)}${s.module} import ${s.names.map((a) => (a.asname ? `${a.name} as ${a.asname}` : a.name)).join(', ')}`,
        );
      case 'If': {
        this.block(`if ${this.expr(s.test, P_NAMED)}`, s.body, indent);
        let orelse = s.orelse;
        while (orelse.length === 1 && orelse[0].type === 'If') {
          const e = orelse[0];
          this.block(`elif ${this.expr(e.test, P_NAMED)}`, e.body, indent);
          orelse = e.orelse;
        }
        if (orelse.length) this.block('else', orelse, indent);
        return;
      }
      case 'While':
        this.block(`while ${this.expr(s.test, P_NAMED)}`, s.body, indent);
        if (s.orelse.length) this.block('else', s.orelse, indent);
        return;
      case 'For':
        this.block(`${s.isAsync ? 'async ' : ''}for ${this.expr(s.target, P_TUPLE)} in ${this.expr(s.iter, P_TUPLE)}`, s.body, indent);
        if (s.orelse.length) this.block('else', s.orelse, indent);
        return;
      case 'With': {
        // (a tuple gets a second pair of parentheses: `with (a, b):` would be two context managers)
        const ctx = (x: A.Expr) => (x.type === 'Tuple' ? `(${this.expr(x, P_ATOM)})` : this.expr(x, P_TEST));
        const items = s.items.map((it) => ctx(it.contextExpr) + (it.optionalVars ? ' as ' + this.expr(it.optionalVars, P_TUPLE) : ''));
        this.block(`${s.isAsync ? 'async ' : ''}with ${items.join(', ')}`, s.body, indent);
        return;
      }
      case 'Try':
        this.block('try', s.body, indent);
        for (const h of s.handlers) {
          const head = h.exctype ? `except ${this.expr(h.exctype, P_TEST)}${h.name !== null ? ' as ' + h.name : ''}` : 'except';
          this.block(head, h.body, indent);
        }
        if (s.orelse.length) this.block('else', s.orelse, indent);
        if (s.finalbody.length) this.block('finally', s.finalbody, indent);
        return;
      case 'FunctionDef': {
        for (const d of s.decorators) this.line(indent, '@' + this.expr(d, P_NAMED));
        const ret = s.returns ? ' -> ' + this.expr(s.returns, P_TEST) : '';
        this.block(`${s.isAsync ? 'async ' : ''}def ${s.name}(${this.args(s.args, true)})${ret}`, s.body, indent);
        return;
      }
      case 'ClassDef': {
        for (const d of s.decorators) this.line(indent, '@' + this.expr(d, P_NAMED));
        const parts = [...s.bases.map((b) => this.expr(b, P_TEST)), ...s.keywords.map((k) => this.keyword(k))];
        this.block(`class ${s.name}${parts.length ? `(${parts.join(', ')})` : ''}`, s.body, indent);
        return;
      }
    }
  }

  private args(a: A.Arguments, typed: boolean): string {
    const parts: string[] = [];
    const one = (x: A.Arg) => x.arg + (typed && x.annotation ? ': ' + this.expr(x.annotation, P_TEST) : '');
    const positional = [...a.posonlyargs, ...a.args];
    const firstDefault = positional.length - a.defaults.length;
    positional.forEach((x, i) => {
      parts.push(one(x) + (i >= firstDefault ? '=' + this.expr(a.defaults[i - firstDefault], P_TEST) : ''));
      if (i === a.posonlyargs.length - 1) parts.push('/');
    });
    if (a.vararg) parts.push('*' + one(a.vararg));
    else if (a.kwonlyargs.length) parts.push('*');
    a.kwonlyargs.forEach((x, i) => {
      const d = a.kwDefaults[i];
      parts.push(one(x) + (d ? '=' + this.expr(d, P_TEST) : ''));
    });
    if (a.kwarg) parts.push('**' + one(a.kwarg));
    return parts.join(', ');
  }

  private keyword(k: A.Keyword): string {
    return k.arg === null ? '**' + this.expr(k.value, P_TEST) : `${k.arg}=${this.expr(k.value, P_TEST)}`;
  }

  private paren(s: string, inner: number, outer: number): string {
    return inner < outer ? `(${s})` : s;
  }

  private comps(gens: A.Comprehension[]): string {
    return gens
      .map((g) => {
        const ifs = g.ifs.map((c) => ' if ' + this.expr(c, P_OR + 0.5)).join('');
        return ` ${g.isAsync ? 'async ' : ''}for ${this.expr(g.target, P_TUPLE)} in ${this.expr(g.iter, P_OR)}${ifs}`;
      })
      .join('');
  }

  /** Text of an expression in a context that needs precedence `prec` (parenthesised if lower). */
  expr(e: A.Expr, prec: number): string {
    switch (e.type) {
      case 'Constant': {
        const t = constText(e.value);
        // negative numbers bind like unary minus
        if (t.startsWith('-') || t.startsWith('(1e999')) return this.paren(t, P_FACTOR, prec);
        if (e.value instanceof ConstComplex && e.value.real !== 0) return t;
        return t;
      }
      case 'Name':
        return e.id;
      case 'NamedExpr':
        return this.paren(`${e.target.id} := ${this.expr(e.value, P_TEST)}`, P_NAMED, prec);
      case 'BoolOp': {
        const p = e.op === 'or' ? P_OR : P_AND;
        return this.paren(e.values.map((v) => this.expr(v, p + 1)).join(` ${e.op} `), p, prec);
      }
      case 'BinOp': {
        const p = binPrec[e.op];
        const rightAssoc = e.op === '**';
        const l = this.expr(e.left, rightAssoc ? p + 1 : p);
        const r = this.expr(e.right, rightAssoc ? P_FACTOR : p + 1);
        return this.paren(`${l} ${e.op} ${r}`, p, prec);
      }
      case 'UnaryOp': {
        if (e.op === 'not') return this.paren(`not ${this.expr(e.operand, P_NOT)}`, P_NOT, prec);
        return this.paren(`${e.op}${this.expr(e.operand, P_FACTOR)}`, P_FACTOR, prec);
      }
      case 'Lambda':
        return this.paren(`lambda${e.args.posonlyargs.length + e.args.args.length + e.args.kwonlyargs.length || e.args.vararg || e.args.kwarg ? ' ' : ''}${this.args(e.args, false)}: ${this.expr(e.body, P_TEST)}`, P_TEST, prec);
      case 'IfExp':
        return this.paren(`${this.expr(e.body, P_OR)} if ${this.expr(e.test, P_OR)} else ${this.expr(e.orelse, P_TEST)}`, P_TEST, prec);
      case 'Dict': {
        const items = e.keys.map((k, i) => (k === null ? '**' + this.expr(e.values[i], P_BOR) : `${this.expr(k, P_TEST)}: ${this.expr(e.values[i], P_TEST)}`));
        return `{${items.join(', ')}}`;
      }
      case 'Set':
        return `{${e.elts.map((x) => this.expr(x, P_TEST)).join(', ')}}`;
      case 'List':
        return `[${e.elts.map((x) => this.expr(x, P_TEST)).join(', ')}]`;
      case 'Tuple': {
        if (e.elts.length === 0) return '()';
        const inner = e.elts.map((x) => this.expr(x, P_TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
        return e.parenthesized || prec > P_TUPLE ? `(${inner})` : inner;
      }
      case 'ListComp':
        return `[${this.expr(e.elt, P_TEST)}${this.comps(e.generators)}]`;
      case 'SetComp':
        return `{${this.expr(e.elt, P_TEST)}${this.comps(e.generators)}}`;
      case 'DictComp':
        return `{${this.expr(e.key, P_TEST)}: ${this.expr(e.value, P_TEST)}${this.comps(e.generators)}}`;
      case 'GeneratorExp':
        return `(${this.expr(e.elt, P_TEST)}${this.comps(e.generators)})`;
      case 'Await':
        return this.paren(`await ${this.expr(e.value, P_ATOM)}`, P_AWAIT, prec);
      case 'Yield':
        return this.paren(e.value ? `yield ${this.expr(e.value, P_TUPLE)}` : 'yield', P_YIELD, prec);
      case 'YieldFrom':
        return this.paren(`yield from ${this.expr(e.value, P_TEST)}`, P_YIELD, prec);
      case 'Compare': {
        let s = this.expr(e.left, P_CMP + 1);
        e.ops.forEach((o, i) => (s += ` ${o} ${this.expr(e.comparators[i], P_CMP + 1)}`));
        return this.paren(s, P_CMP, prec);
      }
      case 'Call': {
        const args = [...e.args.map((a) => this.expr(a, P_TEST)), ...e.keywords.map((k) => this.keyword(k))];
        if (e.args.length === 1 && e.keywords.length === 0 && e.args[0].type === 'GeneratorExp') return `${this.expr(e.func, P_ATOM)}${args[0]}`;
        return `${this.expr(e.func, P_ATOM)}(${args.join(', ')})`;
      }
      case 'Attribute': {
        const v = this.expr(e.value, P_ATOM);
        // `1 .real`: an int literal needs a space before the dot
        return `${/^\d+$/.test(v) ? v + ' ' : v}.${e.attr}`;
      }
      case 'Subscript': {
        const s = e.slice.type === 'Tuple' && !e.slice.parenthesized && e.slice.elts.length > 0
          ? e.slice.elts.map((x) => this.sliceText(x)).join(', ') + (e.slice.elts.length === 1 ? ',' : '')
          : this.sliceText(e.slice);
        return `${this.expr(e.value, P_ATOM)}[${s}]`;
      }
      case 'Starred':
        return '*' + this.expr(e.value, P_BOR);
      case 'Slice':
        return this.sliceText(e);
      case 'JoinedStr':
        return `f"${this.fstringBody(e)}"`;
      case 'FormattedValue':
        return `f"${this.fstringBody({ type: 'JoinedStr', line: e.line, col: e.col, values: [e] })}"`;
    }
  }

  private sliceText(e: A.Expr): string {
    if (e.type !== 'Slice') return this.expr(e, P_NAMED);
    return `${e.lower ? this.expr(e.lower, P_TEST) : ''}:${e.upper ? this.expr(e.upper, P_TEST) : ''}${e.step ? ':' + this.expr(e.step, P_TEST) : ''}`;
  }

  /** The inside of an f-string (written with double quotes, so expressions use single-quoted strings). */
  private fstringBody(j: A.JoinedStr): string {
    let s = '';
    for (const v of j.values) {
      if (v.type === 'Constant' && typeof v.value === 'string') {
        s += escapeLiteral(v.value).replace(/\{/g, '{{').replace(/\}/g, '}}');
      } else if (v.type === 'FormattedValue') {
        const inner = this.expr(v.value, P_TEST).replace(/"/g, "'");
        s += `{${inner.startsWith('{') ? ' ' + inner : inner}`;
        if (v.conversion !== -1) s += '!' + String.fromCharCode(v.conversion);
        if (v.formatSpec) s += ':' + this.fstringBody(v.formatSpec);
        s += '}';
      }
    }
    return s;
  }
}
