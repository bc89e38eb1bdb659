// uctypes engine: descriptor decoding, sizeof, and field access over a simulated address space.
// Spec 4.2.6 (`uctypes`); encodings, layout rules and error behaviour follow MicroPython's
// extmod/moductypes.c (the descriptor integers are bit fields: 4-bit scalar type | 5-bit bitfield length |
// 5-bit bitfield position | 17-bit offset, or 2-bit aggregate type | offset). The machine is the ESP8266:
// little-endian, 32-bit pointers.

export const LITTLE_ENDIAN = 0;
export const BIG_ENDIAN = 1;
export const NATIVE = 2;

const UINT8 = 0;
const INT64 = 7;
const BFUINT8 = 8;
const BFINT32 = 13;
const FLOAT32 = 14;
const FLOAT64 = 15;

const STRUCT = 0;
const PTR = 1;
const ARRAY = 2;

/** The value of a scalar type constant as Python sees it (MicroPython's TYPE2SMALLINT(x, 4)). */
function typeConst(t: number): number {
  return (t << 28) >> 1;
}

/** Module constants with MicroPython's values. */
export const UCTYPES_CONSTANTS: Readonly<Record<string, number>> = {
  LITTLE_ENDIAN,
  BIG_ENDIAN,
  NATIVE,
  VOID: typeConst(UINT8),
  UINT8: typeConst(0),
  INT8: typeConst(1),
  UINT16: typeConst(2),
  INT16: typeConst(3),
  UINT32: typeConst(4),
  INT32: typeConst(5),
  UINT64: typeConst(6),
  INT64: typeConst(7),
  BFUINT8: typeConst(8),
  BFINT8: typeConst(9),
  BFUINT16: typeConst(10),
  BFINT16: typeConst(11),
  BFUINT32: typeConst(12),
  BFINT32: typeConst(13),
  FLOAT32: typeConst(14),
  FLOAT64: typeConst(15),
  BF_POS: 17,
  BF_LEN: 22,
  PTR: (PTR << 30) >> 1,
  ARRAY: (ARRAY << 30) >> 1,
  SHORT: typeConst(3),
  USHORT: typeConst(2),
  INT: typeConst(5),
  UINT: typeConst(4),
  LONG: typeConst(5),
  ULONG: typeConst(4),
  LONGLONG: typeConst(7),
  ULONGLONG: typeConst(6),
};

const POINTER_SIZE = 4;

/** Descriptor values as the engine sees them (the binding adapts Python ints, tuples and dicts). */
export type Desc =
  | { kind: 'int'; value: number }
  | { kind: 'tuple'; items: readonly Desc[] }
  | { kind: 'dict'; get(name: string): Desc | undefined; values(): Desc[] }
  | { kind: 'other' };

export type UctypesErrorKind = 'type' | 'index' | 'fault';

/** 'type' -> TypeError, 'index' -> IndexError, 'fault' -> OSError(EFAULT) (unmapped memory). */
export class UctypesError extends Error {
  readonly kind: UctypesErrorKind;
  constructor(message: string, kind: UctypesErrorKind = 'type') {
    super(message);
    this.name = 'UctypesError';
    this.kind = kind;
  }
}

function syntaxError(): never {
  throw new UctypesError('syntax error in uctypes descriptor');
}

/** GET_TYPE(x, nbits): the top `nbits` of a 31-bit small int. */
function getType(x: number, nbits: number): number {
  return (x >> (31 - nbits)) & ((1 << nbits) - 1);
}
/** x & VALUE_MASK(nbits). */
function valueBits(x: number, nbits: number): number {
  return x & ~(0x80000000 >> nbits);
}

function scalarSize(valType: number): number {
  if (valType === FLOAT32) return 4;
  return 1 << ((valType & 7) >> 1);
}

/** A memory model: buffers mapped at stable addresses in a 32-bit space. */
export class AddressSpace {
  private readonly bases = new WeakMap<ArrayBufferLike, number>();
  private regions: { start: number; size: number; ref: WeakRef<ArrayBufferLike> }[] = [];
  private next: number;

  constructor(firstAddress = 0x3fff0000) {
    this.next = firstAddress;
  }

