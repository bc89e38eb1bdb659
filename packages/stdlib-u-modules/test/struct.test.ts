// ustruct property test: random standard-size formats and in-range values; pack() must produce the bytes a
// DataView writes, and unpack() must give the values back.
import { describe, expect, it } from 'vitest';
import { lines } from './python.js';

const CODES: Record<string, { size: number; write: (v: DataView, at: number, x: any, le: boolean) => void; gen: (r: () => number) => string }> = {
  b: { size: 1, write: (v, at, x) => v.setInt8(at, x), gen: (r) => String((r() % 256) - 128) },
  B: { size: 1, write: (v, at, x) => v.setUint8(at, x), gen: (r) => String(r() % 256) },
  h: { size: 2, write: (v, at, x, le) => v.setInt16(at, x, le), gen: (r) => String((r() % 65536) - 32768) },
  H: { size: 2, write: (v, at, x, le) => v.setUint16(at, x, le), gen: (r) => String(r() % 65536) },
  i: { size: 4, write: (v, at, x, le) => v.setInt32(at, x, le), gen: (r) => String((r() >>> 0) - 2 ** 31) },
  I: { size: 4, write: (v, at, x, le) => v.setUint32(at, x, le), gen: (r) => String(r() >>> 0) },
  q: { size: 8, write: (v, at, x, le) => v.setBigInt64(at, BigInt(x), le), gen: (r) => String(BigInt.asIntN(64, (BigInt(r()) << 32n) | BigInt(r()))) },
  Q: { size: 8, write: (v, at, x, le) => v.setBigUint64(at, BigInt(x), le), gen: (r) => String((BigInt(r()) << 32n) | BigInt(r())) },
  d: { size: 8, write: (v, at, x, le) => v.setFloat64(at, Number(x), le), gen: (r) => String((r() - 2 ** 31) / 1024) },
  f: { size: 4, write: (v, at, x, le) => v.setFloat32(at, Number(x), le), gen: (r) => String((r() % 65536) / 8) },
};

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s ^ (s >>> 16)) >>> 0;
  };
}

describe('ustruct pack/unpack against DataView', () => {
  it('200 random formats round-trip', () => {
    const r = lcg(42);
    const cases: { fmt: string; vals: string[]; hex: string }[] = [];
    const codes = Object.keys(CODES);
    for (let n = 0; n < 200; n++) {
      const prefix = '<>!='[r() % 4];
      const le = prefix === '<' || prefix === '=';
      const items = Array.from({ length: 1 + (r() % 6) }, () => codes[r() % codes.length]);
      const vals = items.map((c) => CODES[c].gen(r));
      const size = items.reduce((s, c) => s + CODES[c].size, 0);
      const buf = new Uint8Array(size);
      const view = new DataView(buf.buffer);
      let at = 0;
      items.forEach((c, k) => {
        CODES[c].write(view, at, c === 'q' || c === 'Q' ? vals[k] : Number(vals[k]), le);
        at += CODES[c].size;
      });
      cases.push({ fmt: prefix + items.join(''), vals, hex: Buffer.from(buf).toString('hex') });
    }
    const src = [
      'import ustruct',
      `cases = [${cases.map((c) => `(${JSON.stringify(c.fmt)}, (${c.vals.join(', ')},))`).join(',\n')}]`,
      'for fmt, vals in cases:',
      '    b = ustruct.pack(fmt, *vals)',
      '    back = ustruct.unpack(fmt, b)',
      "    print(b.hex(), back == vals, ustruct.calcsize(fmt) == len(b))",
    ].join('\n');
    expect(lines(src)).toEqual(cases.map((c) => `${c.hex} True True`));
  });
});
