// SIGINT as KeyboardInterrupt when the VM runs on the main thread (stdin is not a terminal).
//
// The VM blocks the main thread's event loop while Python code runs, so `process.on('SIGINT')` would
// never get to run. A tiny worker thread (no VM, no bundle: it starts in about the time Node takes to
// boot a thread, in parallel with the main thread's own start-up) registers the SIGINT watcher on its
// own event loop instead. libuv's signal handling is process-wide: whichever thread the kernel
// interrupts, the handler wakes every loop that watches the signal, so the worker sees it while the
// main thread is busy, and raises the VM's interrupt word (KeyboardInterrupt at the next backward jump
// or call, or at once in time.sleep, as in MicroPython's unix port).
//
// Node has no public API for signals in a worker (`process.on` there does not receive them), so the
// worker uses the `signal_wrap` binding that `process.on('SIGINT')` itself is built on, through
// `process.binding` (allowed for it; a documentation-only deprecation, its warning turned off inside
// the worker). If the binding is missing, the watcher reports failure and the command behaves as it
// did without it: SIGINT ends the process.
//
// As MicroPython's mp_hal_set_interrupt_char: while code runs (armed) SIGINT raises
// KeyboardInterrupt; otherwise (compiling, between programs) and when a KeyboardInterrupt is still
// pending (the VM is stuck in a blocking system call), the watcher stops watching and sends SIGINT
// again, so the default action ends the process. (MicroPython exits with status 1 in the second case;
// a worker cannot end the process with a status while the main thread is blocked.)
import { Worker } from 'node:worker_threads';

/** Shared words: [0] the VM's interrupt word, [1] armed (1 while code runs), [2] watcher state. */
export const SIGINT_WATCHER_WORDS = 4;
const INTERRUPT = 0;
const ARMED = 1;
const STATE = 2;
const STATE_STARTING = 0;
const STATE_WATCHING = 1;
const STATE_FAILED = -1;

/** How long arming waits for a watcher still starting (a loaded machine), at most. */
const READY_TIMEOUT_MS = 3000;

/**
 * The watcher thread's program (CommonJS; `workerData` is the SharedArrayBuffer of the shared words).
 * Exported so that a bundling app can write it to a file and start the thread before its bundle loads.
 */
export const SIGINT_WATCHER_SOURCE = `'use strict';
(() => {
  const { workerData } = require('node:worker_threads');
  const c = new Int32Array(workerData);
  const state = (v) => { Atomics.store(c, ${STATE}, v); Atomics.notify(c, ${STATE}); };
  let Signal;
  try {
    process.noDeprecation = true;
    Signal = process.binding('signal_wrap').Signal;
  } catch {
    state(${STATE_FAILED});
    return;
  }
  const signum = require('node:os').constants.signals.SIGINT;
  const sig = new Signal();
  sig.onsignal = () => {
    if (Atomics.load(c, ${ARMED}) === 1 && (Atomics.load(c, ${INTERRUPT}) & 1) === 0) {
      Atomics.or(c, ${INTERRUPT}, 1);
      Atomics.notify(c, ${INTERRUPT});
      return;
    }
    sig.close();
    process.kill(process.pid, 'SIGINT');
  };
  if (typeof sig.start !== 'function' || sig.start(signum) !== 0) {
    sig.close();
    state(${STATE_FAILED});
    return;
  }
  state(${STATE_WATCHING});
})();
`;

/** A watcher thread started by the embedder (see SigintWatch.start). */
export interface SigintWatcherThread {
  /** SIGINT_WATCHER_WORDS words over a SharedArrayBuffer, all zero when the thread started. */
  readonly words: Int32Array;
  readonly worker: Worker;
}

/** A running SIGINT watcher; `interrupt` is the word to give the VM's host. */
export class SigintWatch {
  /** The VM host's interrupt word (index 0 of the shared words). */
  readonly interrupt: Int32Array;
  private readonly words: Int32Array;
  private readonly worker: Worker | null;

  private constructor(words: Int32Array, worker: Worker | null) {
    this.words = words;
    this.interrupt = words;
    this.worker = worker;
  }

  /**
   * Starts the watcher thread (it is ready some milliseconds later; arming waits for it), or adopts
   * one already started from SIGINT_WATCHER_SOURCE with `early.words.buffer` as its workerData.
   */
  static start(early?: SigintWatcherThread): SigintWatch {
    if (early !== undefined) return new SigintWatch(early.words, early.worker);
    const words = new Int32Array(new SharedArrayBuffer(SIGINT_WATCHER_WORDS * 4));
    let worker: Worker | null = null;
    try {
      worker = new Worker(SIGINT_WATCHER_SOURCE, { eval: true, workerData: words.buffer, stdout: false, stderr: false });
      worker.unref();
    } catch {
      Atomics.store(words, STATE, STATE_FAILED);
    }
    return new SigintWatch(words, worker);
  }

  /** True once the watcher receives SIGINT (false while starting, or if it could not start). */
  get watching(): boolean {
    return Atomics.load(this.words, STATE) === STATE_WATCHING;
  }

  /**
   * MicroPython's mp_hal_set_interrupt_char: 3 (Ctrl-C) while code runs, -1 otherwise. Arming waits
   * for a watcher still starting, so that a SIGINT sent once the program runs is never lost.
   */
  setInterruptChar(c: number): void {
    if (c >= 0 && Atomics.load(this.words, STATE) === STATE_STARTING) {
      Atomics.wait(this.words, STATE, STATE_STARTING, READY_TIMEOUT_MS);
    }
    Atomics.store(this.words, ARMED, c >= 0 ? 1 : 0);
  }

  /** Stops watching (SIGINT gets its default action again once the thread is gone). */
  stop(): void {
    Atomics.store(this.words, ARMED, 0);
    if (this.worker !== null) void this.worker.terminate();
  }
}
