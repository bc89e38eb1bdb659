// ujson engine: a scanner that builds values through a caller-supplied builder, and a serialiser that
// walks values through a caller-supplied classifier, so neither knows the VM's objects. Spec 4.1.12
// (`ujson`); output format, separators, key conversion and error messages follow CPython's json module.

/** Malformed JSON (CPython json.JSONDecodeError, a ValueError). */
export class JsonDecodeError extends Error {
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;
  readonly msg: string;
  constructor(msg: string, doc: string, pos: number) {
    let lineno = 1;
    let last = -1;
    for (let i = 0; i < pos && i < doc.length; i++) {
      if (doc.charCodeAt(i) === 0x0a) {
        lineno++;
        last = i;
      }
    }
    const colno = pos - last;
    super(`${msg}: line ${lineno} column ${colno} (char ${pos})`);
    this.name = 'JsonDecodeError';
    this.msg = msg;
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** How the scanner builds values (the binding makes Python objects). */
export interface JsonBuilder<V> {
  null(): V;
  bool(b: boolean): V;
  /** An integer literal, as decimal text (arbitrary size). */
  int(text: string): V;
  /** A float literal's text, or 'NaN' / 'Infinity' / '-Infinity'. */
  float(text: string): V;
  string(s: string): V;
  array(items: V[]): V;
  /** Pairs in document order; later duplicates win, as in a dict. */
  object(pairs: [string, V][]): V;
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;

/** Unicode code units are positions here, as CPython counts str indices (surrogates aside). */
export function parseJson<V>(doc: string, b: JsonBuilder<V>): V {
  let pos = 0;
  const ws = (): void => {
    WS.lastIndex = pos;
    WS.exec(doc);
    pos = WS.lastIndex;
  };
  type Frame = { kind: 'array'; items: V[] } | { kind: 'object'; pairs: [string, V][]; key: string };
  const stack: Frame[] = [];

  const parseString = (): string => {
    // pos is just after the opening quote
    const begin = pos - 1;
    let out = '';
    for (;;) {
      let i = pos;
      while (i < doc.length) {
        const c = doc.charCodeAt(i);
        if (c === 0x22 || c === 0x5c || c < 0x20) break;
        i++;
      }
      out += doc.slice(pos, i);
      pos = i;
      if (pos >= doc.length) throw new JsonDecodeError('Unterminated string starting at', doc, begin);
      const c = doc.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return out;
      }
      if (c < 0x20) throw new JsonDecodeError('Invalid control character at', doc, pos);
      // backslash
      const e = doc[pos + 1];
      if (e === undefined) throw new JsonDecodeError('Unterminated string starting at', doc, begin);
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) {
        out += simple[e];
        pos += 2;
        continue;
      }
      if (e !== 'u') throw new JsonDecodeError('Invalid \\escape', doc, pos);
      const hex4 = (at: number): number => {
        const h = doc.slice(at, at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new JsonDecodeError('Invalid \\uXXXX escape', doc, at - 1);
        return parseInt(h, 16);
      };
      let u = hex4(pos + 2);
      pos += 6;
      if (u >= 0xd800 && u <= 0xdbff && doc[pos] === '\\' && doc[pos + 1] === 'u') {
        const lo = hex4(pos + 2);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
          pos += 6;
        }
      }
      out += String.fromCodePoint(u);
    }
  };

  const parseValue = (): { value: V } | { open: Frame } => {
    ws();
    const c = doc[pos];
    switch (c) {
      case '"':
        pos++;
        return { value: b.string(parseString()) };
      case '[':
        pos++;
        return { open: { kind: 'array', items: [] } };
      case '{':
        pos++;
        return { open: { kind: 'object', pairs: [], key: '' } };
      case 'n':
        if (doc.startsWith('null', pos)) {
          pos += 4;
          return { value: b.null() };
        }
        break;
      case 't':
        if (doc.startsWith('true', pos)) {
          pos += 4;
          return { value: b.bool(true) };
        }
        break;
      case 'f':
        if (doc.startsWith('false', pos)) {
          pos += 5;
          return { value: b.bool(false) };
        }
        break;
      case 'N':
        if (doc.startsWith('NaN', pos)) {
          pos += 3;
          return { value: b.float('NaN') };
        }
        break;
      case 'I':
        if (doc.startsWith('Infinity', pos)) {
          pos += 8;
          return { value: b.float('Infinity') };
        }
        break;
      case '-':
        if (doc.startsWith('-Infinity', pos)) {
          pos += 9;
          return { value: b.float('-Infinity') };
        }
        break;
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(doc);
    if (m) {
      pos = NUMBER.lastIndex;
      return { value: m[2] === undefined && m[3] === undefined ? b.int(m[1]) : b.float(m[0]) };
    }
    throw new JsonDecodeError('Expecting value', doc, pos);
  };

  /** After `{` or `,` in an object: the key and its colon. */
  const parseKey = (frame: Extract<Frame, { kind: 'object' }>, first: boolean): boolean => {
    ws();
    if (first && doc[pos] === '}') {
      pos++;
      return false;
    }
    if (doc[pos] !== '"') throw new JsonDecodeError('Expecting property name enclosed in double quotes', doc, pos);
    pos++;
    frame.key = parseString();
    ws();
    if (doc[pos] !== ':') throw new JsonDecodeError("Expecting ':' delimiter", doc, pos);
    pos++;
    return true;
  };

  let result: V | undefined;
  let r = parseValue();
  for (;;) {
    if ('open' in r) {
      const f = r.open;
      if (f.kind === 'array') {
        ws();
        if (doc[pos] === ']') {
          pos++;
          r = { value: b.array([]) };
          continue;
        }
      } else if (!parseKey(f, true)) {
        r = { value: b.object([]) };
        continue;
      }
      stack.push(f);
      r = parseValue();
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) {
      result = r.value;
      break;
    }
    if (top.kind === 'array') top.items.push(r.value);
    else top.pairs.push([top.key, r.value]);
    ws();
    const c = doc[pos];
    if (c === ',') {
      pos++;
      if (top.kind === 'object') parseKey(top, false);
      r = parseValue();
      continue;
    }
    if (top.kind === 'array' && c === ']') {
      pos++;
      stack.pop();
      r = { value: b.array(top.items) };
      continue;
    }
    if (top.kind === 'object' && c === '}') {
      pos++;
      stack.pop();
      r = { value: b.object(top.pairs) };
      continue;
    }
    throw new JsonDecodeError("Expecting ',' delimiter", doc, pos);
  }
  ws();
  if (pos !== doc.length) throw new JsonDecodeError('Extra data', doc, pos);
  return result;
}

/** CPython's encoding of a str: `ensureAscii` escapes everything outside ASCII as \uXXXX. */
export function encodeJsonString(s: string, ensureAscii = true): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
    }
    if (c < 0x20 || (ensureAscii && c > 0x7e)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out + '"';
}

/** What the serialiser needs to know about one value (the binding classifies Python objects). */
export type JsonKind<T> =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; text: string }
  /** `repr` is Python's float repr, used for finite values. */
  | { t: 'float'; v: number; repr: string }
  | { t: 'str'; s: string }
  /** `typeName`: the Python type's name, for error messages (default 'list' / 'dict'). */
  | { t: 'list'; id: object; items: Iterable<T>; typeName?: string }
  | { t: 'dict'; id: object; entries: Iterable<[T, T]>; typeName?: string }
  /** Not serialisable; `typeName` is the Python type's name. */
  | { t: 'other'; typeName: string };

