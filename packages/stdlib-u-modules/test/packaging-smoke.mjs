// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { MODE_SEARCH, codePoints, compileRegex } from '@mpy-ts/stdlib-u-modules';

const rx = compileRegex(codePoints('(\\w+)@(\\w+)\\.com'));
const s = codePoints('mail bob@example.com');
const spans = rx.exec(s, 0, s.length, MODE_SEARCH, {});
assert.deepEqual([...spans], [5, 20, 5, 8, 9, 16]);
console.log('@mpy-ts/stdlib-u-modules: ok');

// The Python modules, registered with the VM.
const { createVM } = await import('@mpy-ts/core-vm');
const { registerStdlibModules } = await import('@mpy-ts/stdlib-u-modules');
registerStdlibModules();
const out = [];
const vm = createVM({ stdout: (b) => out.push(Buffer.from(b).toString()), epoch: 2000 });
vm.runPython('import ujson, ure\nprint(ujson.dumps({"m": ure.match(r"(\\d+)", "42").group(1)}))');
assert.equal(out.join(''), '{"m": "42"}\n');
console.log('@mpy-ts/stdlib-u-modules python modules: ok');
