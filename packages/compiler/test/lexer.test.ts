// The lexer: unit tests of indentation and MicroPython-specific rules, and a comparison against CPython's
// tokenize module (token kinds, positions and source text) and literal values (Python's eval of each
// literal) when python3 is available.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConstComplex, ConstFloat, constRepr } from '@mpy-ts/bytecode';
import { CompileError, Lexer, tokenText } from '@mpy-ts/compiler';
import { fuzzPrograms } from './fuzz-gen.js';

interface Tok {
  kind: string;
  line: number;
  col: number;
  text: string;
  value: unknown;
}

const kinds: Record<string, string> = {
  NAME: 'NAME', INT: 'NUMBER', FLOAT: 'NUMBER', IMAG: 'NUMBER', STRING: 'STRING', BYTES: 'STRING', FSTRING: 'STRING',
  NEWLINE: 'NEWLINE', INDENT: 'INDENT', DEDENT: 'DEDENT', EOF: 'ENDMARKER',
};

function tokens(src: string): Tok[] {
  const lex = new Lexer(src, 't.py');
  const out: Tok[] = [];
  for (;;) {
    lex.next();
    const name = tokenText[lex.type];
    const kind = kinds[name] ?? (/^[a-zA-Z]/.test(name) ? 'NAME' : 'OP');
    out.push({ kind, line: lex.tokLine, col: lex.tokCol, text: src.slice(lex.start, lex.tokEnd), value: lex.value });
    if (lex.type === 0) return out;
  }
}

