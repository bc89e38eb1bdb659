// The dispatch switch uses numeric case labels (for a jump table); check each against the opcode table.
import { readFileSync } from 'node:fs';
import { opcodeNames } from '@mpy-ts/bytecode';
import { expect, it } from 'vitest';
import { vmOpcodeNames } from './interp.js';

it('every case label in runFrame matches its opcode name', () => {
  const src = readFileSync(new URL('./interp.ts', import.meta.url), 'utf8');
  const labels = [...src.matchAll(/case (\d+): (?:\{ )?\/\/ ([A-Z_]+)/g)];
  expect(labels.length).toBeGreaterThan(100);
  for (const [, num, name] of labels) expect(opcodeNames[Number(num)] ?? vmOpcodeNames[Number(num)], `case ${num}`).toBe(name);
  // and every opcode the compiler may emit is handled
  const handled = new Set(labels.map((l) => Number(l[1])));
  const missing = opcodeNames.map((n, i) => (n !== undefined && !handled.has(i) ? n : null)).filter((n) => n !== null);
  expect(missing).toEqual([]);
});
