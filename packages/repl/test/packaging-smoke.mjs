// Packaging smoke test (run by scripts/check-packaging.mjs from a directory where the packed package was
// installed with plain npm): import the package by name and use it.
import assert from 'node:assert/strict';
import { Repl } from '@mpy-ts/repl';

const chunks = [];
const sources = [];
const repl = new Repl({
  evaluator: {
    execute(source) {
      sources.push(source);
      return { kind: 'ok' };
    },
    printException() {},
  },
  write: (bytes) => chunks.push(Buffer.from(bytes).toString('latin1')),
  profile: 'board',
});
repl.start();
repl.feed(new TextEncoder().encode('1 + 1\r'));
assert.deepEqual(sources, ['1 + 1']);
const output = chunks.join('');
assert.match(output, /MicroPython/);
assert.ok(output.endsWith('>>> '), JSON.stringify(output));
console.log('@mpy-ts/repl: ok');

// the evaluator over the real VM (the optional peer dependencies are installed with it here)
const { createVM, MemoryHost } = await import('@mpy-ts/core-vm');
const { createVmEvaluator } = await import('@mpy-ts/repl/vm');
let out = '';
const sink = (bytes) => (out += Buffer.from(bytes).toString('latin1'));
const vm = createVM({ host: new MemoryHost({ stdout: sink, stderr: sink }) });
const vmRepl = new Repl({ evaluator: createVmEvaluator(vm), write: sink, banner: '' });
vmRepl.start();
vmRepl.feed(new TextEncoder().encode('6 * 7\r1/0\r'));
assert.match(out, /6 \* 7\r\n42\n>>> /);
assert.match(out, /ZeroDivisionError/);
console.log('@mpy-ts/repl/vm: ok');
