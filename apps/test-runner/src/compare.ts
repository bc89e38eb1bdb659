// How a test's output is judged, exactly as ../shared/conformance/README.md ("How the output is compared")
// and MicroPython's tests/run-tests.py describe it.
//
// All text here is a "byte string": a JavaScript string holding one byte per char (latin1). Outputs are
// compared byte for byte, and regular expressions see bytes, as Python's `re` does on `bytes` patterns.

/** How a test's output is compared with its `.exp` file (the manifest's `compare` column). */
export type CompareMode = 'exact' | 'regex' | 'unittest';

/** The raw result of running one test program. */
export interface RawRun {
  /** stdout and stderr as one stream, in order, as bytes. */
  output: Uint8Array;
  /** Exit status; `null` when the process was killed (which only happens on a timeout). */
  exitCode: number | null;
  timedOut: boolean;
}

export type Verdict =
  | { status: 'pass'; detail?: string; output: string }
  | { status: 'skip'; reason: string; output: string }
  | { status: 'fail'; reason: string; output: string; expected?: string };

export interface JudgeOptions {
  /** `cmdline/` tests: a non-zero exit gives just `CRASH`, any `\nSKIP\n` skips, and the regex rules apply. */
  cmdline: boolean;
  compare: CompareMode;
  /** The `.exp` file's bytes, or `null` when there is none (only allowed for `compare = unittest`). */
  expected: Uint8Array | null;
}

export function bytesToString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Step 1: `\r\r\n` then `\r\n` become `\n`. */
export function normalizeNewlines(output: string): string {
  return output.replaceAll('\r\r\n', '\n').replaceAll('\r\n', '\n');
}

const PATTERN_SPECIALS = '()[]{}.*+^$';

/**
 * Step 4, per `.exp` line: `( ) [ ] { } . * + ^ $` are literal unless preceded by a backslash (then they are
 * operators and the backslash is dropped); every other character keeps its regex meaning, and a backslash
 * always escapes the next character (`\\d` gives `\d`). A final `\n` also accepts carriage returns before it.
 * Returns Python regex syntax (run-tests.py's `convert_regex_escapes`).
 */
export function convertRegexEscapes(line: string): string {
  const out: string[] = [];
  let escape = false;
  for (const c of line) {
    if (escape) {
      escape = false;
      out.push(c);
    } else if (c === '\\') {
      escape = true;
    } else if (PATTERN_SPECIALS.includes(c)) {
      out.push('\\' + c);
    } else {
      out.push(c);
    }
  }
  if (out.length > 0 && out[out.length - 1] === '\n') out[out.length - 1] = '\\r*\\n';
  return out.join('');
}

/**
 * Translates a Python `bytes` regex into a JavaScript RegExp over byte strings that behaves like Python's
 * `re.match` (anchored at the start, not at the end). Handles the places where the two dialects differ for
 * byte patterns: `.` (Python's matches `\r`), `$` (Python's also matches before a final `\n`), `\A` `\Z`,
 * `\s` (Python's is ASCII-only), named groups `(?P<n>...)` / `(?P=n)`.
 */
export function pythonRegexToJs(pattern: string): RegExp {
  let js = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (!inClass && next === 'A') js += '^';
      else if (!inClass && next === 'Z') js += '$';
      else if (next === 's') js += inClass ? ' \\t\\n\\r\\f\\v' : '[ \\t\\n\\r\\f\\v]';
      else if (!inClass && next === 'S') js += '[^ \\t\\n\\r\\f\\v]';
      else js += '\\' + next;
    } else if (inClass) {
      if (c === ']') inClass = false;
      js += c;
    } else if (c === '[') {
      inClass = true;
      js += c;
      // A `]` (or `^]`) right after the opening bracket is a literal in Python.
      if (pattern[i + 1] === '^') js += pattern[++i];
      if (pattern[i + 1] === ']') {
        js += '\\]';
        i++;
      }
    } else if (c === '.') {
      js += '[^\\n]';
    } else if (c === '$') {
      js += '(?=\\n?$)';
    } else if (c === '(' && pattern.startsWith('(?P<', i)) {
      js += '(?<';
      i += 3;
    } else if (c === '(' && pattern.startsWith('(?P=', i)) {
      const end = pattern.indexOf(')', i);
      js += `\\k<${pattern.slice(i + 4, end)}>`;
      i = end;
    } else {
      js += c;
    }
  }
  // Sticky: every alternative is anchored at index 0, like re.match. A pattern JavaScript cannot compile
  // (run-tests.py would stop with an error) matches nothing, so the line is compared literally.
  try {
    return new RegExp(js, 'y');
  } catch {
    return /(?!)/y;
  }
}

/** Python's `re.match(pattern, subject)` for a translated pattern. */
function matchesAtStart(re: RegExp, subject: string): boolean {
  re.lastIndex = 0;
  return re.test(subject);
}

const WILDCARD = '########\n';

