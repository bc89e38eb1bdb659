// Scope analysis (MicroPython's py/scope.c and the MP_PASS_SCOPE pass of py/compile.c; CPython's
// Python/symtable.c): decides for every name in every scope whether it is a fast local, a cell, a free
// variable from an enclosing function, an explicit or an implicit global.
//
// Two passes: `collect` walks the AST recording how each scope uses each name (bound, used, declared
// global/nonlocal, parameter); `analyze` then resolves names top-down (which enclosing functions bind
// what) and bottom-up (a name a nested scope needs becomes a cell here, or passes through as free).
import type * as A from './ast.js';
import { CompileError, messages } from './errors.js';

// ---- scope kinds ------------------------------------------------------------------------------------
/** The module (also exec/eval/single input). */
export const SCOPE_MODULE = 0;
/** A class body. */
export const SCOPE_CLASS = 1;
/** A def (also async def). */
export const SCOPE_FUNCTION = 2;
/** A lambda. */
export const SCOPE_LAMBDA = 3;
/** A list/set/dict comprehension or generator expression: a nested function taking the iterator `.0`. */
export const SCOPE_COMPREHENSION = 4;

// ---- name kinds (MicroPython's ID_INFO_KIND_*) --------------------------------------------------------
/** Bound in this scope: a fast slot in functions, a namespace entry in module and class bodies. */
export const NAME_LOCAL = 1;
/** Declared `global` here (or assigned by `:=` from a comprehension at module level). */
export const NAME_GLOBAL_EXPLICIT = 2;
/** Not bound anywhere enclosing: a global or a builtin. */
export const NAME_GLOBAL_IMPLICIT = 3;
/** Bound in an enclosing function: reached through this function's closure. */
export const NAME_FREE = 4;
/** Bound here and used by a nested scope: lives in a cell. */
export const NAME_CELL = 5;

// ---- symbol flags collected per scope ---------------------------------------------------------------
const DEF_LOCAL = 0x01;
const DEF_PARAM = 0x02;
const DEF_GLOBAL = 0x04;
const DEF_NONLOCAL = 0x08;
const USE = 0x10;
const DEF_COMP_ITER = 0x20;

export class Scope {
  readonly kind: number;
  /** The function/class name (`<module>`, `<lambda>`, `<listcomp>` ...). */
  readonly name: string;
  qualname: string;
  readonly parent: Scope | null;
  readonly children: Scope[] = [];
  readonly node: A.Node;
  /** Symbol flags by name, in order of first appearance. */
  readonly symbols = new Map<string, number>();
  /** Resolution of every name (filled by analyze). */
  readonly resolved = new Map<string, number>();
  /** Fast-local slot names: parameters first. */
  readonly varnames: string[] = [];
  readonly cellvars: string[] = [];
  readonly freevars: string[] = [];
  argCount = 0;
  posOnlyArgCount = 0;
  kwOnlyArgCount = 0;
  hasVarargs = false;
  hasVarkw = false;
  isAsync = false;
  isGenerator = false;
  /** Contains `await` or `async for/with` (comprehensions inside async functions become async). */
  usesAwait = false;
  /** A class body whose methods use `super` or `__class__`: it has the implicit `__class__` cell. */
  needsClassCell = false;
  /** Nesting inside a function (CO_NESTED). */
  nested = false;
  /** First line of the definition. */
  readonly line: number;
  /** `return value` statements, checked against async generators once the body is known. */
  readonly returnsWithValue: A.Pos[] = [];

  constructor(kind: number, name: string, parent: Scope | null, node: A.Node, line: number) {
    this.kind = kind;
    this.name = name;
    this.parent = parent;
    this.node = node;
    this.line = line;
    this.qualname = name;
  }

  /** Functions, lambdas and comprehensions use fast locals; module and class bodies use namespaces. */
  get isFunctionLike(): boolean {
    return this.kind >= SCOPE_FUNCTION;
  }

