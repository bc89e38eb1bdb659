export { applyRegexExpectations, convertRegexEscapes, findUnittestSummary, judge, normalizeNewlines, pythonRegexToJs } from './compare.js';
export type { CompareMode, JudgeOptions, RawRun, UnittestSummary, Verdict } from './compare.js';
export { cmdlineArgs, discover, parseTsv } from './discover.js';
export type { Corpus, TestCase } from './discover.js';
export { TEST_ENV, replInput, splitExecutor } from './executor.js';
export type { Executor } from './executor.js';
export { commandLine, externalExecutor, shellQuote } from './external.js';
export type { ExternalOptions } from './external.js';
export { DEFAULT_INTERPRETER, inProcessExecutor, resolveInterpreter } from './in-process.js';
export type {
  CreateInterpreter,
  InProcessInterpreter,
  InProcessOptions,
  InterpreterReplOptions,
  InterpreterResult,
  InterpreterRunOptions,
} from './in-process.js';
export { appendToList, parseList, readList } from './lists.js';
export { categoryTable, count, makeReport, runTests, summaryLine, writeReport } from './runner.js';
export type { Counts, Report, RunOptions, Status, TestResult } from './runner.js';
export { defaultCmdlineCommand, defaultCorpus, defaultPassList, packageDir, repoRoot, runGate } from './gate.js';
export type { GateOptions, GateOutcome } from './gate.js';
export { main } from './cli.js';
