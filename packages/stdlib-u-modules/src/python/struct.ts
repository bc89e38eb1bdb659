// ustruct (spec 4.1.18): calcsize, pack, pack_into, unpack, unpack_from, with CPython's codes, prefixes
// and errors (spec 6.4.5 lists MicroPython's missing argument-count checks as a difference: we check, as
// CPython). The native ('@') sizes follow the VM's word size: ILP32 on a board (sys.maxsize 2**31-1),
// LP64 for the 64-bit unix-style VM.
import {
  PyByteArray,
  PyBytes,
  PyFloat,
  PyObject,
  PyTuple,
  asInt,
  bufferOf,
  callSpecial,
  getIter,
  defineType,
  isStr,
  lookupSpecial,
  newException,
  strVal,
  toIndex,
  toNumberValue,
  truthy,
  typeError,
  typeName,
  types,
  type PyModule,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import {
  ESP8266_NATIVE,
  StructError,
  StructFormat,
  checkArgCount,
  packInto,
  resolveOffset,
  unpack,
  unpackFrom,
  type NativeModel,
  type PackSource,
  type UnpackSink,
} from '../struct/struct.js';
import { bufferArg, exceptionClass, intArg, makeModule } from './util.js';

const LP64_NATIVE: NativeModel = { littleEndian: true, long: 8, pointer: 8 };

/** The native model of a VM: its sys.maxsize tells the word size. */
export function nativeModelOf(vm: VM): NativeModel {
  return vm.maxsize > 2n ** 31n ? LP64_NATIVE : ESP8266_NATIVE;
}

export const PACK_SOURCE: PackSource<any> = {
  int(v) {
    const i = asInt(v);
    if (i !== undefined) return i;
    if (typeof v === 'object' && v !== null && !(v instanceof PyFloat) && lookupSpecial(v, '__index__') !== undefined) return toIndex(v);
    return null;
  },
  float(v) {
    let x: number | undefined;
    try {
      x = toNumberValue(v);
    } catch {
      return null; // an int too large for a float: "required argument is not a float"
    }
    if (x !== undefined) return x;
    if (typeof v === 'object' && v !== null && lookupSpecial(v, '__float__') !== undefined) {
      return toNumberValue(callSpecial(v, '__float__', [])) ?? null;
    }
    return null;
  },
  bytes(v) {
    if (v instanceof PyBytes || v instanceof PyByteArray) return bufferOf(v);
    return null;
  },
  truth(v) {
    return truthy(v);
  },
};

export const UNPACK_SINK: UnpackSink<any> = {
  int: (v) => (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v),
  float: (v) => new PyFloat(v),
  bytes: (b) => new PyBytes(b),
  bool: (b) => b,
};

interface StructState {
  error: PyType;
  native: NativeModel;
  cache: Map<string, StructFormat>;
}

function fail(st: StructState, e: unknown): never {
  if (e instanceof StructError) {
    if (e.kind === 'overflow') throw newException(types.overflowErrorType, e.message);
    if (e.kind === 'type') throw typeError(e.message);
    throw newException(st.error, e.message);
  }
  throw e;
}

function guard<R>(st: StructState, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    fail(st, e);
  }
}

function formatOf(st: StructState, f: any): StructFormat {
  let s: string;
  if (isStr(f)) s = strVal(f);
  else if (f instanceof PyBytes) s = String.fromCharCode(...f.data);
  else if (f instanceof PyStruct) return f.fmt;
  else throw typeError(`Struct() argument 1 must be a str or bytes object, not ${typeName(f)}`);
  let fmt = st.cache.get(s);
  if (fmt === undefined) {
    fmt = guard(st, () => new StructFormat(s, st.native));
    if (st.cache.size > 100) st.cache.clear();
    st.cache.set(s, fmt);
  }
  return fmt;
}

function doPack(st: StructState, fmt: StructFormat, values: any[]): PyBytes {
  return guard(st, () => {
    checkArgCount(fmt, values.length);
    const out = new Uint8Array(fmt.size);
    packInto(fmt, out, 0, values, PACK_SOURCE);
    return new PyBytes(out);
  });
}

function doPackInto(st: StructState, fmt: StructFormat, buffer: any, offset: any, values: any[]): null {
  if (buffer instanceof PyBytes || bufferOf(buffer) === null) {
    throw typeError(`argument must be read-write bytes-like object, not ${typeName(buffer)}`);
  }
  return guard(st, () => {
    checkArgCount(fmt, values.length, 'pack_into');
    const buf = bufferArg(buffer);
    const at = resolveOffset(fmt, buf.length, intArg(offset), 'pack_into');
    packInto(fmt, buf, at, values, PACK_SOURCE, 'pack_into');
    return null;
  });
}

