// Loads dist/mpy-ts.cjs (the bundle scripts/bundle.mjs builds) through V8's code cache: the first run
// compiles it and saves the cache beside it; later runs skip most parsing and compiling. The cache file
// is named after the bundle's content hash, the Node version and the V8 flags, so a cache never meets
// code it was not made from. Failing to write it (a read-only install) only costs speed.
// CommonJS on purpose: the launchers start measurably faster without the ES module loader.
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');

function flagsTag() {
  let h = 0;
  for (const ch of process.execArgv.join(' ')) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(16);
}

/** Returns the bundle's exports and `saveCache()`, to call once the program has run. */
function loadBundle() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(join(dist, 'bundle.json'), 'utf8'));
  } catch {
    process.stderr.write('mpy-ts: the terminal app is not built (run `npm run build` in the repository)\n');
    process.exit(1);
  }
  const file = join(dist, meta.file);
  const source = readFileSync(file, 'utf8');
  const cacheFile = join(dist, `mpy-ts-${meta.hash}-${process.version}-${flagsTag()}.code-cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dist);
  const needCache = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache() {
      if (!needCache) return;
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}

/**
 * The launchers ask V8 for a 3.9 MB stack (deep Python recursion needs it; worker threads get 4 MB).
 * That is only safe when the process's real stack limit (ulimit -s, 8 MB by default) is larger: if it
 * is not, run again without the flag rather than risk a crash on deep recursion.
 */
function ensureSafeStack() {
  if (!process.execArgv.some((a) => a.startsWith('--stack-size'))) return;
  let limits;
  try {
    limits = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return;
  }
  const m = /^Max stack size\s+(\S+)/m.exec(limits);
  if (m === null || m[1] === 'unlimited' || Number(m[1]) >= 6 * 1024 * 1024) return;
  const args = process.execArgv.filter((a) => !a.startsWith('--stack-size'));
  const r = require('node:child_process').spawnSync(process.execPath, [...args, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

/** Runs one of the bundle's commands with the arguments after the script name, then exits. */
function launch(command) {
  ensureSafeStack();
  const bundle = loadBundle();
  bundle.exports[command](process.argv.slice(2), join(__dirname, 'worker.cjs')).then(
    (status) => {
      bundle.saveCache();
      process.exit(status);
    },
    (error) => {
      process.stderr.write(`mpy-ts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

module.exports = { launch, loadBundle };
