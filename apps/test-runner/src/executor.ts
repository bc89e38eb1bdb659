import type { RawRun } from './compare.js';
import type { TestCase } from './discover.js';

/** What runs a test program: an external command (`--cmd`) or an in-process interpreter. */
export interface Executor {
  /** One line naming the executor in reports, e.g. `command: python3 {file}`. */
  readonly description: string;
  /**
   * Set when the executor cannot run anything at all (e.g. no in-process interpreter is installed): one
   * line the runner prints once; every test is then skipped with it as the reason.
   */
  readonly unavailable?: string;
  /** Runs one test program, or says why it cannot (the test is then skipped with that reason). */
  run(test: TestCase, timeoutMs: number): Promise<RawRun | { skip: string }>;
  /** Releases processes or threads. */
  close(): Promise<void>;
}

/** The environment every test program gets (run-tests.py sets the first; the second keeps a corpus clean). */
export const TEST_ENV: Readonly<Record<string, string>> = {
  PYTHONIOENCODING: 'utf-8',
  PYTHONDONTWRITEBYTECODE: '1',
};

/**
 * The bytes typed into a REPL for a `cmdline/repl_*.py` test: one chunk per line of the file (with its
 * `\n`), where `{\xNN}` becomes the control character with code NN (two digits, read as hex the way
 * run-tests.py does; all codes in use are below 10, where hex and decimal agree). After them the session
 * ends with a Ctrl-D whose output is not part of the result.
 */
export function replInput(source: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === 0x0a) {
      chunks.push(source.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < source.length) chunks.push(source.subarray(start));
  const decoded = chunks.map((chunk) =>
    Buffer.from(
      Buffer.from(chunk)
        .toString('latin1')
        .replace(/\{\\x(\d\d)\}/g, (_, code: string) => String.fromCharCode(parseInt(code, 16))),
      'latin1',
    ),
  );
  return decoded;
}

/**
 * Runs `cmdline/` tests with one executor and every other test with another: the gate runs the
 * command-line tests through the repository's `micropython` command (they exercise the command line
 * and the terminal REPL) and the rest in-process.
 */
export function splitExecutor(cmdline: Executor, rest: Executor): Executor {
  return {
    description: `${rest.description}; cmdline/ tests: ${cmdline.description}`,
    // without the main executor the run is not worth doing (the runner then skips everything at once)
    unavailable: rest.unavailable,
    run(test, timeoutMs) {
      const executor = test.cmdline ? cmdline : rest;
      if (executor.unavailable !== undefined) return Promise.resolve({ skip: executor.unavailable });
      return executor.run(test, timeoutMs);
    },
    async close() {
      await Promise.all([cmdline.close(), rest.close()]);
    },
  };
}
