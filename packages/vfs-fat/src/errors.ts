// Errors of the FAT engine: every failure is a FatError carrying a POSIX errno (the Linux numbers that
// MicroPython's `uerrno` uses), so the Python binding can raise `OSError(errno)` without guessing.

export const EPERM = 1;
export const ENOENT = 2;
export const EIO = 5;
export const EBADF = 9;
export const ENOMEM = 12;
export const EACCES = 13;
export const EBUSY = 16;
export const EEXIST = 17;
export const ENODEV = 19;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const EFBIG = 27;
export const ENOSPC = 28;
export const EROFS = 30;
export const ENAMETOOLONG = 36;
export const ENOTEMPTY = 39;

/** Symbolic names, for messages (`[Errno 2] ENOENT`, as MicroPython prints them). */
export const errnoNames: Readonly<Record<number, string>> = {
  [EPERM]: 'EPERM',
  [ENOENT]: 'ENOENT',
  [EIO]: 'EIO',
  [EBADF]: 'EBADF',
  [ENOMEM]: 'ENOMEM',
  [EACCES]: 'EACCES',
  [EBUSY]: 'EBUSY',
  [EEXIST]: 'EEXIST',
  [ENODEV]: 'ENODEV',
  [ENOTDIR]: 'ENOTDIR',
  [EISDIR]: 'EISDIR',
  [EINVAL]: 'EINVAL',
  [EFBIG]: 'EFBIG',
  [ENOSPC]: 'ENOSPC',
  [EROFS]: 'EROFS',
  [ENAMETOOLONG]: 'ENAMETOOLONG',
  [ENOTEMPTY]: 'ENOTEMPTY',
};

/** A failed filesystem operation. `errno` is what the Python binding puts in `OSError.args[0]`. */
export class FatError extends Error {
  readonly errno: number;
  /** For a write that ran out of space part way: how many bytes did reach the file. */
  readonly bytesWritten: number;

  constructor(errno: number, detail?: string, bytesWritten = 0) {
    const name = errnoNames[errno] ?? `errno ${errno}`;
    super(detail ? `[Errno ${errno}] ${name}: ${detail}` : `[Errno ${errno}] ${name}`);
    this.name = 'FatError';
    this.errno = errno;
    this.bytesWritten = bytesWritten;
  }
}

export function fail(errno: number, detail?: string): never {
  throw new FatError(errno, detail);
}
