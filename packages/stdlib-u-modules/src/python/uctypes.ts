// uctypes (spec 4.2.6): structures over memory described by descriptor dictionaries: scalar fields,
// bitfields, arrays, pointers, nested structures, the three layouts, sizeof, addressof, bytes_at and
// bytearray_at. Memory is the engine's simulated 32-bit address space (core-vm's viperMemory, the one
// viper pointers use, so `ptr8(uctypes.addressof(buf))` addresses buf): addressof() maps a buffer at a
// stable address, so pointers read back the same buffer, and a stray address is an OSError (EFAULT)
// instead of a crash.
import {
  PyByteArray,
  PyBytes,
  PyDict,
  PyFloat,
  PyObject,
  PyTuple,
  asInt,
  bufferOf,
  defineType,
  dictEntries,
  dictGetStr,
  genericGetAttr,
  indexError,
  isStr,
  osError,
  toIndex,
  typeError,
  typeName,
  types,
  viperMemory,
  unhashable,
  NotImplemented,
  UN_INT,
  UN_INDEX,
  type PyModule,
  type PyType,
} from '@mpy-ts/core-vm';
import {
  AddressSpace,
  NATIVE,
  StructRef,
  UCTYPES_CONSTANTS,
  UctypesError,
  sizeOfDesc,
  type Desc,
  type FieldValue,
  type StoreValue,
} from '../uctypes/uctypes.js';
import { makeModule, type ModuleEntry } from './util.js';

const EFAULT = 14;

/** Adapts a Python descriptor (ints, tuples, dicts) to the engine's Desc view. */
export function descOf(x: any): Desc {
  const i = asInt(x);
  if (i !== undefined) return { kind: 'int', value: typeof i === 'bigint' ? Number(BigInt.asIntN(32, i)) : i };
  if (x instanceof PyTuple) return { kind: 'tuple', items: x.items.map(descOf) };
  if (x instanceof PyDict) {
    return {
      kind: 'dict',
      get: (name: string) => {
        const v = dictGetStr(x, name);
        return v === undefined ? undefined : descOf(v);
      },
      values: () => dictEntries(x).map(([, v]) => descOf(v)),
    };
  }
  return { kind: 'other' };
}

class PyStruct extends PyObject {
  ref: StructRef;
  constructor(type: PyType, ref: StructRef) {
    super(type);
    this.ref = ref;
  }
}

function guard<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UctypesError) {
      if (e.kind === 'index') throw indexError(e.message);
      if (e.kind === 'fault') throw osError(EFAULT);
      throw typeError(e.message);
    }
    throw e;
  }
}

function storeValue(v: any): StoreValue {
  const i = asInt(v);
  if (i !== undefined) return { int: BigInt(i) };
  if (v instanceof PyFloat) return { float: v.value };
  if (typeof v === 'object' && v !== null && v.type !== undefined && (v as PyObject).type.unop !== null) {
    return { int: BigInt(toIndex(v)) };
  }
  throw typeError(`can't convert ${typeName(v)} to int`);
}

let byRefType: PyType | null = null;

/**
 * A bytearray over memory by reference (UINT8 arrays, bytearray_at). Stores of ints are truncated to 8 bits
 * as a C store to memory would be (extmod/uctypes_array_load_store.py stores -2 into a UINT8 array).
 */
function byRef(view: Uint8Array): PyByteArray {
  if (byRefType === null) {
    const base = types.bytearrayType;
    byRefType = defineType({
      name: 'bytearray',
      base,
      module: 'builtins',
      subclassable: false,
      slots: {
        setitem: (x: any, key: any, v: any) => {
          const i = asInt(v);
          base.setitem!(x, key, typeof i === 'number' ? i & 0xff : typeof i === 'bigint' ? Number(BigInt.asUintN(8, i)) : v);
        },
      },
    });
  }
  const b = new PyByteArray(view);
  b.type = byRefType;
  return b;
}

/**
 * uctypes memory as a view of the engine's address space. `pin`: the storage a structure was made over
 * (held by the structure), mapped back if the address space evicted it meanwhile.
 */
class SharedSpace extends AddressSpace {
  private readonly pin: ArrayBufferLike | null;
  constructor(pin: ArrayBufferLike | null) {
    super();
    this.pin = pin;
  }

  override addressOf(buf: Uint8Array): number {
    return viperMemory.addressOf(buf, false);
  }

  override view(addr: number, len: number): Uint8Array {
    const v = viperMemory.view(addr, len, this.pin);
    if (v === null) throw new UctypesError(`invalid memory access at 0x${addr.toString(16)}`, 'fault');
    return v;
  }
}

