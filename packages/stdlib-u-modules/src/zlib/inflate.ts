// DEFLATE decoder (RFC 1951) with zlib (RFC 1950) and gzip (RFC 1952) framing, written for `uzlib`
// (spec 4.1.20). It pulls input through a callback and produces output on demand, so DecompIO can stream
// without reading the compressed source ahead of need, and it knows exactly where the deflate data ends
// (to check the zlib/gzip trailer and leave trailing bytes unread, as CPython and MicroPython do).
// Huffman decoding follows the canonical-code counting method of Mark Adler's puff.c.

/** Malformed or truncated compressed data (CPython: zlib.error "Error -3/-5 while decompressing data: ..."). */
export class InflateError extends Error {
  /** zlib's status code: -3 for data errors, -5 for a truncated stream. */
  readonly code: number;
  constructor(message: string, code = -3) {
    super(message);
    this.name = 'InflateError';
    this.code = code;
  }
}

/** Input framing. */
export const FORMAT_RAW = 0;
export const FORMAT_ZLIB = 1;
export const FORMAT_GZIP = 2;
/** zlib or gzip, decided by the first bytes (CPython wbits 32+n). */
export const FORMAT_AUTO = 3;

/** Maps CPython/MicroPython `wbits` to a framing and window size. */
export function framingForWbits(wbits: number): { format: number; window: number } {
  if (wbits === 0) return { format: FORMAT_ZLIB, window: 15 };
  if (wbits >= 8 && wbits <= 15) return { format: FORMAT_ZLIB, window: wbits };
  if (wbits >= -15 && wbits <= -8) return { format: FORMAT_RAW, window: -wbits };
  if (wbits >= 24 && wbits <= 31) return { format: FORMAT_GZIP, window: wbits - 16 };
  if (wbits >= 40 && wbits <= 47) return { format: FORMAT_AUTO, window: wbits - 32 };
  throw new InflateError('Invalid initialization option', -2);
}

interface Huffman {
  count: Uint16Array; // codes per length 0..15
  symbol: Uint16Array; // symbols ordered by code
}

const MAXBITS = 15;
const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Builds a canonical Huffman decoder; returns the number of unused codes (< 0: over-subscribed). */
function build(h: Huffman, lengths: ArrayLike<number>, n: number): number {
  h.count.fill(0);
  for (let s = 0; s < n; s++) h.count[lengths[s]]++;
  if (h.count[0] === n) return 0;
  let left = 1;
  for (let len = 1; len <= MAXBITS; len++) {
    left <<= 1;
    left -= h.count[len];
    if (left < 0) return left;
  }
  const offs = new Uint16Array(MAXBITS + 1);
  for (let len = 1; len < MAXBITS; len++) offs[len + 1] = offs[len] + h.count[len];
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) h.symbol[offs[lengths[s]]++] = s;
  return left;
}

function newHuffman(n: number): Huffman {
  return { count: new Uint16Array(MAXBITS + 1), symbol: new Uint16Array(n) };
}

let fixedLit: Huffman | undefined;
let fixedDist: Huffman | undefined;
function fixedTables(): [Huffman, Huffman] {
  if (!fixedLit || !fixedDist) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    fixedLit = newHuffman(288);
    build(fixedLit, l, 288);
    fixedDist = newHuffman(30);
    build(fixedDist, new Uint8Array(30).fill(5), 30);
  }
  return [fixedLit, fixedDist];
}

const S_HEADER = 0;
const S_BLOCK = 1;
const S_STORED = 2;
const S_CODES = 3;
const S_TRAILER = 4;
const S_DONE = 5;

/** Pulls input: returns the next chunk, or null at end of input. */
export type InflateSource = () => Uint8Array | null;

export class Inflater {
  private readonly source: InflateSource;
  private format: number;
  private readonly windowBits: number;
  private input: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private bitbuf = 0;
  private bitcnt = 0;
  private state = S_HEADER;
  private last = false;
  private storedLeft = 0;
  private lit: Huffman = newHuffman(288);
  private dist: Huffman = newHuffman(30);
  /** Pending back-reference copy. */
  private copyLen = 0;
  private copyDist = 0;
  /** Sliding window of the last 32 KiB output. */
  private readonly window = new Uint8Array(32768);
  private wpos = 0;
  private wfull = false;
  private out: number[] = [];
  private check = 0; // adler32 (zlib) or crc32 (gzip) of the output
  private checkB = 0;
  private total = 0;

  constructor(source: InflateSource, format = FORMAT_ZLIB, windowBits = 15) {
    this.source = source;
    this.format = format;
    this.windowBits = windowBits;
    this.check = format === FORMAT_GZIP ? 0xffffffff : 1;
  }

  /** True once the stream (and its trailer) has been fully decoded. */
  get done(): boolean {
    return this.state === S_DONE;
  }

