// Shared helpers for the Python bindings: module tables, exception classes created from TypeScript,
// argument conversions with CPython's error messages.
import {
  PyDict,
  PyModule,
  PyTuple,
  builtin,
  bufferOf,
  call,
  dictSetStr,
  getAttr,
  isStr,
  strVal,
  toIndex,
  typeError,
  typeName,
  utf8Encode,
  types,
  type BuiltinSpec,
  type PyType,
} from '@mpy-ts/core-vm';

type Fn = (...args: any[]) => any;

/** One entry of a module table: a value, or a builtin function with its argument shape. */
export type ModuleEntry = [Fn, BuiltinSpec | number] | { value: any };

/** A module from a const table of entries (STYLE 12). */
export function makeModule(name: string, table: Record<string, ModuleEntry>): PyModule {
  const m = new PyModule(name);
  for (const [k, e] of Object.entries(table)) {
    dictSetStr(m.dict, k, Array.isArray(e) ? builtin(k, e[0], e[1]) : e.value);
  }
  return m;
}

/** A new exception class `module.name(base)`, created as `type(name, (base,), ns)` would. */
export function exceptionClass(name: string, base: PyType, module: string): PyType {
  const ns = new PyDict();
  dictSetStr(ns, '__module__', module);
  return call(types.typeType, [name, new PyTuple([base]), ns]) as PyType;
}

/** A bytes-like argument (the live bytes), or TypeError. */
export function bufferArg(x: any): Uint8Array {
  const b = bufferOf(x);
  if (b === null) throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
  return b;
}

/** A str or bytes-like argument as bytes (str: its code points, which must be ASCII for these uses). */
export function asciiOrBufferArg(x: any, what: string): Uint8Array {
  if (isStr(x)) {
    const s = strVal(x);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) throw typeError(`${what}: string argument should contain only ASCII characters`);
      out[i] = c;
    }
    return out;
  }
  return bufferArg(x);
}

/** An integer argument that must fit a JS number. */
export function intArg(x: any): number {
  const v = toIndex(x);
  if (typeof v === 'bigint') throw typeError("can't convert int to a small int");
  return v;
}

/** An optional integer argument (undefined or None: the default). */
export function optInt(x: any, dflt: number): number {
  return x === undefined || x === null ? dflt : intArg(x);
}

/**
 * Read up to n bytes from any stream object through its `read` method (spec 4.1.11: streams are duck
 * typed). Returns null when a non-blocking stream has no data (`read` returned None).
 */
export function streamRead(stream: any, n: number): Uint8Array | null {
  const r = call(getAttr(stream, 'read'), [n]);
  if (r === null) return null;
  const b = bufferOf(r);
  if (b !== null) return b;
  if (isStr(r)) return utf8Encode(strVal(r));
  throw typeError(`read() should return bytes, not ${typeName(r)}`);
}
