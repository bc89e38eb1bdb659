// The parser (MicroPython's py/parse.c with the grammar of py/grammar.h): a recursive-descent parser
// over the Lexer's token stream, producing the AST of ast.ts.
//
// Like MicroPython's parser it also does the compile-time work that belongs to parsing:
// - `NAME = const(expr)` declares a constant (spec 5.4.3, 4.2.4): from then on (in source order) the name
//   as a standalone identifier is replaced by the value, and a `_NAME` declaration disappears entirely;
// - constant expressions are folded (fold.ts), so `1 << BIT` becomes a single constant.
// Targets are validated here (`can't assign to literal` ...) so errors point at the right place.
import { ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, type Const } from '@mpy-ts/bytecode';
import type * as A from './ast.js';
import { CompileError, messages } from './errors.js';
import { foldBinary, foldPowInexact, foldUnary } from './fold.js';
import * as L from './lexer.js';
import { Lexer, type FStringPart, type FStringValue } from './lexer.js';
import { readSource } from './reader.js';

export type ParseMode = 'exec' | 'single' | 'eval';

export interface ParseOptions {
  filename?: string;
  mode?: ParseMode;
  /** Fold constant expressions and honour `const()` (default true). */
  fold?: boolean;
}

/** Parse Python source into an AST. Throws CompileError on bad input. */
export function parse(source: string, options: ParseOptions = {}): A.Mod {
  const filename = options.filename ?? '<string>';
  return guardRecursion(filename, () => {
    const src = readSource(source, filename);
    const p = new Parser(src.text, filename, options.fold ?? true);
    switch (options.mode ?? 'exec') {
      case 'exec':
        return p.parseFileInput();
      case 'single':
        return p.parseSingleInput();
      case 'eval':
        return p.parseEvalInput();
    }
  });
}

/**
 * Run `f`, turning a JavaScript stack overflow (absurdly deep nesting, or compiling while the caller's
 * stack is already deep) into MicroPython's `RuntimeError: maximum recursion depth exceeded`.
 */
export function guardRecursion<T>(filename: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new CompileError('RuntimeError', messages.recursionDepth, filename, 1, 0);
    }
    throw e;
  }
}

const binOps: Record<number, A.BinOperator> = {
  [L.T_VBAR]: '|',
  [L.T_CIRCUMFLEX]: '^',
  [L.T_AMPER]: '&',
  [L.T_LSHIFT]: '<<',
  [L.T_RSHIFT]: '>>',
  [L.T_PLUS]: '+',
  [L.T_MINUS]: '-',
  [L.T_STAR]: '*',
  [L.T_AT]: '@',
  [L.T_SLASH]: '/',
  [L.T_DOUBLESLASH]: '//',
  [L.T_PERCENT]: '%',
  [L.T_DOUBLESTAR]: '**',
};

/** Binding power of binary operator tokens (0: not a binary operator). */
function binPrec(t: number): number {
  switch (t) {
    case L.T_VBAR:
      return 1;
    case L.T_CIRCUMFLEX:
      return 2;
    case L.T_AMPER:
      return 3;
    case L.T_LSHIFT:
    case L.T_RSHIFT:
      return 4;
    case L.T_PLUS:
    case L.T_MINUS:
      return 5;
    case L.T_STAR:
    case L.T_AT:
    case L.T_SLASH:
    case L.T_DOUBLESLASH:
    case L.T_PERCENT:
      return 6;
    default:
      return 0;
  }
}

const augOps: Record<number, A.BinOperator> = {
  [L.T_PLUSEQUAL]: '+',
  [L.T_MINUSEQUAL]: '-',
  [L.T_STAREQUAL]: '*',
  [L.T_SLASHEQUAL]: '/',
  [L.T_DOUBLESLASHEQUAL]: '//',
  [L.T_PERCENTEQUAL]: '%',
  [L.T_DOUBLESTAREQUAL]: '**',
  [L.T_LSHIFTEQUAL]: '<<',
  [L.T_RSHIFTEQUAL]: '>>',
  [L.T_AMPEREQUAL]: '&',
  [L.T_VBAREQUAL]: '|',
  [L.T_CIRCUMFLEXEQUAL]: '^',
  [L.T_ATEQUAL]: '@',
};

const cmpOps: Record<number, A.CmpOperator> = {
  [L.T_LESS]: '<',
  [L.T_GREATER]: '>',
  [L.T_EQEQUAL]: '==',
  [L.T_NOTEQUAL]: '!=',
  [L.T_LESSEQUAL]: '<=',
  [L.T_GREATEREQUAL]: '>=',
};

/** Tokens that can start an expression (for optional expressions such as `return [x]`). */
function startsExpr(t: number): boolean {
  switch (t) {
    case L.T_NAME:
    case L.T_INT:
    case L.T_FLOAT:
    case L.T_IMAG:
    case L.T_STRING:
    case L.T_BYTES:
    case L.T_FSTRING:
    case L.T_LPAR:
    case L.T_LSQB:
    case L.T_LBRACE:
    case L.T_MINUS:
    case L.T_PLUS:
    case L.T_TILDE:
    case L.T_NOT:
    case L.T_LAMBDA:
    case L.T_AWAIT:
    case L.T_NONE:
    case L.T_TRUE:
    case L.T_FALSE:
    case L.T_ELLIPSIS:
    case L.T_STAR:
    case L.T_YIELD:
      return true;
    default:
      return false;
  }
}

/**
 * Integer and float attributes of modules that const() may use (MicroPython's mp_constants_table: the
 * math constants and errno codes, with MicroPython's errno numbering).
 */
const moduleConstants: Record<string, Record<string, Const> | undefined> = (() => {
  const math: Record<string, Const> = {
    pi: new ConstFloat(Math.PI),
    e: new ConstFloat(Math.E),
    tau: new ConstFloat(2 * Math.PI),
    inf: new ConstFloat(Infinity),
    nan: new ConstFloat(NaN),
  };
  const errno: Record<string, Const> = {
    EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EEXIST: 17, ENODEV: 19,
    EISDIR: 21, EINVAL: 22, EOPNOTSUPP: 95, EADDRINUSE: 98, ECONNABORTED: 103, ECONNRESET: 104, ENOBUFS: 105,
    ENOTCONN: 107, ETIMEDOUT: 110, ECONNREFUSED: 111, EHOSTUNREACH: 113, EALREADY: 114, EINPROGRESS: 115,
  };
  return { math, errno, uerrno: errno };
})();

/** A Constant produced by substituting a const() name remembers the name (keyword args need it). */
interface ConstName extends A.Constant {
  constName?: string;
}

const MAX_NESTING = 200;

