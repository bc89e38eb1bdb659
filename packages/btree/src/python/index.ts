// The MicroPython `btree` module (spec 4.2.1; extmod/modbtree.c) for @mpy-ts/core-vm, on the engine.
// Importing this entry point registers `btree` with core-vm, process-wide (as the other module packages
// do); `registerBtree(vm)` adds it to one VM.
import {
  addressOf,
  asInt,
  bufferOf,
  builtin,
  call,
  defineType,
  dictSetStr,
  getAttrOpt,
  isStr,
  newException,
  osError,
  PyByteArray,
  PyBytes,
  PyModule,
  PyObject,
  PyTuple,
  registerBuiltinModule,
  STOP,
  strVal,
  typeError,
  typeName,
  types,
  utf8Encode,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { Btree, RangeScan, type ScanKind } from '../btree.js';
import { DESC, INCL } from '../constants.js';
import { BtreeError } from '../errors.js';
import type { BtreeStream } from '../stream.js';

// modbtree.c keeps the kind of the next iteration in the high bits of its flags byte.
const FLAG_ITER_TYPE_MASK = 0xc0;
const FLAG_ITER_KEYS = 0x40;
const FLAG_ITER_VALUES = 0x80;
const FLAG_ITER_ITEMS = 0xc0;

/** The Python stream a database lives in, seen through its methods (`readinto`, `write`, `seek`, `flush`). */
class PythonStream implements BtreeStream {
  private readonly readinto: any;
  private readonly writeFn: any;
  private readonly seekFn: any;
  private readonly flushFn: any;
  private readonly tellFn: any;

  constructor(obj: any) {
    this.readinto = getAttrOpt(obj, 'readinto');
    this.writeFn = getAttrOpt(obj, 'write');
    this.seekFn = getAttrOpt(obj, 'seek');
    this.flushFn = getAttrOpt(obj, 'flush');
    this.tellFn = getAttrOpt(obj, 'tell');
    if (this.readinto === undefined || this.writeFn === undefined || this.seekFn === undefined) {
      // MicroPython's mp_get_stream_raise.
      throw osError(22, 'stream operation not supported');
    }
  }

  read(buf: Uint8Array): number {
    // The bytearray shares the engine's buffer, so readinto fills it in place.
    const ba = new PyByteArray(buf);
    const n = call(this.readinto, [ba]);
    if (n === null) return 0;
    const k = count(n, buf.length, 'readinto');
    if (ba.buf !== buf) buf.set(ba.data.subarray(0, k));
    return k;
  }

  write(buf: Uint8Array): number {
    const n = call(this.writeFn, [new PyBytes(buf.slice())]);
    if (n === null) return buf.length;
    return count(n, buf.length, 'write');
  }

  seek(offset: number, whence: number): number {
    let pos = call(this.seekFn, [offset, whence]);
    if (pos === null && this.tellFn !== undefined) pos = call(this.tellFn, []);
    const v = asInt(pos);
    if (v === undefined) throw typeError(`seek() returned ${typeName(pos)}, not int`);
    return Number(v);
  }

  flush(): void {
    if (this.flushFn !== undefined) call(this.flushFn, []);
  }
}

/** A byte count a stream method returned. */
function count(n: any, max: number, what: string): number {
  const v = asInt(n);
  if (v === undefined) throw typeError(`${what}() returned ${typeName(n)}, not int`);
  const k = Number(v);
  if (k < 0 || k > max) throw osError(5, `${what}() returned ${k} for ${max} bytes`);
  return k;
}

/**
 * The bytes of a key or value. MicroPython takes them through the buffer protocol, and str as its UTF-8
 * bytes (extmod/btree1.py stores "foo2"); anything else is a TypeError.
 */
function bytesOf(x: any, what: string): Uint8Array {
  if (isStr(x)) return utf8Encode(strVal(x));
  const b = bufferOf(x);
  if (b !== null) return b;
  throw typeError(`btree ${what} must be bytes, not ${typeName(x)}`);
}

/** An int argument (modbtree.c reads flags as small ints). */
function intArg(x: any, what: string): number {
  const v = asInt(x);
  if (v === undefined) throw typeError(`${what} must be an int, not ${typeName(x)}`);
  return Number(v);
}

/** Runs engine work, turning its errors into `OSError(errno)` (modbtree.c's CHECK_ERROR). */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BtreeError) throw osError(e.errno, e.message);
    throw e;
  }
}

