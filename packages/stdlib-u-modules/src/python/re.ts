// ure (spec 4.1.14): compile, match, search, and regex/match objects; beyond the spec, what current
// MicroPython has (sub, split, match.groups/span/start/end, counted repetition, \d\w\s\b, non-capturing
// groups) and the rest of CPython's re that the engine supports (fullmatch, findall, finditer, subn,
// escape, named groups, flags). Where MicroPython deliberately differs we follow it: split() stops at the
// first empty match and refuses patterns with groups (extmod/re_split_empty.py, re_split_notimpl.py);
// patterns re1.5 cannot encode are refused (re_limit.py). A pattern that backtracks forever checks for
// Ctrl-C as it runs (the VM's safe point) and overflows its bounded stack into RuntimeError.
import {
  PyBytes,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  STOP,
  call,
  defineType,
  dictSetStr,
  indexError,
  isCallable,
  isStr,
  newException,
  notImplementedError,
  repr,
  runtimeError,
  setAttr,
  strVal,
  toIndex,
  typeError,
  typeName,
  types,
  bytesRepr,
  type PyModule,
  type PyType,
  type VM,
} from '@mpy-ts/core-vm';
import { FLAG_ASCII, FLAG_DOTALL, FLAG_IGNORECASE, FLAG_MULTILINE, FLAG_UNICODE, FLAG_VERBOSE, RegexSyntaxError } from '../re/ast.js';
import { RegexTooComplexError } from '../re/limits.js';
import {
  MODE_FULLMATCH,
  MODE_MATCH,
  MODE_SEARCH,
  Regex,
  TemplateIndexError,
  codePoints,
  eachMatch,
  eachMatchCPython,
  expandTemplate,
  fromCodePoints,
  parseTemplate,
  type TemplatePart,
} from '../re/regex.js';
import { RegexStackOverflowError, RegexStepLimitError, type RunOptions } from '../re/vm.js';
import { exceptionClass, makeModule } from './util.js';

const FLAG_DEBUG = 128;

/** A subject string or bytes as the engine sees it. */
interface Subject {
  obj: any;
  isStr: boolean;
  units: ArrayLike<number>;
}

function subjectOf(x: any): Subject {
  if (isStr(x)) return { obj: x, isStr: true, units: codePoints(strVal(x)) };
  if (x instanceof PyBytes) return { obj: x, isStr: false, units: x.data };
  if (typeof x === 'object' && x !== null && (x as PyObject).type !== undefined) {
    const t = (x as PyObject).type;
    if (t.buffer !== null) return { obj: x, isStr: false, units: t.buffer(x)!.slice() };
  }
  throw typeError(`expected string or bytes-like object, got '${typeName(x)}'`);
}

function piece(subj: Subject, s: number, e: number): any {
  if (subj.isStr) return fromCodePoints(subj.units, s, e);
  return new PyBytes(Uint8Array.from(Array.prototype.slice.call(subj.units, s, e) as number[]));
}

function fromUnits(isString: boolean, units: number[]): any {
  return isString ? fromCodePoints(units) : new PyBytes(Uint8Array.from(units));
}

class PyRegex extends PyObject {
  rx: Regex;
  patternObj: any;
  constructor(type: PyType, rx: Regex, patternObj: any) {
    super(type);
    this.rx = rx;
    this.patternObj = patternObj;
  }
}

class PyMatch extends PyObject {
  re: PyRegex;
  subj: Subject;
  caps: Int32Array;
  pos: number;
  endpos: number;
  constructor(type: PyType, re: PyRegex, subj: Subject, caps: Int32Array, pos: number, endpos: number) {
    super(type);
    this.re = re;
    this.subj = subj;
    this.caps = caps;
    this.pos = pos;
    this.endpos = endpos;
  }
}

class PyMatchIter extends PyObject {
  matches: PyMatch[];
  i: number;
  constructor(type: PyType, matches: PyMatch[]) {
    super(type);
    this.matches = matches;
    this.i = 0;
  }
}

interface ReState {
  error: PyType;
  regexType: PyType;
  matchType: PyType;
  iterType: PyType;
  run: RunOptions;
  cache: Map<string, PyRegex>;
}

