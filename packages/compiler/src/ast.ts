// The abstract syntax tree (MicroPython keeps a compact parse tree, py/parse.h; we use a typed AST shaped
// like CPython's `ast` module so that it is easy to read, test and pretty-print).
//
// Every node has `type`, a 1-based `line` and a 0-based `col` of its first token. Constants hold the
// values of @mpy-ts/bytecode's `Const` (ints as number/bigint, `ConstFloat`, `ConstComplex`, strings,
// `Uint8Array` bytes, `ConstEllipsis`, null/true/false).
import type { Const } from '@mpy-ts/bytecode';

export interface Pos {
  line: number;
  col: number;
}

// ---- modules ----------------------------------------------------------------------------------------
export interface Module extends Pos {
  type: 'Module';
  body: Stmt[];
}
export interface Interactive extends Pos {
  type: 'Interactive';
  body: Stmt[];
}
export interface Expression extends Pos {
  type: 'Expression';
  body: Expr;
}
export type Mod = Module | Interactive | Expression;

// ---- statements -------------------------------------------------------------------------------------
export interface FunctionDef extends Pos {
  type: 'FunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorators: Expr[];
  returns: Expr | null;
  isAsync: boolean;
}
export interface ClassDef extends Pos {
  type: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
}
export interface Return extends Pos {
  type: 'Return';
  value: Expr | null;
}
export interface Delete extends Pos {
  type: 'Delete';
  targets: Expr[];
}
export interface Assign extends Pos {
  type: 'Assign';
  targets: Expr[];
  value: Expr;
}
export interface AugAssign extends Pos {
  type: 'AugAssign';
  target: Expr;
  op: BinOperator;
  value: Expr;
}
export interface AnnAssign extends Pos {
  type: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** True for a bare name target (not parenthesised). */
  simple: boolean;
}
export interface For extends Pos {
  type: 'For';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  isAsync: boolean;
}
export interface While extends Pos {
  type: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface If extends Pos {
  type: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface With extends Pos {
  type: 'With';
  items: WithItem[];
  body: Stmt[];
  isAsync: boolean;
}
export interface Raise extends Pos {
  type: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}
export interface Try extends Pos {
  type: 'Try';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Pos {
  type: 'Assert';
  test: Expr;
  msg: Expr | null;
}
export interface Import extends Pos {
  type: 'Import';
  names: Alias[];
}
export interface ImportFrom extends Pos {
  type: 'ImportFrom';
  /** Dotted module name without the leading dots; '' for `from . import x`. */
  module: string;
  names: Alias[];
  level: number;
}
export interface Global extends Pos {
  type: 'Global';
  names: string[];
}
export interface Nonlocal extends Pos {
  type: 'Nonlocal';
  names: string[];
}
export interface ExprStmt extends Pos {
  type: 'Expr';
  value: Expr;
}
export interface Pass extends Pos {
  type: 'Pass';
}
export interface Break extends Pos {
  type: 'Break';
}
export interface Continue extends Pos {
  type: 'Continue';
}
export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

// ---- expressions ------------------------------------------------------------------------------------
export type BinOperator = '+' | '-' | '*' | '@' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^';
export type UnaryOperator = 'not' | '-' | '+' | '~';
export type CmpOperator = '<' | '<=' | '==' | '!=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

export interface BoolOp extends Pos {
  type: 'BoolOp';
  op: 'and' | 'or';
  values: Expr[];
}
export interface NamedExpr extends Pos {
  type: 'NamedExpr';
  target: Name;
  value: Expr;
}
export interface BinOp extends Pos {
  type: 'BinOp';
  left: Expr;
  op: BinOperator;
  right: Expr;
}
export interface UnaryOp extends Pos {
  type: 'UnaryOp';
  op: UnaryOperator;
  operand: Expr;
}
export interface Lambda extends Pos {
  type: 'Lambda';
  args: Arguments;
  body: Expr;
}
export interface IfExp extends Pos {
  type: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Dict extends Pos {
  type: 'Dict';
  /** null key: `**value` unpacking. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Pos {
  type: 'Set';
  elts: Expr[];
}
export interface ListComp extends Pos {
  type: 'ListComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends Pos {
  type: 'SetComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends Pos {
  type: 'DictComp';
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends Pos {
  type: 'GeneratorExp';
  elt: Expr;
  generators: Comprehension[];
}
export interface Await extends Pos {
  type: 'Await';
  value: Expr;
}
export interface Yield extends Pos {
  type: 'Yield';
  value: Expr | null;
}
export interface YieldFrom extends Pos {
  type: 'YieldFrom';
  value: Expr;
}
export interface Compare extends Pos {
  type: 'Compare';
  left: Expr;
  ops: CmpOperator[];
  comparators: Expr[];
}
export interface Call extends Pos {
  type: 'Call';
  func: Expr;
  /** Positional arguments, `Starred` for `*x`. */
  args: Expr[];
  keywords: Keyword[];
}
export interface FormattedValue extends Pos {
  type: 'FormattedValue';
  value: Expr;
  /** -1 none, else the char code of `s`, `r` or `a`. */
  conversion: number;
  formatSpec: JoinedStr | null;
}
export interface JoinedStr extends Pos {
  type: 'JoinedStr';
  values: Expr[];
}
export interface Constant extends Pos {
  type: 'Constant';
  value: Const;
}
export interface Attribute extends Pos {
  type: 'Attribute';
  value: Expr;
  attr: string;
}
export interface Subscript extends Pos {
  type: 'Subscript';
  value: Expr;
  slice: Expr;
}
export interface Starred extends Pos {
  type: 'Starred';
  value: Expr;
}
export interface Name extends Pos {
  type: 'Name';
  id: string;
}
export interface List extends Pos {
  type: 'List';
  elts: Expr[];
}
export interface Tuple extends Pos {
  type: 'Tuple';
  elts: Expr[];
  /** Written with parentheses (matters for error messages and `with (a, b):`). */
  parenthesized: boolean;
}
export interface Slice extends Pos {
  type: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}
export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

// ---- helpers ----------------------------------------------------------------------------------------
export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}
export interface ExceptHandler extends Pos {
  type: 'ExceptHandler';
  exctype: Expr | null;
  name: string | null;
  body: Stmt[];
}
export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonlyarg; null when it has no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional parameters. */
  defaults: Expr[];
}
export interface Arg extends Pos {
  type: 'arg';
  arg: string;
  annotation: Expr | null;
}
export interface Keyword extends Pos {
  type: 'keyword';
  /** null: `**value`. */
  arg: string | null;
  value: Expr;
}
export interface Alias extends Pos {
  type: 'alias';
  name: string;
  asname: string | null;
}
export interface WithItem {
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export type Node = Mod | Stmt | Expr | ExceptHandler | Arg | Keyword | Alias;