/** An unserialisable value or key (TypeError in the binding). */
export class JsonTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonTypeError';
  }
}

/** A circular structure (ValueError in the binding). */
export class JsonValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonValueError';
  }
}

export interface DumpOptions {
  /** (item separator, key separator); CPython's default is (', ', ': '). */
  separators?: [string, string];
  ensureAscii?: boolean;
  /** Called as output is produced (json.dump writes to a stream); default: collect into the result. */
  write?: (s: string) => void;
}

function floatText(v: number, repr: string): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return repr;
}

/** json.dumps: serialises `root`, asking `classify` about each value. */
export function dumpJson<T>(root: T, classify: (v: T) => JsonKind<T>, opts: DumpOptions = {}): string {
  const [itemSep, keySep] = opts.separators ?? [', ', ': '];
  const ascii = opts.ensureAscii ?? true;
  const parts: string[] = [];
  const write = opts.write ?? ((s: string) => void parts.push(s));
  const active = new Set<object>();

  const key = (k: T): string => {
    const c = classify(k);
    switch (c.t) {
      case 'str':
        return encodeJsonString(c.s, ascii);
      case 'int':
        return `"${c.text}"`;
      case 'float':
        return `"${floatText(c.v, c.repr)}"`;
      case 'bool':
        return c.v ? '"true"' : '"false"';
      case 'null':
        return '"null"';
      case 'list':
      case 'dict':
      case 'other':
        throw new JsonTypeError(`keys must be str, int, float, bool or None, not ${c.typeName ?? c.t}`);
    }
  };

  const value = (v: T): void => {
    const c = classify(v);
    switch (c.t) {
      case 'null':
        write('null');
        return;
      case 'bool':
        write(c.v ? 'true' : 'false');
        return;
      case 'int':
        write(c.text);
        return;
      case 'float':
        write(floatText(c.v, c.repr));
        return;
      case 'str':
        write(encodeJsonString(c.s, ascii));
        return;
      case 'list': {
        if (active.has(c.id)) throw new JsonValueError('Circular reference detected');
        active.add(c.id);
        write('[');
        let first = true;
        for (const item of c.items) {
          if (!first) write(itemSep);
          first = false;
          value(item);
        }
        write(']');
        active.delete(c.id);
        return;
      }
      case 'dict': {
        if (active.has(c.id)) throw new JsonValueError('Circular reference detected');
        active.add(c.id);
        write('{');
        let first = true;
        for (const [k, item] of c.entries) {
          if (!first) write(itemSep);
          first = false;
          write(key(k));
          write(keySep);
          value(item);
        }
        write('}');
        active.delete(c.id);
        return;
      }
      case 'other':
        throw new JsonTypeError(`Object of type ${c.typeName} is not JSON serializable`);
    }
  };
  value(root);
  return parts.join('');
}
