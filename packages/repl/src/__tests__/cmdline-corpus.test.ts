// Cross-check against real MicroPython output: MicroPython's cmdline/repl_*.py tests whose Python is
// simple enough for the fake evaluator are typed into a unix-profile REPL the way MicroPython's
// run-tests.py does it through a pseudo-terminal (one line at a time, `{\xNN}` = control character,
// LF read as CR by the unix HAL, typeahead lost around execution), and the echo is compared with the
// test's .exp as ../shared/conformance/README.md says. Skips cleanly when the corpus is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBanner } from '../repl.js';
import { session } from './fake.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/conformance/cmdline');
const present = existsSync(corpus);

/** The .exp line-pattern syntax of run-tests.py: `( ) [ ] { } . * + ^ $` literal unless escaped. */
function linePattern(line: string): RegExp {
  let out = '';
  let escape = false;
  for (const c of line) {
    if (escape) {
      escape = false;
      out += c;
    } else if (c === '\\') {
      escape = true;
    } else if ('()[]{}.*+^$'.includes(c)) {
      out += '\\' + c;
    } else if ('?|'.includes(c)) {
      out += c;
    } else {
      out += c.replace(/[/]/g, '\\/');
    }
  }
  return new RegExp('^' + out.replace(/\n$/, '\r*\n'));
}

function normaliseAgainst(output: string, exp: string): string {
  const expLines = exp.split(/(?<=\n)/);
  // run-tests.py splits the output on \n and gives every line (the last one too) a \n
  const outLines = output.split('\n').map((l) => l + '\n');
  if (output.endsWith('\n')) outLines.pop();
  for (let i = 0; i < expLines.length && i < outLines.length; i++) {
    if (linePattern(expLines[i]).test(outLines[i])) outLines[i] = expLines[i];
  }
  return outLines.join('');
}

function runLikeRunTests(name: string): { output: string; exp: string } {
  const s = session({
    profile: 'unix',
    flushInputOnExecute: true,
    banner: makeBanner('MicroPython v1.9.4 on 2018-05-11', 'linux [mpy-ts] version'),
  });
  let output = '';
  s.repl.start();
  output += s.take();
  const text = readFileSync(join(corpus, `${name}.py`), 'latin1');
  for (const line of text.split(/(?<=\n)/)) {
    const bytes = line.replace(/\{\\x(\d\d)\}/g, (_m: string, d: string) => String.fromCharCode(Number(d)));
    // the unix HAL reads LF as CR
    output += s.type(bytes.replace(/\n/g, '\r'));
  }
  s.type('\x04');
  // a tty with ONLCR turns \n into \r\n; run-tests.py then folds \r\r\n and \r\n into \n
  const folded = output.replace(/\r?\n/g, '\r\n').replace(/\r\r\n/g, '\n').replace(/\r\n/g, '\n');
  return { output: folded, exp: readFileSync(join(corpus, `${name}.py.exp`), 'latin1') };
}

describe.skipIf(!present)('MicroPython cmdline REPL transcripts (fake evaluator)', () => {
  it.each(['repl_basic', 'repl_emacs_keys', 'repl_words_move'])('%s', (name) => {
    const { output, exp } = runLikeRunTests(name);
    expect(normaliseAgainst(output, exp)).toBe(exp);
  });
});