  /** Input bytes fetched from the source but not part of the compressed stream (CPython unused_data). */
  unusedInput(): Uint8Array {
    // Whole bytes still buffered in the bit buffer come first.
    const extra = this.bitcnt >> 3;
    const rest = this.input.subarray(this.pos);
    const out = new Uint8Array(extra + rest.length);
    for (let k = 0; k < extra; k++) out[k] = (this.bitbuf >>> (8 * k + (this.bitcnt & 7))) & 0xff;
    out.set(rest, extra);
    return out;
  }

  private byte(): number {
    while (this.pos >= this.input.length) {
      const next = this.source();
      if (next === null) throw new InflateError('incomplete or truncated stream', -5);
      this.input = next;
      this.pos = 0;
    }
    return this.input[this.pos++];
  }

  private bits(need: number): number {
    let val = this.bitbuf;
    while (this.bitcnt < need) {
      val |= this.byte() << this.bitcnt;
      this.bitcnt += 8;
    }
    this.bitbuf = val >>> need;
    this.bitcnt -= need;
    return val & ((1 << need) - 1);
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAXBITS; len++) {
      code |= this.bits(1);
      const count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new InflateError('invalid code');
  }

  private emit(b: number): void {
    this.out.push(b);
    this.total++;
    if (this.format === FORMAT_ZLIB) {
      let a = this.check + b;
      if (a >= 65521) a -= 65521;
      let bb = this.checkB + a;
      if (bb >= 65521) bb -= 65521;
      this.check = a;
      this.checkB = bb;
    } else if (this.format === FORMAT_GZIP) {
      // Kept inverted while running (as zlib's crc32 does internally).
      this.check = (crcTableGet()[(this.check ^ b) & 0xff] ^ (this.check >>> 8)) >>> 0;
    }
    this.window[this.wpos] = b;
    this.wpos = (this.wpos + 1) & 0x7fff;
    if (this.wpos === 0) this.wfull = true;
  }

  private header(): void {
    if (this.format === FORMAT_AUTO) {
      const b0 = this.byte();
      this.pos--;
      this.format = b0 === 0x1f ? FORMAT_GZIP : FORMAT_ZLIB;
      this.check = this.format === FORMAT_GZIP ? 0xffffffff : 1;
    }
    if (this.format === FORMAT_ZLIB) {
      const cmf = this.byte();
      const flg = this.byte();
      if (((cmf << 8) | flg) % 31 !== 0) throw new InflateError('incorrect header check');
      if ((cmf & 0x0f) !== 8) throw new InflateError('unknown compression method');
      if ((cmf >> 4) + 8 > this.windowBits) throw new InflateError('invalid window size');
      if (flg & 0x20) throw new InflateError('need dictionary', 2);
    } else if (this.format === FORMAT_GZIP) {
      if (this.byte() !== 0x1f || this.byte() !== 0x8b) throw new InflateError('incorrect header check');
      if (this.byte() !== 8) throw new InflateError('unknown compression method');
      const flags = this.byte();
      for (let k = 0; k < 6; k++) this.byte(); // mtime, xfl, os
      if (flags & 4) {
        const xlen = this.byte() | (this.byte() << 8);
        for (let k = 0; k < xlen; k++) this.byte();
      }
      if (flags & 8) while (this.byte() !== 0);
      if (flags & 16) while (this.byte() !== 0);
      if (flags & 2) {
        this.byte();
        this.byte();
      }
    }
    this.state = S_BLOCK;
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('too many length or distance symbols');
    const lengths = new Uint8Array(320);
    for (let i = 0; i < ncode; i++) lengths[CL_ORDER[i]] = this.bits(3);
    const lencode = newHuffman(19);
    if (build(lencode, lengths, 19) !== 0) throw new InflateError('invalid code lengths set');
    lengths.fill(0);
    let index = 0;
    while (index < nlen + ndist) {
      let sym = this.decode(lencode);
      if (sym < 16) {
        lengths[index++] = sym;
        continue;
      }
      let len = 0;
      if (sym === 16) {
        if (index === 0) throw new InflateError('invalid bit length repeat');
        len = lengths[index - 1];
        sym = 3 + this.bits(2);
      } else if (sym === 17) sym = 3 + this.bits(3);
      else sym = 11 + this.bits(7);
      if (index + sym > nlen + ndist) throw new InflateError('invalid bit length repeat');
      while (sym--) lengths[index++] = len;
    }
    if (lengths[256] === 0) throw new InflateError('invalid code -- missing end-of-block');
    this.lit = newHuffman(288);
    let err = build(this.lit, lengths, nlen);
    if (err < 0 || (err > 0 && nlen - this.lit.count[0] !== 1)) throw new InflateError('invalid literal/lengths set');
    this.dist = newHuffman(30);
    err = build(this.dist, lengths.subarray(nlen), ndist);
    if (err < 0 || (err > 0 && ndist - this.dist.count[0] !== 1)) throw new InflateError('invalid distances set');
  }