  /** How `name` resolves here (names never mentioned resolve as globals). */
  lookup(name: string): number {
    return this.resolved.get(name) ?? (this.kind === SCOPE_MODULE ? NAME_LOCAL : NAME_GLOBAL_IMPLICIT);
  }

  /** Index of a cell or free variable in the frame's cell array `[...cellvars, ...freevars]`. */
  cellIndex(name: string): number {
    const i = this.cellvars.indexOf(name);
    if (i >= 0) return i;
    const j = this.freevars.indexOf(name);
    return j < 0 ? -1 : this.cellvars.length + j;
  }

  private add(name: string, flag: number): void {
    this.symbols.set(name, (this.symbols.get(name) ?? 0) | flag);
  }

  /** @internal */
  use(name: string): void {
    this.add(name, USE);
  }

  /** @internal */
  bind(name: string): void {
    this.add(name, DEF_LOCAL);
  }

  /** @internal */
  flags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** @internal */
  setFlag(name: string, flag: number): void {
    this.add(name, flag);
  }
}

export interface ScopeInfo {
  readonly module: Scope;
  /** The scope of each FunctionDef, ClassDef, Lambda and comprehension node. */
  readonly scopes: Map<A.Node, Scope>;
}

/** Analyse a parsed module. Throws CompileError for scoping errors. */
export function analyzeScopes(mod: A.Mod, filename: string, source: string): ScopeInfo {
  const c = new Collector(filename, source);
  const module = new Scope(SCOPE_MODULE, '<module>', null, mod, 1);
  c.scopes.set(mod, module);
  c.cur = module;
  if (mod.type === 'Expression') c.expr(mod.body);
  else c.stmts(mod.body);
  analyze(module, new Set(), c);
  return { module, scopes: c.scopes };
}

class Collector {
  readonly scopes = new Map<A.Node, Scope>();
  cur!: Scope;
  readonly filename: string;
  readonly source: string;
  /** Iteration variables of the comprehension being visited (for `:=` checks). */
  compIterVars: Set<string> | null = null;
  /** Inside a comprehension's iterable expression (where `:=` is not allowed). */
  inCompIterable = 0;

  constructor(filename: string, source: string) {
    this.filename = filename;
    this.source = source;
  }

  error(node: A.Pos, msg: string): never {
    const lines = this.source.split('\n');
    throw new CompileError('SyntaxError', msg, this.filename, node.line, node.col + 1, lines[node.line - 1]);
  }

  private push(kind: number, name: string, node: A.Node, line: number): Scope {
    const parent = this.cur;
    const s = new Scope(kind, name, parent, node, line);
    parent.children.push(s);
    s.nested = parent.isFunctionLike || parent.nested;
    if (kind !== SCOPE_MODULE) {
      // (as CPython: functions and lambdas add `.<locals>`; comprehension scopes do not)
      const base = parent.kind === SCOPE_MODULE ? '' : parent.kind === SCOPE_FUNCTION || parent.kind === SCOPE_LAMBDA ? `${parent.qualname}.<locals>.` : `${parent.qualname}.`;
      s.qualname = base + name;
    }
    this.scopes.set(node, s);
    this.cur = s;
    return s;
  }

