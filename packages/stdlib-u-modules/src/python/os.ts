// uos, non-filesystem parts (spec 4.1.13): uname(), urandom(n) and dupterm(stream, index=0). The
// filesystem functions belong to the filesystem package (vfs-fat's `uos`); these are added to whichever
// `uos` module is registered (core-vm's extendBuiltinModule), and a `uos` with only these exists when no
// filesystem package provides one.
import type {
  PyModule} from '@mpy-ts/core-vm';
import {
  PyBytes,
  memoryError,
  dictGetStr,
  dictSetStr,
  getAttrOpt,
  toIndex,
  typeError,
  typeName,
  valueError,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { MersenneTwister } from '../random/random.js';
import { makeNamedTuple } from './collections.js';
import { makeModule, type ModuleEntry } from './util.js';

const perVm = new WeakMap<VM, MersenneTwister>();
const unameTypes = new WeakMap<VM, PyType>();

function osEntries(vm: VM): Record<string, ModuleEntry> {
  return {
    // uname(): (sysname, nodename, release, version, machine), a named tuple
    uname: [() => {
      const board = vm.platform === 'esp8266';
      let t = unameTypes.get(vm);
      if (t === undefined) {
        t = makeNamedTuple('uname_result', ['sysname', 'nodename', 'release', 'version', 'machine'], 'uos');
        unameTypes.set(vm, t);
      }
      return t.make!(t, [vm.platform, vm.platform, '1.9.4', 'v1.9.4 (mpy-ts) on 2018-05-11', board ? 'ESP module with ESP8266' : 'mpy-ts with TypeScript'], null);
    }, 0],
    // urandom(n): n random bytes (from the host's entropy; deterministic under a seeded test host)
    urandom: [(n: any) => {
      const k = Number(toIndex(n));
      if (k < 0) throw valueError('negative count');
      // the VM's limit for one bytes object (as bytes(n)): MemoryError, not seconds of work on gigabytes
      if (k > 1 << 28) throw memoryError();
      let mt = perVm.get(vm);
      if (mt === undefined) {
        mt = new MersenneTwister(BigInt(vm.host.randomSeed()) * 0x10000n + BigInt(Math.floor(vm.host.wallTimeMs()) & 0xffff));
        perVm.set(vm, mt);
      }
      const out = new Uint8Array(k);
      for (let i = 0; i < k; i++) out[i] = Number(mt.getrandbits(8));
      return new PyBytes(out);
    }, 1],
    // dupterm(stream_object, index=0): duplicate the terminal on a stream (readinto() and write()); None
    // cancels the slot; returns the slot's previous stream.
    dupterm: [(stream: any, index: any) => {
      const i = index === undefined ? 0 : Number(toIndex(index));
      if (i < 0 || i >= vm.dupterm.length) throw valueError('invalid dupterm index');
      if (stream !== null && stream !== undefined) {
        if (getAttrOpt(stream, 'write') === undefined || getAttrOpt(stream, 'readinto') === undefined) {
          throw typeError(`stream operation not supported by '${typeName(stream)}' (needs readinto() and write())`);
        }
      }
      vm.flushOutput();
      const prev = vm.dupterm[i];
      vm.dupterm[i] = stream === undefined ? null : stream;
      return prev;
    }, { params: 'stream_object, index, /', min: 1 }],
  };
}

/** A `uos` with only the non-filesystem functions (when no filesystem package provides the module). */
export function makeOsModule(vm: VM, name = 'uos'): PyModule {
  const m = makeModule(name, osEntries(vm));
  dictSetStr(m.dict, 'sep', '/');
  return m;
}

/** Adds uname/urandom/dupterm to a `uos` module made by another package. */
export function extendOsModule(vm: VM, module: PyModule): void {
  const extra = makeModule(module.name, osEntries(vm));
  for (const k of ['uname', 'urandom', 'dupterm']) dictSetStr(module.dict, k, dictGetStr(extra.dict, k));
}
