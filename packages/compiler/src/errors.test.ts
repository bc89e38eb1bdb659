import { describe, expect, it } from 'vitest';
import { CompileError, compile, messages } from '@mpy-ts/compiler';

function err(src: string, mode: 'exec' | 'eval' | 'single' = 'exec'): CompileError {
  try {
    compile(src, { filename: 't.py', mode });
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

describe('compile errors', () => {
  const cases: [string, string, string, number][] = [
    ['x = = 1\n', 'SyntaxError', messages.invalidSyntax, 1],
    ['if x:\npass\n', 'IndentationError', messages.expectedIndent, 2],
    ['x = 1\n  y = 2\n', 'IndentationError', messages.unexpectedIndent, 2],
    ['if x:\n    a\n  b\n', 'IndentationError', messages.unindentMismatch, 3],
    ['if x:\n\ta\n        b\n', 'TabError', messages.inconsistentTabs, 3],
    ['if x:\n        a\n\tb\n', 'TabError', messages.inconsistentTabs, 3],
    ['if x:\n  \ta\n\t  b\n', 'TabError', messages.inconsistentTabs, 3],
    ['if x:\n\tif y:\n\t\ta\n\t        b\n', 'TabError', messages.inconsistentTabs, 4],
    ['if x:\n\tif y:\n\t\ta\n        b\n', 'TabError', messages.inconsistentTabs, 4],
    ['return 1\n', 'SyntaxError', messages.returnOutsideFunction, 1],
    ['class A:\n    return\n', 'SyntaxError', messages.returnOutsideFunction, 2],
    ['1 = x\n', 'SyntaxError', messages.cantAssignLiteral, 1],
    ['f() = x\n', 'SyntaxError', messages.cantAssignExpr, 1],
    ['del f()\n', 'SyntaxError', messages.cantDeleteExpr, 1],
    ['del ()\n', 'SyntaxError', messages.cantDeleteExpr, 1],
    ['() = []\n', 'SyntaxError', messages.cantAssignExpr, 1],
    ['a, *b, *c = x\n', 'SyntaxError', messages.multipleStar, 1],
    ['break\n', 'SyntaxError', messages.breakOutsideLoop, 1],
    ['continue\n', 'SyntaxError', messages.continueOutsideLoop, 1],
    ['def f():\n    yield\nyield\n', 'SyntaxError', messages.yieldOutsideFunction, 3],
    ['try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n', 'SyntaxError', messages.defaultExceptLast, 3],
    ['def f(a=1, b):\n    pass\n', 'SyntaxError', messages.nonDefaultAfterDefault, 1],
    ['def f(a, a):\n    pass\n', 'SyntaxError', messages.nameReusedForArgument, 1],
    ['f(a=1, a=2)\n', 'SyntaxError', messages.kwArgRepeated, 1],
    ['f(a=1, 2)\n', 'SyntaxError', messages.positionalAfterKeyword, 1],
    ['f(**a, b)\n', 'SyntaxError', messages.positionalAfterKwUnpack, 1],
    ['f(**a, *b)\n', 'SyntaxError', messages.starAfterDblStar, 1],
    ['f(x for x in y, 1)\n', 'SyntaxError', messages.genexpMustBeParenthesized, 1],
    ['def f():\n    x = 1\n    global x\n', 'SyntaxError', messages.redefinedGlobal, 3],
    ['nonlocal x\n', 'SyntaxError', messages.nonlocalAtModule, 1],
    ['def f():\n    nonlocal x\n', 'SyntaxError', messages.noBindingNonlocal, 1],
    ['def f():\n    from x import *\n', 'SyntaxError', messages.importStarNotModule, 2],
    ['@micropython.a\ndef f(): pass\n', 'SyntaxError', messages.invalidMicropythonDecorator, 1],
    ['@micropython.a.b\ndef f(): pass\n', 'SyntaxError', messages.invalidMicropythonDecorator, 1],
    ['a = const(x)\n', 'SyntaxError', messages.constNotConstant, 1],
    ['A = const(1); A = const(2)\n', 'SyntaxError', messages.constRedefined, 1],
    ['A = const(1 // 0)\n', 'SyntaxError', messages.constNotConstant, 1],
    ['x := 1\n', 'SyntaxError', messages.invalidSyntax, 1],
    ['((x, y) := 1)\n', 'SyntaxError', messages.namedExprTarget, 1],
    ['[i := 0 for i in y]\n', 'SyntaxError', `${messages.namedExprRebindIter} 'i'`, 1],
    ['class A:\n    [j := i for i in y]\n', 'SyntaxError', messages.namedExprInClassComp, 2],
    ['[x for x in (y := [1])]\n', 'SyntaxError', messages.namedExprInCompIterable, 1],
    ['1and 0\n', 'SyntaxError', messages.invalidNumber, 1],
    ['01\n', 'SyntaxError', messages.invalidNumber, 1],
    ["'\\x0'\n", 'SyntaxError', messages.badHexEscape, 1],
    ["'\\U00110000'\n", 'SyntaxError', messages.badUnicodeEscapeRange, 1],
    ["'abc\n", 'SyntaxError', messages.unterminatedString, 1],
    ["'''abc\n", 'SyntaxError', messages.unterminatedTriple, 1],
    ["b'\u00e9'\n", 'SyntaxError', messages.bytesNonAscii, 1],
    ["b'a' 'b'\n", 'SyntaxError', messages.mixBytes, 1],
    ['"\\N{LATIN SMALL LETTR A}"\n', 'SyntaxError', `${messages.unicodeErrorPrefix} 0-22: unknown Unicode character name`, 1],
    ['x = (1,\n', 'SyntaxError', messages.eofExpected, 2],
    ['x = )\n', 'SyntaxError', messages.unmatchedBracket, 1],
    ['x = 1 \\ 2\n', 'SyntaxError', messages.lineContinuation, 1],
    ['x = $\n', 'SyntaxError', messages.invalidCharacter, 1],
    ['x = 1\0\n', 'SyntaxError', messages.nullByte, 1],
    ["f'{}'\n", 'SyntaxError', messages.fstringEmpty, 1],
    ["f'}'\n", 'SyntaxError', messages.fstringBrace, 1],
    ["f'{x!z}'\n", 'SyntaxError', messages.fstringConversion, 1],
    ['__debug__ = 1\n', 'SyntaxError', messages.cantAssignDebug, 1],
    ['async def f():\n    yield 1\n    return 2\n', 'SyntaxError', messages.returnValueInAsyncGen, 3],
    ['def f():\n    await x\n', 'SyntaxError', messages.awaitOutsideAsync, 2],
    ['await x\n', 'SyntaxError', messages.awaitOutsideFunction, 1],
    ['*a = b\n', 'SyntaxError', messages.starOutsideTuple, 1],
    ['print(*)\n', 'SyntaxError', messages.invalidSyntax, 1],
  ];
  it.each(cases)('%j', (src, kind, msg, line) => {
    const e = err(src);
    expect([e.kind, e.msg, e.line]).toEqual([kind, msg, line]);
    expect(e.filename).toBe('t.py');
  });

  it('reports empty input in eval and single mode', () => {
    expect(err('', 'eval').msg).toBe(messages.invalidSyntax);
    expect(err('\\\n', 'single').kind).toBe('SyntaxError');
    expect(() => compile('\\\n', { mode: 'exec' })).not.toThrow();
  });

  it('gives columns and the source line', () => {
    const e = err('a = 1\nb = (2 +)\n');
    expect([e.line, e.column, e.text]).toEqual([2, 9, 'b = (2 +)']);
  });

  it('turns runaway nesting into RuntimeError, never a JavaScript stack overflow', () => {
    const e = err('x = f' + '()'.repeat(50000) + '\n');
    expect([e.kind, e.msg]).toEqual(['RuntimeError', messages.recursionDepth]);
    expect(err('x = ' + '('.repeat(300) + '1' + ')'.repeat(300) + '\n').msg).toBe(messages.tooDeep);
  });

  it('compiles long elif chains without deep recursion', () => {
    expect(() => compile('if x:\n  pass\n' + 'elif x:\n  pass\n'.repeat(20000) + 'else:\n  pass\n')).not.toThrow();
  });

  it('rejects control bytes 0..8 but not tab', () => {
    for (let b = 0; b < 9; b++) expect(err('123' + String.fromCharCode(b), 'eval').kind).toBe('SyntaxError');
    expect(() => compile('123\t', { mode: 'eval' })).not.toThrow();
  });
});
