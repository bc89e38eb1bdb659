// BaseException and the builtin hierarchy (MicroPython py/objexcept.c, CPython Objects/exceptions.c).
// Python exceptions are thrown as these objects directly (no JS Error: no stack capture cost).
import { PyInstance, type PyType } from '../object.js';
import * as T from '../types.js';
import { PyTuple, EMPTY_TUPLE } from './tuple.js';

/** One traceback line: where an exception passed through a frame. */
export interface TbEntry {
  filename: string;
  line: number;
  name: string;
}

export class PyBaseException extends PyInstance {
  args: PyTuple;
  /** Traceback entries, innermost first (printed in reverse). */
  traceback: TbEntry[] | null;
  cause: PyBaseException | null;
  context: PyBaseException | null;
  suppressContext: boolean;
  /** Type-specific data (SyntaxError location, ImportError name/path), or null. */
  extra: any;
  constructor(type: PyType, args: PyTuple) {
    super(type);
    this.args = args;
    this.traceback = null;
    this.cause = null;
    this.context = null;
    this.suppressContext = false;
    this.extra = null;
  }
}

/** Make an exception instance of a builtin exception type with the given args. */
export function newException(type: PyType, ...args: any[]): PyBaseException {
  return new PyBaseException(type, args.length === 0 ? EMPTY_TUPLE : new PyTuple(args));
}

export const typeError = (msg: string): PyBaseException => newException(T.typeErrorType, msg);
export const valueError = (msg: string): PyBaseException => newException(T.valueErrorType, msg);
export const indexError = (msg: string): PyBaseException => newException(T.indexErrorType, msg);
export const keyError = (key: any): PyBaseException => newException(T.keyErrorType, key);
export const attributeError = (msg: string): PyBaseException => newException(T.attributeErrorType, msg);
export const nameError = (msg: string): PyBaseException => newException(T.nameErrorType, msg);
export const runtimeError = (msg: string): PyBaseException => newException(T.runtimeErrorType, msg);
export const overflowError = (msg: string): PyBaseException => newException(T.overflowErrorType, msg);
export const zeroDivisionError = (msg: string): PyBaseException => newException(T.zeroDivisionErrorType, msg);
export const notImplementedError = (msg: string): PyBaseException => newException(T.notImplementedErrorType, msg);
export const memoryError = (msg?: string): PyBaseException =>
  msg === undefined ? newException(T.memoryErrorType) : newException(T.memoryErrorType, msg);
/** Whether a big int is outside CPython's Py_ssize_t (64-bit): such an index cannot even be tried. */
export const beyondSsize = (i: bigint): boolean => i >= 0x8000000000000000n || i < -0x8000000000000000n;
/** The IndexError for a big-int index: out of range, or CPython's "cannot fit" beyond Py_ssize_t. */
export const bigIndexError = (i: bigint, msg: string): PyBaseException =>
  indexError(beyondSsize(i) ? "cannot fit 'int' into an index-sized integer" : msg);
/** A repeat count or size that is a big int: OverflowError beyond Py_ssize_t, else MemoryError. */
export const bigSizeError = (i: bigint): PyBaseException =>
  beyondSsize(i) ? overflowError("cannot fit 'int' into an index-sized integer") : memoryError();
/** A C Py_ssize_t argument (a width, a position): OverflowError as CPython's beyond 64 bits. */
export function ssizeArg(v: number | bigint): number {
  if (typeof v === 'number') return v;
  if (beyondSsize(v)) throw overflowError('Python int too large to convert to C ssize_t');
  return Number(v);
}
/** A C int argument (a tab size): OverflowError as CPython's beyond 32 bits. */
export function cIntArg(v: number | bigint): number {
  if (v > 0x7fffffff || v < -0x80000000) throw overflowError('Python int too large to convert to C int');
  return Number(v);
}
/** Longest str/bytes result we build: beyond it, MemoryError (as CPython when allocation fails). */
export const MAX_TEXT = 1 << 28;
export const importError = (msg: string): PyBaseException => newException(T.importErrorType, msg);
export const osError = (errno: number, msg?: string): PyBaseException =>
  msg === undefined ? newException(T.osErrorType, errno) : newException(T.osErrorType, errno, msg);
export const stopIteration = (value?: any): PyBaseException =>
  value === undefined || value === null ? newException(T.stopIterationType) : newException(T.stopIterationType, value);
