// The regex engine's public face: compile a pattern, run it, iterate matches the way MicroPython's
// `split`/`sub` do, and expand `sub` templates. Inputs and patterns are sequences of code points
// (str) or byte values (bytes), so the engine knows nothing of the VM's string representation.
// Spec 4.1.14 (`ure`); behaviour beyond the spec follows CPython's `re` and MicroPython's extmod/modre.c.
import { FLAG_ASCII, RegexSyntaxError } from './ast.js';
import { compileProgram, type Program } from './compile.js';
import { re15Size } from './limits.js';
import { parsePattern } from './parser.js';
import { Matcher, type RunOptions } from './vm.js';

export const MODE_MATCH = 0;
export const MODE_SEARCH = 1;
export const MODE_FULLMATCH = 2;

export interface CompileOptions {
  /** CPython flag bits (FLAG_*). */
  flags?: number;
  /** true for a str pattern (code points, Unicode classes), false for bytes. Default true. */
  str?: boolean;
  /** Refuse what MicroPython's re1.5 cannot encode (re_limit.py). Default true. */
  micropythonLimits?: boolean;
}

export class Regex {
  readonly pattern: readonly number[];
  readonly isStr: boolean;
  readonly flags: number;
  readonly groups: number;
  readonly groupIndex: ReadonlyMap<string, number>;
  readonly program: Program;

  constructor(pattern: ArrayLike<number>, options: CompileOptions = {}) {
    this.pattern = Array.from(pattern);
    this.isStr = options.str ?? true;
    const parsed = parsePattern(pattern, options.flags ?? 0, this.isStr);
    if (options.micropythonLimits ?? true) re15Size(parsed.root);
    this.flags = parsed.flags;
    this.groups = parsed.groups;
    this.groupIndex = parsed.groupIndex;
    this.program = compileProgram(parsed.root, parsed.groups, this.isStr && !(parsed.flags & FLAG_ASCII));
  }

  /**
   * Runs the pattern against `input[pos:endpos]` (CPython's clamping of pos/endpos). Returns the capture
   * slots (start and end of group 0, then of each group; -1 where a group did not take part) or null.
   * `mustAdvance` refuses an empty match at `pos` (CPython's rule for the match after an empty one).
   */
  exec(input: ArrayLike<number>, pos = 0, endpos = input.length, mode = MODE_SEARCH, run?: RunOptions, mustAdvance = false): Int32Array | null {
    const len = input.length;
    pos = Math.max(0, Math.min(pos, len));
    endpos = Math.max(0, Math.min(endpos, len));
    if (endpos < pos) return null;
    const prog = this.program;
    const m = new Matcher(prog, input, endpos, run);
    const caps = new Int32Array(prog.slots);
    const last = mode === MODE_SEARCH ? endpos : pos;
    for (let start = pos; start <= last; start++) {
      if (prog.anchoredStart && start > 0) break;
      if (prog.firstChar >= 0) {
        while (start < last && input[start] !== prog.firstChar) start++;
        if (start >= endpos || input[start] !== prog.firstChar) break;
      }
      caps.fill(-1);
      if (m.run(0, start, caps, mode === MODE_FULLMATCH ? endpos : -1, mustAdvance && start === pos ? start : -1)) {
        caps[0] = start;
        caps[1] = m.matchEnd;
        return caps;
      }
    }
    return null;
  }
}

export function compileRegex(pattern: ArrayLike<number>, options?: CompileOptions): Regex {
  return new Regex(pattern, options);
}

/**
 * Successive matches as MicroPython's `split` and `sub` find them (extmod/modre.c): each search starts
 * where the previous match ended, `^` still means the start of the whole input, and the first empty
 * match (or `limit` matches, if limit > 0) stops the iteration. `visit` receives each match's captures.
 */
export function eachMatch(regex: Regex, input: ArrayLike<number>, limit: number, visit: (caps: Int32Array) => void, run?: RunOptions): void {
  let pos = 0;
  let count = 0;
  for (;;) {
    const caps = regex.exec(input, pos, input.length, MODE_SEARCH, run);
    if (caps === null || caps[0] === caps[1]) return;
    visit(caps);
    pos = caps[1];
    if (limit > 0 && ++count >= limit) return;
  }
}

/**
 * Successive non-overlapping matches with CPython 3.7+ rules (finditer/findall): an empty match is
 * allowed, but not immediately after the previous match ended at the same place.
 */
export function eachMatchCPython(regex: Regex, input: ArrayLike<number>, pos: number, endpos: number, visit: (caps: Int32Array) => boolean | void, run?: RunOptions): void {
  let at = pos;
  let mustAdvance = false;
  while (at <= endpos) {
    const caps = regex.exec(input, at, endpos, MODE_SEARCH, run, mustAdvance);
    if (caps === null || visit(caps) === false) return;
    mustAdvance = caps[0] === caps[1];
    at = caps[1];
  }
}

