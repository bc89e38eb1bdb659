// One run of the `micropython` command, synchronously, on whichever thread holds the VM: MicroPython's
// unix main() after option parsing (v1.28 ports/unix/main.c): build sys.path and sys.argv, run the
// command, module, file or stdin, then the REPL when asked (-i, MICROPYINSPECT, or nothing to run on a
// terminal), then sys.atexit; the result is the process exit status.
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { disassemble } from '@mpy-ts/bytecode';
import type { CodeObject } from '@mpy-ts/bytecode';
import {
  PyModule, call, createVM, dictGetStr, dictSetStr, getAttr, isCompiled, runCode, utf8Decode, utf8Encode,
} from '@mpy-ts/core-vm';
import type { VM } from '@mpy-ts/core-vm';
import { Repl, makeBanner } from '@mpy-ts/repl';
import { createVmEvaluator, installHelp } from '@mpy-ts/repl/vm';
import { MICROPYTHON_VERSION, machineName } from './args.js';
import type { RunOptions } from './args.js';
import type { Console } from './console.js';
import { registerModules } from './modules.js';

/** MicroPython's MICROPY_PY_SYS_PATH_DEFAULT for the unix port. */
export const DEFAULT_SYS_PATH = '.frozen:~/.micropython/lib:/usr/lib/micropython';

export interface SessionOptions {
  readonly commandLine: RunOptions;
  readonly console: Console;
  /** Environment lookups happen when needed (MICROPYINSPECT is read after the program ran). */
  readonly getenv: (name: string) => string | undefined;
  /** The command name in messages (`<argv0>: can't open file ...`). */
  readonly argv0: string;
  /** sys.platform. */
  readonly platform: string;
  /** Offer builtins in REPL tab completion (MicroPython offers `__main__` globals only). */
  readonly completeBuiltins?: boolean;
}

const NOTHING_EXECUTED = -2;

/** Runs the command line; returns the process exit status (0..255). */
export function runSession(options: SessionOptions): number {
  const { commandLine: cl, console: con } = options;
  registerModules();
  const vm = createVM({
    host: con.host,
    argv: [...cl.argv],
    path: sysPath(options.getenv('MICROPYPATH') ?? DEFAULT_SYS_PATH, options.getenv('HOME')),
    optimize: cl.optimize,
    heapSize: cl.heapSize,
    platform: options.platform,
  });
  // the banner says: Type "help()" for more information.
  installHelp(vm);
  const run = new Runner(vm, con, cl);

  let ret = NOTHING_EXECUTED;
  const program = cl.program;
  if (program !== null) {
    switch (program.kind) {
      case 'command':
        ret = run.source(program.source, '<stdin>');
        break;
      case 'module':
        ret = run.module(program.name);
        break;
      case 'file':
        ret = run.file(program.path, options.argv0);
        break;
    }
  }

  const inspectEnv = options.getenv('MICROPYINSPECT');
  const inspect = cl.inspect || (inspectEnv !== undefined && inspectEnv !== '');
  if (ret === NOTHING_EXECUTED || inspect) {
    if (con.stdinIsTTY || inspect) ret = repl(vm, con, options);
    else ret = run.source(readAll(con), '<stdin>');
  }

  if (vm.atexit !== null) {
    const fn: unknown = vm.atexit;
    ret = run.guarded(() => call(fn, [], null), ret);
  }
  if (cl.verbose > 0) {
    run.guarded(() => call(getAttr(vm.importModule('micropython'), 'mem_info'), [], null), 0);
  }
  vm.flushOutput();
  return ret & 0xff;
}

/** sys.path: `''`, then MICROPYPATH's colon-separated entries with a leading `~/` expanded. */
export function sysPath(micropyPath: string, home: string | undefined): string[] {
  const path = [''];
  let rest = micropyPath.startsWith(':') ? micropyPath.slice(1) : micropyPath;
  if (rest.length === 0) return path;
  for (;;) {
    const end = rest.indexOf(':');
    const entry = end < 0 ? rest : rest.slice(0, end);
    path.push(entry.startsWith('~/') && home !== undefined ? home + entry.slice(1) : entry);
    if (end < 0) break;
    rest = rest.slice(end + 1);
  }
  return path;
}

class Runner {
  private readonly vm: VM;
  private readonly con: Console;
  private readonly cl: RunOptions;

