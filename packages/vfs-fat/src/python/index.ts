// The Python binding: `uos.VfsFat` / `vfs.VfsFat`, MicroPython's VFS mount table (extmod/vfs.c: root and
// sub-directory mounts, `/` listing the mount points, a current directory that may sit in any mount) and
// the `uos` filesystem functions, `vfs.mount`/`vfs.umount`, and the built-in `open` routed through it.
//
// Importing this entry point registers the modules `vfs` and `uos` (weak link `os`) with core-vm for every
// VM created afterwards. The first import of either module in a VM installs the mount table there, with the
// host filesystem mounted at `/` (as the unix port has VfsPosix there), and routes `open`, `import` and
// the VM's working directory through it.
import {
  HostError,
  PyBaseException,
  PyByteArray,
  PyBytes,
  PyFile,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  STOP,
  builtin,
  call,
  defineType,
  dictGetStr,
  dictSetStr,
  getAttr,
  getAttrOpt,
  getIter,
  isStr,
  iterNext,
  osError,
  registerBuiltinModule,
  strVal,
  truthy,
  typeError,
  typeName,
  utf8Decode,
  utf8Encode,
  type HostFile,
  type HostFs,
  type HostStat,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import type { BlockDevice } from '../blockdev.js';
import { EEXIST, EINVAL, ENODEV, ENOENT, EPERM, FatError } from '../errors.js';
import type { FatFile } from '../file.js';
import { mkfs } from '../mkfs.js';
import { FatVolume, S_IFDIR } from '../volume.js';
import type { FatClock } from '../time.js';

/** Runs an engine call, turning FatError into OSError(errno). */
function fat<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FatError) throw osError(e.errno);
    throw e;
  }
}

/** A Python path argument (str or bytes) as a JS string. */
function pathArg(p: any, what = 'path'): string {
  if (isStr(p)) return strVal(p);
  const b = p instanceof PyBytes ? p.data : null;
  if (b) return utf8Decode(b);
  throw typeError(`${what} must be str or bytes, not ${typeName(p)}`);
}

// ---- block devices -------------------------------------------------------------------------------------

/** A status a Python block-device method returned: None is success, an int is passed on, else TypeError. */
function status(r: any): number {
  if (r === null || r === undefined) return 0;
  if (typeof r === 'boolean') return r ? 1 : 0;
  if (typeof r === 'number' || typeof r === 'bigint') return Number(r);
  throw typeError(`can't convert ${typeName(r)} to int`);
}

/** A Python object with readblocks/writeblocks/ioctl (or the old count/sync) as a BlockDevice. */
export class PyBlockDevice implements BlockDevice {
  readonly obj: any;
  private readonly read: any;
  private readonly writeM: any;
  private readonly ioctlM: any;
  private readonly countM: any;
  private readonly syncM: any;
  readonly writeblocks?: (block: number, buf: Uint8Array) => unknown;
  readonly ioctl?: (op: number, arg: number) => unknown;
  readonly count?: () => unknown;
  readonly sync?: () => unknown;

  constructor(obj: any) {
    this.obj = obj;
    this.read = getAttr(obj, 'readblocks');
    this.writeM = getAttrOpt(obj, 'writeblocks');
    this.ioctlM = getAttrOpt(obj, 'ioctl');
    if (this.writeM !== undefined) this.writeblocks = (n, buf) => status(call(this.writeM, [n, new PyByteArray(buf)]));
    if (this.ioctlM !== undefined) {
      this.ioctl = (op, arg) => {
        const r = call(this.ioctlM, [op, arg]);
        return r === null || r === undefined ? null : status(r);
      };
    } else {
      this.countM = getAttr(obj, 'count');
      this.syncM = getAttrOpt(obj, 'sync');
      this.count = () => status(call(this.countM, []));
      if (this.syncM !== undefined) this.sync = () => status(call(this.syncM, []));
    }
  }

  readblocks(n: number, buf: Uint8Array): number {
    const ba = new PyByteArray(buf);
    const r = status(call(this.read, [n, ba]));
    if (ba.buf !== buf) buf.set(ba.buf.subarray(0, buf.length));
    return r;
  }
}

// ---- VfsFat --------------------------------------------------------------------------------------------

export interface BindingOptions {
  /** Epoch of `stat` times: 1970 (the unix port, CPython) or 2000 (MicroPython's bare-metal ports). */
  epoch?: 1970 | 2000;
  /** Timestamps for new and changed files (default: the host's local time). */
  clock?: FatClock;
}

