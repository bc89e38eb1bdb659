// framebuf (spec 4.2.2): the FrameBuffer class over any buffer-protocol object, every drawing method
// (fill, pixel, hline, vline, line, rect, fill_rect, ellipse, poly, text, scroll, blit with a key, a
// palette and across formats) and the format constants. FrameBuffer is subclassable from Python (display
// drivers call super().__init__(buffer, width, height, format)); the object itself exposes the buffer.
import {
  PyInstance,
  PyTuple,
  bufferOf,
  defineType,
  isStr,
  newException,
  strVal,
  toArray,
  toIndex,
  truthy,
  typeError,
  typeName,
  types,
  utf8Encode,
  valueError,
  type PyModule,
  type PyType,
} from '@mpy-ts/core-vm';
import {
  ELLIPSE_MASK_ALL,
  FrameBuffer,
  FrameBufferError,
  GS2_HMSB,
  GS4_HMSB,
  GS8,
  MONO_HLSB,
  MONO_HMSB,
  MONO_VLSB,
  RGB565,
} from '../framebuf/framebuf.js';
import { PyArray } from './array.js';
import { makeModule } from './util.js';

export class PyFrameBuffer extends PyInstance {
  fb: FrameBuffer | null;
  /** The object whose buffer we draw into (the buffer protocol hands it back). */
  bufObj: any;
  constructor(type: PyType) {
    super(type);
    this.fb = null;
    this.bufObj = null;
  }
}

/** A small int argument (coordinates, sizes): mp_obj_get_int. */
/** A coordinate or size: MicroPython's mp_int_t, a 32-bit machine word on the ESP8266. */
function int(x: any): number {
  const v = toIndex(x);
  if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) {
    throw newException(types.overflowErrorType, 'overflow converting long int to machine word');
  }
  return v;
}

/** A colour: any int, taken modulo 2**32 as MicroPython's mp_obj_get_int does into a uint32. */
function colour(x: any): number {
  const v = toIndex(x);
  return typeof v === 'bigint' ? Number(BigInt.asUintN(32, v)) : v >>> 0;
}

function make(bufObj: any, w: any, h: any, fmt: any, stride: any): FrameBuffer {
  const buf = bufferOf(bufObj);
  if (buf === null || isStr(bufObj)) throw typeError(`object with buffer protocol required, not '${typeName(bufObj)}'`);
  const width = int(w);
  const height = int(h);
  try {
    return new FrameBuffer(buf, width, height, int(fmt), stride === undefined || stride === null ? width : int(stride));
  } catch (e) {
    if (e instanceof FrameBufferError) throw valueError(e.message);
    throw e;
  }
}

function live(self: PyFrameBuffer): FrameBuffer {
  if (self.fb === null) throw valueError('FrameBuffer not initialised');
  return self.fb;
}

/** blit's source or palette: a FrameBuffer, or a (buffer, width, height, format[, stride]) tuple. */
function sourceOf(x: any): FrameBuffer {
  if (x instanceof PyFrameBuffer) return live(x);
  if (x instanceof PyTuple) {
    if (x.items.length < 4 || x.items.length > 5) throw valueError('tuple must be (buffer, width, height, format[, stride])');
    const [b, w, h, f, s] = x.items;
    return make(b, w, h, f, s);
  }
  throw typeError(`expected a FrameBuffer or a tuple, not '${typeName(x)}'`);
}

function coordsOf(x: any): number[] {
  if (x instanceof PyArray) return x.items().map((v: any) => Number(v));
  return toArray(x).map(int);
}

let frameBufferType: PyType | null = null;

