import { EFTYPE, EINVAL, EIO } from './constants.js';

/**
 * Why a btree operation failed:
 * - `EFTYPE` the stream does not hold a valid btree file: bad meta page, truncated file, a page or item
 *   that does not make sense, a loop in the page links (MicroPython raises `OSError(EFTYPE)`);
 * - `EINVAL` a bad argument (page size, `minkeypage`, an empty start key for a keyed scan, a closed
 *   database), as Berkeley DB returns `EINVAL`;
 * - `EIO` the stream misbehaved (a seek that lands elsewhere, a write that writes nothing);
 * - `EPANIC` an earlier operation failed half-way through a change, so the in-memory tree may be
 *   inconsistent; nothing more is written (Berkeley DB's `__dbpanic`);
 * - `EINTERNAL` an unexpected failure inside the engine (a bug: please report it).
 * Errors thrown by the stream itself are passed through unchanged.
 */
export type BtreeErrorCode = 'EFTYPE' | 'EINVAL' | 'EIO' | 'EPANIC' | 'EINTERNAL';

const errnos: Record<BtreeErrorCode, number> = { EFTYPE, EINVAL, EIO, EPANIC: EIO, EINTERNAL: EIO };

/** The one error type the engine throws. */
export class BtreeError extends Error {
  readonly code: BtreeErrorCode;
  /** The matching `errno` value, for an `OSError`. */
  readonly errno: number;

  constructor(code: BtreeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BtreeError';
    this.code = code;
    this.errno = errnos[code];
  }
}

/** A format error: the file is not a valid btree file or is damaged. */
export function corrupt(message: string): BtreeError {
  return new BtreeError('EFTYPE', message);
}

/** A bad argument. */
export function invalid(message: string): BtreeError {
  return new BtreeError('EINVAL', message);
}

/**
 * Errors thrown by the stream: operations pass them through unchanged (a Python binding's stream raises
 * Python exceptions, which must reach the program as they are).
 */
const streamErrors = new WeakSet<object>();

/** Calls a stream method, remembering any error it throws as the stream's own. */
export function streamCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (typeof e === 'object' && e !== null) streamErrors.add(e);
    throw e;
  }
}

/** Whether `e` came from the stream (or is not an Error object at all, which the engine never throws). */
export function isStreamError(e: unknown): boolean {
  return typeof e !== 'object' || e === null || streamErrors.has(e);
}
