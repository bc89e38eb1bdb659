import * as ops from './opcodes.js';

const NOT_OPCODES = /^(CO_|FV|MF_|ARG_|FIRST_VM|VT_)/;

/** Opcode number -> name (`LOAD_CONST`), for disassemblers and error messages. */
export const opcodeNames: readonly string[] = (() => {
  const names: string[] = [];
  for (const [name, value] of Object.entries(ops)) {
    if (typeof value === 'number' && !NOT_OPCODES.test(name)) names[value] = name;
  }
  return names;
})();

/** Opcodes whose arg is an absolute jump target. */
export const jumpOpcodes: ReadonlySet<number> = new Set([
  ops.JUMP_FORWARD,
  ops.JUMP_BACKWARD,
  ops.POP_JUMP_IF_FALSE,
  ops.POP_JUMP_IF_TRUE,
  ops.JUMP_IF_FALSE_OR_POP,
  ops.JUMP_IF_TRUE_OR_POP,
  ops.FOR_ITER,
]);

/** Opcodes whose arg indexes `names`. */
export const nameOpcodes: ReadonlySet<number> = new Set([
  ops.LOAD_NAME,
  ops.STORE_NAME,
  ops.DELETE_NAME,
  ops.LOAD_GLOBAL,
  ops.STORE_GLOBAL,
  ops.DELETE_GLOBAL,
  ops.LOAD_ATTR,
  ops.STORE_ATTR,
  ops.DELETE_ATTR,
  ops.LOAD_METHOD,
  ops.IMPORT_NAME,
  ops.IMPORT_FROM,
]);

/** Opcodes whose arg indexes `varnames`. */
export const localOpcodes: ReadonlySet<number> = new Set([ops.LOAD_FAST, ops.STORE_FAST, ops.DELETE_FAST]);

/** Opcodes whose arg indexes the cell array `[...cellvars, ...freevars]`. */
export const cellOpcodes: ReadonlySet<number> = new Set([
  ops.LOAD_DEREF,
  ops.STORE_DEREF,
  ops.DELETE_DEREF,
  ops.LOAD_CLOSURE,
  ops.LOAD_CLASSDEREF,
]);
