import { createVM, MemoryHost, MemoryFs, PythonError, type VM, type VMOptions } from '../src/index.js';

/** Run a program in a fresh VM with an in-memory host; returns stdout+stderr and the exit code. */
export function run(src: string, options: VMOptions & { files?: Record<string, string> } = {}): { out: string; status: number; vm: VM } {
  const fs = new MemoryFs();
  for (const [p, c] of Object.entries(options.files ?? {})) fs.writeFile(p, c);
  const chunks: Uint8Array[] = [];
  const sink = (d: Uint8Array) => chunks.push(d.slice());
  const host = options.host ?? new MemoryHost({ fs, stdout: sink, stderr: sink, cwd: '/', stdin: options.stdin });
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
  return { out: new TextDecoder().decode(all), status, vm };
}

/** stdout of a program that must succeed. */
export function out(src: string, options: VMOptions & { files?: Record<string, string> } = {}): string {
  const r = run(src, options);
  if (r.status !== 0) throw new Error(`program failed (${r.status}):\n${r.out}`);
  return r.out;
}

/** The first differing lines (at most 10) of two outputs, for snippet tests: a short report, not a wall of text. */
export function lineDiffs(gotText: string, wantText: string): string[] {
  const got = gotText.split('\n');
  const want = wantText.split('\n');
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length) && diffs.length < 10; i++) {
    if (got[i] !== want[i]) diffs.push(`line ${i + 1}:\n  expected ${JSON.stringify(want[i])}\n  got      ${JSON.stringify(got[i])}`);
  }
  return diffs;
}

export { PythonError };

/** mulberry32: a small deterministic generator of uint32s from a seed (property and fuzz tests). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
