// Whether the friendly REPL needs another line before it can compile what was typed.
// Corresponds to `mp_repl_continue_with_input` in MicroPython's py/repl.c.

const COMPOUND_KEYWORDS = ['if', 'while', 'for', 'try', 'with', 'def', 'class', 'async'];

function isIdentChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
}

/** `input` starts with the word `head`, not merely with those letters (`if1 = 2` does not start with `if`). */
function startsWithWord(input: string, head: string): boolean {
  return input.startsWith(head) && (input.length === head.length || !isIdentChar(input[head.length]));
}

const Q_NONE = 0;
const Q_1_SINGLE = 1;
const Q_1_DOUBLE = 2;
const Q_3_SINGLE = 3;
const Q_3_DOUBLE = 4;

/**
 * True when `input` (the lines typed so far, joined by `\n`) is unfinished:
 * - a bracket is still open (outside a one-line string), or a triple-quoted string is open;
 * - the last character is a backslash;
 * - the input starts with `@` or a compound-statement keyword and the last line is not empty.
 * This is a quick lexical check, not a parse: MicroPython uses exactly these rules, so does this.
 */
export function continueWithInput(input: string): boolean {
  if (input.length === 0) return false;

  const compound = input[0] === '@' || COMPOUND_KEYWORDS.some((kw) => startsWithWord(input, kw));

  let paren = 0;
  let brack = 0;
  let brace = 0;
  let quote = Q_NONE;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "'") {
      if ((quote === Q_NONE || quote === Q_3_SINGLE) && input[i + 1] === "'" && input[i + 2] === "'") {
        i += 2;
        quote = Q_3_SINGLE - quote;
      } else if (quote === Q_NONE || quote === Q_1_SINGLE) {
        quote = Q_1_SINGLE - quote;
      }
    } else if (ch === '"') {
      if ((quote === Q_NONE || quote === Q_3_DOUBLE) && input[i + 1] === '"' && input[i + 2] === '"') {
        i += 2;
        quote = Q_3_DOUBLE - quote;
      } else if (quote === Q_NONE || quote === Q_1_DOUBLE) {
        quote = Q_1_DOUBLE - quote;
      }
    } else if (ch === '\\' && (input[i + 1] === "'" || input[i + 1] === '"' || input[i + 1] === '\\')) {
      // an escaped quote or backslash inside a string does not end it
      if (quote !== Q_NONE) i++;
    } else if (quote === Q_NONE) {
      switch (ch) {
        case '(': paren++; break;
        case ')': paren--; break;
        case '[': brack++; break;
        case ']': brack--; break;
        case '{': brace++; break;
        case '}': brace--; break;
        default: break;
      }
    }
  }

  if (quote === Q_3_SINGLE || quote === Q_3_DOUBLE) return true;
  if ((paren > 0 || brack > 0 || brace > 0) && quote === Q_NONE) return true;
  const last = input[input.length - 1];
  if (last === '\\') return true;
  if (compound && last !== '\n') return true;
  return false;
}
