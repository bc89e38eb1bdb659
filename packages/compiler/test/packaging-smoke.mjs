// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm, with @mpy-ts/bytecode, its one dependency): import the package by name and use it.
import assert from 'node:assert/strict';
import { CodeObject, verify } from '@mpy-ts/bytecode';
import { CompileError, compile, disassemble } from '@mpy-ts/compiler';

const code = compile('print(sum(x * x for x in range(10)))\n', { filename: 'smoke.py', mode: 'exec' });
assert.ok(code instanceof CodeObject, 'compile() returns a @mpy-ts/bytecode CodeObject');
verify(code);
assert.match(disassemble(code), /print/);
assert.throws(() => compile('x = = 1\n', { filename: 'bad.py' }), CompileError);
console.log('@mpy-ts/compiler: ok');
