// uzlib (spec 4.1.20): decompress(data, wbits=0, bufsize=0) and the DecompIO stream wrapper, on our own
// DEFLATE decoder (zlib, raw, gzip and auto-detected framing). Errors: zlib.error, a ValueError subclass
// (MicroPython raises ValueError; CPython zlib.error), with CPython's messages.
import { PyBytes, PyObject, defineType, newException, osError, typeError, types, type PyModule, type PyType } from '@mpy-ts/core-vm';
import { InflateError, Inflater, decompress, framingForWbits } from '../zlib/inflate.js';
import { bufferArg, exceptionClass, makeModule, optInt, streamRead } from './util.js';
import { defineReadStream, type ReadStream } from './stream.js';

class PyDecompIO extends PyObject implements ReadStream {
  inflater: Inflater;
  constructor(type: PyType, inflater: Inflater) {
    super(type);
    this.inflater = inflater;
  }
  readSome(max: number): Uint8Array {
    try {
      return this.inflater.read(max);
    } catch (e) {
      if (e instanceof InflateError) throw osError(22);
      throw e;
    }
  }
}

export function makeZlibModule(name = 'uzlib'): PyModule {
  const error = exceptionClass('error', types.valueErrorType, 'zlib');
  const fail = (e: unknown): never => {
    if (e instanceof InflateError) {
      throw newException(error, e.code === -2 ? 'Error -2 while preparing to decompress data: inconsistent stream state' : `Error ${e.code} while decompressing data: ${e.message}`);
    }
    throw e;
  };
  const decompIOType = defineType({
    name: 'DecompIO',
    module: name,
    subclassable: false,
    // DecompIO(stream, wbits=0): decompresses what it reads from `stream` (wbits 24..31: gzip header).
    make: (type, args, kwnames) => {
      const n = args.length - (kwnames?.length ?? 0);
      if (n < 1 || n > 2 || (kwnames?.length ?? 0) > 0) throw typeError(`function takes 1 to 2 positional arguments`);
      const stream = args[0];
      let framing;
      try {
        framing = framingForWbits(optInt(args[1], 0));
      } catch (e) {
        fail(e);
      }
      // one byte per read, so the underlying stream is never read past the end of the compressed data
      const inflater = new Inflater(() => {
        const b = streamRead(stream, 1);
        if (b === null) throw osError(11);
        return b.length === 0 ? null : b;
      }, framing!.format, framing!.window);
      return new PyDecompIO(type, inflater);
    },
  });
  defineReadStream(decompIOType);
  return makeModule(name, {
    error: { value: error },
    DecompIO: { value: decompIOType },
    // decompress(data, wbits=0, bufsize=0): bufsize is ignored.
    decompress: [(data: any, wbits: any, bufsize: any) => {
      void bufsize;
      try {
        return new PyBytes(decompress(bufferArg(data), optInt(wbits, 0)));
      } catch (e) {
        return fail(e);
      }
    }, { params: 'data, /, wbits, bufsize', min: 1 }],
  });
}
