// uzlib against node:zlib: data compressed by zlib (zlib, raw and gzip framing, all window sizes and
// levels) must decompress to the original, through decompress() and through DecompIO streaming.
import { createHash } from 'node:crypto';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lines, raises } from './python.js';

function sample(seed: number, n: number): Uint8Array {
  let s = seed >>> 0;
  const out = new Uint8Array(n);
  const words = ['micro', 'python', ' ', 'zlib', '\n', 'deflate', '0123456789'];
  let i = 0;
  while (i < n) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (s % 3 === 0) out[i++] = s >>> 24; // noise
    else for (const c of words[s % words.length]) if (i < n) out[i++] = c.charCodeAt(0);
  }
  return out;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('uzlib agrees with node:zlib', () => {
  const cases: { wbits: number; data: Uint8Array; comp: Uint8Array }[] = [];
  let k = 1;
  for (const n of [0, 1, 100, 5000, 70000]) {
    for (const level of [0, 1, 6, 9]) {
      const data = sample(k++, n);
      for (const w of [9, 12, 15]) {
        cases.push({ wbits: w, data, comp: deflateSync(data, { level, windowBits: w }) });
        cases.push({ wbits: -w, data, comp: deflateRawSync(data, { level, windowBits: w }) });
      }
      cases.push({ wbits: 31, data, comp: gzipSync(data, { level }) });
      cases.push({ wbits: 47, data, comp: gzipSync(data, { level }) });
      cases.push({ wbits: 47, data, comp: deflateSync(data, { level }) });
      cases.push({ wbits: 41, data, comp: deflateSync(data, { level, windowBits: 9 }) });
      cases.push({ wbits: 0, data, comp: deflateSync(data, { level }) });
    }
  }

  it(`decompress(data, wbits) for ${cases.length} streams`, () => {
    const src = [
      'import uzlib, uhashlib',
      `cases = [${cases.map((c) => `(${c.wbits}, bytes.fromhex('${hex(c.comp)}'))`).join(',\n')}]`,
      'for wbits, comp in cases:',
      '    d = uzlib.decompress(comp, wbits)',
      '    print(len(d), uhashlib.sha256(d).hexdigest())',
    ].join('\n');
    expect(lines(src)).toEqual(cases.map((c) => `${c.data.length} ${createHash('sha256').update(c.data).digest('hex')}`));
  });

  it('DecompIO streams with read(n), readline() and readinto(), and leaves trailing bytes unread', () => {
    const data = sample(99, 20000);
    const comp = gzipSync(data);
    const src = [
      'import uzlib, uio',
      `comp = bytes.fromhex('${hex(comp)}')`,
      'src = uio.BytesIO(comp + b"TRAILER")',
      'd = uzlib.DecompIO(src, 31)',
      'parts = [d.read(1), d.read(10), d.readline()]',
      'buf = bytearray(1000)',
      'n = d.readinto(buf)',
      'parts.append(bytes(buf[:n]))',
      'parts.append(d.read())',
      'print(b"".join(parts).hex())',
      'print(d.read(), d.read(5))',
      'print(src.read())',
    ].join('\n');
    expect(lines(src)).toEqual([hex(data), "b'' b''", "b'TRAILER'"]);
  });

  it('DecompIO with zlib framing (wbits 0) and raw (negative)', () => {
    const data = sample(5, 3000);
    expect(lines([
      'import uzlib, uio',
      `z = uzlib.DecompIO(uio.BytesIO(bytes.fromhex('${hex(deflateSync(data))}')))`,
      `r = uzlib.DecompIO(uio.BytesIO(bytes.fromhex('${hex(deflateRawSync(data, { windowBits: 10 }))}')), -10)`,
      'print(z.read().hex())',
      'print(r.read().hex())',
    ].join('\n'))).toEqual([hex(data), hex(data)]);
  });

  it('errors: zlib.error (a ValueError) with zlib\'s messages; bad wbits', () => {
    expect(raises('import uzlib\nuzlib.decompress(b"not compressed")')).toMatch(/error: Error -3 while decompressing data: incorrect header check$/);
    expect(lines('import uzlib\ntry:\n    uzlib.decompress(b"\\x78\\x9c\\x03")\nexcept ValueError as e:\n    print(type(e).__name__, isinstance(e, uzlib.error))')).toEqual(['error True']);
    expect(raises('import uzlib\nuzlib.decompress(b"x", 99)')).toMatch(/error: Error -2 while preparing to decompress data: inconsistent stream state$/);
    expect(raises('import uzlib\nuzlib.decompress(b"\\x78\\x9c\\x03")')).toMatch(/error: Error -5 while decompressing data: incomplete or truncated stream$/);
    expect(raises('import uzlib\nuzlib.decompress("text")')).toMatch(/^TypeError/);
    expect(raises('import uzlib, uio\nuzlib.DecompIO(uio.BytesIO(b"garbage!"), 0).read()')).toMatch(/^OSError/);
  });
});