/** A database object: `btree.open`'s result (modbtree.c `mp_obj_btree_t`). */
class PyBtree extends PyObject {
  readonly db: Btree;
  /** Keeps the Python stream alive as long as the database (extmod/btree_gc.py). */
  readonly stream: any;
  // The next iteration's set-up, made by keys()/values()/items() (modbtree.c btree_init_iter).
  startKey: any = null;
  endKey: any = null;
  nextFlags = 0;
  /** The running iteration's flags and scan (made at its first step). */
  flags = 0;
  scan: RangeScan | null = null;

  constructor(type: PyType, db: Btree, stream: any) {
    super(type);
    this.db = db;
    this.stream = stream;
  }
}

function asBtree(x: any): PyBtree {
  if (!(x instanceof PyBtree)) throw typeError(`a btree is required, not ${typeName(x)}`);
  return x;
}

/** keys()/values()/items(): set up the next iteration and return the database itself. */
function initIter(x: any, start: any, end: any, flags: any, type: number): PyBtree {
  const b = asBtree(x);
  b.nextFlags = type;
  b.startKey = start ?? null;
  b.endKey = end ?? null;
  if (flags !== undefined) b.nextFlags = type | intArg(flags, 'flags');
  return b;
}

/** The iterator slot (modbtree.c btree_getiter): right after keys()/values()/items(), their set-up. */
function getIter(x: any): PyBtree {
  const b = asBtree(x);
  if (b.nextFlags !== 0) {
    b.flags = b.nextFlags;
    b.nextFlags = 0;
  } else {
    b.flags = FLAG_ITER_KEYS;
    b.startKey = null;
    b.endKey = null;
  }
  b.scan = null;
  return b;
}

/** The next slot (modbtree.c btree_iternext). */
function iterNext(x: any): any {
  const b = asBtree(x);
  const kind = b.flags & FLAG_ITER_TYPE_MASK;
  if (b.scan === null) {
    const start = b.startKey === null ? null : bytesOf(b.startKey, 'keys');
    const end = b.endKey === null ? null : bytesOf(b.endKey, 'keys');
    const scanKind: ScanKind = kind === FLAG_ITER_KEYS ? 'keys' : kind === FLAG_ITER_VALUES ? 'values' : 'items';
    b.scan = new RangeScan(b.db, start, end, b.flags & (INCL | DESC), scanKind);
  }
  const scan = b.scan;
  const entry = guard(() => scan.next());
  if (entry === undefined) return STOP;
  switch (kind) {
    case FLAG_ITER_KEYS:
      return new PyBytes(entry[0]);
    case FLAG_ITER_VALUES:
      return new PyBytes(entry[1]);
    default:
      return new PyTuple([new PyBytes(entry[0]), new PyBytes(entry[1])]);
  }
}

let btreeType: PyType | null = null;

