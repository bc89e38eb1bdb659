// @mpy-ts/repl/vm: the REPL evaluator over the mpy-ts VM. Separate from the main entry so the engine
// alone needs neither @mpy-ts/core-vm nor @mpy-ts/compiler.
export { createVmEvaluator } from './evaluator.js';
export type { VmEvaluatorOptions } from './evaluator.js';
export { DEFAULT_HELP_TEXT, ESP8266_HELP_TEXT, formatModuleList, installHelp } from './help.js';
