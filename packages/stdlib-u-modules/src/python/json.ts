// ujson (spec 4.1.12): dump, dumps, load, loads with CPython's output format and errors: ValueError
// (json.JSONDecodeError) for malformed input, TypeError for objects that are not serialisable (spec 6.4.4
// lists MicroPython's silent acceptance as a difference; we follow CPython), `separators`, and the CPython
// keywords that cost little (ensure_ascii, sort_keys, default). `indent`, `skipkeys` and `allow_nan=False`
// raise NotImplementedError.
import {
  PyBytes,
  PyByteArray,
  PyDict,
  PyFloat,
  PyIntSub,
  PyList,
  PyTuple,
  bufferOf,
  call,
  dictEntries,
  dictSet,
  floatRepr,
  getAttr,
  getAttrOpt,
  isStr,
  newException,
  notImplementedError,
  setAttr,
  sortItems,
  strVal,
  toArray,
  truthy,
  typeError,
  typeName,
  types,
  utf8Decode,
  valueError,
  type PyModule,
  type PyType,
} from '@mpy-ts/core-vm';
import { JsonDecodeError, JsonTypeError, JsonValueError, dumpJson, parseJson, type JsonBuilder, type JsonKind } from '../json/json.js';
import { exceptionClass, makeModule } from './util.js';

const BUILDER: JsonBuilder<any> = {
  null: () => null,
  bool: (b) => b,
  int: (text) => {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BigInt(text);
  },
  float: (text) => new PyFloat(text === 'NaN' ? NaN : text === 'Infinity' ? Infinity : text === '-Infinity' ? -Infinity : Number(text)),
  string: (s) => s,
  array: (items) => new PyList(items),
  object: (pairs) => {
    const d = new PyDict();
    for (const [k, v] of pairs) dictSet(d, k, v);
    return d;
  },
};

interface DumpConfig {
  separators: [string, string] | undefined;
  ensureAscii: boolean;
  sortKeys: boolean;
  dflt: any;
}

function classify(cfg: DumpConfig, v: any, depth = 0): JsonKind<any> {
  switch (typeof v as string) {
    case 'boolean':
      return { t: 'bool', v };
    case 'number':
    case 'bigint':
      return { t: 'int', text: String(v) };
    case 'string':
      return { t: 'str', s: v };
    default:
      break;
  }
  if (v === null) return { t: 'null' };
  if (v instanceof PyFloat) return { t: 'float', v: v.value, repr: floatRepr(v.value) };
  if (v instanceof PyIntSub) return { t: 'int', text: String(v.value) };
  if (isStr(v)) return { t: 'str', s: strVal(v) };
  if (v instanceof PyList || v instanceof PyTuple) return { t: 'list', id: v, items: v instanceof PyList ? listIter(v) : v.items, typeName: typeName(v) };
  if (v instanceof PyDict) {
    let entries = dictEntries(v);
    if (cfg.sortKeys) {
      const keys = entries.map((e) => e[0]);
      const order = entries.map((_, i) => i);
      sortItems(order, keys);
      entries = order.map((i) => entries[i]);
    }
    return { t: 'dict', id: v, entries, typeName: typeName(v) };
  }
  if (cfg.dflt !== null && depth < 100) return classify(cfg, call(cfg.dflt, [v]), depth + 1);
  return { t: 'other', typeName: typeName(v) };
}

/** A list's items as they are when reached (a list may change while it is serialised). */
function* listIter(l: PyList): Iterable<any> {
  for (let i = 0; i < l.items.length; i++) yield l.items[i];
}

function separatorsArg(x: any): [string, string] | undefined {
  if (x === undefined || x === null) return undefined;
  if (isStr(x) || typeof x !== 'object') throw typeError(`cannot unpack non-iterable ${typeName(x)} object`);
  let items: any[];
  try {
    items = toArray(x);
  } catch {
    throw typeError(`cannot unpack non-iterable ${typeName(x)} object`);
  }
  if (items.length < 2) throw valueError(`not enough values to unpack (expected 2, got ${items.length})`);
  if (items.length > 2) throw valueError('too many values to unpack (expected 2)');
  if (!isStr(items[0]) || !isStr(items[1])) throw typeError('separators must be strings');
  return [strVal(items[0]), strVal(items[1])];
}

function configFrom(kw: Record<string, any>): DumpConfig {
  if (kw.indent !== undefined && kw.indent !== null) throw notImplementedError('json: indent is not supported');
  if (kw.skipkeys !== undefined && truthy(kw.skipkeys)) throw notImplementedError('json: skipkeys is not supported');
  if (kw.allow_nan !== undefined && !truthy(kw.allow_nan)) throw notImplementedError('json: allow_nan=False is not supported');
  if (kw.cls !== undefined && kw.cls !== null) throw notImplementedError('json: cls is not supported');
  return {
    separators: separatorsArg(kw.separators),
    ensureAscii: kw.ensure_ascii === undefined ? true : truthy(kw.ensure_ascii),
    sortKeys: kw.sort_keys === undefined ? false : truthy(kw.sort_keys),
    dflt: kw.default === undefined ? null : kw.default,
  };
}