function fail(st: ReState, e: unknown, pattern: any): never {
  if (e instanceof RegexSyntaxError) {
    const exc = newException(st.error, e.pos >= 0 ? `${e.message} at position ${e.pos}` : e.message);
    return throwWith(exc, { msg: e.message, pattern, pos: e.pos >= 0 ? e.pos : null });
  }
  if (e instanceof RegexTooComplexError) throw newException(st.error, e.message);
  if (e instanceof RegexStackOverflowError) throw runtimeError('maximum recursion depth exceeded');
  if (e instanceof RegexStepLimitError) throw runtimeError(e.message);
  if (e instanceof TemplateIndexError) throw indexError(e.message);
  throw e;
}

function throwWith(exc: any, attrs: Record<string, any>): never {
  for (const [k, v] of Object.entries(attrs)) setAttr(exc, k, v);
  throw exc;
}

function compileIn(st: ReState, pattern: any, flagsArg: any): PyRegex {
  if (pattern instanceof PyRegex) {
    if (flagsArg !== undefined && flagsArg !== 0) throw newException(types.valueErrorType, 'cannot process flags argument with a compiled pattern');
    return pattern;
  }
  const flags = (flagsArg === undefined ? 0 : Number(toIndex(flagsArg))) & ~FLAG_DEBUG;
  let units: ArrayLike<number>;
  let isString: boolean;
  if (isStr(pattern)) {
    units = codePoints(strVal(pattern));
    isString = true;
  } else if (pattern instanceof PyBytes) {
    units = pattern.data;
    isString = false;
  } else throw typeError(`first argument must be string or compiled pattern`);
  const key = `${isString ? 's' : 'b'}${flags}:${Array.prototype.join.call(units, ',')}`;
  const hit = st.cache.get(key);
  if (hit !== undefined) return hit;
  let rx: Regex;
  try {
    rx = new Regex(units, { flags, str: isString });
  } catch (e) {
    fail(st, e, pattern);
  }
  const r = new PyRegex(st.regexType, rx!, pattern);
  if (st.cache.size >= 256) st.cache.clear();
  st.cache.set(key, r);
  return r;
}

function checkKind(r: PyRegex, subj: Subject): void {
  if (r.rx.isStr && !subj.isStr) throw typeError('cannot use a string pattern on a bytes-like object');
  if (!r.rx.isStr && subj.isStr) throw typeError('cannot use a bytes pattern on a string-like object');
}

function clampPos(x: any, len: number, dflt: number): number {
  if (x === undefined || x === null) return dflt;
  let p = Number(toIndex(x));
  if (p < 0) p = Math.max(0, p + len);
  return Math.min(p, len);
}

function exec(st: ReState, r: PyRegex, s: any, pos: any, endpos: any, mode: number): PyMatch | null {
  const subj = subjectOf(s);
  checkKind(r, subj);
  const n = subj.units.length;
  const p = clampPos(pos, n, 0);
  const e = clampPos(endpos, n, n);
  let caps: Int32Array | null;
  try {
    caps = r.rx.exec(subj.units, p, e, mode, st.run);
  } catch (err) {
    fail(st, err, r.patternObj);
  }
  return caps! === null ? null : new PyMatch(st.matchType, r, subj, caps!, p, e);
}

function allMatches(st: ReState, r: PyRegex, s: any, pos: any, endpos: any): PyMatch[] {
  const subj = subjectOf(s);
  checkKind(r, subj);
  const n = subj.units.length;
  const p = clampPos(pos, n, 0);
  const e = clampPos(endpos, n, n);
  const out: PyMatch[] = [];
  try {
    eachMatchCPython(r.rx, subj.units, p, e, (caps) => {
      out.push(new PyMatch(st.matchType, r, subj, caps, p, e));
    }, st.run);
  } catch (err) {
    fail(st, err, r.patternObj);
  }
  return out;
}

