#!/usr/bin/env node
// Start-up time of the `micropython` command against the start-up of Node itself, measured in the
// same run: `micropython -c pass` (the launcher as a PATH symlink runs it: shebang + bundle + code
// cache + VM) and the same through pnpm's node_modules/.bin shell shim (how `npx` and a PATH set to
// node_modules/.bin run it), each against `node -e 0`. Median of 10 runs after one warm-up run (which
// may write the code cache). Prints one line per benchmark and the geometric mean of the ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(app, 'bin', 'micropython.cjs');
const shim = join(app, '..', '..', 'node_modules', '.bin', 'micropython');
const RUNS = 10;

function time(command, args) {
  const t = performance.now();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.error?.message}`);
  return ms;
}

function median(times) {
  const s = [...times].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

/** Medians of ours and the baseline, run alternately so that both see the same machine load. */
function measure(command, args) {
  time(command, args); // warm-up: may write the code cache
  const ours = [];
  const base = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(time(command, args));
    base.push(time(process.execPath, ['-e', '0']));
  }
  return [median(ours), median(base)];
}

const benches = [['micropython -c pass', bin, ['-c', 'pass']]];
if (existsSync(shim)) benches.push(['micropython -c pass (.bin shim)', shim, ['-c', 'pass']]);

let logSum = 0;
for (const [name, command, args] of benches) {
  const [ours, base] = measure(command, args);
  const ratio = ours / base;
  logSum += Math.log(ratio);
  console.log(`${name.padEnd(34)} ours ${ours.toFixed(1)} ms  baseline ${base.toFixed(1)} ms  ratio ${ratio.toFixed(2)}`);
}
console.log(`geometric mean ratio: ${Math.exp(logSum / benches.length).toFixed(2)}`);
