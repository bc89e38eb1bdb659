// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { CodeObject, ConstTuple, argOf, encode, op, opOf, opcodeNames } from '@mpy-ts/bytecode';

const word = encode(op.LOAD_SMALL_INT, -42);
assert.equal(opOf(word), op.LOAD_SMALL_INT);
assert.equal(argOf(word), -42);
assert.equal(opcodeNames[op.RETURN_VALUE], 'RETURN_VALUE');

const code = new CodeObject({
  name: '<module>', qualname: '<module>', filename: 'smoke.py', firstLine: 1, flags: 0,
  argCount: 0, posOnlyArgCount: 0, kwOnlyArgCount: 0, varnames: [], cellvars: [], freevars: [],
  names: [], consts: [new ConstTuple([1, 'two'])], stackSize: 1,
  code: Int32Array.from([encode(op.LOAD_CONST, 0), encode(op.RETURN_VALUE)]),
  lineTable: Int32Array.from([0, 1]), exceptionTable: new Int32Array(0),
});
assert.equal(opcodeNames[opOf(code.code[0])], 'LOAD_CONST');
assert.ok(code.consts[0] instanceof ConstTuple);
console.log('@mpy-ts/bytecode: ok');