/** sub/subn: CPython's iteration (empty matches allowed, not right after a previous match). */
function substitute(st: ReState, r: PyRegex, repl: any, s: any, countArg: any): [any, number] {
  const subj = subjectOf(s);
  checkKind(r, subj);
  const count = countArg === undefined ? 0 : Number(toIndex(countArg));
  let template: TemplatePart[] | null = null;
  if (!isCallable(repl)) {
    const rs = subjectOf(repl);
    if (rs.isStr !== subj.isStr) throw typeError(rs.isStr ? "expected a bytes-like object, str found" : `expected str instance, ${typeName(repl)} found`);
    try {
      template = parseTemplate(rs.units, r.rx);
    } catch (e) {
      fail(st, e, repl);
    }
  }
  const out: number[] = [];
  let last = 0;
  let n = 0;
  const units = subj.units;
  try {
    eachMatchCPython(r.rx, units, 0, units.length, (caps) => {
      for (let k = last; k < caps[0]; k++) out.push(units[k]);
      if (template !== null) expandTemplate(template, units, caps, out);
      else {
        const v = call(repl, [new PyMatch(st.matchType, r, subj, caps, 0, units.length)]);
        const vs = subjectOf(v);
        if (vs.isStr !== subj.isStr) throw typeError(`expected ${subj.isStr ? 'str' : 'a bytes-like object'}, ${typeName(v)} found`);
        for (let k = 0; k < vs.units.length; k++) out.push(vs.units[k]);
      }
      last = caps[1];
      n++;
      return count <= 0 || n < count;
    }, st.run);
  } catch (err) {
    fail(st, err, r.patternObj);
  }
  for (let k = last; k < units.length; k++) out.push(units[k]);
  return [fromUnits(subj.isStr, out), n];
}

function split(st: ReState, r: PyRegex, s: any, maxsplitArg: any): PyList {
  const subj = subjectOf(s);
  checkKind(r, subj);
  if (r.rx.groups > 0) throw notImplementedError('Splitting with sub-captures');
  const maxsplit = maxsplitArg === undefined ? 0 : Number(toIndex(maxsplitArg));
  const parts: any[] = [];
  let last = 0;
  if (maxsplit >= 0) {
    try {
      eachMatch(r.rx, subj.units, maxsplit, (caps) => {
        parts.push(piece(subj, last, caps[0]));
        last = caps[1];
      }, st.run);
    } catch (err) {
      fail(st, err, r.patternObj);
    }
  }
  parts.push(piece(subj, last, subj.units.length));
  return new PyList(parts);
}

function groupIndex(m: PyMatch, g: any): number {
  if (isStr(g)) {
    const i = m.re.rx.groupIndex.get(strVal(g));
    if (i === undefined) throw indexError('no such group');
    return i;
  }
  let i: number;
  try {
    i = Number(toIndex(g));
  } catch {
    throw indexError('no such group');
  }
  if (i < 0 || i > m.re.rx.groups) throw indexError('no such group');
  return i;
}

function groupValue(m: PyMatch, i: number, dflt: any = null): any {
  const s = m.caps[2 * i];
  const e = m.caps[2 * i + 1];
  return s < 0 || e < 0 ? dflt : piece(m.subj, s, e);
}

function flagsOf(x: any): any {
  return x === undefined ? 0 : x;
}

