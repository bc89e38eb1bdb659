export {
  FORMAT_AUTO,
  FORMAT_GZIP,
  FORMAT_RAW,
  FORMAT_ZLIB,
  InflateError,
  Inflater,
  crc32,
  decompress,
  framingForWbits,
  type InflateSource,
} from './inflate.js';
