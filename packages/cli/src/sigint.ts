// SIGINT as KeyboardInterrupt when the VM runs on the main thread (stdin is not a terminal).
//
// The VM blocks the main thread's event loop while Python code runs, so `process.on('SIGINT')` would
// never get to run. A tiny worker thread (no VM in it) registers the SIGINT watcher on its own event loop
// instead. libuv's signal handling is process-wide: whichever thread the kernel interrupts, the handler
// wakes every loop that watches the signal, so the worker sees SIGINT while the main thread is busy and
// raises the VM's interrupt word (KeyboardInterrupt at the next backward jump or call, or at once in
// time.sleep, as in MicroPython's unix port).
//
// Node has no public API for signals in a worker (`process.on` there does not receive them), so the
// worker uses the `signal_wrap` binding that `process.on('SIGINT')` itself is built on, through
// `process.binding` (allowed for it; a documentation-only deprecation, its warning turned off inside
// the worker). If the binding is missing, the watcher reports failure and SIGINT ends the process.
//
// A worker thread costs about 50 ms of CPU and 35 ms to boot, about a third of the whole start-up, so it
// starts lazily: when the program has run for a while (the VM's periodic safe point, after START_AFTER_MS)
// or before it sleeps; starting waits until the thread watches. Short programs (`-c pass`, most
// tests) never pay for it; a SIGINT in a program's first START_AFTER_MS ends the process by the signal.
//
// As MicroPython's mp_hal_set_interrupt_char: while code runs (armed) SIGINT raises
// KeyboardInterrupt; otherwise (compiling, between programs) and when a KeyboardInterrupt is still
// pending (the VM is stuck in a blocking system call), the watcher stops watching and sends SIGINT
// again, so the default action ends the process. (MicroPython exits with status 1 in the second case;
// a worker cannot end the process with a status while the main thread is blocked.)
import { Worker } from 'node:worker_threads';

/** Shared words: [0] the VM's interrupt word, [1] armed (1 while code runs), [2] watcher state. */
const WORDS = 4;
const INTERRUPT = 0;
const ARMED = 1;
const STATE = 2;
const STATE_STARTING = 0;
const STATE_WATCHING = 1;
const STATE_FAILED = -1;

/** Code that has run this long (ms since the watch was made) gets the watcher at its next safe point. */
export const START_AFTER_MS = 50;
/** A sleep at least this long starts the watcher first. */
export const START_BEFORE_SLEEP_MS = 20;
/** How long starting waits for the thread at most (a loaded machine). */
const READY_TIMEOUT_MS = 10_000;

/** The watcher thread's program (CommonJS; `workerData` is the SharedArrayBuffer of the shared words). */
const WATCHER_SOURCE = `'use strict';
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

/** SIGINT delivery for a VM on the main thread; `interrupt` is the word to give the VM's host. */
export class SigintWatch {
  /** The VM host's interrupt word (index 0 of the shared words). */
  readonly interrupt: Int32Array;
  private readonly words: Int32Array;
  private readonly t0 = performance.now();
  private worker: Worker | null = null;
  private started = false;

  constructor() {
    this.words = new Int32Array(new SharedArrayBuffer(WORDS * 4));
    this.interrupt = this.words;
  }

  /** True once the watcher thread receives SIGINT. */
  get watching(): boolean {
    return Atomics.load(this.words, STATE) === STATE_WATCHING;
  }

  /** Starts the watcher thread if it is not running yet, and waits until it watches (or failed). */
  start(): void {
    if (this.started) return;
    this.started = true;
    try {
      this.worker = new Worker(WATCHER_SOURCE, { eval: true, workerData: this.words.buffer, stdout: false, stderr: false });
      this.worker.unref();
    } catch {
      Atomics.store(this.words, STATE, STATE_FAILED);
      return;
    }
    Atomics.wait(this.words, STATE, STATE_STARTING, READY_TIMEOUT_MS);
  }

  /** The VM's periodic safe point: code that has run for a while gets the watcher. */
  safePoint(): void {
    if (!this.started && Atomics.load(this.words, ARMED) === 1 && performance.now() - this.t0 >= START_AFTER_MS) this.start();
  }

  /** Before the VM sleeps `ms` milliseconds while code runs. */
  beforeSleep(ms: number): void {
    if (!this.started && ms >= START_BEFORE_SLEEP_MS && Atomics.load(this.words, ARMED) === 1) this.start();
  }

  /** MicroPython's mp_hal_set_interrupt_char: 3 (Ctrl-C) while code runs, -1 otherwise. */
  setInterruptChar(c: number): void {
    Atomics.store(this.words, ARMED, c >= 0 ? 1 : 0);
  }

  /** Stops watching (SIGINT gets its default action again once the thread is gone). */
  stop(): void {
    Atomics.store(this.words, ARMED, 0);
    if (this.worker !== null) void this.worker.terminate();
  }
}
