// A block device backed by an image file (Node only): nothing is loaded into memory.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { IOCTL_BLOCK_COUNT, IOCTL_BLOCK_SIZE, IOCTL_SYNC, type BlockDevice } from '../blockdev.js';

export class FileBlockDevice implements BlockDevice {
  readonly path: string;
  readonly blockSize: number;
  readonly blockCount: number;
  private fd: number;

  /** Opens `path` (read-write unless `readonly`). The file size must be a multiple of `blockSize`. */
  constructor(path: string, options: { blockSize?: number; readonly?: boolean } = {}) {
    this.path = path;
    this.blockSize = options.blockSize ?? 512;
    this.fd = openSync(path, options.readonly ? 'r' : 'r+');
    const size = fstatSync(this.fd).size;
    this.blockCount = Math.floor(size / this.blockSize);
  }

  readblocks(block: number, buf: Uint8Array): void {
    let done = 0;
    while (done < buf.length) {
      const n = readSync(this.fd, buf, done, buf.length - done, block * this.blockSize + done);
      if (n === 0) {
        buf.fill(0, done);
        break;
      }
      done += n;
    }
  }

  writeblocks(block: number, buf: Uint8Array): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, block * this.blockSize + done);
  }

  ioctl(op: number, _arg: number): number | null {
    if (op === IOCTL_BLOCK_COUNT) return this.blockCount;
    if (op === IOCTL_BLOCK_SIZE) return this.blockSize;
    if (op === IOCTL_SYNC) {
      fsyncSync(this.fd);
      return 0;
    }
    return 0;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
