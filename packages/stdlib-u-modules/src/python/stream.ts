// The stream methods of a read-only byte stream written in TypeScript (MicroPython py/stream.c):
// read([n]), readinto(buf[, n]), readline([n]), built on one primitive, readSome(max), which returns at most
// `max` bytes and an empty array at end of stream. Bytes read ahead by readline stay in a pushback buffer.
import { PyBytes, bufferOf, defMethod, toIndex, typeError, typeName, type PyType } from '@mpy-ts/core-vm';

export interface ReadStream {
  readSome(max: number): Uint8Array;
}

const pushback = new WeakMap<ReadStream, Uint8Array>();

function take(s: ReadStream, max: number): Uint8Array {
  const p = pushback.get(s);
  if (p !== undefined && p.length > 0) {
    const n = Math.min(max, p.length);
    pushback.set(s, p.subarray(n));
    return p.subarray(0, n);
  }
  return s.readSome(max);
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** read(n): up to n bytes (all of the stream when n is absent or negative). */
export function readBytes(s: ReadStream, n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let got = 0;
  while (n < 0 || got < n) {
    const c = take(s, n < 0 ? 65536 : n - got);
    if (c.length === 0) break;
    parts.push(c.slice());
    got += c.length;
  }
  return concat(parts);
}

/** readline(n): up to and including the next b'\n' (at most n bytes when n >= 0). */
export function readLine(s: ReadStream, n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let got = 0;
  while (n < 0 || got < n) {
    const c = take(s, n < 0 ? 256 : Math.min(256, n - got));
    if (c.length === 0) break;
    const nl = c.indexOf(10);
    if (nl >= 0) {
      parts.push(c.slice(0, nl + 1));
      if (nl + 1 < c.length) {
        const rest = pushback.get(s);
        const tail = c.slice(nl + 1);
        pushback.set(s, rest !== undefined && rest.length > 0 ? concat([tail, rest]) : tail);
      }
      break;
    }
    parts.push(c.slice());
    got += c.length;
  }
  return concat(parts);
}

function optSize(x: any): number {
  if (x === undefined || x === null) return -1;
  const v = toIndex(x);
  return typeof v === 'bigint' ? (v < 0n ? -1 : Number.MAX_SAFE_INTEGER) : v;
}

/** Adds read/readinto/readline to a type whose instances implement ReadStream. */
export function defineReadStream(t: PyType): void {
  defMethod(t, 'read', (self: ReadStream, n: any) => new PyBytes(readBytes(self, optSize(n))), { params: 'self, size', min: 1 });
  defMethod(t, 'readinto', (self: ReadStream, buf: any, n: any) => {
    const dst = bufferOf(buf);
    if (dst === null || buf instanceof PyBytes) throw typeError(`readinto() argument must be read-write bytes-like object, not ${typeName(buf)}`);
    const want = n === undefined ? dst.length : Math.min(dst.length, Math.max(0, optSize(n)));
    const data = readBytes(self, want);
    dst.set(data);
    return data.length;
  }, { params: 'self, buf, size', min: 2 });
  defMethod(t, 'readline', (self: ReadStream, n: any) => new PyBytes(readLine(self, optSize(n))), { params: 'self, size', min: 1 });
}