function dump(obj: any, cfg: DumpConfig, write?: (s: string) => void): string {
  try {
    return dumpJson(obj, (v) => classify(cfg, v), { separators: cfg.separators, ensureAscii: cfg.ensureAscii, write });
  } catch (e) {
    if (e instanceof JsonTypeError) throw typeError(e.message);
    if (e instanceof JsonValueError) throw valueError(e.message);
    throw e;
  }
}

function docText(x: any): string {
  if (isStr(x)) return strVal(x);
  if (x instanceof PyBytes || x instanceof PyByteArray) return utf8Decode(bufferOf(x)!, 'surrogatepass');
  throw typeError(`the JSON object must be str, bytes or bytearray, not ${typeName(x)}`);
}

const LOAD_KEYWORDS = 'cls, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook';

/** The builder for loads' keywords (CPython's hooks: each gets the text or the built value). */
function builderFor(hooks: any[]): JsonBuilder<any> {
  const hook = (i: number): any => (hooks[i] === undefined ? null : hooks[i]);
  const [cls, objectHook, parseFloat, parseInt, parseConstant, pairsHook] = [0, 1, 2, 3, 4, 5].map(hook);
  if (cls !== null) throw notImplementedError('json: cls is not supported');
  if (objectHook === null && parseFloat === null && parseInt === null && parseConstant === null && pairsHook === null) return BUILDER;
  return {
    ...BUILDER,
    int: (text) => (parseInt !== null ? call(parseInt, [text]) : BUILDER.int(text)),
    float: (text) => {
      const constant = text === 'NaN' || text === 'Infinity' || text === '-Infinity';
      if (constant && parseConstant !== null) return call(parseConstant, [text]);
      if (!constant && parseFloat !== null) return call(parseFloat, [text]);
      return BUILDER.float(text);
    },
    object: (pairs) => {
      if (pairsHook !== null) return call(pairsHook, [new PyList(pairs.map(([k, v]) => new PyTuple([k, v])))]);
      const d = BUILDER.object(pairs);
      return objectHook !== null ? call(objectHook, [d]) : d;
    },
  };
}

const DUMP_KEYWORDS = 'skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators, default, sort_keys';

export function makeJsonModule(name = 'ujson'): PyModule {
  const decodeError: PyType = exceptionClass('JSONDecodeError', types.valueErrorType, 'json');
  const parse = (doc: string, hooks: any[]): any => {
    try {
      return parseJson(doc, builderFor(hooks));
    } catch (e) {
      if (e instanceof JsonDecodeError) {
        const exc = newException(decodeError, e.message);
        setAttr(exc, 'msg', e.msg);
        setAttr(exc, 'doc', doc);
        setAttr(exc, 'pos', e.pos);
        setAttr(exc, 'lineno', e.lineno);
        setAttr(exc, 'colno', e.colno);
        throw exc;
      }
      throw e;
    }
  };
  const kwRecord = (...vals: any[]): Record<string, any> => {
    const names = DUMP_KEYWORDS.split(', ');
    const r: Record<string, any> = {};
    names.forEach((n, i) => {
      if (vals[i] !== undefined) r[n] = vals[i];
    });
    return r;
  };
  return makeModule(name, {
    JSONDecodeError: { value: decodeError },
    // dumps(obj): "Return obj represented as a JSON string."
    dumps: [(obj: any, ...kw: any[]) => dump(obj, configFrom(kwRecord(...kw))), { params: `obj, *, ${DUMP_KEYWORDS}`, min: 1 }],
    // dump(obj, stream): "Serialise obj to a JSON string, writing it to the given stream."
    dump: [(obj: any, stream: any, ...kw: any[]) => {
      const cfg = configFrom(kwRecord(...kw));
      const w = getAttr(stream, 'write');
      let pending = '';
      dump(obj, cfg, (s) => {
        pending += s;
        if (pending.length >= 4096) {
          call(w, [pending]);
          pending = '';
        }
      });
      if (pending.length > 0) call(w, [pending]);
      return null;
    }, { params: `obj, fp, *, ${DUMP_KEYWORDS}`, min: 2 }],
    // loads(str): "Parse the JSON str and return an object. Raises ValueError if ... not correctly formed."
    loads: [(s: any, ...hooks: any[]) => parse(docText(s), hooks), { params: `s, *, ${LOAD_KEYWORDS}`, min: 1 }],
    // load(stream): "Parsing continues until end-of-file is encountered."
    load: [(stream: any, ...hooks: any[]) => {
      const read = getAttrOpt(stream, 'read');
      if (read === undefined) throw typeError(`'${typeName(stream)}' object has no attribute 'read'`);
      return parse(docText(call(read, [])), hooks);
    }, { params: `fp, *, ${LOAD_KEYWORDS}`, min: 1 }],
  });
}
