// Viper code at run time (MicroPython's py/nativeglue.c mp_convert_obj_to_native and the loads, stores
// and machine arithmetic py/emitnative.c emits): the VIPER_* opcodes, and the simulated memory that
// viper pointers address.
//
// Values: the compiler tracks viper types statically; on the stack a native value is the Python object
// MicroPython would box it as: int -> an int in [-2**31, 2**31), uint and pointers -> an int in
// [0, 2**32), bool -> a bool. So passing a native value to Python code costs nothing.
//
// Memory: a pointer is an address in a simulated 32-bit little-endian address space (ESP8266). Taking the
// address of a buffer-protocol object maps its storage (the ArrayBuffer behind it) at a stable address
// the first time; later loads and stores through any pointer into that range read and write the
// object's bytes. A bytearray that grows past its storage gets new storage, hence a new address (as a
// realloc on the board); old pointers then address the old storage. Access outside every mapped buffer
// raises OSError(EFAULT) where the board would read or write arbitrary memory; an access running past
// the end of a mapped buffer raises IndexError; a store into a bytes object (read-only) raises TypeError.
import { VT_BOOL, VT_INT, VT_UINT, BINARY_ADD, BINARY_SUBTRACT, BINARY_MULTIPLY, BINARY_FLOOR_DIVIDE, BINARY_MODULO,
  BINARY_LSHIFT, BINARY_RSHIFT, BINARY_AND, BINARY_OR, BINARY_XOR, COMPARE_LT, COMPARE_LE, COMPARE_EQ,
  COMPARE_NE, COMPARE_GT, COMPARE_GE } from '@mpy-ts/bytecode';
import { asInt, truthy, typeName } from './runtime.js';
import { PyBytes, PyMemoryView, bufferOf } from './objects/bytes.js';
import { typeError, indexError, memoryError, zeroDivisionError, osErrorFromErrno, valueError, type PyBaseException } from './objects/exceptions.js';

const EFAULT = 14;

interface Region {
  start: number;
  /** Bytes reserved in the address space (the storage's size, or its maximum if resizable). */
  size: number;
  /** The storage, held while the region is resident (mapped); null once evicted. */
  buf: ArrayBufferLike | null;
  readonly: boolean;
  /** When the region was last mapped or accessed (for eviction, oldest first). */
  stamp: number;
}

/** Bytes a region occupies in the address space: its size plus a gap, rounded to 16. */
function extent(size: number): number {
  return Math.ceil((size + 16) / 16) * 16;
}

/**
 * A simulated 32-bit address space in which buffers' storage is mapped at stable addresses.
 *
 * The map from storage to region is a WeakMap (it never keeps storage alive). The way back, from an
 * address to the storage, needs a strong reference: WeakRef cannot be used, since a WeakRef keeps its
 * target alive until the end of the current JS job, and a whole program runs in one job (every buffer
 * ever addressed would stay alive and its addresses could never be reused). So resident regions hold
 * their storage strongly, within a budget (bytes and region count); past it the least recently used
 * regions are evicted: their storage is released and their addresses become unmapped (OSError EFAULT
 * through a stale pointer, as after a free on the board) and reusable. An evicted buffer that is
 * addressed again gets its old address back when it is still free.
 */
export class AddressSpace {
  private readonly byBuffer = new WeakMap<ArrayBufferLike, Region>();
  /** The resident regions, sorted by start. */
  private regions: Region[] = [];
  private next: number;
  private readonly first: number;
  private readonly maxBytes: number;
  private readonly maxRegions: number;
  private residentBytes = 0;
  private clock = 0;
  /** The last region accessed, with a byte view of its storage. */
  private lastRegion: Region | null = null;
  private lastBytes: Uint8Array | null = null;

  /**
   * `first`: where the first buffer goes (default: the ESP8266's data RAM, 0x3FFE8000); `maxBytes` and
   * `maxRegions`: the budget of storage held for resident regions.
   */
  constructor(first = 0x3ffe8000, maxBytes = 256 * 1024 * 1024, maxRegions = 8192) {
    this.first = first;
    this.maxBytes = maxBytes;
    this.maxRegions = maxRegions;
    this.next = first;
  }

  /** The address of `bytes[0]`, mapping its storage if needed; `readonly` marks a bytes object's storage. */
  addressOf(bytes: Uint8Array, readonly: boolean): number {
    const ab = bytes.buffer;
    let r = this.byBuffer.get(ab);
    if (r === undefined) {
      const size = Math.max(1, (ab as { maxByteLength?: number }).maxByteLength ?? ab.byteLength);
      r = { start: -1, size, buf: null, readonly, stamp: 0 };
      this.byBuffer.set(ab, r);
    } else if (!readonly) {
      r.readonly = false;
    }
    r.stamp = ++this.clock;
    if (r.buf === null) this.map(r, ab);
    return (r.start + bytes.byteOffset) >>> 0;
  }

