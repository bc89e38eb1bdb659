// The `mpy-ts` command: subcommands over the same machinery as `micropython`.
//   mpy-ts [FILE [args...]]        run FILE, or start the REPL
//   mpy-ts run FILE [args...]      run a .py file or compiled code (mpy-ts compile output)
//   mpy-ts repl                    the REPL
//   mpy-ts compile FILE [-o OUT]   compile to the marshal format, loadable without the compiler
//   mpy-ts test [mpy-test args]    the test runner (supplied by the app: see MpyTsOptions.test)
// Errors are one line on stderr (`mpy-ts <command>: ...`), never a stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { serialize } from '@mpy-ts/bytecode';
import { compile } from '@mpy-ts/compiler';
import { CLI_VERSION, MICROPYTHON_VERSION } from './args.js';
import { micropython } from './main.js';
import type { MicropythonOptions } from './main.js';

export interface MpyTsOptions extends Omit<MicropythonOptions, 'argv0' | 'completeBuiltins'> {
  /** `mpy-ts test ARGS`: runs the test runner (apps/terminal delegates to `mpy-test`). */
  readonly test?: (args: readonly string[]) => Promise<number>;
}

/** Extension of compiled files (the VM imports `name.mpyc` when there is no `name.py`). */
export const COMPILED_EXTENSION = '.mpyc';

const MAIN_HELP = `usage: mpy-ts [command] [options]

Commands:
  run FILE [args...]      run a Python file or compiled code (the default when given a file)
  repl                    the interactive prompt (the default with no arguments)
  compile FILE [-o OUT]   compile FILE to bytecode (OUT defaults to FILE with ${COMPILED_EXTENSION})
  test [args...]          run MicroPython-style test suites (mpy-test; \`mpy-ts test --help\`)
  help [command]          this text, or a command's
Planned: board (the simulated ESP8266), webrepl, fs.

Options:
  -h, --help              show help (\`mpy-ts <command> --help\` for a command)
  --version               show the version

The \`micropython\` command is the drop-in for MicroPython's unix port (\`micropython -h\`).
`;

const HELP: Record<string, string> = {
  run: `usage: mpy-ts run FILE [args...]

Runs FILE as the program (__name__ == '__main__'), like \`micropython FILE\`: sys.argv is [FILE, args...],
sys.path[0] is FILE's directory, the exit status is 0, 1 after an uncaught exception (traceback on
stderr) or SystemExit's code. FILE may be Python source or compiled code from \`mpy-ts compile\`.
`,
  repl: `usage: mpy-ts repl

The interactive prompt: line editing, history, Tab completion (names, attributes, builtins, modules
after \`import \`), auto-indent, paste mode (Ctrl-E), raw REPL (Ctrl-A). Ctrl-C interrupts running code;
Ctrl-D on an empty line exits. This is the unix-style REPL; the simulated board comes later.
`,
  compile: `usage: mpy-ts compile FILE [-o OUT] [-O N]

Compiles the Python source FILE to bytecode in the mpy-ts marshal format (@mpy-ts/bytecode). The VM
runs it without the compiler: \`mpy-ts run OUT\`, or \`import name\` finds name${COMPILED_EXTENSION} on sys.path when
there is no name.py. OUT defaults to FILE with its extension replaced by ${COMPILED_EXTENSION}.
  -o OUT    where to write
  -O N      optimisation level (1: no asserts, __debug__ False; 3: no line numbers)
`,
  test: `usage: mpy-ts test [mpy-test options] DIR
       mpy-ts test gate [options]

Runs NAME.py / NAME.py.exp test suites (the mpy-test command; \`mpy-ts test --help\` lists its options).
`,
};

const PLANNED = new Set(['board', 'webrepl', 'fs']);

class CommandError extends Error {}

