// The emitter interface (MicroPython's py/emit.h `emit_method_table_t`) and the bytecode emitter that
// assembles a CodeObject (py/emitbc.c).
//
// The compiler talks only to `Emitter`: it emits instructions with symbolic operands (labels, names,
// constants), places labels, sets source lines and opens/closes exception-handler regions. The bytecode
// emitter resolves all of that in one pass: it tracks the stack depth as it goes (so it knows the depth
// to record for each handler, and the maximum for `stackSize`), tags every instruction with the
// innermost handler region it lies in, and at `finish` turns runs of equal tags into the exception table
// (regions never overlap, so "inner ranges first" holds trivially). `TextEmitter` records a readable
// listing of the same calls for golden tests.
import { CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, encode, opcodeNames, type Const } from '@mpy-ts/bytecode';
import * as op from '@mpy-ts/bytecode';
import { isTerminator, stackEffect } from '@mpy-ts/bytecode';

/** Pseudo-opcode for `jump`: an unconditional jump, JUMP_FORWARD or JUMP_BACKWARD as the target lies. */
export const JUMP = -1;

export interface CodeMeta {
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
  cell2arg?: Int32Array;
}

/** What the compiler needs from an emitter. */
export interface Emitter {
  /** Current value-stack depth (as the emitter tracks it). */
  readonly depth: number;
  /** Reset the tracked depth (after code that never falls through, for the dead code that follows). */
  setDepth(depth: number): void;
  /** True right after an instruction that never falls through (return, raise, jump). */
  readonly unreachable: boolean;
  newLabel(): number;
  /** Place a label at the next instruction. */
  label(label: number): void;
  /** Source line for the instructions that follow. */
  setLine(line: number): void;
  readonly line: number;
  /** An instruction whose arg is a plain number. */
  op(code: number, arg?: number): void;
  /** A jump instruction (JUMP for an unconditional one) to a label. */
  jump(code: number, label: number): void;
  /** Load a constant (None, small ints and others get their compact forms). */
  loadConst(value: Const): void;
  /** An instruction whose arg indexes `names`. */
  nameOp(code: number, name: string): void;
  /** An instruction on a fast local (`index` in varnames) or a cell (`index` in the cell array). */
  slotOp(code: number, index: number, name: string): void;
  /** Index of a constant (for LOAD_CONST of code objects, kwnames tuples). */
  constIndex(value: Const): number;
  /** Open an exception-handler region: exceptions raised until `popHandler` go to `label` with the stack cut to `depth`. */
  pushHandler(label: number, depth?: number): void;
  popHandler(): void;
  /** Number of open handler regions. */
  readonly handlerCount: number;
  /** Close handler regions down to `count` (unwinding for return/break), returning what was closed. */
  truncateHandlers(count: number): number[];
  /** Reopen regions closed by truncateHandlers. */
  restoreHandlers(saved: number[]): void;
  /** Remember the current point, to throw away what follows with `rollback` (unreachable code). */
  mark(): EmitterMark;
  /**
   * Drop everything emitted since `mark` (constants and names stay, as in CPython). Labels created
   * since then must not be used afterwards.
   */
  rollback(mark: EmitterMark): void;
  finish(meta: CodeMeta): CodeObject;
}

/** Opaque state captured by `Emitter.mark`. */
export interface EmitterMark {
  readonly codeLength: number;
  readonly lineLength: number;
  readonly lastLine: number;
  readonly patchLength: number;
  readonly labelCount: number;
  readonly depth: number;
  readonly dead: boolean;
  readonly openHandlers: number[];
  readonly textLength: number;
}

function constKey(v: Const): string | null {
  if (v === null) return 'N';
  switch (typeof v) {
    case 'boolean':
      return v ? 'T' : 'F';
    case 'number':
      return 'i' + v;
    case 'bigint':
      return 'l' + v;
    case 'string':
      return 's' + v;
    case 'symbol':
      return 'E';
    default:
      break;
  }
  if (v instanceof ConstFloat) return 'f' + (Object.is(v.value, -0) ? '-0' : v.value);
  if (v instanceof ConstComplex) return 'c' + (Object.is(v.real, -0) ? '-0' : v.real) + ',' + (Object.is(v.imag, -0) ? '-0' : v.imag);
  if (v instanceof Uint8Array) {
    let s = 'b';
    for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]);
    return s;
  }
  if (v instanceof ConstTuple) {
    let s = 't(';
    for (const x of v.items) {
      const k = constKey(x);
      if (k === null) return null;
      s += k.length + ':' + k;
    }
    return s + ')';
  }
  return null; // code objects are never shared
}

