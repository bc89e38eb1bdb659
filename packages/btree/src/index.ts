export { Btree, RangeScan } from './btree.js';
export type { BtreeOptions, BtreeStats, ScanKind } from './btree.js';
export { BtreeError } from './errors.js';
export type { BtreeErrorCode } from './errors.js';
export { compareBytes } from './search.js';
export type { Entry } from './seq.js';
export { MemoryStream, SEEK_CUR, SEEK_END, SEEK_SET } from './stream.js';
export type { BtreeStream } from './stream.js';
export {
  BIG_ENDIAN,
  DEFPSIZE,
  DESC,
  INCL,
  LITTLE_ENDIAN,
  MAXPSIZE,
  MINPSIZE,
  R_CURSOR,
  R_DUP,
  R_FIRST,
  R_LAST,
  R_NEXT,
  R_NOOVERWRITE,
  R_PREV,
} from './constants.js';
