// uerrno (spec 4.1.8): the symbolic error codes OSError carries (the VM's table, so `OSError(ENOENT)`
// prints with the same names) and `errorcode`, mapping each code back to its name (a fixed dict, as MicroPython's).
import { ERRNO_NAMES, PyDict, dictMakeFixed, dictSet, type PyModule } from '@mpy-ts/core-vm';
import { makeModule, type ModuleEntry } from './util.js';

export function makeErrnoModule(name = 'uerrno'): PyModule {
  const table: Record<string, ModuleEntry> = {};
  const errorcode = new PyDict();
  for (const [code, sym] of Object.entries(ERRNO_NAMES)) {
    table[sym] = { value: Number(code) };
    dictSet(errorcode, Number(code), sym);
  }
  // read-only, as MicroPython's ROM table (basics/dict_fixed.py): mutating it raises TypeError
  table.errorcode = { value: dictMakeFixed(errorcode) };
  return makeModule(name, table);
}