/** Assembles instructions into a CodeObject (py/emitbc.c). */
export class BytecodeEmitter implements Emitter {
  private code: number[] = [];
  /** Handler region index (into `handlers`) of each instruction, -1 for none. */
  private regions: number[] = [];
  private readonly handlerLabels: number[] = [];
  private readonly handlerDepths: number[] = [];
  private readonly openHandlers: number[] = [];
  private labelPos: number[] = [];
  private labelDepth: number[] = [];
  /** Whether a label's recorded depth comes from a reachable ("live") jump, handler or fall-through. */
  private labelLive: boolean[] = [];
  /** Forward jumps to patch: pairs (pc, label). */
  private patches: number[] = [];
  private readonly consts: Const[] = [];
  private readonly constMap = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly nameMap = new Map<string, number>();
  private lineTable: number[] = [];
  private lastLine = -1;
  private readonly noLines: boolean;
  private curLine = 0;
  private curDepth = 0;
  private maxDepth = 0;
  private dead = false;

  constructor(options: { noLines?: boolean } = {}) {
    this.noLines = options.noLines ?? false;
  }

  get depth(): number {
    return this.curDepth;
  }

  setDepth(depth: number): void {
    this.curDepth = depth;
  }

  get unreachable(): boolean {
    return this.dead;
  }

  get line(): number {
    return this.curLine;
  }

  setLine(line: number): void {
    this.curLine = line;
  }

  newLabel(): number {
    this.labelPos.push(-1);
    this.labelDepth.push(-1);
    this.labelLive.push(false);
    return this.labelPos.length - 1;
  }

  label(label: number): void {
    if (this.labelPos[label] !== -1) throw new Error(`internal compiler error: label ${label} placed twice`);
    this.labelPos[label] = this.code.length;
    const d = this.labelDepth[label];
    if (!this.dead) {
      if (this.labelLive[label] && d !== this.curDepth) {
        throw new Error(`internal compiler error: stack depth ${this.curDepth} at label ${label} reached with ${d}`);
      }
      this.labelDepth[label] = this.curDepth;
      this.labelLive[label] = true;
    } else if (d >= 0) {
      // after code that never falls through: continue at the depth the jumps here bring; the code is
      // reachable only if one of them is
      this.curDepth = d;
      this.dead = !this.labelLive[label];
    }
    // (a label in dead code that nothing targets is dead code too)
  }

  /** Record that control reaches `label` with `depth` (from a jump or handler). */
  private reach(label: number, depth: number): void {
    if (this.dead) {
      if (this.labelDepth[label] < 0) this.labelDepth[label] = depth;
      return;
    }
    if (this.labelLive[label] && this.labelDepth[label] !== depth) {
      throw new Error(`internal compiler error: jump to label ${label} with depth ${depth}, expected ${this.labelDepth[label]}`);
    }
    this.labelDepth[label] = depth;
    this.labelLive[label] = true;
  }

  private emit(word: number, effect: number): void {
    if (!this.noLines && this.curLine !== this.lastLine) {
      const n = this.lineTable.length;
      if (n >= 2 && this.lineTable[n - 2] === this.code.length) this.lineTable[n - 1] = this.curLine;
      else this.lineTable.push(this.code.length, this.curLine);
      this.lastLine = this.curLine;
    }
    this.code.push(word);
    const h = this.openHandlers.length;
    this.regions.push(h === 0 ? -1 : this.openHandlers[h - 1]);
    this.curDepth += effect;
    if (this.curDepth > this.maxDepth) this.maxDepth = this.curDepth;
    if (this.curDepth < 0) {
      if (!this.dead) throw new Error(`internal compiler error: negative stack depth after ${opcodeNames[word & 0xff]}`);
      this.curDepth = 0;
    }
  }

