// Node adapter: a BtreeStream over a file, and a helper that opens a database file.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { Btree, type BtreeOptions } from '../btree.js';
import { SEEK_CUR, SEEK_END, type BtreeStream } from '../stream.js';

/** A file opened for reading and writing, as a BtreeStream (like a file opened "r+b" or "w+b"). */
export class NodeFileStream implements BtreeStream {
  readonly fd: number;
  private pos = 0;
  private closed = false;

  /**
   * Opens `path`: mode "r+" needs an existing file, "w+" creates or truncates it, "a+" (the default)
   * creates it if missing and keeps its content.
   */
  constructor(path: string, mode: 'r+' | 'w+' | 'a+' = 'a+') {
    // (Node's "a+" would force every write to the end: create the file, then open it "r+".)
    if (mode === 'a+') closeSync(openSync(path, 'a'));
    this.fd = openSync(path, mode === 'a+' ? 'r+' : mode);
  }

  read(buf: Uint8Array): number {
    const n = readSync(this.fd, buf, 0, buf.length, this.pos);
    this.pos += n;
    return n;
  }

  write(buf: Uint8Array): number {
    const n = writeSync(this.fd, buf, 0, buf.length, this.pos);
    this.pos += n;
    return n;
  }

  seek(offset: number, whence: number): number {
    const base = whence === SEEK_END ? fstatSync(this.fd).size : whence === SEEK_CUR ? this.pos : 0;
    this.pos = Math.max(0, base + offset);
    return this.pos;
  }

  flush(): void {
    fsyncSync(this.fd);
  }

  /** Closes the file (again: no effect). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** A database in a file: `close` closes both. */
export interface BtreeFile {
  readonly db: Btree;
  readonly stream: NodeFileStream;
  close(): void;
}

/** Opens (creating it if needed) the database file at `path`. */
export function openBtreeFile(path: string, options?: BtreeOptions): BtreeFile {
  const stream = new NodeFileStream(path);
  let db: Btree;
  try {
    db = Btree.open(stream, options);
  } catch (e) {
    stream.close();
    throw e;
  }
  return {
    db,
    stream,
    close() {
      try {
        db.close();
      } finally {
        stream.close();
      }
    },
  };
}
