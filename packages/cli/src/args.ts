// The command line of MicroPython's unix port (v1.28 ports/unix/main.c), parsed without side effects:
// `micropython [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>] [args...]`.
// Parsing stops at the first -c, -m or non-option; everything after it belongs to the program.

/** The version line (`--version`) and the first line of the REPL banner, as MicroPython builds them. */
export const MICROPYTHON_VERSION = 'MicroPython v1.9.4 on 2018-05-11';
/** This package's version (checked against package.json by a test). */
export const CLI_VERSION = '0.1.0';

/** The heap a 64-bit unix build starts with: 1 MiB per 32 bits of word size. */
export const DEFAULT_HEAP_SIZE = 2 * 1024 * 1024;

export type Program =
  | { readonly kind: 'command'; readonly source: string }
  | { readonly kind: 'module'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string };

export interface RunOptions {
  readonly action: 'run';
  /** `-c`, `-m`, a file, or null (REPL on a terminal, else the program text from stdin). */
  readonly program: Program | null;
  /** `sys.argv`: `['-c', ...]`, `[module, ...]`, `[file, ...]`, or `[]`. */
  readonly argv: readonly string[];
  /** `-i`: a REPL after the program. */
  readonly inspect: boolean;
  /** Number of `-v`. */
  readonly verbose: number;
  /** `-O[N]`: micropython.opt_level. */
  readonly optimize: number;
  /** `-X compile-only`. */
  readonly compileOnly: boolean;
  /** `-X heapsize=` in bytes. */
  readonly heapSize: number;
}

export type CommandLine =
  | RunOptions
  | { readonly action: 'help' }
  | { readonly action: 'version' }
  /** Exit 1 after `Invalid command line arguments. Use -h option for help.` on stderr. */
  | { readonly action: 'invalid' };

export const INVALID_ARGUMENTS = 'Invalid command line arguments. Use -h option for help.\n';

/** The `-h` text (MicroPython's print_help, for a build with debug printers and no native emitter). */
export function usage(argv0: string): string {
  return (
    `usage: ${argv0} [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]\n` +
    'Options:\n' +
    '--version : show version information\n' +
    '-h : print this help message\n' +
    '-i : enable inspection via REPL after running command/module/file\n' +
    '-v : verbose (trace various operations); can be multiple\n' +
    '-O[N] : apply bytecode optimizations of level N\n' +
    '\n' +
    'Implementation specific options (-X):\n' +
    '  compile-only                 -- parse and compile only\n' +
    '  emit=bytecode                -- set the default code emitter\n' +
    `  heapsize=<n>[w][K|M] -- set the heap size for the GC (default ${DEFAULT_HEAP_SIZE})\n`
  );
}

/** MICROPY_BANNER_MACHINE: `<platform> [<compiler>] version`, the compiler being mpy-ts. */
export function machineName(platform: string): string {
  return `${platform} [mpy-ts ${CLI_VERSION}] version`;
}

/** `MicroPython v1.9.4 on 2018-05-11; <platform> [mpy-ts <version>] version` (`--version`). */
export function versionLine(platform: string): string {
  return `${MICROPYTHON_VERSION}; ${machineName(platform)}`;
}

/** Parses the arguments after the program name. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  // First pass (pre_process_options): -h, --version and -X, up to the program.
  let compileOnly = false;
  let heapSize = DEFAULT_HEAP_SIZE;
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!arg.startsWith('-') || arg === '-c' || arg === '-m') break;
    if (arg === '-h') return { action: 'help' };
    if (arg === '--version') return { action: 'version' };
    if (arg === '-X') {
      if (a + 1 >= args.length) return { action: 'invalid' };
      const opt = args[++a];
      if (opt === 'compile-only') compileOnly = true;
      else if (opt === 'emit=bytecode') {
        // the only emitter: mpy-ts has no native or viper code generator, like a MicroPython build
        // without MICROPY_EMIT_NATIVE (which rejects emit=native and emit=viper the same way)
      } else if (opt.startsWith('heapsize=')) {
        const size = parseHeapSize(opt.slice('heapsize='.length));
        if (size === null) return { action: 'invalid' };
        heapSize = size;
      } else return { action: 'invalid' };
    }
  }

  // Second pass (main): options, then the program and its arguments.
  let inspect = false;
  let verbose = 0;
  let optimize = 0;
  const common = () => ({ inspect, verbose, optimize, compileOnly, heapSize });
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!arg.startsWith('-')) {
      return { action: 'run', ...common(), program: { kind: 'file', path: arg }, argv: args.slice(a) };
    }
    if (arg === '-i') inspect = true;
    else if (arg === '-c') {
      if (a + 1 >= args.length) return { action: 'invalid' };
      return { action: 'run', ...common(), program: { kind: 'command', source: args[a + 1] }, argv: ['-c', ...args.slice(a + 2)] };
    } else if (arg === '-m') {
      if (a + 1 >= args.length) return { action: 'invalid' };
      return { action: 'run', ...common(), program: { kind: 'module', name: args[a + 1] }, argv: args.slice(a + 1) };
    } else if (arg === '-X') a++;
    else if (arg === '-v') verbose++;
    else if (arg.startsWith('-O')) {
      const c = arg.charCodeAt(2);
      if (c >= 0x30 && c <= 0x39) optimize = c & 0xf;
      else {
        // -O, -OO, -OOO...: one level per O (what follows the last O is ignored, as MicroPython does)
        optimize = 0;
        for (let i = 1; i < arg.length && arg[i] === 'O'; i++) optimize++;
      }
    } else return { action: 'invalid' };
  }
  return { action: 'run', ...common(), program: null, argv: [] };
}

/**
 * `heapsize=<n>[w][K|M]`: n as C's strtol with base 0 (decimal, 0x hex, 0 octal), `w` scales by the word
 * size (8 bytes here, against a 4-byte baseline), then K or M. Null when malformed or under 700 bytes.
 */
export function parseHeapSize(text: string): number | null {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)?(.*)$/.exec(text);
  if (m === null) return null;
  const digits = m[2] ?? '';
  let n = digits === '' ? 0 : digits.length > 1 && digits[0] === '0' && (digits[1] === 'x' || digits[1] === 'X') ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : Number(digits);
  if (m[1] === '-') n = -n;
  let rest = m[3];
  let wordAdjust = false;
  if (rest.length > 0 && (rest[0] === 'w' || rest[0] === 'W')) {
    wordAdjust = true;
    rest = rest.slice(1);
  }
  if (rest.length > 0 && (rest[0] === 'k' || rest[0] === 'K')) {
    n *= 1024;
    rest = rest.slice(1);
  } else if (rest.length > 0 && (rest[0] === 'm' || rest[0] === 'M')) {
    n *= 1024 * 1024;
    rest = rest.slice(1);
  }
  if (rest.length > 0) return null;
  if (wordAdjust) n = (n * 8) / 4;
  if (!Number.isSafeInteger(n) || n < 700) return null;
  return n;
}
