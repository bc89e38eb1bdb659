export * as op from './opcodes.js';
export * from './opcodes.js';
export { CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple } from './code.js';
export type { CodeObjectInit, Const } from './code.js';
export { cellOpcodes, jumpOpcodes, localOpcodes, nameOpcodes, opcodeNames } from './names.js';
export { isBinaryOp, isTerminator, stackEffect, stackUse } from './stack.js';
export { verify, VerifyError } from './verify.js';
export { constRepr, disassemble } from './disassemble.js';
export type { DisassembleOptions } from './disassemble.js';
