// The VM: per-instance state (builtins, sys, modules, output buffers, the interrupt word, the exception
// being handled), the import system, and the public API modelled on MicroPython's webassembly api.js
// (`createVM` -> runPython / runFile / registerModule / import / globals).
import type { CodeObject } from '@mpy-ts/bytecode';
import { deserialize, verify, MARSHAL_MAGIC } from '@mpy-ts/bytecode';
import { compile as compilePython } from '@mpy-ts/compiler';
import { PyObject, PyType, STOP } from './object.js';
import * as T from './types.js';
import { setCurrentVM, vm as currentVM } from './state.js';
import { bootstrap } from './bootstrap.js';
import type { Host, HostFs } from './host.js';
import { HostError, MemoryHost, normPath, S_IFDIR } from './host.js';
import { PyDict, dictGetStr, dictSetStr, dictDelStr, dictUpdate as dictUpdateImpl, dictKeys, dictSet, dictGet, dictDel } from './objects/dict.js';
import { PyList, listSort } from './objects/list.js';
import { PyTuple } from './objects/tuple.js';
import { PyModule } from './objects/module.js';
import { PyFunction, type PyBuiltin, builtin } from './objects/function.js';
import { PyBaseException, newException, typeError, osError, importError } from './objects/exceptions.js';
import { PyFloat } from './objects/float.js';
import { PyBytes, PyByteArray, utf8Encode, utf8Decode } from './objects/bytes.js';
import { runCode, runFrame, type Frame } from './interp.js';
import { buildClassBuiltin } from './classes.js';
import { builtinEntries, ascii as asciiOf, frameLocals } from './builtins.js';
import { exceptionFromHost, formatException, syntaxErrorFrom } from './errors.js';
import { type PyFile, stdioFile, openFile } from './modules/file.js';
import { makeSysModule } from './modules/sys.js';
import { makeGcModule, heapEstimate } from './modules/gc.js';
import { makeMicropythonModule } from './modules/micropython.js';
import { makeMathModule } from './modules/math.js';
import { makeCmathModule } from './modules/cmath.js';
import {
  typeOf, repr, str, call, getAttr, getAttrOpt, setAttr, toArray, forEach, isInstance, genericGetAttr, truthy, lookupSpecial,
} from './runtime.js';
import { strVal, isStr } from './objects/str.js';
import { instDict } from './runtime.js';
import { TF_INSTATTRS, type AttrHolder } from './object.js';

/** Compiles Python source (the @mpy-ts/compiler `compile` function fits). Throws its CompileError. */
export type CompileFn = (source: string, options: { filename: string; mode: 'exec' | 'eval' | 'single'; optimize: number }) => CodeObject;

/**
 * How a module is provided: a ready PyModule; a factory called on first import (returning a PyModule or
 * a record of attributes); `{ source }` Python source compiled on first import (frozen modules); or a
 * plain record of attributes (JS functions are wrapped as builtins taking positional arguments).
 */
export type ModuleInit =
  | PyModule
  | ((vm: VM) => PyModule | Record<string, any>)
  | { source: string; filename?: string }
  | Record<string, any>;

/** Process-wide module registry (stdlib packages add their modules here) and weak links (json -> ujson). */
const globalModules = new Map<string, ModuleInit>();
const globalWeakLinks = new Map<string, string>();

/**
 * Make a builtin module available to every VM created afterwards. `weakLink` also makes it importable by
 * that plain name when no `<weakLink>.py` is found on sys.path first (spec 4.1: `json` -> `ujson`).
 */
export function registerBuiltinModule(name: string, init: ModuleInit, options: { weakLink?: string } = {}): void {
  globalModules.set(name, init);
  if (options.weakLink !== undefined) globalWeakLinks.set(options.weakLink, name);
}

/** Is a builtin module of this name registered (process-wide)? */
export function hasBuiltinModule(name: string): boolean {
  return globalModules.has(name);
}

/** Process-wide module extensions: run, in registration order, on a registered module once it is made. */
const globalExtensions = new Map<string, ((vm: VM, module: PyModule) => void)[]>();

/**
 * Add attributes to a builtin module whichever package provides it (e.g. the non-filesystem parts of `uos`
 * from the u-modules while a filesystem package provides the module): `extend(vm, module)` runs when the
 * module is first imported in a VM, after its own initialisation.
 */
export function extendBuiltinModule(name: string, extend: (vm: VM, module: PyModule) => void): void {
  let list = globalExtensions.get(name);
  if (list === undefined) globalExtensions.set(name, (list = []));
  list.push(extend);
}

