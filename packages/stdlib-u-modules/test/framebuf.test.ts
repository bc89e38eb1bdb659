// framebuf, spec 4.2.2: random drawing programs on every format, checked against a model that paints a
// plain 2D array of colours and then packs it with each format's layout (as MicroPython lays pixels out,
// which extmod/framebuf*.py confirm; the 1.9.4 text swaps the MONO_HLSB/MONO_HMSB bit order).
import { describe, expect, it } from 'vitest';
import { lines, raises } from './python.js';

const FORMATS = ['MONO_VLSB', 'MONO_HLSB', 'MONO_HMSB', 'RGB565', 'GS2_HMSB', 'GS4_HMSB', 'GS8'] as const;
type Format = (typeof FORMATS)[number];

const BITS: Record<Format, number> = { MONO_VLSB: 1, MONO_HLSB: 1, MONO_HMSB: 1, RGB565: 16, GS2_HMSB: 2, GS4_HMSB: 4, GS8: 8 };

/** The stride (pixels per row in memory) MicroPython uses for a format. */
function strideOf(f: Format, stride: number): number {
  if (f === 'MONO_HLSB' || f === 'MONO_HMSB') return (stride + 7) & ~7;
  if (f === 'GS2_HMSB') return (stride + 3) & ~3;
  if (f === 'GS4_HMSB') return (stride + 1) & ~1;
  return stride;
}

function bufSize(f: Format, w: number, h: number, stride: number): number {
  const s = strideOf(f, stride);
  if (f === 'MONO_VLSB') return s * ((h + 7) >> 3);
  return Math.ceil((s * h * BITS[f]) / 8);
}

/** Packs a colour grid the way each format stores pixels. */
function pack(f: Format, grid: number[][], w: number, h: number, stride: number): Uint8Array {
  const s = strideOf(f, stride);
  const b = new Uint8Array(bufSize(f, w, h, stride));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = grid[y][x];
      switch (f) {
        case 'MONO_VLSB': if (c) b[(y >> 3) * s + x] |= 1 << (y & 7); break;
        case 'MONO_HLSB': if (c) b[(y * s + x) >> 3] |= 0x80 >> (x & 7); break;
        case 'MONO_HMSB': if (c) b[(y * s + x) >> 3] |= 1 << (x & 7); break;
        case 'RGB565': b[2 * (y * s + x)] = c & 0xff; b[2 * (y * s + x) + 1] = c >> 8; break;
        case 'GS2_HMSB': b[(y * s + x) >> 2] |= c << (2 * (x & 3)); break;
        case 'GS4_HMSB': b[(y * s + x) >> 1] |= x & 1 ? c : c << 4; break;
        case 'GS8': b[y * s + x] = c; break;
      }
    }
  }
  return b;
}

