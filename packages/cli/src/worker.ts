// The worker side of a terminal session: the VM runs here, with a bigger stack than the main thread's
// and without blocking the thread that owns the tty (which forwards keys and Ctrl-C).
import type { RunOptions } from './args.js';
import { createTerminalConsole } from './console.js';
import { runSession } from './session.js';
import type { SharedInputBuffers } from './shared-input.js';

/** What the main thread passes in `workerData` (plain data: structured-clone safe). */
export interface WorkerSessionData {
  /** Marks the data as ours (an embedder's worker script can check it). */
  readonly mpyTsCli: 1;
  readonly commandLine: RunOptions;
  readonly input: SharedInputBuffers;
  readonly argv0: string;
  readonly platform: string;
  readonly completeBuiltins: boolean;
}

export function isWorkerSessionData(data: unknown): data is WorkerSessionData {
  return typeof data === 'object' && data !== null && (data as { mpyTsCli?: unknown }).mpyTsCli === 1;
}

/** Runs the session; returns the exit status (the caller posts it to the main thread). */
export function runWorkerSession(data: WorkerSessionData): number {
  return runSession({
    commandLine: data.commandLine,
    console: createTerminalConsole(data.input),
    // the worker shares the process environment (SHARE_ENV): MICROPYINSPECT set by the program is seen
    getenv: (name) => process.env[name],
    argv0: data.argv0,
    platform: data.platform,
    completeBuiltins: data.completeBuiltins,
  });
}
