// The modules the `micropython` command offers besides core-vm's own: the u-modules (ujson, ure,
// ustruct, utime, ...) and uos with its VFS layer (the host filesystem at the root, as the unix port
// mounts VfsPosix). Importing @mpy-ts/vfs-fat/python registers uos; the u-modules register on request.
import '@mpy-ts/vfs-fat/python';
import { registerStdlibModules } from '@mpy-ts/stdlib-u-modules';

let registered = false;

/** Registers the module packages with core-vm (process-wide, once). */
export function registerModules(): void {
  if (registered) return;
  registered = true;
  registerStdlibModules();
}