export function makeUctypesModule(name = 'uctypes'): PyModule {
  const mem = new SharedSpace(null);

  const value = (f: FieldValue): any => {
    switch (f.kind) {
      case 'int':
        return f.value;
      case 'float':
        return new PyFloat(f.value);
      case 'bytes':
        return byRef(guard(() => mem.view(f.addr, f.size)));
      case 'struct':
        return new PyStruct(structType, f.ref);
    }
  };

  const structType: PyType = defineType({
    name: 'struct',
    module: name,
    subclassable: false,
    keyKind: 3,
    // struct(addr, descriptor, layout_type=NATIVE)
    make: (type, args, kwnames) => {
      const n = args.length - (kwnames?.length ?? 0);
      if (n < 2 || n > 3) throw typeError(`function takes 2 or 3 positional arguments but ${n} were given`);
      const addr = asInt(args[0]);
      if (addr === undefined) throw typeError(`can't convert ${typeName(args[0])} to int`);
      const layout = n === 3 ? Number(toIndex(args[2])) : NATIVE;
      const a = Number(BigInt.asUintN(32, BigInt(addr)));
      const pin = viperMemory.storageAt(a);
      return new PyStruct(type, new StructRef(pin === null ? mem : new SharedSpace(pin), a, descOf(args[1]), layout));
    },
    slots: {
      repr: (x: PyStruct) => x.ref.repr(),
      hash: unhashable,
      getattr: (x: PyStruct, attr: string) => {
        const d = x.ref.desc;
        if (d.kind === 'dict' && d.get(attr) === undefined) return genericGetAttr(x, attr);
        return value(guard(() => x.ref.getField(attr)));
      },
      setattr: (x: PyStruct, attr: string, v: any) => {
        if (v === undefined) throw typeError("'struct' object doesn't support attribute deletion");
        guard(() => x.ref.setField(attr, storeValue(v)));
      },
      getitem: (x: PyStruct, key: any) => {
        if (!Number.isSafeInteger(asInt(key) ?? NaN)) throw typeError(`struct indices must be integers, not ${typeName(key)}`);
        return value(guard(() => x.ref.getItem(Number(asInt(key)))));
      },
      setitem: (x: PyStruct, key: any, v: any) => {
        if (v === undefined) throw typeError("'struct' object doesn't support item deletion");
        const i = asInt(key);
        if (i === undefined) throw typeError(`struct indices must be integers, not ${typeName(key)}`);
        guard(() => x.ref.setItem(Number(i), storeValue(v)));
      },
      unop: (op: number, x: PyStruct) => {
        if ((op === UN_INT || op === UN_INDEX) && x.ref.isPointer()) return guard(() => x.ref.pointer());
        return NotImplemented;
      },
      buffer: (x: PyStruct) => guard(() => mem.view(x.ref.addr, x.ref.size())),
    },
  });

  const table: Record<string, ModuleEntry> = {
    struct: { value: structType },
    // sizeof(struct[, layout]): "Argument can be either structure class or specific instantiated structure
    // object (or its aggregate field)."
    sizeof: [(x: any, layout: any) => {
      if (x instanceof PyStruct) {
        if (layout !== undefined) throw typeError("sizeof() of an instantiated structure takes no layout (it has its own)");
        return guard(() => x.ref.size());
      }
      if (x instanceof PyByteArray) return x.len;
      const d = descOf(x);
      if (d.kind === 'other') throw typeError(`struct: unsupported descriptor ${typeName(x)}`);
      return guard(() => sizeOfDesc(d, layout === undefined ? NATIVE : Number(toIndex(layout))));
    }, { params: 'struct, layout_type, /', min: 1 }],
    // addressof(obj): the address of a buffer-protocol object's data.
    addressof: [(x: any) => {
      if (isStr(x)) throw typeError("object with buffer protocol required");
      const b = bufferOf(x);
      if (b === null) throw typeError("object with buffer protocol required");
      if (x instanceof PyStruct) return x.ref.addr;
      return viperMemory.mapObject(x) ?? guard(() => mem.addressOf(b));
    }, 1],
    // bytes_at(addr, size): a copy of the memory.
    bytes_at: [(addr: any, size: any) => new PyBytes(guard(() => mem.view(Number(BigInt.asUintN(32, BigInt(toIndex(addr)))), Number(toIndex(size)))).slice()), 2],
    // bytearray_at(addr, size): the memory by reference (writes go through).
    bytearray_at: [(addr: any, size: any) => byRef(guard(() => mem.view(Number(BigInt.asUintN(32, BigInt(toIndex(addr)))), Number(toIndex(size))))), 2],
  };
  for (const [k, v] of Object.entries(UCTYPES_CONSTANTS)) table[k] = { value: v };
  return makeModule(name, table);
}