describe('lexer', () => {
  it('produces INDENT/DEDENT around blocks and skips blank and comment lines', () => {
    const src = 'if a:\n\tb\n\n    # c\n        # d\n\tif e:\n\t\tf\ng\n';
    expect(tokens(src).map((t) => t.kind)).toEqual([
      'NAME', 'NAME', 'OP', 'NEWLINE', 'INDENT', 'NAME', 'NEWLINE', 'NAME', 'NAME', 'OP', 'NEWLINE', 'INDENT', 'NAME', 'NEWLINE',
      'DEDENT', 'DEDENT', 'NAME', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('ignores newlines and indentation inside brackets', () => {
    expect(tokens('x = (1,\n        2,\n  3)\n').map((t) => t.kind)).toEqual([
      'NAME', 'OP', 'OP', 'NUMBER', 'OP', 'NUMBER', 'OP', 'NUMBER', 'OP', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('adds a NEWLINE at end of input without one, then closes blocks', () => {
    expect(tokens('if a:\n  b').map((t) => t.kind)).toEqual(['NAME', 'NAME', 'OP', 'NEWLINE', 'INDENT', 'NAME', 'NEWLINE', 'DEDENT', 'ENDMARKER']);
  });

  it('decodes numbers', () => {
    const v = (s: string) => tokens(s)[0].value;
    expect(v('0')).toBe(0);
    expect(v('00')).toBe(0);
    expect(v('1_000_000')).toBe(1000000);
    expect(v('0xdead_BEEF')).toBe(0xdeadbeef);
    expect(v('0o777')).toBe(0o777);
    expect(v('0b1010')).toBe(10);
    expect(v('0x_f')).toBe(15);
    expect(v('9007199254740991')).toBe(9007199254740991);
    expect(v('9007199254740992')).toBe(9007199254740992n);
    expect(v('0xffffffffffffffffffff')).toBe(0xffffffffffffffffffffn);
    expect(v('1.5')).toBe(1.5);
    expect(v('1e3')).toBe(1000);
    expect(v('.5e-1')).toBe(0.05);
    expect(v('1_0.0_1')).toBe(10.01);
    expect(v('3j')).toBe(3);
  });

  it('rejects malformed numbers', () => {
    for (const bad of ['1__0', '1_', '0x', '0b2', '0o8', '01', '1and', '1if', '0x1g', '1.e', '1e']) {
      expect(() => tokens(bad), bad).toThrow(CompileError);
    }
  });

  it('decodes escapes', () => {
    const v = (s: string) => tokens(s)[0].value;
    expect(v(String.raw`'\x41\101\u0042\U0001F600\n\t\\\'\"\a\b\f\v\r\0'`)).toBe('AAB\u{1f600}\n\t\\\'"\x07\b\f\v\r\0');
    expect(v(String.raw`'\q'`)).toBe('\\q');
    expect(v("'a\\\nb'")).toBe('ab');
    expect(v(String.raw`r'\n\''`)).toBe("\\n\\'");
    expect(v(String.raw`b'\x41\u0042'`)).toBe('A\\u0042');
  });

  it('keeps line numbers through continuations and triple-quoted strings', () => {
    const t = tokens('a = """x\ny"""\nb = 1 + \\\n  2\nc\n');
    expect(t.filter((x) => x.kind === 'NAME').map((x) => [x.text, x.line, x.col])).toEqual([['a', 1, 0], ['b', 3, 0], ['c', 5, 0]]);
  });
});

const python = spawnSync('python3', ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)']);

describe.skipIf(python.status !== 0)('lexer against CPython tokenize', () => {
  const sources = [
    'if a:\n\tb = 1\n\n    # c\n\tif e:\n\t\tf()\n\t\tg()\nh\n',
    "x = [1,\n  2]  # comment\ny = 'a' \"b\" r'\\d' b'x' f'{x}'\n",
    'a @= b ** -c // d >> e << f != g <= h >= i == j -> k := l ... m\n',
    'def f(*, a, **k): pass\nclass C: pass\n',
    ...fuzzPrograms(100, 3000),
  ];
  const script = `import tokenize, io, json, sys
out = []
for src in json.load(sys.stdin):
    toks = []
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        name = tokenize.tok_name[t.type]
        if name in ('NL', 'COMMENT'): continue
        toks.append([name, t.start[0], t.start[1], t.string])
    out.append(toks)
print(json.dumps(out))`;
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  const expected = r.status === 0 ? (JSON.parse(r.stdout) as [string, number, number, string][][]) : [];

  it.each(sources.map((s, i) => [i, s]))('source %i', (i, src) => {
    const ours = tokens(src);
    const theirs = expected[i];
    expect(ours.map((t) => t.kind)).toEqual(theirs.map((t) => t[0]));
    // positions and text of every real token (INDENT/DEDENT/NEWLINE positions differ by convention)
    const real = (k: string) => !['INDENT', 'DEDENT', 'NEWLINE', 'ENDMARKER'].includes(k);
    expect(ours.filter((t) => real(t.kind)).map((t) => [t.line, t.col, t.text])).toEqual(theirs.filter((t) => real(t[0])).map((t) => [t[1], t[2], t[3]]));
  });

  it('decodes every literal as Python evaluates it', () => {
    const literals = [
      "'plain'", '"dq"', "'''tri\nple'''", "'\\x41\\101\\u00e9\\U0001F600'", "'\\q\\N'".replace('\\N', ''), "r'\\n\\''", "b'\\x00\\xff\\n'",
      "'\\\nx'", '0', '42', '0xFFFF_FFFF_FFFF', '0o17', '0b1', '123456789012345678901234567890', '1.5', '1e-7', '1e22', '.5',
      '1_0.5e1_0', '2j', '1.5J', '0.1', '1e400', '5e-324',
    ];
    const r2 = spawnSync('python3', ['-c', 'import json, sys\nprint(json.dumps([repr(eval(s)) for s in json.load(sys.stdin)]))'], {
      input: JSON.stringify(literals),
      encoding: 'utf8',
    });
    const reprs = JSON.parse(r2.stdout) as string[];
    literals.forEach((lit, i) => {
      const t = tokens(lit)[0];
      let ours: string;
      if (t.kind === 'NUMBER') {
        const v = t.value as number | bigint;
        ours = /[jJ]$/.test(lit) ? constRepr(new ConstComplex(0, v as number)) : /[.eE]/.test(lit) && !/^0[xob]/i.test(lit) ? constRepr(new ConstFloat(v as number)) : String(v);
      } else if (/^b/.test(lit)) {
        ours = constRepr(Uint8Array.from(t.value as string, (c) => c.charCodeAt(0)));
      } else {
        ours = constRepr(t.value as string);
      }
      expect(ours, lit).toBe(reprs[i]);
    });
  });
});
