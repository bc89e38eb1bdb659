// Code generation (MicroPython's py/compile.c): walks the AST of each scope and drives an Emitter.
//
// Constructs are compiled the way CPython 3.11's Python/compile.c does with this instruction set:
// zero-cost exception handling through handler regions (try/except/finally with PUSH_EXC_INFO,
// POP_EXCEPT and RERAISE; `with` via BEFORE_WITH and WITH_EXCEPT_START), "frame blocks" that
// return/break/continue unwind (running finally bodies inline, calling __exit__, popping iterators and
// restoring the handled exception), comprehensions as nested functions taking the iterator `.0`, class
// bodies that hand their `__class__` cell to __build_class__ through `__classcell__`. As in MicroPython,
// a zero-argument `super()` is compiled as `super(__class__, <first argument>)`.
import { mangleModule } from './mangle.js';
import {
  CO_ASYNC_GENERATOR,
  CO_CLASS_BODY,
  CO_COROUTINE,
  CO_GENERATOR,
  CO_MP_NATIVE,
  CO_MP_VIPER,
  CO_HAS_DOCSTRING,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
  CodeObject,
  ConstComplex,
  ConstFloat,
  ConstTuple,
  MF_CLOSURE,
  MF_DEFAULTS,
  MF_KWDEFAULTS,
  type Const,
} from '@mpy-ts/bytecode';
import * as op from '@mpy-ts/bytecode';
import type * as A from './ast.js';
import { BytecodeEmitter, JUMP, type Emitter } from './emitter.js';
import { CompileError, messages } from './errors.js';
import { guardRecursion, parse, type ParseMode } from './parser.js';
import {
  NAME_CELL,
  NAME_FREE,
  NAME_GLOBAL_EXPLICIT,
  NAME_GLOBAL_IMPLICIT,
  NAME_LOCAL,
  SCOPE_CLASS,
  SCOPE_COMPREHENSION,
  SCOPE_MODULE,
  analyzeScopes,
  type Scope,
  type ScopeInfo,
} from './scope.js';

export interface CompileOptions {
  /** Shown in tracebacks and errors (default `<string>`). */
  filename?: string;
  /** `exec` a module, `single` a REPL statement (expression values are printed), `eval` an expression. */
  mode?: ParseMode;
  /**
   * MicroPython's optimisation level (micropython.opt_level, spec 4.2.4): 0 keeps assertions and makes
   * `__debug__` True; 1 and above drop assertions and make `__debug__` False; 3 and above also drop line
   * numbers. Default 0.
   */
  optimize?: number;
  /** Factory for the emitter of each code object (a TextEmitter for golden tests). */
  emitterFactory?: () => Emitter;
}

/** Compile Python source to a module code object. Throws CompileError for bad input. */
export function compile(source: string, options: CompileOptions = {}): CodeObject {
  const filename = options.filename ?? '<string>';
  const mode = options.mode ?? 'exec';
  const mod = parse(source, { filename, mode });
  return compileAst(mod, { ...options, filename }, source);
}

/** Compile an already parsed module. `source` (optional) improves error messages. */
export function compileAst(mod: A.Mod, options: CompileOptions = {}, source = ''): CodeObject {
  const filename = options.filename ?? '<string>';
  return guardRecursion(filename, () => {
    mangleModule(mod);
    const info = analyzeScopes(mod, filename, source);
    const c = new Compiler(info, filename, source, options.optimize ?? 0, options.emitterFactory);
    return c.compileModule(mod);
  });
}

// ---- frame blocks (CPython's fblockinfo) --------------------------------------------------------------
const FB_WHILE = 0;
const FB_FOR = 1;
const FB_TRY_EXCEPT = 2;
const FB_FINALLY_TRY = 3;
const FB_FINALLY_END = 4;
const FB_WITH = 5;
const FB_ASYNC_WITH = 6;
const FB_HANDLER_CLEANUP = 7;
const FB_POP_VALUE = 8;

interface FBlock {
  kind: number;
  /** Handler regions open before this block's own (unwinding closes down to this). */
  handlers: number;
  /** Loops: where `continue` and `break` go. */
  continueLabel: number;
  breakLabel: number;
  /** FINALLY_TRY: the finally body to run inline. */
  finalbody: A.Stmt[] | null;
  /** HANDLER_CLEANUP: the `as` name to clear. */
  name: string | null;
}

const binaryOpcodes: Record<A.BinOperator, number> = {
  '+': op.BINARY_ADD,
  '-': op.BINARY_SUBTRACT,
  '*': op.BINARY_MULTIPLY,
  '@': op.BINARY_MATRIX_MULTIPLY,
  '/': op.BINARY_TRUE_DIVIDE,
  '//': op.BINARY_FLOOR_DIVIDE,
  '%': op.BINARY_MODULO,
  '**': op.BINARY_POWER,
  '<<': op.BINARY_LSHIFT,
  '>>': op.BINARY_RSHIFT,
  '&': op.BINARY_AND,
  '|': op.BINARY_OR,
  '^': op.BINARY_XOR,
};

/** In-place opcodes sit at a fixed distance from the binary ones. */
const INPLACE_DELTA = op.INPLACE_ADD - op.BINARY_ADD;

function compareOp(e: Emitter, o: A.CmpOperator): void {
  switch (o) {
    case '<':
      return e.op(op.COMPARE_LT);
    case '<=':
      return e.op(op.COMPARE_LE);
    case '==':
      return e.op(op.COMPARE_EQ);
    case '!=':
      return e.op(op.COMPARE_NE);
    case '>':
      return e.op(op.COMPARE_GT);
    case '>=':
      return e.op(op.COMPARE_GE);
    case 'is':
      return e.op(op.IS_OP, 0);
    case 'is not':
      return e.op(op.IS_OP, 1);
    case 'in':
      return e.op(op.CONTAINS_OP, 0);
    case 'not in':
      return e.op(op.CONTAINS_OP, 1);
  }
}

/** Truthiness of a constant, or undefined if not constant. */
function constTruth(v: Const): boolean | undefined {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof ConstFloat) return v.value !== 0 && !Number.isNaN(v.value) ? true : Number.isNaN(v.value);
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof ConstTuple) return v.items.length > 0;
  if (v instanceof ConstComplex) return v.real !== 0 || v.imag !== 0;
  return undefined;
}

// ---- viper -------------------------------------------------------------------------------------------
// A @micropython.viper function is compiled with static native types, as MicroPython's py/emitnative.c
// tracks them: every expression has a type (object, bool, int, uint, ptr, ptr8, ptr16, ptr32), a local
// gets the type of its first assignment (arguments: their annotation), and operators on native ints
// compile to VIPER_BINOP (32-bit wrapping machine arithmetic), subscripts of ptr8/16/32 to
// VIPER_LOAD/VIPER_STORE, the casts int()/uint()/bool()/ptr*() to VIPER_CONV. Type errors are
// compile-time ViperTypeErrors with MicroPython's messages.

/** Static types of a viper code object. */
interface ViperUnit {
  /** Fast locals whose type is known (arguments, then each local's first assignment). */
  locals: Map<string, number>;
  /** The return annotation's type. */
  ret: number;
}

const VT_NAMES = ['object', 'bool', 'int', 'uint', 'ptr', 'ptr8', 'ptr16', 'ptr32'];
const VT_BY_NAME = new Map(VT_NAMES.map((n, i) => [n, i]));

function vtIsInt(t: number): boolean {
  return t === op.VT_INT || t === op.VT_UINT;
}

/** Bytes per item of a typed pointer (0 for the other types). */
function vtWidth(t: number): number {
  return t === op.VT_PTR8 ? 1 : t === op.VT_PTR16 ? 2 : t === op.VT_PTR32 ? 4 : 0;
}

/** The small ints of a 32-bit MicroPython (31-bit signed) load as native int constants in viper code. */
const SMALL_INT_MIN = -(2 ** 30);
const SMALL_INT_MAX = 2 ** 30 - 1;

const dunderOf: Record<string, string> = { '/': '__truediv__', '**': '__pow__', '@': '__matmul__' };

const compareOpcodes: Partial<Record<A.CmpOperator, number>> = {
  '<': op.COMPARE_LT,
  '<=': op.COMPARE_LE,
  '==': op.COMPARE_EQ,
  '!=': op.COMPARE_NE,
  '>': op.COMPARE_GT,
  '>=': op.COMPARE_GE,
};

/** Per code object state. */
interface Unit {
  scope: Scope;
  e: Emitter;
  fblocks: FBlock[];
  /** Fast-local slot of each varname. */
  slots: Map<string, number>;
  /** @micropython.viper functions: the static native types (null in every other code object). */
  viper: ViperUnit | null;
  /** First line of the code object. */
  firstLine: number;
}

class Compiler {
  private readonly info: ScopeInfo;
  private readonly filename: string;
  private readonly source: string;
  private readonly optimize: number;
  private readonly newEmitter: () => Emitter;
  private u!: Unit;
  private interactive = false;

  constructor(info: ScopeInfo, filename: string, source: string, optimize: number, emitterFactory?: () => Emitter) {
    this.info = info;
    this.filename = filename;
    this.source = source;
    this.optimize = optimize;
    const noLines = optimize >= 3;
    this.newEmitter = emitterFactory ?? (() => new BytecodeEmitter({ noLines }));
  }

