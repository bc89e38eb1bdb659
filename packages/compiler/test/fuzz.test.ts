// Parser fuzz and round-trip: random valid programs from a small grammar generator must compile (and
// verify); their ASTs, printed back to source by `unparse`, must re-parse to the same AST. When python3 is
// available, CPython must accept every generated program too (so the generator only makes valid Python).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verify } from '@mpy-ts/bytecode';
import { CompileError, compile, parse, unparse } from '@mpy-ts/compiler';
import { fuzzPrograms } from './fuzz-gen.js';

/** Drop positions and presentation-only fields so ASTs compare by structure. */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node instanceof Uint8Array || node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'line' || k === 'col' || k === 'parenthesized') continue;
    out[k] = strip(v);
  }
  // keep class instances comparable (ConstFloat etc.)
  return Object.getPrototypeOf(node) === Object.prototype ? out : node;
}

const programs = fuzzPrograms(Number(process.env.FUZZ_COUNT ?? 400), Number(process.env.FUZZ_SEED ?? 1000));

describe('parser fuzz', () => {
  it.each(programs.map((p, i) => [i, p]))('program %i compiles and round-trips', (_i, src) => {
    if (process.env.FUZZ_DEBUG) {
      try {
        compile(src, { filename: 'fuzz.py' });
        const p1 = unparse(parse(src, { fold: false }));
        compile(p1);
        const j = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
        const a1 = j(strip(parse(p1, { fold: false })));
        const a0 = j(strip(parse(src, { fold: false })));
        if (a1 !== a0) {
          let k = 0;
          while (a1[k] === a0[k]) k++;
          throw new Error(`round trip differs at\n${a0.slice(k - 150, k + 100)}\n${a1.slice(k - 150, k + 100)}`);
        }
      } catch (e) {
        console.log(`--- program ${_i}\n${src}\n${(e as Error).message}`);
      }
    }
    const code = compile(src, { filename: 'fuzz.py' });
    verify(code);
    const ast = parse(src, { fold: false });
    const printed = unparse(ast);
    const again = parse(printed, { fold: false });
    expect(strip(again)).toEqual(strip(ast));
    expect(unparse(again)).toBe(printed);
    // the printed form compiles too
    verify(compile(printed, { filename: 'fuzz.py' }));
  });

  const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('CPython accepts every generated program', () => {
    const script = `import sys, json
progs = json.load(sys.stdin)
bad = []
for i, p in enumerate(progs):
    try:
        compile(p, 'fuzz.py', 'exec')
    except SyntaxError as e:
        bad.append((i, str(e)))
print(json.dumps(bad))`;
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(programs), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  // mutated programs: whatever the input, compile() either succeeds (and the code verifies) or throws a
  // CompileError; never another JavaScript error
  const mutants: string[] = [];
  {
    let seed = Number(process.env.MUTANT_SEED ?? 99);
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const junk = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '\n', '    ', '\t', '"', "'", 'f"{', '\\', '#', '*', '**', '@', 'lambda', 'yield', 'await', 'async', 'return', 'break', 'class', 'def', 'if', 'else', ':=', '.', '...', '0x', '1e', 'j', '\u00e9', '\0'];
    for (const p of programs.slice(0, Number(process.env.MUTANT_PROGRAMS ?? 150))) {
      for (let k = 0; k < Number(process.env.MUTANTS_EACH ?? 4); k++) {
        let t = p;
        const n = 1 + rnd(3);
        for (let m = 0; m < n; m++) {
          const at = rnd(t.length + 1);
          if (rnd(2)) t = t.slice(0, at) + junk[rnd(junk.length)] + t.slice(at);
          else t = t.slice(0, at) + t.slice(at + 1 + rnd(8));
        }
        mutants.push(t);
      }
    }
  }
  it('mutated programs compile or raise CompileError', () => {
    let errors = 0;
    for (const src of mutants) {
      for (const mode of ['exec', 'single', 'eval'] as const) {
        try {
          verify(compile(src, { filename: 'm.py', mode }));
        } catch (e) {
          if (!(e instanceof CompileError)) throw new Error(`${(e as Error).stack}\n--- source (${mode}):\n${src}`);
          errors++;
        }
      }
    }
    expect(errors).toBeGreaterThan(0);
  });

  // random text: bytes decoded as Latin-1 or UTF-8 (with replacement characters), stray surrogates,
  // control characters and Python punctuation; compile() succeeds or throws a CompileError, nothing else
  it('random text compiles or raises CompileError', () => {
    let seed = Number(process.env.RANDOM_TEXT_SEED ?? 7);
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const punct = '()[]{}:;,.=+-*/%@&|^~<>!\\\'"#\n\r\t \f\v\0\x1b_abcxyzjJeE0123456789';
    let errors = 0;
    for (let i = 0; i < 1500; i++) {
      const n = 1 + rnd(40);
      let src = '';
      const style = rnd(4);
      const bytes = new Uint8Array(n);
      for (let k = 0; k < n; k++) bytes[k] = rnd(256);
      if (style === 0) src = Buffer.from(bytes).toString('latin1');
      else if (style === 1) src = Buffer.from(bytes).toString('utf8');
      else if (style === 2) for (let k = 0; k < n; k++) src += punct[rnd(punct.length)];
      else for (let k = 0; k < n; k++) src += rnd(8) === 0 ? String.fromCharCode(0xd800 + rnd(0x800)) : punct[rnd(punct.length)];
      for (const mode of ['exec', 'single', 'eval'] as const) {
        try {
          verify(compile(src, { filename: 'r.py', mode }));
        } catch (e) {
          if (!(e instanceof CompileError)) throw new Error(`${(e as Error).stack}\n--- source (${mode}): ${JSON.stringify(src)}`);
          errors++;
        }
      }
    }
    expect(errors).toBeGreaterThan(1000);
  });
});
