#!/usr/bin/env node
// The one entry point behind the root npm scripts (`npm start`, `npm test`, `npm run build`, ...).
//
// A fresh clone needs nothing but Node >= 20 and npm: on first use this script installs the pinned pnpm
// (from the root `packageManager` field) into `.tools/`, installs the workspace with it, and then runs the
// task. Later runs skip both steps unless the lockfile or a package manifest changed.
//
//   node scripts/dev.mjs start [-- args]   build what the terminal needs, then run `mpy-ts args`
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
  PATH: [join(pnpmPrefix, 'node_modules', '.bin'), join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
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

function must(cmd, args, what, options) {
  const status = run(cmd, args, options);
  if (status !== 0) fail(`${what} failed (exit ${status})`);
}

/** Path of the pinned pnpm's CLI script, installed into .tools/ with plain npm on first use. */
function pnpmScript() {
  const prefix = pnpmPrefix;
  const script = join(prefix, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
  if (!existsSync(script)) {
    step(`installing pnpm ${pnpmVersion} into .tools/ (first use)`);
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    must(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', prefix, `pnpm@${pnpmVersion}`], 'installing pnpm');
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

function turbo(args) {
  pnpm(['exec', 'turbo', 'run', ...args, '--output-logs=errors-only'], `turbo ${args[0]}`);
}

const [task = 'help', ...rest] = process.argv.slice(2);
const passThrough = rest[0] === '--' ? rest.slice(1) : rest;

switch (task) {
  case 'pnpm': {
    const status = run(process.execPath, [pnpmScript(), ...passThrough]);
    process.exit(status);
  }
  case 'build':
  case 'lint':
  case 'typecheck':
    ensureInstalled();
    turbo([task, ...passThrough]);
    break;
  case 'bench':
    ensureInstalled();
    turbo(['build']);
    pnpm(['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--output-logs=full', ...passThrough], 'bench');
    break;
  case 'changeset':
    ensureInstalled();
    pnpm(['exec', 'changeset', ...passThrough]);
    break;
  case 'release':
    ensureInstalled();
    turbo(['build']);
    pnpm(['exec', 'changeset', 'publish', ...passThrough]);
    break;
  case 'start': {
    ensureInstalled();
    const bin = join(root, 'apps', 'terminal', 'bin', 'mpy-ts.js');
    if (!existsSync(bin)) {
      process.stderr.write(
        'mpy-ts: there is nothing to start yet: the interpreter (packages/core-vm) and the terminal app ' +
          'have not landed in this checkout.\n',
      );
      process.exit(1);
    }
    turbo(['build', '--filter=@mpy-ts/terminal...']);
    const status = run(process.execPath, [bin, ...passThrough], { cwd: process.env.INIT_CWD ?? process.cwd() });
    process.exit(status);
  }
  case 'test': {
    ensureInstalled();
    const started = Date.now();
    step('build');
    turbo(['build']);
    step('typecheck');
    turbo(['typecheck']);
    step('lint');
    turbo(['lint']);
    step('unit tests (vitest)');
    const report = join(root, 'node_modules', '.cache', 'vitest-report.json');
    mkdirSync(dirname(report), { recursive: true });
    rmSync(report, { force: true });
    const unitStatus = run(process.execPath, [
      pnpmScript(), 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ]);
    let unit = 'unit tests: no report';
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      unit = `unit tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
    }
    step('packaging check (pnpm pack + npm install of every public package)');
    const packStatus = run(process.execPath, [join(root, 'scripts', 'check-packaging.mjs')]);
    step('conformance gate');
    const gateOut = join(root, 'node_modules', '.cache', 'gate-summary.txt');
    rmSync(gateOut, { force: true });
    const gateStatus = run(process.execPath, [
      join(root, 'apps', 'test-runner', 'bin', 'mpy-test.js'), 'gate', '--summary-file', gateOut,
    ]);
    const gate = existsSync(gateOut) ? readFileSync(gateOut, 'utf8').trim() : 'conformance gate: no summary';
    const ok = unitStatus === 0 && packStatus === 0 && gateStatus === 0;
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(
      `\nSUMMARY: ${unit}; packaging ${packStatus === 0 ? 'ok' : 'FAILED'}; ${gate}; ${seconds}s; ${ok ? 'OK' : 'FAILED'}\n`,
    );
    process.exit(ok ? 0 : 1);
  }
  default:
    process.stderr.write('usage: node scripts/dev.mjs start|test|build|lint|typecheck|bench|changeset|release|pnpm\n');
    process.exit(task === 'help' ? 0 : 1);
}