export class Parser {
  private lex: Lexer;
  private readonly src: string;
  private readonly filename: string;
  private readonly fold: boolean;
  /** const() declarations seen so far, in source order. */
  private readonly consts = new Map<string, Const>();
  private depth = 0;

  constructor(src: string, filename: string, fold = true) {
    this.src = src;
    this.filename = filename;
    this.fold = fold;
    this.lex = new Lexer(src, filename);
    this.lex.next();
  }

  // ---- token helpers ---------------------------------------------------------------------------

  /** The current token type (a method, so that TypeScript does not narrow it across `next()`). */
  private tok(): number {
    return this.lex.type;
  }

  private next(): void {
    this.lex.next();
  }

  private eat(t: number): boolean {
    if (this.lex.type === t) {
      this.lex.next();
      return true;
    }
    return false;
  }

  private expect(t: number): void {
    if (this.lex.type !== t) this.syntaxError();
    this.lex.next();
  }

  private syntaxError(msg: string = messages.invalidSyntax): never {
    const lex = this.lex;
    if (lex.type === L.T_INDENT) lex.error(messages.unexpectedIndent, lex.start, lex.tokLine, lex.start - lex.tokCol, 'IndentationError');
    if (lex.type === L.T_EOF && msg === messages.invalidSyntax && lex.pos >= this.src.length && this.src.length > 0) {
      // running out of input inside a statement or brackets
      this.lex.tokenError(messages.eofExpected);
    }
    this.lex.tokenError(msg);
  }

  /** Error at a node's position. */
  private nodeError(node: A.Pos, msg: string, kind: 'SyntaxError' | 'IndentationError' = 'SyntaxError'): never {
    let ls = 0;
    for (let i = 1, p = 0; i < node.line; i++) {
      p = this.src.indexOf('\n', p) + 1;
      if (p <= 0) break;
      ls = p;
    }
    let eol = this.src.indexOf('\n', ls);
    if (eol < 0) eol = this.src.length;
    throw new CompileError(kind, msg, this.filename, node.line, node.col + 1, this.src.slice(ls, eol));
  }

  private name(): string {
    if (this.lex.type !== L.T_NAME) this.syntaxError();
    const v = this.lex.value as string;
    this.lex.next();
    return v;
  }

