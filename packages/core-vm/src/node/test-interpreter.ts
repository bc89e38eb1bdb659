// The in-process interpreter for apps/test-runner (see its README, "Plugging in the mpy-ts VM"): runs one
// program per call in a fresh VM, as the unix port's `micropython FILE` would, collecting stdout and
// stderr in order.
import { createVM } from '../vm.js';
import { NodeHost } from './index.js';

export interface InterpreterRunOptions {
  file: string;
  cwd: string;
  argv: string[];
  env: Record<string, string>;
  timeoutMs: number;
}

export interface InterpreterResult {
  output: string | Uint8Array;
  exitCode: number;
  timedOut?: boolean;
}

export interface InProcessInterpreter {
  run(options: InterpreterRunOptions): InterpreterResult;
}

/** sys.path of the unix port (`MICROPY_PY_SYS_PATH_DEFAULT`) after the script directory. */
const DEFAULT_PATH = ['', '.frozen', '~/.micropython/lib', '/usr/lib/micropython'];

export function createInterpreter(): InProcessInterpreter {
  return {
    run(options: InterpreterRunOptions): InterpreterResult {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const sink = (d: Uint8Array) => {
        chunks.push(d.slice());
        size += d.length;
      };
      const host = new NodeHost({ cwd: options.cwd, stdout: sink, stderr: sink, stdin: () => null });
      const mp = options.env.MICROPYPATH;
      const path = mp !== undefined ? ['', ...mp.split(':').filter((p) => p.length > 0)] : DEFAULT_PATH.slice();
      const vm = createVM({ host, argv: options.argv, path });
      const exitCode = vm.runFile(options.file);
      const output = new Uint8Array(size);
      let o = 0;
      for (const c of chunks) {
        output.set(c, o);
        o += c.length;
      }
      return { output, exitCode };
    },
  };
}
