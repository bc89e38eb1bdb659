// The in-process executor: every test runs in a worker thread, in a fresh interpreter instance created by an
// interpreter module (the mpy-ts VM once it exists). A worker that overruns the timeout is terminated,
// which stops even a VM stuck in `while True: pass`; the next test gets a new worker.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawRun } from './compare.js';
import { cmdlineArgs } from './discover.js';
import { TEST_ENV, replInput } from './executor.js';
import type { Executor } from './executor.js';

/** What `run()` gets: one test program, as the `micropython` command would run it. */
export interface InterpreterRunOptions {
  /** Absolute path of the program. */
  file: string;
  /**
   * The directory the program must see as its working directory (relative `open()`s, `import` of siblings).
   * Worker threads cannot `chdir`: resolve relative paths against this yourself.
   */
  cwd: string;
  /** The command-line words after the program name, e.g. `['-v', 'cmdline/cmd_verbose.py']`. */
  argv: string[];
  env: Record<string, string>;
  /** The worker is terminated after this (plus a grace second); stop earlier and say `timedOut` if you can. */
  timeoutMs: number;
}

/** What `repl()` gets: a `cmdline/repl_*.py` test, to be typed into the REPL. */
export interface InterpreterReplOptions extends Omit<InterpreterRunOptions, 'file'> {
  /**
   * The bytes typed, one chunk per line of the test (control codes decoded). Return the banner plus every
   * byte written in response; the session then ends (the `micropython` command gets a Ctrl-D).
   */
  input: Uint8Array[];
}

export interface InterpreterResult {
  /** Everything the program wrote to stdout and stderr, in order (a string is written as UTF-8). */
  output: string | Uint8Array;
  /** The exit status the `micropython` command would have (0, or 1 after an uncaught exception, ...). */
  exitCode: number;
  timedOut?: boolean;
}

export interface InProcessInterpreter {
  run(options: InterpreterRunOptions): InterpreterResult | Promise<InterpreterResult>;
  /** Optional: without it, REPL tests are skipped. Output: the banner plus everything echoed. */
  repl?(options: InterpreterReplOptions): InterpreterResult | Promise<InterpreterResult>;
}

/** An interpreter module exports this; it is called once per test, in the test's worker thread. */
export type CreateInterpreter = () => InProcessInterpreter | Promise<InProcessInterpreter>;

/** The module the gate loads unless told otherwise (`--interpreter`, or `MPY_TEST_INTERPRETER`). */
export const DEFAULT_INTERPRETER = '@mpy-ts/test-runner/interpreter';

const GRACE_MS = 1000;

/**
 * Resolves an interpreter module (a path, or a package specifier resolved from this app) to a URL, or
 * returns `null` when it is not installed.
 */
export function resolveInterpreter(spec: string): string | null {
  if (spec.startsWith('file:') || spec.startsWith('.') || isAbsolute(spec)) {
    const path = spec.startsWith('file:') ? fileURLToPath(spec) : resolve(spec);
    return existsSync(path) ? pathToFileURL(path).href : null;
  }
  try {
    const url = typeof import.meta.resolve === 'function'
      ? import.meta.resolve(spec)
      : pathToFileURL(createRequire(import.meta.url).resolve(spec)).href;
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      return null;
    }
    throw error;
  }
}

// Evaluated as a CommonJS worker, so it needs no file of its own (and works the same from src/ and dist/).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.moduleUrl).then((m) => {
  const create = m.createInterpreter ?? m.default?.createInterpreter;
  if (typeof create !== 'function') throw new Error(workerData.moduleUrl + ' does not export createInterpreter()');
  return create;
});
parentPort.on('message', async ({ kind, options }) => {
  try {
    const interpreter = await (await loaded)();
    if (kind === 'repl' && typeof interpreter.repl !== 'function') {
      parentPort.postMessage({ skip: 'the in-process interpreter has no repl(): REPL tests need one (or --cmd)' });
      return;
    }
    const result = await (kind === 'repl' ? interpreter.repl(options) : interpreter.run(options));
    const output = typeof result.output === 'string' ? new TextEncoder().encode(result.output) : result.output;
    parentPort.postMessage({ output, exitCode: result.exitCode, timedOut: result.timedOut === true });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.stack) || error) });
  }
});
`;

type WorkerReply =
  | { output: Uint8Array; exitCode: number; timedOut: boolean }
  | { skip: string }
  | { error: string };

export interface InProcessOptions {
  /** Module specifier or path; default {@link DEFAULT_INTERPRETER}. */
  interpreter?: string;
  env?: Record<string, string>;
}

export function inProcessExecutor(options: InProcessOptions = {}): Executor {
  const spec = options.interpreter ?? DEFAULT_INTERPRETER;
  const moduleUrl = resolveInterpreter(spec);
  const env = { ...(process.env as Record<string, string>), ...TEST_ENV, ...options.env };
  const idle: Worker[] = [];
  const all = new Set<Worker>();

  if (moduleUrl === null) {
    return {
      description: `in-process: ${spec}`,
      unavailable: `no in-process interpreter available (${spec} is not installed; see apps/test-runner/README.md)`,
      run: () => Promise.resolve({ skip: 'no in-process interpreter available' }),
      close: () => Promise.resolve(),
    };
  }

  const take = () => {
    const worker = idle.pop() ?? new Worker(WORKER_SOURCE, { eval: true, workerData: { moduleUrl } });
    all.add(worker);
    return worker;
  };
  const discard = (worker: Worker) => {
    all.delete(worker);
    void worker.terminate();
  };

  const ask = (kind: 'run' | 'repl', opts: InterpreterRunOptions | InterpreterReplOptions, timeoutMs: number) =>
    new Promise<RawRun | { skip: string }>((resolvePromise) => {
      const worker = take();
      const done = (result: RawRun | { skip: string }, reuse: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reuse) idle.push(worker);
        else discard(worker);
        resolvePromise(result);
      };
      const crash = (text: string) => ({ output: Buffer.from(`${text}\n`), exitCode: 1, timedOut: false });
      const onMessage = (reply: WorkerReply) => {
        if ('skip' in reply) done({ skip: reply.skip }, true);
        else if ('error' in reply) done(crash(`mpy-test: the interpreter threw a JavaScript error: ${reply.error}`), true);
        else done({ output: reply.output, exitCode: reply.exitCode, timedOut: reply.timedOut }, true);
      };
      const onError = (error: Error) => done(crash(`mpy-test: the interpreter's worker failed: ${error.stack}`), false);
      const onExit = (code: number) => done(crash(`mpy-test: the interpreter's worker exited (${code})`), false);
      const timer = setTimeout(() => done({ output: new Uint8Array(0), exitCode: null, timedOut: true }, false),
        timeoutMs + GRACE_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ kind, options: opts });
    });

  return {
    description: `in-process: ${spec}`,
    async run(test, timeoutMs) {
      const args = test.cmdline ? cmdlineArgs(await readFile(test.file, 'latin1')) : [];
      if (test.repl) {
        const input = replInput(await readFile(test.file));
        return ask('repl', { cwd: test.cwd, argv: args, env, timeoutMs, input }, timeoutMs);
      }
      const argv = [...args, test.cmdline ? test.path : test.file];
      return ask('run', { file: test.file, cwd: test.cwd, argv, env, timeoutMs }, timeoutMs);
    },
    async close() {
      await Promise.all([...all].map((w) => w.terminate()));
      all.clear();
      idle.length = 0;
    },
  };
}
