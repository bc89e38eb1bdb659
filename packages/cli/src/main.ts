// The `micropython` command: parse the command line, then run the session on this thread when stdin is
// not a terminal (fast start-up for tools that drive `micropython` as a subprocess; a small watcher
// thread delivers SIGINT as KeyboardInterrupt), or in a worker
// thread when it is (the main thread keeps the tty in raw mode, forwards keys, and turns Ctrl-C into
// KeyboardInterrupt while code runs).
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { INVALID_ARGUMENTS, parseCommandLine, usage, versionLine } from './args.js';
import type { RunOptions } from './args.js';
import { createInlineConsole } from './console.js';
import { runSession } from './session.js';
import { InputWriter, createSharedInput } from './shared-input.js';
import { SigintWatch } from './sigint.js';
import type { WorkerSessionData } from './worker.js';

export interface MicropythonOptions {
  /** The command name used in messages and `-h` (default `micropython`). */
  readonly argv0?: string;
  /**
   * The worker script for terminal sessions (default: this package's worker entry). It must call
   * `runWorkerSession(workerData)` and post `{ status }` to its parent.
   */
  readonly workerUrl?: string | URL;
  /** Offer builtins in REPL tab completion (default false: `__main__` globals only, as MicroPython). */
  readonly completeBuiltins?: boolean;
  /** Force the terminal (worker) or inline mode; default: terminal when stdin is a tty. */
  readonly terminal?: boolean;
}

/** sys.platform as the unix port reports it. */
export function hostPlatform(): string {
  return process.platform;
}

/** Runs `micropython <args>`; resolves to the exit status (0..255). Writes to file descriptors 1 and 2. */
export async function micropython(args: readonly string[], options: MicropythonOptions = {}): Promise<number> {
  const argv0 = options.argv0 ?? 'micropython';
  const cl = parseCommandLine(args);
  switch (cl.action) {
    case 'help':
      writeText(1, usage(argv0));
      return 0;
    case 'version':
      writeText(1, versionLine(hostPlatform()) + '\n');
      return 0;
    case 'invalid':
      writeText(2, INVALID_ARGUMENTS);
      return 1;
    case 'run':
      break;
  }
  const terminal = options.terminal ?? isatty(0);
  if (!terminal) {
    // the VM runs on this thread: a watcher thread turns SIGINT into KeyboardInterrupt (./sigint.ts)
    const watch = new SigintWatch();
    try {
      return runSession({
        commandLine: cl,
        console: createInlineConsole({ sigint: watch }),
        getenv: (name) => process.env[name],
        argv0,
        platform: hostPlatform(),
        completeBuiltins: options.completeBuiltins,
      });
    } finally {
      watch.stop();
    }
  }
  return runInWorker(cl, argv0, options);
}

function runInWorker(cl: RunOptions, argv0: string, options: MicropythonOptions): Promise<number> {
  const input = createSharedInput();
  const writer = new InputWriter(input);
  const data: WorkerSessionData = {
    mpyTsCli: 1,
    commandLine: cl,
    input,
    argv0,
    platform: hostPlatform(),
    completeBuiltins: options.completeBuiltins ?? false,
  };
  const workerUrl = options.workerUrl ?? new URL('./worker-entry.js', import.meta.url);
  const stdin = process.stdin;
  const raw = stdin.isTTY;
  if (raw) stdin.setRawMode(true);

  return new Promise<number>((resolve) => {
    let status: number | null = null;
    let retry: NodeJS.Timeout | undefined;
    const pushLater = () => {
      // the worker is busy and the ring is full: try again shortly
      if (retry === undefined) {
        retry = setTimeout(() => {
          retry = undefined;
          if (writer.flush() > 0) pushLater();
        }, 5);
      }
    };
    const onData = (chunk: Buffer) => {
      if (writer.push(chunk) > 0) pushLater();
    };
    const onEnd = () => writer.end();
    // SIGINT does not come from the keyboard in raw mode, but `kill -INT` may send it
    const onSigint = () => {
      if (writer.armed) writer.interrupt();
      else finish(130);
    };
    const finish = (code: number) => {
      clearTimeout(retry);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      process.off('SIGINT', onSigint);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      void worker.terminate();
      resolve(code);
    };

    const worker = new Worker(workerUrl, { workerData: data, env: SHARE_ENV, stdout: false, stderr: false });
    worker.on('message', (m: { status?: unknown }) => {
      if (typeof m.status === 'number') status = m.status;
    });
    worker.on('error', (e: Error) => {
      writeText(2, `${argv0}: internal error: ${e.message}\n`);
      status = 1;
    });
    worker.on('exit', () => finish(status ?? 1));
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    process.on('SIGINT', onSigint);
  });
}

function writeText(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off);
}