function store(f: Format, c: number): number {
  if (BITS[f] === 1) return c !== 0 ? 1 : 0;
  return c & ((1 << BITS[f]) - 1);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

describe('framebuf drawing against a colour-grid model', () => {
  for (const f of FORMATS) {
    it(f, () => {
      const r = rng(FORMATS.indexOf(f) + 1);
      const progs: string[] = [];
      const expected: string[] = [];
      for (let n = 0; n < 12; n++) {
        const w = 1 + (r() % 13);
        const h = 1 + (r() % 11);
        const stride = w + (n % 3 === 0 ? r() % 5 : 0);
        const grid = Array.from({ length: h }, () => new Array(w).fill(0));
        const set = (x: number, y: number, c: number) => {
          if (x >= 0 && x < w && y >= 0 && y < h) grid[y][x] = store(f, c);
        };
        const ops: string[] = [];
        for (let k = 0; k < 10; k++) {
          const c = r() % 70000;
          const x = (r() % (w + 6)) - 3;
          const y = (r() % (h + 6)) - 3;
          const a = r() % 8;
          const b = r() % 8;
          switch (r() % 6) {
            case 0: ops.push(`fb.pixel(${x}, ${y}, ${c})`); set(x, y, c); break;
            case 1: ops.push(`fb.hline(${x}, ${y}, ${a}, ${c})`); for (let i = 0; i < a; i++) set(x + i, y, c); break;
            case 2: ops.push(`fb.vline(${x}, ${y}, ${a}, ${c})`); for (let i = 0; i < a; i++) set(x, y + i, c); break;
            case 3: ops.push(`fb.fill_rect(${x}, ${y}, ${a}, ${b}, ${c})`); for (let i = 0; i < b; i++) for (let j = 0; j < a; j++) set(x + j, y + i, c); break;
            case 4:
              // the outline is four 1-pixel fill_rects, even when w or h is 0 (as MicroPython draws it)
              ops.push(`fb.rect(${x}, ${y}, ${a}, ${b}, ${c})`);
              for (let j = 0; j < a; j++) { set(x + j, y, c); set(x + j, y + b - 1, c); }
              for (let i = 0; i < b; i++) { set(x, y + i, c); set(x + a - 1, y + i, c); }
              break;
            default:
              ops.push(`fb.fill(${c})`);
              for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) grid[i][j] = store(f, c);
          }
        }
        progs.push([
          `buf = bytearray(${bufSize(f, w, h, stride)})`,
          `fb = framebuf.FrameBuffer(buf, ${w}, ${h}, framebuf.${f}, ${stride})`,
          ...ops,
          'print(buf.hex(), [fb.pixel(x, y) for y in range(fb_h) for x in range(fb_w)] == expect)'.replace('fb_h', String(h)).replace('fb_w', String(w))
            .replace('expect', JSON.stringify(grid.flat())),
        ].join('\n'));
        expected.push(`${Buffer.from(pack(f, grid, w, h, stride)).toString('hex')} True`);
      }
      expect(lines('import framebuf\n' + progs.join('\n'))).toEqual(expected);
    });
  }
});

