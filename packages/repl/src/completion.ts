// Tab completion of a dotted name. Corresponds to `mp_repl_autocomplete` in MicroPython's py/repl.c
// (v1.28 behaviour: module names after `import `, `_names` hidden when nothing has been typed yet).

/** What the interpreter knows about names; implemented by the evaluator. */
export interface CompletionSource {
  /**
   * The attribute names of the object reached from the `__main__` module by `path`
   * (`[]` = the names a bare word can complete to; `['os']` = attributes of the global `os`), or
   * `null` when some step of the path does not exist. Order does not matter.
   */
  names(path: readonly string[]): readonly string[] | null;
  /** Names of the built-in modules, offered after `import `. */
  moduleNames?(): readonly string[];
}

export type Completion =
  | { readonly kind: 'none' }
  /** Text to insert at the cursor (one match, or the longest prefix several matches share). */
  | { readonly kind: 'insert'; readonly text: string }
  /** Several matches with nothing more in common: show them all. */
  | { readonly kind: 'list'; readonly words: readonly string[] };

const IMPORT = 'import ';
const NONE: Completion = { kind: 'none' };

function isChainChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;
}

/**
 * Completes the end of `text` (the current line up to the cursor). The word being completed is the
 * longest run of letters, digits, `_` and `.` before the cursor; every dotted part but the last must
 * name an existing object.
 */
export function autocomplete(text: string, source: CompletionSource): Completion {
  let start = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (!isChainChar(text.charCodeAt(i))) {
      start = i + 1;
      break;
    }
  }
  const parts = text.slice(start).split('.');
  const word = parts.pop() ?? '';
  const wordStart = text.length - word.length;
  if (parts.some((p) => p.length === 0)) return NONE;

  let candidates: readonly string[] | null;
  if (text.length >= IMPORT.length && text.startsWith(IMPORT)) {
    // after `import `, offer built-in modules (the dotted path, if any, must still resolve)
    if (parts.length > 0 && source.names(parts) === null) return NONE;
    candidates = source.moduleNames?.() ?? [];
  } else {
    candidates = source.names(parts);
    if (candidates === null) return NONE;
  }

  const matches = [...new Set(candidates)]
    .filter((name) => name.startsWith(word) && !(word.length === 0 && name.startsWith('_')))
    .sort(compareNames);

  if (matches.length === 0) {
    // nothing better: the first word of a line completes towards `import `
    if (wordStart === 0 && word.length > 0 && word.length < IMPORT.length && IMPORT.startsWith(word)) {
      return { kind: 'insert', text: IMPORT.slice(word.length) };
    }
    return NONE;
  }

  let common = matches[0].length;
  for (let m = 1; m < matches.length; m++) {
    const other = matches[m];
    let j = word.length;
    while (j < common && j < other.length && matches[0][j] === other[j]) j++;
    common = j;
  }
  if (matches.length === 1 || common > word.length) {
    const text = matches[0].slice(word.length, common);
    return text.length > 0 ? { kind: 'insert', text } : NONE;
  }
  return { kind: 'list', words: matches };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WORD_SLOT = 16;
const MAX_LINE = 4 * WORD_SLOT;

/**
 * The completion list as MicroPython prints it: words in 16-column slots (at least two spaces
 * between words), at most 64 columns, starting on a new line and ending with a newline.
 */
export function formatCompletionList(words: readonly string[], newline = '\n'): string {
  let out = '';
  let lineLen = MAX_LINE; // force a newline before the first word
  for (const word of words) {
    let gap = Math.ceil(lineLen / WORD_SLOT) * WORD_SLOT - lineLen;
    if (gap < 2) gap += WORD_SLOT;
    if (lineLen + gap + word.length <= MAX_LINE) {
      out += ' '.repeat(gap) + word;
      lineLen += gap + word.length;
    } else {
      out += newline + word;
      lineLen = word.length;
    }
  }
  return out + newline;
}
