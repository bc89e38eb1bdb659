// @mpy-ts/repl/vm: the REPL evaluator over the mpy-ts VM. Separate from the main entry so the engine
// alone needs neither @mpy-ts/core-vm nor @mpy-ts/compiler.
export { createVmEvaluator } from './evaluator.js';
export type { VmEvaluatorOptions } from './evaluator.js';
