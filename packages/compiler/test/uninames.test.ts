// `\N{...}` escapes and the Unicode name table: fixed cases, and (when python3 is available) every code
// point's name and every name's lookup against CPython's unicodedata, and error texts against CPython.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CompileError, Lexer, lookupUnicodeName, unicodeName } from '@mpy-ts/compiler';

function literal(src: string): unknown {
  const lex = new Lexer(src, 't.py');
  lex.next();
  return lex.value;
}

function error(src: string): string {
  try {
    const lex = new Lexer(src, 't.py');
    for (;;) {
      lex.next();
      if (lex.type === 0) return 'no error';
    }
  } catch (e) {
    if (e instanceof CompileError) return `${e.kind}: ${e.msg}`;
    throw e;
  }
}

const python = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' }).stdout?.trim() === 'True';

describe('\\N{name} escapes', () => {
  it('decodes table names, case-insensitively', () => {
    expect(literal('"\\N{LATIN SMALL LETTER A}"')).toBe('a');
    expect(literal('"x\\N{latin capital letter e with acute}y"')).toBe('x\u00c9y');
    expect(literal('"\\N{GRINNING FACE}"')).toBe('\u{1f600}');
    expect(literal('"\\N{CJK COMPATIBILITY IDEOGRAPH-F900}\\N{cjk compatibility ideograph-2f800}"')).toBe('\uf900\u{2f800}');
    expect(literal('"\\N{SPACE}\\N{TILDE}"')).toBe(' ~');
  });

  it('decodes name aliases', () => {
    expect(literal('"\\N{NBSP}\\N{BYTE ORDER MARK}\\N{LATIN CAPITAL LETTER GHA}\\N{null}\\N{VS256}"')).toBe('\xa0\ufeff\u01a2\0\u{e01ef}');
  });

  it('computes ideograph and Hangul names as CPython does (case-sensitively)', () => {
    expect(literal('"\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{CJK UNIFIED IDEOGRAPH-04E01}\\N{CJK UNIFIED IDEOGRAPH-3134A}"')).toBe('\u4e00\u4e01\u{3134a}');
    expect(literal('"\\N{HANGUL SYLLABLE GAG}\\N{HANGUL SYLLABLE A}\\N{HANGUL SYLLABLE GGAGG}\\N{HANGUL SYLLABLE HIH}"')).toBe('\uac01\uc544\uae4e\ud7a3');
    for (const bad of ['CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-004E00', 'CJK UNIFIED IDEOGRAPH-4DC0',
      'hangul syllable gag', 'HANGUL SYLLABLE gag', 'HANGUL SYLLABLE ', 'HANGUL SYLLABLE GX']) {
      expect(lookupUnicodeName(bad), bad).toBeUndefined();
    }
  });

  it('rejects named sequences, near misses and non-ASCII case variants', () => {
    for (const bad of ['KEYCAP NUMBER SIGN', 'LATIN SMALL LETTER A ', ' LATIN SMALL LETTER A', 'LATIN SMALL LETTER', 'latın small letter a', 'TANGUT IDEOGRAPH-17000']) {
      expect(lookupUnicodeName(bad), bad).toBeUndefined();
    }
  });

  it('leaves \\N alone in bytes and raw strings', () => {
    expect(literal('b"\\N{FOO}"')).toBe('\\N{FOO}');
    expect(literal('r"\\N{FOO}"')).toBe('\\N{FOO}');
  });

  it('does not take the braces of \\N{} in an f-string for a field', () => {
    const lex = new Lexer('f"<\\N{BULLET}{x}>"', 't.py');
    lex.next();
    expect(lex.value).toEqual({ parts: ['<\u2022', expect.objectContaining({}), '>'] });
  });

  it('raises CPython\'s unicode errors with CPython\'s positions', () => {
    const prefix = "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position";
    expect(error('"\\N{FOO}"')).toBe(`${prefix} 0-6: unknown Unicode character name`);
    expect(error('"\u00e9\\N{FOO}"')).toBe(`${prefix} 10-16: unknown Unicode character name`);
    expect(error('"\\\u00e9\\N{FOO}"')).toBe(`${prefix} 16-22: unknown Unicode character name`);
    expect(error('"x\\\\\\N{FOO}"')).toBe(`${prefix} 3-9: unknown Unicode character name`);
    expect(error('f"{x}ab\\N{FOO}"')).toBe(`${prefix} 2-8: unknown Unicode character name`);
    expect(error('f"a{{b\\N{FOO}"')).toBe(`${prefix} 1-7: unknown Unicode character name`);
    expect(error('"\\N"')).toBe(`${prefix} 0-1: malformed \\N character escape`);
    expect(error('"\\N{"')).toBe(`${prefix} 0-2: malformed \\N character escape`);
    expect(error('"\\N{}"')).toBe(`${prefix} 0-2: malformed \\N character escape`);
    expect(error('"\\N{LATIN SMALL LETTER A"')).toBe(`${prefix} 0-22: malformed \\N character escape`);
    expect(error('"\\N{it\'s}"')).toBe(`${prefix} 0-7: unknown Unicode character name`);
    expect(error('"\\N{abc\n')).toBe('SyntaxError: unterminated string literal');
  });

  it('names code points (unicodedata.name)', () => {
    expect(unicodeName(0x41)).toBe('LATIN CAPITAL LETTER A');
    expect(unicodeName(0x4e00)).toBe('CJK UNIFIED IDEOGRAPH-4E00');
    expect(unicodeName(0xac01)).toBe('HANGUL SYLLABLE GAG');
    expect(unicodeName(0xf900)).toBe('CJK COMPATIBILITY IDEOGRAPH-F900');
    expect(unicodeName(0x0)).toBeUndefined();
    expect(unicodeName(0x378)).toBeUndefined();
  });
});

