// The modules the `micropython` command offers besides core-vm's own: the u-modules (ujson, ure,
// ustruct, utime, ...) and uos with its VFS layer (the host filesystem at the root, as the unix port
// mounts VfsPosix), and btree. Importing @mpy-ts/vfs-fat/python and @mpy-ts/btree/python registers uos
// and btree; the u-modules register on request. (The same set as the gate's in-process interpreter.)
import '@mpy-ts/btree/python';
import '@mpy-ts/vfs-fat/python';
import { registerStdlibModules } from '@mpy-ts/stdlib-u-modules';

let registered = false;

/** Registers the module packages with core-vm (process-wide, once). */
export function registerModules(): void {
  if (registered) return;
  registered = true;
  registerStdlibModules();
}