  stmts(body: A.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: A.Stmt): void {
    const cur = this.cur;
    switch (s.type) {
      case 'FunctionDef': {
        for (const d of s.decorators) this.expr(d);
        this.argDefaults(s.args);
        cur.bind(s.name);
        const fs = this.push(SCOPE_FUNCTION, s.name, s, s.line);
        fs.isAsync = s.isAsync;
        const savedIter = this.compIterVars;
        const savedIterable = this.inCompIterable;
        this.compIterVars = null;
        this.inCompIterable = 0;
        this.params(fs, s.args);
        this.stmts(s.body);
        this.compIterVars = savedIter;
        this.inCompIterable = savedIterable;
        this.cur = cur;
        this.finishFunction(fs);
        return;
      }
      case 'ClassDef': {
        for (const d of s.decorators) this.expr(d);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        cur.bind(s.name);
        this.push(SCOPE_CLASS, s.name, s, s.line);
        const savedIter = this.compIterVars;
        const savedIterable = this.inCompIterable;
        this.compIterVars = null;
        this.inCompIterable = 0;
        this.stmts(s.body);
        this.compIterVars = savedIter;
        this.inCompIterable = savedIterable;
        this.cur = cur;
        return;
      }
      case 'Return':
        if (!cur.isFunctionLike || cur.kind === SCOPE_COMPREHENSION) this.error(s, messages.returnOutsideFunction);
        if (s.value) {
          this.expr(s.value);
          cur.returnsWithValue.push(s);
        }
        return;
      case 'Delete':
        for (const t of s.targets) this.target(t);
        return;
      case 'Assign':
        this.expr(s.value);
        for (const t of s.targets) this.target(t);
        return;
      case 'AugAssign':
        this.expr(s.value);
        if (s.target.type === 'Name') {
          cur.use(s.target.id);
          cur.bind(s.target.id);
        } else {
          this.expr(s.target);
        }
        return;
      case 'AnnAssign':
        if (s.value) this.expr(s.value);
        if (s.target.type === 'Name') {
          if (s.value || cur.isFunctionLike) cur.bind(s.target.id);
        } else if (s.value) {
          this.target(s.target);
        } else {
          this.expr(s.target);
        }
        return;
      case 'For':
        if (s.isAsync) this.asyncConstruct(s, "'async for' outside async function");
        this.expr(s.iter);
        this.target(s.target);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'While':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'If': {
        let x: A.If = s;
        for (;;) {
          this.expr(x.test);
          this.stmts(x.body);
          if (x.orelse.length === 1 && x.orelse[0].type === 'If') {
            x = x.orelse[0];
            continue;
          }
          this.stmts(x.orelse);
          return;
        }
      }
      case 'With':
        if (s.isAsync) this.asyncConstruct(s, "'async with' outside async function");
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.target(it.optionalVars);
        }
        this.stmts(s.body);
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case 'Try':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.exctype) this.expr(h.exctype);
          if (h.name !== null) cur.bind(h.name);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) cur.bind(a.asname ?? a.name.split('.')[0]);
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (cur.kind !== SCOPE_MODULE) this.error(s, messages.importStarNotModule);
          } else {
            cur.bind(a.asname ?? a.name);
          }
        }
        return;
      case 'Global':
        for (const name of s.names) {
          const f = cur.flags(name);
          if (f & DEF_PARAM) this.error(s, messages.paramGlobal);
          if (f & (DEF_LOCAL | USE | DEF_NONLOCAL)) this.error(s, messages.redefinedGlobal);
          cur.setFlag(name, DEF_GLOBAL);
        }
        return;
      case 'Nonlocal':
        if (cur.kind === SCOPE_MODULE) this.error(s, messages.nonlocalAtModule);
        for (const name of s.names) {
          const f = cur.flags(name);
          if (f & DEF_PARAM) this.error(s, messages.paramNonlocal);
          if (f & (DEF_LOCAL | USE | DEF_GLOBAL)) this.error(s, messages.redefinedNonlocal);
          cur.setFlag(name, DEF_NONLOCAL);
        }
        return;
      case 'Expr':
        this.expr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
    }
  }

  private asyncConstruct(node: A.Pos, msg: string): void {
    const cur = this.cur;
    if (cur.kind === SCOPE_FUNCTION && cur.isAsync) {
      cur.usesAwait = true;
      return;
    }
    this.error(node, msg);
  }

  private argDefaults(args: A.Arguments): void {
    for (const d of args.defaults) this.expr(d);
    for (const d of args.kwDefaults) if (d) this.expr(d);
  }

  private params(s: Scope, args: A.Arguments): void {
    const add = (a: A.Arg) => {
      s.setFlag(a.arg, DEF_PARAM | DEF_LOCAL);
      s.varnames.push(a.arg);
    };
    for (const a of args.posonlyargs) add(a);
    for (const a of args.args) add(a);
    for (const a of args.kwonlyargs) add(a);
    if (args.vararg) add(args.vararg);
    if (args.kwarg) add(args.kwarg);
    s.posOnlyArgCount = args.posonlyargs.length;
    s.argCount = args.posonlyargs.length + args.args.length;
    s.kwOnlyArgCount = args.kwonlyargs.length;
    s.hasVarargs = args.vararg !== null;
    s.hasVarkw = args.kwarg !== null;
  }

  private finishFunction(s: Scope): void {
    if (s.isAsync && s.isGenerator && s.returnsWithValue.length > 0) this.error(s.returnsWithValue[0], messages.returnValueInAsyncGen);
  }

  /** A binding target (assignment, for, with, del). */
  private target(t: A.Expr): void {
    switch (t.type) {
      case 'Name':
        this.cur.bind(t.id);
        if (this.compIterVars !== null && this.cur.kind === SCOPE_COMPREHENSION) this.cur.setFlag(t.id, DEF_COMP_ITER);
        return;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.target(e);
        return;
      case 'Starred':
        this.target(t.value);
        return;
      case 'Attribute':
        this.expr(t.value);
        return;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        return;
      default:
        this.expr(t);
    }
  }

  expr(e: A.Expr): void {
    const cur = this.cur;
    switch (e.type) {
      case 'Name':
        cur.use(e.id);
        if (e.id === 'super' && cur.isFunctionLike) cur.use('__class__');
        return;
      case 'Constant':
        return;
      case 'BoolOp':
        for (const v of e.values) this.expr(v);
        return;
      case 'NamedExpr':
        this.expr(e.value);
        this.namedExprTarget(e);
        return;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        return;
      case 'Lambda': {
        this.argDefaults(e.args);
        const ls = this.push(SCOPE_LAMBDA, '<lambda>', e, e.line);
        const savedIter = this.compIterVars;
        const savedIterable = this.inCompIterable;
        this.compIterVars = null;
        this.inCompIterable = 0;
        this.params(ls, e.args);
        this.expr(e.body);
        this.compIterVars = savedIter;
        this.inCompIterable = savedIterable;
        this.cur = cur;
        return;
      }
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case 'Dict':
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i];
          if (k) this.expr(k);
          this.expr(e.values[i]);
        }
        return;
      case 'Set':
      case 'List':
      case 'Tuple':
        for (const x of e.elts) this.expr(x);
        return;
      case 'ListComp':
        this.comprehension(e, '<listcomp>', e.generators, [e.elt]);
        return;
      case 'SetComp':
        this.comprehension(e, '<setcomp>', e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.comprehension(e, '<dictcomp>', e.generators, [e.key, e.value]);
        return;
      case 'GeneratorExp':
        this.comprehension(e, '<genexpr>', e.generators, [e.elt]);
        return;
      case 'Await':
        this.awaitUse(e);
        this.expr(e.value);
        return;
      case 'Yield':
      case 'YieldFrom':
        this.yieldUse(e);
        if (e.value) this.expr(e.value);
        return;
      case 'Compare':
        this.expr(e.left);
        for (const c of e.comparators) this.expr(c);
        return;
      case 'Call':
        this.expr(e.func);
        for (const a of e.args) this.expr(a);
        for (const k of e.keywords) this.expr(k.value);
        return;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.formatSpec) this.expr(e.formatSpec);
        return;
      case 'JoinedStr':
        for (const v of e.values) this.expr(v);
        return;
      case 'Attribute':
        this.expr(e.value);
        return;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        return;
      case 'Starred':
        this.expr(e.value);
        return;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return;
    }
  }

  private yieldUse(e: A.Pos): void {
    const cur = this.cur;
    if (cur.kind === SCOPE_COMPREHENSION) this.error(e, "'yield' inside comprehension");
    if (!cur.isFunctionLike) this.error(e, messages.yieldOutsideFunction);
    cur.isGenerator = true;
    if (cur.isAsync && cur.returnsWithValue.length > 0) this.error(cur.returnsWithValue[0], messages.returnValueInAsyncGen);
  }

  private awaitUse(e: A.Pos): void {
    let s: Scope | null = this.cur;
    if (!s.isFunctionLike) this.error(e, messages.awaitOutsideFunction);
    // comprehensions inside an async function become async themselves
    while (s !== null && s.kind === SCOPE_COMPREHENSION) {
      s.usesAwait = true;
      s = s.parent;
    }
    if (s === null || s.kind !== SCOPE_FUNCTION || !s.isAsync) this.error(e, messages.awaitOutsideAsync);
    s.usesAwait = true;
  }

  private comprehension(node: A.Expr, name: string, gens: A.Comprehension[], elts: A.Expr[]): void {
    const outer = this.cur;
    // the first iterable is evaluated in the enclosing scope
    this.inCompIterable++;
    this.expr(gens[0].iter);
    this.inCompIterable--;
    const cs = this.push(SCOPE_COMPREHENSION, name, node, node.line);
    cs.setFlag('.0', DEF_PARAM | DEF_LOCAL);
    cs.varnames.push('.0');
    cs.argCount = 1;
    const savedIter = this.compIterVars;
    const iterVars = new Set<string>();
    for (const g of gens) collectNames(g.target, iterVars);
    this.compIterVars = iterVars;
    for (let i = 0; i < gens.length; i++) {
      const g = gens[i];
      if (g.isAsync) {
        cs.usesAwait = true;
        let f: Scope | null = outer;
        while (f !== null && f.kind === SCOPE_COMPREHENSION) f = f.parent;
        if (node.type !== 'GeneratorExp' && !(f !== null && f.kind === SCOPE_FUNCTION && f.isAsync)) {
          this.error(node, 'asynchronous comprehension outside of an asynchronous function');
        }
      }
      if (i > 0) {
        this.inCompIterable++;
        this.expr(g.iter);
        this.inCompIterable--;
      }
      this.target(g.target);
      for (const c of g.ifs) this.expr(c);
    }
    for (const e of elts) this.expr(e);
    this.compIterVars = savedIter;
    this.cur = outer;
    if (cs.usesAwait && node.type !== 'GeneratorExp') {
      // an async list/set/dict comprehension is awaited by its caller
      let f: Scope | null = outer;
      while (f !== null && f.kind === SCOPE_COMPREHENSION) {
        f.usesAwait = true;
        f = f.parent;
      }
      if (f === null || f.kind !== SCOPE_FUNCTION || !f.isAsync) this.error(node, 'asynchronous comprehension outside of an asynchronous function');
    }
  }

  private namedExprTarget(e: A.NamedExpr): void {
    const name = e.target.id;
    if (this.inCompIterable > 0) this.error(e, messages.namedExprInCompIterable);
    let s = this.cur;
    if (s.kind !== SCOPE_COMPREHENSION) {
      s.bind(name);
      return;
    }
    // inside a comprehension: the target binds in the nearest enclosing non-comprehension scope
    if (this.compIterVars?.has(name)) this.error(e, `${messages.namedExprRebindIter} '${name}'`);
    const comps: Scope[] = [];
    while (s.kind === SCOPE_COMPREHENSION) {
      comps.push(s);
      s = s.parent!;
    }
    if (s.kind === SCOPE_CLASS) this.error(e, messages.namedExprInClassComp);
    const flag = s.kind === SCOPE_MODULE ? DEF_GLOBAL : DEF_NONLOCAL;
    for (const c of comps) {
      if (c.flags(name) & DEF_COMP_ITER) {
        // MicroPython allows rebinding an outer comprehension's variable: it stays local to that one
        c.setFlag(name, USE);
        continue;
      }
      c.setFlag(name, flag);
    }
    if (s.kind === SCOPE_MODULE) s.bind(name);
    else if (!(s.flags(name) & (DEF_GLOBAL | DEF_NONLOCAL))) s.bind(name);
  }
}