const options: Required<Pick<BindingOptions, 'epoch'>> & BindingOptions = { epoch: 1970 };

/** Sets the binding's options (for every VM). */
export function configureVfsFat(o: BindingOptions): void {
  Object.assign(options, o);
}

class PyVfsFat extends PyObject {
  bdev: any;
  dev: PyBlockDevice;
  vol: FatVolume | null = null;
  readonly = false;
  constructor(type: PyType, bdev: any) {
    super(type);
    this.bdev = bdev;
    this.dev = new PyBlockDevice(bdev);
    this.tryMount();
  }

  tryMount(): void {
    try {
      this.vol = FatVolume.mount(this.dev, { readonly: this.readonly, clock: options.clock });
    } catch (e) {
      if (!(e instanceof FatError)) throw e;
      if (e.errno !== ENODEV) throw osError(e.errno);
      this.vol = null; // no filesystem yet: mount(mkfs=True) or mkfs() may make one
    }
  }

  get v(): FatVolume {
    if (this.vol === null) throw osError(ENODEV);
    return this.vol;
  }
}

function self(x: any): PyVfsFat {
  if (!(x instanceof PyVfsFat)) throw typeError(`descriptor requires a 'VfsFat' object, not '${typeName(x)}'`);
  return x;
}

/** An open FatFile as core-vm's HostFile (errors as HostError). */
function hostFile(f: FatFile): HostFile {
  const wrap = <R>(fn: () => R): R => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FatError) throw new HostError(e.errno, e.message);
      throw e;
    }
  };
  return {
    read: (buf) => wrap(() => f.readinto(buf)),
    write: (data) => wrap(() => f.write(data)),
    seek: (offset, whence) => wrap(() => f.seek(offset, whence)),
    flush: () => wrap(() => (f.closed ? undefined : f.flush())),
    close: () => wrap(() => f.close()),
    // MicroPython: any operation on a closed FAT file is OSError(EINVAL) (FatFs FR_INVALID_OBJECT)
    closedErrno: EINVAL,
  };
}

function openFat(vol: FatVolume, path: string, mode: string, nameObj: any): PyFile {
  if (!/^[rwaxbt+]*$/.test(mode) || (mode.includes('b') && mode.includes('t'))) throw osError(EINVAL);
  const kind = mode.replace(/[bt+]/g, '') || 'r';
  const plus = mode.includes('+');
  const f = fat(() => vol.open(path, kind + (plus ? '+' : '') + 'b'));
  return new PyFile(hostFile(f), nameObj, mode, mode.includes('b'), kind === 'r' || plus, kind !== 'r' || plus, -1);
}

const epochShift = (): number => (options.epoch === 2000 ? 946684800 : 0);

function statTuple(vol: FatVolume, path: string): PyTuple {
  const p = path === '' ? '/' : path;
  const s = fat(() => vol.stat(p));
  const t = s.mtime - epochShift();
  return new PyTuple([s.mode, 0, 0, 0, 0, 0, s.size, t, t, t]);
}

class ListIter extends PyObject {
  it: Iterator<any>;
  constructor(type: PyType, it: Iterator<any>) {
    super(type);
    this.it = it;
  }
}

const listIterType = defineType({
  name: 'iterator',
  module: 'uos',
  subclassable: false,
  slots: {
    iter: (x: any) => x,
    next: (x: any) => {
      const r = (x as ListIter).it.next();
      return r.done ? STOP : r.value;
    },
  },
});

function jsIter(gen: Iterator<any>): ListIter {
  return new ListIter(listIterType, gen);
}

