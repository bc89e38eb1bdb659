// File objects for open() and sys.stdin/stdout/stderr (MicroPython extmod/vfs_posix_file.c,
// py/stream.c). Text files read and write str (UTF-8), binary files bytes. Extension point: stdlib's uio
// builds StringIO/BytesIO/IOBase on the same stream method names.
import { PyObject, STOP } from '../object.js';
import * as T from '../types.js';
import { vm } from '../state.js';
import { HostError, type HostFile } from '../host.js';
import { typeError, valueError, osError, newException, osErrorFromErrno } from '../objects/exceptions.js';
import { defMethod, defGetSet } from '../objects/function.js';
import { PyBytes, bufferOf, utf8Encode, utf8Decode, PyByteArray, PyMemoryView } from '../objects/bytes.js';
import { PyList } from '../objects/list.js';
import { strVal, isStr, strRepr } from '../objects/str.js';
import { toIndex, typeName, repr } from '../runtime.js';

export const FILE_TEXT = 0;
export const FILE_BINARY = 1;

export class PyFile extends PyObject {
  f: HostFile | null;
  name: any;
  mode: string;
  binary: boolean;
  readable: boolean;
  writable: boolean;
  /** 0 regular file, else the stdio fd (0 stdin, 1 stdout, 2 stderr). */
  fd: number;
  rbuf: Uint8Array;
  rpos: number;
  rlen: number;
  /** The binary view of a text stdio stream (sys.stdout.buffer). */
  buffer: PyFile | null;
  /** Set by close(): the host file's closedErrno (see HostFile). */
  closedErrno: number | undefined;
  constructor(f: HostFile, name: any, mode: string, binary: boolean, readable: boolean, writable: boolean, fd: number) {
    super(binary ? T.stdioType : T.fileType);
    this.f = f;
    this.name = name;
    this.mode = mode;
    this.binary = binary;
    this.readable = readable;
    this.writable = writable;
    this.fd = fd;
    this.rbuf = new Uint8Array(0);
    this.rpos = 0;
    this.rlen = 0;
    this.buffer = null;
    this.closedErrno = undefined;
  }
}

function hostCall<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError) throw osErrorFromErrno(e.errno);
    throw e;
  }
}

function live(f: PyFile): HostFile {
  if (f.f === null) {
    if (f.closedErrno !== undefined) throw osError(f.closedErrno);
    throw valueError('I/O operation on closed file');
  }
  return f.f;
}

/** Fill the read buffer; returns false at end of file. */
function fill(f: PyFile): boolean {
  const h = live(f);
  if (!f.readable) throw osError(9);
  if (f.rpos < f.rlen) return true;
  if (f.rbuf.length === 0) f.rbuf = new Uint8Array(f.fd === 0 ? 1024 : 8192);
  let n: number;
  if (f.fd === 0) {
    vm.flushOutput();
    // input waiting on a uos.dupterm stream comes first, else the host's stdin (which blocks)
    const d = vm.readDupterm(f.rbuf.length) ?? vm.host.readStdin(f.rbuf.length);
    // a host returns no bytes early when interrupted (Ctrl-C): raise KeyboardInterrupt, not EOF
    if (d !== null && d.length === 0) vm.checkPending();
    if (d === null || d.length === 0) n = 0;
    else {
      f.rbuf.set(d.subarray(0, f.rbuf.length));
      n = Math.min(d.length, f.rbuf.length);
    }
  } else n = hostCall(() => h.read(f.rbuf));
  f.rpos = 0;
  f.rlen = n;
  return n > 0;
}

/** Read up to n bytes (n < 0: to end of file). */
function readBytes(f: PyFile, n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  while (n < 0 || total < n) {
    if (!fill(f)) break;
    const avail = f.rlen - f.rpos;
    const k = n < 0 ? avail : Math.min(avail, n - total);
    parts.push(f.rbuf.slice(f.rpos, f.rpos + k));
    f.rpos += k;
    total += k;
    if (f.fd === 0 && n >= 0) break;
  }
  return concat(parts, total);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function readByte(f: PyFile): number {
  if (!fill(f)) return -1;
  return f.rbuf[f.rpos++];
}

/** Read n characters of UTF-8 text (n < 0: all). */
function readText(f: PyFile, n: number): string {
  if (n < 0) return utf8Decode(readBytes(f, -1));
  const bytes: number[] = [];
  let chars = 0;
  while (chars < n) {
    const b = readByte(f);
    if (b < 0) break;
    bytes.push(b);
    const extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    for (let i = 0; i < extra; i++) {
      const c = readByte(f);
      if (c < 0) break;
      bytes.push(c);
    }
    chars++;
  }
  return utf8Decode(Uint8Array.from(bytes));
}

/** Read one line including the newline (limit < 0: no limit, in bytes). */
function readLineBytes(f: PyFile, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (limit >= 0 && total >= limit) break;
    if (!fill(f)) break;
    const start = f.rpos;
    let end = f.rlen;
    if (limit >= 0) end = Math.min(end, start + (limit - total));
    const nl = f.rbuf.subarray(start, end).indexOf(10);
    if (nl >= 0) {
      parts.push(f.rbuf.slice(start, start + nl + 1));
      f.rpos = start + nl + 1;
      total += nl + 1;
      break;
    }
    parts.push(f.rbuf.slice(start, end));
    total += end - start;
    f.rpos = end;
  }
  return concat(parts, total);
}

