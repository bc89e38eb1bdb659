// Bytecode verifier: checks a code object tree before a VM trusts it (the role of MicroPython's checks
// when loading .mpy files, py/persistentcode.c, made stricter).
//
// Checked, for every code object in the tree:
// - every word is a known opcode below FIRST_VM_PRIVATE_OPCODE with an argument in its valid range;
// - jump targets lie inside the code (JUMP_FORWARD forwards, JUMP_BACKWARD backwards);
// - indexes into consts, names, varnames and the cell array are in range; MAKE_FUNCTION takes a code
//   constant; CALL_KW/CALL_METHOD_KW take a tuple-of-str constant of at most n names;
// - the exception table is well formed, and the line table sorted;
// - by abstract interpretation from the entry point and every reachable handler: the stack depth is the
//   same whenever an instruction is reached, never negative, never above stackSize; no path runs off
//   the end of the code; a handler's depth is never above the depth of the code it protects.
import { CodeObject, ConstTuple } from './code.js';
import { opcodeNames } from './names.js';
import * as op from './opcodes.js';
import { isTerminator, stackEffect, stackUse } from './stack.js';

export class VerifyError extends Error {
  /** Qualified name of the code object at fault. */
  readonly codeName: string;
  /** Instruction index, or -1 when the fault is not at one instruction. */
  readonly pc: number;
  constructor(codeName: string, pc: number, message: string) {
    super(`invalid bytecode in ${codeName}${pc >= 0 ? ` at ${pc}` : ''}: ${message}`);
    this.name = 'VerifyError';
    this.codeName = codeName;
    this.pc = pc;
  }
}

/** Verify a code object and every code object nested in its constants. Throws VerifyError. */
export function verify(code: CodeObject): void {
  verifyOne(code, 0);
}

function verifyOne(code: CodeObject, level: number): void {
  if (level > 200) throw new VerifyError(code.qualname, -1, 'code objects nested too deeply');
  const v = new Verifier(code);
  v.run();
  for (const c of code.consts) if (c instanceof CodeObject) verifyOne(c, level + 1);
}

class Verifier {
  private readonly c: CodeObject;
  private readonly n: number;
  private readonly ncells: number;

  constructor(code: CodeObject) {
    this.c = code;
    this.n = code.code.length;
    this.ncells = code.cellvars.length + code.freevars.length;
  }

  private fail(pc: number, message: string): never {
    throw new VerifyError(this.c.qualname, pc, message);
  }

  run(): void {
    const c = this.c;
    if (this.n === 0) this.fail(-1, 'empty code');
    if (!Number.isInteger(c.stackSize) || c.stackSize < 0) this.fail(-1, 'bad stackSize');
    if (c.argCount < 0 || c.posOnlyArgCount < 0 || c.kwOnlyArgCount < 0 || c.posOnlyArgCount > c.argCount) this.fail(-1, 'bad argument counts');
    const nparams = c.argCount + c.kwOnlyArgCount + (c.flags & op.CO_VARARGS ? 1 : 0) + (c.flags & op.CO_VARKEYWORDS ? 1 : 0);
    if (nparams > c.varnames.length) this.fail(-1, 'more parameters than varnames');
    if (c.cell2arg.length !== c.cellvars.length) this.fail(-1, 'cell2arg length differs from cellvars');
    for (const a of c.cell2arg) if (a < -1 || a >= nparams) this.fail(-1, 'cell2arg index out of range');
    this.checkLineTable();
    this.checkInstructions();
    this.checkExceptionTable();
    this.checkFlow();
  }

  private checkLineTable(): void {
    const t = this.c.lineTable;
    if (t.length % 2 !== 0) this.fail(-1, 'line table has an odd length');
    for (let i = 0; i < t.length; i += 2) {
      if (t[i] < 0 || t[i] > this.n) this.fail(-1, 'line table pc out of range');
      if (i > 0 && t[i] < t[i - 2]) this.fail(-1, 'line table not sorted');
    }
  }