  /** Make r resident (at its old address when that is still free, else at a new one). */
  private map(r: Region, ab: ArrayBufferLike): void {
    const need = extent(r.size);
    if (this.residentBytes + r.size > this.maxBytes || this.regions.length + 1 > this.maxRegions) this.evict(need, false);
    if (r.start < 0 || !this.isFree(r.start, need)) r.start = this.allocate(need);
    r.buf = ab;
    this.residentBytes += r.size;
    const rs = this.regions;
    let i = rs.length;
    while (i > 0 && rs[i - 1].start > r.start) i--;
    rs.splice(i, 0, r);
  }

  /** Whether [start, start + need) overlaps no resident region and lies in the space. */
  private isFree(start: number, need: number): boolean {
    if (start < this.first || start + need > 0x100000000) return false;
    const rs = this.regions;
    let lo = 0;
    let hi = rs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rs[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < rs.length && rs[lo].start < start + need) return false;
    return !(lo > 0 && rs[lo - 1].start + extent(rs[lo - 1].size) > start);
  }

  /** Reserve `need` bytes: fresh addresses first, then a hole, evicting old regions to make one. */
  private allocate(need: number): number {
    if (this.next + need <= 0x100000000) {
      const start = this.next;
      this.next += need;
      return start;
    }
    let a = this.hole(need);
    if (a < 0) {
      this.evict(need, true);
      a = this.hole(need);
    }
    if (a < 0) throw memoryError('viper: simulated address space exhausted');
    return a;
  }

  /** The first gap of `need` bytes between resident regions (-1 if none). */
  private hole(need: number): number {
    let prevEnd = this.first;
    const rs = this.regions;
    for (let i = 0; i <= rs.length; i++) {
      const nextStart = i < rs.length ? rs[i].start : 0x100000000;
      if (nextStart - prevEnd >= need) return prevEnd;
      if (i < rs.length) prevEnd = rs[i].start + extent(rs[i].size);
    }
    return -1;
  }

  /**
   * Evict the least recently used regions down to half the budget, always keeping the 16 most recent
   * (a function's pointer arguments stay valid however large), or (`all`: the space is full) every
   * region but the one being mapped.
   */
  private evict(need: number, all: boolean): void {
    const rs = this.regions;
    if (rs.length === 0) return;
    const order = rs.slice().sort((p, q) => p.stamp - q.stamp);
    let bytes = this.residentBytes;
    let count = rs.length;
    const limit = all ? order.length : order.length - 16;
    for (let i = 0; i < limit; i++) {
      const r = order[i];
      if (!all && bytes + need <= this.maxBytes / 2 && count < this.maxRegions / 2) break;
      if (r.stamp === this.clock) continue; // mapped for the conversion in progress
      r.buf = null;
      bytes -= r.size;
      count--;
    }
    this.regions = rs.filter((r) => r.buf !== null);
    this.residentBytes = bytes;
    this.lastRegion = null;
    this.lastBytes = null;
  }

  /** Map a buffer-protocol object (or memoryview) and return its address. */
  mapObject(x: any): number | null {
    let bytes: Uint8Array | null;
    let ro: boolean;
    if (x instanceof PyMemoryView) {
      if (x.released) throw valueError('operation forbidden on released memoryview object');
      const base = bufferOf(x.obj);
      if (base === null) return null;
      bytes = base.subarray(Math.min(x.start, base.length));
      ro = x.readonly || x.obj instanceof PyBytes;
    } else {
      bytes = bufferOf(x);
      ro = x instanceof PyBytes;
    }
    if (bytes === null) return null;
    return this.addressOf(bytes, ro);
  }

  /**
   * The storage holding [addr, addr + n) as a byte view and the offset of addr in it. OSError(EFAULT)
   * outside every mapped buffer, IndexError past the end of one, TypeError for a store to read-only memory.
   */
  access(addr: number, n: number, write: boolean): { bytes: Uint8Array; offset: number } {
    let r = this.lastRegion;
    let bytes = this.lastBytes;
    if (r === null || bytes === null || addr < r.start || addr >= r.start + r.size + 16 || bytes.buffer.byteLength !== bytes.length) {
      r = this.find(addr);
      if (r === null || r.buf === null) throw this.fault(addr);
      r.stamp = ++this.clock;
      bytes = new Uint8Array(r.buf);
      this.lastRegion = r;
      this.lastBytes = bytes;
    }
    const offset = addr - r.start;
    if (offset + n > bytes.length) {
      throw indexError(`viper: access to ${n} byte(s) at 0x${addr.toString(16)} is past the end of a ${bytes.length}-byte buffer`);
    }
    if (write && r.readonly) throw typeError("viper: can't store to a read-only buffer (bytes)");
    return { bytes, offset };
  }

  /**
   * A live view of the n bytes at addr when they lie within one mapped buffer (null otherwise). `pin`:
   * the storage the caller expects there, mapped back (at its old address when still free) if it was
   * evicted: for holders of raw addresses that keep their storage alive themselves (uctypes structures).
   */
  view(addr: number, n: number, pin: ArrayBufferLike | null = null): Uint8Array | null {
    let r = this.find(addr);
    if ((r === null || r.buf === null) && pin !== null) {
      const p = this.byBuffer.get(pin);
      if (p !== undefined && p.buf === null) {
        p.stamp = ++this.clock;
        this.map(p, pin);
        r = this.find(addr);
      }
    }
    if (r === null || r.buf === null) return null;
    r.stamp = ++this.clock;
    const offset = addr - r.start;
    if (offset + n > r.buf.byteLength) return null;
    return new Uint8Array(r.buf, offset, n);
  }

