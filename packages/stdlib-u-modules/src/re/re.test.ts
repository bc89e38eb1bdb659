import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODE_FULLMATCH,
  MODE_MATCH,
  MODE_SEARCH,
  RegexStackOverflowError,
  RegexStepLimitError,
  RegexSyntaxError,
  RegexTooComplexError,
  TemplateIndexError,
  codePoints,
  compileRegex,
  eachMatch,
  eachMatchCPython,
  expandTemplate,
  fromCodePoints,
  parseTemplate,
  type Regex,
} from '../index.js';

interface OracleCase {
  p: string;
  f: number;
  s?: string;
  error?: string;
  match?: number[][] | null;
  search?: number[][] | null;
  fullmatch?: number[][] | null;
}

const oracle = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/re-cpython.json'), 'utf8')) as { cases: OracleCase[] };

function re(p: string, flags = 0, limits = false): Regex {
  return compileRegex(codePoints(p), { flags, micropythonLimits: limits });
}

function spans(caps: Int32Array | null): number[][] | null {
  if (caps === null) return null;
  const out: number[][] = [];
  for (let i = 0; i < caps.length; i += 2) out.push([caps[i], caps[i + 1]]);
  return out;
}

describe('ure engine against CPython re (generated table)', () => {
  const ok = oracle.cases.filter((c) => c.error === undefined);
  const bad = oracle.cases.filter((c) => c.error !== undefined);
  it.each(ok.map((c) => [c.p, c.f, c.s ?? '', c] as const))('%j flags=%i on %j', (p, f, s, c) => {
    const rx = re(p, f);
    const input = codePoints(s);
    expect(spans(rx.exec(input, 0, input.length, MODE_MATCH))).toEqual(c.match);
    expect(spans(rx.exec(input, 0, input.length, MODE_SEARCH))).toEqual(c.search);
    expect(spans(rx.exec(input, 0, input.length, MODE_FULLMATCH))).toEqual(c.fullmatch);
  }, 30_000); // a few table patterns backtrack heavily (seconds on a loaded machine)
  it.each(bad.map((c) => [c.p, c.error!] as const))('%j is an error: %s', (p, msg) => {
    let err: unknown;
    try {
      re(p);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegexSyntaxError);
    expect((err as Error).message).toBe(msg);
  });
  it('the table is substantial', () => {
    expect(ok.length).toBeGreaterThan(1000);
  });
});

describe('bytes patterns', () => {
  it('match bytes with ASCII classes', () => {
    const rx = compileRegex(Uint8Array.from([0x5c, 0x77, 0x2b]), { str: false }); // rb"\w+"
    const input = Uint8Array.from([0xe9, 0x61, 0x62, 0x20]);
    expect(spans(rx.exec(input))).toEqual([[1, 3]]);
  });
  it('\\u is not an escape in bytes patterns', () => {
    expect(() => compileRegex(codePoints('\\u0041'), { str: false })).toThrow('bad escape \\u');
  });
});

describe('MicroPython compile limits (extmod/re_limit.py)', () => {
  const tooComplex = [
    '[' + 'a'.repeat(256) + ']',
    '(a)'.repeat(256),
    '(' + 'a'.repeat(62) + ')?',
    '(' + 'a'.repeat(60) + '.)*',
    '(' + 'a'.repeat(60) + '..)*',
    '(' + 'a'.repeat(62) + ')+',
    'b'.repeat(63) + '|a',
  ];
  it.each(tooComplex)('refuses %s', (p) => {
    expect(() => compileRegex(codePoints(p))).toThrow(RegexTooComplexError);
    expect(() => compileRegex(codePoints(p), { micropythonLimits: false })).not.toThrow();
  });
  it('accepts patterns just inside the limits', () => {
    expect(() => compileRegex(codePoints('[' + 'a'.repeat(127) + ']'))).not.toThrow();
    expect(() => compileRegex(codePoints('(a)'.repeat(63)))).not.toThrow();
    expect(() => compileRegex(codePoints('(' + 'a'.repeat(61) + ')?'))).not.toThrow();
    expect(() => compileRegex(codePoints('b'.repeat(62) + '|a'))).not.toThrow();
  });
});

describe('bounded backtracking', () => {
  it('an empty-matching loop overflows the backtrack stack (extmod/re_stack_overflow.py)', () => {
    const rx = re('(a*)*');
    expect(() => rx.exec(codePoints('aaa'), 0, 3, MODE_MATCH)).toThrow(RegexStackOverflowError);
    expect(() => re('(a*)+b').exec(codePoints('aab'))).toThrow(RegexStackOverflowError);
  });
  it('long subjects match with simple repeats without growing the stack', () => {
    const rx = re('.*b');
    const s = codePoints('a'.repeat(200000) + 'b');
    expect(spans(rx.exec(s))).toEqual([[0, 200001]]);
  });
  it('calls the tick callback and can be interrupted from it', () => {
    const rx = re('(a|aa)+c');
    const s = codePoints('a'.repeat(40));
    let ticks = 0;
    expect(() =>
      rx.exec(s, 0, s.length, MODE_SEARCH, {
        tickInterval: 1000,
        onTick: () => {
          if (++ticks === 5) throw new Error('KeyboardInterrupt');
        },
      }),
    ).toThrow('KeyboardInterrupt');
    expect(ticks).toBe(5);
  });
  it('honours a step budget', () => {
    const rx = re('(a|aa)+c');
    const s = codePoints('a'.repeat(40));
    expect(() => rx.exec(s, 0, s.length, MODE_SEARCH, { maxSteps: 100000 })).toThrow(RegexStepLimitError);
  });
});

