// Running Python snippets against the modules of this package: a fresh VM on an in-memory host per run.
import { createVM, MemoryFs, MemoryHost, type VM, type VMOptions } from '@mpy-ts/core-vm';
import { registerStdlibModules } from '../src/index.js';

registerStdlibModules();

export interface RunOptions extends VMOptions {
  files?: Record<string, string | Uint8Array>;
  virtualClock?: boolean;
  seed?: number;
}

/** Run a program; returns everything written to stdout/stderr (decoded) and the exit status. */
export function run(src: string, options: RunOptions = {}): { out: string; status: number; vm: VM; host: MemoryHost } {
  const fs = new MemoryFs();
  for (const [p, c] of Object.entries(options.files ?? {})) fs.writeFile(p, c);
  const chunks: Uint8Array[] = [];
  const sink = (d: Uint8Array) => chunks.push(d.slice());
  const host = new MemoryHost({ fs, stdout: sink, stderr: sink, cwd: '/', virtualClock: options.virtualClock, seed: options.seed });
  const vm = createVM({ ...options, host });
  const status = vm.runMain(src, 'test.py');
  let n = 0;
  for (const c of chunks) n += c.length;
  const all = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return { out: new TextDecoder().decode(all), status, vm, host };
}

/** stdout of a program that must succeed. */
export function py(src: string, options: RunOptions = {}): string {
  const r = run(src, options);
  if (r.status !== 0) throw new Error(`program failed (${r.status}):\n${r.out}`);
  return r.out;
}

/** The printed lines of a program that must succeed. */
export function lines(src: string, options: RunOptions = {}): string[] {
  const out = py(src, options);
  return out.endsWith('\n') ? out.slice(0, -1).split('\n') : out.split('\n');
}

/** The exception line ("TypeError: ...") a program ends with. */
export function raises(src: string, options: RunOptions = {}): string {
  const r = run(src, options);
  if (r.status === 0) throw new Error(`program did not fail:\n${r.out}`);
  const ls = r.out.trimEnd().split('\n');
  return ls[ls.length - 1];
}
