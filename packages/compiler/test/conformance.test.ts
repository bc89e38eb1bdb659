// Every .py file of the shared conformance corpus compiles and verifies, except those whose expected
// output is an uncaught SyntaxError (those must raise it). Programs that compile bad code at run time
// through exec()/eval()/compile() are themselves valid and must compile.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize, verify } from '@mpy-ts/bytecode';
import { CompileError, compile } from '@mpy-ts/compiler';

function findCorpus(): string | null {
  let dir = import.meta.dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      const c = join(dir, '..', 'shared', 'conformance');
      return existsSync(c) ? c : null;
    }
    dir = dirname(dir);
  }
  return null;
}

function listPy(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listPy(p, out);
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** The expected output shows the program itself failing to compile (an uncaught SyntaxError). */
function expectsSyntaxError(file: string): boolean {
  const exp = file + '.exp';
  if (!existsSync(exp)) return false;
  const text = readFileSync(exp, 'utf8');
  // cmdline tests: a program that fails to compile makes the command exit non-zero
  if (/cmdline[\\/]/.test(file) && text === 'CRASH' && readFileSync(file, 'utf8').includes('compile-only')) return true;
  return /^Traceback[^\n]*\n( {2}File[^\n]*\n)*(SyntaxError|IndentationError)\b/m.test(text) && !text.includes('<stdin>');
}

const corpus = findCorpus();
// cmdline/repl_*.py are keystrokes typed into the REPL, not programs.
const files = corpus ? listPy(corpus).filter((f) => !/cmdline[\\/]repl_/.test(f)) : [];

describe.skipIf(!corpus)('conformance corpus', () => {
  it('has files', () => {
    expect(files.length).toBeGreaterThan(500);
  });
  const failures: string[] = [];
  it.each(files.map((f) => [relative(corpus!, f), f]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    if (expectsSyntaxError(file)) {
      expect(() => compile(source, { filename: file })).toThrow(CompileError);
      return;
    }
    let code;
    try {
      code = compile(source, { filename: file });
    } catch (e) {
      failures.push(`${_name}: ${(e as Error).message}`);
      throw e;
    }
    verify(code);
    // the compiled form round-trips through the file format
    expect(deserialize(serialize(code))).toEqual(code);
  });
});
