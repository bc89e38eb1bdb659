export * as op from './opcodes.js';
export * from './opcodes.js';
export { CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple } from './code.js';
export type { CodeObjectInit, Const } from './code.js';
export { cellOpcodes, jumpOpcodes, localOpcodes, nameOpcodes, opcodeNames } from './names.js';
