#!/usr/bin/env node
// Benchmark suite: each program in programs/ runs under mpy-ts (the built package, in this process) and
// under CPython (`python3`, a persistent child process), alternately, N rounds, so both see the same
// machine load; each side's best round counts. Timed: compile + run of the program text (no interpreter
// start-up). Prints wall times, the ratio mpy-ts / CPython per benchmark and the geometric mean, and checks
// both printed the same output.
//   node bench/run.mjs [--runs N] [--filter REGEX]
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createVM, MemoryHost } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 7;
const filter = args.includes('--filter') ? new RegExp(args[args.indexOf('--filter') + 1]) : null;
const dir = join(here, 'programs');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.py') && (filter === null || filter.test(f)))
  .sort()
  .map((f) => ({ name: f.replace(/\.py$/, ''), path: join(dir, f), src: readFileSync(join(dir, f), 'utf8') }));

// CPython side: reads a path per line, runs it once, answers with a JSON line [ms, output].
const harness = `
import sys, time, io, json
for line in sys.stdin:
    path = line.strip()
    src = open(path).read()
    buf = io.StringIO()
    old = sys.stdout
    sys.stdout = buf
    t = time.perf_counter()
    c = time.process_time()
    exec(compile(src, path, 'exec'), {'__name__': '__main__'})
    dt = time.perf_counter() - t
    dc = time.process_time() - c
    sys.stdout = old
    print(json.dumps([dt * 1000, buf.getvalue(), dc * 1000]), flush=True)
`;
const py = spawn('python3', ['-c', harness], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: py.stdout })[Symbol.asyncIterator]();
async function cpython(path) {
  py.stdin.write(path + '\n');
  const { value } = await lines.next();
  return JSON.parse(value);
}

function mpyts(p) {
  const host = new MemoryHost();
  const vm = createVM({ host });
  const t = performance.now();
  const c = process.cpuUsage();
  const status = vm.runMain(p.src, p.name + '.py');
  const dt = performance.now() - t;
  const dc = process.cpuUsage(c);
  if (status !== 0) throw new Error(`${p.name}: exit ${status}\n${host.errors}`);
  return [dt, host.output, (dc.user + dc.system) / 1000];
}

const rows = [];
for (const p of programs) {
  let cp = Infinity;
  let ts = Infinity;
  let cpCpu = Infinity;
  let tsCpu = Infinity;
  let same = true;
  for (let i = 0; i < runs; i++) {
    const [c, cout, ccpu] = await cpython(p.path);
    const [m, mout, mcpu] = mpyts(p);
    cp = Math.min(cp, c);
    ts = Math.min(ts, m);
    cpCpu = Math.min(cpCpu, ccpu);
    tsCpu = Math.min(tsCpu, mcpu);
    if (cout !== mout) same = false;
  }
  rows.push({ name: p.name, cp, ts, ratio: ts / cp, cpuRatio: tsCpu / cpCpu, same });
}
py.stdin.end();
const pad = (s, n) => String(s).padEnd(n);
const num = (x, n) => x.toFixed(1).padStart(n);
console.log(`${pad('benchmark', 14)}${'CPython ms'.padStart(12)}${'mpy-ts ms'.padStart(12)}${'ratio'.padStart(8)}${'cpu ratio'.padStart(11)}  output`);
for (const r of rows) {
  console.log(`${pad(r.name, 14)}${num(r.cp, 12)}${num(r.ts, 12)}${r.ratio.toFixed(2).padStart(8)}${r.cpuRatio.toFixed(2).padStart(11)}  ${r.same ? 'same' : 'DIFFERENT'}`);
}
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
const geoCpu = Math.exp(rows.reduce((s, r) => s + Math.log(r.cpuRatio), 0) / rows.length);
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
console.log(`geometric mean ratio: ${geo.toFixed(2)} wall, ${geoCpu.toFixed(2)} cpu (goal <= 2.00); worst: ${worst.name} ${worst.ratio.toFixed(2)} (goal <= 5.00)`);
console.log('(wall = best of the interleaved rounds; cpu = process CPU time, less sensitive to a loaded machine but counting V8 compiler threads)');
if (rows.some((r) => !r.same)) process.exitCode = 1;