export const systemError = (msg: string): PyBaseException => newException(T.systemErrorType, msg);
export const unicodeError = (msg: string): PyBaseException => newException(T.unicodeErrorType, msg);

export function isException(x: any): x is PyBaseException {
  return x instanceof PyBaseException;
}

/** True if exc is an instance of type (or a subclass). */
export function excMatches(exc: PyBaseException, type: PyType): boolean {
  return exc.type.isSubtypeOf(type);
}

// ---- the exception types' behaviour ------------------------------------------------------------------

import { defMethod, defGetSet } from './function.js';
import { repr, str, typeOf, asInt, isInstance, instDict, toIndex } from '../runtime.js';
import { PyDict } from './dict.js';
import { strRepr } from './str.js';
import { PyBytes, bufferOf } from './bytes.js';

function excArgs(args: any[], kwnames: readonly string[] | null): any[] {
  const nkw = kwnames?.length ?? 0;
  return nkw === 0 ? args : args.slice(0, args.length - nkw);
}

function errnoName(n: number): string {
  return ERRNO_NAMES[n] ?? String(n);
}

/** errno -> symbolic name (MicroPython prints OSError(ENOENT) as "[Errno 2] ENOENT"). */
export const ERRNO_NAMES: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 3: 'ESRCH', 4: 'EINTR', 5: 'EIO', 6: 'ENXIO', 7: 'E2BIG', 8: 'ENOEXEC', 9: 'EBADF',
  10: 'ECHILD', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 16: 'EBUSY', 17: 'EEXIST',
  18: 'EXDEV', 19: 'ENODEV', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL', 23: 'ENFILE', 24: 'EMFILE',
  25: 'ENOTTY', 26: 'ETXTBSY', 27: 'EFBIG', 28: 'ENOSPC', 29: 'ESPIPE', 30: 'EROFS', 31: 'EMLINK', 32: 'EPIPE',
  33: 'EDOM', 34: 'ERANGE', 39: 'ENOTEMPTY', 95: 'EOPNOTSUPP', 97: 'EAFNOSUPPORT', 98: 'EADDRINUSE',
  103: 'ECONNABORTED', 104: 'ECONNRESET', 105: 'ENOBUFS', 106: 'EISCONN', 107: 'ENOTCONN', 110: 'ETIMEDOUT',
  111: 'ECONNREFUSED', 113: 'EHOSTUNREACH', 114: 'EALREADY', 115: 'EINPROGRESS',
};

