// Terminal input passed from the main thread (which owns the tty) to the VM's worker thread, through
// shared memory: a byte ring plus a control word array. The worker blocks in Atomics.wait when there is
// nothing to read, so the VM never busy-waits; the main thread wakes it when bytes arrive, when input
// ends, and when Ctrl-C raises the VM's interrupt word.
//
// control (Int32Array):
//   [0] INTERRUPT  the VM's interrupt word (bit 0 = KeyboardInterrupt), used as the VM host's interrupt
//   [1] WRITTEN    bytes pushed so far (wrapping 32-bit counter)
//   [2] READ       bytes consumed so far (wrapping 32-bit counter)
//   [3] ARMED      the interrupt character while code runs (3 = Ctrl-C), -1 otherwise
//   [4] EOF        1 once input has ended

const INTERRUPT = 0;
const WRITTEN = 1;
const READ = 2;
const ARMED = 3;
const EOF = 4;
const CONTROL_WORDS = 8;

export interface SharedInputBuffers {
  readonly control: SharedArrayBuffer;
  readonly data: SharedArrayBuffer;
}

export function createSharedInput(capacity = 64 * 1024): SharedInputBuffers {
  const control = new SharedArrayBuffer(CONTROL_WORDS * 4);
  new Int32Array(control)[ARMED] = -1;
  return { control, data: new SharedArrayBuffer(capacity) };
}

/** The main thread's side: pushes what the terminal sends. */
export class InputWriter {
  private readonly control: Int32Array;
  private readonly data: Uint8Array;
  /** Bytes that did not fit yet (the worker is busy); pushed again on the next `push` or `retry`. */
  private backlog: number[] = [];

  constructor(buffers: SharedInputBuffers) {
    this.control = new Int32Array(buffers.control);
    this.data = new Uint8Array(buffers.data);
  }

  /** True while code runs with an interrupt character armed. */
  get armed(): boolean {
    return Atomics.load(this.control, ARMED) >= 0;
  }

  /**
   * Queues terminal bytes. While code runs the armed interrupt character is not input: it raises
   * KeyboardInterrupt (MicroPython's mp_hal_set_interrupt_char). Returns how many bytes wait for room.
   */
  push(bytes: Uint8Array): number {
    const c = this.control;
    for (const b of bytes) {
      if (b === Atomics.load(c, ARMED)) this.interrupt();
      else this.backlog.push(b);
    }
    return this.flush();
  }

  /** Moves the backlog into the ring as far as it fits; returns what is still waiting. */
  flush(): number {
    if (this.backlog.length === 0) return 0;
    const c = this.control;
    const cap = this.data.length;
    let w = Atomics.load(c, WRITTEN);
    const free = cap - ((w - Atomics.load(c, READ)) | 0);
    const n = Math.min(free, this.backlog.length);
    for (let i = 0; i < n; i++) {
      this.data[(w >>> 0) % cap] = this.backlog[i];
      w = (w + 1) | 0;
    }
    this.backlog = this.backlog.slice(n);
    if (n > 0) {
      Atomics.store(c, WRITTEN, w);
      Atomics.notify(c, WRITTEN);
    }
    return this.backlog.length;
  }

  /** Raises KeyboardInterrupt in the VM (and wakes it if it is waiting for input or sleeping). */
  interrupt(): void {
    Atomics.or(this.control, INTERRUPT, 1);
    Atomics.notify(this.control, INTERRUPT);
    Atomics.notify(this.control, WRITTEN);
  }

  /** The terminal has no more input. */
  end(): void {
    this.flush();
    Atomics.store(this.control, EOF, 1);
    Atomics.notify(this.control, WRITTEN);
  }
}

/** The worker's side: blocking reads. */
export class InputReader {
  readonly control: Int32Array;
  private readonly data: Uint8Array;

  constructor(buffers: SharedInputBuffers) {
    this.control = new Int32Array(buffers.control);
    this.data = new Uint8Array(buffers.data);
  }

  /** The VM's interrupt word (index 0 of the control array). */
  get interruptWord(): Int32Array {
    return this.control;
  }

  /**
   * Waits for input and returns up to `max` bytes; null once input has ended. With `interruptible`, a
   * raised interrupt flag returns an empty array instead of waiting (the VM then raises KeyboardInterrupt).
   */
  read(max: number, interruptible: boolean): Uint8Array | null {
    const c = this.control;
    const cap = this.data.length;
    for (;;) {
      const w = Atomics.load(c, WRITTEN);
      const r = Atomics.load(c, READ);
      const available = (w - r) | 0;
      if (available > 0) {
        const n = Math.min(max, available);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = this.data[((r + i) >>> 0) % cap];
        Atomics.store(c, READ, (r + n) | 0);
        return out;
      }
      if (Atomics.load(c, EOF) !== 0) return null;
      if (interruptible && (Atomics.load(c, INTERRUPT) & 1) !== 0) return new Uint8Array(0);
      Atomics.wait(c, WRITTEN, w);
    }
  }

  /** Drops everything typed so far (a tty's TCSAFLUSH). */
  flush(): void {
    Atomics.store(this.control, READ, Atomics.load(this.control, WRITTEN));
  }

  /** Arms (3) or disarms (-1) the interrupt character. */
  setInterruptChar(c: number): void {
    Atomics.store(this.control, ARMED, c);
  }
}
