// The micropython module (spec 4.2.4; MicroPython py/modmicropython.c).
import * as T from '../types.js';
import type { VM } from '../vm.js';
import { PyModule } from '../objects/module.js';
import { dictSetStr } from '../objects/dict.js';
import { builtin } from '../objects/function.js';
import { typeError, newException } from '../objects/exceptions.js';
import { toIndex, isCallable, asInt } from '../runtime.js';

export function makeMicropythonModule(vm: VM): PyModule {
  const m = new PyModule('micropython');
  const d = m.dict;
  const put = (name: string, fn: (...a: any[]) => any, spec: any) => dictSetStr(d, name, builtin(name, fn, spec));
  put('const', (x) => x, 1);
  put('opt_level', (level) => {
    if (level === undefined) return vm.optLevel;
    vm.optLevel = Number(toIndex(level));
    return null;
  }, { params: 'level', min: 0 });
  put('mem_info', (verbose) => {
    const used = vm.memAlloc();
    const total = vm.heapSize;
    let s = `stack: ${vm.depth * 128} out of ${vm.maxDepth * 128}\nGC: total: ${total}, used: ${used}, free: ${Math.max(0, total - used)}\n`;
    s += ` No. of 1-blocks: 0, 2-blocks: 0, max blk sz: 0, max free sz: ${Math.floor((total - used) / 16)}\n`;
    if (verbose !== undefined) s += 'GC memory layout; from 0:\n';
    vm.printTo(null, s, false);
    return null;
  }, { params: 'verbose', min: 0 });
  put('qstr_info', (verbose) => {
    vm.printTo(null, 'qstr pool: n_pool=1, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n', false);
    void verbose;
    return null;
  }, { params: 'verbose', min: 0 });
  put('stack_use', () => vm.depth * 128, 0);
  put('heap_lock', () => {
    vm.heapLock++;
    return null;
  }, 0);
  put('heap_unlock', () => {
    if (vm.heapLock > 0) vm.heapLock--;
    return vm.heapLock;
  }, 0);
  put('heap_locked', () => vm.heapLock, 0);
  put('alloc_emergency_exception_buf', (size) => {
    toIndex(size);
    return null;
  }, 1);
  put('kbd_intr', (c) => {
    const v = asInt(c);
    if (v === undefined) throw typeError('kbd_intr() argument must be an int');
    vm.kbdIntr = Number(v);
    return null;
  }, 1);
  put('schedule', (fn, arg) => {
    if (!isCallable(fn)) throw typeError('schedule: function must be callable');
    vm.schedule(fn, arg);
    return null;
  }, 2);
  put('native', (f) => f, 1);
  put('viper', (f) => f, 1);
  put('asm_thumb', () => {
    throw newException(T.notImplementedErrorType, 'inline assembler is not supported');
  }, 1);
  return m;
}
