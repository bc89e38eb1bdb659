import { describe, expect, it } from 'vitest';
import { CodeObject, ConstTuple, VerifyError, encode, op, verify, disassemble, type Const } from '@mpy-ts/bytecode';

function make(words: number[], extra: Partial<ConstructorParameters<typeof CodeObject>[0]> = {}): CodeObject {
  return new CodeObject({
    name: 'f', qualname: 'f', filename: 't.py', firstLine: 1, flags: 0, argCount: 0, posOnlyArgCount: 0,
    kwOnlyArgCount: 0, varnames: [], cellvars: [], freevars: [], names: [], consts: [] as Const[],
    code: Int32Array.from(words), lineTable: new Int32Array(0), exceptionTable: new Int32Array(0), stackSize: 2,
    ...extra,
  });
}

const w = encode;

describe('verify', () => {
  it('accepts good code', () => {
    expect(() => verify(make([w(op.LOAD_SMALL_INT, -5), w(op.RETURN_VALUE)]))).not.toThrow();
  });

  const bad: [string, CodeObject, RegExp][] = [
    ['empty code', make([]), /empty code/],
    ['unknown opcode', make([w(199), w(op.RETURN_VALUE)]), /unknown opcode/],
    ['falls off the end', make([w(op.LOAD_NONE)]), /off the end/],
    ['stack underflow', make([w(op.POP_TOP), w(op.LOAD_NONE), w(op.RETURN_VALUE)]), /needs 1 stack items, has 0/],
    ['stack overflow', make([w(op.LOAD_NONE), w(op.LOAD_NONE), w(op.LOAD_NONE), w(op.RETURN_VALUE)]), /above stackSize/],
    ['const index', make([w(op.LOAD_CONST, 0), w(op.RETURN_VALUE)]), /const index 0 out of range/],
    ['name index', make([w(op.LOAD_NAME, 3), w(op.RETURN_VALUE)]), /name index/],
    ['local index', make([w(op.LOAD_FAST, 0), w(op.RETURN_VALUE)]), /local index/],
    ['cell index', make([w(op.LOAD_DEREF, 0), w(op.RETURN_VALUE)]), /cell index/],
    ['forward jump backwards', make([w(op.JUMP_FORWARD, 0), w(op.RETURN_VALUE)]), /jump target/],
    ['backward jump forwards', make([w(op.JUMP_BACKWARD, 1), w(op.LOAD_NONE), w(op.RETURN_VALUE)]), /jump target/],
    [
      'inconsistent merge',
      make([w(op.LOAD_NONE), w(op.POP_JUMP_IF_FALSE, 4), w(op.LOAD_NONE), w(op.NOP), w(op.LOAD_NONE), w(op.RETURN_VALUE)], { stackSize: 3 }),
      /differs/,
    ],
    [
      'handler depth above stack',
      make([w(op.LOAD_NONE), w(op.RETURN_VALUE), w(op.RERAISE)], { exceptionTable: Int32Array.from([0, 1, 2, 1]) }),
      /handler depth 1 above/,
    ],
    ['bad exception range', make([w(op.LOAD_NONE), w(op.RETURN_VALUE)], { exceptionTable: Int32Array.from([1, 1, 0, 0]) }), /bad range/],
    ['MAKE_FUNCTION without code', make([w(op.LOAD_NONE), w(op.MAKE_FUNCTION, 0), w(op.RETURN_VALUE)]), /MAKE_FUNCTION/],
    [
      'CALL_KW without names',
      make([w(op.LOAD_NONE), w(op.LOAD_NONE), w(op.CALL_KW, 0), w(op.RETURN_VALUE)], { stackSize: 3 }),
      /CALL_KW/,
    ],
    ['unsorted line table', make([w(op.LOAD_NONE), w(op.RETURN_VALUE)], { lineTable: Int32Array.from([1, 1, 0, 2]) }), /not sorted/],
  ];
  it.each(bad)('rejects %s', (_name, code, re) => {
    expect(() => verify(code)).toThrow(VerifyError);
    expect(() => verify(code)).toThrow(re);
  });

  it('checks nested code objects', () => {
    const inner = make([w(op.POP_TOP)], { name: 'g', qualname: 'g' });
    const outer = make([w(op.LOAD_CONST, 0), w(op.MAKE_FUNCTION, 0), w(op.RETURN_VALUE)], { consts: [inner] });
    expect(() => verify(outer)).toThrow(/in g at 0/);
  });

  it('accepts CALL_KW with a names tuple', () => {
    const c = make([w(op.LOAD_NONE), w(op.LOAD_NONE), w(op.LOAD_CONST, 0), w(op.CALL_KW, 1), w(op.RETURN_VALUE)], {
      consts: [new ConstTuple(['a'])],
      stackSize: 3,
    });
    expect(() => verify(c)).not.toThrow();
    expect(disassemble(c)).toContain("LOAD_CONST 0 (('a',))");
  });
});
