import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  applyRegexExpectations,
  convertRegexEscapes,
  findUnittestSummary,
  judge,
  normalizeNewlines,
  pythonRegexToJs,
} from '@mpy-ts/test-runner';
import type { JudgeOptions, RawRun } from '@mpy-ts/test-runner';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const ran = (output: string, exitCode: number | null = 0, timedOut = false): RawRun => ({
  output: bytes(output),
  exitCode,
  timedOut,
});
const exact = (expected: string | null): JudgeOptions => ({
  cmdline: false,
  compare: 'exact',
  expected: expected === null ? null : bytes(expected),
});
const regex = (expected: string): JudgeOptions => ({ cmdline: false, compare: 'regex', expected: bytes(expected) });
const cmdline = (expected: string): JudgeOptions => ({ cmdline: true, compare: 'regex', expected: bytes(expected) });

describe('newline normalisation', () => {
  it('turns \\r\\r\\n and then \\r\\n into \\n, keeping lone carriage returns', () => {
    expect(normalizeNewlines('a\r\r\nb\r\nc\rd\n')).toBe('a\nb\nc\rd\n');
    // \r\r\n is replaced first, so three CRs leave one \r\n, which the second pass turns into \n.
    expect(normalizeNewlines('x\r\r\r\n')).toBe('x\n');
  });

  it('applies to the program output but compares the .exp as written (with \\r\\n read as \\n)', () => {
    expect(judge(ran('1\r\n2\r\r\n'), exact('1\n2\n')).status).toBe('pass');
    expect(judge(ran('1\n2\n'), exact('1\r\n2\r\n')).status).toBe('pass');
    expect(judge(ran('1\r2\n'), exact('1\n2\n')).status).toBe('fail');
  });
});

describe('regex pattern lines', () => {
  it('makes ( ) [ ] { } . * + ^ $ literal and unescapes them when backslashed', () => {
    expect(convertRegexEscapes('a.b(c)[d]{e}*+^$')).toBe('a\\.b\\(c\\)\\[d\\]\\{e\\}\\*\\+\\^\\$');
    expect(convertRegexEscapes('\\.\\+ \\(x\\|y\\)')).toBe('.+ (x|y)');
  });

  it('keeps other characters as regex syntax and lets \\\\ escape the next character', () => {
    expect(convertRegexEscapes('\\\\d\\+ a|b ?')).toBe('\\d+ a|b ?');
  });

  it('accepts carriage returns before the final newline', () => {
    expect(convertRegexEscapes('x\n')).toBe('x\\r*\\n');
    expect(convertRegexEscapes('x')).toBe('x');
  });

  it('matches like Python re.match: anchored at the start only', () => {
    const re = pythonRegexToJs(convertRegexEscapes('ab\\.\\*\n'));
    expect(re.test('abc\n')).toBe(true);
    re.lastIndex = 0;
    expect(re.test('xabc\n')).toBe(false);
    const alt = pythonRegexToJs('a|b');
    alt.lastIndex = 0;
    expect(alt.test('zb')).toBe(false);
  });

  // The reference is Python's own `re` on bytes: every pattern/subject pair must agree with it.
  const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('agrees with Python re.match on bytes (python3 as the reference)', () => {
    const cases: [string, string][] = [];
    const patterns = [
      'a.c', 'a.*z', '\\d+', '\\d\\d:\\d\\d', '[a-c]+x', '[]a]+', '[^]a]', 'x$', 'x\\Z', '\\Ax', 'a\\s+b', 'a\\S+b',
      '(?P<n>ab)(?P=n)', 'ab|cd', 'a{2,3}b', 'a{x}', '\\(', 'é+', '\\w+', '(a)?b', 'a\\r*\\n',
    ];
    const subjects = ['abc', 'a\rc', 'a\nc', 'azz', '12:34x', '123', 'bcx', ']a]', 'xa', 'x\n', 'x', 'x\n\n', 'a \t b',
      'a\u00a0b', 'a\u00a0\u00a0b', 'abab', 'cd', 'aab', 'aaaab', 'a{x}', '(', 'é\u00a9', '\u00e9\u00e9', 'b', 'ab',
      'a\r\r\n', 'a\n'];
    for (const p of patterns) for (const s of subjects) cases.push([p, s]);
    const script =
      'import json,re,sys\n' +
      'cases=json.load(sys.stdin)\n' +
      'print(json.dumps([re.match(p.encode("latin1"), s.encode("latin1")) is not None for p,s in cases]))';
    const reference = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(reference.status, reference.stderr).toBe(0);
    const expected = JSON.parse(reference.stdout) as boolean[];
    const actual = cases.map(([p, s]) => {
      const re = pythonRegexToJs(p);
      re.lastIndex = 0;
      return re.test(s);
    });
    const disagreements = cases
      .map(([p, s], i) => (actual[i] === expected[i] ? null : `${p} ~ ${JSON.stringify(s)}: python ${expected[i]}`))
      .filter((d) => d !== null);
    expect(disagreements).toEqual([]);
    expect(expected.filter(Boolean).length).toBeGreaterThan(20);
  });
});