describe('pos and endpos', () => {
  it('^ only matches at the real start, as in CPython', () => {
    const rx = re('^b');
    const s = codePoints('ab');
    expect(rx.exec(s, 1)).toBeNull();
    expect(spans(re('b').exec(s, 1))).toEqual([[1, 2]]);
  });
  it('endpos truncates the subject', () => {
    const rx = re('c$');
    const s = codePoints('abcd');
    expect(spans(rx.exec(s, 0, 3))).toEqual([[2, 3]]);
    expect(rx.exec(s, 0, 2)).toBeNull();
    expect(rx.exec(s, 3, 2)).toBeNull();
  });
});

function mpSplit(p: string, s: string, max = 0): string[] {
  const rx = re(p);
  const input = codePoints(s);
  const out: string[] = [];
  let last = 0;
  eachMatch(rx, input, max, (caps) => {
    out.push(fromCodePoints(input, last, caps[0]));
    last = caps[1];
  });
  out.push(fromCodePoints(input, last));
  return out;
}

function mpSub(p: string, repl: string, s: string, count = 0): string {
  const rx = re(p);
  const input = codePoints(s);
  const parts = parseTemplate(codePoints(repl), rx);
  const out: number[] = [];
  let last = 0;
  eachMatch(rx, input, count, (caps) => {
    for (let i = last; i < caps[0]; i++) out.push(input[i]);
    expandTemplate(parts, input, caps, out);
    last = caps[1];
  });
  for (let i = last; i < input.length; i++) out.push(input[i]);
  return fromCodePoints(out);
}

describe("MicroPython's split and sub iteration (extmod/re_split*.py, re_sub*.py)", () => {
  it('splits', () => {
    expect(mpSplit(' ', 'a b c foobar')).toEqual(['a', 'b', 'c', 'foobar']);
    expect(mpSplit(' +', 'a b    c   foobar', 1)).toEqual(['a', 'b    c   foobar']);
    expect(mpSplit(' +', 'a b    c   foobar', 2)).toEqual(['a', 'b', 'c   foobar']);
    expect(mpSplit('[a-f]+', '0a3b9')).toEqual(['0', '3', '9']);
    expect(mpSplit('^ab', 'abababcabab')).toEqual(['', 'ababcabab']);
    expect(mpSplit('^ab|cab', 'abababcabab')).toEqual(['', 'abab', 'ab']);
  });
  it('stops at the first empty match', () => {
    expect(mpSplit(' *', 'a b    c   foobar')).toEqual(['a b    c   foobar']);
    expect(mpSplit('x*', 'foo')).toEqual(['foo']);
    expect(mpSplit('x*', 'axbc')).toEqual(['axbc']);
  });
  it('substitutes with templates', () => {
    expect(mpSub('(calzino) (blu|bianco|verde) e (scarpa) (blu|bianco|verde)', '\\g<1> colore \\2 con \\g<3> colore \\4? ...', 'calzino blu e scarpa verde')).toBe(
      'calzino colore blu con scarpa colore verde? ...',
    );
    expect(mpSub('(abc)', '\\g<1>\\g<1>', 'abc')).toBe('abcabc');
    expect(mpSub('a', 'b', '1a2a3a', 2)).toBe('1b2b3a');
    expect(mpSub('b', '\\\\b', 'abc')).toBe('a\\bc');
    expect(mpSub('^ab', '*', 'abababcabab')).toBe('*ababcabab');
    expect(mpSub('^ab|cab', '*', 'abababcabab')).toBe('*abab*ab');
    expect(mpSub('(a)(b)?', '\\2-\\1', '1a2')).toBe('1-a2');
    expect(mpSub('(?P<x>a)', '[\\g<x>]\\n', 'a')).toBe('[a]\n');
  });
  it('rejects bad templates like CPython', () => {
    const rx = re('(a)');
    expect(() => parseTemplate(codePoints('b\\2'), rx)).toThrow('invalid group reference 2');
    expect(() => parseTemplate(codePoints('b\\199999999999999999999999999999999999999'), rx)).toThrow(RegexSyntaxError);
    expect(() => parseTemplate(codePoints('\\g<nope>'), rx)).toThrow(TemplateIndexError);
    expect(() => parseTemplate(codePoints('\\q'), rx)).toThrow('bad escape \\q');
    expect(parseTemplate(codePoints('\\-'), rx)).toEqual([{ literal: [0x5c, 0x2d] }]);
  });
});

describe('CPython finditer iteration', () => {
  function findall(p: string, s: string): string[] {
    const rx = re(p);
    const input = codePoints(s);
    const out: string[] = [];
    eachMatchCPython(rx, input, 0, input.length, (caps) => {
      out.push(fromCodePoints(input, caps[0], caps[1]));
    });
    return out;
  }
  // Expected values from CPython 3.11: re.findall(p, s)
  it('follows the 3.7+ empty-match rule', () => {
    expect(findall('x*', 'abxd')).toEqual(['', '', 'x', '', '']);
    expect(findall('|a', 'a')).toEqual(['', 'a', '']);
    expect(findall('\\d+', 'a1b22c333')).toEqual(['1', '22', '333']);
  });
});
