// The modules the `micropython` command offers besides core-vm's own: the u-modules (ujson, ure,
// ustruct, utime, ...), uos with its VFS layer (the host filesystem at the root, as the unix port mounts
// VfsPosix) plus the unix port's own uos functions (getenv, putenv, unsetenv, system), and btree.
// Importing @mpy-ts/vfs-fat/python and @mpy-ts/btree/python registers uos and btree; the u-modules
// register on request. (The same set as the gate's in-process interpreter.)
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import '@mpy-ts/btree/python';
import '@mpy-ts/vfs-fat/python';
import { builtin, dictSetStr, extendBuiltinModule, isStr, strVal, typeError } from '@mpy-ts/core-vm';
import type { VM } from '@mpy-ts/core-vm';
import { registerStdlibModules } from '@mpy-ts/stdlib-u-modules';

let registered = false;

/** Registers the module packages with core-vm (process-wide, once). */
export function registerModules(): void {
  if (registered) return;
  registered = true;
  registerStdlibModules();
  extendBuiltinModule('uos', (vm, module) => {
    for (const [name, fn] of Object.entries(unixOs(vm))) dictSetStr(module.dict, name, fn);
  });
}

function text(x: unknown, what: string): string {
  if (!isStr(x)) throw typeError(`${what} must be str`);
  return strVal(x);
}

/**
 * The unix port's additions to uos (extmod/modos.c with MICROPY_PY_OS_GETENV_PUTENV_UNSETENV and
 * MICROPY_PY_OS_SYSTEM): the process environment (shared with the main thread when the VM runs in a
 * worker, so MICROPYINSPECT set by a program is seen at exit) and a shell command's wait status.
 */
function unixOs(vm: VM) {
  return {
    getenv: builtin(
      'getenv',
      (key: unknown, dflt: unknown) => {
        const v = process.env[text(key, 'key')];
        return v !== undefined ? v : dflt === undefined ? null : dflt;
      },
      { params: 'key, default', min: 1 },
    ),
    putenv: builtin(
      'putenv',
      (key: unknown, value: unknown) => {
        process.env[text(key, 'key')] = text(value, 'value');
        return null;
      },
      2,
    ),
    unsetenv: builtin(
      'unsetenv',
      (key: unknown) => {
        delete process.env[text(key, 'key')];
        return null;
      },
      1,
    ),
    system: builtin(
      'system',
      (command: unknown) => {
        const cmd = text(command, 'command');
        vm.flushOutput();
        const r = spawnSync('/bin/sh', ['-c', cmd], { stdio: 'inherit' });
        // the wait status, as system(3) returns it: exit code in the high byte, or the signal number
        if (r.status !== null) return (r.status & 0xff) << 8;
        return r.signal !== null ? signalNumber(r.signal) : 127 << 8;
      },
      1,
    ),
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  const n = (constants.signals as Record<string, number | undefined>)[signal];
  return n ?? 1;
}
