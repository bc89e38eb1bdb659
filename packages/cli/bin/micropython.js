#!/usr/bin/env -S node --stack-size=3900
// `micropython` from @mpy-ts/cli alone (apps/terminal ships a faster-starting, bundled one).
// The shebang asks V8 for a 3.9 MB stack (deep Python recursion needs more than Node's default); that is
// only safe under a real stack limit (ulimit -s) of more than that, so with a smaller one the command
// runs again without the flag.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { micropython } from '../dist/index.js';

if (process.execArgv.some((a) => a.startsWith('--stack-size'))) {
  let limits = '';
  try {
    limits = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    // not Linux: trust the flag
  }
  const m = /^Max stack size\s+(\S+)/m.exec(limits);
  if (m !== null && m[1] !== 'unlimited' && Number(m[1]) < 6 * 1024 * 1024) {
    const args = process.execArgv.filter((a) => !a.startsWith('--stack-size'));
    const r = spawnSync(process.execPath, [...args, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}

process.exit(await micropython(process.argv.slice(2)));
