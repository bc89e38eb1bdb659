// @mpy-ts/vfs-fat: a FAT12/16/32 filesystem engine (MicroPython's VfsFat without Python).
export {
  EACCES,
  EBADF,
  EBUSY,
  EEXIST,
  EFBIG,
  EINVAL,
  EIO,
  EISDIR,
  ENAMETOOLONG,
  ENODEV,
  ENOENT,
  ENOMEM,
  ENOSPC,
  ENOTDIR,
  ENOTEMPTY,
  EPERM,
  EROFS,
  FatError,
  errnoNames,
} from './errors.js';
export {
  Disk,
  IOCTL_BLOCK_COUNT,
  IOCTL_BLOCK_ERASE,
  IOCTL_BLOCK_SIZE,
  IOCTL_DEINIT,
  IOCTL_INIT,
  IOCTL_SYNC,
  RamBlockDevice,
  type BlockDevice,
} from './blockdev.js';
export { mkfs, type MkfsOptions, type MkfsResult } from './mkfs.js';
export {
  FatVolume,
  S_IFDIR,
  S_IFREG,
  type FatListEntry,
  type FatStat,
  type FatStatVfs,
  type MountOptions,
} from './volume.js';
export { FatFile, MAX_FILE_SIZE, parseMode, type OpenFlags } from './file.js';
export { type FatType, type Geometry } from './layout.js';
export {
  clockFromEpochSeconds,
  dateTimeFromEpoch,
  fatToEpochSeconds,
  fixedClock,
  packDateTime,
  systemClock,
  unpackDateTime,
  type FatClock,
  type FatDateTime,
} from './time.js';
export { makeShortName, shortNameChecksum, validateName, type ShortName } from './names.js';
export { checkVolume, type CheckReport } from './check.js';