describe('framebuf methods', () => {
  it('line() draws both end points and is symmetric; pixel() outside the buffer is None', () => {
    expect(lines([
      'import framebuf',
      'a = framebuf.FrameBuffer(bytearray(64), 8, 8, framebuf.GS8)',
      'b = framebuf.FrameBuffer(bytearray(64), 8, 8, framebuf.GS8)',
      'a.line(0, 0, 7, 3, 9); b.line(7, 3, 0, 0, 9)',
      'print(a.pixel(0, 0), a.pixel(7, 3), a.pixel(-1, 0), a.pixel(8, 8), a.pixel(0, 8, 1))',
      'print(sum(1 for x in range(8) for y in range(8) if a.pixel(x, y)), bytes(memoryview(a)) == bytes(memoryview(b)))',
      'a.fill(0); a.line(2, 0, 2, 5, 1); print([a.pixel(2, y) for y in range(8)])',
    ].join('\n'))).toEqual(['9 9 None None None', '8 True', '[1, 1, 1, 1, 1, 1, 0, 0]']);
  });

  it('text() draws 8x8 glyphs at (x, y) in colour c (default 1), clipped; other codes draw glyph 127', () => {
    expect(lines([
      'import framebuf',
      'def draw(s, x, y, *c):',
      '    fb = framebuf.FrameBuffer(bytearray(40 * 16), 40, 16, framebuf.GS8)',
      '    fb.text(s, x, y, *c)',
      '    return fb',
      'def cells(fb, x0, y0):',
      '    return [fb.pixel(x0 + x, y0 + y) for y in range(8) for x in range(8)]',
      'a = draw("A", 0, 0); b = draw("A", 13, 5); c = draw("A", 0, 0, 7)',
      'print(cells(a, 0, 0) == cells(b, 13, 5), sum(cells(a, 0, 0)) > 0, set(cells(a, 0, 0)) == {0, 1}, set(cells(c, 0, 0)) == {0, 7})',
      'ab = draw("AB", 0, 0); bb = draw("B", 8, 0)',
      'print(cells(ab, 8, 0) == cells(bb, 8, 0), cells(draw("\\x7f", 0, 0), 0, 0) == cells(draw("\\x01", 0, 0), 0, 0))',
      'clip = draw("A", -4, -4); print(cells(clip, 0, 0)[:4] == cells(a, 4, 4)[:4])',
    ].join('\n'))).toEqual(['True True True True', 'True True', 'True']);
  });

  it('scroll() shifts content and leaves the uncovered area as it was', () => {
    expect(lines([
      'import framebuf',
      'fb = framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8)',
      'for i in range(16): fb.pixel(i % 4, i // 4, i)',
      'fb.scroll(1, 0); print(bytes(memoryview(fb)).hex())',
      'fb.scroll(-1, -2); print(bytes(memoryview(fb)).hex())',
      'fb.scroll(10, 0); print(bytes(memoryview(fb)).hex())',
    ].join('\n'))).toEqual(['00000102040405060808090a0c0c0d0e', '08090a020c0d0e060808090a0c0c0d0e', '08090a020c0d0e060808090a0c0c0d0e']);
  });

  it('blit() copies across formats with a transparent key and a palette; ellipse/poly draw', () => {
    expect(lines([
      'import framebuf',
      'dst = framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8)',
      'src = framebuf.FrameBuffer(bytearray(2), 2, 2, framebuf.MONO_HLSB)',
      'src.pixel(0, 0, 1); src.pixel(1, 1, 1)',
      'dst.fill(5); dst.blit(src, 1, 1); print(bytes(memoryview(dst)).hex())',
      'dst.fill(5); dst.blit(src, 1, 1, 0); print(bytes(memoryview(dst)).hex())',
      'pal = framebuf.FrameBuffer(bytearray(2), 2, 1, framebuf.GS8); pal.pixel(0, 0, 7); pal.pixel(1, 0, 9)',
      'dst.fill(5); dst.blit(src, 0, 0, -1, pal); print(bytes(memoryview(dst)).hex())',
      'dst.fill(0); dst.ellipse(1, 1, 1, 1, 3, True); print(bytes(memoryview(dst)).hex())',
      'from array import array',
      'dst.fill(0); dst.poly(0, 0, array("h", [0, 0, 3, 0, 0, 3]), 2, True); print(bytes(memoryview(dst)).hex())',
    ].join('\n'))).toEqual([
      '05050505050100050500010505050505',
      '05050505050105050505010505050505',
      '09070505070905050505050505050505',
      '00030000030303000003000000000000',
      '02020202020202000202000002000000',
    ]);
  });

  it('constructor validation, FrameBuffer1, subclassing, bad arguments', () => {
    expect(lines([
      'import framebuf',
      'for args in ((bytearray(8), 8, 8, framebuf.MONO_VLSB), (bytearray(7), 8, 8, framebuf.MONO_VLSB), (bytearray(8), 0, 8, framebuf.GS8),',
      '             (bytearray(64), 8, 8, 99), (bytearray(64), 8, 8, framebuf.GS8, 7)):',
      '    try:',
      '        framebuf.FrameBuffer(*args); print("ok")',
      '    except ValueError as e:',
      '        print("ValueError", e)',
      'f1 = framebuf.FrameBuffer1(bytearray(8), 8, 8); f1.pixel(0, 7, 1); print(bytes(memoryview(f1)))',
      'class Display(framebuf.FrameBuffer):',
      '    def __init__(self):',
      '        self.buf = bytearray(4)',
      '        super().__init__(self.buf, 4, 8, framebuf.MONO_VLSB)',
      '    def show(self):',
      '        return bytes(self.buf)',
      'd = Display(); d.hline(0, 0, 4, 1); d.text("x", 100, 0); print(d.show(), isinstance(d, framebuf.FrameBuffer))',
    ].join('\n'))).toEqual(['ok', 'ValueError buffer too small', 'ValueError invalid size', 'ValueError invalid format', 'ValueError invalid size',
      "b'\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'", "b'\\x01\\x01\\x01\\x01' True"]);
    expect(raises('import framebuf\nframebuf.FrameBuffer("str", 1, 1, framebuf.GS8)')).toMatch(/^TypeError/);
    expect(raises('import framebuf\nf = framebuf.FrameBuffer(bytearray(1), 1, 1, framebuf.GS8)\nf.fill("x")')).toMatch(/^TypeError/);
    expect(raises('import framebuf\nf = framebuf.FrameBuffer(bytearray(1), 1, 1, framebuf.GS8)\nf.blit((b"", 1), 0, 0)')).toMatch(/^ValueError/);
  });
});