  op(code: number, arg = 0): void {
    // the depth an instruction needs at its peak is never above before/after for our instruction set
    this.emit(encode(code, arg), stackEffect(code, arg, false));
    if (isTerminator(code)) this.dead = true;
  }

  jump(code: number, label: number): void {
    const target = this.labelPos[label];
    if (code === JUMP) code = target >= 0 ? op.JUMP_BACKWARD : op.JUMP_FORWARD;
    const jumpDepth = this.curDepth + stackEffect(code, 0, true);
    if (target < 0) {
      this.reach(label, jumpDepth);
      this.patches.push(this.code.length, label);
      this.emit(encode(code, 0), stackEffect(code, 0, false));
    } else {
      if (!this.dead && this.labelLive[label] && this.labelDepth[label] !== jumpDepth) {
        throw new Error(`internal compiler error: backward jump to label ${label} with depth ${jumpDepth}, expected ${this.labelDepth[label]}`);
      }
      this.emit(encode(code, target), stackEffect(code, target, false));
    }
    if (code === op.JUMP_FORWARD || code === op.JUMP_BACKWARD) this.dead = true;
  }

  constIndex(value: Const): number {
    const key = constKey(value);
    if (key !== null) {
      const i = this.constMap.get(key);
      if (i !== undefined) return i;
      this.constMap.set(key, this.consts.length);
    }
    this.consts.push(value);
    return this.consts.length - 1;
  }

  loadConst(value: Const): void {
    if (value === null) {
      this.op(op.LOAD_NONE);
    } else if (typeof value === 'number' && value >= op.ARG_MIN && value <= op.ARG_MAX && !Object.is(value, -0)) {
      this.op(op.LOAD_SMALL_INT, value);
    } else {
      this.op(op.LOAD_CONST, this.constIndex(value));
    }
  }

  nameOp(code: number, name: string): void {
    let i = this.nameMap.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameMap.set(name, i);
    }
    this.op(code, i);
  }

  slotOp(code: number, index: number, _name: string): void {
    this.op(code, index);
  }

  pushHandler(label: number, depth = this.curDepth): void {
    this.handlerLabels.push(label);
    this.handlerDepths.push(depth);
    this.openHandlers.push(this.handlerLabels.length - 1);
    this.reach(label, depth + 1);
    if (depth + 1 > this.maxDepth) this.maxDepth = depth + 1;
  }

  popHandler(): void {
    if (this.openHandlers.pop() === undefined) throw new Error('internal compiler error: no handler to pop');
  }

  get handlerCount(): number {
    return this.openHandlers.length;
  }

  truncateHandlers(count: number): number[] {
    return this.openHandlers.splice(count);
  }

  restoreHandlers(saved: number[]): void {
    this.openHandlers.push(...saved);
  }

  mark(): EmitterMark {
    return {
      codeLength: this.code.length,
      lineLength: this.lineTable.length,
      lastLine: this.lastLine,
      patchLength: this.patches.length,
      labelCount: this.labelPos.length,
      depth: this.curDepth,
      dead: this.dead,
      openHandlers: this.openHandlers.slice(),
      textLength: 0,
    };
  }

  rollback(m: EmitterMark): void {
    this.code.length = m.codeLength;
    this.regions.length = m.codeLength;
    this.lineTable.length = m.lineLength;
    this.lastLine = m.lastLine;
    this.patches.length = m.patchLength;
    // labels made since the mark are gone; older labels placed since then cannot be (they would be
    // targets inside the dropped code, which only that code could reach)
    for (let l = 0; l < this.labelPos.length; l++) {
      if (l >= m.labelCount || this.labelPos[l] > m.codeLength) {
        this.labelPos[l] = l >= m.labelCount ? -2 : -1;
      }
    }
    this.curDepth = m.depth;
    this.dead = m.dead;
    this.openHandlers.length = 0;
    this.openHandlers.push(...m.openHandlers);
  }

  finish(meta: CodeMeta): CodeObject {
    // dead code may jump to a label at the very end (a loop after a return): give it a target
    if (this.labelPos.some((p) => p === this.code.length)) {
      this.op(op.LOAD_NONE);
      this.op(op.RETURN_VALUE);
    }
    const code = Int32Array.from(this.code);
    for (let i = 0; i < this.patches.length; i += 2) {
      const pc = this.patches[i];
      const target = this.labelPos[this.patches[i + 1]];
      if (target < 0) throw new Error(`internal compiler error: label ${this.patches[i + 1]} never placed`);
      code[pc] = encode(code[pc] & 0xff, target);
    }
    const table: number[] = [];
    const regions = this.regions;
    for (let pc = 0; pc < regions.length; ) {
      const h = regions[pc];
      let end = pc + 1;
      while (end < regions.length && regions[end] === h) end++;
      if (h >= 0) {
        const handler = this.labelPos[this.handlerLabels[h]];
        if (handler < 0) throw new Error('internal compiler error: handler label never placed');
        table.push(pc, end, handler, this.handlerDepths[h]);
      }
      pc = end;
    }
    if (this.openHandlers.length !== 0) throw new Error('internal compiler error: unclosed handler region');
    return new CodeObject({
      ...meta,
      names: this.names,
      consts: this.consts,
      code,
      // (without line numbers everything is line 1, as MicroPython reports at opt level 3)
      lineTable: this.noLines ? Int32Array.from([0, 1]) : Int32Array.from(this.lineTable),
      exceptionTable: Int32Array.from(table),
      stackSize: this.maxDepth,
    });
  }
}