  private error(node: A.Pos, msg: string): never {
    const line = this.source ? this.source.split('\n')[node.line - 1] : undefined;
    throw new CompileError('SyntaxError', msg, this.filename, node.line, node.col + 1, line);
  }

  private get e(): Emitter {
    return this.u.e;
  }

  private enterUnit(scope: Scope, firstLine: number): Unit {
    const prev = this.u;
    const slots = new Map<string, number>();
    scope.varnames.forEach((n, i) => slots.set(n, i));
    this.u = { scope, e: this.newEmitter(), fblocks: [], slots, firstLine, viper: null };
    this.e.setLine(firstLine);
    return prev;
  }

  private finishUnit(prev: Unit, flags: number): CodeObject {
    const s = this.u.scope;
    let cell2arg: Int32Array | undefined;
    if (s.cellvars.length > 0) {
      cell2arg = new Int32Array(s.cellvars.length).fill(-1);
      const nparams = s.argCount + s.kwOnlyArgCount + (s.hasVarargs ? 1 : 0) + (s.hasVarkw ? 1 : 0);
      s.cellvars.forEach((name, i) => {
        const slot = s.varnames.indexOf(name);
        if (slot >= 0 && slot < nparams) cell2arg![i] = slot;
      });
    }
    const code = this.e.finish({
      name: s.name,
      qualname: s.qualname,
      filename: this.filename,
      firstLine: this.u.firstLine,
      flags,
      argCount: s.argCount,
      posOnlyArgCount: s.posOnlyArgCount,
      kwOnlyArgCount: s.kwOnlyArgCount,
      varnames: s.varnames,
      cellvars: s.cellvars,
      freevars: s.freevars,
      cell2arg,
    });
    this.u = prev;
    return code;
  }

  private functionFlags(s: Scope): number {
    let flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (s.hasVarargs) flags |= CO_VARARGS;
    if (s.hasVarkw) flags |= CO_VARKEYWORDS;
    if (s.nested) flags |= CO_NESTED;
    if (s.kind === SCOPE_COMPREHENSION) {
      const gen = (s.node as A.Expr).type === 'GeneratorExp';
      if (gen) flags |= s.usesAwait ? CO_ASYNC_GENERATOR : CO_GENERATOR;
      else if (s.usesAwait) flags |= CO_COROUTINE;
    } else if (s.isAsync) {
      flags |= s.isGenerator ? CO_ASYNC_GENERATOR : CO_COROUTINE;
    } else if (s.isGenerator) {
      flags |= CO_GENERATOR;
    }
    return flags;
  }

  // ---- modules ---------------------------------------------------------------------------------

  compileModule(mod: A.Mod): CodeObject {
    const scope = this.info.module;
    this.u = undefined as unknown as Unit;
    const prev = this.enterUnit(scope, 1);
    const e = this.e;
    if (mod.type === 'Expression') {
      this.expr(mod.body);
      e.op(op.RETURN_VALUE);
    } else {
      this.interactive = mod.type === 'Interactive';
      const doc = this.interactive ? null : docstring(mod.body);
      if (doc !== null) {
        // as CPython: a module's docstring is its `__doc__` (a module without one has no `__doc__`
        // name, as in MicroPython, so that globals() stays as MicroPython shows it)
        e.setLine(mod.body[0]!.line);
        e.loadConst(doc);
        e.nameOp(op.STORE_NAME, '__doc__');
      }
      this.stmts(mod.body);
      if (!e.unreachable) {
        e.op(op.LOAD_NONE);
        e.op(op.RETURN_VALUE);
      }
    }
    return this.finishUnit(prev, 0);
  }

  // ---- names -----------------------------------------------------------------------------------

  private loadName(name: string): void {
    const e = this.e;
    const s = this.u.scope;
    if (name === '__debug__') {
      e.loadConst(this.optimize === 0);
      return;
    }
    switch (s.lookup(name)) {
      case NAME_LOCAL:
        if (s.isFunctionLike) e.slotOp(op.LOAD_FAST, this.u.slots.get(name)!, name);
        else e.nameOp(op.LOAD_NAME, name);
        return;
      case NAME_CELL:
        e.slotOp(op.LOAD_DEREF, s.cellIndex(name), name);
        return;
      case NAME_FREE:
        e.slotOp(s.kind === SCOPE_CLASS ? op.LOAD_CLASSDEREF : op.LOAD_DEREF, s.cellIndex(name), name);
        return;
      case NAME_GLOBAL_EXPLICIT:
        e.nameOp(op.LOAD_GLOBAL, name);
        return;
      default:
        e.nameOp(s.isFunctionLike ? op.LOAD_GLOBAL : op.LOAD_NAME, name);
    }
  }

  /** Store TOS into a name; `vt` is the value's static type in viper code (object otherwise). */
  private storeName(name: string, node: A.Pos, vt: number = op.VT_OBJ): void {
    const e = this.e;
    const s = this.u.scope;
    if (name === '__debug__') this.error(node, messages.cantAssignDebug);
    switch (s.lookup(name)) {
      case NAME_LOCAL:
        if (this.u.viper !== null && s.isFunctionLike) this.viperSetLocal(name, node, vt);
        if (s.isFunctionLike) e.slotOp(op.STORE_FAST, this.u.slots.get(name)!, name);
        else e.nameOp(op.STORE_NAME, name);
        return;
      case NAME_CELL:
      case NAME_FREE:
        e.slotOp(op.STORE_DEREF, s.cellIndex(name), name);
        return;
      case NAME_GLOBAL_EXPLICIT:
        e.nameOp(op.STORE_GLOBAL, name);
        return;
      default:
        e.nameOp(s.isFunctionLike ? op.STORE_GLOBAL : op.STORE_NAME, name);
    }
  }

