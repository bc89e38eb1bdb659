// Random bytes typed at the REPL over the real VM (both profiles): control keys, escape sequences, broken
// UTF-8, raw and paste mode switches and fragments of Python, in seeded random chunks. Whatever arrives,
// feed() never throws, the session either goes on or ends as MicroPython's would (Ctrl-D / SystemExit
// on unix), and afterwards the REPL still evaluates what is typed.
import { MemoryHost, createVM } from '@mpy-ts/core-vm';
import { describe, expect, it } from 'vitest';
import { Repl } from '../repl.js';
import type { ReplProfile } from '../repl.js';
import { createVmEvaluator } from './index.js';

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// no loops among the fragments: random programs must end
const FRAGMENTS = ['1+', '2', 'print(', ')', '"', "'''", ':', 'def f():', 'if 1:', 'else:', 'x=', '[', ']', '{', 'lambda', 'import ', 'sys',
  'ujson', '.', '(', '*', '**', '\\', '#', 'raise ', 'ValueError', 'SystemExit', 'None', 'yield', 'return', 'async ', '0x', '1e', 'j',
  '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[3~', '\x1b[H', '\x1b[1;5D', '\x1bb', '\x1bf', '\x1b\x7f', '\x1b[', '\x1bO', '\x05A\x01',
  '\x01', '\x02', '\x03', '\x04', '\x05', '\x0b', '\x0e', '\x10', '\x15', '\x17', '\r', '\n', '\r\n', '\x7f', '\x08', '\t', '    ',
  '\xff', '\xc3\xa9', '\xe2\x82', '\xf0\x9f\x98\x80', '\x00'];

function session(profile: ReplProfile, seed: number) {
  let out = '';
  const sink = (bytes: Uint8Array) => {
    out += Buffer.from(bytes).toString('latin1');
  };
  const host = new MemoryHost({ stdout: sink, stderr: sink, virtualClock: true, seed });
  let vm = createVM({ host });
  let exited = false;
  const repl = new Repl({
    evaluator: createVmEvaluator(vm),
    write: sink,
    profile,
    banner: '',
    onExit: () => {
      exited = true;
    },
    softReset: () => {
      vm = createVM({ host });
    },
  });
  repl.start();
  return {
    repl,
    get exited() {
      return exited;
    },
    take(): string {
      const s = out;
      out = '';
      return s;
    },
  };
}

describe('random bytes at the REPL', { timeout: 60_000 }, () => {
  it.each([
    ['board', 1],
    ['board', 2],
    ['unix', 3],
    ['unix', 4],
  ] as const)('%s profile, seed %i: 1500 random chunks never throw out of feed()', (profile, seed) => {
    const r = rng(seed);
    let s = session(profile, seed);
    let sessions = 1;
    const modes: Record<string, number> = {};
    for (let i = 0; i < 1500; i++) {
      modes[s.repl.mode] = (modes[s.repl.mode] ?? 0) + 1;
      let chunk = '';
      const n = 1 + Math.floor(r() * 6);
      for (let k = 0; k < n; k++) {
        chunk += r() < 0.75 ? FRAGMENTS[Math.floor(r() * FRAGMENTS.length)] : String.fromCharCode(Math.floor(r() * 256));
      }
      expect(() => s.repl.feed(Buffer.from(chunk, 'latin1'))).not.toThrow();
      s.take();
      if (s.repl.mode === 'exited') {
        // unix: Ctrl-D on an empty line or SystemExit ends the session, as MicroPython's does
        expect(profile).toBe('unix');
        expect(s.exited).toBe(true);
        s = session(profile, seed + i);
        sessions++;
      }
    }
    // back to a clean friendly prompt: leave raw/paste mode (Ctrl-C, Ctrl-B, Ctrl-C), then evaluate
    s.repl.feed(Buffer.from('\x03\x04\x02\x03', 'latin1'));
    if (s.repl.mode === 'exited') s = session(profile, seed);
    s.repl.feed(Buffer.from('\x03\x02\x03', 'latin1'));
    s.take();
    expect(s.repl.mode).toBe('friendly');
    s.repl.feed(Buffer.from('print(6 * 7)\r', 'latin1'));
    expect(s.take()).toContain('42');
    expect(sessions).toBeGreaterThan(0);
    // the chunks reach the friendly prompt, raw mode and paste mode, not one mode all along
    if (process.env.REPL_FUZZ_DEBUG) console.log(profile, seed, sessions, modes);
    expect(modes.friendly).toBeGreaterThan(100);
  });
});
