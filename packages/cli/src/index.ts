// @mpy-ts/cli: the `micropython` command line of mpy-ts and its terminal REPL driver.
export { micropython, hostPlatform } from './main.js';
export type { MicropythonOptions } from './main.js';
export {
  CLI_VERSION, DEFAULT_HEAP_SIZE, INVALID_ARGUMENTS, MICROPYTHON_VERSION, machineName, parseCommandLine, parseHeapSize,
  usage, versionLine,
} from './args.js';
export type { CommandLine, Program, RunOptions } from './args.js';
export { DEFAULT_SYS_PATH, runSession, sysPath } from './session.js';
export type { SessionOptions } from './session.js';
export { createInlineConsole, createTerminalConsole } from './console.js';
export type { Console, InlineConsoleOptions } from './console.js';
export { InputReader, InputWriter, createSharedInput } from './shared-input.js';
export type { SharedInputBuffers } from './shared-input.js';
export { START_AFTER_MS, START_BEFORE_SLEEP_MS, SigintWatch } from './sigint.js';
export { isWorkerSessionData, runWorkerSession } from './worker.js';
export type { WorkerSessionData } from './worker.js';
export { COMPILED_EXTENSION, mpyTs } from './mpy-ts.js';
export type { MpyTsOptions } from './mpy-ts.js';
