// Binary serialisation of code object trees: the `mpy-ts compile` output format, loadable by a VM without
// the compiler (the role of MicroPython's .mpy files, py/persistentcode.c).
//
// FORMAT (version 1). All integers are unsigned LEB128 varints ("uv") unless noted; "sv" is a signed
// varint (zigzag-encoded, then LEB128). Varints carry up to 2^53 (safe integers).
//
//   file    := magic "MPYT" (4 bytes) | version u8 = 1 | flags u8 = 0 | code
//   code    := str name | str qualname | str filename | uv firstLine | uv flags
//              | uv argCount | uv posOnlyArgCount | uv kwOnlyArgCount | uv stackSize
//              | strs varnames | strs cellvars | strs freevars | strs names
//              | uv n, n × sv cell2arg          (n = cellvars count)
//              | uv n, n × const consts
//              | uv n, n × (u8 opcode, sv arg)  instructions
//              | uv n, n × (uv pcDelta, sv lineDelta)   line table, deltas from (0, firstLine)
//              (signed varints are for values well inside ±2^52: instruction args, deltas, cell2arg)
//              | uv n, n × (uv start, uv end, uv handler, uv depth)  exception table
//   strs    := uv n, n × str
//   str     := uv ref; ref = 0: a new string follows (uv byte length, WTF-8 bytes) and is appended to the
//              string table; ref = k > 0: the (k-1)-th string of the table (strings are shared file-wide)
//   const   := tag u8, then by tag:
//              'N' None | 'T' True | 'F' False | 'E' Ellipsis
//              'i' uv int >= 0 | 'j' uv: the int -uv (safe integers)
//              'l' bigint: u8 sign (0 +, 1 -), uv byte count, magnitude bytes little-endian
//              'f' float: 8 bytes IEEE 754 little-endian
//              'c' complex: 8 + 8 bytes (real, imag)
//              's' str (as `str` above)
//              'b' bytes: uv length, raw bytes
//              't' tuple: uv n, n × const
//              'C' code (nested code object)
//
// WTF-8 is UTF-8 that also encodes unpaired surrogates (JS strings may hold them), so every JS string
// round-trips. `deserialize` rejects malformed input with a MarshalError naming the problem and offset,
// and checks the structure it rebuilds (opcodes known, tables well formed); run `verify` for the rest.
import { CodeObject, ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, type Const } from './code.js';
import { opcodeNames } from './names.js';
import { FIRST_VM_PRIVATE_OPCODE } from './opcodes.js';

export const MARSHAL_MAGIC = 'MPYT';
export const MARSHAL_VERSION = 1;

export class MarshalError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`invalid compiled code: ${message} (at byte ${offset})`);
    this.name = 'MarshalError';
    this.offset = offset;
  }
}

// ---- writing ------------------------------------------------------------------------------------------