/** A `sub` replacement template: literal runs and group references. */
export type TemplatePart = { literal: number[] } | { group: number };

/** An error in a template that CPython reports as IndexError rather than re.error. */
export class TemplateIndexError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = 'TemplateIndexError';
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

const TEMPLATE_ESCAPES: Record<number, number> = {
  0x61: 0x07, // \a
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
  0x5c: 0x5c, // \\
};

/**
 * Parses a replacement template as CPython's re._parser.parse_template does: `\1`..`\99`, `\g<n>`,
 * `\g<name>`, octal and character escapes; unknown ASCII-letter escapes are errors.
 * Throws RegexSyntaxError (re.error) or TemplateIndexError (IndexError).
 */
export function parseTemplate(template: ArrayLike<number>, regex: Regex): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let lit: number[] = [];
  const flush = (): void => {
    if (lit.length) parts.push({ literal: lit });
    lit = [];
  };
  const addGroup = (g: number, at: number): void => {
    if (g > regex.groups) throw new RegexSyntaxError(`invalid group reference ${g}`, at);
    flush();
    parts.push({ group: g });
  };
  const n = template.length;
  let i = 0;
  while (i < n) {
    const c = template[i++];
    if (c !== 0x5c) {
      lit.push(c);
      continue;
    }
    const at = i - 1;
    if (i >= n) throw new RegexSyntaxError('bad escape (end of pattern)', at);
    const d = template[i++];
    if (d === 0x67) {
      // \g<name>
      if (template[i] !== 0x3c) throw new RegexSyntaxError('missing <', i);
      i++;
      let name = '';
      while (i < n && template[i] !== 0x3e) name += String.fromCodePoint(template[i++]);
      if (i >= n) throw new RegexSyntaxError('missing >, unterminated name', at + 3);
      i++;
      if (name === '') throw new RegexSyntaxError('missing group name', at + 3);
      if (/^[0-9]+$/.test(name)) {
        const g = Number(name);
        if (!Number.isSafeInteger(g) || g > regex.groups) throw new RegexSyntaxError(`invalid group reference ${name}`, at + 3);
        addGroup(g, at + 3);
      } else {
        if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) {
          throw new RegexSyntaxError(`bad character in group name '${name}'`, at + 3);
        }
        const g = regex.groupIndex.get(name);
        if (g === undefined) throw new TemplateIndexError(`unknown group name '${name}'`);
        addGroup(g, at + 3);
      }
    } else if (d === 0x30) {
      let v = 0;
      for (let k = 0; k < 2 && i < n && isOctal(template[i]); k++) v = v * 8 + (template[i++] - 0x30);
      lit.push(v);
    } else if (isDigit(d)) {
      if (i < n && isDigit(template[i])) {
        const d2 = template[i];
        if (isOctal(d) && isOctal(d2) && i + 1 < n && isOctal(template[i + 1])) {
          const v = (d - 0x30) * 64 + (d2 - 0x30) * 8 + (template[i + 1] - 0x30);
          if (v > 0o377) throw new RegexSyntaxError(`octal escape value \\${String.fromCharCode(d, d2, template[i + 1])} outside of range 0-0o377`, at);
          i += 2;
          lit.push(v);
          continue;
        }
        i++;
        addGroup((d - 0x30) * 10 + (d2 - 0x30), at + 1);
      } else {
        addGroup(d - 0x30, at + 1);
      }
    } else if (d in TEMPLATE_ESCAPES) {
      lit.push(TEMPLATE_ESCAPES[d]);
    } else if ((d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a)) {
      throw new RegexSyntaxError(`bad escape \\${String.fromCharCode(d)}`, at);
    } else {
      lit.push(0x5c, d);
    }
  }
  flush();
  return parts;
}

/** Expands a parsed template for one match; unmatched groups expand to nothing (CPython 3.5+). */
export function expandTemplate(parts: readonly TemplatePart[], input: ArrayLike<number>, caps: Int32Array, out: number[]): void {
  for (const p of parts) {
    if ('literal' in p) {
      for (const c of p.literal) out.push(c);
    } else {
      const s = caps[2 * p.group];
      const e = caps[2 * p.group + 1];
      if (s >= 0 && e >= 0) for (let k = s; k < e; k++) out.push(input[k]);
    }
  }
}

/** Code points of a JavaScript string (helper for hosts and tests). */
export function codePoints(s: string): Uint32Array {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0);
  return Uint32Array.from(out);
}

/** JavaScript string from code points (helper for hosts and tests). */
export function fromCodePoints(cps: ArrayLike<number>, start = 0, end = cps.length): string {
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCodePoint(...Array.prototype.slice.call(cps, i, Math.min(end, i + 4096)) as number[]);
  }
  return s;
}