  private deleteName(name: string): void {
    const e = this.e;
    const s = this.u.scope;
    switch (s.lookup(name)) {
      case NAME_LOCAL:
        if (s.isFunctionLike) e.slotOp(op.DELETE_FAST, this.u.slots.get(name)!, name);
        else e.nameOp(op.DELETE_NAME, name);
        return;
      case NAME_CELL:
      case NAME_FREE:
        e.slotOp(op.DELETE_DEREF, s.cellIndex(name), name);
        return;
      case NAME_GLOBAL_EXPLICIT:
        e.nameOp(op.DELETE_GLOBAL, name);
        return;
      default:
        e.nameOp(s.isFunctionLike ? op.DELETE_GLOBAL : op.DELETE_NAME, name);
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  private stmts(body: A.Stmt[]): void {
    for (const s of body) {
      if (this.e.unreachable) {
        // code after return/raise/break/continue: compiled for its errors, then dropped (as CPython)
        this.deadStmts([s]);
      } else {
        this.stmt(s);
      }
    }
  }

  /** Compile statements that can never run, for their compile-time errors only, then drop the code. */
  private deadStmts(body: A.Stmt[]): void {
    if (body.length === 0) return;
    const e = this.e;
    const m = e.mark();
    const line = e.line;
    for (const s of body) this.stmt(s);
    e.rollback(m);
    e.setLine(line);
  }

  /** Likewise for an expression (the branch of `x if True else y` that cannot be taken). */
  private deadExpr(x: A.Expr): void {
    const e = this.e;
    const m = e.mark();
    this.expr(x);
    e.rollback(m);
  }

  private stmt(s: A.Stmt): void {
    const e = this.e;
    e.setLine(s.line);
    switch (s.type) {
      case 'Expr':
        return this.exprStmt(s);
      case 'Assign': {
        const vt = this.vexprOrExpr(s.value);
        const n = s.targets.length;
        for (let i = 0; i < n; i++) {
          if (i < n - 1) e.op(op.COPY, 1);
          this.store(s.targets[i], vt);
        }
        return;
      }
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        // (in viper code the annotation of a local is ignored, as MicroPython: its type is the value's)
        if (s.value) {
          const vt = this.vexprOrExpr(s.value);
          this.store(s.target, vt);
        }
        return;
      case 'If':
        return this.ifStmt(s);
      case 'While':
        return this.whileStmt(s);
      case 'For':
        return s.isAsync ? this.asyncForStmt(s) : this.forStmt(s);
      case 'Try':
        if (s.finalbody.length > 0) return this.tryFinally(s);
        return this.tryExcept(s);
      case 'With':
        return this.withStmt(s, 0);
      case 'FunctionDef':
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Return':
        return this.returnStmt(s);
      case 'Delete':
        for (const t of s.targets) this.delete(t);
        return;
      case 'Pass':
        return;
      case 'Break':
      case 'Continue':
        return this.breakContinue(s);
      case 'Raise': {
        const d = e.depth;
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n = 1;
          if (s.cause) {
            this.expr(s.cause);
            n = 2;
          }
        }
        e.op(op.RAISE_VARARGS, n);
        e.setDepth(d);
        return;
      }
      case 'Assert':
        return this.assertStmt(s);
      case 'Import':
        return this.importStmt(s);
      case 'ImportFrom':
        return this.importFrom(s);
      case 'Global':
      case 'Nonlocal':
        return;
    }
  }

  private exprStmt(s: A.ExprStmt): void {
    const e = this.e;
    if (this.interactive && this.u.scope.kind === SCOPE_MODULE) {
      this.expr(s.value);
      e.op(op.PRINT_EXPR);
      return;
    }
    if (s.value.type === 'Constant') return; // a lonely constant (docstring) does nothing
    this.expr(s.value);
    e.op(op.POP_TOP);
  }

  private augAssign(s: A.AugAssign): void {
    const e = this.e;
    const t = s.target;
    const inplace = binaryOpcodes[s.op] + INPLACE_DELTA;
    if (this.u.viper !== null) return this.viperAugAssign(s);
    if (t.type === 'Name') {
      this.loadName(t.id);
      this.expr(s.value);
      e.op(inplace);
      this.storeName(t.id, t);
    } else if (t.type === 'Attribute') {
      this.expr(t.value);
      e.op(op.COPY, 1);
      e.nameOp(op.LOAD_ATTR, t.attr);
      this.expr(s.value);
      e.op(inplace);
      e.op(op.SWAP, 2);
      e.nameOp(op.STORE_ATTR, t.attr);
    } else if (t.type === 'Subscript') {
      this.expr(t.value);
      this.subscriptIndex(t.slice);
      e.op(op.COPY, 2);
      e.op(op.COPY, 2);
      e.op(op.BINARY_SUBSCR);
      this.expr(s.value);
      e.op(inplace);
      e.op(op.SWAP, 3);
      e.op(op.SWAP, 2);
      e.op(op.STORE_SUBSCR);
    } else {
      this.error(t, messages.cantAssignExpr);
    }
  }

  /** Store the value on top of the stack into a target (`vt`: its static type in viper code). */
  private store(t: A.Expr, vt: number = op.VT_OBJ): void {
    const e = this.e;
    switch (t.type) {
      case 'Name':
        this.storeName(t.id, t, vt);
        return;
      case 'Attribute':
        this.expr(t.value);
        e.nameOp(op.STORE_ATTR, t.attr);
        return;
      case 'Subscript':
        if (this.u.viper !== null && this.viperStoreSubscr(t, vt)) return;
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        e.op(op.STORE_SUBSCR);
        return;
      case 'Tuple':
      case 'List': {
        const elts = t.elts;
        const star = elts.findIndex((x) => x.type === 'Starred');
        if (star < 0) {
          e.op(op.UNPACK_SEQUENCE, elts.length);
        } else {
          const after = elts.length - star - 1;
          if (star >= 256 || after >= 1 << 15) this.error(t, messages.tooManyStarredTargets);
          e.op(op.UNPACK_EX, star | (after << 8));
        }
        for (const x of elts) this.store(x.type === 'Starred' ? x.value : x);
        return;
      }
      case 'Starred':
        this.error(t, messages.starOutsideTuple);
        break;
      case 'Constant':
        this.error(t, messages.cantAssignLiteral);
        break;
      default:
        this.error(t, messages.cantAssignExpr);
    }
  }

  private delete(t: A.Expr): void {
    const e = this.e;
    switch (t.type) {
      case 'Name':
        this.deleteName(t.id);
        return;
      case 'Attribute':
        this.expr(t.value);
        e.nameOp(op.DELETE_ATTR, t.attr);
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        e.op(op.DELETE_SUBSCR);
        return;
      case 'Tuple':
      case 'List':
        for (const x of t.elts) this.delete(x);
        return;
      default:
        this.error(t, messages.cantDeleteExpr);
    }
  }

  /** Compile-time truth of a test expression, if it has one (`if True:`, `while 1:`, `if __debug__:`). */
  private staticTruth(x: A.Expr): boolean | undefined {
    if (x.type === 'Constant') return constTruth(x.value);
    if (x.type === 'Name' && x.id === '__debug__') return this.optimize === 0;
    if (x.type === 'UnaryOp' && x.op === 'not') {
      const t = this.staticTruth(x.operand);
      return t === undefined ? undefined : !t;
    }
    return undefined;
  }

  /** Jump to `label` if `x` is `cond` (CPython's compiler_jump_if). */
  private jumpIf(x: A.Expr, cond: boolean, label: number): void {
    const e = this.e;
    switch (x.type) {
      case 'UnaryOp':
        if (x.op === 'not') return this.jumpIf(x.operand, !cond, label);
        break;
      case 'BoolOp': {
        const shortCircuit = x.op === 'or';
        const n = x.values.length;
        if (cond === shortCircuit) {
          for (const v of x.values) this.jumpIf(v, cond, label);
        } else {
          const next = e.newLabel();
          for (let i = 0; i < n - 1; i++) this.jumpIf(x.values[i], !cond, next);
          this.jumpIf(x.values[n - 1], cond, label);
          e.label(next);
        }
        return;
      }
      case 'Constant':
      case 'Name': {
        const t = this.staticTruth(x);
        if (t !== undefined) {
          if (t === cond) e.jump(JUMP, label);
          return;
        }
        break;
      }
      default:
        break;
    }
    const saved = e.line;
    if (x.line !== saved) e.setLine(x.line);
    this.expr(x);
    e.jump(cond ? op.POP_JUMP_IF_TRUE : op.POP_JUMP_IF_FALSE, label);
    e.setLine(saved);
  }

  /** `if`/`elif`/`else`, iterating along elif chains. */
  private ifStmt(first: A.If): void {
    const e = this.e;
    const end = e.newLabel();
    let s = first;
    for (;;) {
      e.setLine(s.line);
      const chain = s.orelse.length === 1 && s.orelse[0].type === 'If' ? s.orelse[0] : null;
      const truth = this.staticTruth(s.test);
      if (truth === true) {
        this.stmts(s.body);
        this.deadStmts(s.orelse);
        break;
      }
      if (truth === false) {
        this.deadStmts(s.body);
        if (chain) {
          s = chain;
          continue;
        }
        this.stmts(s.orelse);
        break;
      }
      const other = s.orelse.length > 0 ? e.newLabel() : end;
      this.jumpIf(s.test, false, other);
      this.stmts(s.body);
      if (s.orelse.length === 0) break;
      if (!e.unreachable) e.jump(JUMP, end);
      e.label(other);
      if (chain) {
        s = chain;
        continue;
      }
      this.stmts(s.orelse);
      break;
    }
    e.label(end);
  }

  private pushFBlock(kind: number, extra: Partial<FBlock> = {}): FBlock {
    const fb: FBlock = { kind, handlers: this.e.handlerCount, continueLabel: -1, breakLabel: -1, finalbody: null, name: null, ...extra };
    this.u.fblocks.push(fb);
    return fb;
  }

  private popFBlock(fb: FBlock): void {
    const top = this.u.fblocks.pop();
    if (top !== fb) throw new Error('internal compiler error: frame block mismatch');
  }

  private whileStmt(s: A.While): void {
    const e = this.e;
    const truth = this.staticTruth(s.test);
    if (truth === false) {
      const fb = this.pushFBlock(FB_WHILE, { continueLabel: e.newLabel(), breakLabel: e.newLabel() });
      this.deadStmts(s.body);
      this.popFBlock(fb);
      this.stmts(s.orelse);
      return;
    }
    const top = e.newLabel();
    const exit = e.newLabel();
    const orelse = s.orelse.length > 0 ? e.newLabel() : exit;
    e.label(top);
    if (truth !== true) this.jumpIf(s.test, false, orelse);
    const fb = this.pushFBlock(FB_WHILE, { continueLabel: top, breakLabel: exit });
    this.stmts(s.body);
    this.popFBlock(fb);
    e.setLine(s.line);
    if (!e.unreachable) e.jump(JUMP, top);
    if (s.orelse.length > 0) {
      e.label(orelse);
      this.stmts(s.orelse);
    }
    e.label(exit);
  }

  private forStmt(s: A.For): void {
    const e = this.e;
    const top = e.newLabel();
    const end = e.newLabel();
    const exit = e.newLabel();
    const vt = this.u.viper !== null ? this.viperForIter(s.iter) : (this.expr(s.iter), op.VT_OBJ);
    e.op(op.GET_ITER);
    e.label(top);
    e.jump(op.FOR_ITER, end);
    this.store(s.target, vt);
    const fb = this.pushFBlock(FB_FOR, { continueLabel: top, breakLabel: exit });
    this.stmts(s.body);
    this.popFBlock(fb);
    e.setLine(s.line);
    if (!e.unreachable) e.jump(JUMP, top);
    e.label(end);
    this.stmts(s.orelse);
    e.label(exit);
  }

  private asyncForStmt(s: A.For): void {
    const e = this.e;
    const top = e.newLabel();
    const handler = e.newLabel();
    const exit = e.newLabel();
    this.expr(s.iter);
    e.op(op.GET_AITER);
    e.label(top);
    e.pushHandler(handler);
    e.op(op.GET_ANEXT);
    e.op(op.LOAD_NONE);
    e.op(op.YIELD_FROM);
    e.popHandler();
    this.store(s.target);
    const fb = this.pushFBlock(FB_FOR, { continueLabel: top, breakLabel: exit });
    this.stmts(s.body);
    this.popFBlock(fb);
    e.setLine(s.line);
    if (!e.unreachable) e.jump(JUMP, top);
    e.label(handler);
    e.op(op.END_ASYNC_FOR);
    this.stmts(s.orelse);
    e.label(exit);
  }

  private breakContinue(s: A.Break | A.Continue): void {
    const e = this.e;
    const isBreak = s.type === 'Break';
    const fblocks = this.u.fblocks;
    let loopIndex = -1;
    for (let i = fblocks.length - 1; i >= 0; i--) {
      if (fblocks[i].kind === FB_WHILE || fblocks[i].kind === FB_FOR) {
        loopIndex = i;
        break;
      }
    }
    if (loopIndex < 0) this.error(s, isBreak ? messages.breakOutsideLoop : messages.continueOutsideLoop);
    const depth = e.depth;
    const loop = fblocks[loopIndex];
    const saved = this.unwind(loopIndex + 1, false);
    if (isBreak) {
      const fb = fblocks.pop()!;
      this.unwindBlock(fb, false);
      fblocks.push(fb);
      e.jump(JUMP, loop.breakLabel);
    } else {
      e.jump(JUMP, loop.continueLabel);
    }
    this.rewind(saved);
    e.setDepth(depth);
  }

  private returnStmt(s: A.Return): void {
    const e = this.e;
    const depth = e.depth;
    const preserve = s.value !== null && s.value.type !== 'Constant';
    if (preserve) this.returnValue(s.value!);
    const saved = this.unwind(0, preserve);
    if (!preserve) {
      if (s.value && !(s.value.type === 'Constant' && s.value.value === null)) this.returnValue(s.value);
      else this.loadReturnNone();
    }
    e.setLine(s.line);
    e.op(op.RETURN_VALUE);
    this.rewind(saved);
    e.setDepth(depth);
  }

  /**
   * Emit the unwinding of frame blocks down to (not including) index `downTo`, innermost first. The
   * blocks are taken off the stack while their cleanup is compiled (a return inside an inline finally
   * body must not run that body again) and the handler regions they opened are closed. Returns what
   * `rewind` needs to restore both afterwards.
   */
  private unwind(downTo: number, preserveTos: boolean): { blocks: FBlock[]; handlers: number[] } {
    const fblocks = this.u.fblocks;
    const blocks = fblocks.slice(downTo);
    let handlers: number[] = [];
    while (fblocks.length > downTo) {
      const fb = fblocks.pop()!;
      // each cleanup runs with the handler regions of the blocks outside it still open (a finally body
      // that raises while a return unwinds must still run the outer finally bodies)
      handlers = [...this.e.truncateHandlers(fb.handlers), ...handlers];
      this.unwindBlock(fb, preserveTos);
    }
    return { blocks, handlers };
  }

  private rewind(saved: { blocks: FBlock[]; handlers: number[] }): void {
    this.u.fblocks.push(...saved.blocks);
    this.e.restoreHandlers(saved.handlers);
  }

  private unwindBlock(fb: FBlock, preserveTos: boolean): void {
    const e = this.e;
    switch (fb.kind) {
      case FB_WHILE:
      case FB_TRY_EXCEPT:
        return;
      case FB_FOR:
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.POP_TOP);
        return;
      case FB_FINALLY_TRY: {
        let pv: FBlock | null = null;
        if (preserveTos) pv = this.pushFBlock(FB_POP_VALUE);
        this.stmts(fb.finalbody!);
        if (pv) this.popFBlock(pv);
        return;
      }
      case FB_FINALLY_END:
        // stack: prev exc [value]
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.POP_TOP);
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.POP_EXCEPT);
        return;
      case FB_WITH:
      case FB_ASYNC_WITH:
        // stack: exit [value]
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.LOAD_NONE);
        e.op(op.LOAD_NONE);
        e.op(op.LOAD_NONE);
        e.op(op.CALL, 3);
        if (fb.kind === FB_ASYNC_WITH) this.awaitTop();
        e.op(op.POP_TOP);
        return;
      case FB_HANDLER_CLEANUP:
        // stack: prev [value]
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.POP_EXCEPT);
        if (fb.name !== null) this.clearName(fb.name);
        return;
      case FB_POP_VALUE:
        if (preserveTos) e.op(op.SWAP, 2);
        e.op(op.POP_TOP);
        return;
    }
  }

  /** `name = None; del name` (the `as` name of an except clause). */
  private clearName(name: string): void {
    this.e.op(op.LOAD_NONE);
    this.storeName(name, { line: this.e.line, col: 0 });
    this.deleteName(name);
  }

  private awaitTop(): void {
    const e = this.e;
    e.op(op.GET_AWAITABLE);
    e.op(op.LOAD_NONE);
    e.op(op.YIELD_FROM);
  }

  private tryExcept(s: A.Try): void {
    const e = this.e;
    const base = e.depth;
    const handler = e.newLabel();
    const cleanup = e.newLabel();
    const end = e.newLabel();
    // body
    const hs = e.handlerCount;
    e.pushHandler(handler);
    const fb = this.pushFBlock(FB_TRY_EXCEPT, { handlers: hs });
    this.stmts(s.body);
    this.popFBlock(fb);
    e.popHandler();
    this.stmts(s.orelse);
    if (!e.unreachable) e.jump(JUMP, end);
    // handlers: stack is [exc]
    e.label(handler);
    e.setLine(s.handlers[0].line);
    const outer = e.handlerCount;
    e.op(op.PUSH_EXC_INFO);
    e.pushHandler(cleanup, base + 1);
    let lastHasType = true;
    for (const h of s.handlers) {
      e.setLine(h.line);
      const next = e.newLabel();
      lastHasType = h.exctype !== null;
      if (h.exctype) {
        this.expr(h.exctype);
        e.op(op.CHECK_EXC_MATCH);
        e.jump(op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name !== null) {
        this.storeName(h.name, h);
        const cleanupBody = e.newLabel();
        e.pushHandler(cleanupBody);
        const hfb = this.pushFBlock(FB_HANDLER_CLEANUP, { handlers: outer, name: h.name });
        this.stmts(h.body);
        this.popFBlock(hfb);
        e.popHandler();
        const saved = e.truncateHandlers(outer);
        if (!e.unreachable) {
          e.op(op.POP_EXCEPT);
          this.clearName(h.name);
          e.jump(JUMP, end);
        }
        e.restoreHandlers(saved);
        // the body raised: [prev exc2]; clear the name and re-raise to the outer cleanup
        e.label(cleanupBody);
        this.clearName(h.name);
        e.op(op.RERAISE);
      } else {
        e.op(op.POP_TOP);
        const hfb = this.pushFBlock(FB_HANDLER_CLEANUP, { handlers: outer });
        this.stmts(h.body);
        this.popFBlock(hfb);
        const saved = e.truncateHandlers(outer);
        if (!e.unreachable) {
          e.op(op.POP_EXCEPT);
          e.jump(JUMP, end);
        }
        e.restoreHandlers(saved);
      }
      if (h.exctype) {
        e.label(next);
      } else {
        e.setDepth(base + 2);
      }
    }
    if (lastHasType) e.op(op.RERAISE);
    e.popHandler();
    // the cleanup: [prev exc2] -> restore prev, re-raise exc2
    e.label(cleanup);
    e.op(op.SWAP, 2);
    e.op(op.POP_EXCEPT);
    e.op(op.RERAISE);
    e.label(end);
  }

  private tryFinally(s: A.Try): void {
    const e = this.e;
    const base = e.depth;
    const handler = e.newLabel();
    const cleanup = e.newLabel();
    const exit = e.newLabel();
    const hs = e.handlerCount;
    e.pushHandler(handler);
    const fb = this.pushFBlock(FB_FINALLY_TRY, { handlers: hs, finalbody: s.finalbody });
    if (s.handlers.length > 0) this.tryExcept({ ...s, finalbody: [] });
    else this.stmts(s.body);
    this.popFBlock(fb);
    e.popHandler();
    if (!e.unreachable) {
      this.stmts(s.finalbody);
      if (!e.unreachable) e.jump(JUMP, exit);
    }
    // exceptional path: [exc]
    e.label(handler);
    e.setLine(s.finalbody[0].line);
    e.op(op.PUSH_EXC_INFO);
    e.pushHandler(cleanup, base + 1);
    const efb = this.pushFBlock(FB_FINALLY_END, { handlers: hs });
    this.stmts(s.finalbody);
    this.popFBlock(efb);
    if (!e.unreachable) e.op(op.RERAISE);
    e.popHandler();
    e.label(cleanup);
    e.op(op.SWAP, 2);
    e.op(op.POP_EXCEPT);
    e.op(op.RERAISE);
    e.label(exit);
  }

  private withStmt(s: A.With, index: number): void {
    const e = this.e;
    if (index === s.items.length) {
      this.stmts(s.body);
      return;
    }
    const item = s.items[index];
    const isAsync = s.isAsync;
    const base = e.depth;
    const handler = e.newLabel();
    const cleanup = e.newLabel();
    const suppress = e.newLabel();
    const exit = e.newLabel();
    e.setLine(item.contextExpr.line);
    this.expr(item.contextExpr);
    if (isAsync) {
      e.op(op.BEFORE_ASYNC_WITH);
      this.awaitTop();
    } else {
      e.op(op.BEFORE_WITH);
    }
    // [exit enter_result]
    const hs = e.handlerCount;
    e.pushHandler(handler, base + 1);
    const fb = this.pushFBlock(isAsync ? FB_ASYNC_WITH : FB_WITH, { handlers: hs });
    if (item.optionalVars) this.store(item.optionalVars);
    else e.op(op.POP_TOP);
    this.withStmt(s, index + 1);
    this.popFBlock(fb);
    e.popHandler();
    if (!e.unreachable) {
      e.setLine(s.line);
      e.op(op.LOAD_NONE);
      e.op(op.LOAD_NONE);
      e.op(op.LOAD_NONE);
      e.op(op.CALL, 3);
      if (isAsync) this.awaitTop();
      e.op(op.POP_TOP);
      e.jump(JUMP, exit);
    }
    // exceptional exit: [exit exc]
    e.label(handler);
    e.setLine(s.line);
    e.op(op.PUSH_EXC_INFO);
    e.pushHandler(cleanup, base + 2);
    e.op(op.WITH_EXCEPT_START);
    if (isAsync) this.awaitTop();
    e.jump(op.POP_JUMP_IF_TRUE, suppress);
    e.op(op.RERAISE);
    e.popHandler();
    // suppressed: [exit prev exc]
    e.label(suppress);
    e.op(op.POP_TOP);
    e.op(op.POP_EXCEPT);
    e.op(op.POP_TOP);
    e.jump(JUMP, exit);
    // [exit prev exc2]
    e.label(cleanup);
    e.op(op.SWAP, 2);
    e.op(op.POP_EXCEPT);
    e.op(op.RERAISE);
    e.label(exit);
  }

  private assertStmt(s: A.Assert): void {
    if (this.optimize > 0) return;
    const e = this.e;
    const end = e.newLabel();
    this.jumpIf(s.test, true, end);
    e.op(op.LOAD_ASSERTION_ERROR);
    if (s.msg) {
      this.expr(s.msg);
      e.op(op.CALL, 1);
    }
    const d = e.depth;
    e.op(op.RAISE_VARARGS, 1);
    e.setDepth(d - 1);
    e.label(end);
  }

  private importStmt(s: A.Import): void {
    const e = this.e;
    for (const a of s.names) {
      e.op(op.LOAD_SMALL_INT, 0);
      e.op(op.LOAD_NONE);
      e.nameOp(op.IMPORT_NAME, a.name);
      if (a.asname !== null) {
        const parts = a.name.split('.');
        for (let i = 1; i < parts.length; i++) {
          e.nameOp(op.IMPORT_FROM, parts[i]);
          e.op(op.SWAP, 2);
          e.op(op.POP_TOP);
        }
        this.storeName(a.asname, a);
      } else {
        this.storeName(a.name.split('.')[0], a);
      }
    }
  }

  private importFrom(s: A.ImportFrom): void {
    const e = this.e;
    e.op(op.LOAD_SMALL_INT, s.level);
    e.loadConst(new ConstTuple(s.names.map((a) => a.name)));
    e.nameOp(op.IMPORT_NAME, s.module);
    if (s.names.length === 1 && s.names[0].name === '*') {
      e.op(op.IMPORT_STAR);
      return;
    }
    for (const a of s.names) {
      e.nameOp(op.IMPORT_FROM, a.name);
      this.storeName(a.asname ?? a.name, a);
    }
    e.op(op.POP_TOP);
  }

  // ---- functions and classes -------------------------------------------------------------------

  /** The code flags a decorator list asks for (@micropython.native/viper); the rest are applied as calls. */
  private builtinDecorators(decorators: A.Expr[]): { flags: number; others: A.Expr[] } {
    let flags = 0;
    const others: A.Expr[] = [];
    for (const d of decorators) {
      if (d.type === 'Attribute' && d.value.type === 'Name' && d.value.id === 'micropython') {
        switch (d.attr) {
          case 'bytecode':
            break;
          case 'native':
            flags |= CO_MP_NATIVE;
            break;
          case 'viper':
            flags |= CO_MP_VIPER;
            break;
          case 'asm_thumb':
          case 'asm_xtensa':
            throw new CompileError('NotImplementedError', 'inline assembler is not supported', this.filename, d.line, d.col + 1);
          default:
            this.error(d, messages.invalidMicropythonDecorator);
        }
        continue;
      }
      if (d.type === 'Attribute' && d.value.type === 'Attribute') {
        let root: A.Expr = d.value;
        while (root.type === 'Attribute') root = root.value;
        if (root.type === 'Name' && root.id === 'micropython') this.error(d, messages.invalidMicropythonDecorator);
      }
      others.push(d);
    }
    return { flags, others };
  }

  private functionDef(s: A.FunctionDef): void {
    const e = this.e;
    const { flags: extra, others } = this.builtinDecorators(s.decorators);
    for (const d of others) this.expr(d);
    e.setLine(s.line);
    const scope = this.info.scopes.get(s)!;
    const doc = docstring(s.body);
    const viper = (extra & CO_MP_VIPER) !== 0;
    if (viper && (scope.isGenerator || s.isAsync)) {
      throw new CompileError('NotImplementedError', 'native yield', this.filename, s.line, s.col + 1);
    }
    this.makeFunction(scope, s.args, s.line, extra | (doc === null ? 0 : CO_HAS_DOCSTRING), () => {
      if (doc !== null) this.e.constIndex(doc); // consts[0], the function's __doc__ (as CPython 3.11)
      if (viper) this.viperPrologue(s);
      this.stmts(s.body);
      if (!this.e.unreachable) {
        this.loadReturnNone();
        this.e.op(op.RETURN_VALUE);
      }
    });
    for (let i = 0; i < others.length; i++) e.op(op.CALL, 1);
    this.storeName(s.name, s);
  }

  /** Push the function object for `scope`: defaults, closure, code, MAKE_FUNCTION. */
  private makeFunction(scope: Scope, args: A.Arguments | null, line: number, extraFlags: number, body: () => void): void {
    const e = this.e;
    let mf = 0;
    if (args !== null) {
      if (args.defaults.length > 0) {
        this.tupleOf(args.defaults);
        mf |= MF_DEFAULTS;
      }
      let nkw = 0;
      for (let i = 0; i < args.kwonlyargs.length; i++) {
        const d = args.kwDefaults[i];
        if (d === null) continue;
        e.loadConst(args.kwonlyargs[i].arg);
        this.expr(d);
        nkw++;
      }
      if (nkw > 0) {
        e.op(op.BUILD_MAP, nkw);
        mf |= MF_KWDEFAULTS;
      }
    }
    if (scope.freevars.length > 0) {
      const parent = this.u.scope;
      for (const name of scope.freevars) {
        const i = parent.cellIndex(name);
        if (i < 0) throw new Error(`internal compiler error: no cell for free variable ${name}`);
        e.slotOp(op.LOAD_CLOSURE, i, name);
      }
      e.op(op.BUILD_TUPLE, scope.freevars.length);
      mf |= MF_CLOSURE;
    }
    const prev = this.enterUnit(scope, line);
    const savedInteractive = this.interactive;
    this.interactive = false;
    body();
    this.interactive = savedInteractive;
    const flags = (scope.kind === SCOPE_CLASS ? CO_CLASS_BODY | CO_NEWLOCALS : this.functionFlags(scope)) | extraFlags;
    const code = this.finishUnit(prev, flags);
    e.loadConst(code);
    e.op(op.MAKE_FUNCTION, mf);
  }

  /** A tuple of expressions: one constant if they all are. */
  private tupleOf(items: A.Expr[]): void {
    const e = this.e;
    if (items.every((x) => x.type === 'Constant')) {
      e.loadConst(new ConstTuple(items.map((x) => (x as A.Constant).value)));
      return;
    }
    for (const x of items) this.expr(x);
    e.op(op.BUILD_TUPLE, items.length);
  }

  private classDef(s: A.ClassDef): void {
    const e = this.e;
    const { others } = this.builtinDecorators(s.decorators);
    for (const d of others) this.expr(d);
    e.setLine(s.line);
    const scope = this.info.scopes.get(s)!;
    e.op(op.LOAD_BUILD_CLASS);
    this.makeFunction(scope, null, s.line, 0, () => {
      const ce = this.e;
      ce.nameOp(op.LOAD_NAME, '__name__');
      ce.nameOp(op.STORE_NAME, '__module__');
      ce.loadConst(scope.qualname);
      ce.nameOp(op.STORE_NAME, '__qualname__');
      const doc = docstring(s.body);
      if (doc !== null) {
        ce.loadConst(doc);
        ce.nameOp(op.STORE_NAME, '__doc__');
      }
      this.stmts(s.body);
      if (scope.needsClassCell) {
        ce.slotOp(op.LOAD_CLOSURE, scope.cellIndex('__class__'), '__class__');
        ce.op(op.COPY, 1);
        ce.nameOp(op.STORE_NAME, '__classcell__');
      } else {
        ce.op(op.LOAD_NONE);
      }
      ce.op(op.RETURN_VALUE);
    });
    e.loadConst(s.name);
    this.callArgs(s.bases, s.keywords, 2);
    for (let i = 0; i < others.length; i++) e.op(op.CALL, 1);
    this.storeName(s.name, s);
  }

  // ---- viper -----------------------------------------------------------------------------------

  private viperError(node: A.Pos, msg: string): never {
    const line = this.source ? this.source.split('\n')[node.line - 1] : undefined;
    throw new CompileError('ViperTypeError', msg, this.filename, node.line, node.col + 1, line);
  }

  /** The native type an annotation names (no annotation: object). */
  private viperAnnotation(a: A.Expr | null): number {
    if (a === null) return op.VT_OBJ;
    if (a.type !== 'Name') this.error(a, 'annotation must be an identifier');
    const t = VT_BY_NAME.get(a.id);
    if (t === undefined) this.viperError(a, `unknown type '${a.id}'`);
    return t;
  }

  /** Start of a viper function body: argument types from their annotations, converted on entry. */
  private viperPrologue(s: A.FunctionDef): void {
    const v: ViperUnit = { locals: new Map(), ret: this.viperAnnotation(s.returns) };
    this.u.viper = v;
    const scope = this.u.scope;
    for (const a of [...s.args.posonlyargs, ...s.args.args, ...s.args.kwonlyargs]) {
      const t = this.viperAnnotation(a.annotation);
      if (scope.lookup(a.arg) === NAME_LOCAL) v.locals.set(a.arg, t);
      if (t !== op.VT_OBJ) {
        this.loadName(a.arg);
        this.e.op(op.VIPER_CONV, t);
        this.storeName(a.arg, a, t);
      }
    }
    for (const a of [s.args.vararg, s.args.kwarg]) if (a !== null) v.locals.set(a.arg, op.VT_OBJ);
  }

  /** Record (first store) or check the type of a viper local. */
  private viperSetLocal(name: string, node: A.Pos, vt: number): void {
    const locals = this.u.viper!.locals;
    const cur = locals.get(name);
    if (cur === undefined) locals.set(name, vt);
    else if (cur !== vt) this.viperError(node, `local '${name}' has type '${VT_NAMES[cur]}' but source is '${VT_NAMES[vt]}'`);
  }

  /** Compile an expression, returning its static type (object outside viper code). */
  private vexprOrExpr(x: A.Expr): number {
    if (this.u.viper === null) {
      this.expr(x);
      return op.VT_OBJ;
    }
    const e = this.e;
    const saved = e.line;
    if (x.line !== saved) e.setLine(x.line);
    const t = this.vexpr1(x);
    e.setLine(saved);
    return t;
  }

  /** The value a viper function returns for `return`, `return None` and falling off its end. */
  private loadReturnNone(): void {
    const v = this.u.viper;
    if (v === null || v.ret === op.VT_OBJ) {
      this.e.op(op.LOAD_NONE);
      return;
    }
    // MicroPython returns the native 0 converted to the return type (0, False)
    this.e.op(op.LOAD_SMALL_INT, 0);
    if (v.ret !== op.VT_INT) this.e.op(op.VIPER_CONV, v.ret);
  }

  private returnValue(x: A.Expr): void {
    const v = this.u.viper;
    if (v === null) {
      this.expr(x);
      return;
    }
    const t = this.vexprOrExpr(x);
    if (t !== v.ret) this.viperError(x, `return expected '${VT_NAMES[v.ret]}' but got '${VT_NAMES[t]}'`);
  }

  /** An expression in viper code: compile it and return its static type. */
  private vexpr1(x: A.Expr): number {
    const e = this.e;
    switch (x.type) {
      case 'Constant': {
        const v = x.value;
        e.loadConst(v);
        if (typeof v === 'boolean') return op.VT_BOOL;
        if (typeof v === 'number' && v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) return op.VT_INT;
        return op.VT_OBJ;
      }
      case 'Name': {
        this.loadName(x.id);
        const s = this.u.scope;
        if (x.id === '__debug__' || s.lookup(x.id) !== NAME_LOCAL || !s.isFunctionLike) return op.VT_OBJ;
        const t = this.u.viper!.locals.get(x.id);
        if (t === undefined) this.viperError(x, `local '${x.id}' used before type known`);
        return t;
      }
      case 'BinOp': {
        const lt = this.vexprOrExpr(x.left);
        const rt = this.vexprOrExpr(x.right);
        return this.viperBinop(x, x.op, lt, rt, false);
      }
      case 'UnaryOp': {
        const t = this.vexprOrExpr(x.operand);
        if (t === op.VT_OBJ) {
          e.op(x.op === 'not' ? op.UNARY_NOT : x.op === '-' ? op.UNARY_NEGATIVE : x.op === '+' ? op.UNARY_POSITIVE : op.UNARY_INVERT);
          return op.VT_OBJ;
        }
        if (!vtIsInt(t)) this.viperError(x, `can't do unary op of '${VT_NAMES[t]}'`);
        if (x.op === 'not') this.viperError(x, "'not' not implemented");
        if (x.op === '-') {
          e.op(op.LOAD_SMALL_INT, 0);
          e.op(op.SWAP, 2);
          e.op(op.VIPER_BINOP, op.BINARY_SUBTRACT | (t << 8));
        } else if (x.op === '~') {
          e.op(op.LOAD_SMALL_INT, -1);
          e.op(op.VIPER_BINOP, op.BINARY_XOR | (t << 8));
        }
        return t;
      }
      case 'Compare': {
        if (x.ops.length !== 1) break;
        const lt = this.vexprOrExpr(x.left);
        const rt = this.vexprOrExpr(x.comparators[0]);
        const o = x.ops[0];
        if (lt === op.VT_OBJ && rt === op.VT_OBJ) {
          compareOp(e, o);
          return op.VT_OBJ;
        }
        const c = compareOpcodes[o];
        if (c !== undefined && vtIsInt(lt) && vtIsInt(rt)) {
          if (lt !== rt) this.viperError(x, 'comparison of int and uint');
          e.op(op.VIPER_BINOP, c | (lt << 8));
          return op.VT_BOOL;
        }
        return this.viperError(x, `can't do binary op between '${VT_NAMES[lt]}' and '${VT_NAMES[rt]}'`);
      }
      case 'Subscript': {
        const bt = this.vexprOrExpr(x.value);
        if (bt === op.VT_OBJ) {
          this.subscriptIndex(x.slice);
          e.op(op.BINARY_SUBSCR);
          return op.VT_OBJ;
        }
        const w = vtWidth(bt);
        if (w === 0) this.viperError(x, `can't load from '${VT_NAMES[bt]}'`);
        const it = x.slice.type === 'Slice' ? op.VT_OBJ : this.vexprOrExpr(x.slice);
        if (!vtIsInt(it)) this.viperError(x, `can't load with '${VT_NAMES[it]}' index`);
        e.op(op.VIPER_LOAD, w);
        return op.VT_INT;
      }
      case 'Call': {
        const f = x.func;
        if (f.type === 'Name' && f.id !== 'object' && VT_BY_NAME.has(f.id) && x.args.length === 1 && x.keywords.length === 0 && x.args[0].type !== 'Starred') {
          const k = this.u.scope.lookup(f.id);
          if (k === NAME_GLOBAL_IMPLICIT || k === NAME_GLOBAL_EXPLICIT) {
            // a viper cast: int(x), uint(x), bool(x), ptr(x), ptr8(x), ptr16(x), ptr32(x)
            const t = VT_BY_NAME.get(f.id)!;
            this.vexprOrExpr(x.args[0]);
            e.op(op.VIPER_CONV, t);
            return t;
          }
        }
        break;
      }
      default:
        break;
    }
    this.expr1(x);
    return op.VT_OBJ;
  }

  /** A binary operator on operands of static types lt, rt (already on the stack). */
  private viperBinop(node: A.Pos, o: A.BinOperator, lt: number, rt: number, inplace: boolean): number {
    const e = this.e;
    const b = binaryOpcodes[o];
    if (lt === op.VT_OBJ && rt === op.VT_OBJ) {
      e.op(inplace ? b + INPLACE_DELTA : b);
      return op.VT_OBJ;
    }
    if (vtIsInt(lt) && vtIsInt(rt)) {
      if (o === '//' || o === '%') {
        if (lt !== op.VT_INT) this.viperError(node, 'div/mod not implemented for uint');
      } else if (dunderOf[o] !== undefined) {
        this.viperError(node, `binary op ${dunderOf[o]} not implemented`);
      }
      e.op(op.VIPER_BINOP, b | (lt << 8));
      return lt;
    }
    if (vtWidth(lt) !== 0 && vtIsInt(rt) && (o === '+' || o === '-')) {
      // pointer arithmetic in bytes (an mpy-ts extension: MicroPython wants ptr8(uint(p) + n))
      e.op(op.VIPER_BINOP, b | (lt << 8));
      return lt;
    }
    return this.viperError(node, `can't do binary op between '${VT_NAMES[lt]}' and '${VT_NAMES[rt]}'`);
  }

  private viperAugAssign(s: A.AugAssign): void {
    const e = this.e;
    const t = s.target;
    if (t.type === 'Name') {
      const lt = this.vexprOrExpr(t);
      const rt = this.vexprOrExpr(s.value);
      const r = this.viperBinop(s, s.op, lt, rt, true);
      this.storeName(t.id, t, r);
    } else if (t.type === 'Attribute') {
      this.expr(t.value);
      e.op(op.COPY, 1);
      e.nameOp(op.LOAD_ATTR, t.attr);
      const rt = this.vexprOrExpr(s.value);
      this.viperBinop(s, s.op, op.VT_OBJ, rt, true);
      e.op(op.SWAP, 2);
      e.nameOp(op.STORE_ATTR, t.attr);
    } else if (t.type === 'Subscript') {
      const bt = this.vexprOrExpr(t.value);
      const w = vtWidth(bt);
      if (bt !== op.VT_OBJ && w === 0) this.viperError(t, `can't load from '${VT_NAMES[bt]}'`);
      if (w === 0) this.subscriptIndex(t.slice);
      else {
        const it = t.slice.type === 'Slice' ? op.VT_OBJ : this.vexprOrExpr(t.slice);
        if (!vtIsInt(it)) this.viperError(t, `can't load with '${VT_NAMES[it]}' index`);
      }
      e.op(op.COPY, 2);
      e.op(op.COPY, 2);
      if (w === 0) e.op(op.BINARY_SUBSCR);
      else e.op(op.VIPER_LOAD, w);
      const rt = this.vexprOrExpr(s.value);
      const r = this.viperBinop(s, s.op, w === 0 ? op.VT_OBJ : op.VT_INT, rt, true);
      e.op(op.SWAP, 3);
      e.op(op.SWAP, 2);
      if (w === 0) e.op(op.STORE_SUBSCR);
      else e.op(op.VIPER_STORE, w);
      void r;
    } else {
      this.error(t, messages.cantAssignExpr);
    }
  }

  /** `p[i] = value` through a typed pointer (false: p is an object, store as usual). */
  private viperStoreSubscr(t: A.Subscript, vt: number): boolean {
    const bt = this.vexprOrExpr(t.value);
    if (bt === op.VT_OBJ) {
      this.subscriptIndex(t.slice);
      this.e.op(op.STORE_SUBSCR);
      return true;
    }
    const w = vtWidth(bt);
    if (w === 0) this.viperError(t, `can't store to '${VT_NAMES[bt]}'`);
    const it = t.slice.type === 'Slice' ? op.VT_OBJ : this.vexprOrExpr(t.slice);
    if (!vtIsInt(it)) this.viperError(t, `can't store with '${VT_NAMES[it]}' index`);
    if (vt !== op.VT_BOOL && !vtIsInt(vt)) this.viperError(t, `can't store '${VT_NAMES[vt]}'`);
    this.e.op(op.VIPER_STORE, w);
    return true;
  }

  /**
   * The iterable of a `for` loop in viper code; returns the loop variable's type: `range()` of native
   * ints counts in native ints (the type of its start, int when omitted), anything else gives objects.
   */
  private viperForIter(it: A.Expr): number {
    if (
      it.type === 'Call' &&
      it.func.type === 'Name' &&
      it.func.id === 'range' &&
      it.args.length >= 1 &&
      it.args.length <= 3 &&
      it.keywords.length === 0 &&
      !it.args.some((a) => a.type === 'Starred')
    ) {
      const k = this.u.scope.lookup('range');
      if (k === NAME_GLOBAL_IMPLICIT || k === NAME_GLOBAL_EXPLICIT) {
        const e = this.e;
        const saved = e.line;
        if (it.line !== saved) e.setLine(it.line);
        this.loadName('range');
        const ts = it.args.map((a) => this.vexprOrExpr(a));
        e.op(op.CALL, it.args.length);
        e.setLine(saved);
        if (!ts.every(vtIsInt)) return op.VT_OBJ;
        return it.args.length >= 2 ? ts[0] : op.VT_INT;
      }
    }
    this.expr(it);
    return op.VT_OBJ;
  }

  // ---- expressions -----------------------------------------------------------------------------

  private expr(x: A.Expr): void {
    const e = this.e;
    const saved = e.line;
    if (x.line !== saved) e.setLine(x.line);
    if (this.u.viper !== null) this.vexpr1(x);
    else this.expr1(x);
    e.setLine(saved);
  }

  private expr1(x: A.Expr): void {
    const e = this.e;
    switch (x.type) {
      case 'Constant':
        e.loadConst(x.value);
        return;
      case 'Name':
        this.loadName(x.id);
        return;
      case 'BinOp':
        this.expr(x.left);
        this.expr(x.right);
        e.op(binaryOpcodes[x.op]);
        return;
      case 'UnaryOp':
        this.expr(x.operand);
        e.op(x.op === 'not' ? op.UNARY_NOT : x.op === '-' ? op.UNARY_NEGATIVE : x.op === '+' ? op.UNARY_POSITIVE : op.UNARY_INVERT);
        return;
      case 'BoolOp': {
        const end = e.newLabel();
        const jop = x.op === 'and' ? op.JUMP_IF_FALSE_OR_POP : op.JUMP_IF_TRUE_OR_POP;
        const n = x.values.length;
        for (let i = 0; i < n; i++) {
          this.expr(x.values[i]);
          if (i < n - 1) e.jump(jop, end);
        }
        e.label(end);
        return;
      }
      case 'Compare':
        return this.compare(x);
      case 'Call':
        return this.call(x);
      case 'Attribute':
        this.expr(x.value);
        e.nameOp(op.LOAD_ATTR, x.attr);
        return;
      case 'Subscript':
        this.expr(x.value);
        this.subscriptIndex(x.slice);
        e.op(op.BINARY_SUBSCR);
        return;
      case 'Slice':
        return this.slice(x);
      case 'Tuple':
        return this.sequence(x.elts, op.BUILD_TUPLE);
      case 'List':
        return this.sequence(x.elts, op.BUILD_LIST);
      case 'Set':
        return this.sequence(x.elts, op.BUILD_SET);
      case 'Dict':
        return this.dict(x);
      case 'IfExp': {
        const truth = this.staticTruth(x.test);
        if (truth !== undefined) {
          this.expr(truth ? x.body : x.orelse);
          this.deadExpr(truth ? x.orelse : x.body);
          return;
        }
        const other = e.newLabel();
        const end = e.newLabel();
        this.jumpIf(x.test, false, other);
        this.expr(x.body);
        e.jump(JUMP, end);
        e.label(other);
        this.expr(x.orelse);
        e.label(end);
        return;
      }
      case 'NamedExpr':
        this.expr(x.value);
        e.op(op.COPY, 1);
        this.storeName(x.target.id, x.target);
        return;
      case 'Lambda': {
        const scope = this.info.scopes.get(x)!;
        this.makeFunction(scope, x.args, x.line, 0, () => {
          this.expr(x.body);
          this.e.op(op.RETURN_VALUE);
        });
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(x);
      case 'Yield':
        if (x.value) this.expr(x.value);
        else e.op(op.LOAD_NONE);
        e.op(op.YIELD_VALUE);
        return;
      case 'YieldFrom':
        if (this.u.scope.isAsync) this.error(x, "'yield from' inside async function");
        this.expr(x.value);
        e.op(op.GET_YIELD_FROM_ITER);
        e.op(op.LOAD_NONE);
        e.op(op.YIELD_FROM);
        return;
      case 'Await':
        this.expr(x.value);
        this.awaitTop();
        return;
      case 'JoinedStr':
        return this.joinedStr(x);
      case 'FormattedValue':
        return this.formattedValue(x);
      case 'Starred':
        this.error(x, messages.starOutsideTuple);
    }
  }

  private compare(x: A.Compare): void {
    const e = this.e;
    this.expr(x.left);
    const n = x.ops.length;
    if (n === 1) {
      this.expr(x.comparators[0]);
      compareOp(e, x.ops[0]);
      return;
    }
    const cleanup = e.newLabel();
    const end = e.newLabel();
    for (let i = 0; i < n - 1; i++) {
      this.expr(x.comparators[i]);
      e.op(op.SWAP, 2);
      e.op(op.COPY, 2);
      compareOp(e, x.ops[i]);
      e.jump(op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.expr(x.comparators[n - 1]);
    compareOp(e, x.ops[n - 1]);
    e.jump(JUMP, end);
    e.label(cleanup);
    e.op(op.SWAP, 2);
    e.op(op.POP_TOP);
    e.label(end);
  }

  private subscriptIndex(s: A.Expr): void {
    if (s.type === 'Slice') this.slice(s);
    else this.expr(s);
  }

  private slice(x: A.Slice): void {
    const e = this.e;
    if (x.lower) this.expr(x.lower);
    else e.op(op.LOAD_NONE);
    if (x.upper) this.expr(x.upper);
    else e.op(op.LOAD_NONE);
    if (x.step) {
      this.expr(x.step);
      e.op(op.BUILD_SLICE, 3);
    } else {
      e.op(op.BUILD_SLICE, 2);
    }
  }

  /** Tuple, list and set displays, with `*x` unpacking. */
  private sequence(elts: A.Expr[], build: number): void {
    const e = this.e;
    const n = elts.length;
    let hasStar = false;
    let allConst = true;
    for (const x of elts) {
      if (x.type === 'Starred') hasStar = true;
      else if (constOf(x) === undefined) allConst = false;
    }
    if (!hasStar) {
      if (allConst && n > 0) {
        const tuple = new ConstTuple(elts.map((x) => constOf(x)!));
        if (build === op.BUILD_TUPLE) return e.loadConst(tuple);
        if (n >= 3) {
          e.op(build, 0);
          e.loadConst(tuple);
          e.op(build === op.BUILD_LIST ? op.LIST_EXTEND : op.SET_UPDATE, 1);
          return;
        }
      }
      if (n <= 32) {
        for (const x of elts) this.expr(x);
        e.op(build, n);
        return;
      }
    }
    // build a list (or set) incrementally, then convert
    const asSet = build === op.BUILD_SET;
    const add = asSet ? op.SET_ADD : op.LIST_APPEND;
    const extend = asSet ? op.SET_UPDATE : op.LIST_EXTEND;
    let i = 0;
    while (i < n && elts[i].type !== 'Starred' && i < 32) this.expr(elts[i++]);
    e.op(asSet ? op.BUILD_SET : op.BUILD_LIST, i);
    for (; i < n; i++) {
      const x = elts[i];
      if (x.type === 'Starred') {
        this.expr(x.value);
        e.op(extend, 1);
      } else {
        this.expr(x);
        e.op(add, 1);
      }
    }
    if (build === op.BUILD_TUPLE) e.op(op.LIST_TO_TUPLE);
  }

  private dict(x: A.Dict): void {
    const e = this.e;
    const n = x.keys.length;
    let i = 0;
    // leading key/value pairs go into BUILD_MAP (in chunks, to bound the stack)
    while (i < n && x.keys[i] !== null && i < 16) {
      this.keyValue(x.keys[i]!, x.values[i]);
      i++;
    }
    e.op(op.BUILD_MAP, i);
    for (; i < n; i++) {
      const k = x.keys[i];
      if (k === null) {
        this.expr(x.values[i]);
        e.op(op.DICT_UPDATE, 1);
      } else {
        this.keyValue(k, x.values[i]);
        e.op(op.MAP_ADD, 1);
      }
    }
  }

  /**
   * Push a key and its value. MicroPython (like Python 3.4) evaluates the value before the key; when the
   * key is a constant or a name the order cannot be observed and no SWAP is needed.
   */
  private keyValue(k: A.Expr, v: A.Expr): void {
    if (k.type === 'Constant' || k.type === 'Name') {
      this.expr(k);
      this.expr(v);
    } else {
      this.expr(v);
      this.expr(k);
      this.e.op(op.SWAP, 2);
    }
  }

  private joinedStr(x: A.JoinedStr): void {
    const e = this.e;
    const vals = x.values;
    if (vals.length === 0) {
      e.loadConst('');
      return;
    }
    for (const v of vals) {
      if (v.type === 'FormattedValue') this.formattedValue(v);
      else this.expr(v);
    }
    if (vals.length > 1) e.op(op.BUILD_STRING, vals.length);
  }

  private formattedValue(x: A.FormattedValue): void {
    const e = this.e;
    this.expr(x.value);
    let arg = x.conversion === 115 ? op.FVC_STR : x.conversion === 114 ? op.FVC_REPR : x.conversion === 97 ? op.FVC_ASCII : op.FVC_NONE;
    if (x.formatSpec) {
      this.joinedStr(x.formatSpec);
      arg |= op.FVS_HAVE_SPEC;
    }
    e.op(op.FORMAT_VALUE, arg);
  }

  // ---- calls -----------------------------------------------------------------------------------

  private call(x: A.Call): void {
    const e = this.e;
    const simple = !x.args.some((a) => a.type === 'Starred') && !x.keywords.some((k) => k.arg === null);
    if (x.func.type === 'Name' && x.func.id === 'super' && x.args.length === 0 && x.keywords.length === 0 && this.superCall()) return;
    if (simple && x.func.type === 'Attribute') {
      this.expr(x.func.value);
      e.nameOp(op.LOAD_METHOD, x.func.attr);
      for (const a of x.args) this.expr(a);
      if (x.keywords.length > 0) {
        for (const k of x.keywords) this.expr(k.value);
        e.loadConst(new ConstTuple(x.keywords.map((k) => k.arg!)));
        e.op(op.CALL_METHOD_KW, x.args.length + x.keywords.length);
      } else {
        e.op(op.CALL_METHOD, x.args.length);
      }
      return;
    }
    this.expr(x.func);
    this.callArgs(x.args, x.keywords, 0);
  }

  /**
   * Zero-argument super() in a method: `super(__class__, <first argument>)` as MicroPython compiles it.
   * Returns false (compile a plain call) when there is no enclosing class or no argument to use.
   */
  private superCall(): boolean {
    const s = this.u.scope;
    if (!s.isFunctionLike || s.kind === SCOPE_COMPREHENSION || s.lookup('super') !== NAME_GLOBAL_IMPLICIT) return false;
    if (s.lookup('__class__') !== NAME_FREE) return false;
    const e = this.e;
    if (s.argCount > 0) {
      e.nameOp(op.LOAD_GLOBAL, 'super');
      this.loadName('__class__');
      this.loadName(s.varnames[0]);
    } else if (s.hasVarargs) {
      e.nameOp(op.LOAD_GLOBAL, 'super');
      this.loadName('__class__');
      this.loadName(s.varnames[s.argCount + s.kwOnlyArgCount]);
      e.op(op.LOAD_SMALL_INT, 0);
      e.op(op.BINARY_SUBSCR);
    } else {
      return false;
    }
    e.op(op.CALL, 2);
    return true;
  }

  /** Arguments of a call whose callable (and `extra` leading positional values) are on the stack. */
  private callArgs(args: A.Expr[], keywords: A.Keyword[], extra: number): void {
    const e = this.e;
    const simple = !args.some((a) => a.type === 'Starred') && !keywords.some((k) => k.arg === null);
    if (simple) {
      for (const a of args) this.expr(a);
      if (keywords.length > 0) {
        for (const k of keywords) this.expr(k.value);
        e.loadConst(new ConstTuple(keywords.map((k) => k.arg!)));
        e.op(op.CALL_KW, extra + args.length + keywords.length);
      } else {
        e.op(op.CALL, extra + args.length);
      }
      return;
    }
    // general form: f(*args_tuple, **kwargs_dict)
    let i = 0;
    let n = extra;
    while (i < args.length && args[i].type !== 'Starred' && n < 32) {
      this.expr(args[i++]);
      n++;
    }
    e.op(op.BUILD_LIST, n);
    for (; i < args.length; i++) {
      const a = args[i];
      if (a.type === 'Starred') {
        this.expr(a.value);
        e.op(op.LIST_EXTEND, 1);
      } else {
        this.expr(a);
        e.op(op.LIST_APPEND, 1);
      }
    }
    e.op(op.LIST_TO_TUPLE);
    if (keywords.length === 0) {
      e.op(op.CALL_FUNCTION_EX, 0);
      return;
    }
    // keywords: runs of named ones make dicts; `**m` merges (checking duplicates as CPython does)
    let haveDict = false;
    let k = 0;
    while (k < keywords.length) {
      const kw = keywords[k];
      if (kw.arg === null) {
        if (!haveDict) {
          e.op(op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.expr(kw.value);
        e.op(op.DICT_MERGE, 1);
        k++;
        continue;
      }
      let run = 0;
      while (k < keywords.length && keywords[k].arg !== null && run < 16) {
        e.loadConst(keywords[k].arg!);
        this.expr(keywords[k].value);
        k++;
        run++;
      }
      e.op(op.BUILD_MAP, run);
      if (haveDict) e.op(op.DICT_MERGE, 1);
      haveDict = true;
    }
    e.op(op.CALL_FUNCTION_EX, 1);
  }

  // ---- comprehensions --------------------------------------------------------------------------

  private comprehension(x: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const e = this.e;
    const scope = this.info.scopes.get(x)!;
    const gens = x.generators;
    this.makeFunction(scope, null, x.line, 0, () => {
      const ce = this.e;
      const isGen = x.type === 'GeneratorExp';
      if (x.type === 'ListComp') ce.op(op.BUILD_LIST, 0);
      else if (x.type === 'SetComp') ce.op(op.BUILD_SET, 0);
      else if (x.type === 'DictComp') ce.op(op.BUILD_MAP, 0);
      this.comprehensionLoop(x, gens, 0);
      if (isGen) ce.op(op.LOAD_NONE);
      ce.op(op.RETURN_VALUE);
    });
    this.expr(gens[0].iter);
    e.op(gens[0].isAsync ? op.GET_AITER : op.GET_ITER);
    e.op(op.CALL, 1);
    if (scope.usesAwait && x.type !== 'GeneratorExp') this.awaitTop();
  }

  private comprehensionLoop(x: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, gens: A.Comprehension[], i: number): void {
    const e = this.e;
    const g = gens[i];
    if (i === 0) {
      e.slotOp(op.LOAD_FAST, 0, '.0');
    } else {
      this.expr(g.iter);
      e.op(g.isAsync ? op.GET_AITER : op.GET_ITER);
    }
    const top = e.newLabel();
    const end = e.newLabel();
    e.label(top);
    if (g.isAsync) {
      e.pushHandler(end);
      e.op(op.GET_ANEXT);
      e.op(op.LOAD_NONE);
      e.op(op.YIELD_FROM);
      e.popHandler();
    } else {
      e.jump(op.FOR_ITER, end);
    }
    this.store(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, false, top);
    if (i + 1 < gens.length) {
      this.comprehensionLoop(x, gens, i + 1);
    } else {
      const depth = gens.length + 1;
      switch (x.type) {
        case 'GeneratorExp':
          this.expr(x.elt);
          e.op(op.YIELD_VALUE);
          e.op(op.POP_TOP);
          break;
        case 'ListComp':
          this.expr(x.elt);
          e.op(op.LIST_APPEND, depth);
          break;
        case 'SetComp':
          this.expr(x.elt);
          e.op(op.SET_ADD, depth);
          break;
        case 'DictComp':
          this.keyValue(x.key, x.value);
          e.op(op.MAP_ADD, depth);
          break;
      }
    }
    e.jump(JUMP, top);
    e.label(end);
    if (g.isAsync) e.op(op.END_ASYNC_FOR);
  }
}

export { CodeObject };

/** The docstring of a module, class or function body: a first statement that is a str literal. */
function docstring(body: A.Stmt[]): string | null {
  const s = body[0];
  if (s !== undefined && s.type === 'Expr' && s.value.type === 'Constant' && typeof s.value.value === 'string') return s.value.value;
  return null;
}

/** The constant an expression stands for: a literal, or a tuple of them (nested tuples too, as CPython folds). */
function constOf(x: A.Expr): Const | undefined {
  if (x.type === 'Constant') return x.value;
  if (x.type !== 'Tuple') return undefined;
  const items: Const[] = [];
  for (const y of x.elts) {
    const c = constOf(y);
    if (c === undefined) return undefined;
    items.push(c);
  }
  return new ConstTuple(items);
}