export const vfsFatType: PyType = defineType({
  name: 'VfsFat',
  module: 'uos',
  alloc: null as any,
  make: (type, args) => {
    if (args.length !== 1) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
    return new PyVfsFat(type, args[0]);
  },
  staticmethods: {
    mkfs: [
      (bdev: any) => {
        fat(() => mkfs(new PyBlockDevice(bdev), { clock: options.clock }));
        return null;
      },
      1,
    ],
  },
  methods: {
    mount: [
      (s: any, readonly: any, mkfsFlag: any) => {
        const v = self(s);
        if (readonly !== undefined && truthy(readonly)) {
          v.readonly = true;
          v.tryMount();
        }
        if (v.vol === null && mkfsFlag !== undefined && truthy(mkfsFlag)) {
          fat(() => mkfs(v.dev, { clock: options.clock }));
          v.tryMount();
        }
        if (v.vol === null) throw osError(ENODEV);
        return null;
      },
      { params: 'self, readonly, mkfs', min: 1 },
    ],
    umount: [
      (s: any) => {
        // MicroPython keeps the filesystem usable after umount: only flush.
        const v = self(s);
        if (v.vol && !v.vol.readonly) fat(() => v.vol!.sync());
        return null;
      },
      1,
    ],
    open: [(s: any, path: any, mode: any) => openFat(self(s).v, pathArg(path), mode === undefined ? 'r' : strVal(mode), path), { params: 'self, path, mode', min: 2 }],
    ilistdir: [
      (s: any, path: any) => {
        const v = self(s).v;
        const asBytes = path instanceof PyBytes;
        const it = fat(() => v.ilistdir(path === undefined ? '' : pathArg(path)));
        return jsIter(
          (function* () {
            for (;;) {
              const r = fat(() => it.next());
              if (r.done) return;
              const e = r.value;
              const name = asBytes ? new PyBytes(utf8Encode(e.name)) : e.name;
              yield new PyTuple([name, e.type, e.inode, e.size]);
            }
          })(),
        );
      },
      { params: 'self, path', min: 1 },
    ],
    mkdir: [(s: any, p: any) => (fat(() => self(s).v.mkdir(pathArg(p))), null), 2],
    rmdir: [(s: any, p: any) => (fat(() => self(s).v.rmdir(pathArg(p))), null), 2],
    remove: [(s: any, p: any) => (fat(() => self(s).v.remove(pathArg(p))), null), 2],
    rename: [(s: any, a: any, b: any) => (fat(() => self(s).v.rename(pathArg(a), pathArg(b))), null), 3],
    chdir: [(s: any, p: any) => (fat(() => self(s).v.chdir(pathArg(p))), null), 2],
    getcwd: [(s: any) => fat(() => self(s).v.getcwd()), 1],
    stat: [(s: any, p: any) => statTuple(self(s).v, pathArg(p)), 2],
    statvfs: [
      (s: any, _p: any) => {
        const r = fat(() => self(s).v.statvfs());
        return new PyTuple([r.bsize, r.frsize, r.blocks, r.bfree, r.bavail, r.files, r.ffree, r.favail, r.flag, r.namemax]);
      },
      2,
    ],
  },
  getsets: {
    label: [(s: any) => fat(() => self(s).v.getLabel()), (s: any, l: any) => fat(() => self(s).v.setLabel(strVal(l)))],
  },
});

// ---- the host filesystem as a VFS object (what the unix port has at / as VfsPosix) -----------------------

class PyVfsHost extends PyObject {
  fs: HostFs;
  cwd: string;
  constructor(type: PyType, fs: HostFs, cwd: string) {
    super(type);
    this.fs = fs;
    this.cwd = cwd;
  }
  abs(p: string): string {
    const joined = p.startsWith('/') ? p : `${this.cwd}/${p}`;
    const out: string[] = [];
    for (const c of joined.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') out.pop();
      else out.push(c);
    }
    return '/' + out.join('/');
  }
}

function host<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError) throw osError(e.errno);
    throw e;
  }
}

