#!/usr/bin/env node
// Proves that every public package under packages/ is publishable and usable with plain npm:
//   1. `pnpm pack` each one (workspace: ranges become real versions) and check the tarball: README, no
//      `workspace:` ranges left, every file its `exports` name is inside, no sources or tests;
//   2. `npm install` all tarballs together into an empty directory, type-check an import of every entry
//      point with tsc, and run each package's smoke test, `packages/<name>/test/packaging-smoke.mjs`;
//   3. pick-and-mix: install each package alone (with only the @mpy-ts packages it depends on, which are not
//      on the registry yet) into its own empty directory, check nothing else came along, run its smoke test.
// A smoke test imports the package by name, uses it, and throws (exits non-zero) when something is wrong.
// Run after a build (`npm test` does both): node scripts/check-packaging.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const keep = process.argv.includes('--keep');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const problems = [];

function sh(cmd, args, cwd, what) {
  const env = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
  if (r.status !== 0) {
    throw new Error(`${what} failed (exit ${r.status ?? r.error?.message}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return r.stdout;
}

const packages = existsSync(join(root, 'packages'))
  ? readdirSync(join(root, 'packages'))
      .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
      .map((name) => {
        const dir = join(root, 'packages', name);
        return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
      })
      .filter((p) => !p.manifest.private)
  : [];
if (packages.length === 0) {
  console.log('packaging: no public packages yet');
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'mpy-ts-packaging-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
try {
  // 1. Pack and inspect.
  const packed = new Map(); // name -> { tarball, manifest, smoke }
  for (const { dir, manifest } of packages) {
    const name = manifest.name;
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${name} has no dist/: build first (npm run build)`);
    const smoke = join(dir, 'test', 'packaging-smoke.mjs');
    if (!existsSync(smoke)) problems.push(`${name}: no test/packaging-smoke.mjs (every public package has one)`);
    const before = new Set(readdirSync(tarballs));
    sh(process.execPath, [join(root, 'scripts', 'dev.mjs'), 'pnpm', 'pack', '--pack-destination', tarballs], dir, `pnpm pack ${name}`);
    const tarball = join(tarballs, readdirSync(tarballs).find((f) => !before.has(f)));
    const files = sh('tar', ['-tzf', tarball], work, 'tar').split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    const packedManifest = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json'], work, 'tar'));
    inspect(name, files, packedManifest);
    packed.set(name, { tarball, manifest: packedManifest, smoke });
  }

  // 2. Everything together.
  const all = project('all');
  install(all, [...packed.values()].map((p) => p.tarball), 'all packages');
  typecheckImports(all, [...packed.values()].map((p) => p.manifest));
  for (const [name, p] of packed) runSmoke(all, name, p.smoke);

  // 3. Each package alone (with its own @mpy-ts dependencies only).
  for (const [name, p] of packed) {
    const closure = internalClosure(name, packed);
    const dir = project(`solo-${name.replace(/\W/g, '_')}`);
    install(dir, [...closure].map((n) => packed.get(n).tarball), name);
    const present = readdirSync(join(dir, 'node_modules', '@mpy-ts')).map((n) => `@mpy-ts/${n}`).sort();
    const wanted = [...closure].sort();
    if (present.join() !== wanted.join()) problems.push(`${name} alone brought ${present.join(', ')}; expected ${wanted.join(', ')}`);
    runSmoke(dir, name, p.smoke);
  }
} catch (error) {
  problems.push(error.message);
} finally {
  if (keep) console.log(`packaging: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const p of problems) console.error(`packaging: ${p}`);
  process.exit(1);
}
console.log(`packaging ok: ${packages.map((p) => p.manifest.name).join(', ')} (together and one by one)`);

/** What a published package must and must not contain. */
function inspect(name, files, manifest) {
  if (!files.some((f) => /^readme/i.test(f))) problems.push(`${name}: the tarball has no README`);
  const stray = files.filter((f) => /^(src|test|bench)\//.test(f) || /\.test\.[jt]s$/.test(f));
  if (stray.length > 0) problems.push(`${name}: the tarball contains sources or tests: ${stray.join(', ')}`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${name}: ${field}.${dep} is still ${range}`);
    }
  }
  for (const target of exportTargets(manifest.exports)) {
    if (!files.includes(target.replace(/^\.\//, ''))) problems.push(`${name}: exports names ${target}, not in the tarball`);
  }
}

/** Every file path an `exports` map points at, except the repository-only `@mpy-ts/source` condition. */
function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) => (key === '@mpy-ts/source' ? [] : exportTargets(value)));
}

/** The entry-point specifiers of a package: `name` and `name/sub` for each `./sub` export. */
function entryPoints(manifest) {
  const keys = manifest.exports && typeof manifest.exports === 'object' ? Object.keys(manifest.exports) : ['.'];
  const subpaths = keys.every((k) => k.startsWith('.')) ? keys : ['.'];
  return subpaths.filter((k) => !k.includes('*') && k !== './package.json').map((k) => (k === '.' ? manifest.name : `${manifest.name}/${k.slice(2)}`));
}

function project(name) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `packaging-${name}`, private: true, type: 'module' })}\n`);
  return dir;
}

function install(dir, files, what) {
  sh(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], dir, `npm install (${what})`);
}

/** tsc must accept an import of every entry point, with the published .d.ts files only. */
function typecheckImports(dir, manifests) {
  const specifiers = manifests.flatMap(entryPoints);
  writeFileSync(join(dir, 'imports.ts'), specifiers.map((s, i) => `import * as m${i} from '${s}';\nvoid m${i};\n`).join(''));
  const tsconfig = {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
    files: ['imports.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir, 'type-checking the published types');
  const loader = specifiers.map((s) => `await import('${s}');\n`).join('');
  writeFileSync(join(dir, 'imports.mjs'), loader);
  sh(process.execPath, ['imports.mjs'], dir, 'importing every entry point');
}

function runSmoke(dir, name, smoke) {
  if (!existsSync(smoke)) return;
  const copy = join(dir, `smoke-${name.replace(/\W/g, '_')}.mjs`);
  copyFileSync(smoke, copy);
  sh(process.execPath, [copy], dir, `${name} smoke test in ${dir.slice(work.length + 1)}`);
}

/** The package and every @mpy-ts package it depends on, transitively. */
function internalClosure(name, packed) {
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n)) return;
    const p = packed.get(n);
    if (!p) throw new Error(`${name} depends on ${n}, which is not a public package here`);
    seen.add(n);
    for (const dep of Object.keys({ ...p.manifest.dependencies, ...p.manifest.peerDependencies })) {
      if (dep.startsWith('@mpy-ts/')) visit(dep);
    }
  };
  visit(name);
  return seen;
}
