// The Host interface: everything the VM needs from the world outside it (MicroPython py/mphal.h plus a
// filesystem root). The VM never touches Node or DOM globals: a Node host lives in ./node/, and the
// in-memory host below serves tests and browsers (with an optional virtual clock).
//
// Blocking is real blocking: `sleepMs` and `readStdin` block the calling thread (Atomics.wait on a
// SharedArrayBuffer in Node and in Web Workers), never busy-wait, and return early when the interrupt flag
// is raised.

/** Filesystem errors carry a POSIX errno; the VM turns them into OSError(errno). */
export class HostError extends Error {
  readonly errno: number;
  constructor(errno: number, message?: string) {
    super(message ?? `errno ${errno}`);
    this.name = 'HostError';
    this.errno = errno;
  }
}

export const ENOENT = 2;
export const EIO = 5;
export const EBADF = 9;
export const EACCES = 13;
export const EEXIST = 17;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const ENOSPC = 28;
export const ENOTEMPTY = 39;

/** An open file. Offsets are byte positions. */
export interface HostFile {
  /** Read up to buf.length bytes at the current position; 0 at end of file. */
  read(buf: Uint8Array): number;
  /** Write all of data at the current position (append mode: at the end); returns bytes written. */
  write(data: Uint8Array): number;
  /** whence 0 = from start, 1 = from current, 2 = from end. Returns the new position. */
  seek(offset: number, whence: number): number;
  flush(): void;
  close(): void;
  /**
   * The errno an operation on this file raises once it is closed, as OSError(errno) (MicroPython's FAT
   * driver answers EINVAL). Absent: ValueError('I/O operation on closed file'), as CPython and the unix port.
   */
  readonly closedErrno?: number;
}

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;

export interface HostStat {
  /** S_IFDIR or S_IFREG, plus permission bits. */
  mode: number;
  size: number;
  /** Seconds since the Unix epoch. */
  mtime: number;
}

/**
 * A filesystem. Paths are absolute, normalised POSIX paths in the VM's virtual namespace (the VM resolves
 * relative paths against its own working directory first, so hosts never need a process-wide chdir).
 * Filesystem drivers (vfs-fat, a board's flash) implement this same interface.
 */
export interface HostFs {
  /** mode: 'r' | 'w' | 'a' | 'x', optionally with '+'. Binary/text is the VM's business. */
  open(path: string, mode: string): HostFile;
  stat(path: string): HostStat;
  listdir(path: string): string[];
  mkdir(path: string): void;
  rmdir(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** Optional: [bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax]. */
  statvfs?(path: string): number[];
}

export interface Host {
  /** Write program output (bytes, already encoded). */
  writeStdout(data: Uint8Array): void;
  writeStderr(data: Uint8Array): void;
  /** Block until at least one byte is available (returns up to max bytes) or end of input (null). */
  readStdin(max: number): Uint8Array | null;
  /** Monotonic milliseconds (fractional allowed). */
  monotonicMs(): number;
  /** Wall-clock milliseconds since the Unix epoch. */
  wallTimeMs(): number;
  /** Block for ms milliseconds (returns early if interrupt[0] becomes non-zero). */
  sleepMs(ms: number): void;
  /** A seed for the VM's random numbers. */
  randomSeed(): number;
  /**
   * Shared interrupt word(s). interrupt[0] != 0 asks the VM to stop at its next safe point: bit 0
   * (value 1) raises KeyboardInterrupt, bit 1 (value 2) makes the VM call `poll()` (hardware callbacks).
   * The VM clears the word when it handles it.
   */
  readonly interrupt: Int32Array;
  /** Called at a safe point after the host set bit 1 of interrupt[0] (deliver IRQ callbacks here). */
  poll?(): void;
  /**
   * Optional: bytes of memory the JS engine uses now. The VM samples it periodically and raises
   * MemoryError past VMOptions.memoryLimit, so a runaway program fails in Python instead of crashing.
   */
  memoryInUse?(): number;
  /**
   * Optional: called at the VM's periodic safe point (about every 65536 backward jumps, with the memory
   * check), for hosts that do something once code has run for a while.
   */
  safePoint?(): void;
  /** The filesystem root. */
  readonly fs: HostFs;
  /** The initial working directory (absolute, in the fs namespace). */
  readonly cwd: string;
}

// ---- in-memory implementation --------------------------------------------------------------------------

interface MemNode {
  dir: Map<string, MemNode> | null;
  data: Uint8Array;
  size: number;
  mtime: number;
}

export function normPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** A RAM filesystem (tests, browsers). */
export class MemoryFs implements HostFs {
  private root: MemNode = { dir: new Map(), data: new Uint8Array(0), size: 0, mtime: 0 };
  now: () => number = () => 0;

  private find(path: string): MemNode | null {
    let n = this.root;
    for (const seg of normPath(path).split('/').filter((s) => s)) {
      if (n.dir === null) return null;
      const c = n.dir.get(seg);
      if (c === undefined) return null;
      n = c;
    }
    return n;
  }