  private checkInstructions(): void {
    const c = this.c;
    const code = c.code;
    for (let pc = 0; pc < this.n; pc++) {
      const o = code[pc] & 0xff;
      const arg = code[pc] >> 8;
      if (o >= op.FIRST_VM_PRIVATE_OPCODE || opcodeNames[o] === undefined) this.fail(pc, `unknown opcode ${o}`);
      const name = opcodeNames[o];
      const range = (lo: number, hi: number, what: string) => {
        if (arg < lo || arg > hi) this.fail(pc, `${name} ${what} ${arg} out of range`);
      };
      switch (o) {
        case op.LOAD_CONST:
          range(0, c.consts.length - 1, 'const index');
          break;
        case op.LOAD_FAST:
        case op.STORE_FAST:
        case op.DELETE_FAST:
          range(0, c.varnames.length - 1, 'local index');
          break;
        case op.LOAD_DEREF:
        case op.STORE_DEREF:
        case op.DELETE_DEREF:
        case op.LOAD_CLOSURE:
        case op.LOAD_CLASSDEREF:
          range(0, this.ncells - 1, 'cell index');
          break;
        case op.LOAD_NAME:
        case op.STORE_NAME:
        case op.DELETE_NAME:
        case op.LOAD_GLOBAL:
        case op.STORE_GLOBAL:
        case op.DELETE_GLOBAL:
        case op.LOAD_ATTR:
        case op.STORE_ATTR:
        case op.DELETE_ATTR:
        case op.LOAD_METHOD:
        case op.IMPORT_NAME:
        case op.IMPORT_FROM:
          range(0, c.names.length - 1, 'name index');
          break;
        case op.JUMP_FORWARD:
          range(pc + 1, this.n - 1, 'jump target');
          break;
        case op.JUMP_BACKWARD:
          range(0, pc, 'jump target');
          break;
        case op.POP_JUMP_IF_FALSE:
        case op.POP_JUMP_IF_TRUE:
        case op.JUMP_IF_FALSE_OR_POP:
        case op.JUMP_IF_TRUE_OR_POP:
        case op.FOR_ITER:
          range(0, this.n - 1, 'jump target');
          break;
        case op.COPY:
          range(1, 1 << 16, 'depth');
          break;
        case op.SWAP:
          range(2, 1 << 16, 'depth');
          break;
        case op.BUILD_SLICE:
          range(2, 3, 'count');
          break;
        case op.RAISE_VARARGS:
          range(0, 2, 'count');
          break;
        case op.IS_OP:
        case op.CONTAINS_OP:
          range(0, 1, 'flag');
          break;
        case op.FORMAT_VALUE:
          range(0, 7, 'flags');
          break;
        case op.MAKE_FUNCTION:
          if (arg & ~(op.MF_DEFAULTS | op.MF_KWDEFAULTS | op.MF_CLOSURE)) this.fail(pc, `MAKE_FUNCTION flags ${arg}`);
          if (pc === 0 || (code[pc - 1] & 0xff) !== op.LOAD_CONST || !(c.consts[code[pc - 1] >> 8] instanceof CodeObject)) {
            this.fail(pc, 'MAKE_FUNCTION not preceded by LOAD_CONST of a code object');
          }
          break;
        case op.CALL_KW:
        case op.CALL_METHOD_KW: {
          range(0, 1 << 16, 'count');
          const prev = pc > 0 ? code[pc - 1] : 0;
          const k = c.consts[prev >> 8];
          if ((prev & 0xff) !== op.LOAD_CONST || !(k instanceof ConstTuple) || k.items.length > arg || k.items.some((x) => typeof x !== 'string')) {
            this.fail(pc, `${name} not preceded by LOAD_CONST of a tuple of at most ${arg} names`);
          }
          break;
        }
        case op.CALL_FUNCTION_EX:
          range(0, 1, 'flags');
          break;
        case op.UNPACK_SEQUENCE:
          range(0, 1 << 16, 'count');
          break;
        case op.UNPACK_EX:
          range(0, (1 << 23) - 1, 'counts');
          break;
        case op.LOAD_SMALL_INT:
          break;
        case op.VIPER_CONV:
          range(op.VT_BOOL, op.VT_PTR32, 'native type');
          break;
        case op.VIPER_BINOP: {
          const b = arg & 0xff;
          const t = arg >> 8;
          if (!((b >= op.BINARY_ADD && b <= op.BINARY_XOR) || (b >= op.COMPARE_LT && b <= op.COMPARE_GE)) || t < op.VT_INT || t > op.VT_PTR32) {
            this.fail(pc, `VIPER_BINOP arg ${arg} out of range`);
          }
          break;
        }
        case op.VIPER_LOAD:
        case op.VIPER_STORE:
          if (arg !== 1 && arg !== 2 && arg !== 4) this.fail(pc, `${name} width ${arg} out of range`);
          break;
        default:
          if (arg < 0) this.fail(pc, `${name} with negative arg ${arg}`);
      }
    }
  }