const vfsHostType: PyType = defineType({
  name: 'VfsPosix',
  module: 'uos',
  subclassable: false,
  methods: {
    mount: [() => null, { params: 'self, readonly, mkfs', min: 1 }],
    umount: [() => null, 1],
    open: [
      (s: PyVfsHost, path: any, mode: any) => {
        const m = mode === undefined ? 'r' : strVal(mode);
        const kind = m.replace(/[bt+]/g, '') || 'r';
        const plus = m.includes('+');
        const h = host(() => s.fs.open(s.abs(pathArg(path)), kind + (plus ? '+' : '')));
        return new PyFile(h, path, m, m.includes('b'), kind === 'r' || plus, kind !== 'r' || plus, -1);
      },
      { params: 'self, path, mode', min: 2 },
    ],
    ilistdir: [
      (s: PyVfsHost, path: any) => {
        const dir = s.abs(path === undefined ? '' : pathArg(path));
        const names = host(() => s.fs.listdir(dir));
        const asBytes = path instanceof PyBytes;
        return jsIter(
          (function* () {
            for (const n of names) {
              let st: HostStat | null = null;
              try {
                st = s.fs.stat(dir === '/' ? `/${n}` : `${dir}/${n}`);
              } catch {}
              const isDir = st !== null && (st.mode & 0o170000) === S_IFDIR;
              yield new PyTuple([asBytes ? new PyBytes(utf8Encode(n)) : n, isDir ? S_IFDIR : 0x8000, 0, st?.size ?? 0]);
            }
          })(),
        );
      },
      { params: 'self, path', min: 1 },
    ],
    mkdir: [(s: PyVfsHost, p: any) => (host(() => s.fs.mkdir(s.abs(pathArg(p)))), null), 2],
    rmdir: [(s: PyVfsHost, p: any) => (host(() => s.fs.rmdir(s.abs(pathArg(p)))), null), 2],
    remove: [(s: PyVfsHost, p: any) => (host(() => s.fs.remove(s.abs(pathArg(p)))), null), 2],
    rename: [(s: PyVfsHost, a: any, b: any) => (host(() => s.fs.rename(s.abs(pathArg(a)), s.abs(pathArg(b)))), null), 3],
    chdir: [
      (s: PyVfsHost, p: any) => {
        const a = s.abs(pathArg(p));
        const st = host(() => s.fs.stat(a));
        if ((st.mode & 0o170000) !== S_IFDIR) throw osError(20);
        s.cwd = a;
        return null;
      },
      2,
    ],
    getcwd: [(s: PyVfsHost) => s.cwd, 1],
    stat: [
      (s: PyVfsHost, p: any) => {
        const st = host(() => s.fs.stat(s.abs(pathArg(p))));
        const mode = (st.mode & 0o170000) === S_IFDIR ? S_IFDIR : 0x8000;
        return new PyTuple([mode, 0, 0, 0, 0, 0, st.size, st.mtime, st.mtime, st.mtime]);
      },
      2,
    ],
    statvfs: [
      (s: PyVfsHost, p: any) => {
        const r = s.fs.statvfs ? host(() => s.fs.statvfs!(s.abs(pathArg(p)))) : [4096, 4096, 0, 0, 0, 0, 0, 0, 0, 255];
        return new PyTuple(r);
      },
      2,
    ],
  },
});

// ---- the mount table (extmod/vfs.c) --------------------------------------------------------------------

interface Mount {
  path: string; // '/' or '/name...'
  obj: any;
}
const ROOT = 'root' as const;
const NONE = 'none' as const;
type Found = Mount | typeof ROOT | typeof NONE;

class VfsState {
  readonly vm: VM;
  /** Mounts in MicroPython's order: later mounts after earlier ones, a root mount always last. */
  mounts: Mount[] = [];
  cur: Mount | typeof ROOT = ROOT;
  constructor(vm: VM) {
    this.vm = vm;
  }

  /** mp_vfs_lookup_path: the mount serving `path`, and the path inside it. */
  lookup(path: string): { vfs: Found; out: string } {
    if (path.startsWith('/') || this.cur === ROOT) {
      let p = path;
      let abs = false;
      if (p.startsWith('/')) {
        p = p.slice(1);
        abs = true;
      }
      if (p === '') return { vfs: ROOT, out: '' };
      for (const m of this.mounts) {
        const rest = m.path.slice(1);
        if (rest === '') return { vfs: m, out: abs ? '/' + p : p };
        if (p.startsWith(rest)) {
          if (p[rest.length] === '/') return { vfs: m, out: p.slice(rest.length) };
          if (p.length === rest.length) return { vfs: m, out: '/' };
        }
      }
      return { vfs: NONE, out: '' };
    }
    return { vfs: this.cur, out: path };
  }

  proxy(vfs: Found, meth: string, args: any[]): any {
    if (vfs === NONE) throw osError(ENODEV);
    if (vfs === ROOT) throw osError(EPERM);
    return call(getAttr(vfs.obj, meth), args);
  }

  rootMount(): Mount | undefined {
    return this.mounts.find((m) => m.path === '/');
  }

  /** Path argument converted back to the caller's type (str or bytes). */
  outArg(orig: any, out: string): any {
    return orig instanceof PyBytes ? new PyBytes(utf8Encode(out)) : out;
  }

  getcwd(): string {
    if (this.cur === ROOT) return '/';
    const cwd = pathArg(this.proxy(this.cur, 'getcwd', []));
    if (this.cur.path === '/') return cwd;
    return cwd === '/' ? this.cur.path : this.cur.path + cwd;
  }

