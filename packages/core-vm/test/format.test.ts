// format(value, spec) and printf-style `%` against a table of CPython 3.11 outputs
// (test/fixtures/format-cpython.json, generated once by tools/gen-format-table.py: ~11000 cases of the
// spec mini-language over ints, floats, strings, complex numbers and bools, and of `%` conversions).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createVM, formatValue, percentFormat, PyFloat, PyComplex, PyTuple, PyBaseException, normInt } from '../src/index.js';

type Encoded = ['int', string] | ['float', string] | ['complex', string, string] | ['str', string] | ['bool', boolean];
type Case = ['format', Encoded, string, string | { error: string }] | ['percent', Encoded[], string, string | { error: string }];

const table = JSON.parse(readFileSync(new URL('./fixtures/format-cpython.json', import.meta.url), 'utf8')) as { cases: Case[] };

function num(r: string): number {
  if (r === 'inf') return Infinity;
  if (r === '-inf') return -Infinity;
  if (r === 'nan') return NaN;
  return Number(r);
}

function decode(e: Encoded): any {
  switch (e[0]) {
    case 'int': return normInt(BigInt(e[1]));
    case 'float': return new PyFloat(num(e[1]));
    case 'complex': return new PyComplex(num(e[1]), num(e[2]));
    case 'str': return e[1];
    case 'bool': return e[1];
  }
}

function attempt(f: () => string): string | { error: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyBaseException) return { error: e.type.name };
    throw e;
  }
}

createVM(); // the builtin types are set up by the first VM

describe('formatting agrees with CPython', () => {
  for (const kind of ['format', 'percent'] as const) {
    it(`${kind}: every case of the table`, () => {
      const cases = table.cases.filter((c) => c[0] === kind);
      expect(cases.length).toBeGreaterThan(1000);
      const wrong: string[] = [];
      for (const c of cases) {
        const got = c[0] === 'format'
          ? attempt(() => formatValue(decode(c[1]), c[2]))
          : attempt(() => percentFormat(c[2], new PyTuple(c[1].map(decode))));
        if (JSON.stringify(got) !== JSON.stringify(c[3])) wrong.push(`${JSON.stringify(c.slice(0, 3))}: expected ${JSON.stringify(c[3])}, got ${JSON.stringify(got)}`);
      }
      expect(wrong.slice(0, 25), `${wrong.length} of ${cases.length} differ`).toEqual([]);
    });
  }
});
