// Code objects: what the compiler produces and the VM runs (MicroPython's mp_raw_code_t, py/emitglue.h;
// CPython's PyCodeObject). They hold no VM objects, so the compiler never depends on the VM: constants are
// the plain values described by `Const`, which the VM converts to its own objects once per code object.

/** A float constant (a JS number alone means an int). */
export class ConstFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** A complex constant `real + imag j` (the compiler only makes pure imaginary literals). */
export class ConstComplex {
  readonly real: number;
  readonly imag: number;
  constructor(real: number, imag: number) {
    this.real = real;
    this.imag = imag;
  }
}

/** A tuple constant (folded literal tuples, keyword-name tuples of CALL_KW). */
export class ConstTuple {
  readonly items: readonly Const[];
  constructor(items: readonly Const[]) {
    this.items = items;
  }
}

/** The `...` constant. */
export const ConstEllipsis: unique symbol = Symbol('Ellipsis');

/**
 * A constant in `CodeObject.consts`:
 * - `null` None, `true`/`false` the bools;
 * - `number` an int that is a safe integer; `bigint` an int outside the safe range (never one inside it);
 * - `ConstFloat`, `ConstComplex`;
 * - `string` a str (JS UTF-16; astral characters are surrogate pairs);
 * - `Uint8Array` a bytes object;
 * - `ConstTuple`, `ConstEllipsis`;
 * - `CodeObject` the code of a nested function, lambda, comprehension or class body.
 */
export type Const =
  | null
  | boolean
  | number
  | bigint
  | string
  | ConstFloat
  | ConstComplex
  | Uint8Array
  | ConstTuple
  | typeof ConstEllipsis
  | CodeObject;

export interface CodeObjectInit {
  name: string;
  qualname: string;
  filename: string;
  firstLine: number;
  flags: number;
  argCount: number;
  posOnlyArgCount: number;
  kwOnlyArgCount: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  names: string[];
  consts: Const[];
  code: Int32Array;
  lineTable: Int32Array;
  exceptionTable: Int32Array;
  stackSize: number;
  /** For each cellvar that is also an argument: index into varnames, else -1 (same length as cellvars). */
  cell2arg?: Int32Array;
}

/**
 * A compiled unit: module, function, lambda, comprehension or class body.
 *
 * Frame layout the VM builds from it: `varnames.length` fast-local slots (the first
 * argCount + kwOnlyArgCount are the parameters, positional first, then `*args` if CO_VARARGS, then
 * `**kwargs` if CO_VARKEYWORDS, then the other locals), a cell array `[...cellvars, ...freevars]`
 * (freevars filled from the function's closure tuple, in order), and a value stack of `stackSize` slots.
 * A parameter that is also a cell variable is copied into its cell at frame entry (`cell2arg`).
 */
export class CodeObject {
  /** The function's `__name__` (`<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, ... as CPython). */
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  readonly firstLine: number;
  /** CO_* flags from opcodes.ts. */
  readonly flags: number;
  /** Positional parameters, including positional-only ones. */
  readonly argCount: number;
  readonly posOnlyArgCount: number;
  readonly kwOnlyArgCount: number;
  readonly varnames: readonly string[];
  readonly cellvars: readonly string[];
  readonly freevars: readonly string[];
  /** Global, attribute and import names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_*. */
  readonly names: readonly string[];
  readonly consts: readonly Const[];
  /** Instruction words (see opcodes.ts for the encoding). */
  readonly code: Int32Array;
  /**
   * Pairs `(pc, line)` sorted by pc: instructions from pc up to the next pair's pc come from `line`.
   * The line of an instruction is the last pair with pair.pc <= pc.
   */
  readonly lineTable: Int32Array;
  /**
   * Quadruples `(start, end, handler, depth)`: an exception raised by an instruction with
   * start <= pc < end is caught by the FIRST such entry; the VM cuts the value stack to `depth` items,
   * pushes the exception and continues at `handler`.
   */
  readonly exceptionTable: Int32Array;
  /** Maximum value-stack depth any path reaches. */
  readonly stackSize: number;
  readonly cell2arg: Int32Array;
  /**
   * Owned by the VM: whatever it derives once per code object (runtime constants, inline caches, a
   * rewritten copy of `code`). Never serialised; the compiler leaves it undefined.
   */
  runtime: unknown = undefined;

  constructor(init: CodeObjectInit) {
    this.name = init.name;
    this.qualname = init.qualname;
    this.filename = init.filename;
    this.firstLine = init.firstLine;
    this.flags = init.flags;
    this.argCount = init.argCount;
    this.posOnlyArgCount = init.posOnlyArgCount;
    this.kwOnlyArgCount = init.kwOnlyArgCount;
    this.varnames = init.varnames;
    this.cellvars = init.cellvars;
    this.freevars = init.freevars;
    this.names = init.names;
    this.consts = init.consts;
    this.code = init.code;
    this.lineTable = init.lineTable;
    this.exceptionTable = init.exceptionTable;
    this.stackSize = init.stackSize;
    this.cell2arg = init.cell2arg ?? new Int32Array(init.cellvars.length).fill(-1);
  }

  /** Source line of the instruction at pc (firstLine if the table has nothing before pc). */
  lineAt(pc: number): number {
    const t = this.lineTable;
    let lo = 0;
    let hi = (t.length >> 1) - 1;
    let line = this.firstLine;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid * 2] <= pc) {
        line = t[mid * 2 + 1];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return line;
  }
}