  constructor(vm: VM, con: Console, cl: RunOptions) {
    this.vm = vm;
    this.con = con;
    this.cl = cl;
  }

  /** Runs `fn` with Ctrl-C armed; an uncaught exception is reported and gives the exit status. */
  guarded(fn: () => void, okStatus = 0): number {
    const vm = this.vm;
    this.con.setInterruptChar(3);
    try {
      vm.enter(fn);
      return okStatus;
    } catch (e) {
      return vm.uncaught(e);
    } finally {
      this.con.setInterruptChar(-1);
      vm.flushOutput();
    }
  }

  /** Compiles (or loads) and runs file input in __main__, MicroPython's execute_from_lexer. */
  private execute(load: () => CodeObject, filename: string): number {
    const vm = this.vm;
    dictSetStr(vm.mainDict, '__file__', filename);
    return this.guarded(() => {
      const code = load();
      if (this.cl.verbose >= 2) vm.writeOut(utf8Encode(disassemble(code)));
      if (!this.cl.compileOnly) runCode(code, vm.mainDict, vm.mainDict);
    });
  }

  source(text: string, filename: string): number {
    return this.execute(() => this.vm.compile(text, filename, 'exec'), filename);
  }

  file(path: string, argv0: string): number {
    const vm = this.vm;
    let real: string;
    try {
      real = realpathSync(vm.resolvePath(path));
    } catch (e) {
      const { errno, text } = osError(e);
      vm.writeErr(utf8Encode(`${argv0}: can't open file '${path}': [Errno ${errno}] ${text}\n`));
      // CPython exits with 2 in this case, and so does MicroPython
      return 2;
    }
    // the script's directory replaces '' as the first entry of sys.path
    const items = vm.path.items;
    items[0] = dirname(real);
    return this.execute(() => {
      const data = vm.readFileBytes(vm.resolvePath(path));
      return isCompiled(data) ? vm.loadCompiled(data, path) : vm.compile(utf8Decode(data, 'replace'), path, 'exec');
    }, path);
  }

  /** `-m`: import the module as __main__; for a package, its `__main__` submodule. */
  module(name: string): number {
    const vm = this.vm;
    return this.guarded(() => {
      const mod: unknown = vm.importModule(name, true);
      if (mod instanceof PyModule && dictGetStr(mod.dict, '__path__') !== undefined) vm.importModule(`${name}.__main__`, true);
    });
  }
}

/** The friendly REPL on the console until Ctrl-D (or SystemExit); returns the exit status. */
function repl(vm: VM, con: Console, options: SessionOptions): number {
  let status = 0;
  const write = (bytes: Uint8Array) => {
    vm.flushOutput();
    con.host.writeStdout(bytes);
  };
  const engine = new Repl({
    evaluator: createVmEvaluator(vm, { completeBuiltins: options.completeBuiltins ?? false }),
    write,
    profile: 'unix',
    banner: makeBanner(MICROPYTHON_VERSION, machineName(options.platform)),
    flushInputOnExecute: con.stdinIsTTY,
    flushInput: () => con.flushInput(),
    setInterruptChar: (c) => con.setInterruptChar(c),
    onExit: (s) => {
      status = s;
    },
  });
  engine.start();
  while (engine.mode !== 'exited') {
    // a terminal delivers what was typed (the rest of a chunk is dropped after running code, as a tty
    // does); other input is read a byte at a time so that code the REPL runs can read what follows
    const data = con.readRaw(con.stdinIsTTY ? 256 : 1);
    if (data === null) {
      // the end of input reads as Ctrl-D (MicroPython's unix HAL); if that does not end the session
      // (text on the line), nothing more can
      engine.feed([0x04]);
      break;
    }
    // the unix HAL reads LF as CR (Enter)
    for (let i = 0; i < data.length; i++) if (data[i] === 0x0a) data[i] = 0x0d;
    engine.feed(data);
  }
  vm.flushOutput();
  return status;
}

function readAll(con: Console): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const d = con.readRaw(65536);
    if (d === null || d.length === 0) break;
    chunks.push(d.slice());
    total += d.length;
  }
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return utf8Decode(all, 'replace');
}

const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

function osError(e: unknown): { errno: number; text: string } {
  const code = (e as { code?: unknown }).code;
  const known = typeof code === 'string' ? ERRNO[code] : undefined;
  return known !== undefined ? { errno: known[0], text: known[1] } : { errno: 5, text: 'Input/output error' };
}