/**
 * An emitter that also records a symbolic listing of what the compiler asked for (labels as `L1:`,
 * names and constants by value, handler regions as `SETUP_HANDLER`/`POP_HANDLER`). For golden tests.
 */
export class TextEmitter extends BytecodeEmitter {
  readonly lines: string[] = [];
  private inner = 0;

  override label(label: number): void {
    super.label(label);
    this.lines.push(`L${label}:`);
  }

  private record(text: string): void {
    this.lines.push('    ' + text);
  }

  override op(code: number, arg = 0): void {
    super.op(code, arg);
    if (this.inner === 0) this.record(arg !== 0 || hasArg(code) ? `${opcodeNames[code]} ${arg}` : opcodeNames[code]);
  }

  override jump(code: number, label: number): void {
    this.inner++;
    super.jump(code, label);
    this.inner--;
    this.record(`${code === JUMP ? 'JUMP' : opcodeNames[code]} L${label}`);
  }

  override loadConst(value: Const): void {
    this.inner++;
    super.loadConst(value);
    this.inner--;
    this.record(`LOAD ${describeConst(value)}`);
  }

  override nameOp(code: number, name: string): void {
    this.inner++;
    super.nameOp(code, name);
    this.inner--;
    this.record(`${opcodeNames[code]} ${name}`);
  }

  override slotOp(code: number, index: number, name: string): void {
    this.inner++;
    super.slotOp(code, index, name);
    this.inner--;
    this.record(`${opcodeNames[code]} ${name}`);
  }

  override pushHandler(label: number, depth?: number): void {
    super.pushHandler(label, depth);
    this.record(`SETUP_HANDLER L${label}`);
  }

  override popHandler(): void {
    super.popHandler();
    this.record('POP_HANDLER');
  }

  override truncateHandlers(count: number): number[] {
    const closed = super.truncateHandlers(count);
    if (closed.length > 0) this.record(`CLOSE_HANDLERS ${closed.length}`);
    return closed;
  }

  override restoreHandlers(saved: number[]): void {
    super.restoreHandlers(saved);
    if (saved.length > 0) this.record(`REOPEN_HANDLERS ${saved.length}`);
  }

  override mark(): EmitterMark {
    return { ...super.mark(), textLength: this.lines.length };
  }

  override rollback(m: EmitterMark): void {
    super.rollback(m);
    this.lines.length = m.textLength;
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

function hasArg(code: number): boolean {
  return code === op.CALL || code === op.BUILD_TUPLE || code === op.BUILD_LIST || code === op.COPY || code === op.SWAP;
}

function describeConst(v: Const): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === ConstEllipsis) return 'Ellipsis';
  if (v instanceof ConstFloat) return `float(${v.value})`;
  if (v instanceof CodeObject) return `<code ${v.name}>`;
  if (v instanceof ConstTuple) return `(${v.items.map(describeConst).join(', ')})`;
  return String(v);
}