function writeData(f: PyFile, x: any): number {
  const h = live(f);
  if (!f.writable) throw osError(9);
  let data: Uint8Array;
  let count: number;
  if (f.binary) {
    const b = bufferOf(x);
    if (b === null) throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
    data = b.slice();
    count = data.length;
  } else {
    if (!isStr(x)) throw typeError(`write() argument must be str, not ${typeName(x)}`);
    const s = strVal(x);
    data = utf8Encode(s, 'surrogateescape');
    count = Array.from(s).length;
  }
  if (f.fd === 1) vm.writeOut(data);
  else if (f.fd === 2) vm.writeErr(data);
  else {
    if (f.rlen > f.rpos) {
      // writing after buffered reads: move the host position back to the logical position
      hostCall(() => h.seek(f.rpos - f.rlen, 1));
    }
    f.rpos = f.rlen = 0;
    hostCall(() => h.write(data));
  }
  return count;
}

function tell(f: PyFile): number {
  const h = live(f);
  const pos = hostCall(() => h.seek(0, 1));
  return pos - (f.rlen - f.rpos);
}

function closeFile(f: PyFile): void {
  if (f.f === null) return;
  const h = f.f;
  if (f.fd === 0 || f.fd === 1 || f.fd === 2) {
    if (f.fd !== 0) vm.flushOutput();
    return;
  }
  f.f = null;
  f.closedErrno = h.closedErrno;
  hostCall(() => {
    h.flush();
    h.close();
  });
}

export function fileIterNext(x: any): any {
  const f = x as PyFile;
  const b = readLineBytes(f, -1);
  if (b.length === 0) return STOP;
  return f.binary ? new PyBytes(b) : utf8Decode(b);
}

/** open(file, mode='r', buffering=-1, encoding=None, ...): spec 4.1.1 open(). */
export function openFile(args: any[], kwnames: readonly string[] | null): PyFile {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  let file = args[0];
  let mode: any = npos > 1 ? args[1] : undefined;
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i];
    const v = args[npos + i];
    if (k === 'mode') mode = v;
    else if (k === 'file') file = v;
    else if (k === 'buffering' || k === 'encoding' || k === 'errors' || k === 'newline' || k === 'closefd' || k === 'opener') continue;
    else throw typeError(`'${k}' is an invalid keyword argument for open()`);
  }
  if (npos < 1 && file === undefined) throw typeError("open() missing required argument 'file' (pos 1)");
  const m = mode === undefined ? 'r' : strVal(mode);
  if (!/^[rwaxbt+]*$/.test(m) || (m.includes('b') && m.includes('t'))) throw valueError(`invalid mode: '${m}'`);
  const kind = m.replace(/[bt+]/g, '');
  if (kind.length !== 1) throw valueError('must have exactly one of create/read/write/append mode');
  const binary = m.includes('b');
  const plus = m.includes('+');
  if (typeof file === 'number') {
    throw newException(T.osErrorType, 9);
  }
  if (!isStr(file)) {
    const b = bufferOf(file);
    if (b === null) throw typeError(`expected str, bytes or os.PathLike object, not ${typeName(file)}`);
  }
  const path = isStr(file) ? strVal(file) : utf8Decode(bufferOf(file)!);
  const abs = vm.resolvePath(path);
  const h = hostCall(() => vm.fsFor(abs).open(abs, kind + (plus ? '+' : '')));
  return new PyFile(h, file, m, binary, kind === 'r' || plus, kind !== 'r' || plus, -1);
}

