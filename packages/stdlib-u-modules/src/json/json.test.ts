import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonDecodeError, JsonTypeError, JsonValueError, dumpJson, encodeJsonString, parseJson, type JsonBuilder, type JsonKind } from '../index.js';

// Generated once with CPython 3.11: json.loads of each document (re-dumped), or its error message.
const oracle = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/json-cpython.json'), 'utf8')) as {
  docs: { doc: string; ok?: string; type?: string; error?: string }[];
  strings: { s: string; ascii: string; raw: string }[];
};

/** A miniature Python value model for the tests: ints as bigint, floats as {f}, dicts as Map. */
type PV = null | boolean | bigint | { f: number } | string | PV[] | Map<string, PV>;
const builder: JsonBuilder<PV> = {
  null: () => null,
  bool: (b) => b,
  int: (t) => BigInt(t),
  float: (t) => ({ f: t === 'NaN' ? NaN : t === 'Infinity' ? Infinity : t === '-Infinity' ? -Infinity : Number(t) }),
  string: (s) => s,
  array: (items) => items,
  object: (pairs) => new Map(pairs),
};
function pyFloatRepr(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  const s = String(v);
  return s.replace(/e\+?(-?)(\d)$/, 'e$10$2').replace(/e\+/, 'e+');
}
const classify = (v: PV): JsonKind<PV> => {
  if (v === null) return { t: 'null' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'bigint') return { t: 'int', text: String(v) };
  if (typeof v === 'string') return { t: 'str', s: v };
  if (Array.isArray(v)) return { t: 'list', id: v, items: v };
  if (v instanceof Map) return { t: 'dict', id: v, entries: v.entries() };
  return { t: 'float', v: v.f, repr: pyFloatRepr(v.f) };
};
const typeName = (v: PV): string =>
  v === null ? 'NoneType' : typeof v === 'boolean' ? 'bool' : typeof v === 'bigint' ? 'int' : typeof v === 'string' ? 'str' : Array.isArray(v) ? 'list' : v instanceof Map ? 'dict' : 'float';

describe('json scanner against CPython (generated table)', () => {
  it.each(oracle.docs.map((d) => [d.doc, d] as const))('%j', (doc, d) => {
    if (d.error !== undefined) {
      let err: unknown;
      try {
        parseJson(doc, builder);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(JsonDecodeError);
      expect((err as Error).message).toBe(d.error);
    } else {
      const v = parseJson(doc, builder);
      expect(typeName(v)).toBe(d.type);
      expect(dumpJson(v, classify)).toBe(d.ok);
    }
  });
});

describe('json serialiser', () => {
  it.each(oracle.strings.map((s) => [s.s, s] as const))('encodes %j like CPython', (s, e) => {
    expect(encodeJsonString(s)).toBe(e.ascii);
    expect(encodeJsonString(s, false)).toBe(e.raw);
  });
  it('uses separators (extmod/json_dumps_separators.py)', () => {
    const v: PV = new Map<string, PV>([['a', [2n, [3n, null]]]]);
    expect(dumpJson(v, classify)).toBe('{"a": [2, [3, null]]}');
    expect(dumpJson(v, classify, { separators: [',', ': '] })).toBe('{"a": [2,[3,null]]}');
    expect(dumpJson(v, classify, { separators: [',', ':'] })).toBe('{"a":[2,[3,null]]}');
  });
  it('converts keys as CPython does, and refuses others', () => {
    const keys = (k: PV): string => dumpJson<PV>(new Map<string, PV>([['k', 1n]]), (x) => (x instanceof Map ? { t: 'dict', id: x, entries: [[k, 1n]] } : classify(x)));
    expect(keys(null)).toBe('{"null": 1}');
    expect(keys(false)).toBe('{"false": 1}');
    expect(keys(1n)).toBe('{"1": 1}');
    expect(keys({ f: 1.5 })).toBe('{"1.5": 1}');
    expect(() => keys([1n])).toThrow('keys must be str, int, float, bool or None, not list');
  });
  it('floats: repr, NaN and infinities', () => {
    expect(dumpJson([{ f: 1.2 }, { f: NaN }, { f: -Infinity }], classify)).toBe('[1.2, NaN, -Infinity]');
  });
  it('unserialisable values and cycles', () => {
    expect(() => dumpJson(new Set(), () => ({ t: 'other', typeName: 'set' }))).toThrow(JsonTypeError);
    expect(() => dumpJson(new Set(), () => ({ t: 'other', typeName: 'set' }))).toThrow('Object of type set is not JSON serializable');
    const loop: PV[] = [];
    loop.push(loop);
    expect(() => dumpJson(loop, classify)).toThrow(JsonValueError);
  });
  it('streams output through write()', () => {
    const chunks: string[] = [];
    dumpJson([1n, 'a'], classify, { write: (s) => chunks.push(s) });
    expect(chunks.join('')).toBe('[1, "a"]');
    expect(chunks.length).toBeGreaterThan(2);
  });
  it('parses deep nesting without recursion', () => {
    const depth = 100000;
    const v = parseJson('['.repeat(depth) + ']'.repeat(depth), builder);
    expect(Array.isArray(v)).toBe(true);
  });
});
