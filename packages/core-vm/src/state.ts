// The VM whose code is running now. Builtins and opcodes reach per-VM state (sys, builtins, the host,
// the exception being handled) through this live binding; VM entry points set it on the way in.
import type { VM } from './vm.js';

export let vm: VM = undefined as unknown as VM;

export function setCurrentVM(v: VM): VM {
  const prev = vm;
  vm = v;
  return prev;
}
