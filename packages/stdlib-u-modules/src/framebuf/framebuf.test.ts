// framebuf engine tests. The conformance programs of ../shared/conformance/extmod/framebuf*.py are
// re-enacted step by step here and their printed output compared with the .exp files MicroPython
// produced (skipped when the corpus is absent); hand-computed buffers cover the rest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_8X8, FrameBuffer, FrameBufferError, GS2_HMSB, GS4_HMSB, GS8, MONO_HLSB, MONO_HMSB, MONO_VLSB, RGB565 } from '../index.js';

const corpus = join(import.meta.dirname, '../../../../../shared/conformance/extmod');
const haveCorpus = existsSync(corpus);
const exp = (name: string): string => readFileSync(join(corpus, `${name}.py.exp`), 'utf8');

/** Python's repr of a bytearray. */
function reprBytearray(b: Uint8Array): string {
  let s = '';
  const hasSingle = b.includes(0x27);
  const hasDouble = b.includes(0x22);
  const q = hasSingle && !hasDouble ? '"' : "'";
  for (const c of b) {
    if (c === 0x5c) s += '\\\\';
    else if (c === 0x09) s += '\\t';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x0d) s += '\\r';
    else if (c === q.charCodeAt(0)) s += '\\' + q;
    else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += String.fromCharCode(c);
  }
  return `bytearray(b${q}${s}${q})`;
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const text = (s: string): number[] => [...s].map((c) => c.codePointAt(0) ?? 0);