  /** addressof(): the address of `buf`'s first byte, allocating a region for its ArrayBuffer. */
  addressOf(buf: Uint8Array): number {
    const ab = buf.buffer;
    let base = this.bases.get(ab);
    if (base === undefined) {
      const size = Math.max(1, (ab as { maxByteLength?: number }).maxByteLength ?? ab.byteLength);
      this.regions = this.regions.filter((r) => r.ref.deref() !== undefined);
      if (this.next + size > 0xffffffff) throw new UctypesError('address space exhausted', 'fault');
      base = this.next;
      this.next = (this.next + size + 15) & ~7;
      this.next >>>= 0;
      this.bases.set(ab, base);
      this.regions.push({ start: base, size, ref: new WeakRef(ab) });
    }
    return (base + buf.byteOffset) >>> 0;
  }

  /** The bytes at [addr, addr+len) as a view sharing memory, or UctypesError('fault'). */
  view(addr: number, len: number): Uint8Array {
    for (const r of this.regions) {
      if (addr >= r.start && addr + len <= r.start + r.size) {
        const ab = r.ref.deref();
        if (ab !== undefined && addr - r.start + len <= ab.byteLength) return new Uint8Array(ab, addr - r.start, len);
      }
    }
    throw new UctypesError(`invalid memory access at 0x${addr.toString(16)}`, 'fault');
  }
}

function maxOf(m: { v: number }, s: number): void {
  if (s > m.v) m.v = s;
}

function aggSize(items: readonly Desc[], layout: number, maxField: { v: number }): number {
  if (items.length === 0 || items[0].kind !== 'int') syntaxError();
  const aggType = getType(items[0].value, 2);
  switch (aggType) {
    case STRUCT:
      if (items.length !== 2) syntaxError();
      return sizeOfDesc(items[1], layout, maxField);
    case PTR:
      if (items.length !== 2) syntaxError();
      maxOf(maxField, POINTER_SIZE);
      return POINTER_SIZE;
    case ARRAY: {
      if (items.length < 2 || items.length > 3 || items[1].kind !== 'int') syntaxError();
      const sz = items[1].value;
      const valType = getType(sz, 4);
      const n = valueBits(sz, 4);
      let itemSize: number;
      if (items.length === 2) {
        itemSize = scalarSize(valType);
        maxOf(maxField, itemSize);
      } else {
        itemSize = sizeOfDesc(items[2], layout, maxField);
      }
      return itemSize * n;
    }
    default:
      return syntaxError();
  }
}

/** uctypes.sizeof() of a descriptor (dict, aggregate tuple); NATIVE rounds up to the largest field. */
export function sizeOfDesc(desc: Desc, layout: number, maxField = { v: 0 }): number {
  if (desc.kind === 'tuple') return aggSize(desc.items, layout, maxField);
  if (desc.kind === 'int') throw new UctypesError('Cannot unambiguously get sizeof scalar');
  if (desc.kind !== 'dict') syntaxError();
  let total = 0;
  for (const v of desc.values()) {
    if (v.kind === 'int') {
      const valType = getType(v.value, 4);
      let offset = valueBits(v.value, 4);
      if (valType >= BFUINT8 && valType <= BFINT32) offset &= (1 << 17) - 1;
      const s = scalarSize(valType);
      maxOf(maxField, s);
      total = Math.max(total, offset + s);
    } else if (v.kind === 'tuple') {
      if (v.items.length === 0 || v.items[0].kind !== 'int') syntaxError();
      const offset = valueBits(v.items[0].value, 2);
      total = Math.max(total, offset + aggSize(v.items, layout, maxField));
    } else {
      syntaxError();
    }
  }
  if (layout === NATIVE && maxField.v > 0) total = Math.ceil(total / maxField.v) * maxField.v;
  return total;
}

/** A value read from a field or element. */
export type FieldValue =
  | { kind: 'int'; value: number | bigint }
  | { kind: 'float'; value: number }
  | { kind: 'struct'; ref: StructRef }
  /** An array of UINT8: bytearray_at(addr, size) (by reference). */
  | { kind: 'bytes'; addr: number; size: number };

/** A value to store: a Python int (bigint) or float. */
export type StoreValue = { int: bigint } | { float: number };

