// ustruct engine: format parsing, calcsize, pack, unpack. Spec 4.1.18 (`ustruct`); codes, prefixes,
// sizes and error messages follow CPython's struct module (Modules/_struct.c), which the spec defers to.
// The native ('@') model is the ESP8266's: 32-bit, little-endian, every scalar aligned to its size.

/** What went wrong, mapped by the binding to struct.error, OverflowError or TypeError. */
export type StructErrorKind = 'error' | 'overflow' | 'type';

export class StructError extends Error {
  readonly kind: StructErrorKind;
  constructor(message: string, kind: StructErrorKind = 'error') {
    super(message);
    this.name = 'StructError';
    this.kind = kind;
  }
}

/** Sizes of the native C types ('@' mode); the default is the ESP8266 (ILP32). */
export interface NativeModel {
  littleEndian: boolean;
  long: 4 | 8;
  pointer: 4 | 8;
}

export const ESP8266_NATIVE: NativeModel = { littleEndian: true, long: 4, pointer: 4 };

export interface StructItem {
  /** Format character. */
  code: string;
  /** Repeat count (for 's' and 'p': the field length; for 'x': the pad length). */
  count: number;
  /** Byte offset of the first element. */
  offset: number;
  /** Size of one element (for 's'/'p'/'x': 1). */
  size: number;
}

const STD_SIZES: Record<string, number> = {
  x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, p: 1,
};

