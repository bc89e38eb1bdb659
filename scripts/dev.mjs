#!/usr/bin/env node
// The one entry point behind the root npm scripts (`npm start`, `npm test`, `npm run build`, ...).
//
// A fresh clone needs nothing but Node >= 20 and npm: on first use this script installs the pinned pnpm
// (from the root `packageManager` field) into `.tools/`, installs the workspace with it, and then runs the
// task. Later runs skip both steps unless the lockfile or a package manifest changed.
//
//   node scripts/dev.mjs start [-- args]   build what the terminal needs, then run `mpy-ts args` (REPL / a file)
//   node scripts/dev.mjs test              build, typecheck, lint, unit tests, packaging check, conformance gate
//   node scripts/dev.mjs build|lint|typecheck|bench
//   node scripts/dev.mjs pnpm <args>       run the pinned pnpm (e.g. `pnpm add -D foo --filter @mpy-ts/cli`)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = /^pnpm@(.+)$/.exec(rootManifest.packageManager)?.[1];
if (!pnpmVersion) fail('package.json has no `packageManager: "pnpm@x.y.z"` field');

const pnpmPrefix = join(root, '.tools', `pnpm-${pnpmVersion}`);
// turbo (and scripts run by pnpm) look for `pnpm` on PATH: put the pinned one first.
const env = {
  ...process.env,
  PATH: [join(pnpmPrefix, 'bin'), join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
};

function fail(message) {
  process.stderr.write(`dev: ${message}\n`);
  process.exit(1);
}

function step(title) {
  process.stderr.write(`\n\u25b6 ${title}\n`);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function must(cmd, args, what) {
  const status = run(cmd, args);
  if (status !== 0) fail(`${what} failed (exit ${status})`);
}

/** Path of the pinned pnpm's CLI script, installed into .tools/ with plain npm on first use. */
function pnpmScript() {
  const script = join(pnpmPrefix, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
  const shim = join(pnpmPrefix, 'bin', 'pnpm');
  if (!existsSync(script)) {
    step(`installing pnpm ${pnpmVersion} into .tools/ (first use)`);
    mkdirSync(pnpmPrefix, { recursive: true });
    writeFileSync(join(pnpmPrefix, 'package.json'), '{"private":true}\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--no-package-lock'];
    // No install scripts (npm may refuse them anyway): bin/pnpm.mjs finds the platform's native pnpm in
    // the optional dependency npm installs beside it.
    must(npm, ['install', ...quiet, '--ignore-scripts', '--prefix', pnpmPrefix, `pnpm@${pnpmVersion}`], 'installing pnpm');
  }
  if (!existsSync(shim)) {
    // turbo runs `pnpm run <task>` without a shell, so PATH needs a real executable named pnpm.
    mkdirSync(dirname(shim), { recursive: true });
    writeFileSync(shim, '#!/bin/sh\nexec node "$(dirname "$0")/../node_modules/pnpm/bin/pnpm.mjs" "$@"\n', { mode: 0o755 });
    writeFileSync(`${shim}.cmd`, '@node "%~dp0\\..\\node_modules\\pnpm\\bin\\pnpm.mjs" %*\r\n');
  }
  return script;
}

function pnpm(args, what = `pnpm ${args.join(' ')}`) {
  must(process.execPath, [pnpmScript(), ...args], what);
}

/** Hash of everything that decides what `pnpm install` does. */
function manifestHash() {
  const h = createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) {
    const p = join(root, file);
    h.update(file).update(existsSync(p) ? readFileSync(p) : '');
  }
  for (const group of ['packages', 'apps', 'tooling']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name, 'package.json');
      if (existsSync(p)) h.update(p.slice(root.length)).update(readFileSync(p));
    }
  }
  return h.digest('hex');
}

function ensureInstalled() {
  const stamp = join(root, 'node_modules', '.mpy-ts-install-stamp');
  const want = manifestHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  step('installing workspace dependencies (first use, or a manifest changed)');
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  pnpm(['install', ...frozen], 'pnpm install');
  writeFileSync(stamp, manifestHash());
}

/** Runs turbo tasks (with their dependencies, cached), printing only failures' logs; returns the exit status. */
function turbo(tasks, extra = []) {
  return run(process.execPath, [pnpmScript(), 'exec', 'turbo', 'run', ...tasks, '--output-logs=errors-only', ...extra]);
}

// `lint` also lints the repository's own scripts (the root package's `lint:root`).
const turboTasks = { build: ['build'], typecheck: ['typecheck'], lint: ['lint', 'lint:root'] };

const [task = 'help', ...rest] = process.argv.slice(2);
const passThrough = rest[0] === '--' ? rest.slice(1) : rest;