class Writer {
  private buf = new Uint8Array(1024);
  private len = 0;
  private readonly strings = new Map<string, number>();
  private readonly scratch = new DataView(new ArrayBuffer(8));

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  uv(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`cannot serialise ${v} as an unsigned varint`);
    this.ensure(8);
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  sv(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`cannot serialise ${v} as a signed varint`);
    // zigzag without 32-bit overflow: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
    this.uv(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  f64(v: number): void {
    this.scratch.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.u8(this.scratch.getUint8(i));
  }

  str(s: string): void {
    const ref = this.strings.get(s);
    if (ref !== undefined) {
      this.uv(ref + 1);
      return;
    }
    this.strings.set(s, this.strings.size);
    this.uv(0);
    const enc = encodeWtf8(s);
    this.uv(enc.length);
    this.bytes(enc);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function encodeWtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

function writeConst(w: Writer, v: Const, depth: number): void {
  if (depth > 100) throw new RangeError('constants nested too deeply to serialise');
  if (v === null) return w.u8(0x4e); // N
  if (v === true) return w.u8(0x54); // T
  if (v === false) return w.u8(0x46); // F
  if (v === ConstEllipsis) return w.u8(0x45); // E
  if (typeof v === 'number') {
    if (v >= 0) {
      w.u8(0x69); // i
      w.uv(v);
    } else {
      w.u8(0x6a); // j
      w.uv(-v);
    }
    return;
  }
  if (typeof v === 'bigint') {
    w.u8(0x6c); // l
    w.u8(v < 0n ? 1 : 0);
    let m = v < 0n ? -v : v;
    const bytes: number[] = [];
    while (m > 0n) {
      bytes.push(Number(m & 0xffn));
      m >>= 8n;
    }
    w.uv(bytes.length);
    w.bytes(Uint8Array.from(bytes));
    return;
  }
  if (typeof v === 'string') {
    w.u8(0x73); // s
    w.str(v);
    return;
  }
  if (v instanceof ConstFloat) {
    w.u8(0x66); // f
    w.f64(v.value);
    return;
  }
  if (v instanceof ConstComplex) {
    w.u8(0x63); // c
    w.f64(v.real);
    w.f64(v.imag);
    return;
  }
  if (v instanceof Uint8Array) {
    w.u8(0x62); // b
    w.uv(v.length);
    w.bytes(v);
    return;
  }
  if (v instanceof ConstTuple) {
    w.u8(0x74); // t
    w.uv(v.items.length);
    for (const x of v.items) writeConst(w, x, depth + 1);
    return;
  }
  if (v instanceof CodeObject) {
    w.u8(0x43); // C
    writeCode(w, v, depth + 1);
    return;
  }
  throw new TypeError(`cannot serialise constant ${String(v)}`);
}

function writeStrs(w: Writer, list: readonly string[]): void {
  w.uv(list.length);
  for (const s of list) w.str(s);
}

function writeCode(w: Writer, c: CodeObject, depth: number): void {
  w.str(c.name);
  w.str(c.qualname);
  w.str(c.filename);
  w.uv(c.firstLine);
  w.uv(c.flags);
  w.uv(c.argCount);
  w.uv(c.posOnlyArgCount);
  w.uv(c.kwOnlyArgCount);
  w.uv(c.stackSize);
  writeStrs(w, c.varnames);
  writeStrs(w, c.cellvars);
  writeStrs(w, c.freevars);
  writeStrs(w, c.names);
  w.uv(c.cell2arg.length);
  for (const a of c.cell2arg) w.sv(a);
  w.uv(c.consts.length);
  for (const k of c.consts) writeConst(w, k, depth);
  w.uv(c.code.length);
  for (const word of c.code) {
    w.u8(word & 0xff);
    w.sv(word >> 8);
  }
  const lt = c.lineTable;
  w.uv(lt.length / 2);
  let pc = 0;
  let line = c.firstLine;
  for (let i = 0; i < lt.length; i += 2) {
    w.uv(lt[i] - pc);
    w.sv(lt[i + 1] - line);
    pc = lt[i];
    line = lt[i + 1];
  }
  const et = c.exceptionTable;
  w.uv(et.length / 4);
  for (const x of et) w.uv(x);
}

/** Serialise a code object tree (the module code returned by the compiler). */
export function serialize(code: CodeObject): Uint8Array {
  const w = new Writer();
  for (let i = 0; i < 4; i++) w.u8(MARSHAL_MAGIC.charCodeAt(i));
  w.u8(MARSHAL_VERSION);
  w.u8(0);
  writeCode(w, code, 0);
  return w.result();
}

// ---- reading ------------------------------------------------------------------------------------------

class Reader {
  private pos = 0;
  private readonly strings: string[] = [];
  private readonly view: DataView;
  readonly b: Uint8Array;

  constructor(b: Uint8Array) {
    this.b = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  fail(msg: string, at = this.pos): never {
    throw new MarshalError(msg, at);
  }

  u8(): number {
    if (this.pos >= this.b.length) this.fail('unexpected end of data');
    return this.b[this.pos++];
  }

  take(n: number): Uint8Array {
    if (n > this.b.length - this.pos) this.fail('unexpected end of data');
    const r = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return r;
  }

  uv(): number {
    const at = this.pos;
    let v = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      const byte = this.u8();
      v += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) break;
      scale *= 0x80;
      if (i >= 7) this.fail('varint too long', at);
    }
    if (!Number.isSafeInteger(v)) this.fail('varint out of range', at);
    return v;
  }

  /** An unsigned varint that counts items: bounded by what the remaining input could hold. */
  count(minBytesEach = 1): number {
    const at = this.pos;
    const n = this.uv();
    if (n * minBytesEach > this.b.length - this.pos) this.fail(`count ${n} exceeds the data`, at);
    return n;
  }

  sv(): number {
    const u = this.uv();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  f64(): number {
    const at = this.pos;
    this.take(8);
    return this.view.getFloat64(at, true);
  }

  str(): string {
    const at = this.pos;
    const ref = this.uv();
    if (ref > 0) {
      if (ref > this.strings.length) this.fail(`string reference ${ref} undefined`, at);
      return this.strings[ref - 1];
    }
    const n = this.count();
    const s = decodeWtf8(this.take(n), this, at);
    this.strings.push(s);
    return s;
  }
}

function decodeWtf8(b: Uint8Array, r: Reader, at: number): string {
  let out = '';
  const units: number[] = [];
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    let cp: number;
    let need: number;
    if (x < 0x80) {
      cp = x;
      need = 0;
    } else if ((x & 0xe0) === 0xc0) {
      cp = x & 0x1f;
      need = 1;
    } else if ((x & 0xf0) === 0xe0) {
      cp = x & 0x0f;
      need = 2;
    } else if ((x & 0xf8) === 0xf0) {
      cp = x & 0x07;
      need = 3;
    } else {
      r.fail('invalid string encoding', at);
    }
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) r.fail('invalid string encoding', at);
      cp = (cp << 6) | (y & 0x3f);
    }
    if ((need === 1 && cp < 0x80) || (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) {
      r.fail('invalid string encoding', at);
    }
    i += need + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length > 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

function readConst(r: Reader, depth: number): Const {
  if (depth > 100) r.fail('constants nested too deeply');
  const at = r.offset;
  const tag = r.u8();
  switch (tag) {
    case 0x4e:
      return null;
    case 0x54:
      return true;
    case 0x46:
      return false;
    case 0x45:
      return ConstEllipsis;
    case 0x69:
      return r.uv();
    case 0x6a: {
      const m = r.uv();
      if (m === 0) r.fail('negative zero int', at);
      return -m;
    }
    case 0x6c: {
      const sign = r.u8();
      if (sign > 1) r.fail('bad bigint sign', at);
      const n = r.count();
      const bytes = r.take(n);
      let m = 0n;
      for (let i = bytes.length - 1; i >= 0; i--) m = (m << 8n) | BigInt(bytes[i]);
      const v = sign ? -m : m;
      if (v >= -9007199254740991n && v <= 9007199254740991n) r.fail('bigint constant in the safe integer range', at);
      return v;
    }
    case 0x66:
      return new ConstFloat(r.f64());
    case 0x63: {
      const re = r.f64();
      return new ConstComplex(re, r.f64());
    }
    case 0x73:
      return r.str();
    case 0x62: {
      const n = r.count();
      return r.take(n).slice();
    }
    case 0x74: {
      const n = r.count();
      const items: Const[] = [];
      for (let i = 0; i < n; i++) items.push(readConst(r, depth + 1));
      return new ConstTuple(items);
    }
    case 0x43:
      return readCode(r, depth + 1);
    default:
      r.fail(`unknown constant tag 0x${tag.toString(16)}`, at);
  }
}

function readStrs(r: Reader): string[] {
  const n = r.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.str());
  return out;
}

function readCode(r: Reader, depth: number): CodeObject {
  const start = r.offset;
  const name = r.str();
  const qualname = r.str();
  const filename = r.str();
  const firstLine = r.uv();
  const flags = r.uv();
  const argCount = r.uv();
  const posOnlyArgCount = r.uv();
  const kwOnlyArgCount = r.uv();
  const stackSize = r.uv();
  const varnames = readStrs(r);
  const cellvars = readStrs(r);
  const freevars = readStrs(r);
  const names = readStrs(r);
  const ncell = r.count();
  if (ncell !== cellvars.length) r.fail('cell2arg length differs from cellvars');
  const cell2arg = new Int32Array(ncell);
  for (let i = 0; i < ncell; i++) {
    const a = r.sv();
    if (a < -1 || a >= varnames.length) r.fail('cell2arg index out of range');
    cell2arg[i] = a;
  }
  const nconst = r.count();
  const consts: Const[] = [];
  for (let i = 0; i < nconst; i++) consts.push(readConst(r, depth));
  const ncode = r.count(2);
  const code = new Int32Array(ncode);
  for (let i = 0; i < ncode; i++) {
    const at = r.offset;
    const o = r.u8();
    if (o >= FIRST_VM_PRIVATE_OPCODE || opcodeNames[o] === undefined) r.fail(`unknown opcode ${o}`, at);
    const arg = r.sv();
    if (arg < -(1 << 23) || arg >= 1 << 23) r.fail('instruction argument out of range', at);
    code[i] = o | (arg << 8);
  }
  const nlines = r.count(2);
  const lineTable = new Int32Array(nlines * 2);
  let pc = 0;
  let line = firstLine;
  for (let i = 0; i < nlines; i++) {
    pc += r.uv();
    line += r.sv();
    if (pc > ncode || line < 0 || line > 0x7fffffff) r.fail('line table entry out of range');
    lineTable[2 * i] = pc;
    lineTable[2 * i + 1] = line;
  }
  const nexc = r.count(4);
  const exceptionTable = new Int32Array(nexc * 4);
  for (let i = 0; i < nexc * 4; i++) {
    const v = r.uv();
    if (v > 0x7fffffff) r.fail('exception table entry out of range');
    exceptionTable[i] = v;
  }
  for (const v of [firstLine, argCount, posOnlyArgCount, kwOnlyArgCount, stackSize, flags]) {
    if (v > 0x7fffffff) r.fail('code header field out of range', start);
  }
  return new CodeObject({
    name,
    qualname,
    filename,
    firstLine,
    flags,
    argCount,
    posOnlyArgCount,
    kwOnlyArgCount,
    varnames,
    cellvars,
    freevars,
    names,
    consts,
    code,
    lineTable,
    exceptionTable,
    stackSize,
    cell2arg,
  });
}

/** Rebuild a code object tree from `serialize` output. Throws MarshalError for anything malformed. */
export function deserialize(data: Uint8Array): CodeObject {
  const r = new Reader(data);
  if (data.length < 6) r.fail('too short to be compiled code', 0);
  for (let i = 0; i < 4; i++) if (data[i] !== MARSHAL_MAGIC.charCodeAt(i)) r.fail('bad magic (not an mpy-ts compiled file)', 0);
  r.take(4);
  const version = r.u8();
  if (version !== MARSHAL_VERSION) r.fail(`unsupported version ${version} (this reader knows ${MARSHAL_VERSION})`, 4);
  const flags = r.u8();
  if (flags !== 0) r.fail(`unknown flags 0x${flags.toString(16)}`, 5);
  const code = readCode(r, 0);
  if (r.offset !== data.length) r.fail('trailing data after the code object');
  return code;
}
