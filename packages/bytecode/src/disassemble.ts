// Disassembler: the text form of a code object tree, for golden tests and debugging (MicroPython's
// py/showbc.c; CPython's dis module).
//
//   code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=2
//     1       0 LOAD_SMALL_INT 1
//             1 STORE_NAME 0 (x)
//     ...
//     exception table:
//       2 to 5 -> 7 [depth 0]
//
// Nested code objects follow their parent, each introduced by its own `code` line.
import { CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, type Const } from './code.js';
import { cellOpcodes, jumpOpcodes, localOpcodes, nameOpcodes, opcodeNames } from './names.js';
import * as op from './opcodes.js';

export interface DisassembleOptions {
  /** Include nested code objects (default true). */
  recursive?: boolean;
}

/** Disassemble a code object (and, by default, the code objects nested in it). */
export function disassemble(code: CodeObject, options: DisassembleOptions = {}): string {
  const out: string[] = [];
  dis(code, out, options.recursive ?? true);
  return out.join('\n');
}

/** Python-like repr of a constant. */
export function constRepr(v: Const): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return strRepr(v);
  if (v === ConstEllipsis) return 'Ellipsis';
  if (v instanceof ConstFloat) return floatRepr(v.value);
  if (v instanceof ConstComplex) {
    const im = floatRepr(v.imag).replace(/\.0$/, '');
    if (v.real === 0 && !Object.is(v.real, -0)) return `${im}j`;
    const re = floatRepr(v.real).replace(/\.0$/, '');
    return `(${re}${v.imag < 0 || Object.is(v.imag, -0) ? '' : '+'}${im}j)`;
  }
  if (v instanceof Uint8Array) {
    let s = "b'";
    for (const b of v) {
      if (b === 0x27) s += "\\'";
      else if (b === 0x5c) s += '\\\\';
      else if (b === 10) s += '\\n';
      else if (b === 13) s += '\\r';
      else if (b === 9) s += '\\t';
      else if (b < 32 || b >= 127) s += '\\x' + b.toString(16).padStart(2, '0');
      else s += String.fromCharCode(b);
    }
    return s + "'";
  }
  if (v instanceof ConstTuple) {
    if (v.items.length === 1) return `(${constRepr(v.items[0])},)`;
    return `(${v.items.map(constRepr).join(', ')})`;
  }
  if (v instanceof CodeObject) return `<code ${v.qualname}>`;
  return String(v);
}

/** Python's repr of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expText] = Math.abs(x).toExponential().split('e');
  const exp = Number(expText);
  const digits = mant.replace('.', '');
  if (exp >= 16 || exp < -4) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp >= 0) {
    if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
    return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function dis(c: CodeObject, out: string[], recursive: boolean): void {
  out.push(
    `code ${c.qualname} (${c.filename}:${c.firstLine}) flags=0x${c.flags.toString(16)} args=${c.argCount} posonly=${c.posOnlyArgCount} kwonly=${c.kwOnlyArgCount} stack=${c.stackSize}`,
  );
  if (c.varnames.length) out.push(`  varnames: ${c.varnames.join(', ')}`);
  if (c.cellvars.length) out.push(`  cellvars: ${c.cellvars.join(', ')}`);
  if (c.freevars.length) out.push(`  freevars: ${c.freevars.join(', ')}`);
  const cells = [...c.cellvars, ...c.freevars];
  const t = c.lineTable;
  let li = 0;
  const targets = new Set<number>();
  for (let pc = 0; pc < c.code.length; pc++) {
    const o = c.code[pc] & 0xff;
    if (jumpOpcodes.has(o)) targets.add(c.code[pc] >> 8);
  }
  for (let i = 0; i < c.exceptionTable.length; i += 4) targets.add(c.exceptionTable[i + 2]);
  for (let pc = 0; pc < c.code.length; pc++) {
    let lineCol = '';
    while (li < t.length && t[li] <= pc) {
      if (t[li] === pc) lineCol = String(t[li + 1]);
      li += 2;
    }
    const w = c.code[pc];
    const o = w & 0xff;
    const arg = w >> 8;
    const name = opcodeNames[o] ?? `<${o}>`;
    let text = name;
    if (o === op.LOAD_CONST) text += ` ${arg} (${arg >= 0 && arg < c.consts.length ? constRepr(c.consts[arg]) : '?'})`;
    else if (nameOpcodes.has(o)) text += ` ${arg} (${c.names[arg] ?? '?'})`;
    else if (localOpcodes.has(o)) text += ` ${arg} (${c.varnames[arg] ?? '?'})`;
    else if (cellOpcodes.has(o)) text += ` ${arg} (${cells[arg] ?? '?'})`;
    else if (jumpOpcodes.has(o)) text += ` ${arg}`;
    else if (hasArg(o)) text += ` ${arg}`;
    out.push(`  ${lineCol.padStart(4)} ${targets.has(pc) ? '>>' : '  '}${String(pc).padStart(4)} ${text}`);
  }
  if (c.exceptionTable.length) {
    out.push('  exception table:');
    for (let i = 0; i < c.exceptionTable.length; i += 4) {
      const e = c.exceptionTable;
      out.push(`    ${e[i]} to ${e[i + 1]} -> ${e[i + 2]} [depth ${e[i + 3]}]`);
    }
  }
  if (recursive) for (const k of c.consts) if (k instanceof CodeObject) dis(k, out, true);
}

const NO_ARG: ReadonlySet<number> = new Set([
  op.NOP,
  op.POP_TOP,
  op.LOAD_NONE,
  op.BINARY_SUBSCR,
  op.STORE_SUBSCR,
  op.DELETE_SUBSCR,
  op.UNARY_NEGATIVE,
  op.UNARY_POSITIVE,
  op.UNARY_INVERT,
  op.UNARY_NOT,
  op.GET_ITER,
  op.RETURN_VALUE,
  op.RERAISE,
  op.PUSH_EXC_INFO,
  op.POP_EXCEPT,
  op.CHECK_EXC_MATCH,
  op.LOAD_ASSERTION_ERROR,
  op.BEFORE_WITH,
  op.WITH_EXCEPT_START,
  op.BEFORE_ASYNC_WITH,
  op.LOAD_BUILD_CLASS,
  op.LIST_TO_TUPLE,
  op.YIELD_VALUE,
  op.YIELD_FROM,
  op.GET_YIELD_FROM_ITER,
  op.GET_AWAITABLE,
  op.GET_AITER,
  op.GET_ANEXT,
  op.END_ASYNC_FOR,
  op.IMPORT_STAR,
  op.PRINT_EXPR,
  op.LOAD_LOCALS,
]);

function hasArg(o: number): boolean {
  if (NO_ARG.has(o)) return false;
  if ((o >= op.BINARY_ADD && o <= op.INPLACE_XOR) || (o >= op.COMPARE_LT && o <= op.COMPARE_GE)) return false;
  return true;
}