switch (task) {
  case 'pnpm':
    // In the caller's directory, like pnpm itself (it finds the workspace root from there).
    process.exitCode = run(process.execPath, [pnpmScript(), ...passThrough], { cwd: process.cwd() });
    break;
  case 'build':
  case 'lint':
  case 'typecheck':
    ensureInstalled();
    process.exitCode = turbo(turboTasks[task], passThrough);
    break;
  case 'bench':
    // One benchmark at a time, with full output: each prints its ratios against a baseline.
    ensureInstalled();
    if (turbo(['build']) !== 0) fail('build failed');
    pnpm(['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--output-logs=full', ...passThrough], 'bench');
    break;
  case 'changeset':
    ensureInstalled();
    pnpm(['exec', 'changeset', ...passThrough]);
    break;
  case 'release':
    ensureInstalled();
    if (turbo(['build']) !== 0) fail('build failed');
    pnpm(['exec', 'changeset', 'publish', ...passThrough]);
    break;
  case 'start':
    start();
    break;
  case 'test':
    test();
    break;
  default:
    process.stderr.write('usage: node scripts/dev.mjs start|test|build|lint|typecheck|bench|changeset|release|pnpm\n');
    process.exitCode = task === 'help' ? 0 : 1;
}

/**
 * Builds what the terminal needs and runs `mpy-ts` with the arguments after `--`: no arguments start the
 * interactive prompt, a file runs it (relative paths are relative to where `npm start` was typed).
 */
function start() {
  ensureInstalled();
  const bin = join(root, 'apps', 'terminal', 'bin', 'mpy-ts.cjs');
  if (!existsSync(bin)) {
    process.stderr.write(
      'mpy-ts: there is nothing to start yet: the interpreter (packages/core-vm) and the terminal app ' +
        'have not landed in this checkout.\n',
    );
    process.exit(1);
  }
  if (turbo(['build'], ['--filter=@mpy-ts/terminal...']) !== 0) fail('build failed');
  // npm runs scripts from the repository root; INIT_CWD is where `npm start` was typed (relative paths).
  // the flag the bin's shebang gives when it runs as a command (deep Python recursion needs the stack)
  process.exitCode = run(process.execPath, ['--stack-size=3900', bin, ...passThrough], { cwd: process.env.INIT_CWD ?? process.cwd() });
}

/** Everything CI checks, stage by stage; the last line printed is a one-line SUMMARY of them all. */
function test() {
  const started = Date.now();
  ensureInstalled();
  const cache = join(root, 'node_modules', '.cache', 'mpy-ts');
  mkdirSync(cache, { recursive: true });
  const parts = [];
  let ok = true;
  const stage = (title, status, describe = () => `${title} ${status === 0 ? 'ok' : 'FAILED'}`) => {
    ok &&= status === 0;
    parts.push(describe());
    return status === 0;
  };

  step('build');
  if (stage('build', turbo(turboTasks.build))) {
    step('typecheck');
    stage('typecheck', turbo(turboTasks.typecheck));
    step('lint');
    stage('lint', turbo(turboTasks.lint));

    step('unit tests (vitest)');
    const report = join(cache, 'vitest-report.json');
    rmSync(report, { force: true });
    const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
    const vitest = run(process.execPath, [pnpmScript(), 'exec', 'vitest', 'run', ...reporters]);
    stage('unit tests', vitest, () => {
      if (!existsSync(report)) return `unit tests FAILED (exit ${vitest}, no report)`;
      const r = JSON.parse(readFileSync(report, 'utf8'));
      const errors = vitest !== 0 && r.numFailedTests === 0 ? ' (and errors outside tests)' : '';
      return `unit tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${errors}, ${r.numPendingTests + r.numTodoTests} skipped`;
    });

    step('packaging check (pnpm pack + npm install of every public package)');
    stage('packaging', run(process.execPath, [join(root, 'scripts', 'check-packaging.mjs')]));

    step('conformance gate');
    const verdict = join(cache, 'gate-verdict.txt');
    rmSync(verdict, { force: true });
    const gate = run(process.execPath, [join(root, 'apps', 'test-runner', 'bin', 'mpy-test.js'), 'gate', '--summary-file', verdict]);
    stage('conformance gate', gate, () =>
      existsSync(verdict) ? readFileSync(verdict, 'utf8').trim() : `conformance gate FAILED (exit ${gate}, no verdict)`);
  } else {
    parts.push('nothing else ran');
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\nSUMMARY: ${ok ? 'OK' : 'FAILED'} in ${seconds}s: ${parts.join('; ')}\n`);
  process.exit(ok ? 0 : 1);
}