export interface VMOptions {
  host?: Host;
  /** Shortcuts that wrap the default in-memory host. */
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  stdin?: Uint8Array | string | ((max: number) => Uint8Array | null);
  /** Heap size in bytes (gc.mem_free, MemoryError threshold for single huge allocations). Default 2 MiB. */
  heapSize?: number;
  argv?: string[];
  /** sys.path (default ['', '.frozen', '/lib']). */
  path?: string[];
  /** micropython.opt_level (default 0). */
  optimize?: number;
  compile?: CompileFn;
  /** sys.platform (default 'linux'). */
  platform?: string;
  /** JS heap bytes (host.memoryInUse) beyond which allocation-heavy loops get MemoryError (default 768 MiB). */
  memoryLimit?: number;
  /** Maximum Python call depth before RuntimeError (default 1000). */
  maxRecursion?: number;
  /** sys.maxsize (default 2**63-1, a 64-bit unix build; a board would use 2**31-1). */
  maxsize?: bigint;
  /**
   * Year of the time epoch that `utime.time()`, `localtime()` and `mktime()` count from (spec 4.1.19):
   * 1970 as the unix port (the default), 2000 as embedded ports such as the ESP8266.
   */
  epoch?: 1970 | 2000;
}

/** A Python exception that escaped to the JS caller of runPython/import. */
export class PythonError extends Error {
  readonly exception: PyBaseException;
  readonly pyType: string;
  readonly traceback: string;
  constructor(exc: PyBaseException) {
    const tb = formatException(exc);
    super(tb.trimEnd().split('\n').pop());
    this.name = 'PythonError';
    this.exception = exc;
    this.pyType = exc.type.name;
    this.traceback = tb;
  }
}

let defaultCompile: CompileFn | null = (source, options) => compilePython(source, options);
/** Installs the compiler used when VMOptions.compile is not given (index.ts wires @mpy-ts/compiler). */
export function setDefaultCompiler(c: CompileFn): void {
  defaultCompile = c;
}

const MAX_SCHEDULED = 8;

export class VM {
  readonly host: Host;
  readonly interrupt: Int32Array;
  /** Non-zero when scheduled callbacks are waiting (checked with the interrupt word at safe points). */
  pending = 0;
  /** Backward jumps since the last periodic check (memory ceiling). */
  tick = 0;
  readonly memoryLimit: number;
  depth = 0;
  maxDepth: number;
  /** The exception being handled (sys.exc_info()), or null. */
  excInfo: PyBaseException | null = null;
  /** The innermost running frame. */
  frame: Frame | null = null;
  /** Return value of a finished delegate (YIELD_FROM, StopIteration.value). */
  yieldFromResult: any = null;
  /** An exception no handler may catch (reserved for forced termination). */
  fatal: PyBaseException | null = null;
  readonly buildClass: PyBuiltin = buildClassBuiltin;
  /** The original builtins.__import__ (IMPORT_NAME calls a replacement if one is installed). */
  readonly importBuiltin: any;
  readonly builtins: PyDict;
  readonly builtinsModule: PyModule;
  readonly modules: PyDict;
  readonly sys: PyModule;
  readonly main: PyModule;
  readonly path: PyList;
  readonly argv: PyList;
  readonly heapSize: number;
  optLevel: number;
  /** micropython.kbd_intr character (-1 disables KeyboardInterrupt). */
  kbdIntr = 3;
  heapLock = 0;
  gcEnabled = true;
  gcThreshold = -1;
  cwd: string;
  atexit: any = null;
  readonly platform: string;
  readonly maxsize: bigint;
  /** VMOptions.epoch: 1970 or 2000. */
  readonly epoch: 1970 | 2000;
  readonly stdoutObj: PyFile;
  readonly stderrObj: PyFile;
  readonly stdinObj: PyFile;
  private readonly scheduled: [any, any][] = [];
  private inScheduled = false;
  private outText = '';
  private readonly registry = new Map<string, ModuleInit>();
  private readonly weakLinks = new Map<string, string>();
  private readonly mounts: [string, HostFs][] = [];
  private readonly compileFn: CompileFn | null;

  constructor(options: VMOptions = {}) {
    bootstrap();
    this.host =
      options.host ??
      new MemoryHost({ stdout: options.stdout, stderr: options.stderr, stdin: options.stdin });
    this.interrupt = this.host.interrupt;
    this.maxDepth = options.maxRecursion ?? 1000;
    this.memoryLimit = options.memoryLimit ?? 768 * 1024 * 1024;
    this.heapSize = options.heapSize ?? 2 * 1024 * 1024;
    this.optLevel = options.optimize ?? 0;
    this.platform = options.platform ?? 'linux';
    this.maxsize = options.maxsize ?? 2n ** 63n - 1n;
    this.epoch = options.epoch ?? 1970;
    this.cwd = normPath(this.host.cwd);
    this.compileFn = options.compile ?? null;
    for (const [k, v] of globalModules) this.registry.set(k, v);
    for (const [k, v] of globalWeakLinks) this.weakLinks.set(k, v);
    const prev = setCurrentVM(this);
    try {
      this.builtins = new PyDict();
      for (const [k, v] of builtinEntries()) dictSetStr(this.builtins, k, v);
      this.builtinsModule = new PyModule('builtins', this.builtins);
      this.importBuiltin = dictGetStr(this.builtins, '__import__');
      this.modules = new PyDict();
      this.path = new PyList((options.path ?? ['', '.frozen', '/lib']).slice());
      this.argv = new PyList((options.argv ?? []).slice());
      this.stdinObj = stdioFile(0);
      this.stdoutObj = stdioFile(1);
      this.stderrObj = stdioFile(2);
      this.sys = makeSysModule(this);
      dictSetStr(this.modules, 'builtins', this.builtinsModule);
      dictSetStr(this.modules, 'sys', this.sys);
      this.main = new PyModule('__main__');
      dictSetStr(this.main.dict, '__builtins__', this.builtinsModule);
      dictSetStr(this.main.dict, '__file__', '<stdin>');
      dictDelStr(this.main.dict, '__file__');
      dictSetStr(this.modules, '__main__', this.main);
      this.registry.set('gc', (v) => makeGcModule(v));
      this.registry.set('micropython', (v) => makeMicropythonModule(v));
      this.registry.set('math', () => makeMathModule());
      this.registry.set('cmath', () => makeCmathModule());
      this.registry.set('usys', () => this.sys);
      this.weakLinks.set('sys', 'usys');
    } finally {
      setCurrentVM(prev);
    }
  }

