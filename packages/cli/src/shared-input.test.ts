// The shared input ring between the thread owning the terminal and the VM's thread.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { InputReader, InputWriter, createSharedInput } from './shared-input.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('latin1'));

describe('shared input', () => {
  it('passes bytes in order, across the end of the ring, and keeps what does not fit', () => {
    const buffers = createSharedInput(8);
    const w = new InputWriter(buffers);
    const r = new InputReader(buffers);
    expect(w.push(bytes('abcdef'))).toBe(0);
    expect(text(r.read(4, false))).toBe('abcd');
    // 2 bytes in the ring, 6 free: 2 of these 8 must wait
    expect(w.push(bytes('ghijklmn'))).toBe(2);
    expect(text(r.read(100, false))).toBe('efghijkl');
    expect(w.flush()).toBe(0);
    expect(text(r.read(100, false))).toBe('mn');
  });

  it('the armed interrupt character raises the interrupt word instead of being input', () => {
    const buffers = createSharedInput();
    const w = new InputWriter(buffers);
    const r = new InputReader(buffers);
    w.push(bytes('a\x03b'));
    expect(text(r.read(10, false))).toBe('a\x03b');
    r.setInterruptChar(3);
    expect(w.armed).toBe(true);
    w.push(bytes('c\x03d'));
    expect(r.interruptWord[0] & 1).toBe(1);
    // a program read returns nothing at once while the flag is up (the VM then raises KeyboardInterrupt)
    expect(text(r.read(10, false))).toBe('cd');
    expect(r.read(10, true)).toEqual(new Uint8Array(0));
  });

  it('flush drops typed-ahead input; end of input reads as null', () => {
    const buffers = createSharedInput();
    const w = new InputWriter(buffers);
    const r = new InputReader(buffers);
    w.push(bytes('typed ahead'));
    r.flush();
    w.push(bytes('x'));
    w.end();
    expect(text(r.read(10, false))).toBe('x');
    expect(r.read(10, false)).toBeNull();
  });

  it('a blocked reader wakes when another thread pushes', async () => {
    const buffers = createSharedInput();
    const r = new InputReader(buffers);
    // the writer's side, by hand, in another thread: store a byte, bump WRITTEN, notify
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const c = new Int32Array(workerData.control); const d = new Uint8Array(workerData.data);
       setTimeout(() => { d[0] = 0x7a; Atomics.store(c, 1, 1); Atomics.notify(c, 1); }, 100);`,
      { eval: true, workerData: buffers },
    );
    expect(text(r.read(10, false))).toBe('z');
    await worker.terminate();
  });
});