function toNumber(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** An instantiated structure: uctypes.struct(addr, desc, layout) or a sub-aggregate of one. */
export class StructRef {
  readonly mem: AddressSpace;
  readonly addr: number;
  readonly desc: Desc;
  readonly layout: number;

  constructor(mem: AddressSpace, addr: number, desc: Desc, layout = NATIVE) {
    this.mem = mem;
    this.addr = addr >>> 0;
    this.desc = desc;
    this.layout = layout;
  }

  private le(): boolean {
    return this.layout !== BIG_ENDIAN; // NATIVE is the ESP8266's little-endian
  }

  /** An integer field's value (valType < 8). */
  private readInt(valType: number, addr: number): number | bigint {
    const v = this.readScalar(valType, addr);
    return v.kind === 'int' ? v.value : 0;
  }

  private readScalar(valType: number, addr: number): { kind: 'int'; value: number | bigint } | { kind: 'float'; value: number } {
    if (valType === FLOAT32 || valType === FLOAT64) {
      const size = valType === FLOAT32 ? 4 : 8;
      const b = this.mem.view(addr, size);
      const dv = new DataView(b.buffer, b.byteOffset, size);
      return { kind: 'float', value: size === 4 ? dv.getFloat32(0, this.le()) : dv.getFloat64(0, this.le()) };
    }
    const size = scalarSize(valType);
    const b = this.mem.view(addr, size);
    let u = 0n;
    for (let k = 0; k < size; k++) u = (u << 8n) | BigInt(b[this.le() ? size - 1 - k : k]);
    const v = valType & 1 ? BigInt.asIntN(size * 8, u) : u;
    return { kind: 'int', value: toNumber(v) };
  }

  private writeScalar(valType: number, addr: number, value: StoreValue): void {
    if (valType === FLOAT32 || valType === FLOAT64) {
      const x = 'float' in value ? value.float : Number(value.int);
      const size = valType === FLOAT32 ? 4 : 8;
      const b = this.mem.view(addr, size);
      const dv = new DataView(b.buffer, b.byteOffset, size);
      if (size === 4) dv.setFloat32(0, x, this.le());
      else dv.setFloat64(0, x, this.le());
      return;
    }
    if (!('int' in value)) throw new UctypesError("can't convert float to int");
    const size = scalarSize(valType);
    const b = this.mem.view(addr, size);
    let u = BigInt.asUintN(size * 8, value.int);
    for (let k = 0; k < size; k++) {
      b[this.le() ? k : size - 1 - k] = Number(u & 0xffn);
      u >>= 8n;
    }
  }

  private fields(): Extract<Desc, { kind: 'dict' }> {
    if (this.desc.kind !== 'dict') throw new UctypesError('struct: no fields');
    return this.desc;
  }

  private field(name: string): Desc {
    const d = this.fields().get(name);
    if (d === undefined) throw new UctypesError(`no such field '${name}'`, 'type');
    return d;
  }

  /** Reading attribute `name`. */
  getField(name: string): FieldValue {
    const d = this.field(name);
    if (d.kind === 'int') {
      const valType = getType(d.value, 4);
      const offset = valueBits(d.value, 4);
      if (valType <= INT64 || valType === FLOAT32 || valType === FLOAT64) return this.readScalar(valType, this.addr + offset);
      // Bitfield: read the containing UINT8/16/32, then shift and mask.
      const bitOffset = (offset >> 17) & 31;
      const bitLen = (offset >> 22) & 31;
      const base = this.readInt(valType & 6, this.addr + (offset & ((1 << 17) - 1)));
      let v = (Number(base) / 2 ** bitOffset) >>> 0;
      v = bitLen >= 32 ? v : v & ((2 ** bitLen) - 1);
      if (valType & 1 && bitLen > 0 && bitLen < 32 && v >= 2 ** (bitLen - 1)) v -= 2 ** bitLen;
      return { kind: 'int', value: v };
    }
    if (d.kind !== 'tuple') syntaxError();
    if (d.items.length === 0 || d.items[0].kind !== 'int') syntaxError();
    const aggType = getType(d.items[0].value, 2);
    const offset = valueBits(d.items[0].value, 2);
    if (aggType === STRUCT) {
      if (d.items.length !== 2) syntaxError();
      return { kind: 'struct', ref: new StructRef(this.mem, this.addr + offset, d.items[1], this.layout) };
    }
    if (aggType === ARRAY && d.items.length === 2 && d.items[1].kind === 'int' && getType(d.items[1].value, 4) === UINT8) {
      return { kind: 'bytes', addr: this.addr + offset, size: aggSize(d.items, this.layout, { v: 0 }) };
    }
    if (aggType !== ARRAY && aggType !== PTR) syntaxError();
    return { kind: 'struct', ref: new StructRef(this.mem, this.addr + offset, d, this.layout) };
  }

  /** Writing attribute `name` (scalars, bitfields and pointers; aggregates are a TypeError). */
  setField(name: string, value: StoreValue): void {
    const d = this.field(name);
    if (d.kind === 'int') {
      const valType = getType(d.value, 4);
      const offset = valueBits(d.value, 4);
      if (valType <= INT64 || valType === FLOAT32 || valType === FLOAT64) {
        this.writeScalar(valType, this.addr + offset, value);
        return;
      }
      if (!('int' in value)) throw new UctypesError("can't convert float to int");
      const bitOffset = BigInt((offset >> 17) & 31);
      const bitLen = BigInt((offset >> 22) & 31);
      const at = this.addr + (offset & ((1 << 17) - 1));
      const cur = BigInt(this.readInt(valType & 6, at));
      const mask = ((1n << bitLen) - 1n) << bitOffset;
      const v = (cur & ~mask) | ((BigInt.asUintN(64, value.int) << bitOffset) & mask);
      this.writeScalar(valType & 6, at, { int: v });
      return;
    }
    if (d.kind !== 'tuple') syntaxError();
    if (d.items.length === 0 || d.items[0].kind !== 'int') syntaxError();
    const aggType = getType(d.items[0].value, 2);
    if (aggType === PTR) {
      this.writeScalar(4, this.addr + valueBits(d.items[0].value, 2), value);
      return;
    }
    throw new UctypesError('cannot assign to an aggregate field');
  }

  private aggregate(): readonly Desc[] {
    if (this.desc.kind !== 'tuple') throw new UctypesError('struct: cannot index');
    const items = this.desc.items;
    if (items.length === 0 || items[0].kind !== 'int') syntaxError();
    return items;
  }

  /** self[index] for arrays and pointers. */
  getItem(index: number): FieldValue {
    const items = this.aggregate();
    const aggType = getType((items[0] as { value: number }).value, 2);
    if (aggType === ARRAY) {
      if (items.length < 2 || items[1].kind !== 'int') syntaxError();
      const valType = getType(items[1].value, 4);
      const n = valueBits(items[1].value, 4);
      if (index < 0 || index >= n) throw new UctypesError('struct: index out of range', 'index');
      if (items.length === 2) return this.readScalar(valType, this.addr + scalarSize(valType) * index);
      const size = sizeOfDesc(items[2], this.layout);
      return { kind: 'struct', ref: new StructRef(this.mem, this.addr + size * index, items[2], this.layout) };
    }
    if (aggType === PTR) {
      if (items.length !== 2) syntaxError();
      const p = this.pointer();
      const target = items[1];
      if (target.kind === 'int') {
        const valType = getType(target.value, 4);
        return this.readScalar(valType, p + scalarSize(valType) * index);
      }
      const size = sizeOfDesc(target, this.layout);
      return { kind: 'struct', ref: new StructRef(this.mem, p + size * index, target, this.layout) };
    }
    return syntaxError();
  }

  /** self[index] = value for arrays of scalars (and scalar pointers). */
  setItem(index: number, value: StoreValue): void {
    const items = this.aggregate();
    const aggType = getType((items[0] as { value: number }).value, 2);
    if (aggType === ARRAY) {
      if (items.length < 2 || items[1].kind !== 'int') syntaxError();
      const valType = getType(items[1].value, 4);
      const n = valueBits(items[1].value, 4);
      if (index < 0 || index >= n) throw new UctypesError('struct: index out of range', 'index');
      if (items.length !== 2) throw new UctypesError("'struct' object does not support item assignment");
      this.writeScalar(valType, this.addr + scalarSize(valType) * index, value);
      return;
    }
    if (aggType === PTR && items.length === 2 && items[1].kind === 'int') {
      const valType = getType(items[1].value, 4);
      this.writeScalar(valType, this.pointer() + scalarSize(valType) * index, value);
      return;
    }
    throw new UctypesError("'struct' object does not support item assignment");
  }

  /** The address a PTR aggregate holds (int(ptr)). */
  pointer(): number {
    return Number(this.readInt(4, this.addr));
  }

  isPointer(): boolean {
    return this.desc.kind === 'tuple' && this.desc.items.length > 0 && this.desc.items[0].kind === 'int' && getType(this.desc.items[0].value, 2) === PTR;
  }

  /** sizeof() of this instance (its layout). */
  size(): number {
    return sizeOfDesc(this.desc, this.layout);
  }

  /** repr: `<struct STRUCT 3fff0000>` (MicroPython prints the address with %p). */
  repr(): string {
    let typen = 'ERROR';
    if (this.desc.kind === 'dict') typen = 'STRUCT';
    else if (this.desc.kind === 'tuple') {
      const first = this.desc.items[0];
      const agg = first && first.kind === 'int' ? getType(first.value, 2) : -1;
      typen = agg === PTR ? 'PTR' : agg === ARRAY ? 'ARRAY' : 'unk';
    }
    return `<struct ${typen} ${this.addr.toString(16)}>`;
  }
}
