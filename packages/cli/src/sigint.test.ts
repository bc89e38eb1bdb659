import { afterEach, describe, expect, it } from 'vitest';
import { START_AFTER_MS, START_BEFORE_SLEEP_MS, SigintWatch } from './sigint.js';

describe('SigintWatch', () => {
  let watch: SigintWatch | null = null;
  afterEach(() => {
    watch?.stop();
    watch = null;
  });

  it('starts no thread for short programs, nor while no code runs', () => {
    watch = new SigintWatch();
    watch.safePoint();
    watch.beforeSleep(START_BEFORE_SLEEP_MS - 1);
    watch.beforeSleep(10_000); // not armed: no code runs
    expect(watch.watching).toBe(false);
    watch.setInterruptChar(3);
    watch.beforeSleep(START_BEFORE_SLEEP_MS - 1);
    expect(watch.watching).toBe(false);
  });

  it('starts the thread before a long enough sleep, and is watching when start returns', () => {
    watch = new SigintWatch();
    watch.setInterruptChar(3);
    watch.beforeSleep(START_BEFORE_SLEEP_MS);
    expect(watch.watching).toBe(true);
  });

  it('starts the thread at a safe point once code has run long enough', () => {
    watch = new SigintWatch();
    watch.setInterruptChar(3);
    const t = performance.now();
    while (performance.now() - t < START_AFTER_MS + 5) {
      // code running
    }
    watch.safePoint();
    expect(watch.watching).toBe(true);
  });

  it('the VM interrupt word is index 0 of the words the thread raises', () => {
    watch = new SigintWatch();
    expect(watch.interrupt).toBeInstanceOf(Int32Array);
    expect(watch.interrupt[0]).toBe(0);
  });
});
