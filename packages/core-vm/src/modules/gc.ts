// The gc module (spec 4.1.3; MicroPython py/modgc.c). JavaScript owns the real collector; the figures
// come from the VM's own accounting: a walk of everything reachable from the VM's roots, with each object
// charged an approximate MicroPython-like size (16-byte blocks).
import type { VM } from '../vm.js';
import { PyModule } from '../objects/module.js';
import { dictSetStr } from '../objects/dict.js';
import { builtin } from '../objects/function.js';
import { PyObject, PyType, DICT_SHAPE, type AttrHolder } from '../object.js';
import { PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyHashTable, DELETED } from '../objects/hashtable.js';
import { PyBytes, PyByteArray } from '../objects/bytes.js';
import { PyFunction, PyCell, PyBoundMethod } from '../objects/function.js';
import { PyBaseException } from '../objects/exceptions.js';
import { toIndex } from '../runtime.js';

const BLOCK = 16;

function blocks(bytes: number): number {
  return Math.ceil(bytes / BLOCK) * BLOCK;
}

/** Approximate bytes in use by objects reachable from the VM's roots. */
export function heapEstimate(vm: VM): number {
  const seen = new Set<any>();
  const stack: any[] = [vm.modules, vm.builtins, vm.excInfo];
  for (let f = vm.frame; f !== null; f = f.back) {
    stack.push(...f.fast.slice(0, f.sp), ...f.cells, f.globals, f.locals);
  }
  let total = 0;
  let budget = 2_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const x = stack.pop();
    if (typeof x === 'string') {
      if (x.length > 8 && !seen.has(x)) {
        seen.add(x);
        total += blocks(x.length + 8);
      }
      continue;
    }
    if (typeof x === 'bigint') {
      total += blocks(x.toString(16).length / 2 + 8);
      continue;
    }
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    if (x instanceof PyList || x instanceof PyTuple) {
      total += blocks(16) + blocks(x.items.length * 8);
      for (const v of x.items) stack.push(v);
    } else if (x instanceof PyHashTable) {
      total += blocks(32) + blocks(x.keys.length * (x.vals === null ? 8 : 16));
      for (let i = 0; i < x.keys.length; i++) {
        if (x.keys[i] === DELETED) continue;
        stack.push(x.keys[i]);
        if (x.vals !== null) stack.push(x.vals[i]);
      }
    } else if (x instanceof PyBytes) total += blocks(x.data.length + 16);
    else if (x instanceof PyByteArray) total += blocks(x.buf.length + 16);
    else if (x instanceof PyFunction) {
      total += blocks(32);
      stack.push(x.defaults, x.closure, x.kwdefaults);
    } else if (x instanceof PyCell) {
      total += BLOCK;
      stack.push(x.value);
    } else if (x instanceof PyBoundMethod) {
      total += BLOCK;
      stack.push(x.self, x.func);
    } else if (x instanceof PyModule) {
      total += BLOCK;
      stack.push(x.dict);
    } else if (x instanceof PyType) {
      total += blocks(64);
      for (const v of x.dict.values()) stack.push(v);
    } else if (Array.isArray(x)) {
      for (const v of x) stack.push(v);
    } else if (x instanceof PyObject) {
      total += BLOCK;
      const h = x as unknown as AttrHolder;
      if (h.slots !== undefined && Array.isArray(h.slots)) {
        total += h.shape === DICT_SHAPE ? 0 : blocks(h.slots.length * 8);
        for (const v of h.slots) stack.push(v);
      }
      if (x instanceof PyBaseException) stack.push(x.args);
    }
  }
  return total;
}

export function makeGcModule(vm: VM): PyModule {
  const m = new PyModule('gc');
  const d = m.dict;
  dictSetStr(d, 'enable', builtin('enable', () => {
    vm.gcEnabled = true;
    return null;
  }, 0));
  dictSetStr(d, 'disable', builtin('disable', () => {
    vm.gcEnabled = false;
    return null;
  }, 0));
  dictSetStr(d, 'isenabled', builtin('isenabled', () => vm.gcEnabled, 0));
  dictSetStr(d, 'collect', builtin('collect', () => 0, { params: 'generation', min: 0 }));
  dictSetStr(d, 'mem_alloc', builtin('mem_alloc', () => vm.memAlloc(), 0));
  dictSetStr(d, 'mem_free', builtin('mem_free', () => Math.max(0, vm.heapSize - vm.memAlloc()), 0));
  dictSetStr(d, 'threshold', builtin('threshold', (amount) => {
    if (amount === undefined) return vm.gcThreshold < 0 ? -1 : vm.gcThreshold * BLOCK;
    const n = Number(toIndex(amount));
    vm.gcThreshold = n < 0 ? -1 : Math.floor(n / BLOCK);
    return null;
  }, { params: 'amount', min: 0 }));
  return m;
}