function getFrameBufferType(): PyType {
  if (frameBufferType !== null) return frameBufferType;
  const t = defineType({
    name: 'FrameBuffer',
    module: 'framebuf',
    instanceAttrs: false,
    alloc: (type) => new PyFrameBuffer(type),
    slots: {
      buffer: (x: PyFrameBuffer) => live(x).buf,
    },
    methods: {
      // FrameBuffer(buffer, width, height, format, stride=width)
      __init__: [(self: PyFrameBuffer, buf: any, w: any, h: any, fmt: any, stride: any) => {
        self.fb = make(buf, w, h, fmt, stride);
        self.bufObj = buf;
        return null;
      }, { params: 'self, buffer, width, height, format, stride', min: 5 }],
      // fill(c): "Fill the entire FrameBuffer with the specified color."
      fill: [(self: PyFrameBuffer, c: any) => (live(self).fill(colour(c)), null), 2],
      // pixel(x, y[, c]): get the colour of a pixel, or set it; outside the buffer: None / nothing.
      pixel: [(self: PyFrameBuffer, x: any, y: any, c: any) => {
        const r = live(self).pixel(int(x), int(y), c === undefined ? undefined : colour(c));
        return r === undefined ? null : r;
      }, { params: 'self, x, y, c', min: 3 }],
      hline: [(self: PyFrameBuffer, x: any, y: any, w: any, c: any) => (live(self).hline(int(x), int(y), int(w), colour(c)), null), 5],
      vline: [(self: PyFrameBuffer, x: any, y: any, h: any, c: any) => (live(self).vline(int(x), int(y), int(h), colour(c)), null), 5],
      // line(x1, y1, x2, y2, c): "a thickness of 1 pixel"
      line: [(self: PyFrameBuffer, x1: any, y1: any, x2: any, y2: any, c: any) => (live(self).line(int(x1), int(y1), int(x2), int(y2), colour(c)), null), 6],
      // rect(x, y, w, h, c[, f]): a 1 pixel outline (filled with f true)
      rect: [(self: PyFrameBuffer, x: any, y: any, w: any, h: any, c: any, f: any) =>
        (live(self).rect(int(x), int(y), int(w), int(h), colour(c), f !== undefined && truthy(f)), null), { params: 'self, x, y, w, h, c, f', min: 6 }],
      fill_rect: [(self: PyFrameBuffer, x: any, y: any, w: any, h: any, c: any) => (live(self).fillRect(int(x), int(y), int(w), int(h), colour(c)), null), 6],
      ellipse: [(self: PyFrameBuffer, x: any, y: any, xr: any, yr: any, c: any, f: any, m: any) =>
        (live(self).ellipse(int(x), int(y), int(xr), int(yr), colour(c), f !== undefined && truthy(f), m === undefined ? ELLIPSE_MASK_ALL : int(m)), null),
      { params: 'self, x, y, xr, yr, c, f, m', min: 6 }],
      poly: [(self: PyFrameBuffer, x: any, y: any, coords: any, c: any, f: any) =>
        (live(self).poly(int(x), int(y), coordsOf(coords), colour(c), f !== undefined && truthy(f)), null), { params: 'self, x, y, coords, c, f', min: 5 }],
      // text(s, x, y[, c]): 8x8 characters, colour 1 by default
      text: [(self: PyFrameBuffer, s: any, x: any, y: any, c: any) => {
        if (!isStr(s)) throw typeError(`can't convert '${typeName(s)}' object to str implicitly`);
        live(self).text(utf8Encode(strVal(s), 'surrogatepass'), int(x), int(y), c === undefined ? 1 : colour(c));
        return null;
      }, { params: 'self, s, x, y, c', min: 4 }],
      // scroll(xstep, ystep): "may leave a footprint of the previous colors"
      scroll: [(self: PyFrameBuffer, dx: any, dy: any) => (live(self).scroll(int(dx), int(dy)), null), 3],
      // blit(fbuf, x, y[, key[, palette]]): key is a transparent colour; works across formats
      blit: [(self: PyFrameBuffer, src: any, x: any, y: any, key: any, palette: any) => {
        const s = sourceOf(src);
        const k = key === undefined ? -1 : Number(BigInt.asIntN(32, BigInt(toIndex(key))));
        const p = palette === undefined || palette === null ? undefined : sourceOf(palette);
        live(self).blit(s, int(x), int(y), k, p);
        return null;
      }, { params: 'self, fbuf, x, y, key, palette', min: 4 }],
    },
  });
  frameBufferType = t;
  return t;
}

export function makeFramebufModule(name = 'framebuf'): PyModule {
  const t = getFrameBufferType();
  return makeModule(name, {
    FrameBuffer: { value: t },
    // FrameBuffer1(buffer, width, height[, stride]): the legacy MONO_VLSB constructor
    FrameBuffer1: [(buf: any, w: any, h: any, stride: any) => {
      const o = new PyFrameBuffer(t);
      o.fb = make(buf, w, h, MONO_VLSB, stride);
      o.bufObj = buf;
      return o;
    }, { params: 'buffer, width, height, stride', min: 3 }],
    MONO_VLSB: { value: MONO_VLSB },
    MVLSB: { value: MONO_VLSB },
    MONO_HLSB: { value: MONO_HLSB },
    MONO_HMSB: { value: MONO_HMSB },
    RGB565: { value: RGB565 },
    GS2_HMSB: { value: GS2_HMSB },
    GS4_HMSB: { value: GS4_HMSB },
    GS8: { value: GS8 },
  });
}