export function setupExceptions(): void {
  const t = T.baseExceptionType;
  t.alloc = (type) => new PyBaseException(type, EMPTY_TUPLE);
  t.make = (type, args, kwnames) => {
    const e = new PyBaseException(type, new PyTuple(excArgs(args, kwnames).slice()));
    return e;
  };
  t.repr = (x) => {
    const e = x as PyBaseException;
    const items = e.args.items;
    const name = e.type.name;
    // MicroPython (like CPython 3.4-3.6) prints one-argument exceptions with a trailing comma
    if (items.length === 1) return `${name}(${repr(items[0])},)`;
    return `${name}(${items.map(repr).join(', ')})`;
  };
  t.str = (x) => {
    const e = x as PyBaseException;
    const items = e.args.items;
    if (items.length === 0) return '';
    if (items.length === 1) return str(items[0]);
    return str(e.args);
  };
  defMethod(t, '__init__', (args: any[], kwnames: readonly string[] | null) => {
    const e = args[0] as PyBaseException;
    e.args = new PyTuple(excArgs(args, kwnames).slice(1));
    return null;
  }, { raw: true, min: 1 });
  defGetSet(t, 'args', (x) => (x as PyBaseException).args, (x, v) => {
    if (v === undefined) throw typeError("args may not be deleted");
    (x as PyBaseException).args = v instanceof PyTuple ? v : new PyTuple([...(v.items ?? [v])]);
  });
  defGetSet(t, '__cause__', (x) => (x as PyBaseException).cause, (x, v) => {
    if (v !== null && !(v instanceof PyBaseException)) throw typeError('exception cause must be None or derive from BaseException');
    (x as PyBaseException).cause = v;
    (x as PyBaseException).suppressContext = true;
  });
  defGetSet(t, '__context__', (x) => (x as PyBaseException).context, (x, v) => {
    if (v !== null && !(v instanceof PyBaseException)) throw typeError('exception context must be None or derive from BaseException');
    (x as PyBaseException).context = v;
  });
  defGetSet(t, '__suppress_context__', (x) => (x as PyBaseException).suppressContext, (x, v) => {
    (x as PyBaseException).suppressContext = v === true;
  });
  defGetSet(t, '__traceback__', (x) => tracebackHook(x as PyBaseException), (x, v) => {
    if (v === null) (x as PyBaseException).traceback = null;
  });
  defGetSet(t, '__dict__', (x) => instDict(x as PyBaseException));
  defMethod(t, 'with_traceback', (self, _tb) => self, 2);

  defGetSet(T.stopIterationType, 'value', (x) => {
    const a = (x as PyBaseException).args.items;
    return a.length > 0 ? a[0] : null;
  });
  defGetSet(T.systemExitType, 'code', (x) => {
    const a = (x as PyBaseException).args.items;
    return a.length === 0 ? null : a.length === 1 ? a[0] : (x as PyBaseException).args;
  });
  T.keyErrorType.str = (x) => {
    const a = (x as PyBaseException).args.items;
    if (a.length === 1) return repr(a[0]);
    return t.str!(x);
  };
  const os = T.osErrorType;
  os.str = (x) => {
    const e = x as PyBaseException;
    const a = e.args.items;
    // MicroPython (uerrno): OSError(errno) alone prints its symbolic name, as "[Errno 2] ENOENT"
    if (a.length === 1 && e.type === T.osErrorType && typeof a[0] === 'number' && ERRNO_NAMES[a[0]] !== undefined) {
      return `[Errno ${a[0]}] ${ERRNO_NAMES[a[0]]}`;
    }
    if (a.length >= 2 && asInt(a[0]) !== undefined) {
      if (a.length >= 3 && a[2] !== null) return `[Errno ${str(a[0])}] ${str(a[1])}: ${repr(a[2])}`;
      return `[Errno ${str(a[0])}] ${str(a[1])}`;
    }
    return t.str!(x);
  };
  os.make = (type, args, kwnames) => {
    const a = excArgs(args, kwnames).slice();
    let tt = type;
    // CPython maps errno to the OSError subclass when constructing OSError itself
    if (type === T.osErrorType && a.length >= 2 && typeof a[0] === 'number') {
      const sub = ERRNO_SUBCLASS[a[0]];
      if (sub !== undefined) tt = sub();
    }
    return new PyBaseException(tt, new PyTuple(a));
  };
  defGetSet(os, 'errno', (x) => {
    const a = (x as PyBaseException).args.items;
    return a.length >= 1 && asInt(a[0]) !== undefined ? a[0] : null;
  });
  defGetSet(os, 'strerror', (x) => {
    const a = (x as PyBaseException).args.items;
    return a.length >= 2 ? a[1] : null;
  });
  defGetSet(os, 'filename', (x) => {
    const a = (x as PyBaseException).args.items;
    return a.length >= 3 ? a[2] : null;
  });
  defGetSet(T.importErrorType, 'name', (x) => instAttrOr(x, 'name'));
  defGetSet(T.importErrorType, 'path', (x) => instAttrOr(x, 'path'));
  T.importErrorType.make = (type, args, kwnames) => {
    const nkw = kwnames?.length ?? 0;
    const e = new PyBaseException(type, new PyTuple(excArgs(args, kwnames).slice()));
    for (let i = 0; i < nkw; i++) {
      const k = kwnames![i];
      if (k !== 'name' && k !== 'path') throw typeError(`'${k}' is an invalid keyword argument for ${type.name}()`);
      e.extra ??= {};
      e.extra[k] = args[args.length - nkw + i];
    }
    return e;
  };
  const se = T.syntaxErrorType;
  const synAttr = (name: string) => (x: any) => {
    const s = (x as PyBaseException).extra;
    if (s !== undefined && s !== null) return s[name] ?? null;
    const a = (x as PyBaseException).args.items;
    if (name === 'msg') return a.length > 0 ? a[0] : null;
    if (a.length >= 2 && a[1] instanceof PyTuple) {
      const i = ['filename', 'lineno', 'offset', 'text'].indexOf(name);
      return a[1].items[i] ?? null;
    }
    return null;
  };
  for (const n of ['msg', 'filename', 'lineno', 'offset', 'text']) defGetSet(se, n, synAttr(n));
  se.str = (x) => {
    const a = (x as PyBaseException).args.items;
    const msg = a.length > 0 ? str(a[0]) : '';
    return msg;
  };
  // UnicodeEncodeError/UnicodeDecodeError: args (encoding, object, start, end, reason) as CPython, the
  // message built from them
  for (const [ut, decode] of [[T.unicodeEncodeErrorType, false], [T.unicodeDecodeErrorType, true]] as const) {
    ut.make = (type, args, kwnames) => {
      const a = excArgs(args, kwnames).slice();
      if (a.length !== 5) throw typeError(`function takes exactly 5 arguments (${a.length} given)`);
      const argType = (i: number, want: string, ok: boolean) => {
        if (!ok) throw typeError(`argument ${i} must be ${want}, not ${typeOf(a[i - 1]).name}`);
      };
      argType(1, 'str', typeof a[0] === 'string');
      if (decode) {
        const o = a[1];
        const b = bufferOf(o);
        if (b === null) throw typeError(`a bytes-like object is required, not '${typeOf(o).name}'`);
        if (!isInstance(o, T.bytesType)) a[1] = new PyBytes(b.slice());
      } else argType(2, 'str', typeof a[1] === 'string');
      a[2] = toIndex(a[2]);
      a[3] = toIndex(a[3]);
      argType(5, 'str', typeof a[4] === 'string');
      return new PyBaseException(type, new PyTuple(a));
    };
    ut.str = (x) => {
      const a = (x as PyBaseException).args.items;
      if (a.length !== 5 || typeof a[2] !== 'number' || typeof a[3] !== 'number') return t.str!(x);
      const [enc, obj, start, end, reason] = a;
      const verb = decode ? 'decode' : 'encode';
      if (end === start + 1) {
        if (decode && obj?.data instanceof Uint8Array && start >= 0 && start < obj.data.length) {
          return `'${str(enc)}' codec can't decode byte 0x${obj.data[start].toString(16).padStart(2, '0')} in position ${start}: ${str(reason)}`;
        }
        if (!decode && typeof obj === 'string') {
          const cp = codePointAtIndex(obj, start);
          if (cp !== undefined) {
            const esc = cp < 0x100 ? '\\x' + cp.toString(16).padStart(2, '0') : cp < 0x10000 ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
            return `'${str(enc)}' codec can't encode character '${esc}' in position ${start}: ${str(reason)}`;
          }
        }
      }
      return `'${str(enc)}' codec can't ${verb} ${decode ? 'bytes' : 'characters'} in position ${start}-${end - 1}: ${str(reason)}`;
    };
    ['encoding', 'object', 'start', 'end', 'reason'].forEach((name, i) =>
      defGetSet(ut, name, (x) => {
        const a = (x as PyBaseException).args.items;
        return a.length === 5 ? a[i] : null;
      }),
    );
  }
  void typeOf;
  void isInstance;
  void PyDict;
  void strRepr;
  void errnoName;
}

