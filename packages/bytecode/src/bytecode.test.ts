import { describe, expect, it } from 'vitest';
import { CodeObject, argOf, encode, jumpOpcodes, opOf, opcodeNames, op } from '@mpy-ts/bytecode';

describe('instruction words', () => {
  it('round-trips every signed 24-bit arg', () => {
    for (const arg of [0, 1, -1, 255, 256, 65535, -65536, (1 << 23) - 1, -(1 << 23)]) {
      const w = encode(op.LOAD_SMALL_INT, arg);
      expect(opOf(w)).toBe(op.LOAD_SMALL_INT);
      expect(argOf(w)).toBe(arg);
    }
  });

  it('rejects args that do not fit', () => {
    expect(() => encode(op.LOAD_CONST, 1 << 23)).toThrow(RangeError);
    expect(() => encode(op.LOAD_CONST, -(1 << 23) - 1)).toThrow(RangeError);
    expect(() => encode(op.LOAD_CONST, 1.5)).toThrow(RangeError);
  });
});

describe('opcode table', () => {
  it('gives every opcode a unique name below the VM-private range', () => {
    const seen = new Map<number, string>();
    for (const [name, value] of Object.entries(op)) {
      if (typeof value !== 'number' || !/^[A-Z_]+$/.test(name) || /^(CO_|FV|MF_|ARG_|FIRST_VM|VT_)/.test(name)) continue;
      expect(seen.get(value), `${name} collides`).toBeUndefined();
      seen.set(value, name);
      expect(value).toBeLessThan(op.FIRST_VM_PRIVATE_OPCODE);
      expect(opcodeNames[value]).toBe(name);
    }
    expect(seen.size).toBeGreaterThan(100);
    for (const j of jumpOpcodes) expect(opcodeNames[j]).toMatch(/JUMP|FOR_ITER/);
  });
});

describe('CodeObject.lineAt', () => {
  const make = (lineTable: number[]) =>
    new CodeObject({
      name: 'f', qualname: 'f', filename: 't.py', firstLine: 7, flags: 0, argCount: 0, posOnlyArgCount: 0,
      kwOnlyArgCount: 0, varnames: [], cellvars: [], freevars: [], names: [], consts: [],
      code: new Int32Array(10), lineTable: Int32Array.from(lineTable), exceptionTable: new Int32Array(0), stackSize: 0,
    });

  it('finds the last entry at or before pc', () => {
    const c = make([0, 8, 3, 9, 6, 12]);
    expect([0, 1, 2, 3, 5, 6, 9].map((pc) => c.lineAt(pc))).toEqual([8, 8, 8, 9, 9, 12, 12]);
  });

  it('falls back to the first line', () => {
    expect(make([]).lineAt(4)).toBe(7);
    expect(make([2, 10]).lineAt(1)).toBe(7);
  });

  it('defaults cell2arg to -1 per cell', () => {
    expect(Array.from(make([]).cell2arg)).toEqual([]);
  });
});