  /** Keeps core-vm's working directory (used for relative imports and paths) in step. */
  syncCwd(): void {
    // Only native filesystems are asked (a Python VFS object's getcwd may have visible effects).
    if (this.cur !== ROOT && !(this.cur.obj instanceof PyVfsFat || this.cur.obj instanceof PyVfsHost)) {
      this.vm.cwd = this.cur.path;
      return;
    }
    try {
      const c = this.getcwd();
      this.vm.cwd = c.startsWith('/') ? c : '/' + c;
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
  }
}

const states = new WeakMap<VM, VfsState>();

/** Installs the mount table in a VM (done by the first `import uos` / `import vfs`). */
export function installVfs(vm: VM): VfsState {
  let st = states.get(vm);
  if (st) return st;
  st = new VfsState(vm);
  states.set(vm, st);
  const rootObj = new PyVfsHost(vfsHostType, vm.host.fs, vm.cwd);
  const root: Mount = { path: '/', obj: rootObj };
  st.mounts.push(root);
  st.cur = root;
  vm.mount('/', layerFs(st));
  const builtins = vm.builtins;
  const original = dictGetStr(builtins, 'open');
  dictSetStr(builtins, 'open', builtin('open', (args: any[], kwnames: readonly string[] | null) => vfsOpen(st, original, args, kwnames), { raw: true }));
  return st;
}

function stateOf(vm: VM): VfsState {
  return installVfs(vm);
}

/** open(file, mode='r', ...): MicroPython's mp_vfs_open (the filesystem's own open gets path and mode). */
function vfsOpen(st: VfsState, original: any, args: any[], kwnames: readonly string[] | null): any {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  let file = npos > 0 ? args[0] : undefined;
  let mode: any = npos > 1 ? args[1] : undefined;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] === 'file') file = args[npos + i];
    else if (kwnames![i] === 'mode') mode = args[npos + i];
  }
  if (file === undefined || typeof file === 'number' || (!isStr(file) && !(file instanceof PyBytes))) {
    return call(original, args, kwnames); // let core-vm report the error exactly
  }
  const { vfs, out } = st.lookup(pathArg(file));
  if (vfs !== NONE && vfs !== ROOT && vfs.obj instanceof PyVfsHost) return call(original, args, kwnames);
  if (vfs !== NONE && vfs !== ROOT && vfs.obj instanceof PyVfsFat) {
    return openFat(vfs.obj.v, out, mode === undefined ? 'r' : strVal(mode), file);
  }
  return st.proxy(vfs, 'open', [st.outArg(file, out), mode === undefined ? 'r' : mode]);
}

/** The mount table as core-vm's HostFs (for `import`, and core-vm's own file access). */
function layerFs(st: VfsState): HostFs {
  const route = (abs: string): { vfs: Mount; out: string } => {
    const { vfs, out } = st.lookup(abs);
    if (vfs === NONE || vfs === ROOT) throw new HostError(vfs === ROOT ? EPERM : ENOENT);
    return { vfs, out };
  };
  const py = <R>(fn: () => R): R => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FatError) throw new HostError(e.errno);
      if (e instanceof PyBaseException) {
        const errno = e.args.items[0];
        throw new HostError(typeof errno === 'number' ? errno : ENOENT);
      }
      throw e;
    }
  };
  return {
    open(abs, mode) {
      const { vfs, out } = route(abs);
      if (vfs.obj instanceof PyVfsHost) return vfs.obj.fs.open(vfs.obj.abs(out), mode);
      if (vfs.obj instanceof PyVfsFat) {
        const v = vfs.obj.v;
        return hostFile(py(() => v.open(out, mode + 'b')));
      }
      const f = py(() => call(getAttr(vfs.obj, 'open'), [out, mode]));
      return streamFile(f);
    },
    stat(abs) {
      const { vfs, out } = route(abs);
      const t = py(() => call(getAttr(vfs.obj, 'stat'), [out])) as PyTuple;
      return { mode: Number(t.items[0]), size: Number(t.items[6] ?? 0), mtime: Number(t.items[8] ?? 0) + epochShift() };
    },
    listdir(abs) {
      const { vfs, out } = route(abs);
      const it = py(() => getIter(call(getAttr(vfs.obj, 'ilistdir'), [out])));
      const names: string[] = [];
      for (let x = py(() => iterNext(it)); x !== STOP; x = py(() => iterNext(it))) names.push(pathArg((x as PyTuple).items[0]));
      return names;
    },
    mkdir: (abs) => void py(() => call(getAttr(route(abs).vfs.obj, 'mkdir'), [route(abs).out])),
    rmdir: (abs) => void py(() => call(getAttr(route(abs).vfs.obj, 'rmdir'), [route(abs).out])),
    remove: (abs) => void py(() => call(getAttr(route(abs).vfs.obj, 'remove'), [route(abs).out])),
    rename: (a, b) => void py(() => call(getAttr(route(a).vfs.obj, 'rename'), [route(a).out, route(b).out])),
  };
}