  private parent(path: string): [MemNode, string] {
    const np = normPath(path);
    const i = np.lastIndexOf('/');
    const dir = this.find(np.slice(0, i) || '/');
    if (dir === null) throw new HostError(ENOENT);
    if (dir.dir === null) throw new HostError(ENOTDIR);
    return [dir, np.slice(i + 1)];
  }

  /** Convenience for tests: create a file (and parent directories) with text or bytes. */
  writeFile(path: string, content: string | Uint8Array): void {
    const np = normPath(path);
    const segs = np.split('/').filter((s) => s);
    let n = this.root;
    for (const seg of segs.slice(0, -1)) {
      let c = n.dir!.get(seg);
      if (c === undefined) {
        c = { dir: new Map(), data: new Uint8Array(0), size: 0, mtime: this.now() };
        n.dir!.set(seg, c);
      }
      n = c;
    }
    const data = typeof content === 'string' ? encodeUtf8(content) : content;
    n.dir!.set(segs[segs.length - 1], { dir: null, data: data.slice(), size: data.length, mtime: this.now() });
  }

  readFile(path: string): Uint8Array | null {
    const n = this.find(path);
    return n === null || n.dir !== null ? null : n.data.slice(0, n.size);
  }

  open(path: string, mode: string): HostFile {
    let node = this.find(path);
    const m = mode[0];
    if (node !== null && node.dir !== null) throw new HostError(EISDIR);
    if (node === null) {
      if (m === 'r') throw new HostError(ENOENT);
      const [dir, name] = this.parent(path);
      node = { dir: null, data: new Uint8Array(0), size: 0, mtime: this.now() };
      dir.dir!.set(name, node);
    } else if (m === 'x') throw new HostError(EEXIST);
    else if (m === 'w') node.size = 0;
    const n = node;
    let pos = m === 'a' ? n.size : 0;
    const readable = m === 'r' || mode.includes('+');
    const writable = m !== 'r' || mode.includes('+');
    let closed = false;
    const now = () => this.now();
    return {
      read(buf) {
        if (closed) throw new HostError(EBADF);
        if (!readable) throw new HostError(EBADF);
        const k = Math.max(0, Math.min(buf.length, n.size - pos));
        buf.set(n.data.subarray(pos, pos + k));
        pos += k;
        return k;
      },
      write(data) {
        if (closed) throw new HostError(EBADF);
        if (!writable) throw new HostError(EBADF);
        if (m === 'a') pos = n.size;
        const end = pos + data.length;
        if (end > n.data.length) {
          const nd = new Uint8Array(Math.max(end, n.data.length * 2));
          nd.set(n.data.subarray(0, n.size));
          n.data = nd;
        }
        if (pos > n.size) n.data.fill(0, n.size, pos);
        n.data.set(data, pos);
        pos = end;
        if (end > n.size) n.size = end;
        n.mtime = now();
        return data.length;
      },
      seek(offset, whence) {
        const base = whence === 0 ? 0 : whence === 1 ? pos : n.size;
        const np = base + offset;
        if (np < 0) throw new HostError(EINVAL);
        pos = np;
        return pos;
      },
      flush() {},
      close() {
        closed = true;
      },
    };
  }

  stat(path: string): HostStat {
    const n = this.find(path);
    if (n === null) throw new HostError(ENOENT);
    return n.dir !== null ? { mode: S_IFDIR | 0o755, size: 0, mtime: n.mtime } : { mode: S_IFREG | 0o644, size: n.size, mtime: n.mtime };
  }

  listdir(path: string): string[] {
    const n = this.find(path);
    if (n === null) throw new HostError(ENOENT);
    if (n.dir === null) throw new HostError(ENOTDIR);
    return [...n.dir.keys()];
  }

  mkdir(path: string): void {
    const [dir, name] = this.parent(path);
    if (dir.dir!.has(name)) throw new HostError(EEXIST);
    dir.dir!.set(name, { dir: new Map(), data: new Uint8Array(0), size: 0, mtime: this.now() });
  }

  rmdir(path: string): void {
    const [dir, name] = this.parent(path);
    const n = dir.dir!.get(name);
    if (n === undefined) throw new HostError(ENOENT);
    if (n.dir === null) throw new HostError(ENOTDIR);
    if (n.dir.size > 0) throw new HostError(ENOTEMPTY);
    dir.dir!.delete(name);
  }

  remove(path: string): void {
    const [dir, name] = this.parent(path);
    const n = dir.dir!.get(name);
    if (n === undefined) throw new HostError(ENOENT);
    if (n.dir !== null) throw new HostError(EISDIR);
    dir.dir!.delete(name);
  }

