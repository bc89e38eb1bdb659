// The REPL evaluator over the mpy-ts VM (@mpy-ts/core-vm): compiles what the user entered with
// @mpy-ts/compiler, runs it in `__main__`, turns the outcome into an ExecResult, prints tracebacks in
// MicroPython's format and answers completion questions from the live objects. Host-independent, like
// the engine: program output goes wherever the VM's Host sends stdout.

import { compileAst, parse } from '@mpy-ts/compiler';
import {
  PyBaseException, dictKeys, exceptionFromHost, formatException, getAttrOpt, newException, runCode, str, types,
  utf8Encode,
} from '@mpy-ts/core-vm';
import type { VM } from '@mpy-ts/core-vm';
import type { ExecOptions, ExecResult, ReplEvaluator } from '../evaluator.js';

type CodeObject = ReturnType<VM['compile']>;

export interface VmEvaluatorOptions {
  /**
   * Offer builtins (`print`, `len`, ...) when completing a bare name, and resolve a dotted name's first
   * part from them (`str.` completes `str`'s methods). MicroPython completes only `__main__` globals;
   * default true (the mpy-ts REPL is friendlier).
   */
  readonly completeBuiltins?: boolean;
  /**
   * Where tracebacks go. Default: the VM's stdout, as MicroPython's REPL prints them (`mp_plat_print`),
   * so they land in order with program output and, in the raw REPL, between the two `\x04`.
   */
  readonly writeTraceback?: (text: string) => void;
}

/** A ReplEvaluator running code in `vm`'s `__main__` module. */
export function createVmEvaluator(vm: VM, options: VmEvaluatorOptions = {}): ReplEvaluator & { readonly vm: VM } {
  const completeBuiltins = options.completeBuiltins ?? true;
  const writeTraceback = options.writeTraceback ?? ((text: string) => vm.writeOut(utf8Encode(text)));

  const print = (text: string): void => {
    try {
      writeTraceback(text);
    } catch {
      // a broken output channel cannot be reported anywhere better
    }
  };

  return {
    vm,

    execute(source: string, opts: ExecOptions): ExecResult {
      const filename = opts.filename ?? '<stdin>';
      try {
        vm.enter(() => {
          let code: CodeObject;
          switch (opts.mode) {
            case 'single':
              // a line holding only a comment is a statement with nothing to run (the compiler's
              // single-input grammar wants a statement)
              if (isBlank(source)) return;
              code = vm.compile(source, filename, 'single');
              break;
            case 'exec':
              code = vm.compile(source, filename, 'exec');
              break;
            case 'exec-repl':
              code = compileFileAsRepl(source, filename, vm.optLevel);
              break;
          }
          runCode(code, vm.mainDict, vm.mainDict);
        });
        return { kind: 'ok' };
      } catch (e) {
        return outcome(exceptionFromHost(e));
      }
    },

    printException(exception: unknown): void {
      const exc = exception instanceof PyBaseException ? exception : exceptionFromHost(exception);
      vm.flushOutput();
      let text: string;
      try {
        text = vm.enter(() => formatException(exc));
      } catch {
        text = `${exc.type.name}: \n`;
      }
      print(text);
    },

    printKeyboardInterrupt(): void {
      vm.flushOutput();
      print(vm.enter(() => formatException(newException(types.keyboardInterruptType))));
    },

    resetHeapLock(): void {
      vm.heapLock = 0;
    },

    names(path: readonly string[]): readonly string[] | null {
      try {
        return vm.enter(() => {
          if (path.length === 0) {
            const names = stringKeys(dictKeys(vm.mainDict));
            if (completeBuiltins) names.push(...stringKeys(dictKeys(vm.builtins)));
            return names;
          }
          let obj: unknown = getAttrOpt(vm.main, path[0]);
          if (obj === undefined && completeBuiltins) obj = getAttrOpt(vm.builtinsModule, path[0]);
          for (let i = 1; i < path.length && obj !== undefined; i++) obj = getAttrOpt(obj, path[i]);
          if (obj === undefined) return null;
          return stringKeys(vm.dirOf(obj));
        });
      } catch {
        // an attribute that raises (a property, __getattr__) ends the completion quietly
        return null;
      }
    },

    moduleNames(): readonly string[] {
      return vm.builtinModuleNames();
    },
  };
}

/** The REPL result for an exception that escaped the code. */
function outcome(exc: PyBaseException): ExecResult {
  if (exc.type.isSubtypeOf(types.systemExitType)) {
    const args = exc.args.items;
    const value: unknown = args.length === 0 ? null : args[0];
    if (value === null) return { kind: 'exit', code: 0 };
    if (typeof value === 'boolean') return { kind: 'exit', code: value ? 1 : 0 };
    if (typeof value === 'number') return { kind: 'exit', code: value & 0xff };
    if (typeof value === 'bigint') return { kind: 'exit', code: Number(BigInt.asUintN(8, value)) };
    // CPython prints a non-integer exit value (the message) and exits with status 1
    let message: string;
    try {
      message = str(value);
    } catch {
      message = '';
    }
    return { kind: 'exit', code: 1, message };
  }
  return { kind: 'exception', exception: exc, keyboardInterrupt: exc.type.isSubtypeOf(types.keyboardInterruptType) };
}

/** MicroPython's paste mode: file input whose module-level expression statements print their value. */
function compileFileAsRepl(source: string, filename: string, optimize: number): CodeObject {
  const mod = parse(source, { filename, mode: 'exec' });
  if (mod.type !== 'Module') throw new Error('file input did not parse as a module');
  return compileAst({ type: 'Interactive', line: mod.line, col: mod.col, body: mod.body }, { filename, optimize }, source);
}

function isBlank(source: string): boolean {
  for (const line of source.split('\n')) {
    const t = line.trim();
    if (t.length > 0 && !t.startsWith('#')) return false;
  }
  return true;
}

function stringKeys(keys: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const k of keys) if (typeof k === 'string') out.push(k);
  return out;
}