  /** The storage of the mapped buffer at addr (null if none). */
  storageAt(addr: number): ArrayBufferLike | null {
    return this.find(addr)?.buf ?? null;
  }

  /** The region with the greatest start <= addr whose reservation (plus its gap) covers addr. */
  private find(addr: number): Region | null {
    const rs = this.regions;
    let lo = 0;
    let hi = rs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rs[mid].start <= addr) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) return null;
    const r = rs[found];
    return addr < r.start + r.size + 16 ? r : null;
  }

  private fault(addr: number): PyBaseException {
    void addr;
    return osErrorFromErrno(EFAULT);
  }
}

/** The address space viper pointers (and uctypes addresses) use: one per process, so they are interchangeable. */
export const viperMemory = new AddressSpace();

/** A Python int (or bool) as a signed 32-bit machine word (mp_obj_get_int_truncated). */
function word(x: any): number {
  if (typeof x === 'number') return x | 0;
  if (typeof x === 'boolean') return x ? 1 : 0;
  const v = asInt(x);
  if (v === undefined) throw typeError(`can't convert ${typeName(x)} to int`);
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0;
}

/** VIPER_CONV: x converted to native type t (VT_BOOL..VT_PTR32), as the Python object that stands for it. */
export function viperConv(x: any, t: number): any {
  switch (t) {
    case VT_BOOL:
      return truthy(x);
    case VT_INT:
      return word(x);
    case VT_UINT:
      return word(x) >>> 0;
    default: {
      // a pointer: the address of a buffer, or an int taken as an address
      if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint' || asInt(x) !== undefined) return word(x) >>> 0;
      const a = viperMemory.mapObject(x);
      if (a === null) throw typeError(`can't convert ${typeName(x)} to int`);
      return a;
    }
  }
}

/** VIPER_BINOP: 32-bit machine arithmetic or comparison; arg = binary opcode | (native type << 8). */
export function viperBinop(arg: number, a: any, b: any): any {
  const o = arg & 0xff;
  const unsigned = arg >> 8 !== VT_INT;
  const x = word(a);
  const y = word(b);
  let r: number;
  switch (o) {
    case BINARY_ADD:
      r = x + y;
      break;
    case BINARY_SUBTRACT:
      r = x - y;
      break;
    case BINARY_MULTIPLY:
      r = Math.imul(x, y);
      break;
    case BINARY_LSHIFT:
      r = x << y; // the shift count taken modulo 32, as the Xtensa (and x86) shifters do
      break;
    case BINARY_RSHIFT:
      r = unsigned ? (x >>> 0) >>> y : x >> y;
      break;
    case BINARY_AND:
      r = x & y;
      break;
    case BINARY_OR:
      r = x | y;
      break;
    case BINARY_XOR:
      r = x ^ y;
      break;
    case BINARY_FLOOR_DIVIDE:
      if (y === 0) throw zeroDivisionError('division by zero');
      r = Math.floor(x / y);
      break;
    case BINARY_MODULO:
      if (y === 0) throw zeroDivisionError('division by zero');
      r = x % y;
      if (r !== 0 && r < 0 !== y < 0) r += y;
      break;
    default: {
      const p = unsigned ? x >>> 0 : x;
      const q = unsigned ? y >>> 0 : y;
      switch (o) {
        case COMPARE_LT:
          return p < q;
        case COMPARE_LE:
          return p <= q;
        case COMPARE_EQ:
          return p === q;
        case COMPARE_NE:
          return p !== q;
        case COMPARE_GT:
          return p > q;
        case COMPARE_GE:
          return p >= q;
        default:
          throw typeError(`viper: bad binary op ${o}`);
      }
    }
  }
  return unsigned ? r >>> 0 : r | 0;
}

/** VIPER_LOAD: the n-byte little-endian word at p + i*n (n = 4: signed, as a native int). */
export function viperLoad(n: number, p: any, i: any): number {
  const addr = ((word(p) >>> 0) + Math.imul(word(i), n)) >>> 0;
  const { bytes, offset } = viperMemory.access(addr, n, false);
  if (n === 1) return bytes[offset];
  if (n === 2) return bytes[offset] | (bytes[offset + 1] << 8);
  return bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24);
}

/** VIPER_STORE: the low n bytes of v at p + i*n. */
export function viperStore(n: number, v: any, p: any, i: any): void {
  const x = word(v);
  const addr = ((word(p) >>> 0) + Math.imul(word(i), n)) >>> 0;
  const { bytes, offset } = viperMemory.access(addr, n, true);
  bytes[offset] = x;
  if (n >= 2) bytes[offset + 1] = x >> 8;
  if (n === 4) {
    bytes[offset + 2] = x >> 16;
    bytes[offset + 3] = x >> 24;
  }
}
