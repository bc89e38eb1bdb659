// The Node.js Host (the only place in core-vm that touches Node APIs): stdio through file descriptors,
// a filesystem rooted at a real directory with a virtual working directory (worker threads cannot chdir),
// blocking sleep via Atomics.wait.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HostError, type Host, type HostFile, type HostFs, type HostStat } from '../host.js';

export interface NodeHostOptions {
  /** Real directory that is "/" of the virtual filesystem (default: the real root, so paths are real paths). */
  root?: string;
  /** Virtual working directory (default: process.cwd(), relative to root). */
  cwd?: string;
  /** Interrupt word shared with whoever delivers Ctrl-C (default: a fresh one). */
  interrupt?: Int32Array;
  stdoutFd?: number;
  stderrFd?: number;
  stdinFd?: number;
  /** Override output sinks (e.g. a worker collecting output). */
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  stdin?: (max: number) => Uint8Array | null;
}

const ERRNO: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EAGAIN: 11, EACCES: 13, EEXIST: 17, EXDEV: 18, ENOTDIR: 20, EISDIR: 21,
  EINVAL: 22, EMFILE: 24, ENOSPC: 28, ESPIPE: 29, EROFS: 30, ENAMETOOLONG: 36, ENOTEMPTY: 39,
};

function wrap<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string') throw new HostError(ERRNO[code] ?? 5, (e as Error).message);
    throw e;
  }
}

class NodeFile implements HostFile {
  private fd: number;
  private pos: number;
  private append: boolean;
  constructor(fd: number, append: boolean) {
    this.fd = fd;
    this.append = append;
    this.pos = append ? wrap(() => fs.fstatSync(fd).size) : 0;
  }
  read(buf: Uint8Array): number {
    const n = wrap(() => fs.readSync(this.fd, buf, 0, buf.length, this.pos));
    this.pos += n;
    return n;
  }
  write(data: Uint8Array): number {
    if (this.append) this.pos = wrap(() => fs.fstatSync(this.fd).size);
    let off = 0;
    while (off < data.length) off += wrap(() => fs.writeSync(this.fd, data, off, data.length - off, this.pos + off));
    this.pos += data.length;
    return data.length;
  }
  seek(offset: number, whence: number): number {
    const base = whence === 0 ? 0 : whence === 1 ? this.pos : wrap(() => fs.fstatSync(this.fd).size);
    const p = base + offset;
    if (p < 0) throw new HostError(22);
    this.pos = p;
    return p;
  }
  flush(): void {}
  close(): void {
    wrap(() => fs.closeSync(this.fd));
  }
}

export class NodeFs implements HostFs {
  readonly root: string;
  constructor(root = '/') {
    this.root = path.resolve(root);
  }
  real(p: string): string {
    return path.join(this.root, p);
  }
  open(p: string, mode: string): HostFile {
    const m = mode[0];
    const plus = mode.includes('+');
    const flags = m === 'r' ? (plus ? 'r+' : 'r') : m === 'w' ? (plus ? 'w+' : 'w') : m === 'a' ? (plus ? 'a+' : 'a') : plus ? 'wx+' : 'wx';
    const real = this.real(p);
    const st = (() => {
      try {
        return fs.statSync(real);
      } catch {
        return null;
      }
    })();
    if (st !== null && st.isDirectory()) throw new HostError(21);
    const fd = wrap(() => fs.openSync(real, flags));
    return new NodeFile(fd, m === 'a');
  }
  stat(p: string): HostStat {
    const st = wrap(() => fs.statSync(this.real(p)));
    return { mode: st.mode, size: st.size, mtime: Math.floor(st.mtimeMs / 1000) };
  }
  listdir(p: string): string[] {
    return wrap(() => fs.readdirSync(this.real(p)));
  }
  mkdir(p: string): void {
    wrap(() => fs.mkdirSync(this.real(p)));
  }
  rmdir(p: string): void {
    wrap(() => fs.rmdirSync(this.real(p)));
  }
  remove(p: string): void {
    const real = this.real(p);
    if (wrap(() => fs.statSync(real)).isDirectory()) throw new HostError(21);
    wrap(() => fs.unlinkSync(real));
  }
  rename(from: string, to: string): void {
    wrap(() => fs.renameSync(this.real(from), this.real(to)));
  }
  statvfs(p: string): number[] {
    const s = wrap(() => fs.statfsSync(this.real(p)));
    return [s.bsize, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, s.ffree, 0, 255];
  }
}

export class NodeHost implements Host {
  readonly fs: NodeFs;
  readonly cwd: string;
  readonly interrupt: Int32Array;
  private readonly opts: NodeHostOptions;
  private readonly t0 = performance.now();
  constructor(options: NodeHostOptions = {}) {
    this.opts = options;
    this.fs = new NodeFs(options.root ?? '/');
    const root = this.fs.root;
    this.cwd = options.cwd ?? ('/' + path.relative(root, process.cwd()).split(path.sep).join('/'));
    this.interrupt = options.interrupt ?? new Int32Array(new SharedArrayBuffer(8));
  }
  private writeFd(fd: number, data: Uint8Array): void {
    let off = 0;
    while (off < data.length) {
      try {
        off += fs.writeSync(fd, data, off, data.length - off);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          continue;
        }
        throw e;
      }
    }
  }
  writeStdout(data: Uint8Array): void {
    if (this.opts.stdout) this.opts.stdout(data);
    else this.writeFd(this.opts.stdoutFd ?? 1, data);
  }
  writeStderr(data: Uint8Array): void {
    if (this.opts.stderr) this.opts.stderr(data);
    else this.writeFd(this.opts.stderrFd ?? 2, data);
  }
  readStdin(max: number): Uint8Array | null {
    if (this.opts.stdin) return this.opts.stdin(max);
    const buf = new Uint8Array(max);
    for (;;) {
      try {
        const n = fs.readSync(this.opts.stdinFd ?? 0, buf, 0, max, null);
        return n === 0 ? null : buf.subarray(0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          Atomics.wait(this.interrupt, 0, 0, 10);
          if (this.interrupt[0] !== 0) return new Uint8Array(0);
          continue;
        }
        if (code === 'EOF') return null;
        throw e;
      }
    }
  }
  monotonicMs(): number {
    return performance.now() - this.t0;
  }
  wallTimeMs(): number {
    return Date.now();
  }
  sleepMs(ms: number): void {
    if (ms > 0) Atomics.wait(this.interrupt, 0, 0, ms);
  }
  randomSeed(): number {
    return (Math.random() * 0x100000000) >>> 0;
  }
  memoryInUse(): number {
    return process.memoryUsage().heapUsed;
  }
}

export function createNodeHost(options: NodeHostOptions = {}): NodeHost {
  return new NodeHost(options);
}