/** Splits keeping the line ends, like Python's `bytes.readlines()`. */
function readlines(text: string): string[] {
  const lines = text.split('\n').map((l) => l + '\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1);
  return text === '' ? [] : lines;
}

/**
 * Step 4: each output line that matches its `.exp` pattern line is replaced by the pattern line; a
 * `########` line matches zero or more whole lines. The caller then compares the result with the `.exp`.
 */
export function applyRegexExpectations(output: string, expected: string): string {
  const exp = readlines(expected).map((line) =>
    line === WILDCARD ? { line, re: null } : { line, re: pythonRegexToJs(convertRegexEscapes(line)) },
  );
  // Output lines, each with a `\n` (run-tests.py drops the empty line after a final newline).
  const out = output.split('\n').map((l) => l + '\n');
  if (output.endsWith('\n')) out.pop();
  let o = 0;
  for (let i = 0; i < exp.length; i++) {
    if (exp[i].re === null) {
      const next = exp[i + 1]?.re;
      if (next === undefined || next === null) {
        // A trailing (or doubled) wildcard: run-tests.py would crash; we let it swallow the rest.
        out.splice(o, out.length - o, WILDCARD);
        o = out.length;
        break;
      }
      let skip = 0;
      while (o + skip < out.length && !matchesAtStart(next, out[o + skip])) skip++;
      if (o + skip >= out.length) {
        out[o] = '######## FAIL\n';
        break;
      }
      out.splice(o, skip, WILDCARD);
      o++;
    } else {
      if (matchesAtStart(exp[i].re!, out[o])) out[o] = exp[i].line;
      o++;
    }
    if (o >= out.length) break;
  }
  return out.join('');
}

/** Python's `bytes.splitlines()`: splits at `\n`, `\r\n` and `\r`, no trailing empty line. */
function splitlines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface UnittestSummary {
  ran: number;
  ok: boolean;
  skipped: number;
  failures: number;
  errors: number;
}

/**
 * Step 5: a unittest summary at the end of the output: a line of 70 `-`, `Ran N tests`, an empty line,
 * then `OK`, `OK (skipped=N)` or `FAILED (failures=N, errors=M)`.
 */
export function findUnittestSummary(output: string): UnittestSummary | null {
  const lines = splitlines(output);
  const n = lines.length;
  if (n <= 4 || lines[n - 4] !== '-'.repeat(70) || lines[n - 2] !== '') return null;
  const ran = /^Ran (\d+) tests$/.exec(lines[n - 3]);
  const result = /^(?:OK(?: \(skipped=(\d+)\))?|FAILED \(failures=(\d+), errors=(\d+)\))$/.exec(lines[n - 1]);
  if (!ran || !result) return null;
  return {
    ran: Number(ran[1]),
    ok: lines[n - 1].startsWith('OK'),
    skipped: Number(result[1] ?? 0),
    failures: Number(result[2] ?? 0),
    errors: Number(result[3] ?? 0),
  };
}

/** Judges one run of one test: the whole of the README's steps 1-6. */
export function judge(run: RawRun, options: JudgeOptions): Verdict {
  let output = bytesToString(run.output);
  let crashed = false;
  if (run.timedOut) {
    output += 'TIMEOUT';
    crashed = true;
  } else if (run.exitCode !== 0) {
    // cmdline/ tests: if the program exits non-zero the output is just CRASH.
    if (options.cmdline) output = 'CRASH';
    else output += 'CRASH';
    crashed = !options.cmdline;
  }
  output = normalizeNewlines(output);

  if (output === 'SKIP\n') return { status: 'skip', reason: 'SKIP', output };
  if (output === 'SKIP-TOO-LARGE\n') return { status: 'skip', reason: 'SKIP-TOO-LARGE', output };
  if (options.cmdline && !crashed && output !== 'CRASH' && output.includes('\nSKIP\n')) {
    return { status: 'skip', reason: 'SKIP', output };
  }

  const expected = options.expected === null ? null : bytesToString(options.expected).replaceAll('\r\n', '\n');
  if (!crashed && output !== 'CRASH' && (options.cmdline || options.compare === 'regex')) {
    if (expected === null) return { status: 'fail', reason: 'no .exp file for a regex comparison', output };
    output = applyRegexExpectations(output, expected);
  }

  if (/^ImportError: no module named 'unittest'$/m.test(splitlines(output).slice(-3).join('\n'))) {
    return { status: 'fail', reason: 'requires the unittest module', output };
  }
  const summary = findUnittestSummary(output);
  if (summary) {
    const detail = `unittest: ${summary.ran} ran`;
    return summary.ok
      ? { status: 'pass', detail: summary.skipped ? `${detail}, ${summary.skipped} skipped` : detail, output }
      : { status: 'fail', reason: `${detail}, ${summary.failures} failures, ${summary.errors} errors`, output };
  }
  if (options.compare === 'unittest') {
    return { status: 'fail', reason: failureReason(output, 'no unittest summary at the end of the output'), output };
  }
  if (expected === null) return { status: 'fail', reason: 'no .exp file', output };
  if (output === expected) return { status: 'pass', output };
  return { status: 'fail', reason: failureReason(output, firstDifference(output, expected)), output, expected };
}

function failureReason(output: string, otherwise: string): string {
  if (output.endsWith('TIMEOUT')) return 'timed out';
  if (output.endsWith('CRASH')) return 'crashed (non-zero exit)';
  return otherwise;
}

/** A one-line description of where two outputs first differ. */
export function firstDifference(output: string, expected: string): string {
  const a = output.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined) => (s === undefined ? '<end of output>' : JSON.stringify(clip(s)));
      return `line ${i + 1}: expected ${show(b[i])}, got ${show(a[i])}`;
    }
  }
  return 'outputs differ';
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}
