// Block devices: the protocol MicroPython's filesystems use (spec 4.1.13 "Block devices", extmod/vfs.h),
// a RAM disk, and the engine's internal view of a device (`Disk`), which checks every answer.
import { EINVAL, EIO, EROFS, FatError } from './errors.js';

/** ioctl operations of the block protocol. */
export const IOCTL_INIT = 1;
export const IOCTL_DEINIT = 2;
export const IOCTL_SYNC = 3;
export const IOCTL_BLOCK_COUNT = 4;
export const IOCTL_BLOCK_SIZE = 5;
export const IOCTL_BLOCK_ERASE = 6;

/**
 * What a filesystem needs from storage. `buf.length` is always a whole number of blocks.
 * A method may return nothing, `null` or `0` for success; any other number is a failure (EIO), as in
 * MicroPython. Devices may also throw: the error propagates unchanged.
 *
 * Two shapes are accepted, like MicroPython's VfsFat: the current one with `ioctl(op, arg)`
 * (op 4 = block count, 5 = block size or null for 512, 3 = sync, 1 = init, 2 = deinit), and the old one
 * with `count()` and optional `sync()`. A device without `writeblocks` is read-only.
 */
export interface BlockDevice {
  readblocks(block: number, buf: Uint8Array): unknown;
  writeblocks?(block: number, buf: Uint8Array): unknown;
  ioctl?(op: number, arg: number): unknown;
  count?(): unknown;
  sync?(): unknown;
}

/** A block device in memory. `data` is the whole image. */
export class RamBlockDevice implements BlockDevice {
  readonly data: Uint8Array;
  readonly blockSize: number;

  constructor(blockSize: number, blockCount: number);
  constructor(blockSize: number, image: Uint8Array);
  constructor(blockSize: number, countOrImage: number | Uint8Array) {
    this.blockSize = blockSize;
    this.data = typeof countOrImage === 'number' ? new Uint8Array(blockSize * countOrImage) : countOrImage;
    if (this.data.length % blockSize !== 0) throw new FatError(EINVAL, 'image size is not a whole number of blocks');
  }

  readblocks(block: number, buf: Uint8Array): void {
    const start = block * this.blockSize;
    if (start < 0 || start + buf.length > this.data.length) throw new FatError(EIO, `read beyond the device (block ${block})`);
    buf.set(this.data.subarray(start, start + buf.length));
  }

  writeblocks(block: number, buf: Uint8Array): void {
    const start = block * this.blockSize;
    if (start < 0 || start + buf.length > this.data.length) throw new FatError(EIO, `write beyond the device (block ${block})`);
    this.data.set(buf, start);
  }

  ioctl(op: number, _arg: number): number | null {
    if (op === IOCTL_BLOCK_COUNT) return this.data.length / this.blockSize;
    if (op === IOCTL_BLOCK_SIZE) return this.blockSize;
    return op === IOCTL_SYNC || op === IOCTL_INIT || op === IOCTL_DEINIT || op === IOCTL_BLOCK_ERASE ? 0 : null;
  }
}

function asCount(value: unknown, what: string): number {
  if (typeof value === 'bigint') value = Number(value);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new FatError(EIO, `block device ${what} is not a non-negative integer: ${String(value)}`);
  }
  return value;
}

function checkStatus(result: unknown, what: string): void {
  if (result === undefined || result === null || result === 0 || result === 0n || result === true) return;
  if (typeof result === 'number' || typeof result === 'bigint') {
    throw new FatError(EIO, `block device ${what} failed (${String(result)})`);
  }
}

/** The engine's checked view of a block device. */
export class Disk {
  readonly dev: BlockDevice;
  readonly sectorSize: number;
  readonly sectorCount: number;
  readonly writable: boolean;
  /** Counters, for tests and the bench. */
  reads = 0;
  writes = 0;

  constructor(dev: BlockDevice, options: { readonly?: boolean } = {}) {
    this.dev = dev;
    this.writable = !options.readonly && typeof dev.writeblocks === 'function';
    if (typeof dev.readblocks !== 'function') throw new FatError(EINVAL, 'block device has no readblocks method');
    if (typeof dev.ioctl === 'function') {
      const size = dev.ioctl(IOCTL_BLOCK_SIZE, 0);
      this.sectorSize = size === undefined || size === null ? 512 : asCount(size, 'block size');
      this.sectorCount = asCount(dev.ioctl(IOCTL_BLOCK_COUNT, 0), 'block count');
    } else if (typeof dev.count === 'function') {
      this.sectorSize = 512;
      this.sectorCount = asCount(dev.count(), 'count()');
    } else {
      throw new FatError(EINVAL, 'block device has neither ioctl nor count');
    }
    const ss = this.sectorSize;
    if (ss < 512 || ss > 4096 || (ss & (ss - 1)) !== 0) {
      throw new FatError(EINVAL, `unsupported block size ${ss} (FAT needs 512, 1024, 2048 or 4096)`);
    }
  }

  init(): void {
    if (typeof this.dev.ioctl === 'function') checkStatus(this.dev.ioctl(IOCTL_INIT, 0), 'init');
  }

  deinit(): void {
    if (typeof this.dev.ioctl === 'function') checkStatus(this.dev.ioctl(IOCTL_DEINIT, 0), 'deinit');
  }

  read(sector: number, buf: Uint8Array): void {
    const n = buf.length / this.sectorSize;
    if (sector < 0 || sector + n > this.sectorCount) throw new FatError(EIO, `sector ${sector} is beyond the device`);
    this.reads++;
    checkStatus(this.dev.readblocks(sector, buf), 'readblocks');
  }

  write(sector: number, buf: Uint8Array): void {
    if (!this.writable) throw new FatError(EROFS);
    const n = buf.length / this.sectorSize;
    if (sector < 0 || sector + n > this.sectorCount) throw new FatError(EIO, `sector ${sector} is beyond the device`);
    this.writes++;
    checkStatus(this.dev.writeblocks!(sector, buf), 'writeblocks');
  }

  sync(): void {
    if (typeof this.dev.ioctl === 'function') checkStatus(this.dev.ioctl(IOCTL_SYNC, 0), 'sync');
    else if (typeof this.dev.sync === 'function') checkStatus(this.dev.sync(), 'sync');
  }
}