function collectNames(t: A.Expr, out: Set<string>): void {
  if (t.type === 'Name') out.add(t.id);
  else if (t.type === 'Tuple' || t.type === 'List') for (const e of t.elts) collectNames(e, out);
  else if (t.type === 'Starred') collectNames(t.value, out);
}

/**
 * Resolve every name of `s` given the names bound by enclosing functions (`bound`), then its children;
 * returns the names `s` needs from outside (its free variables).
 */
function analyze(s: Scope, bound: Set<string>, c: Collector): Set<string> {
  for (const [name, f] of s.symbols) {
    let kind: number;
    if (f & DEF_GLOBAL) {
      kind = NAME_GLOBAL_EXPLICIT;
    } else if (f & DEF_NONLOCAL) {
      if (!bound.has(name)) c.error(s.node as A.Pos, messages.noBindingNonlocal);
      kind = NAME_FREE;
    } else if (f & (DEF_LOCAL | DEF_PARAM)) {
      kind = NAME_LOCAL;
    } else if (bound.has(name) && s.kind !== SCOPE_MODULE) {
      kind = NAME_FREE;
    } else {
      kind = s.kind === SCOPE_MODULE ? NAME_LOCAL : NAME_GLOBAL_IMPLICIT;
    }
    if (s.kind === SCOPE_MODULE && kind === NAME_GLOBAL_IMPLICIT) kind = NAME_LOCAL;
    s.resolved.set(name, kind);
  }

  // names visible as free variables to nested scopes
  let childBound: Set<string>;
  if (s.kind === SCOPE_MODULE) {
    childBound = new Set();
  } else if (s.kind === SCOPE_CLASS) {
    childBound = new Set(bound);
    childBound.add('__class__');
  } else {
    childBound = new Set(bound);
    for (const [name, kind] of s.resolved) {
      if (kind === NAME_LOCAL || kind === NAME_FREE) childBound.add(name);
    }
    // a global declaration hides an enclosing binding from nested scopes
    for (const [name, kind] of s.resolved) if (kind === NAME_GLOBAL_EXPLICIT) childBound.delete(name);
  }

  const needed = new Set<string>();
  for (const child of s.children) {
    for (const name of analyze(child, childBound, c)) needed.add(name);
  }

  for (const name of needed) {
    if (s.kind === SCOPE_CLASS && name === '__class__') {
      s.needsClassCell = true;
      continue;
    }
    const kind = s.resolved.get(name);
    if (s.isFunctionLike && (kind === NAME_LOCAL || kind === NAME_CELL)) {
      s.resolved.set(name, NAME_CELL);
    } else if (kind === undefined || kind === NAME_GLOBAL_IMPLICIT || kind === NAME_FREE || (s.kind === SCOPE_CLASS && kind === NAME_LOCAL)) {
      // passes through this scope on its way down: this scope needs it from outside too. (A class body
      // that binds the same name keeps its own binding for itself: the free copy is only for closures.)
      if (kind === undefined || kind === NAME_GLOBAL_IMPLICIT) s.resolved.set(name, NAME_FREE);
      if (!s.freevars.includes(name)) s.freevars.push(name);
    }
  }
  if (s.needsClassCell) s.cellvars.push('__class__');

  // fill varnames (params are already there), cellvars and freevars in order of first appearance
  for (const [name, kind] of s.resolved) {
    if (kind === NAME_LOCAL && s.isFunctionLike && !s.varnames.includes(name)) s.varnames.push(name);
    else if (kind === NAME_CELL) {
      if (!s.cellvars.includes(name)) s.cellvars.push(name);
    } else if (kind === NAME_FREE && !s.freevars.includes(name)) s.freevars.push(name);
  }
  const free = new Set<string>();
  for (const name of s.freevars) free.add(name);
  return free;
}
