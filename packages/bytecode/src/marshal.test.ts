import { describe, expect, it } from 'vitest';
import {
  CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, MarshalError, deserialize, encode, op, serialize, type Const,
} from '@mpy-ts/bytecode';

function make(consts: Const[], extra: Partial<ConstructorParameters<typeof CodeObject>[0]> = {}): CodeObject {
  return new CodeObject({
    name: 'f', qualname: 'A.f', filename: 'dir/t.py', firstLine: 3, flags: 0x23, argCount: 2, posOnlyArgCount: 1,
    kwOnlyArgCount: 1, varnames: ['a', 'b', 'c', 'x'], cellvars: ['b'], freevars: ['z'], names: ['print', 'é', '\ud800'],
    consts, code: Int32Array.from([encode(op.LOAD_SMALL_INT, -(1 << 23)), encode(op.LOAD_CONST, 0), encode(op.RETURN_VALUE)]),
    lineTable: Int32Array.from([0, 3, 1, 1, 2, 40000]), exceptionTable: Int32Array.from([0, 2, 2, 0]), stackSize: 3,
    cell2arg: Int32Array.from([1]),
    ...extra,
  });
}

const allConsts: Const[] = [
  null, true, false, ConstEllipsis, 0, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 200n) + 1n,
  new ConstFloat(1.5), new ConstFloat(-0), new ConstFloat(NaN), new ConstFloat(-Infinity), new ConstComplex(0, -2.5),
  '', 'hello', 'h\u00e9llo \u{1f600}', 'lone \udc00 surrogate', new Uint8Array([0, 255, 10]),
  new ConstTuple([]), new ConstTuple([1, new ConstTuple(['a', null])]),
];

describe('marshal', () => {
  it('round-trips every kind of constant and every field', () => {
    const inner = make(allConsts, { name: 'g', qualname: 'g' });
    const outer = make([inner, 'hello', inner]);
    const back = deserialize(serialize(outer));
    expect(back).toEqual(outer);
    expect(back.consts[0]).toBeInstanceOf(CodeObject);
    const c = (back.consts[0] as CodeObject).consts;
    expect(Object.is((c[11] as ConstFloat).value, -0)).toBe(true);
    expect(Number.isNaN((c[12] as ConstFloat).value)).toBe(true);
    expect(typeof c[8]).toBe('bigint');
  });

  it('starts with the magic and version', () => {
    const b = serialize(make([null]));
    expect(String.fromCharCode(...b.subarray(0, 4))).toBe('MPYT');
    expect(b[4]).toBe(1);
  });

  it('shares repeated strings', () => {
    const one = serialize(make(['a-long-string-constant']));
    const two = serialize(make(['a-long-string-constant', 'a-long-string-constant']));
    expect(two.length - one.length).toBeLessThan(5);
  });

  const good = serialize(make(allConsts));
  const corrupt: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /too short/],
    ['bad magic', Uint8Array.from([...good.subarray(0, 3), 0x58, ...good.subarray(4)]), /bad magic/],
    ['bad version', Uint8Array.from([...good.subarray(0, 4), 9, ...good.subarray(5)]), /unsupported version 9/],
    ['truncated', good.subarray(0, good.length - 3), /unexpected end|exceeds/],
    ['trailing data', Uint8Array.from([...good, 0]), /trailing data/],
  ];
  it.each(corrupt)('rejects %s', (_name, data, re) => {
    expect(() => deserialize(data)).toThrow(MarshalError);
    expect(() => deserialize(data)).toThrow(re);
  });

  it('never throws anything but MarshalError on random corruption', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 2000; i++) {
      const b = good.slice();
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) b[6 + Math.floor(rnd() * (b.length - 6))] = Math.floor(rnd() * 256);
      try {
        deserialize(b);
      } catch (e) {
        expect(e).toBeInstanceOf(MarshalError);
      }
    }
  });
});
