// Packaging smoke test: import the published package by name, run a program, check its output.
import { createVM, MemoryHost } from '@mpy-ts/core-vm';
import { createInterpreter } from '@mpy-ts/core-vm/test-interpreter';
import { NodeHost } from '@mpy-ts/core-vm/node';

const host = new MemoryHost();
const vm = createVM({ host });
vm.runPython('import sys\nclass A:\n    def f(self): return sum(i * i for i in range(4))\nprint(A().f(), sys.implementation.name)');
if (host.output !== '14 micropython\n') throw new Error(`unexpected output: ${JSON.stringify(host.output)}`);
if (typeof createInterpreter !== 'function' || typeof NodeHost !== 'function') throw new Error('missing entry points');
console.log('core-vm packaging smoke test OK');