function instAttrOr(x: any, name: string): any {
  const v = (x as PyBaseException).extra?.[name];
  return v === undefined ? null : v;
}

const ERRNO_SUBCLASS: Record<number, () => PyType> = {
  2: () => T.fileNotFoundErrorType,
  17: () => T.fileExistsErrorType,
  21: () => T.isADirectoryErrorType,
  20: () => T.notADirectoryErrorType,
  13: () => T.permissionErrorType,
  1: () => T.permissionErrorType,
  110: () => T.timeoutErrorType,
  11: () => T.blockingIOErrorType,
  32: () => T.brokenPipeErrorType,
  4: () => T.interruptedErrorType,
};

/**
 * The OSError for a failed host operation: CPython's errno subclass (FileNotFoundError...), args
 * (errno, name) so that str() reads like MicroPython's `[Errno 2] ENOENT`.
 */
export function osErrorFromErrno(errno: number): PyBaseException {
  const sub = ERRNO_SUBCLASS[errno];
  return new PyBaseException(sub !== undefined ? sub() : T.osErrorType, new PyTuple([errno, ERRNO_NAMES[errno] ?? String(errno)]));
}

let tracebackHook: (e: PyBaseException) => any = () => null;
/** Installed by the VM: makes the object `e.__traceback__` returns. */
export function setTracebackHook(f: (e: PyBaseException) => any): void {
  tracebackHook = f;
}

/** The code point at code-point index i of s, or undefined when out of range. */
function codePointAtIndex(s: string, i: number): number | undefined {
  let k = 0;
  for (const ch of s) {
    if (k++ === i) return ch.codePointAt(0);
  }
  return undefined;
}
