// framebuf engine: pixel formats and drawing. Spec 4.2.2 (`framebuf`); methods the spec does not list
// (ellipse, poly, rect's fill flag, blit palettes) and all pixel-level behaviour follow current
// MicroPython's extmod/modframebuf.c, which the conformance expectations were produced with.
import { FONT_8X8 } from './font.js';

/** Format constants, with MicroPython's values. */
export const MONO_VLSB = 0;
export const RGB565 = 1;
export const GS4_HMSB = 2;
export const MONO_HLSB = 3;
export const MONO_HMSB = 4;
export const GS2_HMSB = 5;
export const GS8 = 6;

/** An invalid size, stride, format or buffer (the binding raises ValueError). */
export class FrameBufferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameBufferError';
  }
}

/** Ellipse quadrant mask bits (Q2 Q1 / Q3 Q4). */
export const ELLIPSE_MASK_ALL = 0x0f;
const ELLIPSE_MASK_FILL = 0x10;

export class FrameBuffer {
  readonly buf: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly format: number;
  /** Pixels per row in the buffer, rounded up to whole bytes for sub-byte formats. */
  readonly stride: number;

  /**
   * Validates like MicroPython's framebuf_make_new_helper: 1 <= width,height <= 0xffff,
   * width <= stride <= 0xffff, a known format, and a buffer large enough for every pixel.
   */
  constructor(buf: Uint8Array, width: number, height: number, format: number, stride = width) {
    if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || stride > 0xffff || stride < width) {
      throw new FrameBufferError('invalid size');
    }
    let bpp = 1;
    let heightRequired = height;
    let widthRequired = width;
    let stridesRequired = height - 1;
    switch (format) {
      case MONO_VLSB:
        heightRequired = (height + 7) & ~7;
        stridesRequired = heightRequired - 8;
        break;
      case MONO_HLSB:
      case MONO_HMSB:
        stride = (stride + 7) & ~7;
        widthRequired = (width + 7) & ~7;
        break;
      case GS2_HMSB:
        stride = (stride + 3) & ~3;
        widthRequired = (width + 3) & ~3;
        bpp = 2;
        break;
      case GS4_HMSB:
        stride = (stride + 1) & ~1;
        widthRequired = (width + 1) & ~1;
        bpp = 4;
        break;
      case GS8:
        bpp = 8;
        break;
      case RGB565:
        bpp = 16;
        break;
      default:
        throw new FrameBufferError('invalid format');
    }
    const needed = Math.floor(((stridesRequired * stride + (heightRequired - stridesRequired) * widthRequired) * bpp) / 8);
    if (needed > buf.length) throw new FrameBufferError('buffer too small');
    this.buf = buf;
    this.width = width;
    this.height = height;
    this.format = format;
    this.stride = stride;
  }

  /** Stores colour `col` at an in-range pixel (no clipping). */
  setPixel(x: number, y: number, col: number): void {
    const b = this.buf;
    const s = this.stride;
    switch (this.format) {
      case MONO_VLSB: {
        const i = (y >> 3) * s + x;
        const bit = 1 << (y & 7);
        b[i] = col !== 0 ? b[i] | bit : b[i] & ~bit;
        return;
      }
      case MONO_HLSB:
      case MONO_HMSB: {
        const i = (x + y * s) >> 3;
        const bit = 1 << (this.format === MONO_HMSB ? x & 7 : 7 - (x & 7));
        b[i] = col !== 0 ? b[i] | bit : b[i] & ~bit;
        return;
      }
      case RGB565: {
        const i = 2 * (x + y * s);
        b[i] = col & 0xff;
        b[i + 1] = (col >> 8) & 0xff;
        return;
      }
      case GS2_HMSB: {
        const i = (x + y * s) >> 2;
        const shift = (x & 3) << 1;
        b[i] = ((col & 3) << shift) | (b[i] & ~(3 << shift));
        return;
      }
      case GS4_HMSB: {
        const i = (x + y * s) >> 1;
        b[i] = x & 1 ? (col & 0x0f) | (b[i] & 0xf0) : ((col << 4) & 0xff) | (b[i] & 0x0f);
        return;
      }
      case GS8:
        b[x + y * s] = col & 0xff;
        return;
    }
  }

  /** Colour of an in-range pixel. */
  getPixel(x: number, y: number): number {
    const b = this.buf;
    const s = this.stride;
    switch (this.format) {
      case MONO_VLSB:
        return (b[(y >> 3) * s + x] >> (y & 7)) & 1;
      case MONO_HLSB:
      case MONO_HMSB:
        return (b[(x + y * s) >> 3] >> (this.format === MONO_HMSB ? x & 7 : 7 - (x & 7))) & 1;
      case RGB565: {
        const i = 2 * (x + y * s);
        return b[i] | (b[i + 1] << 8);
      }
      case GS2_HMSB:
        return (b[(x + y * s) >> 2] >> ((x & 3) << 1)) & 3;
      case GS4_HMSB:
        return x & 1 ? b[(x + y * s) >> 1] & 0x0f : b[(x + y * s) >> 1] >> 4;
      case GS8:
        return b[x + y * s];
      default:
        return 0;
    }
  }

  private inside(x: number, y: number): boolean {
    return x >= 0 && x < this.width && y >= 0 && y < this.height;
  }

  /** Sets a pixel if it is inside the buffer. */
  private plot(x: number, y: number, col: number): void {
    if (this.inside(x, y)) this.setPixel(x, y, col);
  }

  /** pixel(x, y[, c]): get (undefined outside the buffer) or set (ignored outside). */
  pixel(x: number, y: number, col?: number): number | undefined {
    if (!this.inside(x, y)) return undefined;
    if (col === undefined) return this.getPixel(x, y);
    this.setPixel(x, y, col >>> 0);
    return undefined;
  }

  /** Fills an in-range rectangle (the per-format fill_rect). */
  private fillRaw(x: number, y: number, w: number, h: number, col: number): void {
    const b = this.buf;
    const s = this.stride;
    if (this.format === GS8) {
      for (let yy = y; yy < y + h; yy++) b.fill(col & 0xff, x + yy * s, x + yy * s + w);
      return;
    }
    if (this.format === GS4_HMSB && (x & 1) === 0 && (w & 1) === 0 && (s & 1) === 0) {
      const pair = ((col & 0x0f) << 4) | (col & 0x0f);
      for (let yy = y; yy < y + h; yy++) b.fill(pair, (x + yy * s) >> 1, (x + w + yy * s) >> 1);
      return;
    }
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.setPixel(xx, yy, col);
  }

  /** fill_rect(x, y, w, h, c), clipped. */
  fillRect(x: number, y: number, w: number, h: number, col: number): void {
    if (h < 1 || w < 1 || x + w <= 0 || y + h <= 0 || y >= this.height || x >= this.width) return;
    const xend = Math.min(this.width, x + w);
    const yend = Math.min(this.height, y + h);
    x = Math.max(x, 0);
    y = Math.max(y, 0);
    this.fillRaw(x, y, xend - x, yend - y, col >>> 0);
  }

  fill(col: number): void {
    this.fillRaw(0, 0, this.width, this.height, col >>> 0);
  }

  hline(x: number, y: number, w: number, col: number): void {
    this.fillRect(x, y, w, 1, col);
  }

  vline(x: number, y: number, h: number, col: number): void {
    this.fillRect(x, y, 1, h, col);
  }

  /** rect(x, y, w, h, c[, f]): outline, or filled when `fill` is true. */
  rect(x: number, y: number, w: number, h: number, col: number, fill = false): void {
    if (fill) {
      this.fillRect(x, y, w, h, col);
      return;
    }
    this.fillRect(x, y, w, 1, col);
    this.fillRect(x, y + h - 1, w, 1, col);
    this.fillRect(x, y, 1, h, col);
    this.fillRect(x + w - 1, y, 1, h, col);
  }

  /** line(x1, y1, x2, y2, c): Bresenham, both end points drawn. */
  line(x1: number, y1: number, x2: number, y2: number, col: number): void {
    col >>>= 0;
    let dx = x2 - x1;
    let sx: number;
    if (dx > 0) sx = 1;
    else {
      dx = -dx;
      sx = -1;
    }
    let dy = y2 - y1;
    let sy: number;
    if (dy > 0) sy = 1;
    else {
      dy = -dy;
      sy = -1;
    }
    let steep = false;
    if (dy > dx) {
      [x1, y1] = [y1, x1];
      [dx, dy] = [dy, dx];
      [sx, sy] = [sy, sx];
      steep = true;
    }
    let e = 2 * dy - dx;
    // Only steps whose major coordinate lies inside the buffer can draw: jump to the first such step with
    // the state Bresenham would have reached (after k steps the minor coordinate has moved
    // m = floor((e0 + 2dy(k-1)) / 2dx) + 1 times), and stop after the last. Same pixels as stepping through
    // every one, without billions of steps for far-away end points.
    const limit = steep ? this.height : this.width;
    const first = sx > 0 ? Math.max(0, -x1) : Math.max(0, x1 - (limit - 1));
    const last = Math.min(dx - 1, sx > 0 ? limit - 1 - x1 : x1);
    if (first > 0 && first < dx) {
      const k = BigInt(first);
      const e0 = BigInt(e);
      const bdx = BigInt(dx);
      const bdy = BigInt(dy);
      const num = e0 + 2n * bdy * (k - 1n);
      const m = (num >= 0n ? num / (2n * bdx) : -((-num + 2n * bdx - 1n) / (2n * bdx))) + 1n;
      x1 += sx * first;
      y1 += sy * Number(m);
      e = Number(e0 + 2n * bdy * k - 2n * bdx * m);
    }
    for (let i = first; i <= last; ++i) {
      if (steep) this.plot(y1, x1, col);
      else this.plot(x1, y1, col);
      while (e >= 0) {
        y1 += sy;
        e -= 2 * dx;
      }
      x1 += sx;
      e += 2 * dy;
    }
    this.plot(x2, y2, col);
  }

  private ellipsePoints(cx: number, cy: number, x: number, y: number, col: number, mask: number): void {
    if (mask & ELLIPSE_MASK_FILL) {
      if (mask & 1) this.fillRect(cx, cy - y, x + 1, 1, col);
      if (mask & 2) this.fillRect(cx - x, cy - y, x + 1, 1, col);
      if (mask & 4) this.fillRect(cx - x, cy + y, x + 1, 1, col);
      if (mask & 8) this.fillRect(cx, cy + y, x + 1, 1, col);
    } else {
      if (mask & 1) this.plot(cx + x, cy - y, col);
      if (mask & 2) this.plot(cx - x, cy - y, col);
      if (mask & 4) this.plot(cx - x, cy + y, col);
      if (mask & 8) this.plot(cx + x, cy + y, col);
    }
  }

  /**
   * ellipse(x, y, xr, yr, c[, f[, m]]): midpoint ellipse; `quadrants` bits 0..3 select Q1 (top right),
   * Q2 (top left), Q3 (bottom left), Q4 (bottom right).
   */
  ellipse(cx: number, cy: number, xr: number, yr: number, col: number, fill = false, quadrants = ELLIPSE_MASK_ALL): void {
    col >>>= 0;
    const mask = (fill ? ELLIPSE_MASK_FILL : 0) | (quadrants & ELLIPSE_MASK_ALL);
    if (xr === 0 && yr === 0) {
      if (mask & ELLIPSE_MASK_ALL) this.plot(cx, cy, col);
      return;
    }
    const twoASquare = 2 * xr * xr;
    const twoBSquare = 2 * yr * yr;
    let x = xr;
    let y = 0;
    let xchange = yr * yr * (1 - 2 * xr);
    let ychange = xr * xr;
    let err = 0;
    let stoppingX = twoBSquare * xr;
    let stoppingY = 0;
    while (stoppingX >= stoppingY) {
      this.ellipsePoints(cx, cy, x, y, col, mask);
      y += 1;
      stoppingY += twoASquare;
      err += ychange;
      ychange += twoASquare;
      if (2 * err + xchange > 0) {
        x -= 1;
        stoppingX -= twoBSquare;
        err += xchange;
        xchange += twoBSquare;
      }
    }
    x = 0;
    y = yr;
    xchange = yr * yr;
    ychange = xr * xr * (1 - 2 * yr);
    err = 0;
    stoppingX = 0;
    stoppingY = twoASquare * yr;
    while (stoppingX <= stoppingY) {
      this.ellipsePoints(cx, cy, x, y, col, mask);
      x += 1;
      stoppingX += twoBSquare;
      err += xchange;
      xchange += twoBSquare;
      if (2 * err + ychange > 0) {
        y -= 1;
        stoppingY -= twoASquare;
        err += ychange;
        ychange += twoASquare;
      }
    }
  }

  /**
   * poly(x, y, coords, c[, f]): polygon through the (x, y) pairs of `coords` (offset by x, y), closed;
   * filled with MicroPython's integer scan-line algorithm when `fill` is true.
   */
  poly(x: number, y: number, coords: ArrayLike<number>, col: number, fill = false): void {
    col >>>= 0;
    const n = coords.length >> 1;
    if (n === 0) return;
    if (!fill) {
      let px1 = coords[0];
      let py1 = coords[1];
      for (let i = n * 2 - 1; i >= 0; i -= 2) {
        const py2 = coords[i];
        const px2 = coords[i - 1];
        this.line(x + px1, y + py1, x + px2, y + py2, col);
        px1 = px2;
        py1 = py2;
      }
      return;
    }
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < n; i++) {
      yMin = Math.min(yMin, coords[2 * i + 1]);
      yMax = Math.max(yMax, coords[2 * i + 1]);
    }
    for (let row = yMin; row <= yMax; row++) {
      const nodes: number[] = [];
      let px1 = coords[0];
      let py1 = coords[1];
      for (let i = n * 2 - 1; i >= 0; i -= 2) {
        const py2 = coords[i];
        const px2 = coords[i - 1];
        // Leave out the bottom pixel of each edge so shared vertices are not counted twice.
        if (py1 !== py2 && ((py1 > row && py2 <= row) || (py1 <= row && py2 > row))) {
          nodes.push(Math.trunc((32 * px1 + Math.trunc((32 * (px2 - px1) * (row - py1)) / (py2 - py1)) + 16) / 32));
        } else if (row === Math.max(py1, py2)) {
          // Local minima: draw the pixels the rule above leaves out.
          if (py1 < py2) this.plot(x + px2, y + py2, col);
          else if (py2 < py1) this.plot(x + px1, y + py1, col);
          else this.line(x + px1, y + py1, x + px2, y + py2, col);
        }
        px1 = px2;
        py1 = py2;
      }
      if (nodes.length === 0) continue;
      nodes.sort((a, b) => a - b);
      for (let i = 0; i + 1 < nodes.length; i += 2) this.fillRect(x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, col);
    }
  }

  /**
   * blit(src, x, y[, key[, palette]]): copies `src` (any format) here; pixels whose (palette-mapped)
   * colour equals `key` are skipped. A palette maps source colour c to palette.getPixel(c, 0).
   */
  blit(src: FrameBuffer, x: number, y: number, key = -1, palette?: FrameBuffer): void {
    if (x >= this.width || y >= this.height || -x >= src.width || -y >= src.height) return;
    const k = key >>> 0;
    const x0 = Math.max(0, x);
    let y0 = Math.max(0, y);
    const x1 = Math.max(0, -x);
    let y1 = Math.max(0, -y);
    const x0end = Math.min(this.width, x + src.width);
    const y0end = Math.min(this.height, y + src.height);
    for (; y0 < y0end; ++y0, ++y1) {
      let cx1 = x1;
      for (let cx0 = x0; cx0 < x0end; ++cx0, ++cx1) {
        let col = src.getPixel(cx1, y1);
        if (palette) col = col < palette.width ? palette.getPixel(col, 0) : 0;
        if (col !== k) this.setPixel(cx0, y0, col);
      }
    }
  }

  /** scroll(xstep, ystep): shifts the contents, leaving the uncovered area as it was. */
  scroll(xstep: number, ystep: number): void {
    if (Math.abs(xstep) >= this.width || Math.abs(ystep) >= this.height) return;
    const [sx, xend, dx] = xstep < 0 ? [0, this.width + xstep, 1] : [this.width - 1, xstep - 1, -1];
    const [sy, yend, dy] = ystep < 0 ? [0, this.height + ystep, 1] : [this.height - 1, ystep - 1, -1];
    for (let y = sy; y !== yend; y += dy) {
      for (let x = sx; x !== xend; x += dx) this.setPixel(x, y, this.getPixel(x - xstep, y - ystep));
    }
  }

  /**
   * text(s, x, y[, c]): draws the character codes of `s` in the 8x8 font, the upper-left corner at
   * (x, y); codes outside 32..127 draw glyph 127.
   */
  text(chars: ArrayLike<number>, x0: number, y0: number, col = 1): void {
    col >>>= 0;
    for (let n = 0; n < chars.length; n++) {
      let ch = chars[n];
      if (ch < 32 || ch > 127) ch = 127;
      const base = (ch - 32) * 8;
      for (let j = 0; j < 8; j++, x0++) {
        if (x0 < 0 || x0 >= this.width) continue;
        let column = FONT_8X8[base + j];
        for (let y = y0; column; column >>= 1, y++) {
          if (column & 1 && y >= 0 && y < this.height) this.setPixel(x0, y, col);
        }
      }
    }
  }

  /** Bytes the buffer protocol exposes (MicroPython returns the underlying buffer object). */
  get byteLength(): number {
    return this.buf.length;
  }
}