describe.skipIf(!python)('\\N{name} against CPython', () => {
  it('names every code point as unicodedata.name, and looks every name up to its code point', () => {
    const out = spawnSync('python3', ['-c', `
import unicodedata, sys
for cp in range(0x110000):
    n = unicodedata.name(chr(cp), '')
    if n: sys.stdout.write('%x %s\\n' % (cp, n))
`], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(130000);
    const named = new Set<number>();
    for (const line of lines) {
      const sp = line.indexOf(' ');
      const cp = parseInt(line.slice(0, sp), 16);
      const name = line.slice(sp + 1);
      named.add(cp);
      if (unicodeName(cp) !== name) expect([cp, unicodeName(cp)]).toEqual([cp, name]);
      if (lookupUnicodeName(name) !== cp) expect([name, lookupUnicodeName(name)]).toEqual([name, cp]);
    }
    for (let cp = 0; cp < 0x110000; cp++) if (!named.has(cp) && unicodeName(cp) !== undefined) expect([cp, unicodeName(cp)]).toEqual([cp, undefined]);
  }, 60000);

  it('gives the same results and errors as CPython on assorted escapes', () => {
    const names = ['NBSP', 'nbsp', 'LINE FEED (LF)', 'LINE FEED', 'EOL', 'KEYCAP NUMBER SIGN', 'HANGUL SYLLABLE GAGG', 'HANGUL SYLLABLE GGG',
      'hangul SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-2EBE0', 'CJK UNIFIED IDEOGRAPH-2EBE1', 'CJK UNIFIED IDEOGRAPH-9FFF', 'BEL', 'ALERT',
      'Greek Small Letter Alpha', 'LATIN SMALL LETTER SHARP S', 'LATIN SMALL LETTER DOTLESS I', 'ZERO WIDTH NO-BREAK SPACE', 'FVS1', 'VS1'];
    const sources = [...names.map((n) => `"\\N{${n}}"`), '"\u20ac\u20ac\\N{FOO}"', 'f"{x:ab\\N{FOO}}"', '"""a\nb\\N{FOO}"""', '"a\\\nb\\N{FOO}"', '"\\Nx"', '"a\\N{ x}b"'];
    const py = spawnSync('python3', ['-c', `
import sys, json
for src in json.loads(sys.stdin.read()):
    try: print(json.dumps(eval(src, {'x': 1}), ensure_ascii=False))
    except SyntaxError as e: print('SyntaxError: ' + e.msg)
`], { input: JSON.stringify(sources), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } }).stdout.trimEnd().split('\n');
    const ours = sources.map((src) => {
      const e = error(src);
      if (e !== 'no error') return e;
      const v = literal(src);
      return JSON.stringify(typeof v === 'string' ? v : '<f-string>');
    });
    expect(ours).toEqual(py);
  });
});