  private checkExceptionTable(): void {
    const t = this.c.exceptionTable;
    if (t.length % 4 !== 0) this.fail(-1, 'exception table length not a multiple of 4');
    for (let i = 0; i < t.length; i += 4) {
      const [start, end, handler, depth] = [t[i], t[i + 1], t[i + 2], t[i + 3]];
      if (!(start >= 0 && start < end && end <= this.n)) this.fail(-1, `exception entry ${i / 4} has a bad range`);
      if (handler < 0 || handler >= this.n) this.fail(-1, `exception entry ${i / 4} handler out of range`);
      if (depth < 0 || depth + 1 > this.c.stackSize) this.fail(-1, `exception entry ${i / 4} depth ${depth} out of range`);
    }
  }

  /** The entry handling an exception at pc (the first match), or -1. */
  private handlerAt(pc: number): number {
    const t = this.c.exceptionTable;
    for (let i = 0; i < t.length; i += 4) if (t[i] <= pc && pc < t[i + 1]) return i;
    return -1;
  }

  private checkFlow(): void {
    const c = this.c;
    const code = c.code;
    const n = this.n;
    const depthAt = new Int32Array(n).fill(-1);
    const work: number[] = [];
    const reach = (pc: number, depth: number, from: number) => {
      if (pc >= n) this.fail(from, 'control runs off the end of the code');
      const d = depthAt[pc];
      if (d === -1) {
        depthAt[pc] = depth;
        work.push(pc);
      } else if (d !== depth) {
        this.fail(pc, `stack depth ${depth} (from ${from}) differs from ${d}`);
      }
    };
    reach(0, 0, 0);
    const t = c.exceptionTable;
    while (work.length > 0) {
      const pc = work.pop()!;
      const depth = depthAt[pc];
      const o = code[pc] & 0xff;
      const arg = code[pc] >> 8;
      const use = stackUse(o, arg);
      if (depth < use) this.fail(pc, `${opcodeNames[o]} needs ${use} stack items, has ${depth}`);
      const h = this.handlerAt(pc);
      if (h >= 0) {
        const hd = t[h + 3];
        if (hd > depth) this.fail(pc, `handler depth ${hd} above the stack depth ${depth}`);
        reach(t[h + 2], hd + 1, pc);
      }
      const after = depth + stackEffect(o, arg, false);
      if (after > c.stackSize || depth > c.stackSize) this.fail(pc, `stack depth ${Math.max(after, depth)} above stackSize ${c.stackSize}`);
      switch (o) {
        case op.JUMP_FORWARD:
        case op.JUMP_BACKWARD:
          reach(arg, depth, pc);
          continue;
        case op.POP_JUMP_IF_FALSE:
        case op.POP_JUMP_IF_TRUE:
        case op.JUMP_IF_FALSE_OR_POP:
        case op.JUMP_IF_TRUE_OR_POP:
        case op.FOR_ITER:
          reach(arg, depth + stackEffect(o, arg, true), pc);
          break;
        default:
          if (isTerminator(o)) continue;
      }
      reach(pc + 1, after, pc);
    }
  }
}
