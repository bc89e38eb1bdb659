// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { MODE_SEARCH, codePoints, compileRegex } from '@mpy-ts/stdlib-u-modules';

const rx = compileRegex(codePoints('(\\w+)@(\\w+)\\.com'));
const s = codePoints('mail bob@example.com');
const spans = rx.exec(s, 0, s.length, MODE_SEARCH, {});
assert.deepEqual([...spans], [5, 20, 5, 8, 9, 16]);
console.log('@mpy-ts/stdlib-u-modules: ok');