/** Runs `mpy-ts <args>`; resolves to the exit status. */
export async function mpyTs(args: readonly string[], options: MpyTsOptions = {}): Promise<number> {
  try {
    return await dispatch(args, options);
  } catch (e) {
    if (e instanceof CommandError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    process.stderr.write(`mpy-ts: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

async function dispatch(args: readonly string[], options: MpyTsOptions): Promise<number> {
  const [first, ...rest] = args;
  const py = (argv: readonly string[]) => micropython(argv, { ...options, argv0: 'mpy-ts', completeBuiltins: true });
  if (first === undefined) return py(['-i']);
  if (first === '-h' || first === '--help') return help(undefined);
  if (first === '--version') {
    process.stdout.write(`mpy-ts ${CLI_VERSION} (${MICROPYTHON_VERSION})\n`);
    return 0;
  }
  switch (first) {
    case 'help':
      return help(rest[0]);
    case 'run': {
      if (rest[0] === '-h' || rest[0] === '--help') return help('run');
      const start = rest[0] === '--' ? 1 : 0;
      if (rest.length <= start) throw new CommandError('mpy-ts run: no file given (usage: mpy-ts run FILE [args...])');
      return py(rest.slice(start));
    }
    case 'repl':
      if (rest[0] === '-h' || rest[0] === '--help') return help('repl');
      if (rest.length > 0) throw new CommandError(`mpy-ts repl: unexpected argument '${rest[0]}'`);
      return py(['-i']);
    case 'compile':
      return compileCommand(rest);
    case 'test':
      if (options.test === undefined) throw new CommandError('mpy-ts test: the test runner is not installed with this build');
      return options.test(rest);
    default:
      if (PLANNED.has(first)) throw new CommandError(`mpy-ts ${first}: not available yet (planned for a later release)`);
      if (first.startsWith('-')) throw new CommandError(`mpy-ts: unknown option '${first}' (see mpy-ts --help)`);
      // a file: `mpy-ts script.py args` is `mpy-ts run script.py args`
      return py(args);
  }
}

function help(command: string | undefined): number {
  if (command === undefined) {
    process.stdout.write(MAIN_HELP);
    return 0;
  }
  const text = HELP[command];
  if (text === undefined) throw new CommandError(`mpy-ts help: no such command '${command}'`);
  process.stdout.write(text);
  return 0;
}

function compileCommand(args: readonly string[]): number {
  let input: string | undefined;
  let output: string | undefined;
  let optimize = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') return help('compile');
    if (a === '-o' || a === '-O') {
      const value = args[++i];
      if (value === undefined) throw new CommandError(`mpy-ts compile: ${a} needs a value`);
      if (a === '-o') output = value;
      else {
        optimize = Number(value);
        if (!Number.isInteger(optimize) || optimize < 0 || optimize > 3) throw new CommandError(`mpy-ts compile: -O wants 0..3, got '${value}'`);
      }
    } else if (a.startsWith('-') && a !== '-') throw new CommandError(`mpy-ts compile: unknown option '${a}'`);
    else if (input === undefined) input = a;
    else throw new CommandError(`mpy-ts compile: more than one input file ('${input}', '${a}')`);
  }
  if (input === undefined) throw new CommandError('mpy-ts compile: no file given (usage: mpy-ts compile FILE [-o OUT])');
  const out = output ?? (input.endsWith('.py') ? input.slice(0, -3) : input) + COMPILED_EXTENSION;

  let source: string;
  try {
    source = readFileSync(input, 'utf8');
  } catch (e) {
    throw new CommandError(`mpy-ts compile: can't open file '${input}': ${describeFsError(e)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = serialize(compile(source, { filename: input, mode: 'exec', optimize }));
  } catch (e) {
    const ce = e as { kind?: unknown; msg?: unknown; filename?: unknown; line?: unknown };
    if (typeof ce.kind === 'string' && typeof ce.msg === 'string') {
      throw new CommandError(`mpy-ts compile: ${String(ce.filename)}, line ${String(ce.line)}: ${ce.kind}: ${ce.msg}`);
    }
    throw e;
  }
  try {
    writeFileSync(out, bytes);
  } catch (e) {
    throw new CommandError(`mpy-ts compile: can't write '${out}': ${describeFsError(e)}`);
  }
  return 0;
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