describe.skipIf(!haveCorpus)('conformance programs re-enacted', () => {
  it('framebuf1.py (mono formats)', () => {
    const out: string[] = [];
    const p = (...a: (string | number)[]): number => out.push(a.join(' '));
    const w = 5;
    const h = 16;
    const size = Math.floor((((w + 7) & ~7) * ((h + 7) & ~7)) / 8);
    const buf = new Uint8Array(size);
    const maps: [number, string][] = [
      [MONO_VLSB, 'MONO_VLSB'],
      [MONO_HLSB, 'MONO_HLSB'],
      [MONO_HMSB, 'MONO_HMSB'],
    ];
    for (const [mapping, name] of maps) {
      buf.fill(0);
      const fb = new FrameBuffer(buf, w, h, mapping);
      p(name);
      p(buf[0]);
      fb.fill(1);
      p(reprBytearray(buf));
      fb.fill(0);
      p(reprBytearray(buf));
      fb.pixel(0, 0, 1);
      fb.pixel(4, 0, 1);
      fb.pixel(0, 15, 1);
      fb.pixel(4, 15, 1);
      p(reprBytearray(buf));
      fb.pixel(4, 15, 0);
      p(reprBytearray(buf));
      p(fb.pixel(0, 0)!, fb.pixel(1, 1)!);
      fb.fill(0);
      fb.hline(0, 1, w, 1);
      p('hline', reprBytearray(buf));
      fb.fill(0);
      fb.vline(1, 0, h, 1);
      p('vline', reprBytearray(buf));
      fb.fill(0);
      fb.rect(1, 1, 3, 3, 1);
      p('rect', reprBytearray(buf));
      fb.fill(0);
      fb.fillRect(0, 0, 0, 3, 1);
      fb.fillRect(1, 1, 3, 3, 1);
      p('fill_rect', reprBytearray(buf));
      fb.fill(0);
      fb.line(1, 1, 3, 3, 1);
      p('line', reprBytearray(buf));
      fb.fill(0);
      fb.line(3, 3, 2, 1, 1);
      p('line', reprBytearray(buf));
      fb.fill(0);
      fb.pixel(2, 7, 1);
      for (const [dx, dy] of [[0, 1], [0, -2], [1, 0], [-1, 0], [2, 2]]) {
        fb.scroll(dx, dy);
        p(reprBytearray(buf));
      }
      fb.fill(0);
      fb.text(text('hello'), 0, 0, 1);
      p(reprBytearray(buf));
      fb.text(text('hello'), 0, 0, 0);
      p(reprBytearray(buf));
      fb.text([31], 0, 0);
      p(reprBytearray(buf));
      out.push('');
    }
    expect(() => new FrameBuffer(buf, w, h, -1, w)).toThrow(FrameBufferError);
    p('ValueError');
    p('True'); // MVLSB == MONO_VLSB
    const two = new Uint8Array(2);
    const fb = new FrameBuffer(two, 8, 1, MONO_HLSB);
    fb.pixel(0, 0, 1);
    fb.pixel(4, 0, 1);
    p(reprBytearray(two));
    expect(out.join('\n') + '\n').toBe(exp('framebuf1'));
  });

  it('framebuf16.py (RGB565)', () => {
    const out: string[] = [];
    const w = 4;
    const h = 5;
    const buf = new Uint8Array(w * h * 2);
    const fb = new FrameBuffer(buf, w, h, RGB565);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) out.push(reprBytearray(buf.slice(y * w * 2, (y + 1) * w * 2)));
      out.push('-->8--');
    };
    fb.fill(0xffff);
    printbuf();
    fb.fill(0x0000);
    printbuf();
    fb.pixel(0, 0, 0xeeee);
    fb.pixel(3, 0, 0xee00);
    fb.pixel(0, 4, 0x00ee);
    fb.pixel(3, 4, 0x0ee0);
    printbuf();
    out.push(`${fb.pixel(0, 4)} ${fb.pixel(1, 1)}`);
    fb.fill(0);
    fb.pixel(2, 2, 0xffff);
    printbuf();
    fb.scroll(0, 1);
    printbuf();
    fb.scroll(1, 0);
    printbuf();
    fb.scroll(-1, -2);
    printbuf();
    const fb2 = new FrameBuffer(new Uint8Array(2 * 3 * 2), 2, 3, RGB565);
    fb2.fill(0);
    fb2.pixel(0, 0, 0x0ee0);
    fb2.pixel(0, 2, 0xee00);
    fb2.pixel(1, 0, 0x00ee);
    fb2.pixel(1, 2, 0xe00e);
    fb.fill(0xffff);
    fb.blit(fb2, 3, 3, 0);
    fb.blit(fb2, -1, -1, 0);
    fb.blit(fb2, 16, 16, 0);
    printbuf();
    expect(out.join('\n') + '\n').toBe(exp('framebuf16'));
  });

  it('framebuf2.py (GS2_HMSB)', () => {
    const out: string[] = [];
    const w = 8;
    const h = 5;
    const buf = new Uint8Array((w * h) / 4);
    const fb = new FrameBuffer(buf, w, h, GS2_HMSB);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) {
        let line = '';
        for (let x = 0; x < w; x++) line += String((buf[(x + y * w) >> 2] >> ((x & 3) << 1)) & 3);
        out.push(line);
      }
      out.push('-->8--');
    };
    fb.fill(3);
    printbuf();
    fb.fill(0);
    printbuf();
    fb.pixel(0, 0, 1);
    fb.pixel(3, 0, 2);
    fb.pixel(0, 4, 3);
    fb.pixel(3, 4, 2);
    printbuf();
    out.push(`${fb.pixel(0, 4)} ${fb.pixel(1, 1)}`);
    fb.fill(0);
    fb.pixel(2, 2, 3);
    printbuf();
    fb.scroll(0, 1);
    printbuf();
    fb.scroll(1, 0);
    printbuf();
    fb.scroll(-1, -2);
    printbuf();
    const fb2 = new FrameBuffer(new Uint8Array(3), 2, 3, GS2_HMSB);
    fb2.fill(0);
    fb2.pixel(0, 0, 1);
    fb2.pixel(0, 2, 2);
    fb2.pixel(1, 0, 1);
    fb2.pixel(1, 2, 2);
    fb.fill(3);
    fb.blit(fb2, 3, 3, 0);
    fb.blit(fb2, -1, -1, 0);
    fb.blit(fb2, 16, 16, 0);
    printbuf();
    expect(out.join('\n') + '\n').toBe(exp('framebuf2'));
  });

  it('framebuf4.py (GS4_HMSB)', () => {
    const out: string[] = [];
    const w = 16;
    const h = 8;
    const buf = new Uint8Array((w * h) / 2);
    const fb = new FrameBuffer(buf, w, h, GS4_HMSB);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) out.push(reprBytearray(buf.slice((y * w) / 2, ((y + 1) * w) / 2)));
      out.push('-->8--');
    };
    fb.fill(0x0f);
    printbuf();
    fb.fill(0xa0);
    printbuf();
    fb.pixel(0, 0, 0x01);
    printbuf();
    fb.pixel(w - 1, 0, 0x02);
    printbuf();
    fb.pixel(w - 1, h - 1, 0x03);
    printbuf();
    fb.pixel(0, h - 1, 0x04);
    printbuf();
    out.push([fb.pixel(0, 0), fb.pixel(w - 1, 0), fb.pixel(w - 1, h - 1), fb.pixel(0, h - 1)].join(' '));
    out.push([fb.pixel(1, 0), fb.pixel(w - 2, 0), fb.pixel(w - 2, h - 1), fb.pixel(1, h - 1)].join(' '));
    fb.fillRect(0, 0, w, h, 0x0f);
    printbuf();
    fb.fillRect(0, 0, w, h, 0xf0);
    fb.fillRect(1, 0, w / 2 + 1, 1, 0xf1);
    printbuf();
    fb.fillRect(1, 0, w / 2 + 1, 1, 0x10);
    fb.fillRect(1, 0, w / 2, 1, 0xf1);
    printbuf();
    fb.fillRect(1, 0, w / 2, 1, 0x10);
    fb.fillRect(0, h - 4, w / 2 + 1, 4, 0xaf);
    printbuf();
    fb.fillRect(0, h - 4, w / 2 + 1, 4, 0xb0);
    fb.fillRect(0, h - 4, w / 2, 4, 0xaf);
    printbuf();
    expect(out.join('\n') + '\n').toBe(exp('framebuf4'));
  });

  it('framebuf8.py and framebuf_blit.py (GS8, blit from buffers and palettes)', () => {
    let out: string[] = [];
    let w = 8;
    let h = 5;
    let buf = new Uint8Array(w * h);
    let fb = new FrameBuffer(buf, w, h, GS8);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) out.push(Array.from(buf.slice(y * w, (y + 1) * w), hex2).join(''));
      out.push('-->8--');
    };
    fb.fill(0x55);
    printbuf();
    fb.pixel(0, 0, 0x11);
    fb.pixel(w - 1, 0, 0x22);
    fb.pixel(0, h - 1, 0x33);
    fb.pixel(w - 1, h - 1, 0xff);
    printbuf();
    out.push(`0x${fb.pixel(0, h - 1)!.toString(16)} 0x${fb.pixel(1, 1)!.toString(16)}`);
    expect(out.join('\n') + '\n').toBe(exp('framebuf8'));

    out = [];
    w = 5;
    h = 4;
    buf = new Uint8Array(w * h);
    fb = new FrameBuffer(buf, w, h, GS8);
    const fb2 = new FrameBuffer(new Uint8Array(4), 2, 2, GS8);
    fb2.fill(0xff);
    for (const [x, y] of [[-1, -1], [0, 0], [1, 1], [4, 3]]) {
      fb.fill(0);
      fb.blit(fb2, x, y);
      printbuf();
    }
    fb.fill(0);
    fb.blit(new FrameBuffer(Uint8Array.from([0x10, 0x11, 0x12, 0x13]), 2, 2, GS8), 1, 1);
    printbuf();
    fb.fill(0);
    fb.blit(new FrameBuffer(Uint8Array.from([0x20, 0x21, 0xff, 0x22, 0x23, 0xff]), 2, 2, GS8, 3), 1, 1);
    printbuf();
    fb.fill(0);
    fb.blit(new FrameBuffer(Uint8Array.from([0, 1, 1, 0]), 2, 2, GS8), 1, 1, -1, new FrameBuffer(Uint8Array.from([0xa1, 0xa2]), 2, 1, GS8));
    printbuf();
    // The tuple-shape errors are the binding's; a too-small buffer is the engine's.
    out.push('ValueError', 'ValueError');
    expect(() => new FrameBuffer(new Uint8Array(0), 1, 1, GS8)).toThrow(FrameBufferError);
    out.push('ValueError');
    expect(out.join('\n') + '\n').toBe(exp('framebuf_blit'));
  });

  it('framebuf_bounds.py (constructor validation)', () => {
    const out: string[] = [];
    const t = (len: number, w: number, h: number, f: number, stride?: number): void => {
      try {
        new FrameBuffer(new Uint8Array(len), w, h, f, stride);
        out.push('Valid');
      } catch (e) {
        expect(e).toBeInstanceOf(FrameBufferError);
        out.push('ValueError');
      }
    };
    const src = readFileSync(join(corpus, 'framebuf_bounds.py'), 'utf8');
    const names: Record<string, number> = { MONO_HLSB, MONO_VLSB, MONO_HMSB, GS2_HMSB, GS4_HMSB, GS8, RGB565 };
    // Replay every test_constructor(...) and print(...) line of the program in order.
    let loopFormats: number[] | null = null;
    const loopBody: string[] = [];
    const run = (line: string, f?: number): void => {
      const tc = /test_constructor\(bytearray\((\d+)\), (-?\d+), (-?\d+), (framebuf\.(\w+)|f)(?:, (-?\d+))?\)/.exec(line);
      if (tc) t(Number(tc[1]), Number(tc[2]), Number(tc[3]), tc[4] === 'f' ? f! : names[tc[5]], tc[6] === undefined ? undefined : Number(tc[6]));
      const pr = /^\s*print\((framebuf\.(\w+)|f)\)/.exec(line);
      if (pr) out.push(String(pr[1] === 'f' ? f : names[pr[2]]));
    };
    for (const line of src.split('\n')) {
      const loop = /^for f in \((.*)\):/.exec(line);
      if (loop) {
        loopFormats = loop[1].split(',').map((s) => names[s.trim().replace('framebuf.', '')]);
        continue;
      }
      if (loopFormats && line.startsWith('    ')) {
        loopBody.push(line);
        continue;
      }
      if (loopFormats) {
        for (const f of loopFormats) for (const l of loopBody) run(l, f);
        loopFormats = null;
      }
      run(line);
    }
    expect(out.join('\n') + '\n').toBe(exp('framebuf_bounds'));
  });

  it('framebuf_ellipse.py', () => {
    const out: string[] = [];
    const w = 30;
    const h = 30;
    const buf = new Uint8Array(w * h);
    const fb = new FrameBuffer(buf, w, h, GS8);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) out.push(Array.from(buf.slice(y * w, (y + 1) * w), hex2).join(''));
      out.push('-->8--');
    };
    fb.fill(0);
    fb.ellipse(15, 15, 12, 6, 0xff, false);
    printbuf();
    fb.fill(0);
    fb.ellipse(15, 15, 6, 12, 0xaa, true);
    printbuf();
    for (const m of [0, 0b0001, 0b0010, 0b0100, 0b1000, 0b1010]) {
      fb.fill(0);
      fb.ellipse(15, 15, 6, 12, 0xaa, false, m);
      printbuf();
      fb.fill(0);
      fb.ellipse(15, 15, 6, 12, 0xaa, true, m);
      printbuf();
    }
    for (const [x, y] of [[4, 4], [26, 4], [26, 26], [4, 26]]) {
      fb.fill(0);
      fb.ellipse(x, y, 6, 12, 0xaa, false);
      printbuf();
      fb.fill(0);
      fb.ellipse(x, y, 6, 12, 0xaa, true);
      printbuf();
    }
    fb.fill(0);
    fb.ellipse(15, 15, 0, 0, 0xff, true);
    printbuf();
    fb.fill(0);
    fb.ellipse(45, 45, 0, 0, 0xff, true);
    printbuf();
    fb.fill(0);
    fb.ellipse(15, 15, 0, 0, 0xff, true, 0);
    printbuf();
    expect(out.join('\n') + '\n').toBe(exp('framebuf_ellipse'));
  });

  it('framebuf_scroll.py', () => {
    const out: string[] = [];
    const w = 10;
    const h = 10;
    const buf = new Uint8Array((w * h) / 2);
    const fb = new FrameBuffer(buf, w, h, GS4_HMSB);
    const printbuf = (): void => {
      out.push('--8<--');
      for (let y = 0; y < h; y++) out.push(Array.from(buf.slice((y * w) / 2, ((y + 1) * w) / 2), hex2).join(''));
      out.push('-->8--');
    };
    const prepare = (): void => {
      fb.fill(0);
      fb.rect(2, 0, 6, 10, 0x07, true);
      fb.rect(0, 2, 10, 6, 0x01, true);
    };
    prepare();
    printbuf();
    fb.scroll(5, -1);
    printbuf();
    prepare();
    fb.scroll(-5, 5);
    printbuf();
    prepare();
    fb.scroll(15, 7);
    fb.scroll(10, -1);
    fb.scroll(1, -10);
    fb.scroll(1000000000000, -1);
    printbuf();
    expect(out.join('\n') + '\n').toBe(exp('framebuf_scroll'));
  });
});