  /** Decodes until at least `want` output bytes are pending or the stream ends. */
  private fill(want: number): void {
    while (this.out.length < want && this.state !== S_DONE) {
      switch (this.state) {
        case S_HEADER:
          this.header();
          break;
        case S_BLOCK: {
          if (this.last) {
            this.state = S_TRAILER;
            break;
          }
          this.last = this.bits(1) === 1;
          const type = this.bits(2);
          if (type === 0) {
            this.bitbuf = 0;
            this.bitcnt = 0;
            const len = this.byte() | (this.byte() << 8);
            const nlen = this.byte() | (this.byte() << 8);
            if (len !== (~nlen & 0xffff)) throw new InflateError('invalid stored block lengths');
            this.storedLeft = len;
            this.state = S_STORED;
          } else if (type === 1) {
            [this.lit, this.dist] = fixedTables();
            this.state = S_CODES;
          } else if (type === 2) {
            this.dynamic();
            this.state = S_CODES;
          } else {
            throw new InflateError('invalid block type');
          }
          break;
        }
        case S_STORED:
          while (this.storedLeft > 0 && this.out.length < want) {
            this.emit(this.byte());
            this.storedLeft--;
          }
          if (this.storedLeft === 0) this.state = S_BLOCK;
          break;
        case S_CODES:
          this.codes(want);
          break;
        case S_TRAILER:
          this.trailer();
          break;
      }
    }
  }

  private codes(want: number): void {
    const win = this.window;
    while (this.out.length < want) {
      if (this.copyLen > 0) {
        while (this.copyLen > 0 && this.out.length < want) {
          this.emit(win[(this.wpos - this.copyDist) & 0x7fff]);
          this.copyLen--;
        }
        continue;
      }
      const sym = this.decode(this.lit);
      if (sym < 256) {
        this.emit(sym);
      } else if (sym === 256) {
        this.state = S_BLOCK;
        return;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('invalid literal/length code');
        this.copyLen = LEN_BASE[li] + this.bits(LEN_EXTRA[li]);
        const di = this.decode(this.dist);
        if (di >= 30) throw new InflateError('invalid distance code');
        this.copyDist = DIST_BASE[di] + this.bits(DIST_EXTRA[di]);
        const have = this.wfull ? 32768 : this.wpos;
        if (this.copyDist > have || this.copyDist > 1 << this.windowBits) throw new InflateError('invalid distance too far back');
      }
    }
  }

  private trailer(): void {
    // Discard the bits left in the current byte; whole bytes in the bit buffer are still input.
    this.bitbuf >>>= this.bitcnt & 7;
    this.bitcnt -= this.bitcnt & 7;
    const take = (): number => {
      if (this.bitcnt >= 8) {
        const b = this.bitbuf & 0xff;
        this.bitbuf >>>= 8;
        this.bitcnt -= 8;
        return b;
      }
      return this.byte();
    };
    if (this.format === FORMAT_ZLIB) {
      const want = ((take() << 24) | (take() << 16) | (take() << 8) | take()) >>> 0;
      if (want !== this.checkValue()) throw new InflateError('incorrect data check');
    } else if (this.format === FORMAT_GZIP) {
      const crc = (take() | (take() << 8) | (take() << 16) | (take() << 24)) >>> 0;
      const size = (take() | (take() << 8) | (take() << 16) | (take() << 24)) >>> 0;
      if (crc !== this.checkValue()) throw new InflateError('incorrect data check');
      if (size !== this.total >>> 0) throw new InflateError('incorrect length check');
    }
    this.state = S_DONE;
  }

  private checkValue(): number {
    return this.format === FORMAT_GZIP ? ~this.check >>> 0 : ((this.checkB << 16) | this.check) >>> 0;
  }

  /**
   * Returns up to `max` decompressed bytes (fewer only at the end of the stream; empty once done).
   * Checksums are verified as the trailer is reached.
   */
  read(max = Infinity): Uint8Array {
    const target = max === Infinity ? Infinity : Math.max(0, max);
    if (target === Infinity) {
      while (this.state !== S_DONE) this.fill(this.out.length + 65536);
    } else {
      this.fill(target);
    }
    const n = Math.min(this.out.length, target);
    const chunk = Uint8Array.from(this.out.slice(0, n));
    this.out = this.out.slice(n);
    // A stream whose last block ended exactly at the requested size still has its trailer to check.
    if (this.out.length === 0 && this.state !== S_DONE && n < target) this.fill(1);
    return chunk;
  }
}

let crcTable: Uint32Array | undefined;

function crcTableGet(): Uint32Array {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  return crcTable;
}

/** CRC-32 (IEEE, as zlib and binascii.crc32), continuing from `crc`. */
export function crc32(data: ArrayLike<number>, crc = 0): number {
  const table = crcTableGet();
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Decompresses a whole buffer (CPython zlib.decompress / MicroPython uzlib.decompress); trailing bytes are ignored. */
export function decompress(data: Uint8Array, wbits = 0): Uint8Array {
  const { format, window } = framingForWbits(wbits);
  let given = false;
  const inf = new Inflater(() => {
    if (given) return null;
    given = true;
    return data;
  }, format, window);
  return inf.read();
}