  private pos(): A.Pos {
    return { line: this.lex.tokLine, col: this.lex.tokCol };
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) this.lex.tokenError(messages.tooDeep);
  }

  // ---- top level -------------------------------------------------------------------------------

  parseFileInput(): A.Module {
    const body: A.Stmt[] = [];
    while (this.tok() !== L.T_EOF) {
      if (this.eat(L.T_NEWLINE)) continue;
      this.parseStatement(body);
    }
    return { type: 'Module', line: 1, col: 0, body };
  }

  parseSingleInput(): A.Interactive {
    const body: A.Stmt[] = [];
    if (this.tok() === L.T_NEWLINE || this.tok() === L.T_EOF) this.syntaxError();
    this.parseStatement(body);
    while (this.eat(L.T_NEWLINE));
    if (this.tok() !== L.T_EOF) this.syntaxError('multiple statements found while compiling a single statement');
    return { type: 'Interactive', line: 1, col: 0, body };
  }

  parseEvalInput(): A.Expression {
    while (this.eat(L.T_NEWLINE));
    if (this.tok() === L.T_EOF) this.syntaxError();
    const body = this.parseTestList(false);
    while (this.eat(L.T_NEWLINE));
    if (this.tok() !== L.T_EOF) this.syntaxError();
    return { type: 'Expression', line: 1, col: 0, body };
  }

  // ---- statements ------------------------------------------------------------------------------

  private parseStatement(out: A.Stmt[]): void {
    switch (this.tok()) {
      case L.T_IF:
        out.push(this.parseIf());
        return;
      case L.T_WHILE:
        out.push(this.parseWhile());
        return;
      case L.T_FOR:
        out.push(this.parseFor(this.pos(), false));
        return;
      case L.T_TRY:
        out.push(this.parseTry());
        return;
      case L.T_WITH:
        out.push(this.parseWith(this.pos(), false));
        return;
      case L.T_DEF:
        out.push(this.parseFuncDef(this.pos(), [], false));
        return;
      case L.T_CLASS:
        out.push(this.parseClassDef(this.pos(), []));
        return;
      case L.T_AT:
        out.push(this.parseDecorated());
        return;
      case L.T_ASYNC: {
        const pos = this.pos();
        this.next();
        const t = this.tok();
        if (t === L.T_DEF) out.push(this.parseFuncDef(pos, [], true));
        else if (t === L.T_FOR) out.push(this.parseFor(pos, true));
        else if (t === L.T_WITH) out.push(this.parseWith(pos, true));
        else this.syntaxError();
        return;
      }
      case L.T_INDENT:
        this.syntaxError();
        break;
      default:
        this.parseSimpleStatement(out);
    }
  }

  private parseSimpleStatement(out: A.Stmt[]): void {
    for (;;) {
      const s = this.parseSmallStatement();
      if (s !== null) out.push(s);
      if (this.eat(L.T_SEMI)) {
        if (this.tok() === L.T_NEWLINE || this.tok() === L.T_EOF) break;
        continue;
      }
      break;
    }
    if (this.tok() === L.T_EOF) return;
    this.expect(L.T_NEWLINE);
  }

  /** A block after a colon: an indented suite or a simple statement on the same line. */
  private parseSuite(): A.Stmt[] {
    this.expect(L.T_COLON);
    const body: A.Stmt[] = [];
    if (this.tok() !== L.T_NEWLINE) {
      this.parseSimpleStatement(body);
      return body;
    }
    this.next();
    if (this.tok() !== L.T_INDENT) this.lex.error(messages.expectedIndent, this.lex.start, this.lex.tokLine, this.lex.start - this.lex.tokCol, 'IndentationError');
    this.next();
    this.enter();
    while (this.tok() !== L.T_DEDENT && this.tok() !== L.T_EOF) {
      this.parseStatement(body);
    }
    this.depth--;
    this.eat(L.T_DEDENT);
    return body;
  }

  private parseSmallStatement(): A.Stmt | null {
    const pos = this.pos();
    switch (this.tok()) {
      case L.T_PASS:
        this.next();
        return { type: 'Pass', ...pos };
      case L.T_BREAK:
        this.next();
        return { type: 'Break', ...pos };
      case L.T_CONTINUE:
        this.next();
        return { type: 'Continue', ...pos };
      case L.T_RETURN: {
        this.next();
        const value = startsExpr(this.tok()) ? this.parseTestListStarExpr() : null;
        return { type: 'Return', ...pos, value };
      }
      case L.T_RAISE: {
        this.next();
        let exc: A.Expr | null = null;
        let cause: A.Expr | null = null;
        if (startsExpr(this.tok())) {
          exc = this.parseTest();
          if (this.eat(L.T_FROM)) cause = this.parseTest();
        }
        return { type: 'Raise', ...pos, exc, cause };
      }
      case L.T_GLOBAL:
      case L.T_NONLOCAL: {
        const isGlobal = this.tok() === L.T_GLOBAL;
        this.next();
        const names = [this.name()];
        while (this.eat(L.T_COMMA)) names.push(this.name());
        return isGlobal ? { type: 'Global', ...pos, names } : { type: 'Nonlocal', ...pos, names };
      }
      case L.T_DEL: {
        this.next();
        const targets: A.Expr[] = [];
        for (;;) {
          const e = this.parseExprOrStar();
          this.checkDelTarget(e);
          targets.push(e);
          if (!this.eat(L.T_COMMA)) break;
          if (!startsExpr(this.tok())) break;
        }
        return { type: 'Delete', ...pos, targets };
      }
      case L.T_ASSERT: {
        this.next();
        const test = this.parseTest();
        const msg = this.eat(L.T_COMMA) ? this.parseTest() : null;
        return { type: 'Assert', ...pos, test, msg };
      }
      case L.T_IMPORT:
        return this.parseImport(pos);
      case L.T_FROM:
        return this.parseImportFrom(pos);
      default:
        return this.parseExprStatement(pos);
    }
  }

  private parseExprStatement(pos: A.Pos): A.Stmt | null {
    const first = this.tok() === L.T_YIELD ? this.parseYield() : this.parseTestListStarExpr();
    const t = this.tok();
    if (t === L.T_EQUAL) {
      // possibly NAME = const(...)
      const targets: A.Expr[] = [first];
      let value: A.Expr;
      for (;;) {
        this.next();
        value = this.tok() === L.T_YIELD ? this.parseYield() : this.parseTestListStarExpr();
        if (this.tok() !== L.T_EQUAL) break;
        targets.push(value);
      }
      if (this.fold && targets.length === 1) {
        const c = this.constDeclaration(first, value);
        if (c !== undefined) return c;
      }
      for (const target of targets) this.checkAssignTarget(target, false);
      return { type: 'Assign', ...pos, targets, value };
    }
    const aug = augOps[t];
    if (aug !== undefined) {
      this.checkAugTarget(first);
      this.next();
      const value = this.tok() === L.T_YIELD ? this.parseYield() : this.parseTestList(true);
      return { type: 'AugAssign', ...pos, target: first, op: aug, value };
    }
    if (t === L.T_COLON) {
      // annotated assignment
      if (first.type === 'Tuple' || first.type === 'List') this.nodeError(first, 'only single target (not tuple) can be annotated');
      this.checkAssignTarget(first, false);
      this.next();
      const annotation = this.parseTest();
      let value: A.Expr | null = null;
      if (this.eat(L.T_EQUAL)) value = this.tok() === L.T_YIELD ? this.parseYield() : this.parseTestListStarExpr();
      const simple = first.type === 'Name';
      return { type: 'AnnAssign', ...pos, target: first, annotation, value, simple };
    }
    if (first.type === 'Starred') this.nodeError(first, messages.starOutsideTuple);
    return { type: 'Expr', ...pos, value: first };
  }

  /** `NAME = const(value)`: record the constant; returns the statement to emit (or a Pass). */
  private constDeclaration(target: A.Expr, value: A.Expr): A.Stmt | undefined {
    if (target.type !== 'Name' && !(target.type === 'Constant' && (target as ConstName).constName)) return undefined;
    if (value.type !== 'Call' || value.func.type !== 'Name' || value.func.id !== 'const') return undefined;
    if (value.args.length !== 1 || value.keywords.length !== 0 || value.args[0].type === 'Starred') return undefined;
    if (target.type !== 'Name') this.nodeError(target, messages.constRedefined);
    const arg = value.args[0];
    const v = this.constValueOf(arg);
    if (v === undefined) this.nodeError(arg, messages.constNotConstant);
    if (this.consts.has(target.id)) this.nodeError(target, messages.constRedefined);
    this.consts.set(target.id, v);
    const pos = { line: target.line, col: target.col };
    if (target.id.startsWith('_')) return { type: 'Pass', ...pos };
    return { type: 'Assign', ...pos, targets: [target], value: { type: 'Constant', line: arg.line, col: arg.col, value: v } };
  }

  /** The value of a constant expression usable in const(), or undefined. */
  private constValueOf(e: A.Expr): Const | undefined {
    switch (e.type) {
      case 'Constant':
        return e.value;
      case 'Tuple': {
        const items: Const[] = [];
        for (const x of e.elts) {
          const v = this.constValueOf(x);
          if (v === undefined) return undefined;
          items.push(v);
        }
        return new ConstTuple(items);
      }
      case 'Attribute':
        // module constants (MicroPython's MICROPY_COMP_MODULE_CONST): `const(2 * math.pi)`, `const(errno.EIO)`
        if (e.value.type === 'Name') return moduleConstants[e.value.id]?.[e.attr];
        return undefined;
      case 'BinOp': {
        const a = this.constValueOf(e.left);
        const b = a === undefined ? undefined : this.constValueOf(e.right);
        if (a === undefined || b === undefined) return undefined;
        return foldBinary(e.op, a, b) ?? (e.op === '**' ? foldPowInexact(a, b) : undefined);
      }
      case 'UnaryOp': {
        const v = this.constValueOf(e.operand);
        return v === undefined ? undefined : foldUnary(e.op, v);
      }
      default:
        return undefined;
    }
  }

  private parseImport(pos: A.Pos): A.Import {
    this.next();
    const names: A.Alias[] = [];
    do {
      const apos = this.pos();
      let name = this.name();
      while (this.eat(L.T_DOT)) name += '.' + this.name();
      const asname = this.eat(L.T_AS) ? this.name() : null;
      names.push({ type: 'alias', ...apos, name, asname });
    } while (this.eat(L.T_COMMA));
    return { type: 'Import', ...pos, names };
  }

  private parseImportFrom(pos: A.Pos): A.ImportFrom {
    this.next();
    let level = 0;
    for (;;) {
      if (this.eat(L.T_DOT)) level++;
      else if (this.eat(L.T_ELLIPSIS)) level += 3;
      else break;
    }
    let module = '';
    if (this.tok() === L.T_NAME) {
      module = this.name();
      while (this.eat(L.T_DOT)) module += '.' + this.name();
    } else if (level === 0) {
      this.syntaxError();
    }
    this.expect(L.T_IMPORT);
    const names: A.Alias[] = [];
    if (this.tok() === L.T_STAR) {
      names.push({ type: 'alias', ...this.pos(), name: '*', asname: null });
      this.next();
      return { type: 'ImportFrom', ...pos, module, names, level };
    }
    const paren = this.eat(L.T_LPAR);
    for (;;) {
      const apos = this.pos();
      const name = this.name();
      const asname = this.eat(L.T_AS) ? this.name() : null;
      names.push({ type: 'alias', ...apos, name, asname });
      if (!this.eat(L.T_COMMA)) break;
      if (paren && this.tok() === L.T_RPAR) break;
      if (!paren && this.tok() !== L.T_NAME) this.syntaxError('trailing comma not allowed without surrounding parentheses');
    }
    if (paren) this.expect(L.T_RPAR);
    return { type: 'ImportFrom', ...pos, module, names, level };
  }

  /** `if`/`elif`/`else`; an elif chain is built iteratively (generated code can have thousands). */
  private parseIf(): A.If {
    const pos = this.pos();
    this.next();
    const test = this.parseNamedExprTest();
    const first: A.If = { type: 'If', ...pos, test, body: this.parseSuite(), orelse: [] };
    let last = first;
    while (this.tok() === L.T_ELIF) {
      const epos = this.pos();
      this.next();
      const etest = this.parseNamedExprTest();
      const elif: A.If = { type: 'If', ...epos, test: etest, body: this.parseSuite(), orelse: [] };
      last.orelse = [elif];
      last = elif;
    }
    if (this.eat(L.T_ELSE)) last.orelse = this.parseSuite();
    return first;
  }

  private parseWhile(): A.While {
    const pos = this.pos();
    this.next();
    const test = this.parseNamedExprTest();
    const body = this.parseSuite();
    let orelse: A.Stmt[] = [];
    if (this.eat(L.T_ELSE)) orelse = this.parseSuite();
    return { type: 'While', ...pos, test, body, orelse };
  }

  private parseFor(pos: A.Pos, isAsync: boolean): A.For {
    this.next();
    const target = this.parseExprList();
    this.checkAssignTarget(target, false);
    this.expect(L.T_IN);
    const iter = this.parseTestListStarExpr();
    const body = this.parseSuite();
    let orelse: A.Stmt[] = [];
    if (this.eat(L.T_ELSE)) orelse = this.parseSuite();
    return { type: 'For', ...pos, target, iter, body, orelse, isAsync };
  }

  private parseTry(): A.Try {
    const pos = this.pos();
    this.next();
    const body = this.parseSuite();
    const handlers: A.ExceptHandler[] = [];
    while (this.tok() === L.T_EXCEPT) {
      const hpos = this.pos();
      this.next();
      let exctype: A.Expr | null = null;
      let name: string | null = null;
      if (this.tok() !== L.T_COLON) {
        exctype = this.parseTest();
        if (this.tok() === L.T_COMMA) {
          // `except A, B:` is Python 2; `except (A, B):` is the Python 3 form
          this.syntaxError('multiple exception types must be parenthesized');
        }
        if (this.eat(L.T_AS)) name = this.name();
      }
      const hbody = this.parseSuite();
      handlers.push({ type: 'ExceptHandler', ...hpos, exctype, name, body: hbody });
    }
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    if (handlers.length > 0 && this.eat(L.T_ELSE)) orelse = this.parseSuite();
    if (this.eat(L.T_FINALLY)) finalbody = this.parseSuite();
    if (handlers.length === 0 && finalbody.length === 0) this.syntaxError("expected 'except' or 'finally' block");
    for (let i = 0; i < handlers.length - 1; i++) {
      if (handlers[i].exctype === null) this.nodeError(handlers[i], messages.defaultExceptLast);
    }
    return { type: 'Try', ...pos, body, handlers, orelse, finalbody };
  }

  private parseWith(pos: A.Pos, isAsync: boolean): A.With {
    this.next();
    let items = this.tok() === L.T_LPAR ? this.parenthesizedWithItems() : null;
    if (items === null) {
      items = [];
      do items.push(this.parseWithItem());
      while (this.eat(L.T_COMMA));
    }
    const body = this.parseSuite();
    return { type: 'With', ...pos, items, body, isAsync };
  }

  /**
   * At `with (`: try the parenthesised form `with (a as b, c):` (Python 3.10). If the parentheses do not
   * hold with-items followed by `:`, rewind: they belong to an expression (`with (a, b)[0]:`).
   */
  private parenthesizedWithItems(): A.WithItem[] | null {
    const saved = this.lex.save();
    const depth = this.depth;
    try {
      this.next();
      const items: A.WithItem[] = [];
      for (;;) {
        items.push(this.parseWithItem());
        if (!this.eat(L.T_COMMA)) break;
        if (this.tok() === L.T_RPAR) break;
      }
      this.expect(L.T_RPAR);
      if (this.tok() === L.T_COLON) return items;
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
    }
    this.lex.restore(saved);
    this.depth = depth;
    return null;
  }

  private parseWithItem(): A.WithItem {
    const contextExpr = this.parseTest();
    let optionalVars: A.Expr | null = null;
    if (this.eat(L.T_AS)) {
      optionalVars = this.parseExprOrStar();
      this.checkAssignTarget(optionalVars, false);
    }
    return { contextExpr, optionalVars };
  }

  private parseDecorated(): A.Stmt {
    const pos = this.pos();
    const decorators: A.Expr[] = [];
    while (this.eat(L.T_AT)) {
      decorators.push(this.parseNamedExprTest());
      this.expect(L.T_NEWLINE);
    }
    if (this.tok() === L.T_DEF) return this.parseFuncDef(pos, decorators, false);
    if (this.tok() === L.T_CLASS) return this.parseClassDef(pos, decorators);
    if (this.tok() === L.T_ASYNC) {
      this.next();
      if (this.tok() === L.T_DEF) return this.parseFuncDef(pos, decorators, true);
    }
    this.syntaxError();
  }

  private parseFuncDef(pos: A.Pos, decorators: A.Expr[], isAsync: boolean): A.FunctionDef {
    this.expect(L.T_DEF);
    const name = this.name();
    this.expect(L.T_LPAR);
    const args = this.parseParameters(true, L.T_RPAR);
    this.expect(L.T_RPAR);
    let returns: A.Expr | null = null;
    if (this.eat(L.T_ARROW)) returns = this.parseTest();
    const body = this.parseSuite();
    return { type: 'FunctionDef', ...pos, name, args, body, decorators, returns, isAsync };
  }

  private parseClassDef(pos: A.Pos, decorators: A.Expr[]): A.ClassDef {
    this.expect(L.T_CLASS);
    const name = this.name();
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this.eat(L.T_LPAR)) {
      const call = this.parseCallArgs({ type: 'Name', ...pos, id: name });
      bases = call.args;
      keywords = call.keywords;
    }
    const body = this.parseSuite();
    return { type: 'ClassDef', ...pos, name, bases, keywords, body, decorators };
  }

  /** Parameters of a def (typed: annotations allowed) or lambda, up to (not including) `end`. */
  private parseParameters(typed: boolean, end: number): A.Arguments {
    const posonlyargs: A.Arg[] = [];
    const args: A.Arg[] = [];
    const defaults: A.Expr[] = [];
    const kwonlyargs: A.Arg[] = [];
    const kwDefaults: (A.Expr | null)[] = [];
    let vararg: A.Arg | null = null;
    let kwarg: A.Arg | null = null;
    let sawStar = false;
    const seen = new Set<string>();
    const param = (): A.Arg => {
      const apos = this.pos();
      const name = this.name();
      if (seen.has(name)) this.nodeError(apos, messages.nameReusedForArgument);
      seen.add(name);
      let annotation: A.Expr | null = null;
      if (typed && this.eat(L.T_COLON)) annotation = this.parseTest();
      return { type: 'arg', ...apos, arg: name, annotation };
    };
    while (this.tok() !== end) {
      if (kwarg !== null) this.syntaxError();
      if (this.tok() === L.T_DOUBLESTAR) {
        this.next();
        kwarg = param();
        if (this.tok() === L.T_EQUAL) this.syntaxError();
      } else if (this.tok() === L.T_STAR) {
        if (sawStar) this.syntaxError();
        this.next();
        sawStar = true;
        if (this.tok() === L.T_NAME) {
          vararg = param();
          if (this.tok() === L.T_EQUAL) this.syntaxError();
}
      } else if (this.tok() === L.T_SLASH) {
        if (sawStar || posonlyargs.length > 0 || args.length === 0) this.syntaxError();
        this.next();
        posonlyargs.push(...args);
        args.length = 0;
      } else {
        const a = param();
        if (sawStar) {
          kwonlyargs.push(a);
          kwDefaults.push(this.eat(L.T_EQUAL) ? this.parseTest() : null);
        } else {
          args.push(a);
          if (this.eat(L.T_EQUAL)) defaults.push(this.parseTest());
          else if (defaults.length > 0) this.nodeError(a, messages.nonDefaultAfterDefault);
        }
      }
      if (!this.eat(L.T_COMMA)) break;
    }
    return { posonlyargs, args, vararg, kwonlyargs, kwDefaults, kwarg, defaults };
  }

  // ---- targets ---------------------------------------------------------------------------------

  private checkAssignTarget(e: A.Expr, inSequence: boolean): void {
    switch (e.type) {
      case 'Name':
        if (e.id === '__debug__') this.nodeError(e, messages.cantAssignDebug);
        return;
      case 'Attribute':
      case 'Subscript':
        return;
      case 'Starred':
        if (!inSequence) this.nodeError(e, messages.starOutsideTuple);
        this.checkAssignTarget(e.value, false);
        return;
      case 'Tuple':
      case 'List': {
        if (e.type === 'Tuple' && e.elts.length === 0) this.nodeError(e, messages.cantAssignExpr);
        let stars = 0;
        for (const x of e.elts) {
          if (x.type === 'Starred' && ++stars > 1) this.nodeError(x, messages.multipleStar);
          this.checkAssignTarget(x, true);
        }
        return;
      }
      case 'Constant':
        this.nodeError(e, messages.cantAssignLiteral);
        break;
      default:
        this.nodeError(e, messages.cantAssignExpr);
    }
  }

  private checkAugTarget(e: A.Expr): void {
    if (e.type === 'Name') {
      if (e.id === '__debug__') this.nodeError(e, messages.cantAssignDebug);
      return;
    }
    if (e.type === 'Attribute' || e.type === 'Subscript') return;
    this.nodeError(e, e.type === 'Constant' ? messages.cantAssignLiteral : messages.cantAssignExpr);
  }

  private checkDelTarget(e: A.Expr): void {
    switch (e.type) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        return;
      case 'Tuple':
        if (e.elts.length === 0) this.nodeError(e, messages.cantDeleteExpr);
        for (const x of e.elts) this.checkDelTarget(x);
        return;
      case 'List':
        for (const x of e.elts) this.checkDelTarget(x);
        return;
      default:
        this.nodeError(e, messages.cantDeleteExpr);
    }
  }

  // ---- expressions -----------------------------------------------------------------------------

  /** `testlist_star_expr`: tests or starred exprs, a bare tuple if there is a comma. */
  private parseTestListStarExpr(): A.Expr {
    const pos = this.pos();
    const first = this.parseTestOrStar();
    if (this.tok() !== L.T_COMMA) return first;
    const elts = [first];
    while (this.eat(L.T_COMMA)) {
      if (!startsExpr(this.tok()) || this.tok() === L.T_YIELD) break;
      elts.push(this.parseTestOrStar());
    }
    return { type: 'Tuple', ...pos, elts, parenthesized: false };
  }

  /** `testlist`: like testlist_star_expr; `allowStar` for the places 3.8+ accepts `*x` too. */
  private parseTestList(allowStar: boolean): A.Expr {
    const pos = this.pos();
    const first = allowStar ? this.parseTestOrStar() : this.parseTest();
    if (this.tok() !== L.T_COMMA) return first;
    const elts = [first];
    while (this.eat(L.T_COMMA)) {
      if (!startsExpr(this.tok()) || this.tok() === L.T_YIELD) break;
      elts.push(allowStar ? this.parseTestOrStar() : this.parseTest());
    }
    return { type: 'Tuple', ...pos, elts, parenthesized: false };
  }

  /** `exprlist` (for-loop and del targets): star_expr | expr, comma-separated. */
  private parseExprList(): A.Expr {
    const pos = this.pos();
    const first = this.parseExprOrStar();
    if (this.tok() !== L.T_COMMA) return first;
    const elts = [first];
    while (this.eat(L.T_COMMA)) {
      if (this.tok() === L.T_IN || this.tok() === L.T_EQUAL || !startsExpr(this.tok())) break;
      elts.push(this.parseExprOrStar());
    }
    return { type: 'Tuple', ...pos, elts, parenthesized: false };
  }

  private parseTestOrStar(): A.Expr {
    if (this.tok() === L.T_STAR) {
      const pos = this.pos();
      this.next();
      return { type: 'Starred', ...pos, value: this.parseBinary(1) };
    }
    return this.parseTest();
  }

  private parseExprOrStar(): A.Expr {
    if (this.tok() === L.T_STAR) {
      const pos = this.pos();
      this.next();
      return { type: 'Starred', ...pos, value: this.parseBinary(1) };
    }
    return this.parseBinary(1);
  }

  /** `namedexpr_test`: test [':=' test] */
  private parseNamedExprTest(): A.Expr {
    const pos = this.pos();
    const e = this.parseTest();
    if (this.tok() !== L.T_COLONEQUAL) return e;
    if (e.type !== 'Name') this.nodeError(e, messages.namedExprTarget);
    this.next();
    const value = this.parseTest();
    return { type: 'NamedExpr', ...pos, target: e, value };
  }

  private parseNamedExprOrStar(): A.Expr {
    if (this.tok() === L.T_STAR) return this.parseTestOrStar();
    return this.parseNamedExprTest();
  }

  /** `test`: or_test ['if' or_test 'else' test] | lambdef */
  private parseTest(): A.Expr {
    if (this.tok() === L.T_LAMBDA) return this.parseLambda(true);
    const pos = this.pos();
    const e = this.parseOrTest();
    if (this.tok() !== L.T_IF) return e;
    this.next();
    const test = this.parseOrTest();
    this.expect(L.T_ELSE);
    const orelse = this.parseTest();
    return { type: 'IfExp', ...pos, test, body: e, orelse };
  }

  /** `test_nocond` (comprehension conditions): no conditional expression, lambda allowed. */
  private parseTestNoCond(): A.Expr {
    if (this.tok() === L.T_LAMBDA) return this.parseLambda(false);
    return this.parseOrTest();
  }

  private parseLambda(allowCond: boolean): A.Lambda {
    const pos = this.pos();
    this.next();
    const args = this.parseParameters(false, L.T_COLON);
    this.expect(L.T_COLON);
    const body = allowCond ? this.parseTest() : this.parseTestNoCond();
    return { type: 'Lambda', ...pos, args, body };
  }

  private parseOrTest(): A.Expr {
    const pos = this.pos();
    const e = this.parseAndTest();
    if (this.tok() !== L.T_OR) return e;
    const values = [e];
    while (this.eat(L.T_OR)) values.push(this.parseAndTest());
    return { type: 'BoolOp', ...pos, op: 'or', values };
  }

  private parseAndTest(): A.Expr {
    const pos = this.pos();
    const e = this.parseNotTest();
    if (this.tok() !== L.T_AND) return e;
    const values = [e];
    while (this.eat(L.T_AND)) values.push(this.parseNotTest());
    return { type: 'BoolOp', ...pos, op: 'and', values };
  }

  private parseNotTest(): A.Expr {
    if (this.tok() === L.T_NOT) {
      const pos = this.pos();
      this.next();
      this.enter();
      const operand = this.parseNotTest();
      this.depth--;
      return { type: 'UnaryOp', ...pos, op: 'not', operand };
    }
    return this.parseComparison();
  }

  private parseComparison(): A.Expr {
    const pos = this.pos();
    const left = this.parseBinary(1);
    let ops: A.CmpOperator[] | null = null;
    let comparators: A.Expr[] | null = null;
    for (;;) {
      let op: A.CmpOperator | undefined = cmpOps[this.tok()];
      if (op !== undefined) {
        this.next();
      } else if (this.tok() === L.T_IN) {
        this.next();
        op = 'in';
      } else if (this.tok() === L.T_NOT) {
        this.next();
        this.expect(L.T_IN);
        op = 'not in';
      } else if (this.tok() === L.T_IS) {
        this.next();
        op = this.eat(L.T_NOT) ? 'is not' : 'is';
      } else {
        break;
      }
      (ops ??= []).push(op);
      (comparators ??= []).push(this.parseBinary(1));
    }
    if (ops === null) return left;
    return { type: 'Compare', ...pos, left, ops, comparators: comparators! };
  }

  /** Binary operators `| ^ & << >> + - * @ / // %` by precedence climbing. */
  private parseBinary(minPrec: number): A.Expr {
    const pos = this.pos();
    let left = this.parseFactor();
    for (;;) {
      const prec = binPrec(this.tok());
      if (prec < minPrec || prec === 0) return left;
      const op = binOps[this.tok()];
      this.next();
      const right = this.parseBinary(prec + 1);
      left = this.makeBinOp(pos, left, op, right);
    }
  }

  private makeBinOp(pos: A.Pos, left: A.Expr, op: A.BinOperator, right: A.Expr): A.Expr {
    if (this.fold && left.type === 'Constant' && right.type === 'Constant') {
      const v = foldBinary(op, left.value, right.value);
      if (v !== undefined) return { type: 'Constant', ...pos, value: v };
    }
    return { type: 'BinOp', ...pos, left, op, right };
  }

  /** `factor`: ('+'|'-'|'~') factor | power */
  private parseFactor(): A.Expr {
    const t = this.tok();
    if (t === L.T_MINUS || t === L.T_PLUS || t === L.T_TILDE) {
      const pos = this.pos();
      this.next();
      this.enter();
      const operand = this.parseFactor();
      this.depth--;
      const op: A.UnaryOperator = t === L.T_MINUS ? '-' : t === L.T_PLUS ? '+' : '~';
      if (this.fold && operand.type === 'Constant') {
        const v = foldUnary(op, operand.value);
        if (v !== undefined) return { type: 'Constant', ...pos, value: v };
      }
      return { type: 'UnaryOp', ...pos, op, operand };
    }
    return this.parsePower();
  }

  /** `power`: await_primary ['**' factor] */
  private parsePower(): A.Expr {
    const pos = this.pos();
    const base = this.parseAwaitPrimary();
    if (this.tok() !== L.T_DOUBLESTAR) return base;
    this.next();
    this.enter();
    const exp = this.parseFactor();
    this.depth--;
    return this.makeBinOp(pos, base, '**', exp);
  }

  private parseAwaitPrimary(): A.Expr {
    if (this.tok() === L.T_AWAIT) {
      const pos = this.pos();
      this.next();
      this.enter();
      const value = this.parseAwaitPrimary();
      this.depth--;
      return { type: 'Await', ...pos, value };
    }
    const pos = this.pos();
    let e = this.parseAtom();
    for (;;) {
      const t = this.tok();
      if (t === L.T_DOT) {
        this.next();
        e = { type: 'Attribute', ...pos, value: e, attr: this.name() };
      } else if (t === L.T_LPAR) {
        this.next();
        e = this.parseCallArgs(e, pos);
      } else if (t === L.T_LSQB) {
        this.next();
        const slice = this.parseSubscriptList();
        this.expect(L.T_RSQB);
        e = { type: 'Subscript', ...pos, value: e, slice };
      } else {
        return e;
      }
    }
  }

  /** Arguments of a call after `(`, consuming `)`. */
  private parseCallArgs(func: A.Expr, pos: A.Pos = func): A.Call {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawDblStar = false;
    let sawKeyword = false;
    const kwNames = new Set<string>();
    let genexpAt: A.Expr | null = null;
    this.enter();
    while (this.tok() !== L.T_RPAR) {
      const apos = this.pos();
      if (this.tok() === L.T_STAR) {
        this.next();
        if (sawDblStar) this.nodeError(apos, messages.starAfterDblStar);
        args.push({ type: 'Starred', ...apos, value: this.parseTest() });
      } else if (this.tok() === L.T_DOUBLESTAR) {
        this.next();
        sawDblStar = true;
        keywords.push({ type: 'keyword', ...apos, arg: null, value: this.parseTest() });
      } else {
        let e = this.parseNamedExprTest();
        if (this.tok() === L.T_EQUAL) {
          let kwName: string | undefined;
          if (e.type === 'Name') kwName = e.id;
          else if (e.type === 'Constant' && (e as ConstName).constName !== undefined) kwName = (e as ConstName).constName;
          if (kwName === undefined) this.nodeError(e, e.type === 'Constant' ? 'expression cannot contain assignment' : messages.lhsKeyword);
          this.next();
          if (kwNames.has(kwName)) this.nodeError(e, messages.kwArgRepeated);
          kwNames.add(kwName);
          sawKeyword = true;
          keywords.push({ type: 'keyword', ...apos, arg: kwName, value: this.parseTest() });
        } else {
          if (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
            e = this.parseComprehensionTail('GeneratorExp', apos, e, null);
            genexpAt = e;
          }
          if (sawDblStar) this.nodeError(e, messages.positionalAfterKwUnpack);
          if (sawKeyword) this.nodeError(e, messages.positionalAfterKeyword);
          args.push(e);
        }
      }
      if (!this.eat(L.T_COMMA)) break;
    }
    this.depth--;
    this.expect(L.T_RPAR);
    if (genexpAt !== null && args.length + keywords.length > 1) this.nodeError(genexpAt, messages.genexpMustBeParenthesized);
    return { type: 'Call', ...pos, func, args, keywords };
  }

  private parseSubscriptList(): A.Expr {
    const pos = this.pos();
    const first = this.parseSubscript();
    if (this.tok() !== L.T_COMMA) return first;
    const elts = [first];
    while (this.eat(L.T_COMMA)) {
      if (this.tok() === L.T_RSQB) break;
      elts.push(this.parseSubscript());
    }
    return { type: 'Tuple', ...pos, elts, parenthesized: false };
  }

  private parseSubscript(): A.Expr {
    const pos = this.pos();
    let lower: A.Expr | null = null;
    if (this.tok() === L.T_STAR) return this.parseTestOrStar();
    if (this.tok() !== L.T_COLON) {
      lower = this.parseNamedExprTest();
      if (this.tok() !== L.T_COLON) return lower;
    }
    this.next();
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (this.tok() !== L.T_COLON && this.tok() !== L.T_RSQB && this.tok() !== L.T_COMMA) upper = this.parseTest();
    if (this.eat(L.T_COLON)) {
      if (this.tok() !== L.T_RSQB && this.tok() !== L.T_COMMA) step = this.parseTest();
    }
    return { type: 'Slice', ...pos, lower, upper, step };
  }

  private parseYield(): A.Expr {
    const pos = this.pos();
    this.next();
    if (this.eat(L.T_FROM)) return { type: 'YieldFrom', ...pos, value: this.parseTest() };
    const value = startsExpr(this.tok()) && this.tok() !== L.T_YIELD ? this.parseTestListStarExpr() : null;
    return { type: 'Yield', ...pos, value };
  }

  private parseAtom(): A.Expr {
    const lex = this.lex;
    const pos = this.pos();
    switch (lex.type) {
      case L.T_NAME: {
        const id = lex.value as string;
        lex.next();
        if (this.consts.size > 0) {
          const v = this.consts.get(id);
          if (v !== undefined) {
            const c: ConstName = { type: 'Constant', ...pos, value: v };
            Object.defineProperty(c, 'constName', { value: id, enumerable: false });
            return c;
          }
        }
        return { type: 'Name', ...pos, id };
      }
      case L.T_INT: {
        const value = lex.value as number | bigint;
        lex.next();
        return { type: 'Constant', ...pos, value };
      }
      case L.T_FLOAT: {
        const value = new ConstFloat(lex.value as number);
        lex.next();
        return { type: 'Constant', ...pos, value };
      }
      case L.T_IMAG: {
        const value = new ConstComplex(0, lex.value as number);
        lex.next();
        return { type: 'Constant', ...pos, value };
      }
      case L.T_STRING:
      case L.T_BYTES:
      case L.T_FSTRING:
        return this.parseStrings(pos);
      case L.T_NONE:
        lex.next();
        return { type: 'Constant', ...pos, value: null };
      case L.T_TRUE:
        lex.next();
        return { type: 'Constant', ...pos, value: true };
      case L.T_FALSE:
        lex.next();
        return { type: 'Constant', ...pos, value: false };
      case L.T_ELLIPSIS:
        lex.next();
        return { type: 'Constant', ...pos, value: ConstEllipsis };
      case L.T_LPAR:
        return this.parseParen(pos);
      case L.T_LSQB:
        return this.parseListDisplay(pos);
      case L.T_LBRACE:
        return this.parseDictOrSet(pos);
      default:
        this.syntaxError();
    }
  }

  private parseParen(pos: A.Pos): A.Expr {
    this.next();
    this.enter();
    try {
      if (this.eat(L.T_RPAR)) return { type: 'Tuple', ...pos, elts: [], parenthesized: true };
      if (this.tok() === L.T_YIELD) {
        const y = this.parseYield();
        this.expect(L.T_RPAR);
        return y;
      }
      const first = this.parseNamedExprOrStar();
      if (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
        const g = this.parseComprehensionTail('GeneratorExp', pos, first, null);
        this.expect(L.T_RPAR);
        return g;
      }
      if (this.eat(L.T_RPAR)) {
        if (first.type === 'Starred') this.nodeError(first, messages.starOutsideTuple);
        if (first.type === 'Tuple') return { ...first, parenthesized: true };
        return first;
      }
      const elts = [first];
      while (this.eat(L.T_COMMA)) {
        if (this.tok() === L.T_RPAR) break;
        elts.push(this.parseNamedExprOrStar());
      }
      this.expect(L.T_RPAR);
      return { type: 'Tuple', ...pos, elts, parenthesized: true };
    } finally {
      this.depth--;
    }
  }

  private parseListDisplay(pos: A.Pos): A.Expr {
    this.next();
    this.enter();
    try {
      if (this.eat(L.T_RSQB)) return { type: 'List', ...pos, elts: [] };
      const first = this.parseNamedExprOrStar();
      if (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
        const c = this.parseComprehensionTail('ListComp', pos, first, null);
        this.expect(L.T_RSQB);
        return c;
      }
      const elts = [first];
      while (this.eat(L.T_COMMA)) {
        if (this.tok() === L.T_RSQB) break;
        elts.push(this.parseNamedExprOrStar());
      }
      this.expect(L.T_RSQB);
      return { type: 'List', ...pos, elts };
    } finally {
      this.depth--;
    }
  }

  private parseDictOrSet(pos: A.Pos): A.Expr {
    this.next();
    this.enter();
    try {
      if (this.eat(L.T_RBRACE)) return { type: 'Dict', ...pos, keys: [], values: [] };
      // first item decides dict or set
      if (this.tok() === L.T_DOUBLESTAR) return this.parseDictRest(pos);
      const first = this.parseNamedExprOrStar();
      if (this.tok() === L.T_COLON && first.type !== 'Starred') {
        this.next();
        const value = this.parseTest();
        if (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
          const c = this.parseComprehensionTail('DictComp', pos, first, value);
          this.expect(L.T_RBRACE);
          return c;
        }
        return this.parseDictRest(pos, first, value);
      }
      if (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
        const c = this.parseComprehensionTail('SetComp', pos, first, null);
        this.expect(L.T_RBRACE);
        return c;
      }
      const elts = [first];
      while (this.eat(L.T_COMMA)) {
        if (this.tok() === L.T_RBRACE) break;
        elts.push(this.parseNamedExprOrStar());
        if (this.tok() === L.T_COLON) this.syntaxError(messages.setExpectValue);
      }
      this.expect(L.T_RBRACE);
      return { type: 'Set', ...pos, elts };
    } finally {
      this.depth--;
    }
  }

  private parseDictRest(pos: A.Pos, firstKey?: A.Expr, firstValue?: A.Expr): A.Dict {
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    if (firstKey !== undefined) {
      keys.push(firstKey);
      values.push(firstValue!);
      if (!this.eat(L.T_COMMA)) {
        this.expect(L.T_RBRACE);
        return { type: 'Dict', ...pos, keys, values };
      }
    }
    while (this.tok() !== L.T_RBRACE) {
      if (this.eat(L.T_DOUBLESTAR)) {
        keys.push(null);
        values.push(this.parseBinary(1));
      } else {
        const k = this.parseTest();
        if (this.tok() !== L.T_COLON) this.syntaxError(messages.dictExpectKeyValue);
        this.next();
        keys.push(k);
        values.push(this.parseTest());
      }
      if (!this.eat(L.T_COMMA)) break;
    }
    this.expect(L.T_RBRACE);
    return { type: 'Dict', ...pos, keys, values };
  }

  private parseComprehensionTail(kind: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp', pos: A.Pos, elt: A.Expr, value: A.Expr | null): A.Expr {
    if (elt.type === 'Starred') this.nodeError(elt, kind === 'ListComp' ? 'iterable unpacking cannot be used in comprehension' : messages.starOutsideTuple);
    const generators: A.Comprehension[] = [];
    while (this.tok() === L.T_FOR || this.tok() === L.T_ASYNC) {
      const isAsync = this.eat(L.T_ASYNC);
      this.expect(L.T_FOR);
      const target = this.parseExprList();
      this.checkAssignTarget(target, false);
      this.expect(L.T_IN);
      const iter = this.parseOrTest();
      const ifs: A.Expr[] = [];
      while (this.eat(L.T_IF)) ifs.push(this.parseTestNoCond());
      generators.push({ target, iter, ifs, isAsync });
    }
    if (kind === 'DictComp') return { type: 'DictComp', ...pos, key: elt, value: value!, generators };
    return { type: kind, ...pos, elt, generators };
  }

  // ---- strings ---------------------------------------------------------------------------------

  /** Adjacent string literals concatenate; f-strings make a JoinedStr. */
  private parseStrings(pos: A.Pos): A.Expr {
    const lex = this.lex;
    let isBytes: boolean | null = null;
    let hasF = false;
    let text = '';
    let values: A.Expr[] | null = null;
    while (lex.type === L.T_STRING || lex.type === L.T_BYTES || lex.type === L.T_FSTRING) {
      const b = lex.type === L.T_BYTES;
      if (isBytes !== null && isBytes !== b) lex.tokenError(messages.mixBytes);
      isBytes = b;
      if (lex.type === L.T_FSTRING) {
        hasF = true;
        values ??= [];
        const fv = lex.value as FStringValue;
        const tokLine = lex.tokLine;
        const tokCol = lex.tokCol;
        lex.next();
        for (const part of fv.parts) {
          if (typeof part === 'string') {
            text += part;
          } else {
            if (part.debugText !== null) text += part.debugText;
            if (text) {
              values.push({ type: 'Constant', line: tokLine, col: tokCol, value: text });
              text = '';
            }
            values.push(this.fstringField(part));
          }
        }
      } else {
        text += lex.value as string;
        lex.next();
      }
    }
    if (!hasF) {
      if (isBytes) {
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        return { type: 'Constant', ...pos, value: bytes };
      }
      return { type: 'Constant', ...pos, value: text };
    }
    if (text) values!.push({ type: 'Constant', ...pos, value: text });
    return { type: 'JoinedStr', ...pos, values: values! };
  }

  /** A replacement field (its `=` debug text is added by the caller, as literal text). */
  private fstringField(f: L.FStringField): A.FormattedValue {
    const saved = this.lex;
    const sub = new Lexer(this.src, this.filename, {
      start: f.exprStart,
      end: f.exprEnd,
      line: f.line,
      lineStart: f.lineStart,
      bracketed: true,
      fstringDepth: 1,
    });
    this.lex = sub;
    let value: A.Expr;
    try {
      sub.next();
      value = this.tok() === L.T_YIELD ? this.parseYield() : this.parseTestListStarExpr();
      if (sub.type !== L.T_EOF) this.syntaxError();
    } finally {
      this.lex = saved;
    }
    const pos = { line: value.line, col: value.col };
    let formatSpec: A.JoinedStr | null = null;
    if (f.spec !== null) formatSpec = this.fstringSpec(f.spec, pos);
    return { type: 'FormattedValue', ...pos, value, conversion: f.conversion, formatSpec };
  }

  private fstringSpec(parts: FStringPart[], pos: A.Pos): A.JoinedStr {
    const values: A.Expr[] = [];
    let text = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        text += p;
        continue;
      }
      if (p.debugText !== null) text += p.debugText;
      if (text) values.push({ type: 'Constant', ...pos, value: text });
      text = '';
      values.push(this.fstringField(p));
    }
    if (text) values.push({ type: 'Constant', ...pos, value: text });
    return { type: 'JoinedStr', ...pos, values };
  }

}
