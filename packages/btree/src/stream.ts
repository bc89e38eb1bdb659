// The random-access stream a database lives in. It is the shape of MicroPython's stream protocol as
// modbtree.c uses it (read, write, lseek, fsync), so the same engine runs on a FAT file, a BytesIO, a
// raw flash partition or a Node file. All calls are synchronous: the VM is synchronous.

/** `whence` values of `seek`. */
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

export interface BtreeStream {
  /** Reads up to `buf.length` bytes at the position into `buf` and advances; returns the count, 0 at the end. */
  read(buf: Uint8Array): number;
  /** Writes `buf` at the position (extending the stream) and advances; returns the count written. */
  write(buf: Uint8Array): number;
  /** Moves the position (`whence` is `SEEK_SET`, `SEEK_CUR` or `SEEK_END`); returns the new position. */
  seek(offset: number, whence: number): number;
  /** Pushes written data to the storage. */
  flush(): void;
}

/** An in-memory stream, like `io.BytesIO`: writing past the end zero-fills the gap. */
export class MemoryStream implements BtreeStream {
  private data: Uint8Array;
  private length: number;
  private pos = 0;

  /** Starts with a copy of `initial` (empty by default), positioned at 0. */
  constructor(initial?: Uint8Array) {
    this.data = new Uint8Array(Math.max(initial?.length ?? 0, 256));
    this.length = initial?.length ?? 0;
    if (initial) this.data.set(initial);
  }

  /** The stream's content (a copy). */
  bytes(): Uint8Array {
    return this.data.slice(0, this.length);
  }

  /** The content's length. */
  get size(): number {
    return this.length;
  }

  /** Cuts the content to `size` bytes. */
  truncate(size: number): void {
    if (size < this.length) {
      this.data.fill(0, size, this.length);
      this.length = size;
    }
  }

  read(buf: Uint8Array): number {
    const n = Math.max(0, Math.min(buf.length, this.length - this.pos));
    buf.set(this.data.subarray(this.pos, this.pos + n));
    this.pos += n;
    return n;
  }

  write(buf: Uint8Array): number {
    const end = this.pos + buf.length;
    if (end > this.data.length) {
      const grown = new Uint8Array(Math.max(end, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(buf, this.pos);
    this.pos = end;
    if (end > this.length) this.length = end;
    return buf.length;
  }

  seek(offset: number, whence: number): number {
    const base = whence === SEEK_END ? this.length : whence === SEEK_CUR ? this.pos : 0;
    this.pos = Math.max(0, base + offset);
    return this.pos;
  }

  flush(): void {}
}
