// Constant folding against Python itself: for a matrix of int and float operands and every operator, a
// folded result must have exactly the value (and type) Python computes, and nothing is folded where
// Python raises.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConstFloat, constRepr, type Const } from '@mpy-ts/bytecode';
import { compile } from '@mpy-ts/compiler';

const ints = ['0', '1', '-1', '2', '-3', '7', '63', '64', '9007199254740993', '-9007199254740993', '10**20', '-(2**70)'];
const floats = ['0.0', '-0.0', '1.5', '-2.5', '1e300', '-1e-300', '3.0'];
const ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^'];

const python = spawnSync('python3', ['-c', 'print(1)']);

describe.skipIf(python.status !== 0)('constant folding matches Python', () => {
  const exprs: string[] = [];
  const operands = [...ints, ...floats];
  for (const a of operands) {
    for (const b of operands) for (const o of ops) exprs.push(`(${a}) ${o} (${b})`);
    for (const u of ['-', '+', '~']) exprs.push(`${u}(${a})`);
  }
  const r = spawnSync('python3', ['-c', `import json, sys
out = []
for e in json.load(sys.stdin):
    try:
        # (results of thousands of digits are not worth computing: such folds are refused anyway)
        a, _, b = e.partition(') ')
        if ('**' in e or '<<' in e) and b and abs(eval(b.split(' ', 1)[1])) > 5000 and abs(eval(a[1:])) > 1:
            out.append('skip')
            continue
        v = eval(e)
        out.append(repr(v) if not isinstance(v, float) else 'float:' + repr(v))
    except Exception as x:
        out.append('raises ' + type(x).__name__)
print(json.dumps(out))`], { input: JSON.stringify(exprs), encoding: 'utf8' });
  const expected = JSON.parse(r.stdout) as string[];

  it('folds like Python or not at all', () => {
    let folded = 0;
    const wrong: string[] = [];
    exprs.forEach((src, i) => {
      const code = compile(`x = ${src}\n`);
      // folded iff the value is a single constant load followed by the store
      const first = code.code[0] & 0xff;
      const second = code.code[1] & 0xff;
      const isLoad = first === 4 || first === 5; // LOAD_CONST, LOAD_SMALL_INT
      if (!isLoad || second !== 16 /* STORE_NAME */ || expected[i] === 'skip') return;
      folded++;
      const v: Const = first === 5 ? code.code[0] >> 8 : code.consts[code.code[0] >> 8];
      const ours = v instanceof ConstFloat ? 'float:' + constRepr(v) : constRepr(v);
      if (ours !== expected[i]) wrong.push(`${src}: folded to ${ours}, Python gives ${expected[i]}`);
    });
    expect(wrong).toEqual([]);
    expect(folded).toBeGreaterThan(exprs.length / 3);
  });
});
