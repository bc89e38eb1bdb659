// Compile errors (MicroPython raises them from py/lexer.c, py/parse.c and py/compile.c as
// mp_type_SyntaxError / mp_type_IndentationError with the source line attached).
//
// A CompileError carries the Python exception class it stands for, the message, and the location. The
// VM turns it into that Python exception at its boundary; the compiler never lets a raw JavaScript
// error escape for bad input.

/** The Python exception class a CompileError becomes. */
export type CompileErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError' | 'NotImplementedError' | 'RuntimeError' | 'ViperTypeError';

export class CompileError extends Error {
  /** Python exception class name. */
  readonly kind: CompileErrorKind;
  /** The message alone, as Python shows it after `SyntaxError: `. */
  readonly msg: string;
  readonly filename: string;
  /** 1-based line of the offending token. */
  readonly line: number;
  /** 1-based column of the offending token (0 if unknown). */
  readonly column: number;
  /** The text of the offending line, when known. */
  readonly text: string | undefined;

  constructor(kind: CompileErrorKind, msg: string, filename: string, line: number, column: number, text?: string) {
    super(`${kind}: ${msg} (${filename}, line ${line})`);
    this.name = 'CompileError';
    this.kind = kind;
    this.msg = msg;
    this.filename = filename;
    this.line = line;
    this.column = column;
    this.text = text;
  }
}

/**
 * The messages we raise, in one table so tests can check each one and so they stay MicroPython-style
 * (py/compile.c wording where MicroPython has a check, CPython's wording where only CPython has one).
 */
export const messages = {
  invalidSyntax: 'invalid syntax',
  unexpectedIndent: 'unexpected indent',
  expectedIndent: 'expected an indented block',
  unindentMismatch: "unindent doesn't match any outer indent level",
  inconsistentTabs: 'inconsistent use of tabs and spaces in indentation',
  invalidNumber: 'invalid syntax for number',
  unterminatedString: 'unterminated string literal',
  unterminatedTriple: 'unterminated triple-quoted string literal',
  invalidCharacter: 'invalid character in source',
  nullByte: 'source code cannot contain null bytes',
  lineContinuation: 'unexpected character after line continuation character',
  eofInContinuation: 'unexpected EOF while parsing',
  badHexEscape: 'invalid \\x escape',
  badUnicodeEscape: 'invalid \\u escape',
  badUnicodeEscapeRange: 'invalid \\U escape: character out of range',
  unicodeErrorPrefix: "(unicode error) 'unicodeescape' codec can't decode bytes in position",
  bytesNonAscii: 'bytes can only contain ASCII literal characters',
  mixBytes: 'cannot mix bytes and nonbytes literals',
  unmatchedBracket: 'unmatched bracket',
  fstringBrace: "f-string: single '}' is not allowed",
  fstringEmpty: 'f-string: empty expression not allowed',
  fstringUnterminated: "f-string: expecting '}'",
  fstringConversion: "f-string: invalid conversion character: expected 's', 'r', or 'a'",
  fstringBackslash: 'f-string expression part cannot include a backslash',
  fstringNested: 'f-string: expressions nested too deeply',
  cantAssignExpr: "can't assign to expression",
  cantAssignLiteral: "can't assign to literal",
  cantDeleteExpr: "can't delete expression",
  cantAssignDebug: 'cannot assign to __debug__',
  multipleStar: 'multiple *x in assignment',
  starNotTarget: '*x must be assignment target',
  starOutsideTuple: "can't use starred expression here",
  returnOutsideFunction: "'return' outside function",
  yieldOutsideFunction: "'yield' outside function",
  awaitOutsideFunction: "'await' outside function",
  awaitOutsideAsync: "'await' outside async function",
  asyncOutsideAsync: "'async' outside async function",
  yieldInAsyncComp: "'yield' inside async function",
  returnValueInAsyncGen: "'return' with value in async generator",
  breakOutsideLoop: "'break' outside loop",
  continueOutsideLoop: "'continue' outside loop",
  defaultExceptLast: "default 'except' must be last",
  nonDefaultAfterDefault: 'non-default argument follows default argument',
  nameReusedForArgument: 'name reused for argument',
  kwArgRepeated: 'keyword argument repeated',
  positionalAfterKeyword: 'positional argument follows keyword argument',
  positionalAfterKwUnpack: 'positional argument follows keyword argument unpacking',
  starAfterDblStar: 'iterable argument unpacking follows keyword argument unpacking',
  lhsKeyword: 'LHS of keyword arg must be an id',
  genexpMustBeParenthesized: 'Generator expression must be parenthesized',
  redefinedGlobal: 'identifier redefined as global',
  redefinedNonlocal: 'identifier redefined as nonlocal',
  nonlocalAtModule: "can't declare nonlocal in outer code",
  noBindingNonlocal: 'no binding for nonlocal found',
  paramGlobal: 'name is parameter and global',
  paramNonlocal: 'name is parameter and nonlocal',
  importStarNotModule: 'import * not at module level',
  invalidMicropythonDecorator: 'invalid micropython decorator',
  constNotConstant: 'constant must be an integer',
  constRedefined: 'constant redefined',
  namedExprTarget: 'cannot use assignment expressions with this target',
  namedExprRebindIter: 'assignment expression cannot rebind comprehension iteration variable',
  namedExprInClassComp: 'assignment expression within a comprehension cannot be used in a class body',
  namedExprInCompIterable: 'assignment expression cannot be used in a comprehension iterable expression',
  bareStarNamed: 'named arguments must follow bare *',
  tooManyStarredTargets: 'too many expressions in star-unpacking assignment',
  dictExpectKeyValue: 'expecting key:value for dict',
  setExpectValue: 'expecting just a value for set',
  eofExpected: 'unexpected EOF while parsing',
  tooDeep: 'too many nested parentheses',
  tooManyStatics: 'too many statically nested blocks',
  recursionDepth: 'maximum recursion depth exceeded',
} as const;