describe('regex comparison', () => {
  it('replaces matching output lines by their pattern lines', () => {
    const exp = 'mem: total=\\\\d\\+\nok\n';
    expect(applyRegexExpectations('mem: total=1234\nok\n', exp)).toBe(exp);
    expect(judge(ran('mem: total=1234\nok\n'), regex(exp)).status).toBe('pass');
    expect(judge(ran('mem: total=12x34\nok\n'), regex(exp)).status).toBe('fail');
  });

  it('treats special characters as literals unless backslashed', () => {
    expect(judge(ran('f(x) = [1]\n'), regex('f(x) = [1]\n')).status).toBe('pass');
    expect(judge(ran('fax) = [1]\n'), regex('f(x) = [1]\n')).status).toBe('fail');
    expect(judge(ran('version 1.2.3 on x\n'), regex('version \\.\\+ on x\n')).status).toBe('pass');
  });

  it('lets ######## match zero or more whole lines', () => {
    const exp = 'start\n########\nend\n';
    expect(judge(ran('start\nend\n'), regex(exp)).status).toBe('pass');
    expect(judge(ran('start\na\nb\nc\nend\n'), regex(exp)).status).toBe('pass');
    expect(applyRegexExpectations('start\na\nb\n', exp)).toBe('start\n######## FAIL\nb\n');
    expect(judge(ran('start\na\nb\n'), regex(exp)).status).toBe('fail');
  });

  it('does not apply to a crashed program, and leaves extra or missing lines to fail', () => {
    expect(judge(ran('x\n', 1), regex('\\.\\*\n')).status).toBe('fail');
    expect(judge(ran('a\nb\n'), regex('\\.\\*\n')).status).toBe('fail');
    expect(judge(ran('a\n'), regex('\\.\\*\n\\.\\*\n')).status).toBe('fail');
  });
});

describe('SKIP, CRASH and TIMEOUT', () => {
  it('skips on output exactly SKIP or SKIP-TOO-LARGE', () => {
    expect(judge(ran('SKIP\n'), exact('anything\n'))).toMatchObject({ status: 'skip', reason: 'SKIP' });
    expect(judge(ran('SKIP\r\n'), exact('x\n'))).toMatchObject({ status: 'skip' });
    expect(judge(ran('SKIP-TOO-LARGE\n'), exact('x\n'))).toMatchObject({ status: 'skip', reason: 'SKIP-TOO-LARGE' });
    expect(judge(ran('a\nSKIP\n'), exact('x\n')).status).toBe('fail');
    expect(judge(ran('SKIP\n', 1), exact('x\n')).status).toBe('fail');
  });

  it('appends CRASH on a non-zero exit and TIMEOUT on a timeout', () => {
    expect(judge(ran('partial\n', 1), exact('partial\nCRASH')).status).toBe('pass');
    expect(judge(ran('partial\n', 1), exact('partial\n'))).toMatchObject({ status: 'fail', reason: 'crashed (non-zero exit)' });
    expect(judge(ran('tick\n', null, true), exact('tick\nTIMEOUT')).status).toBe('pass');
    expect(judge(ran('tick\n', null, true), exact('tick\n'))).toMatchObject({ status: 'fail', reason: 'timed out' });
  });

  it('gives cmdline tests just CRASH on a non-zero exit and skips them on any \\nSKIP\\n', () => {
    expect(judge(ran('lots of output\n', 2), cmdline('CRASH')).status).toBe('pass');
    expect(judge(ran('lots of output\n', 2), cmdline('lots of output\n')).status).toBe('fail');
    expect(judge(ran('banner\nSKIP\nmore\n'), cmdline('x\n')).status).toBe('skip');
    expect(judge(ran('banner\nSKIP\nmore\n'), exact('x\n')).status).toBe('fail');
    expect(judge(ran('v1.9\n'), cmdline('v\\.\\+\n')).status).toBe('pass');
  });
});

describe('unittest summaries', () => {
  const summary = (last: string, ran = 'Ran 3 tests') => `test_a ... ok\n${'-'.repeat(70)}\n${ran}\n\n${last}\n`;

  it('recognises OK, OK (skipped=N) and FAILED (failures=N, errors=M)', () => {
    expect(findUnittestSummary(summary('OK'))).toMatchObject({ ran: 3, ok: true });
    expect(findUnittestSummary(summary('OK (skipped=2)'))).toMatchObject({ ok: true, skipped: 2 });
    expect(findUnittestSummary(summary('FAILED (failures=1, errors=2)'))).toMatchObject({ ok: false, failures: 1, errors: 2 });
  });

  it('ignores near misses', () => {
    expect(findUnittestSummary(summary('OK', 'Ran 3 test'))).toBeNull();
    expect(findUnittestSummary(summary('OK').replace('-'.repeat(70), '-'.repeat(69)))).toBeNull();
    expect(findUnittestSummary(summary('OK') + 'trailing\n')).toBeNull();
    expect(findUnittestSummary(summary('FAILED (failures=1)'))).toBeNull();
  });

  it('decides the verdict whatever the .exp says', () => {
    expect(judge(ran(summary('OK')), exact('unrelated\n')).status).toBe('pass');
    expect(judge(ran(summary('FAILED (failures=1, errors=0)')), exact(summary('FAILED (failures=1, errors=0)'))).status).toBe('fail');
    const unittest: JudgeOptions = { cmdline: false, compare: 'unittest', expected: null };
    expect(judge(ran(summary('OK (skipped=1)')), unittest)).toMatchObject({ status: 'pass', detail: 'unittest: 3 ran, 1 skipped' });
    expect(judge(ran('no summary\n'), unittest).status).toBe('fail');
    expect(judge(ran("Traceback\nImportError: no module named 'unittest'\n", 1), unittest)).toMatchObject({
      status: 'fail',
      reason: 'requires the unittest module',
    });
  });
});

describe('exact comparison', () => {
  it('is byte for byte', () => {
    expect(judge(ran('caf\xc3\xa9\n'), exact('caf\xc3\xa9\n')).status).toBe('pass');
    expect(judge(ran('cafe\n'), exact('cafe \n'))).toMatchObject({ status: 'fail', reason: 'line 1: expected "cafe ", got "cafe"' });
    expect(judge(ran('x'), exact('x\n')).status).toBe('fail');
    expect(judge(ran('x\n'), exact(null))).toMatchObject({ status: 'fail', reason: 'no .exp file' });
  });
});
