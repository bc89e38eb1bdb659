// The Python face of the micro-libraries: registers every module with core-vm (process-wide, for every
// VM created afterwards), each under its u-name with a weak link from the plain name (spec 4.1: `import
// json` finds a `json.py` on sys.path first, else falls back to `ujson`).
import { extendBuiltinModule, hasBuiltinModule, registerBuiltinModule, type ModuleInit } from '@mpy-ts/core-vm';
import { FROZEN_SOURCES } from '../frozen/sources.js';
import { makeArrayModule } from './array.js';
import { makeBinasciiModule } from './binascii.js';
import { makeCollectionsModule } from './collections.js';
import { makeErrnoModule } from './errno.js';
import { makeFramebufModule } from './framebuf.js';
import { makeHashlibModule } from './hashlib.js';
import { makeHeapqModule } from './heapq.js';
import { makeIoModule } from './io.js';
import { makeJsonModule } from './json.js';
import { makeRandomModule } from './random.js';
import { makeReModule } from './re.js';
import { makeSelectModule } from './select.js';
import { extendOsModule, makeOsModule } from './os.js';
import { makeStructModule } from './struct.js';
import { makeTimeModule } from './time.js';
import { makeUctypesModule } from './uctypes.js';
import { makeZlibModule } from './zlib.js';

/** [u-name, plain name or null, init]. */
const MODULES: [string, string | null, ModuleInit][] = [
  ['array', null, (vm) => makeArrayModule(vm)],
  ['ucollections', 'collections', () => makeCollectionsModule()],
  ['ujson', 'json', () => makeJsonModule()],
  ['ure', 're', (vm) => makeReModule(vm)],
  ['framebuf', null, () => makeFramebufModule()],
  ['uctypes', null, () => makeUctypesModule()],
  ['ubinascii', 'binascii', () => makeBinasciiModule()],
  ['uerrno', 'errno', () => makeErrnoModule()],
  ['uhashlib', 'hashlib', () => makeHashlibModule()],
  ['uheapq', 'heapq', () => makeHeapqModule()],
  ['uio', 'io', (vm) => makeIoModule(vm)],
  ['ustruct', 'struct', (vm) => makeStructModule(vm)],
  ['urandom', 'random', (vm) => makeRandomModule(vm)],
  ['utime', 'time', (vm) => makeTimeModule(vm)],
  ['uzlib', 'zlib', () => makeZlibModule()],
  ['uselect', 'select', (vm) => makeSelectModule(vm)],
  // frozen Python (compiled on first import)
  ['asyncio', null, { source: FROZEN_SOURCES.asyncio, filename: 'asyncio.py' }],
  ['uasyncio', null, (vm) => vm.importModule('asyncio')],
  ['unittest', null, { source: FROZEN_SOURCES.unittest, filename: 'unittest.py' }],
];

let registered = false;

/** Make every module of this package importable in VMs created from now on. Idempotent. */
export function registerStdlibModules(): void {
  if (registered) return;
  registered = true;
  for (const [name, plain, init] of MODULES) {
    registerBuiltinModule(name, init, plain === null ? {} : { weakLink: plain });
  }
  // uos: a filesystem package provides the module; these add uname/urandom/dupterm to it (or stand alone)
  if (!hasBuiltinModule('uos')) registerBuiltinModule('uos', (vm) => makeOsModule(vm), { weakLink: 'os' });
  extendBuiltinModule('uos', extendOsModule);
}

/** The module names this package provides (u-names, then plain names). */
export function stdlibModuleNames(): { name: string; weakLink: string | null }[] {
  return MODULES.map(([name, weakLink]) => ({ name, weakLink }));
}
