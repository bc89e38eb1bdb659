// @micropython.viper: static native types, the VIPER_* opcodes they compile to, and MicroPython's
// compile-time ViperTypeErrors.
import { describe, expect, it } from 'vitest';
import { CompileError, compile } from '@mpy-ts/compiler';
import { CodeObject, CO_MP_VIPER, opcodeNames, verify } from '@mpy-ts/bytecode';

function fn(body: string): CodeObject {
  const code = compile(`@micropython.viper\n${body}`, { filename: 't.py' });
  verify(code);
  const f = code.consts.find((c): c is CodeObject => c instanceof CodeObject);
  if (!f) throw new Error('no function');
  return f;
}

/** The opcode names of a code object, with args for the viper ones. */
function ops(c: CodeObject): string[] {
  return Array.from(c.code, (w) => {
    const name = opcodeNames[w & 0xff];
    return name.startsWith('VIPER_') ? `${name} ${w >> 8}` : name;
  });
}

function viperError(body: string): string {
  try {
    compile(`@micropython.viper\n${body}`, { filename: 't.py' });
  } catch (e) {
    if (e instanceof CompileError) return `${e.kind}: ${e.msg}`;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(body)}`);
}

describe('viper code generation', () => {
  it('flags the code object and converts typed arguments on entry', () => {
    const c = fn('def f(a: int, b, c: ptr8):\n    pass\n');
    expect(c.flags & CO_MP_VIPER).toBe(CO_MP_VIPER);
    expect(ops(c).slice(0, 6)).toEqual(['LOAD_FAST', 'VIPER_CONV 2', 'STORE_FAST', 'LOAD_FAST', 'VIPER_CONV 5', 'STORE_FAST']);
  });
  it('int arithmetic and comparisons are machine operations; objects stay Python operations', () => {
    const c = fn('def f(x: int, y: uint, o) -> bool:\n    a = x + 1\n    b = y << 2\n    c = o + o\n    return x < a\n');
    const v = ops(c).filter((n) => n.startsWith('VIPER_BINOP') || n === 'BINARY_ADD');
    // BINARY_ADD = 30, BINARY_LSHIFT = 38, COMPARE_LT = 60; type int = 2 << 8, uint = 3 << 8
    expect(v).toEqual([`VIPER_BINOP ${30 | (2 << 8)}`, `VIPER_BINOP ${38 | (3 << 8)}`, 'BINARY_ADD', `VIPER_BINOP ${60 | (2 << 8)}`]);
  });
  it('subscripts of typed pointers load and store words of their width', () => {
    const c = fn('def f(p: ptr16, q: ptr32, i: int):\n    p[i] = q[i]\n    p[0] += 1\n');
    const v = ops(c).filter((n) => n.startsWith('VIPER_LOAD') || n.startsWith('VIPER_STORE'));
    expect(v).toEqual(['VIPER_LOAD 4', 'VIPER_STORE 2', 'VIPER_LOAD 2', 'VIPER_STORE 2']);
  });
  it('casts are VIPER_CONV unless the name is a local', () => {
    expect(ops(fn('def f(b):\n    p = ptr8(b)\n    n = int(len(b))\n')).filter((n) => n.startsWith('VIPER'))).toEqual(['VIPER_CONV 5', 'VIPER_CONV 2']);
    expect(ops(fn('def f(int):\n    return int(1)\n')).some((n) => n.startsWith('VIPER'))).toBe(false);
  });
  it('return None from a function returning int is 0', () => {
    expect(ops(fn('def f() -> int:\n    return None\n'))).toEqual(['LOAD_SMALL_INT', 'RETURN_VALUE']);
    expect(ops(fn('def f() -> bool:\n    pass\n'))).toEqual(['LOAD_SMALL_INT', 'VIPER_CONV 1', 'RETURN_VALUE']);
  });
  it('a local takes the type of its first assignment; range() loops count in native ints', () => {
    const c = fn('def f(n: int) -> int:\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n');
    expect(ops(c).filter((n) => n.startsWith('VIPER_BINOP'))).toEqual([`VIPER_BINOP ${30 | (2 << 8)}`]);
  });
  it('annotations on non-viper functions are ignored', () => {
    expect(() => compile('def f(x: ptr8) -> uint:\n    return x\n')).not.toThrow();
  });
});

describe('viper type errors (MicroPython messages)', () => {
  const cases: [string, string][] = [
    ['def f(x: int):\n    return x\n', "ViperTypeError: return expected 'object' but got 'int'"],
    ['def f(x: int, y: uint):\n    return x < y\n', 'ViperTypeError: comparison of int and uint'],
    ['def f(x: foo):\n    pass\n', "ViperTypeError: unknown type 'foo'"],
    ['def f(x):\n    return x + 1\n', "ViperTypeError: can't do binary op between 'object' and 'int'"],
    ['def f(x: int):\n    y = x\n    y = len(x)\n', "ViperTypeError: local 'y' has type 'int' but source is 'object'"],
    ['def f(x: uint) -> uint:\n    return x // 2\n', 'ViperTypeError: div/mod not implemented for uint'],
    ['def f(x: int) -> int:\n    return x / 2\n', 'ViperTypeError: binary op __truediv__ not implemented'],
    ['def f(p: ptr):\n    return p[0]\n', "ViperTypeError: can't load from 'ptr'"],
    ['def f(p: ptr8, o):\n    p[0] = o\n', "ViperTypeError: can't store 'object'"],
    ['def f(p: ptr8, o):\n    return p[o]\n', "ViperTypeError: can't load with 'object' index"],
    ['def f(x: bool):\n    return -x\n', "ViperTypeError: can't do unary op of 'bool'"],
    ['def f():\n    print(y)\n    y = 1\n', "ViperTypeError: local 'y' used before type known"],
    ['def f():\n    yield 1\n', 'NotImplementedError: native yield'],
  ];
  for (const [src, msg] of cases) {
    it(msg, () => expect(viperError(src)).toBe(msg));
  }
});
