// ubinascii (spec 4.1.6): hexlify with a separator, unhexlify, base64 both ways, crc32. Where the spec is
// silent we follow CPython's binascii (optional arguments, binascii.Error as a ValueError subclass).
import { PyBytes, isStr, newException, toIndex, types, type PyModule, type PyType } from '@mpy-ts/core-vm';
import { BinasciiError, a2bBase64, b2aBase64, hexlify, unhexlify } from '../binascii/binascii.js';
import { crc32 } from '../zlib/inflate.js';
import { asciiOrBufferArg, bufferArg, exceptionClass, makeModule, optInt } from './util.js';

function guard<R>(errorType: PyType, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BinasciiError) throw newException(errorType, e.message);
    throw e;
  }
}

export function makeBinasciiModule(name = 'ubinascii'): PyModule {
  const error = exceptionClass('Error', types.valueErrorType, 'binascii');
  return makeModule(name, {
    Error: { value: error },
    // hexlify(data[, sep[, bytes_per_sep]]): "Returns bytes string"; sep between hex values.
    hexlify: [
      (data: any, sep: any, perSep: any) => {
        const d = bufferArg(data);
        const s = sep === undefined || sep === null ? undefined : asciiOrBufferArg(sep, 'hexlify');
        if (s !== undefined && s.length !== 1) throw newException(types.valueErrorType, 'sep must be length 1.');
        return new PyBytes(hexlify(d, s, optInt(perSep, 1)));
      },
      { params: 'data, /, sep, bytes_per_sep', min: 1 },
    ],
    // unhexlify(data): inverse of hexlify; str arguments must be ASCII (CPython).
    unhexlify: [(data: any) => new PyBytes(guard(error, () => unhexlify(asciiOrBufferArg(data, 'unhexlify')))), { params: 'data, /' }],
    // a2b_base64(data): ignores invalid characters (RFC 2045 s.6.8).
    a2b_base64: [
      (data: any) => new PyBytes(guard(error, () => a2bBase64(asciiOrBufferArg(data, 'a2b_base64')))),
      { params: 'data, /, *, strict_mode', min: 1 },
    ],
    // b2a_base64(data, *, newline=True): RFC 3548, followed by a newline.
    b2a_base64: [
      (data: any, newline: any) => {
        if (isStr(data)) throw newException(types.typeErrorType, "a bytes-like object is required, not 'str'");
        return new PyBytes(b2aBase64(bufferArg(data), newline === undefined ? true : newline !== false && newline !== 0));
      },
      { params: 'data, /, *, newline', min: 1 },
    ],
    // crc32(data[, value]): CRC-32 of data, continuing from value.
    crc32: [
      (data: any, value: any) => {
        const v = value === undefined ? 0 : Number(BigInt.asUintN(32, BigInt(toIndex(value))));
        return crc32(bufferArg(data), v);
      },
      { params: 'data, value, /', min: 1 },
    ],
  });
}