describe('hand-computed buffers', () => {
  it('MONO_VLSB maps bit 0 to the top of each byte column', () => {
    const buf = new Uint8Array(16);
    const fb = new FrameBuffer(buf, 8, 16, MONO_VLSB);
    fb.pixel(3, 0, 1);
    fb.pixel(3, 9, 1);
    expect(buf[3]).toBe(0b1);
    expect(buf[8 + 3]).toBe(0b10);
  });
  it('text draws glyph columns from the font', () => {
    const buf = new Uint8Array(8);
    const fb = new FrameBuffer(buf, 8, 8, MONO_VLSB);
    fb.text(text('A'), 0, 0);
    expect(Array.from(buf)).toEqual(Array.from(FONT_8X8.slice((65 - 32) * 8, (66 - 32) * 8)));
    expect(Array.from(FONT_8X8.slice((65 - 32) * 8, (66 - 32) * 8))).toEqual([0x00, 0x7c, 0x7e, 0x0b, 0x0b, 0x7e, 0x7c, 0x00]);
  });
  it('poly outlines and fills a triangle', () => {
    const buf = new Uint8Array(25);
    const fb = new FrameBuffer(buf, 5, 5, GS8);
    fb.poly(0, 0, [0, 0, 4, 0, 0, 4], 1);
    // Edges (0,0)-(4,0), (4,0)-(0,4), (0,4)-(0,0).
    const rows = (): string[] => [0, 1, 2, 3, 4].map((y) => Array.from(buf.slice(y * 5, y * 5 + 5)).join(''));
    expect(rows()).toEqual(['11111', '10010', '10100', '11000', '10000']);
    buf.fill(0);
    fb.poly(0, 0, [0, 0, 4, 0, 0, 4], 1, true);
    expect(rows()).toEqual(['11111', '11110', '11100', '11000', '10000']);
  });
  it('rect outline clips at the edges', () => {
    const buf = new Uint8Array(16);
    const fb = new FrameBuffer(buf, 4, 4, GS8);
    fb.rect(-1, -1, 3, 3, 9);
    expect(Array.from(buf)).toEqual([0, 9, 0, 0, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('blits across formats (mono source onto RGB565 with a key)', () => {
    const mono = new FrameBuffer(Uint8Array.from([0b10100000]), 3, 1, MONO_HLSB);
    const dst = new FrameBuffer(new Uint8Array(6).fill(0x55), 3, 1, RGB565);
    dst.blit(mono, 0, 0, 0);
    expect(Array.from(dst.buf)).toEqual([1, 0, 0x55, 0x55, 1, 0]);
  });
  it('GS4 odd-offset fill keeps neighbouring nibbles', () => {
    const buf = new Uint8Array(4);
    const fb = new FrameBuffer(buf, 8, 1, GS4_HMSB);
    fb.fillRect(1, 0, 4, 1, 0xa);
    expect(Array.from(buf)).toEqual([0x0a, 0xaa, 0xa0, 0x00]);
  });
});

describe('line with far-away end points (found by the hostile-input fuzz)', () => {
  /** Bresenham stepping through every point, as MicroPython's C code does. */
  function reference(w: number, h: number, x1: number, y1: number, x2: number, y2: number): Uint8Array {
    const buf = new Uint8Array(w * h);
    const plot = (x: number, y: number) => {
      if (x >= 0 && x < w && y >= 0 && y < h) buf[y * w + x] = 1;
    };
    let dx = x2 - x1;
    let sx = 1;
    if (dx <= 0) [dx, sx] = [-dx, -1];
    let dy = y2 - y1;
    let sy = 1;
    if (dy <= 0) [dy, sy] = [-dy, -1];
    let steep = false;
    if (dy > dx) {
      [x1, y1, dx, dy, sx, sy, steep] = [y1, x1, dy, dx, sy, sx, true];
    }
    let e = 2 * dy - dx;
    for (let i = 0; i < dx; ++i) {
      if (steep) plot(y1, x1);
      else plot(x1, y1);
      while (e >= 0) {
        y1 += sy;
        e -= 2 * dx;
      }
      x1 += sx;
      e += 2 * dy;
    }
    plot(x2, y2);
    return buf;
  }

  it('draws the pixels of full Bresenham stepping (5000 random lines, end points far outside the buffer)', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    for (let t = 0; t < 5000; t++) {
      const w = 1 + rnd(20);
      const h = 1 + rnd(20);
      const span = [30, 100, 1000][rnd(3)];
      const c = () => rnd(2 * span) - span;
      const [x1, y1, x2, y2] = [c(), c(), c(), c()];
      const buf = new Uint8Array(w * h);
      new FrameBuffer(buf, w, h, GS8).line(x1, y1, x2, y2, 1);
      expect([w, h, x1, y1, x2, y2, Array.from(buf)]).toEqual([w, h, x1, y1, x2, y2, Array.from(reference(w, h, x1, y1, x2, y2))]);
    }
  });

  it('steps only through the buffer: lines 2**32 pixels long draw at once', () => {
    const buf = new Uint8Array(100);
    const fb = new FrameBuffer(buf, 10, 10, GS8);
    fb.line(-2147483648, 3, 2147483647, 3, 1);
    fb.line(5, -2147483648, 5, 2147483647, 2);
    expect(Array.from(buf.subarray(30, 40))).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1, 1]);
    expect(buf.filter((v) => v === 2).length).toBe(10);
  });
});