export function setupFile(): void {
  for (const t of [T.fileType, T.stdioType]) {
    t.iter = (x) => {
      live(x as PyFile);
      return x;
    };
    t.next = fileIterNext;
    t.repr = (x) => {
      const f = x as PyFile;
      return `<io.${t.name} name=${isStr(f.name) ? strRepr(strVal(f.name)) : repr(f.name)}>`;
    };
    defMethod(t, 'read', (self, n) => {
      const f = self as PyFile;
      const k = n === undefined || n === null ? -1 : Number(toIndex(n));
      if (f.binary) return new PyBytes(readBytes(f, k));
      return readText(f, k);
    }, { params: 'self, size', min: 1 });
    defMethod(t, 'readinto', (self, buf, n) => {
      const f = self as PyFile;
      const dst = bufferOf(buf);
      if (dst === null || buf instanceof PyBytes) throw typeError(`readinto() argument must be read-write bytes-like object, not ${typeName(buf)}`);
      const want = n === undefined ? dst.length : Math.min(dst.length, Number(toIndex(n)));
      const data = readBytes(f, want);
      dst.set(data);
      return data.length;
    }, { params: 'self, buffer, size', min: 2 });
    defMethod(t, 'readline', (self, n) => {
      const f = self as PyFile;
      const b = readLineBytes(f, n === undefined || n === null ? -1 : Number(toIndex(n)));
      return f.binary ? new PyBytes(b) : utf8Decode(b);
    }, { params: 'self, size', min: 1 });
    defMethod(t, 'readlines', (self) => {
      const f = self as PyFile;
      const out: any[] = [];
      for (;;) {
        const b = readLineBytes(f, -1);
        if (b.length === 0) break;
        out.push(f.binary ? new PyBytes(b) : utf8Decode(b));
      }
      return new PyList(out);
    }, { params: 'self, hint', min: 1 });
    defMethod(t, 'write', (self, x) => writeData(self as PyFile, x), 2);
    defMethod(t, 'seek', (self, off, whence) => {
      const f = self as PyFile;
      const h = live(f);
      let o = Number(toIndex(off));
      const w = whence === undefined ? 0 : Number(toIndex(whence));
      if (w === 1) o -= f.rlen - f.rpos;
      f.rpos = f.rlen = 0;
      return hostCall(() => h.seek(o, w));
    }, { params: 'self, offset, whence', min: 2 });
    defMethod(t, 'tell', (self) => tell(self as PyFile), 1);
    defMethod(t, 'flush', (self) => {
      const f = self as PyFile;
      live(f);
      if (f.fd === 1 || f.fd === 2) vm.flushOutput();
      else hostCall(() => f.f!.flush());
      return null;
    }, 1);
    defMethod(t, 'close', (self) => {
      closeFile(self as PyFile);
      return null;
    }, 1);
    defMethod(t, 'fileno', (self) => {
      const f = self as PyFile;
      if (f.fd < 0) return 3;
      return f.fd;
    }, 1);
    defMethod(t, 'readable', (self) => (self as PyFile).readable, 1);
    defMethod(t, 'writable', (self) => (self as PyFile).writable, 1);
    defMethod(t, 'seekable', (self) => (self as PyFile).fd < 0, 1);
    defMethod(t, '__enter__', (self) => self, 1);
    defMethod(t, '__exit__', (args: any[]) => {
      closeFile(args[0] as PyFile);
      return null;
    }, { raw: true, min: 1 });
    defMethod(t, '__del__', () => null, 1);
    defGetSet(t, 'closed', (x) => (x as PyFile).f === null);
    defGetSet(t, 'name', (x) => (x as PyFile).name);
    defGetSet(t, 'mode', (x) => (x as PyFile).mode);
    defGetSet(t, 'buffer', (x) => {
      const f = x as PyFile;
      if (f.buffer === null) throw newException(T.attributeErrorType, "'FileIO' object has no attribute 'buffer'");
      return f.buffer;
    });
  }
  void PyByteArray;
  void PyMemoryView;
}

/** Host file adapters for stdio (the VM buffers stdout itself). */
export function stdioFile(fd: number): PyFile {
  const h: HostFile = {
    read: () => 0,
    write: (d) => d.length,
    seek: () => {
      throw new HostError(29);
    },
    flush: () => {},
    close: () => {},
  };
  const name = fd === 0 ? '<stdin>' : fd === 1 ? '<stdout>' : '<stderr>';
  const text = new PyFile(h, name, fd === 0 ? 'r' : 'w', false, fd === 0, fd !== 0, fd);
  text.buffer = new PyFile(h, name, fd === 0 ? 'rb' : 'wb', true, fd === 0, fd !== 0, fd);
  return text;
}