/** A Python stream object as a HostFile. */
function streamFile(f: any): HostFile {
  return {
    read: (buf) => {
      const ba = new PyByteArray(buf);
      const n = call(getAttr(f, 'readinto'), [ba]);
      if (ba.buf !== buf) buf.set(ba.buf.subarray(0, buf.length));
      return n === null ? 0 : Number(n);
    },
    write: (data) => Number(call(getAttr(f, 'write'), [new PyBytes(data)]) ?? data.length),
    seek: (o, w) => Number(call(getAttr(f, 'seek'), [o, w])),
    flush: () => void call(getAttr(f, 'flush'), []),
    close: () => void call(getAttr(f, 'close'), []),
  };
}

// ---- uos / vfs functions -------------------------------------------------------------------------------

function cur(): VfsState {
  return stateOf(currentVMRef());
}

let currentVMRef: () => VM = () => {
  throw new Error('vfs-fat: no VM');
};

function lookupArg(st: VfsState, p: any): { vfs: Found; out: any } {
  const { vfs, out } = st.lookup(pathArg(p));
  return { vfs, out: st.outArg(p, out) };
}

function rootIter(st: VfsState, asBytes: boolean): ListIter {
  const mounts = st.mounts.slice();
  return jsIter(
    (function* () {
      for (const m of mounts) {
        if (m.path === '/') {
          const it = getIter(call(getAttr(m.obj, 'ilistdir'), [asBytes ? new PyBytes(utf8Encode('/')) : '/']));
          for (let x = iterNext(it); x !== STOP; x = iterNext(it)) yield x;
        } else {
          const name = m.path.slice(1);
          yield new PyTuple([asBytes ? new PyBytes(utf8Encode(name)) : name, S_IFDIR, 0]);
        }
      }
    })(),
  );
}

