// The interpreter the gate runs by default: core-vm's test interpreter, with the packages that plug modules
// into it loaded first (each registers its modules with core-vm, process-wide, when imported).
import '@mpy-ts/btree/python';
import '@mpy-ts/vfs-fat/python';
import { registerStdlibModules } from '@mpy-ts/stdlib-u-modules';

registerStdlibModules();

export { createInterpreter } from '@mpy-ts/core-vm/test-interpreter';