function nativeSize(code: string, m: NativeModel): number | undefined {
  switch (code) {
    case 'l':
    case 'L':
      return m.long;
    case 'n':
    case 'N':
    case 'P':
      return m.pointer;
    default:
      return STD_SIZES[code];
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** A parsed format string (CPython's Struct). */
export class StructFormat {
  readonly format: string;
  readonly littleEndian: boolean;
  /** '@' (native size and alignment) or '=', '<', '>', '!' (standard sizes, no alignment). */
  readonly mode: string;
  readonly items: readonly StructItem[];
  /** calcsize(). */
  readonly size: number;
  /** Number of values pack() takes and unpack() returns. */
  readonly count: number;

  constructor(format: string, native: NativeModel = ESP8266_NATIVE) {
    this.format = format;
    let i = 0;
    let mode = '@';
    if (format.length > 0 && '@=<>!'.includes(format[0])) {
      mode = format[0];
      i = 1;
    }
    this.mode = mode;
    this.littleEndian = mode === '<' || ((mode === '@' || mode === '=') && native.littleEndian);
    const items: StructItem[] = [];
    let offset = 0;
    let count = 0;
    while (i < format.length) {
      const ch = format[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f') {
        i++;
        continue;
      }
      let n = 1;
      if (isDigit(ch)) {
        let digits = '';
        while (i < format.length && isDigit(format[i])) digits += format[i++];
        if (i >= format.length) throw new StructError('repeat count given without format specifier');
        n = Number(digits);
        if (!Number.isSafeInteger(n) || n > 0x7fffffff) throw new StructError('total struct size too long');
      }
      const code = format[i++];
      const size = mode === '@' ? nativeSize(code, native) : code === 'n' || code === 'N' || code === 'P' ? undefined : STD_SIZES[code];
      if (size === undefined) throw new StructError('bad char in struct format');
      if (mode === '@' && size > 1 && code !== 's' && code !== 'p') {
        offset = Math.ceil(offset / size) * size;
      }
      items.push({ code, count: n, offset, size });
      offset += code === 's' || code === 'p' || code === 'x' ? n : n * size;
      if (offset > 0x7fffffff) throw new StructError('total struct size too long');
      if (code === 's' || code === 'p') count += 1;
      else if (code !== 'x') count += n;
    }
    this.items = items;
    this.size = offset;
    this.count = count;
  }
}

/** How pack() reads the caller's values (Python objects in the binding). */
export interface PackSource<T> {
  /** The value as an integer (via __index__), or null if it is not one. */
  int(v: T): bigint | number | null;
  /** The value as a float (ints convert), or null if it is not a number. */
  float(v: T): number | null;
  /** The value's bytes if it is a bytes-like object, else null. */
  bytes(v: T): Uint8Array | null;
  /** Truth value (for '?'). */
  truth(v: T): boolean;
}

/** How unpack() builds the caller's values. */
export interface UnpackSink<R> {
  int(v: number | bigint): R;
  float(v: number): R;
  bytes(b: Uint8Array): R;
  bool(b: boolean): R;
}

function writeInt(view: DataView, at: number, size: number, v: bigint, le: boolean): void {
  // Two's complement over `size` bytes.
  let u = BigInt.asUintN(size * 8, v);
  for (let k = 0; k < size; k++) {
    view.setUint8(le ? at + k : at + size - 1 - k, Number(u & 0xffn));
    u >>= 8n;
  }
}

function readInt(view: DataView, at: number, size: number, signed: boolean, le: boolean): number | bigint {
  if (size <= 4) {
    let v = 0;
    for (let k = size - 1; k >= 0; k--) v = v * 256 + view.getUint8(le ? at + k : at + size - 1 - k);
    if (signed && v >= 2 ** (size * 8 - 1)) v -= 2 ** (size * 8);
    return v;
  }
  let u = 0n;
  for (let k = size - 1; k >= 0; k--) u = (u << 8n) | BigInt(view.getUint8(le ? at + k : at + size - 1 - k));
  const v = signed ? BigInt.asIntN(size * 8, u) : u;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const NAMED: Record<string, string> = { b: 'byte', B: 'ubyte', h: 'short', H: 'ushort' };
const INT64: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * CPython's message for an integer that does not fit its field, or null if it fits (Modules/_struct.c on
 * a 64-bit build). A value first goes through a C conversion: to `long` for signed fields and for
 * b/B and the little-endian/native h/H, to `unsigned long` for the other unsigned ones; failing that
 * gives "argument out of range" ("int too large to convert" for the big-endian 8-byte fields). Then b/B,
 * and h/H outside big-endian mode, name their C type ("byte format requires ..."); the others quote
 * their code ("'i' format requires ...").
 */
function rangeError(code: string, size: number, mode: string, n: bigint): string | null {
  const signed = code === 'b' || code === 'h' || code === 'i' || code === 'l' || code === 'q' || code === 'n';
  const bits = BigInt(size * 8);
  if (code === 'P') {
    if (n >= -(2n ** (bits - 1n)) && n <= 2n ** bits - 1n) return null;
    return 'int too large to convert';
  }
  const lo = signed ? -(2n ** (bits - 1n)) : 0n;
  const hi = signed ? 2n ** (bits - 1n) - 1n : 2n ** bits - 1n;
  if (n >= lo && n <= hi) return null;
  const big = mode === '>' || mode === '!';
  const named = NAMED[code] !== undefined && (size === 1 || !big);
  const viaLong = signed || named;
  if (viaLong ? n < INT64[0] || n > INT64[1] : n < 0n || n > UINT64_MAX) return big && size === 8 ? 'int too large to convert' : 'argument out of range';
  if (named) return `${NAMED[code]} format requires ${lo} <= number <= ${hi}`;
  return `'${code}' format requires ${lo} <= number <= ${hi}`;
}

/** IEEE 754 binary16 encoding with round-half-to-even (CPython PyFloat_Pack2). */
export function toHalf(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  // Subnormals: units of 2^-24.
  if (a < 2 ** -14) {
    const m = roundHalfEven(a * 2 ** 24);
    return sign | m; // m may round up to 0x400, which is the smallest normal: still correct bits
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) throw new StructError('float too large to pack with e format', 'overflow');
  return sign | ((e + 15) << 10) | m;
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * Packs `args` into `target` at `offset` (CPython semantics: exactly `fmt.count` values; struct.error
 * otherwise). The caller checks that the target is big enough.
 */
export function packInto<T>(fmt: StructFormat, target: Uint8Array, offset: number, args: readonly T[], src: PackSource<T>, what = 'pack'): void {
  checkArgCount(fmt, args.length, what);
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  const le = fmt.littleEndian;
  let ai = 0;
  for (const item of fmt.items) {
    const { code, count, size } = item;
    let at = offset + item.offset;
    if (code === 'x') {
      target.fill(0, at, at + count);
      continue;
    }
    if (code === 's' || code === 'p') {
      const b = src.bytes(args[ai++]);
      if (b === null) throw new StructError(`argument for '${code}' must be a bytes object`);
      if (code === 's') {
        const n = Math.min(b.length, count);
        target.set(b.subarray(0, n), at);
        target.fill(0, at + n, at + count);
      } else if (count > 0) {
        const n = Math.min(b.length, count - 1, 255);
        target[at] = n;
        target.set(b.subarray(0, n), at + 1);
        target.fill(0, at + 1 + n, at + count);
      }
      continue;
    }
    for (let k = 0; k < count; k++, at += size) {
      const v = args[ai++];
      switch (code) {
        case 'c': {
          const b = src.bytes(v);
          if (b === null || b.length !== 1) throw new StructError('char format requires a bytes object of length 1');
          target[at] = b[0];
          break;
        }
        case '?':
          target[at] = src.truth(v) ? 1 : 0;
          break;
        case 'e':
        case 'f':
        case 'd': {
          const x = src.float(v);
          if (x === null) throw new StructError('required argument is not a float');
          if (code === 'e') {
            let h: number;
            try {
              h = toHalf(x);
            } catch (e) {
              // CPython reports an int argument's overflow through its int conversion path
              if (e instanceof StructError && src.int(v) !== null) throw new StructError('int too large to convert');
              throw e;
            }
            view.setUint16(at, h, le);
          } else if (code === 'f') {
            // Standard sizes check the range; native mode converts as C does (to infinity).
            if (fmt.mode !== '@' && Number.isFinite(x) && !Number.isFinite(Math.fround(x))) throw new StructError('float too large to pack with f format', 'overflow');
            view.setFloat32(at, x, le);
          } else {
            view.setFloat64(at, x, le);
          }
          break;
        }
        default: {
          const raw = src.int(v);
          if (raw === null) throw new StructError('required argument is not an integer');
          const n = BigInt(raw);
          const err = rangeError(code, size, fmt.mode, n);
          if (err !== null) throw new StructError(err);
          writeInt(view, at, size, n, le);
        }
      }
    }
  }
}

/** CPython checks the number of values first (before buffer space): struct.error if it is not exact. */
export function checkArgCount(fmt: StructFormat, n: number, what = 'pack'): void {
  if (n !== fmt.count) throw new StructError(`${what} expected ${fmt.count} items for packing (got ${n})`);
}

/** pack(): a new buffer of calcsize() bytes. */
export function pack<T>(fmt: StructFormat, args: readonly T[], src: PackSource<T>): Uint8Array {
  const out = new Uint8Array(fmt.size);
  packInto(fmt, out, 0, args, src);
  return out;
}

/** Resolves an offset (negative counts from the end) for pack_into/unpack_from, with CPython's errors. */
export function resolveOffset(fmt: StructFormat, bufLen: number, offset: number, what: 'pack_into' | 'unpack_from'): number {
  if (offset < 0) {
    if (offset + fmt.size > 0) {
      throw new StructError(what === 'pack_into' ? `no space to pack ${fmt.size} bytes at offset ${offset}` : `not enough data to unpack ${fmt.size} bytes at offset ${offset}`);
    }
    if (offset + bufLen < 0) throw new StructError(`offset ${offset} out of range for ${bufLen}-byte buffer`);
    offset += bufLen;
  }
  if (bufLen - offset < fmt.size) {
    const verb = what === 'pack_into' ? 'packing' : 'unpacking';
    throw new StructError(`${what} requires a buffer of at least ${fmt.size + offset} bytes for ${verb} ${fmt.size} bytes at offset ${offset} (actual buffer size is ${bufLen})`);
  }
  return offset;
}

/** unpack_from() at a resolved offset; unpack() also checks the exact size. */
export function unpackFrom<R>(fmt: StructFormat, buf: Uint8Array, offset: number, sink: UnpackSink<R>): R[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = fmt.littleEndian;
  const out: R[] = [];
  for (const item of fmt.items) {
    const { code, count, size } = item;
    let at = offset + item.offset;
    if (code === 'x') continue;
    if (code === 's') {
      out.push(sink.bytes(buf.slice(at, at + count)));
      continue;
    }
    if (code === 'p') {
      if (count === 0) {
        out.push(sink.bytes(new Uint8Array(0)));
        continue;
      }
      const n = Math.min(buf[at], count - 1);
      out.push(sink.bytes(buf.slice(at + 1, at + 1 + n)));
      continue;
    }
    for (let k = 0; k < count; k++, at += size) {
      switch (code) {
        case 'c':
          out.push(sink.bytes(buf.slice(at, at + 1)));
          break;
        case '?':
          out.push(sink.bool(buf[at] !== 0));
          break;
        case 'e':
          out.push(sink.float(fromHalf(view.getUint16(at, le))));
          break;
        case 'f':
          out.push(sink.float(view.getFloat32(at, le)));
          break;
        case 'd':
          out.push(sink.float(view.getFloat64(at, le)));
          break;
        default: {
          const signed = code === 'b' || code === 'h' || code === 'i' || code === 'l' || code === 'q' || code === 'n';
          out.push(sink.int(readInt(view, at, size, signed, le)));
        }
      }
    }
  }
  return out;
}

export function unpack<R>(fmt: StructFormat, buf: Uint8Array, sink: UnpackSink<R>): R[] {
  if (buf.length !== fmt.size) throw new StructError(`unpack requires a buffer of ${fmt.size} bytes`);
  return unpackFrom(fmt, buf, 0, sink);
}
