// uio (spec 4.1.11): StringIO and BytesIO (in-memory streams with the usual file methods plus getvalue),
// open (the builtin open), FileIO and TextIOWrapper (the VM's file types), and IOBase, which Python classes
// subclass to make their own streams (print(file=...), json.dump, uselect and dupterm call their methods).
//
// Differences to CPython, as MicroPython's "consistent stream interface": a negative seek raises
// OSError(EINVAL) (basics/io_bytesio_ext2.py), and write takes MicroPython's extended forms
// write(buf, len) and write(buf, off, len) (basics/io_write_ext.py). StringIO positions count code points,
// as CPython's.
import type {
  PyObject} from '@mpy-ts/core-vm';
import {
  PyBytes,
  PyList,
  PyInstance,
  STOP,
  addressOf,
  bufferOf,
  call,
  defineType,
  dictGetStr,
  getAttr,
  isStr,
  osError,
  overflowError,
  strVal,
  toIndex,
  typeError,
  typeName,
  types,
  valueError,
  type PyModule,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { makeModule } from './util.js';

const EINVAL = 22;

function closedError(): never {
  throw valueError('I/O operation on closed file');
}

function optSize(x: any): number {
  if (x === undefined || x === null) return -1;
  const v = toIndex(x);
  return typeof v === 'bigint' ? (v < 0n ? -1 : Number.MAX_SAFE_INTEGER) : v;
}

function seekArgs(off: any, whence: any): [number, number] {
  const o = toIndex(off);
  const w = whence === undefined ? 0 : Number(toIndex(whence));
  if (w < 0 || w > 2) throw valueError(`invalid whence (${w}, should be 0, 1 or 2)`);
  return [typeof o === 'bigint' ? (o < 0n ? -Infinity : Infinity) : o, w];
}

/** MicroPython's extended write(buf[, len]) / write(buf, off, len): the slice of buf to write. */
function writeSlice<T extends { length: number; slice(a: number, b: number): T }>(data: T, a: any, b: any): T {
  if (a === undefined) return data;
  if (b === undefined) return data.slice(0, Math.max(0, optSize(a)));
  const off = Math.min(Math.max(0, optSize(a)), data.length);
  return data.slice(off, off + Math.max(0, optSize(b)));
}

// ---- BytesIO -------------------------------------------------------------------------------------------

export class PyBytesIO extends PyInstance {
  buf: Uint8Array;
  len: number;
  pos: number;
  /** The initial bytes are shared with the object they came from until the first write. */
  shared: boolean;
  closed: boolean;
  constructor(type: PyType, initial: Uint8Array, shared: boolean) {
    super(type);
    this.buf = initial;
    this.len = initial.length;
    this.pos = 0;
    this.shared = shared;
    this.closed = false;
  }

  check(): void {
    if (this.closed) closedError();
  }

  read(n: number): Uint8Array {
    this.check();
    const start = Math.min(this.pos, this.len);
    const end = n < 0 ? this.len : Math.min(this.len, start + n);
    this.pos = Math.max(this.pos, end);
    return this.buf.slice(start, end);
  }

  readline(n: number): Uint8Array {
    this.check();
    const start = Math.min(this.pos, this.len);
    let end = n < 0 ? this.len : Math.min(this.len, start + n);
    const nl = this.buf.subarray(start, end).indexOf(10);
    if (nl >= 0) end = start + nl + 1;
    this.pos = Math.max(this.pos, end);
    return this.buf.slice(start, end);
  }

  write(data: Uint8Array): number {
    this.check();
    const end = this.pos + data.length;
    if (this.shared || end > this.buf.length) {
      const cap = Math.max(end, this.shared ? this.len : this.buf.length * 2, 16);
      const nb = new Uint8Array(cap);
      nb.set(this.buf.subarray(0, this.len));
      this.buf = nb;
      this.shared = false;
    }
    if (this.pos > this.len) this.buf.fill(0, this.len, this.pos);
    this.buf.set(data, this.pos);
    this.pos = end;
    if (end > this.len) this.len = end;
    return data.length;
  }

  seek(off: number, whence: number): number {
    this.check();
    const base = whence === 0 ? 0 : whence === 1 ? this.pos : this.len;
    const p = base + off;
    if (p < 0) throw osError(EINVAL);
    if (!Number.isSafeInteger(p)) throw overflowError('seek position out of range');
    this.pos = p;
    return p;
  }

  value(): Uint8Array {
    this.check();
    return this.buf.slice(0, this.len);
  }
}

// ---- StringIO ------------------------------------------------------------------------------------------

/** Code units of `s` from `at` covering n code points (n < 0: to the end). */
function advance(s: string, at: number, n: number): number {
  if (n < 0) return s.length;
  let i = at;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

function countCodePoints(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

export class PyStringIO extends PyInstance {
  data: string;
  /** Position in code units (always on a code point boundary, or past the end). */
  pos: number;
  closed: boolean;
  constructor(type: PyType, initial: string) {
    super(type);
    this.data = initial;
    this.pos = 0;
    this.closed = false;
  }

  check(): void {
    if (this.closed) closedError();
  }

  read(n: number): string {
    this.check();
    const start = Math.min(this.pos, this.data.length);
    const end = advance(this.data, start, n);
    this.pos = Math.max(this.pos, end);
    return this.data.slice(start, end);
  }

  readline(n: number): string {
    this.check();
    const start = Math.min(this.pos, this.data.length);
    let end = advance(this.data, start, n);
    const nl = this.data.indexOf('\n', start);
    if (nl >= 0 && nl < end) end = nl + 1;
    this.pos = Math.max(this.pos, end);
    return this.data.slice(start, end);
  }

  write(s: string): void {
    this.check();
    const d = this.data;
    if (this.pos === d.length) this.data = d + s;
    else if (this.pos > d.length) this.data = d + '\0'.repeat(this.pos - d.length) + s;
    else this.data = d.slice(0, this.pos) + s + d.slice(this.pos + s.length);
    this.pos += s.length;
  }

  tell(): number {
    this.check();
    if (this.pos > this.data.length) return countCodePoints(this.data, this.data.length) + (this.pos - this.data.length);
    return countCodePoints(this.data, this.pos);
  }

  seek(off: number, whence: number): number {
    this.check();
    const base = whence === 0 ? 0 : whence === 1 ? this.tell() : countCodePoints(this.data, this.data.length);
    const p = base + off;
    if (p < 0) throw osError(EINVAL);
    if (!Number.isSafeInteger(p)) throw overflowError('seek position out of range');
    const cps = countCodePoints(this.data, this.data.length);
    this.pos = p <= cps ? advance(this.data, 0, p) : this.data.length + (p - cps);
    return p;
  }
}

// ---- the module ----------------------------------------------------------------------------------------

interface IoTypes {
  iobase: PyType;
  bytesio: PyType;
  stringio: PyType;
}

let ioTypes: IoTypes | null = null;

function textArg(x: any): string {
  if (!isStr(x)) throw typeError(`string argument expected, got '${typeName(x)}'`);
  return strVal(x);
}

function bytesArg(x: any): Uint8Array {
  if (isStr(x)) throw typeError("a bytes-like object is required, not 'str'");
  const b = bufferOf(x);
  if (b === null) throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
  return b;
}

function ctorArgs(args: any[], kwnames: readonly string[] | null, what: string): any {
  const n = args.length - (kwnames?.length ?? 0);
  if (n > 1) throw typeError(`${what}() takes at most 1 argument (${n} given)`);
  let init = n === 1 ? args[0] : undefined;
  for (let i = 0; i < (kwnames?.length ?? 0); i++) {
    const k = kwnames![i];
    if (k === 'initial_value' || k === 'initial_bytes') init = args[n + i];
    else if (k !== 'newline') throw typeError(`'${k}' is an invalid keyword argument for ${what}()`);
  }
  return init;
}

/** The IOBase/BytesIO/StringIO types (created once, after the VM's bootstrap). */
export function getIoTypes(): IoTypes {
  if (ioTypes !== null) return ioTypes;
  // IOBase: the base Python classes derive from to be streams (spec 4.1.11, current MicroPython).
  const iobase = defineType({
    name: 'IOBase',
    module: 'io',
    methods: {
      __enter__: [(self: any) => self, 1],
      __exit__: [(args: any[]) => {
        call(getAttr(args[0], 'close'), []);
        return null;
      }, { raw: true, min: 1 }],
      close: [() => null, 1],
      flush: [() => null, 1],
    },
  });

  const common = <T extends PyBytesIO | PyStringIO>(wrap: (x: T, b: any) => any) => ({
    read: [(self: T, n: any) => wrap(self, self.read(optSize(n))), { params: 'self, size', min: 1 }] as [any, any],
    readline: [(self: T, n: any) => wrap(self, self.readline(optSize(n))), { params: 'self, size', min: 1 }] as [any, any],
    readlines: [(self: T) => {
      const out: any[] = [];
      for (;;) {
        const l = self.readline(-1);
        if (l.length === 0) break;
        out.push(wrap(self, l));
      }
      return new PyList(out);
    }, { params: 'self, hint', min: 1 }] as [any, any],
    seek: [(self: T, off: any, whence: any) => {
      const [o, w] = seekArgs(off, whence);
      return self.seek(o, w);
    }, { params: 'self, offset, whence', min: 2 }] as [any, any],
    flush: [(self: T) => {
      self.check();
      return null;
    }, 1] as [any, any],
    close: [(self: T) => {
      self.closed = true;
      return null;
    }, 1] as [any, any],
    readable: [(self: T) => (self.check(), true), 1] as [any, any],
    writable: [(self: T) => (self.check(), true), 1] as [any, any],
    seekable: [(self: T) => (self.check(), true), 1] as [any, any],
    __enter__: [(self: T) => self, 1] as [any, any],
    __exit__: [(args: any[]) => {
      (args[0] as T).closed = true;
      return null;
    }, { raw: true, min: 1 }] as [any, any],
  });

  // BytesIO([initial]): binary in-memory stream (an int preallocates, as current MicroPython).
  const bytesio = defineType({
    name: 'BytesIO',
    base: iobase,
    module: 'io',
    alloc: (t) => new PyBytesIO(t, new Uint8Array(0), false),
    make: (type, args, kwnames) => {
      const init = ctorArgs(args, kwnames, 'BytesIO');
      if (init === undefined || init === null) return new PyBytesIO(type, new Uint8Array(0), false);
      if (typeof init === 'number') return new PyBytesIO(type, new Uint8Array(0), false);
      if (init instanceof PyBytes) return new PyBytesIO(type, init.data, true);
      return new PyBytesIO(type, bytesArg(init).slice(), false);
    },
    slots: {
      repr: (x) => `<io.${(x as PyObject).type.name} ${addressOf(x)}>`,
      iter: (x) => x,
      next: (x) => {
        const l = (x as PyBytesIO).readline(-1);
        return l.length === 0 ? STOP : new PyBytes(l);
      },
    },
    methods: {
      ...common<PyBytesIO>((_s, b) => new PyBytes(b)),
      write: [(self: PyBytesIO, data: any, a: any, b: any) => self.write(writeSlice(bytesArg(data), a, b)), { params: 'self, buf, a, b', min: 2 }],
      readinto: [(self: PyBytesIO, buf: any, n: any) => {
        const dst = bufferOf(buf);
        if (dst === null || buf instanceof PyBytes) throw typeError(`readinto() argument must be read-write bytes-like object, not ${typeName(buf)}`);
        const want = n === undefined ? dst.length : Math.min(dst.length, Math.max(0, optSize(n)));
        const data = self.read(want);
        dst.set(data);
        return data.length;
      }, { params: 'self, buf, size', min: 2 }],
      getvalue: [(self: PyBytesIO) => new PyBytes(self.value()), 1],
      tell: [(self: PyBytesIO) => (self.check(), self.pos), 1],
    },
    getsets: {
      closed: (self: PyBytesIO) => self.closed,
    },
  });

  // StringIO([string]): text in-memory stream.
  const stringio = defineType({
    name: 'StringIO',
    base: iobase,
    module: 'io',
    alloc: (t) => new PyStringIO(t, ''),
    make: (type, args, kwnames) => {
      const init = ctorArgs(args, kwnames, 'StringIO');
      return new PyStringIO(type, init === undefined || init === null ? '' : textArg(init));
    },
    slots: {
      repr: (x) => `<io.${(x as PyObject).type.name} ${addressOf(x)}>`,
      iter: (x) => x,
      next: (x) => {
        const l = (x as PyStringIO).readline(-1);
        return l.length === 0 ? STOP : l;
      },
    },
    methods: {
      ...common<PyStringIO>((_s, s) => s),
      write: [(self: PyStringIO, data: any, a: any, b: any) => {
        const s = writeSlice(textArg(data), a, b);
        self.write(s);
        return countCodePoints(s, s.length);
      }, { params: 'self, s, a, b', min: 2 }],
      getvalue: [(self: PyStringIO) => (self.check(), self.data), 1],
      tell: [(self: PyStringIO) => self.tell(), 1],
    },
    getsets: {
      closed: (self: PyStringIO) => self.closed,
    },
  });
  ioTypes = { iobase, bytesio, stringio };
  return ioTypes;
}

export function makeIoModule(vm: VM, name = 'uio'): PyModule {
  const t = getIoTypes();
  return makeModule(name, {
    // open(name, mode='r', **kwargs): the builtin open() (whatever filesystem routes it).
    open: [(args: any[], kwnames: readonly string[] | null) => call(dictGetStr(vm.builtins, 'open'), args, kwnames), { raw: true, min: 1 }],
    IOBase: { value: t.iobase },
    StringIO: { value: t.stringio },
    BytesIO: { value: t.bytesio },
    FileIO: { value: types.stdioType },
    TextIOWrapper: { value: types.fileType },
    BufferedReader: { value: types.bufferedFileType },
  });
}