/** The `btree` type, made on first use (after core-vm's own types exist). */
function getBtreeType(): PyType {
  if (btreeType !== null) return btreeType;
  btreeType = defineType({
    name: 'btree',
    module: 'btree',
    subclassable: false,
    make: () => {
      throw typeError("cannot create 'btree' instances");
    },
    slots: {
      repr: (x: PyBtree) => `<btree ${addressOf(x).slice(2)}>`,
      iter: getIter,
      next: iterNext,
      getitem: (x: any, key: any) => {
        const b = asBtree(x);
        const v = guard(() => b.db.get(bytesOf(key, 'keys')));
        // MicroPython raises a bare KeyError.
        if (v === undefined) throw newException(types.keyErrorType);
        return new PyBytes(v);
      },
      setitem: (x: any, key: any, value: any) => {
        const b = asBtree(x);
        const k = bytesOf(key, 'keys');
        if (value === undefined) {
          if (!guard(() => b.db.delete(k))) throw newException(types.keyErrorType);
        } else {
          const v = bytesOf(value, 'values');
          guard(() => b.db.put(k, v));
        }
      },
      contains: (x: any, key: any) => {
        const b = asBtree(x);
        return guard(() => b.db.has(bytesOf(key, 'keys')));
      },
    },
    methods: {
      close: [(x: any) => (guard(() => asBtree(x).db.close()), 0), 1],
      flush: [(x: any) => (guard(() => asBtree(x).db.flush()), 0), 1],
      get: [
        (x: any, key: any, dflt: any) => {
          const v = guard(() => asBtree(x).db.get(bytesOf(key, 'keys')));
          return v === undefined ? (dflt ?? null) : new PyBytes(v);
        },
        { params: 'self, key, default', min: 2 },
      ],
      put: [
        (x: any, key: any, value: any) => {
          const b = asBtree(x);
          const k = bytesOf(key, 'keys');
          const v = bytesOf(value, 'values');
          guard(() => b.db.put(k, v));
          return 0;
        },
        3,
      ],
      seq: [
        (x: any, flag: any, key: any) => {
          const b = asBtree(x);
          // MicroPython passes any object as the flag; a non-int one makes Berkeley DB fail with EINVAL.
          const f = asInt(flag);
          if (f === undefined) throw osError(22, `bad seq flag ${typeName(flag)}`);
          const k = key === undefined ? undefined : bytesOf(key, 'keys');
          const e = guard(() => b.db.seq(Number(f), k));
          return e === undefined ? null : new PyTuple([new PyBytes(e[0]), new PyBytes(e[1])]);
        },
        { params: 'self, flags, key', min: 2 },
      ],
      keys: [(x: any, s: any, e: any, f: any) => initIter(x, s, e, f, FLAG_ITER_KEYS), { params: 'self, start, end, flags', min: 1 }],
      values: [(x: any, s: any, e: any, f: any) => initIter(x, s, e, f, FLAG_ITER_VALUES), { params: 'self, start, end, flags', min: 1 }],
      items: [(x: any, s: any, e: any, f: any) => initIter(x, s, e, f, FLAG_ITER_ITEMS), { params: 'self, start, end, flags', min: 1 }],
    },
  });
  return btreeType;
}

/** `btree.open(stream, *, flags=0, cachesize=0, pagesize=0, minkeypage=0)` (modbtree.c mod_btree_open). */
function open(stream: any, flags: any, cachesize: any, pagesize: any, minkeypage: any): PyBtree {
  const s = new PythonStream(stream);
  const opt = (v: any, name: string): number => (v === undefined ? 0 : intArg(v, name));
  const options = {
    flags: opt(flags, 'flags'),
    cachesize: opt(cachesize, 'cachesize'),
    pagesize: opt(pagesize, 'pagesize'),
    minkeypage: opt(minkeypage, 'minkeypage'),
  };
  // Negative numbers would be huge unsigned ones in C, and be refused.
  if (options.cachesize < 0) options.cachesize = 0;
  const db = guard(() => Btree.open(s, options));
  return new PyBtree(getBtreeType(), db, stream);
}

/** A fresh `btree` module. */
export function createBtreeModule(): PyModule {
  const m = new PyModule('btree');
  dictSetStr(m.dict, 'open', builtin('open', open, { params: 'stream, *, flags, cachesize, pagesize, minkeypage', min: 1 }));
  dictSetStr(m.dict, 'INCL', INCL);
  dictSetStr(m.dict, 'DESC', DESC);
  return m;
}

/**
 * Makes `import btree` work: in one VM, or (without one) in every VM created afterwards (importing this
 * entry point already did that).
 */
export function registerBtree(vm?: VM): void {
  if (vm) vm.registerModule('btree', () => createBtreeModule());
  else registerBuiltinModule('btree', () => createBtreeModule());
}

registerBtree();