  rename(from: string, to: string): void {
    const [d1, n1] = this.parent(from);
    const node = d1.dir!.get(n1);
    if (node === undefined) throw new HostError(ENOENT);
    const [d2, n2] = this.parent(to);
    const existing = d2.dir!.get(n2);
    if (existing !== undefined && existing.dir !== null && node.dir === null) throw new HostError(EISDIR);
    d1.dir!.delete(n1);
    d2.dir!.set(n2, node);
  }

  statvfs(): number[] {
    return [4096, 4096, 1024, 1024, 1024, 0, 0, 0, 0, 255];
  }
}

export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export interface MemoryHostOptions {
  /** Receives stdout bytes (default: kept in `host.output`). */
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  /** Input bytes for stdin (consumed in order), or a blocking reader. */
  stdin?: Uint8Array | string | ((max: number) => Uint8Array | null);
  /** Deterministic time: sleeping advances a virtual clock instantly. */
  virtualClock?: boolean;
  /** Seed returned by randomSeed(). */
  seed?: number;
  fs?: HostFs;
  cwd?: string;
  interrupt?: Int32Array;
}

/** An in-memory Host. Output is collected in `output` / `errors` unless callbacks are given. */
export class MemoryHost implements Host {
  readonly fs: HostFs;
  readonly cwd: string;
  readonly interrupt: Int32Array;
  /** Collected stdout and stderr chunks (when no callback was given). */
  readonly out: Uint8Array[] = [];
  readonly err: Uint8Array[] = [];
  private stdoutCb: ((d: Uint8Array) => void) | null;
  private stderrCb: ((d: Uint8Array) => void) | null;
  private input: Uint8Array;
  private inputPos = 0;
  private reader: ((max: number) => Uint8Array | null) | null = null;
  private virtual: boolean;
  private vnow = 0;
  private t0: number;
  private seed: number;
  poll?: () => void;

  constructor(options: MemoryHostOptions = {}) {
    this.fs = options.fs ?? new MemoryFs();
    this.cwd = options.cwd ?? '/';
    this.interrupt = options.interrupt ?? new Int32Array(new SharedArrayBuffer(8));
    this.stdoutCb = options.stdout ?? null;
    this.stderrCb = options.stderr ?? null;
    const si = options.stdin;
    if (typeof si === 'function') {
      this.reader = si;
      this.input = new Uint8Array(0);
    } else this.input = typeof si === 'string' ? encodeUtf8(si) : (si ?? new Uint8Array(0));
    this.virtual = options.virtualClock ?? false;
    this.t0 = Date.now();
    this.seed = options.seed ?? (Date.now() ^ 0x5deece66d) >>> 0;
    if (this.fs instanceof MemoryFs) this.fs.now = () => Math.floor(this.wallTimeMs() / 1000);
  }

  writeStdout(data: Uint8Array): void {
    if (this.stdoutCb !== null) this.stdoutCb(data);
    else this.out.push(data.slice());
  }

  writeStderr(data: Uint8Array): void {
    if (this.stderrCb !== null) this.stderrCb(data);
    else this.err.push(data.slice());
  }

  /** Everything written to stdout so far, decoded. */
  get output(): string {
    return decodeUtf8All(this.out);
  }

  get errors(): string {
    return decodeUtf8All(this.err);
  }

  readStdin(max: number): Uint8Array | null {
    if (this.reader !== null) return this.reader(max);
    if (this.inputPos >= this.input.length) return null;
    const k = Math.min(max, this.input.length - this.inputPos);
    const r = this.input.slice(this.inputPos, this.inputPos + k);
    this.inputPos += k;
    return r;
  }

  monotonicMs(): number {
    if (this.virtual) return this.vnow;
    return Date.now() - this.t0;
  }

  wallTimeMs(): number {
    if (this.virtual) return 946684800000 + this.vnow;
    return Date.now();
  }

  sleepMs(ms: number): void {
    if (ms <= 0) return;
    if (this.virtual) {
      this.vnow += ms;
      return;
    }
    Atomics.wait(this.interrupt, 0, 0, ms);
  }

  randomSeed(): number {
    return this.seed;
  }
}

function decodeUtf8All(chunks: Uint8Array[]): string {
  let n = 0;
  for (const c of chunks) n += c.length;
  const all = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  let s = '';
  let i = 0;
  while (i < all.length) {
    const c = all[i];
    let cp = c;
    let k = 1;
    if (c >= 0xf0) {
      cp = ((c & 7) << 18) | ((all[i + 1] & 63) << 12) | ((all[i + 2] & 63) << 6) | (all[i + 3] & 63);
      k = 4;
    } else if (c >= 0xe0) {
      cp = ((c & 15) << 12) | ((all[i + 1] & 63) << 6) | (all[i + 2] & 63);
      k = 3;
    } else if (c >= 0xc0) {
      cp = ((c & 31) << 6) | (all[i + 1] & 63);
      k = 2;
    }
    s += String.fromCodePoint(cp);
    i += k;
  }
  return s;
}