const fsFunctions: Record<string, [(...a: any[]) => any, string, number?]> = {
  mount: [
    (fsobj: any, mountPoint: any, readonly: any, mkfsFlag: any) => {
      const st = cur();
      if (fsobj === undefined) return new PyList(st.mounts.map((m) => new PyTuple([m.obj, m.path])));
      if (mountPoint === undefined) throw typeError('mount point required');
      let obj = fsobj;
      if (getAttrOpt(obj, 'mount') === undefined && getAttrOpt(obj, 'readblocks') !== undefined) obj = new PyVfsFat(vfsFatType, obj);
      let path = pathArg(mountPoint);
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      call(getAttr(obj, 'mount'), [readonly !== undefined && truthy(readonly), mkfsFlag !== undefined && truthy(mkfsFlag)]);
      const { vfs } = st.lookup(path);
      if (vfs !== NONE && vfs !== ROOT && !(path !== '/' && vfs.path === '/')) throw osError(EPERM);
      const m = { path, obj };
      if (path === '/') st.mounts.push(m);
      else {
        const rootAt = st.mounts.findIndex((x) => x.path === '/');
        if (rootAt >= 0) st.mounts.splice(rootAt, 0, m);
        else st.mounts.push(m);
      }
      return null;
    },
    'fsobj, mount_point, /, *, readonly, mkfs',
    0,
  ],
  umount: [
    (target: any) => {
      const st = cur();
      const i = isStr(target) ? st.mounts.findIndex((m) => m.path === strVal(target)) : st.mounts.findIndex((m) => m.obj === target);
      if (i < 0) throw osError(EINVAL);
      const [m] = st.mounts.splice(i, 1);
      if (st.cur === m) st.cur = ROOT;
      call(getAttr(m.obj, 'umount'), []);
      st.syncCwd();
      return null;
    },
    'mnt, /',
  ],
  chdir: [
    (p: any) => {
      const st = cur();
      const { vfs, out } = lookupArg(st, p);
      if (vfs === ROOT) {
        const r = st.rootMount();
        if (r) call(getAttr(r.obj, 'chdir'), ['/']);
      } else {
        st.proxy(vfs, 'chdir', [out]);
      }
      st.cur = vfs === ROOT ? ROOT : (vfs as Mount);
      st.syncCwd();
      return null;
    },
    'path, /',
  ],
  getcwd: [() => cur().getcwd(), ''],
  ilistdir: [
    (p: any) => {
      const st = cur();
      const path = p === undefined ? '' : p;
      const { vfs, out } = lookupArg(st, path);
      if (vfs === ROOT) return rootIter(st, path instanceof PyBytes);
      return st.proxy(vfs, 'ilistdir', [out]);
    },
    'path, /',
    0,
  ],
  listdir: [
    (p: any) => {
      const st = cur();
      const path = p === undefined ? '' : p;
      const { vfs, out } = lookupArg(st, path);
      const it = getIter(vfs === ROOT ? rootIter(st, path instanceof PyBytes) : st.proxy(vfs, 'ilistdir', [out]));
      const names: any[] = [];
      for (let x = iterNext(it); x !== STOP; x = iterNext(it)) names.push((x as PyTuple).items[0]);
      return new PyList(names);
    },
    'path, /',
    0,
  ],
  mkdir: [
    (p: any) => {
      const st = cur();
      const { vfs, out } = lookupArg(st, p);
      if (vfs === ROOT || (vfs !== NONE && pathArg(out) === '/')) throw osError(EEXIST);
      return st.proxy(vfs, 'mkdir', [out]);
    },
    'path, /',
  ],
  remove: [(p: any) => proxyPath(p, 'remove'), 'path, /'],
  rmdir: [(p: any) => proxyPath(p, 'rmdir'), 'path, /'],
  rename: [
    (a: any, b: any) => {
      const st = cur();
      const x = lookupArg(st, a);
      const y = lookupArg(st, b);
      if (x.vfs !== y.vfs) throw osError(EPERM);
      return st.proxy(x.vfs, 'rename', [x.out, y.out]);
    },
    'old, new, /',
  ],
  stat: [
    (p: any) => {
      const st = cur();
      const { vfs, out } = lookupArg(st, p);
      if (vfs === ROOT) return new PyTuple([S_IFDIR, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      return st.proxy(vfs, 'stat', [out]);
    },
    'path, /',
  ],
  statvfs: [
    (p: any) => {
      const st = cur();
      const { vfs, out } = lookupArg(st, p);
      if (vfs === ROOT) {
        const r = st.rootMount();
        if (!r) return new PyTuple([0, 0, 0, 0, 0, 0, 0, 0, 0, 4096]);
        return call(getAttr(r.obj, 'statvfs'), ['/']);
      }
      return st.proxy(vfs, 'statvfs', [out]);
    },
    'path, /',
  ],
  sync: [
    () => {
      for (const m of cur().mounts) if (m.obj instanceof PyVfsFat && m.obj.vol && !m.obj.vol.readonly) fat(() => m.obj.vol.sync());
      return null;
    },
    '',
  ],
};

function proxyPath(p: any, meth: string): any {
  const st = cur();
  const { vfs, out } = lookupArg(st, p);
  return st.proxy(vfs, meth, [out]);
}

function makeModule(vm: VM, name: string, withOs: boolean): PyModule {
  currentVMRef = () => vm;
  installVfs(vm);
  const mod = new PyModule(name);
  const d = mod.dict;
  for (const [k, [fn, params, min]] of Object.entries(fsFunctions)) {
    if (!withOs && k !== 'mount' && k !== 'umount') continue;
    dictSetStr(d, k, builtin(k, (...a: any[]) => withVm(vm, () => fn(...a)), { params, min }));
  }
  dictSetStr(d, 'VfsFat', vfsFatType);
  if (withOs) {
    dictSetStr(d, 'sep', '/');
  }
  return mod;
}

function withVm<R>(vm: VM, fn: () => R): R {
  const prev = currentVMRef;
  currentVMRef = () => vm;
  try {
    return fn();
  } finally {
    currentVMRef = prev;
  }
}

registerBuiltinModule('vfs', (vm: VM) => makeModule(vm, 'vfs', false));
registerBuiltinModule('uos', (vm: VM) => makeModule(vm, 'uos', true), { weakLink: 'os' });

export { PyVfsFat, vfsHostType };