export function makeReModule(vm: VM, name = 'ure'): PyModule {
  const error = exceptionClass('error', types.valueErrorType, 're');
  const st = { error, run: { onTick: () => vm.checkPending(), tickInterval: 16384 }, cache: new Map() } as unknown as ReState;

  st.matchType = defineType({
    name: 'Match',
    module: 're',
    subclassable: false,
    slots: {
      repr: (m: PyMatch) => `<re.Match object; span=(${m.caps[0]}, ${m.caps[1]}), match=${repr(groupValue(m, 0))}>`,
      getitem: (m: PyMatch, g: any) => groupValue(m, groupIndex(m, g)),
      bool: () => true,
    },
    methods: {
      // match.group([index]): "0 for entire match, 1 and above for each capturing group"
      group: [(m: PyMatch, idx: any[]) => {
        if (idx.length === 0) return groupValue(m, 0);
        if (idx.length === 1) return groupValue(m, groupIndex(m, idx[0]));
        return new PyTuple(idx.map((g) => groupValue(m, groupIndex(m, g))));
      }, { params: 'self, *groups', min: 1 }],
      groups: [(m: PyMatch, dflt: any) => {
        const out: any[] = [];
        for (let i = 1; i <= m.re.rx.groups; i++) out.push(groupValue(m, i, dflt === undefined ? null : dflt));
        return new PyTuple(out);
      }, { params: 'self, default', min: 1 }],
      groupdict: [(m: PyMatch, dflt: any) => {
        const d = new PyDict();
        for (const [k, i] of m.re.rx.groupIndex) dictSetStr(d, k, groupValue(m, i, dflt === undefined ? null : dflt));
        return d;
      }, { params: 'self, default', min: 1 }],
      span: [(m: PyMatch, g: any) => {
        const i = g === undefined ? 0 : groupIndex(m, g);
        return new PyTuple([m.caps[2 * i], m.caps[2 * i + 1]]);
      }, { params: 'self, group', min: 1 }],
      start: [(m: PyMatch, g: any) => m.caps[2 * (g === undefined ? 0 : groupIndex(m, g))], { params: 'self, group', min: 1 }],
      end: [(m: PyMatch, g: any) => m.caps[2 * (g === undefined ? 0 : groupIndex(m, g)) + 1], { params: 'self, group', min: 1 }],
      expand: [(m: PyMatch, template: any) => {
        const ts = subjectOf(template);
        const out: number[] = [];
        try {
          expandTemplate(parseTemplate(ts.units, m.re.rx), m.subj.units, m.caps, out);
        } catch (e) {
          fail(st, e, template);
        }
        return fromUnits(m.subj.isStr, out);
      }, 2],
    },
    getsets: {
      string: (m: PyMatch) => m.subj.obj,
      re: (m: PyMatch) => m.re,
      pos: (m: PyMatch) => m.pos,
      endpos: (m: PyMatch) => m.endpos,
      lastindex: (m: PyMatch) => {
        let best: number | null = null;
        let bestEnd = -1;
        for (let i = 1; i <= m.re.rx.groups; i++) {
          const e = m.caps[2 * i + 1];
          if (m.caps[2 * i] >= 0 && e >= bestEnd) {
            best = i;
            bestEnd = e;
          }
        }
        return best;
      },
    },
  });

  st.iterType = defineType({
    name: 'callable_iterator',
    module: 're',
    subclassable: false,
    slots: {
      iter: (x) => x,
      next: (it: PyMatchIter) => (it.i < it.matches.length ? it.matches[it.i++] : STOP),
    },
  });

  st.regexType = defineType({
    name: 'Pattern',
    module: 're',
    subclassable: false,
    slots: {
      repr: (r: PyRegex) => {
        const p = isStr(r.patternObj) ? repr(r.patternObj) : bytesRepr((r.patternObj as PyBytes).data);
        const f = r.rx.flags & ~(r.rx.isStr ? FLAG_UNICODE : 0);
        return f === 0 ? `re.compile(${p})` : `re.compile(${p}, ${flagNames(f)})`;
      },
    },
    methods: {
      match: [(r: PyRegex, s: any, pos: any, endpos: any) => exec(st, r, s, pos, endpos, MODE_MATCH), { params: 'self, string, pos, endpos', min: 2 }],
      search: [(r: PyRegex, s: any, pos: any, endpos: any) => exec(st, r, s, pos, endpos, MODE_SEARCH), { params: 'self, string, pos, endpos', min: 2 }],
      fullmatch: [(r: PyRegex, s: any, pos: any, endpos: any) => exec(st, r, s, pos, endpos, MODE_FULLMATCH), { params: 'self, string, pos, endpos', min: 2 }],
      // regex.split(string, max_split=-1)
      split: [(r: PyRegex, s: any, maxsplit: any) => split(st, r, s, maxsplit), { params: 'self, string, maxsplit', min: 2 }],
      sub: [(r: PyRegex, repl: any, s: any, count: any) => substitute(st, r, repl, s, count)[0], { params: 'self, repl, string, count', min: 3 }],
      subn: [(r: PyRegex, repl: any, s: any, count: any) => new PyTuple(substitute(st, r, repl, s, count)), { params: 'self, repl, string, count', min: 3 }],
      findall: [(r: PyRegex, s: any, pos: any, endpos: any) => new PyList(allMatches(st, r, s, pos, endpos).map(findallItem)), { params: 'self, string, pos, endpos', min: 2 }],
      finditer: [(r: PyRegex, s: any, pos: any, endpos: any) => new PyMatchIter(st.iterType, allMatches(st, r, s, pos, endpos)), { params: 'self, string, pos, endpos', min: 2 }],
    },
    getsets: {
      pattern: (r: PyRegex) => r.patternObj,
      flags: (r: PyRegex) => r.rx.flags,
      groups: (r: PyRegex) => r.rx.groups,
      groupindex: (r: PyRegex) => {
        const d = new PyDict();
        for (const [k, i] of r.rx.groupIndex) dictSetStr(d, k, i);
        return d;
      },
    },
  });

  const c = (p: any, f?: any) => compileIn(st, p, f);
  return makeModule(name, {
    error: { value: error },
    // compile(regex_str[, flags]): "Compile regular expression, return regex object."
    compile: [(p: any, f: any) => c(p, flagsOf(f)), { params: 'pattern, flags', min: 1 }],
    // match(regex_str, string): "Match always happens from starting position in a string."
    match: [(p: any, s: any, f: any) => exec(st, c(p, flagsOf(f)), s, undefined, undefined, MODE_MATCH), { params: 'pattern, string, flags', min: 2 }],
    // search(regex_str, string): "search string for first position which matches regex"
    search: [(p: any, s: any, f: any) => exec(st, c(p, flagsOf(f)), s, undefined, undefined, MODE_SEARCH), { params: 'pattern, string, flags', min: 2 }],
    fullmatch: [(p: any, s: any, f: any) => exec(st, c(p, flagsOf(f)), s, undefined, undefined, MODE_FULLMATCH), { params: 'pattern, string, flags', min: 2 }],
    split: [(p: any, s: any, m: any, f: any) => split(st, c(p, flagsOf(f)), s, m), { params: 'pattern, string, maxsplit, flags', min: 2 }],
    sub: [(p: any, repl: any, s: any, n: any, f: any) => substitute(st, c(p, flagsOf(f)), repl, s, n)[0], { params: 'pattern, repl, string, count, flags', min: 3 }],
    subn: [(p: any, repl: any, s: any, n: any, f: any) => new PyTuple(substitute(st, c(p, flagsOf(f)), repl, s, n)), { params: 'pattern, repl, string, count, flags', min: 3 }],
    findall: [(p: any, s: any, f: any) => new PyList(allMatches(st, c(p, flagsOf(f)), s, undefined, undefined).map(findallItem)), { params: 'pattern, string, flags', min: 2 }],
    finditer: [(p: any, s: any, f: any) => new PyMatchIter(st.iterType, allMatches(st, c(p, flagsOf(f)), s, undefined, undefined)), { params: 'pattern, string, flags', min: 2 }],
    escape: [(p: any) => {
      const subj = subjectOf(p);
      const out: number[] = [];
      for (let i = 0; i < subj.units.length; i++) {
        const ch = subj.units[i];
        if (ch < 128 && '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'.includes(String.fromCharCode(ch))) out.push(0x5c);
        out.push(ch);
      }
      return fromUnits(subj.isStr, out);
    }, 1],
    purge: [() => (st.cache.clear(), null), 0],
    // ure.DEBUG: "display debug information about compiled expression" (accepted, prints nothing)
    DEBUG: { value: FLAG_DEBUG },
    I: { value: FLAG_IGNORECASE },
    IGNORECASE: { value: FLAG_IGNORECASE },
    M: { value: FLAG_MULTILINE },
    MULTILINE: { value: FLAG_MULTILINE },
    S: { value: FLAG_DOTALL },
    DOTALL: { value: FLAG_DOTALL },
    X: { value: FLAG_VERBOSE },
    VERBOSE: { value: FLAG_VERBOSE },
    A: { value: FLAG_ASCII },
    ASCII: { value: FLAG_ASCII },
    U: { value: FLAG_UNICODE },
    UNICODE: { value: FLAG_UNICODE },
  });
}

/** findall's item: the whole match, the single group, or a tuple of groups (CPython). */
function findallItem(m: PyMatch): any {
  const g = m.re.rx.groups;
  if (g === 0) return groupValue(m, 0);
  const empty = m.subj.isStr ? '' : new PyBytes(new Uint8Array(0));
  if (g === 1) return groupValue(m, 1, empty);
  const out: any[] = [];
  for (let i = 1; i <= g; i++) out.push(groupValue(m, i, empty));
  return new PyTuple(out);
}

function flagNames(f: number): string {
  const names: string[] = [];
  const table: [number, string][] = [[FLAG_IGNORECASE, 're.IGNORECASE'], [FLAG_MULTILINE, 're.MULTILINE'], [FLAG_DOTALL, 're.DOTALL'],
    [FLAG_UNICODE, 're.UNICODE'], [FLAG_VERBOSE, 're.VERBOSE'], [FLAG_ASCII, 're.ASCII']];
  let rest = f;
  for (const [bit, n] of table) {
    if (f & bit) {
      names.push(n);
      rest &= ~bit;
    }
  }
  if (rest !== 0 || names.length === 0) names.push(`0x${rest.toString(16)}`);
  return names.join('|');
}