  get mainDict(): PyDict {
    return this.main.dict;
  }

  // ---- running code ------------------------------------------------------------------------------------

  /** Run `fn` with this VM current; JS errors become Python exceptions. */
  enter<R>(fn: () => R): R {
    const prev = setCurrentVM(this);
    try {
      return fn();
    } catch (e) {
      throw e instanceof PyBaseException ? e : exceptionFromHost(e);
    } finally {
      if (prev !== this) this.flushOutput();
      setCurrentVM(prev);
    }
  }

  /** Compile source with the configured compiler. */
  compile(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeObject {
    const c = this.compileFn ?? defaultCompile;
    if (c === null) throw newException(T.notImplementedErrorType, 'no Python compiler is configured (VMOptions.compile)');
    try {
      return c(source, { filename, mode, optimize: this.optLevel });
    } catch (e) {
      if (e instanceof PyBaseException) throw e;
      const ex = exceptionFromHost(e);
      if (ex.type === T.systemErrorType && typeof e === 'object' && e !== null && 'kind' in e) throw syntaxErrorFrom(e as any);
      throw ex;
    }
  }

  /**
   * Run Python source in __main__ (or the given globals). Returns the value for mode 'eval'. An uncaught
   * exception is thrown as a PythonError (SystemExit included).
   */
  runPython(source: string, options: { filename?: string; mode?: 'exec' | 'eval' | 'single'; globals?: PyDict } = {}): any {
    return this.api(() => {
      const code = this.compile(source, options.filename ?? '<stdin>', options.mode ?? 'exec');
      const g = options.globals ?? this.main.dict;
      return runCode(code, g, g);
    });
  }

  /** Run a precompiled code object in __main__. */
  runCode(code: CodeObject, globals?: PyDict): any {
    return this.api(() => {
      const g = globals ?? this.main.dict;
      return runCode(code, g, g);
    });
  }

  private api<R>(fn: () => R): R {
    try {
      return this.enter(fn);
    } catch (e) {
      throw e instanceof PyBaseException ? new PythonError(e) : e;
    } finally {
      this.flushOutput();
    }
  }

  /**
   * Run a program as the unix port does: uncaught exceptions print a traceback to stderr, SystemExit sets
   * the exit code, sys.atexit runs last. Returns the process exit code.
   */
  runMain(source: string | CodeObject, filename = '<stdin>'): number {
    let status = 0;
    const prev = setCurrentVM(this);
    try {
      try {
        const code = typeof source === 'string' ? this.compile(source, filename, 'exec') : source;
        runCode(code, this.main.dict, this.main.dict);
      } catch (e0) {
        status = this.uncaught(e0);
      }
      if (this.atexit !== null) {
        try {
          call(this.atexit, [], null);
        } catch (e0) {
          status = this.uncaught(e0);
        }
      }
    } finally {
      this.flushOutput();
      setCurrentVM(prev);
    }
    return status;
  }

  /** Run a file from the host filesystem as __main__ (sys.path[0] = its directory). */
  runFile(path: string): number {
    const abs = this.resolvePath(path);
    let data: Uint8Array;
    try {
      data = this.readFileBytes(abs);
    } catch (e) {
      const errno = e instanceof HostError ? e.errno : 2;
      this.writeErr(utf8Encode(`micropython: can't open file '${path}': [Errno ${errno}] No such file or directory\n`));
      return 2;
    }
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '';
    const items = this.path.items;
    if (items.length > 0 && items[0] === '') items[0] = dir;
    else items.unshift(dir);
    dictSetStr(this.main.dict, '__file__', path);
    if (!isCompiled(data)) return this.runMain(utf8Decode(data, 'replace'), path);
    let code: CodeObject;
    try {
      code = this.enter(() => this.loadCompiled(data, path));
    } catch (e) {
      return this.uncaught(e);
    }
    return this.runMain(code, path);
  }

  /**
   * Load compiled code (the `@mpy-ts/bytecode` marshal format that `mpy-ts compile` writes, magic
   * "MPYT"): deserialised and verified, never compiled, so it runs without the compiler. A damaged or
   * incompatible file raises ValueError.
   */
  loadCompiled(data: Uint8Array, filename = '<compiled>'): CodeObject {
    try {
      const code = deserialize(data);
      verify(code);
      return code;
    } catch (e) {
      if (e instanceof PyBaseException) throw e;
      throw newException(T.valueErrorType, `${filename}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Names of the modules built into this VM (what `import ` completes to and help('modules') lists). */
  builtinModuleNames(): string[] {
    const names = new Set<string>(['builtins', 'sys', '__main__']);
    for (const k of this.registry.keys()) names.add(k);
    for (const k of this.weakLinks.keys()) if (this.registry.has(this.weakLinks.get(k)!)) names.add(k);
    return [...names].sort();
  }

  /** Print an uncaught exception as the unix port does; returns the exit status. */
  uncaught(e0: unknown): number {
    const e = e0 instanceof PyBaseException ? e0 : exceptionFromHost(e0);
    if (e.type.isSubtypeOf(T.systemExitType)) {
      const a = e.args.items;
      const code = a.length === 0 ? null : a[0];
      if (code === null) return 0;
      if (typeof code === 'number') return code & 255;
      if (typeof code === 'boolean') return code ? 1 : 0;
      try {
        this.flushOutput();
        this.writeErr(utf8Encode(str(code) + '\n'));
      } catch {
        /* ignore */
      }
      return 1;
    }
    this.flushOutput();
    let text: string;
    try {
      text = formatException(e);
    } catch {
      text = `${e.type.name}\n`;
    }
    this.writeErr(utf8Encode(text));
    return 1;
  }

  // ---- modules -----------------------------------------------------------------------------------------

  /** Add a module (or a factory / source) to this VM's registry. */
  registerModule(name: string, init: ModuleInit, options: { weakLink?: string } = {}): void {
    this.registry.set(name, init);
    if (options.weakLink !== undefined) this.weakLinks.set(options.weakLink, name);
  }

  /** Import a module by absolute name (JS API). */
  import(name: string): PyModule {
    return this.api(() => this.importModule(name));
  }

  /** Mount a filesystem at an absolute path (longest prefix wins; the host fs is the root). */
  mount(at: string, fs: HostFs): void {
    this.mounts.push([normPath(at), fs]);
    this.mounts.sort((a, b) => b[0].length - a[0].length);
  }

  /** The filesystem serving an absolute path. */
  fsFor(abs: string): HostFs {
    for (const [p, fs] of this.mounts) if (abs === p || abs.startsWith(p === '/' ? '/' : p + '/')) return fs;
    return this.host.fs;
  }

  resolvePath(p: string): string {
    return normPath(p.startsWith('/') ? p : this.cwd + '/' + p);
  }

  private isDir(abs: string): boolean {
    try {
      return (this.fsFor(abs).stat(abs).mode & 0o170000) === S_IFDIR;
    } catch {
      return false;
    }
  }

  private isFile(abs: string): boolean {
    try {
      return (this.fsFor(abs).stat(abs).mode & 0o170000) !== S_IFDIR;
    } catch {
      return false;
    }
  }

  readTextFile(abs: string): string {
    return utf8Decode(this.readFileBytes(abs), 'replace');
  }

  readFileBytes(abs: string): Uint8Array {
    const fs = this.fsFor(abs);
    const f = fs.open(abs, 'r');
    try {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const buf = new Uint8Array(65536);
        const n = f.read(buf);
        if (n === 0) break;
        chunks.push(buf.subarray(0, n));
        total += n;
      }
      const all = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        all.set(c, o);
        o += c.length;
      }
      return all;
    } finally {
      f.close();
    }
  }

  /** IMPORT_NAME / __import__. */
  importName(name: string, globals: PyDict | null, fromlist: any, levelArg: any): any {
    const level = typeof levelArg === 'number' ? levelArg : 0;
    let absName = name;
    if (level > 0) {
      let pkg = globals === null ? undefined : dictGetStr(globals, '__package__');
      if (typeof pkg !== 'string') {
        const modName = globals === null ? undefined : dictGetStr(globals, '__name__');
        if (typeof modName !== 'string') throw importError('attempted relative import with no known parent package');
        pkg = globals !== null && dictGetStr(globals, '__path__') !== undefined ? modName : modName.includes('.') ? modName.slice(0, modName.lastIndexOf('.')) : '';
      }
      if (pkg === '' || pkg === '__main__') throw importError('attempted relative import with no known parent package');
      const parts = (pkg as string).split('.');
      if (level - 1 >= parts.length) throw importError('attempted relative import beyond top-level package');
      const base = parts.slice(0, parts.length - (level - 1)).join('.');
      absName = name === '' ? base : `${base}.${name}`;
    } else if (name === '') throw newException(T.valueErrorType, 'Empty module name');
    const mod = this.importModule(absName);
    const hasFrom = fromlist !== null && fromlist !== undefined && truthy(fromlist);
    if (!hasFrom) {
      if (level === 0 && absName.includes('.')) return this.importModule(absName.slice(0, absName.indexOf('.')));
      if (level > 0 && name !== '') {
        // `from . import x` always has a fromlist; `import .x` isn't syntax
        return mod;
      }
      return mod;
    }
    if (mod instanceof PyModule && dictGetStr(mod.dict, '__path__') !== undefined) {
      for (const item of toArray(fromlist)) {
        if (!isStr(item)) continue;
        const it = strVal(item);
        if (it === '*') {
          const all = dictGetStr(mod.dict, '__all__');
          if (all !== undefined) for (const a of toArray(all)) this.tryImportSub(mod, absName, strVal(a));
          continue;
        }
        this.tryImportSub(mod, absName, it);
      }
    }
    return mod;
  }

  private tryImportSub(mod: PyModule, absName: string, item: string): void {
    if (dictGetStr(mod.dict, item) !== undefined) return;
    try {
      this.importModule(`${absName}.${item}`);
    } catch (e) {
      if (e instanceof PyBaseException && e.type === T.moduleNotFoundErrorType && e.extra?.name === `${absName}.${item}`) return;
      throw e;
    }
  }

  private moduleNotFound(name: string, msg?: string): PyBaseException {
    const e = newException(T.moduleNotFoundErrorType, msg ?? `No module named '${name}'`);
    e.extra = { name };
    return e;
  }

  /** Import (and cache in sys.modules) the module with this absolute dotted name. */
  importModule(fullName: string, asMain = false): any {
    let existing = dictGetStr(this.modules, fullName);
    // MicroPython: an empty sys.path forces the builtin module, even over a loaded one of that name (how an
    // extending `time.py` imports the builtin it extends: `sys.path = (); from time import *`)
    if (existing !== undefined && (this.registry.has(fullName) || this.weakLinks.has(fullName)) && toArray(getAttr(this.sys, 'path')).length === 0) {
      existing = undefined;
    }
    if (existing !== undefined) {
      if (existing === null) throw this.moduleNotFound(fullName, `import of ${fullName} halted; None in sys.modules`);
      return existing;
    }
    const dot = fullName.lastIndexOf('.');
    let searchPath: string[];
    let parent: any = null;
    const leaf = fullName.slice(dot + 1);
    if (dot >= 0) {
      parent = this.importModule(fullName.slice(0, dot));
      const again = dictGetStr(this.modules, fullName);
      if (again !== undefined && again !== null) return again;
      const pp = parent instanceof PyModule ? dictGetStr(parent.dict, '__path__') : getAttrOpt(parent, '__path__');
      if (pp === undefined) {
        throw this.moduleNotFound(fullName, `No module named '${fullName}'; '${fullName.slice(0, dot)}' is not a package`);
      }
      searchPath = isStr(pp) ? [strVal(pp)] : toArray(pp).filter(isStr).map((p) => strVal(p));
    } else {
      if (this.registry.has(fullName) && !this.weakLinks.has(fullName)) return this.loadRegistered(fullName);
      searchPath = toArray(getAttr(this.sys, 'path')).filter(isStr).map((p) => strVal(p));
    }
    const found = this.findModule(leaf, searchPath);
    if (found === null) {
      if (dot < 0) {
        const target = this.weakLinks.get(fullName);
        if (target !== undefined && (this.registry.has(target) || dictGetStr(this.modules, target) !== undefined)) return this.importModule(target);
        if (this.registry.has(fullName)) return this.loadRegistered(fullName);
      }
      throw this.moduleNotFound(fullName);
    }
    // `micropython -m`: the module runs with __name__ == '__main__' (it is still sys.modules[fullName])
    const mod = new PyModule(asMain ? '__main__' : fullName);
    const d = mod.dict;
    if (found.isPkg) {
      dictSetStr(d, '__path__', new PyList([found.dir]));
      dictSetStr(d, '__package__', fullName);
    } else dictSetStr(d, '__package__', dot >= 0 ? fullName.slice(0, dot) : '');
    if (found.file !== null) dictSetStr(d, '__file__', found.display);
    dictSetStr(this.modules, fullName, mod);
    try {
      if (found.file !== null) {
        const data = this.readFileBytes(found.file);
        const code = found.compiled ? this.loadCompiled(data, found.display) : this.compile(utf8Decode(data, 'replace'), found.display, 'exec');
        runCode(code, d, d);
      }
    } catch (e) {
      dictDelStr(this.modules, fullName);
      throw e;
    }
    const result = dictGetStr(this.modules, fullName) ?? mod;
    if (parent !== null) {
      try {
        setAttr(parent, leaf, result);
      } catch {
        /* parent may not accept attributes */
      }
    }
    return result;
  }

  /** A module on the search path: a package directory, `leaf.py`, or compiled `leaf.mpyc` (after .py, as .mpy in MicroPython). */
  private findModule(leaf: string, searchPath: string[]): { isPkg: boolean; dir: string; file: string | null; display: string; compiled: boolean } | null {
    for (const entry of searchPath) {
      if (entry === '.frozen') {
        continue;
      }
      const dirAbs = this.resolvePath(entry === '' ? '.' : entry);
      const prefix = entry === '' ? '' : entry.endsWith('/') ? entry : entry + '/';
      const pkgDir = normPath(dirAbs + '/' + leaf);
      if (this.isDir(pkgDir)) {
        const init = pkgDir + '/__init__.py';
        if (this.isFile(init)) return { isPkg: true, dir: prefix + leaf, file: init, display: prefix + leaf + '/__init__.py', compiled: false };
        const initC = pkgDir + '/__init__.mpyc';
        if (this.isFile(initC)) return { isPkg: true, dir: prefix + leaf, file: initC, display: prefix + leaf + '/__init__.mpyc', compiled: true };
        return { isPkg: true, dir: prefix + leaf, file: null, display: prefix + leaf + '/__init__.py', compiled: false };
      }
      const file = normPath(dirAbs + '/' + leaf + '.py');
      if (this.isFile(file)) return { isPkg: false, dir: '', file, display: prefix + leaf + '.py', compiled: false };
      const fileC = normPath(dirAbs + '/' + leaf + '.mpyc');
      if (this.isFile(fileC)) return { isPkg: false, dir: '', file: fileC, display: prefix + leaf + '.mpyc', compiled: true };
    }
    return null;
  }

  private loadRegistered(name: string): any {
    const mod = this.makeRegistered(name);
    const ext = globalExtensions.get(name);
    if (ext !== undefined && mod instanceof PyModule) for (const f of ext) f(this, mod);
    return mod;
  }

  private makeRegistered(name: string): any {
    const init = this.registry.get(name)!;
    let mod: any;
    if (init instanceof PyModule) mod = init;
    else if (typeof init === 'function') {
      const r = (init as (vm: VM) => any)(this);
      mod = r instanceof PyModule ? r : moduleFromRecord(name, r);
    } else if (typeof (init as { source?: unknown }).source === 'string') {
      const src = init as { source: string; filename?: string };
      mod = new PyModule(name);
      dictSetStr(this.modules, name, mod);
      try {
        runCode(this.compile(src.source, src.filename ?? `<frozen ${name}>`, 'exec'), mod.dict, mod.dict);
      } catch (e) {
        dictDelStr(this.modules, name);
        throw e;
      }
      return dictGetStr(this.modules, name) ?? mod;
    } else mod = moduleFromRecord(name, init as Record<string, any>);
    dictSetStr(this.modules, name, mod);
    return mod;
  }

  /** IMPORT_FROM. */
  importFrom(mod: any, name: string): any {
    const v = getAttrOpt(mod, name);
    if (v !== undefined) return v;
    const modName = mod instanceof PyModule ? mod.name : (getAttrOpt(mod, '__name__') as string | undefined);
    if (typeof modName === 'string') {
      const sub = dictGetStr(this.modules, `${modName}.${name}`);
      if (sub !== undefined) return sub;
    }
    const e = importError(`cannot import name '${name}' from '${modName ?? '?'}'`);
    e.extra = { name: modName ?? null };
    throw e;
  }

  /** IMPORT_STAR. */
  importStar(mod: any, locals: any): void {
    const d: PyDict | null = mod instanceof PyModule ? mod.dict : null;
    const all = d !== null ? dictGetStr(d, '__all__') : getAttrOpt(mod, '__all__');
    const names: any[] = all !== undefined ? toArray(all) : d !== null ? dictKeys(d).filter((k) => typeof k === 'string' && !k.startsWith('_')) : [];
    for (const n of names) {
      if (!isStr(n)) throw typeError(`Item in ${(mod as PyModule).name}.__all__ must be str, not ${typeOf(n).name}`);
      const v = getAttr(mod, strVal(n));
      if (locals instanceof PyDict) dictSetStr(locals, strVal(n), v);
      else call(getAttr(locals, '__setitem__'), [n, v], null);
    }
  }

  // ---- interrupts and scheduling ------------------------------------------------------------------------

  /** Safe point: KeyboardInterrupt, host callbacks, micropython.schedule callbacks. */
  checkPending(): void {
    if (this.tick > 65535) {
      this.tick = 0;
      // Output buffered by print() goes out at least this often, so a long computation shows its progress.
      this.flushOutput();
      if (this.host.safePoint !== undefined) this.host.safePoint();
      if (this.host.memoryInUse !== undefined && this.host.memoryInUse() > this.memoryLimit) {
        throw newException(T.memoryErrorType, 'memory allocation failed');
      }
    }
    const v = Atomics.exchange(this.interrupt, 0, 0);
    if (v !== 0) {
      if ((v & 2) !== 0 && this.host.poll !== undefined) this.host.poll();
      if ((v & 1) !== 0 && this.kbdIntr !== -1) {
        this.scheduled.length = 0;
        this.pending = 0;
        throw newException(T.keyboardInterruptType);
      }
    }
    if (this.pending !== 0 && !this.inScheduled) this.runScheduled();
  }

  schedule(fn: any, arg: any): void {
    if (this.scheduled.length >= MAX_SCHEDULED) throw newException(T.runtimeErrorType, 'schedule queue full');
    this.scheduled.push([fn, arg]);
    this.pending = 1;
  }

  /**
   * Runs one scheduled callback per safe point, as MicroPython's mp_sched_run_pending does, so a callback
   * that schedules itself again (a soft timer, a watchdog) lets the program run in between.
   */
  private runScheduled(): void {
    this.inScheduled = true;
    try {
      const item = this.scheduled.shift();
      this.pending = this.scheduled.length > 0 ? 1 : 0;
      if (item !== undefined) call(item[0], [item[1]], null);
    } finally {
      this.inScheduled = false;
      if (this.scheduled.length > 0) this.pending = 1;
    }
  }

  /**
   * Blocks for `ms` milliseconds in the host, after writing out buffered output (what was printed before a
   * sleep must be visible during it). Modules sleep through this, never through `host.sleepMs` directly.
   */
  sleepMs(ms: number): void {
    this.flushOutput();
    this.host.sleepMs(ms);
  }

  /** Ask the VM to raise KeyboardInterrupt at its next safe point (same as the host setting the flag). */
  requestInterrupt(): void {
    Atomics.or(this.interrupt, 0, 1);
    Atomics.notify(this.interrupt, 0);
  }

  // ---- output ------------------------------------------------------------------------------------------

  /** print() target: None/sys.stdout fast path, else file.write(s). */
  printTo(file: any, s: string, flush: boolean): void {
    let f = file;
    if (f === null) {
      f = dictGetStr(this.sys.dict, 'stdout');
      if (f === undefined || f === null) return;
    }
    if (f === this.stdoutObj) {
      this.outText += s;
      // with a dupterm stream attached, output goes out at once (as MicroPython's terminal does)
      if (flush || this.outText.length > 8192 || this.dupterm[0] !== null || this.dupterm[1] !== null) this.flushOutput();
      return;
    }
    if (f === this.stderrObj) {
      this.writeErr(utf8Encode(s));
      return;
    }
    const w = getAttrOpt(f, 'write');
    if (w === undefined) throw newException(T.attributeErrorType, `'${typeOf(f).name}' object has no attribute 'write'`);
    call(w, [s], null);
    if (flush) {
      const fl = getAttrOpt(f, 'flush');
      if (fl !== undefined) call(fl, [], null);
    }
  }

  writeOut(data: Uint8Array): void {
    this.flushOutput();
    this.host.writeStdout(data);
    this.dupOut(data);
  }

  writeErr(data: Uint8Array): void {
    this.flushOutput();
    this.host.writeStderr(data);
    this.dupOut(data);
  }

  flushOutput(): void {
    if (this.outText.length === 0) return;
    const s = this.outText;
    this.outText = '';
    const data = utf8Encode(s, 'surrogateescape');
    this.host.writeStdout(data);
    this.dupOut(data);
  }

  // ---- terminal duplication (uos.dupterm, spec 4.1.13) ---------------------------------------------------

  /** uos.dupterm slots: stream objects that get a copy of terminal output and feed terminal input. */
  readonly dupterm: any[] = [null, null];
  private inDupterm = false;

  /** Terminal output to every dupterm stream (`write(bytearray)`); a stream whose write raises is dropped. */
  private dupOut(data: Uint8Array): void {
    if (this.inDupterm || (this.dupterm[0] === null && this.dupterm[1] === null)) return;
    this.inDupterm = true;
    try {
      for (let i = 0; i < this.dupterm.length; i++) {
        const s = this.dupterm[i];
        if (s === null) continue;
        try {
          call(getAttr(s, 'write'), [new PyByteArray(data.slice())], null);
        } catch (e) {
          this.dupterm[i] = null;
          const exc = e instanceof PyBaseException ? e : exceptionFromHost(e);
          this.host.writeStderr(utf8Encode('dupterm: Exception in write() method, deactivating: ' + formatException(exc)));
        }
      }
    } finally {
      this.inDupterm = false;
    }
  }

  /**
   * Terminal input waiting on a dupterm stream (its `readinto` returns None or 0 when it has none), or null.
   * A stream whose readinto raises is dropped.
   */
  readDupterm(max: number): Uint8Array | null {
    if (this.inDupterm) return null;
    for (let i = 0; i < this.dupterm.length; i++) {
      const s = this.dupterm[i];
      if (s === null) continue;
      this.inDupterm = true;
      try {
        const buf = new PyByteArray(new Uint8Array(Math.max(1, max)));
        const n = call(getAttr(s, 'readinto'), [buf], null);
        if (typeof n === 'number' && n > 0) return buf.buf.slice(0, n);
      } catch (e) {
        this.dupterm[i] = null;
        const exc = e instanceof PyBaseException ? e : exceptionFromHost(e);
        this.host.writeStderr(utf8Encode('dupterm: Exception in readinto() method, deactivating: ' + formatException(exc)));
      } finally {
        this.inDupterm = false;
      }
    }
    return null;
  }

  /** One line from stdin (with its newline), or null at EOF. */
  readStdinLine(): string | null {
    this.flushOutput();
    const rl = getAttrOpt(dictGetStr(this.sys.dict, 'stdin'), 'readline');
    if (rl === undefined) return null;
    const line = call(rl, [], null);
    const s = isStr(line) ? strVal(line) : line instanceof PyBytes ? utf8Decode(line.data) : '';
    return s === '' ? null : s;
  }

  open(args: any[], kwnames: readonly string[] | null): PyFile {
    return openFile(args, kwnames);
  }

  // ---- hooks used by the interpreter and builtins -----------------------------------------------------

  printExpr(x: any): void {
    if (x === null) return;
    dictSetStr(this.builtins, '_', x);
    this.printTo(null, repr(x) + '\n', false);
  }

  localsOf(f: Frame): any {
    return frameLocals(f);
  }

  dictUpdate(d: PyDict, m: any): void {
    dictUpdateImpl(d, m);
  }

  ascii(x: any): string {
    return asciiOf(x);
  }

  strOf(x: any): string {
    return str(x);
  }

  listSort(l: PyList, key: any, reverse: boolean): void {
    listSort(l, key, reverse);
  }

  decodeUtf8(b: Uint8Array): string {
    return utf8Decode(b, 'strict');
  }

  tracebackOf(e: PyBaseException): any {
    return new TracebackObject(e);
  }

  /** Attribute names for dir(x). */
  dirOf(x: any): any[] {
    // CPython: a module's names, a class's names along its MRO (not its metaclass's), or an instance's
    // own attributes and its class's
    const names = new Set<string>();
    const t = typeOf(x);
    if (x instanceof PyModule) {
      for (const k of dictKeys(x.dict)) if (typeof k === 'string') names.add(k);
      return [...names];
    }
    if (x instanceof PyType) {
      for (const c of x.mro) for (const k of c.dict.keys()) names.add(k);
      return [...names];
    }
    if ((t.flags & TF_INSTATTRS) !== 0 && typeof x === 'object' && !(x instanceof PyType)) {
      for (const k of dictKeys(instDict(x as AttrHolder))) if (typeof k === 'string') names.add(k);
    }
    for (const c of t.mro) for (const k of c.dict.keys()) names.add(k);
    return [...names];
  }

  /** gc.mem_alloc(): estimated bytes of live objects reachable from the VM's roots. */
  memAlloc(): number {
    return heapEstimate(this);
  }

  /** Python value of `globals` for the API: the __main__ namespace with JS accessors. */
  get globals(): { __dict__: PyDict; get(key: string): any; set(key: string, value: any): void; delete(key: string): void } {
    const d = this.main.dict;
    return {
      __dict__: d,
      get: (key: string) => dictGetStr(d, key),
      set: (key: string, value: any) => dictSetStr(d, key, value),
      delete: (key: string) => {
        dictDelStr(d, key);
      },
    };
  }
}

/** The opaque object `e.__traceback__` returns. */
export class TracebackObject extends PyObject {
  exc: PyBaseException;
  constructor(exc: PyBaseException) {
    super(T.tracebackType);
    this.exc = exc;
  }
}

/** Wrap a JS record as a module: functions become builtins called with positional arguments. */
export function moduleFromRecord(name: string, r: Record<string, any>): PyModule {
  const m = new PyModule(name);
  for (const k of Object.keys(r)) {
    const v = r[k];
    dictSetStr(m.dict, k, typeof v === 'function' ? builtin(k, v, { raw: true }) === null ? null : wrapJsFunction(k, v) : toPy(v));
  }
  return m;
}

function wrapJsFunction(name: string, fn: (...a: any[]) => any): PyBuiltin {
  return builtin(name, (args: any[], kwnames: readonly string[] | null) => {
    const n = args.length - (kwnames?.length ?? 0);
    return toPy(fn(...args.slice(0, n).map(toJs)));
  }, { raw: true });
}

/** Convert a JS value to a Python value (numbers: ints if integral, else floats). */
export function toPy(v: any): any {
  if (v === undefined || v === null) return null;
  switch (typeof v as string) {
    case 'number':
      return Number.isSafeInteger(v) ? v : new PyFloat(v);
    case 'bigint':
      return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
    case 'string':
    case 'boolean':
      return v;
    case 'function':
      return wrapJsFunction(v.name || 'function', v);
    default:
      break;
  }
  if (v instanceof PyObject || v instanceof PyFloat || v instanceof PyList || v instanceof PyTuple) return v;
  if (v instanceof Uint8Array) return new PyBytes(v.slice());
  if (Array.isArray(v)) return new PyList(v.map(toPy));
  const d = new PyDict();
  for (const k of Object.keys(v)) dictSetStr(d, k, toPy(v[k]));
  return d;
}

/** Convert a Python value to a plain JS value where one exists (containers recursively). */
export function toJs(v: any): any {
  if (v === null) return null;
  if (typeof v !== 'object') return v;
  if (v instanceof PyFloat) return v.value;
  if (v instanceof PyBytes) return v.data.slice();
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(toJs);
  if (v instanceof PyDict) {
    const o: Record<string, any> = {};
    for (const k of dictKeys(v)) o[typeof k === 'string' ? k : repr(k)] = toJs(dictGet(v, k));
    return o;
  }
  return v;
}

/** Create a VM (see VMOptions). */
/** True when `data` starts with the magic of compiled code ("MPYT", see `VM.loadCompiled`). */
export function isCompiled(data: Uint8Array): boolean {
  if (data.length < MARSHAL_MAGIC.length) return false;
  for (let i = 0; i < MARSHAL_MAGIC.length; i++) if (data[i] !== MARSHAL_MAGIC.charCodeAt(i)) return false;
  return true;
}

export function createVM(options: VMOptions = {}): VM {
  return new VM(options);
}

export {
  STOP, PyFunction, runFrame, osError, dictSet, dictDel, forEach, isInstance, genericGetAttr, lookupSpecial, currentVM,
};