function doUnpack(st: StructState, fmt: StructFormat, data: any): PyTuple {
  const buf = bufferArg(data);
  return guard(st, () => new PyTuple(unpack(fmt, buf, UNPACK_SINK)));
}

function doUnpackFrom(st: StructState, fmt: StructFormat, data: any, offset: any): PyTuple {
  const buf = bufferArg(data);
  return guard(st, () => {
    const at = resolveOffset(fmt, buf.length, offset === undefined ? 0 : intArg(offset), 'unpack_from');
    return new PyTuple(unpackFrom(fmt, buf, at, UNPACK_SINK));
  });
}

class PyStruct extends PyObject {
  fmt: StructFormat;
  st: StructState;
  constructor(type: PyType, fmt: StructFormat, st: StructState) {
    super(type);
    this.fmt = fmt;
    this.st = st;
  }
}

export function makeStructModule(vm: VM, name = 'ustruct'): PyModule {
  const st: StructState = { error: exceptionClass('error', types.valueErrorType, 'struct'), native: nativeModelOf(vm), cache: new Map() };
  // Struct(format): a compiled format (CPython; not in the 1.9.4 spec).
  const structClass = defineType({
    name: 'Struct',
    module: name,
    subclassable: false,
    make: (type, args, kwnames) => {
      if (args.length - (kwnames?.length ?? 0) !== 1) throw typeError('Struct() takes exactly one argument');
      return new PyStruct(type, formatOf(st, args[0]), st);
    },
    methods: {
      pack: [(self: PyStruct, values: any[]) => doPack(self.st, self.fmt, values), { params: 'self, *values', min: 1 }],
      pack_into: [(self: PyStruct, buffer: any, offset: any, values: any[]) => doPackInto(self.st, self.fmt, buffer, offset, values), { params: 'self, buffer, offset, *values', min: 3 }],
      unpack: [(self: PyStruct, data: any) => doUnpack(self.st, self.fmt, data), 2],
      unpack_from: [(self: PyStruct, data: any, offset: any) => doUnpackFrom(self.st, self.fmt, data, offset), { params: 'self, buffer, offset', min: 2 }],
    },
    getsets: {
      size: (self: PyStruct) => self.fmt.size,
      format: (self: PyStruct) => self.fmt.format,
    },
  });
  return makeModule(name, {
    error: { value: st.error },
    Struct: { value: structClass },
    // calcsize(fmt): the number of bytes needed to store fmt.
    calcsize: [(fmt: any) => formatOf(st, fmt).size, 1],
    // pack(fmt, v1, v2, ...): the values packed as a bytes object.
    pack: [(fmt: any, values: any[]) => doPack(st, formatOf(st, fmt), values), { params: 'fmt, /, *values', min: 1 }],
    // pack_into(fmt, buffer, offset, v1, v2, ...): offset may be negative to count from the end.
    pack_into: [
      (fmt: any, buffer: any, offset: any, values: any[]) => doPackInto(st, formatOf(st, fmt), buffer, offset, values),
      { params: 'fmt, buffer, offset, /, *values', min: 3 },
    ],
    // unpack(fmt, data): a tuple of the unpacked values; data must be exactly calcsize(fmt) bytes.
    unpack: [(fmt: any, data: any) => doUnpack(st, formatOf(st, fmt), data), { params: 'fmt, buffer, /' }],
    // unpack_from(fmt, data, offset=0): offset may be negative to count from the end.
    unpack_from: [(fmt: any, data: any, offset: any) => doUnpackFrom(st, formatOf(st, fmt), data, offset), { params: 'fmt, /, buffer, offset', min: 2 }],
    iter_unpack: [(fmt: any, data: any) => {
      const f = formatOf(st, fmt);
      const buf = bufferArg(data);
      if (f.size === 0) throw newException(st.error, 'cannot iteratively unpack with a struct of length 0');
      if (buf.length % f.size !== 0) throw newException(st.error, `iterative unpacking requires a buffer of a multiple of ${f.size} bytes`);
      const items: any[] = [];
      for (let at = 0; at < buf.length; at += f.size) items.push(new PyTuple(unpackFrom(f, buf, at, UNPACK_SINK)));
      return getIter(new PyTuple(items));
    }, 2],
  });
}
