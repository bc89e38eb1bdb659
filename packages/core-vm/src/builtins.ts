// The builtins module: spec 4.1.1 "Builtin functions and exceptions" (MicroPython py/modbuiltins.c;
// CPython Python/bltinmodule.c). Each function names the spec entry it implements.
import { PyType, STOP, UN_ABS, OP_DIVMOD, OP_POW, CMP_LT, CMP_GT } from './object.js';
import * as T from './types.js';
import { vm } from './state.js';
import { NotImplemented, Ellipsis } from './singletons.js';
import {
  typeOf, typeName, repr, str, id, call, getAttr, getAttrOpt, setAttr, getIter, iterNext, len, isCallable,
  truthy, unaryOp, binaryOp, compare, toIndex, asInt, forEach, toArray, lookupSpecial, instDict, bindDescr,
} from './runtime.js';
import { PyBuiltin, builtin, PyFunction } from './objects/function.js';
import { PyBaseException, typeError, valueError, newException, overflowError, stopIteration } from './objects/exceptions.js';
import { PyTuple } from './objects/tuple.js';
import { PyList, sortItems } from './objects/list.js';
import { PyDict, dictSetStr, dictGetStr, dictDelStr, dictKeys } from './objects/dict.js';
import { PyFloat, floatRound } from './objects/float.js';
import { intPowMod, intAdd, floatToInt, type Int } from './objects/int.js';
import { strVal, isStr, strRepr, codePoints, strLen, strArg } from './objects/str.js';
import { PyBytes, bufferOf } from './objects/bytes.js';
import { PyComplex, hashBuiltin } from './objects/complex.js';
import { formatValue } from './format.js';
import { CallableIter } from './objects/iterators.js';
import { PyGenerator } from './objects/generator.js';
import { buildClassBuiltin } from './classes.js';
import { PyModule } from './objects/module.js';
import { builtinsObject, runCode, type Frame } from './interp.js';
import type { CodeObject } from '@mpy-ts/bytecode';
import { CodeObject as CodeObjectClass } from '@mpy-ts/bytecode';

/** ascii(x): repr with non-ASCII escaped. */
export function ascii(x: any): string {
  const r = repr(x);
  let out = '';
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

function kwargs(args: any[], kwnames: readonly string[] | null): [any[], Map<string, any>] {
  const kw = new Map<string, any>();
  if (kwnames === null) return [args, kw];
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) kw.set(kwnames[i], args[npos + i]);
  return [args.slice(0, npos), kw];
}

function onlyKw(kw: Map<string, any>, allowed: string[], fname: string): void {
  for (const k of kw.keys()) if (!allowed.includes(k)) throw typeError(`'${k}' is an invalid keyword argument for ${fname}()`);
}

// spec 4.1.1 print(): print(*objects, sep=' ', end='\n', file=sys.stdout, flush=False)
function print(args: any[], kwnames: readonly string[] | null): any {
  const [pos, kw] = kwargs(args, kwnames);
  onlyKw(kw, ['sep', 'end', 'file', 'flush'], 'print');
  let sep = kw.get('sep');
  let end = kw.get('end');
  if (sep === undefined || sep === null) sep = ' ';
  else if (!isStr(sep)) throw typeError(`sep must be None or a string, not ${typeName(sep)}`);
  if (end === undefined || end === null) end = '\n';
  else if (!isStr(end)) throw typeError(`end must be None or a string, not ${typeName(end)}`);
  const file = kw.get('file');
  const flush = kw.has('flush') && truthy(kw.get('flush'));
  if (file !== undefined && file !== null && file !== vm.stdoutObj && file !== vm.stderrObj) {
    // a stream object gets each piece by its own write() call, as CPython and MicroPython do
    for (let i = 0; i < pos.length; i++) {
      if (i > 0) vm.printTo(file, strVal(sep), false);
      const v = pos[i];
      vm.printTo(file, typeof v === 'string' ? v : str(v), false);
    }
    vm.printTo(file, strVal(end), flush);
    return null;
  }
  let s = '';
  for (let i = 0; i < pos.length; i++) {
    if (i > 0) s += strVal(sep);
    const v = pos[i];
    s += typeof v === 'string' ? v : str(v);
  }
  s += strVal(end);
  vm.printTo(file === undefined ? null : file, s, flush);
  return null;
}

// spec 4.1.1 max()/min(): (iterable, *, key, default) or (a, b, *args, key)
function minmax(args: any[], kwnames: readonly string[] | null, isMax: boolean): any {
  const name = isMax ? 'max' : 'min';
  const [pos, kw] = kwargs(args, kwnames);
  onlyKw(kw, ['key', 'default'], name);
  const key = kw.get('key') ?? null;
  let items: any[];
  if (pos.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (pos.length === 1) items = toArray(pos[0]);
  else {
    if (kw.has('default')) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = pos;
  }
  if (items.length === 0) {
    if (kw.has('default')) return kw.get('default');
    throw valueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : call(key, [best], null);
  const op = isMax ? CMP_GT : CMP_LT;
  for (let i = 1; i < items.length; i++) {
    const v = items[i];
    const k = key === null ? v : call(key, [v], null);
    let better: boolean;
    if (typeof k === 'number' && typeof bestKey === 'number') better = isMax ? k > bestKey : k < bestKey;
    else better = truthy(compare(k, bestKey, op));
    if (better) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

function sum(iterable: any, start: any): any {
  let acc: any = start === undefined ? 0 : start;
  if (isStr(acc)) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (acc instanceof PyBytes) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
  forEach(iterable, (v) => {
    if (typeof acc === 'number' && typeof v === 'number') {
      const r = acc + v;
      acc = r <= 9007199254740991 && r >= -9007199254740991 ? r : intAdd(acc, v);
    } else if (acc instanceof PyFloat && v instanceof PyFloat && acc.type === T.floatType && v.type === T.floatType) {
      acc = new PyFloat(acc.value + v.value);
    } else acc = binaryOp(0, acc, v);
  });
  return acc;
}

function sorted(args: any[], kwnames: readonly string[] | null): any {
  const [pos, kw] = kwargs(args, kwnames);
  onlyKw(kw, ['key', 'reverse'], 'sorted');
  if (pos.length !== 1) throw typeError(`sorted expected 1 argument, got ${pos.length}`);
  const items = toArray(pos[0]);
  const l = new PyList(items);
  vm.listSort(l, kw.get('key') ?? null, kw.has('reverse') && truthy(kw.get('reverse')));
  return l;
}

function isinstanceCheck(x: any, cls: any, depth = 0): boolean {
  if (depth > 50) throw newException(T.runtimeErrorType, 'maximum recursion depth exceeded');
  if (cls instanceof PyType) {
    if (typeOf(x).isSubtypeOf(cls)) return true;
    const meta = typeOf(cls);
    if (meta !== T.typeType) {
      const ic = meta.lookup('__instancecheck__');
      if (ic !== undefined && !(ic instanceof PyBuiltin)) return truthy(call(bindDescr(ic, cls, meta), [x], null));
    }
    const c = lookupSpecial(x, '__class__');
    return c instanceof PyType && c !== typeOf(x) && c.isSubtypeOf(cls);
  }
  if (cls instanceof PyTuple) return cls.items.some((c) => isinstanceCheck(x, c, depth + 1));
  const ic = typeof cls === 'object' && cls !== null ? lookupSpecial(cls, '__instancecheck__') : undefined;
  if (ic !== undefined) return truthy(call(ic, [x], null));
  throw typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
}

function issubclassCheck(c: any, cls: any): boolean {
  if (cls instanceof PyTuple) return cls.items.some((k) => issubclassCheck(c, k));
  if (!(cls instanceof PyType)) {
    const sc = typeof cls === 'object' && cls !== null ? lookupSpecial(cls, '__subclasscheck__') : undefined;
    if (sc !== undefined) return truthy(call(sc, [c], null));
    throw typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  }
  if (!(c instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
  const meta = typeOf(cls);
  if (meta !== T.typeType) {
    const scm = meta.lookup('__subclasscheck__');
    if (scm !== undefined && !(scm instanceof PyBuiltin)) return truthy(call(bindDescr(scm, cls, meta), [c], null));
  }
  return c.isSubtypeOf(cls);
}

function intArgRadix(x: any, radix: number, prefix: string): string {
  const v = asInt(x) ?? toIndex(x);
  const neg = v < 0;
  const a = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  return (neg ? '-' : '') + prefix + a.toString(radix);
}

/**
 * locals() of a frame: the namespace itself for module and class-body code; for a function, one dict per
 * call, refreshed from the fast locals and cells on each call (bound names set, unbound ones removed,
 * other keys left alone), as CPython 3.11's frame f_locals.
 */
export function frameLocals(f: Frame): any {
  if (f.locals !== null) return f.locals;
  let d = f.localsDict;
  if (d === null) d = f.localsDict = new PyDict();
  // CPython's order: parameters and other locals (a cell parameter's value is in its cell), then the
  // other cell variables, then free variables; f.cells holds cellvars then freevars
  const { varnames, cellvars, freevars } = f.code;
  const put = (name: string, v: any) => {
    if (v !== undefined) dictSetStr(d, name, v);
    else dictDelStr(d, name);
  };
  for (let i = 0; i < varnames.length; i++) {
    const c = cellvars.indexOf(varnames[i]);
    put(varnames[i], c < 0 ? f.fast[i] : f.cells[c]?.value);
  }
  for (let i = 0; i < cellvars.length; i++) if (!varnames.includes(cellvars[i])) put(cellvars[i], f.cells[i]?.value);
  for (let i = 0; i < freevars.length; i++) put(freevars[i], f.cells[cellvars.length + i]?.value);
  return d;
}

function dir(args: any[]): any {
  if (args.length === 0) {
    const f = vm.frame;
    const loc = f === null ? vm.mainDict : frameLocals(f);
    const keys = loc instanceof PyDict ? dictKeys(loc) : toArray(call(getAttr(loc, 'keys'), [], null));
    const out = keys.filter((k) => typeof k === 'string');
    sortItems(out, null);
    return new PyList(out);
  }
  const x = args[0];
  const d = lookupSpecial(x, '__dir__');
  const items = d !== undefined ? toArray(call(d, [], null)) : vm.dirOf(x);
  sortItems(items, null);
  return new PyList(items);
}

function compileArgs(source: any, filename: any, mode: any): CodeObject {
  if (source instanceof CodeObjectClass) return source;
  let src: string;
  if (isStr(source)) src = strVal(source);
  else {
    const b = bufferOf(source);
    if (b === null) throw typeError('compile() arg 1 must be a string, bytes or AST object');
    src = vm.decodeUtf8(b);
  }
  const m = strVal(mode);
  if (m !== 'exec' && m !== 'eval' && m !== 'single') throw valueError("compile() mode must be 'exec', 'eval' or 'single'");
  return vm.compile(src, strVal(filename), m);
}

function execOrEval(args: any[], kwnames: readonly string[] | null, mode: 'exec' | 'eval'): any {
  const [pos, kw] = kwargs(args, kwnames);
  const name = mode;
  onlyKw(kw, ['globals', 'locals'], name);
  if (pos.length < 1 || pos.length > 3) throw typeError(`${name} expected 1 to 3 arguments`);
  let globals = pos.length > 1 ? pos[1] : kw.get('globals');
  let locals = pos.length > 2 ? pos[2] : kw.get('locals');
  const f = vm.frame;
  if (globals === undefined || globals === null) {
    globals = f === null ? vm.mainDict : f.globals;
    if (locals === undefined || locals === null) locals = f === null ? globals : frameLocals(f);
  } else if (locals === undefined || locals === null) locals = globals;
  if (!(globals instanceof PyDict)) throw typeError(mode === 'eval' ? 'globals must be a dict' : `exec() globals must be a dict, not ${typeName(globals)}`);
  // as CPython: globals without __builtins__ get the running code's builtins (the dict, not the module)
  if (dictGetStr(globals, '__builtins__') === undefined) dictSetStr(globals, '__builtins__', f === null ? vm.builtins : builtinsObject(f.builtins));
  const src = pos[0];
  const code = src instanceof CodeObjectClass ? src : compileArgs(src, '<string>', mode);
  const r = runCode(code, globals, locals);
  return mode === 'eval' ? r : null;
}

function roundBuiltin(x: any, nd: any): any {
  if (x instanceof PyFloat && x.type === T.floatType) {
    if (nd === undefined || nd === null) return floatToInt(floatRound(x.value, undefined));
    return new PyFloat(floatRound(x.value, Number(asInt(nd) ?? toIndex(nd))));
  }
  const r = lookupSpecial(x, '__round__');
  if (r === undefined) throw typeError(`type ${typeName(x)} doesn't define __round__ method`);
  return call(r, nd === undefined ? [] : [nd], null);
}

function nextBuiltin(it: any, dflt: any): any {
  const t = typeOf(it);
  if (t.next === null) throw typeError(`'${t.name}' object is not an iterator`);
  vm.yieldFromResult = null;
  const v = t.next(it);
  if (v !== STOP) return v;
  if (dflt !== undefined) return dflt;
  if (it instanceof PyGenerator) throw stopIteration(it.retval);
  const rv = vm.yieldFromResult;
  vm.yieldFromResult = null;
  throw stopIteration(rv);
}

function chr(x: any): string {
  const i = asInt(x) ?? toIndex(x);
  if (typeof i === 'bigint') throw overflowError('Python int too large to convert to C int');
  if (i < 0 || i > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(Number(i));
}

function ord(x: any): number {
  if (isStr(x)) {
    const s = strVal(x);
    const cps = codePoints(s);
    if (cps.length !== 1) throw typeError(`ord() expected a character, but string of length ${cps.length} found`);
    return cps[0].codePointAt(0)!;
  }
  const b = bufferOf(x);
  if (b !== null && !(typeOf(x) === T.memoryviewType)) {
    if (b.length !== 1) throw typeError(`ord() expected a character, but string of length ${b.length} found`);
    return b[0];
  }
  throw typeError(`ord() expected string of length 1, but ${typeName(x)} found`);
}

function powBuiltin(base: any, exp: any, mod: any): any {
  if (mod === undefined || mod === null) return binaryOp(OP_POW, base, exp);
  const a = asInt(base);
  const b = asInt(exp);
  const m = asInt(mod);
  if (a === undefined || b === undefined || m === undefined) {
    // CPython ternary_op: a complex operand reaches complex's power, which refuses any modulus
    if (base instanceof PyComplex || exp instanceof PyComplex || mod instanceof PyComplex) throw valueError('complex modulo');
    const p = typeOf(base).isSubtypeOf(T.intType) || base instanceof PyFloat ? undefined : lookupSpecial(base, '__pow__');
    if (p !== undefined) {
      const r = call(p, [exp, mod], null);
      if (r !== NotImplemented) return r;
    }
    throw typeError('pow() 3rd argument not allowed unless all arguments are integers');
  }
  return intPowMod(a, b, m);
}

function iterBuiltin(x: any, sentinel: any): any {
  if (sentinel === undefined) return getIter(x);
  if (!isCallable(x)) throw typeError('iter(v, w): v must be callable');
  return new CallableIter(x, sentinel);
}

function vars(args: any[]): any {
  if (args.length === 0) {
    const f = vm.frame;
    return f === null ? vm.mainDict : frameLocals(f);
  }
  const x = args[0];
  if (x instanceof PyModule) return x.dict;
  const d = getAttrOpt(x, '__dict__');
  if (d === undefined) throw typeError('vars() argument must have __dict__ attribute');
  return d;
}

function input(prompt: any): any {
  if (prompt !== undefined) vm.printTo(null, str(prompt), true);
  const line = vm.readStdinLine();
  if (line === null) throw newException(T.eofErrorType, 'EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
}

function importBuiltin(args: any[], kwnames: readonly string[] | null): any {
  const [pos, kw] = kwargs(args, kwnames);
  const name = pos[0] ?? kw.get('name');
  const globals = pos[1] ?? kw.get('globals') ?? null;
  const fromlist = pos[3] ?? kw.get('fromlist') ?? null;
  const level = pos[4] ?? kw.get('level') ?? 0;
  if (!isStr(name)) throw typeError(`__import__() argument 1 must be str, not ${typeName(name)}`);
  return vm.importName(strVal(name), globals instanceof PyDict ? globals : vm.frame?.globals ?? vm.mainDict, fromlist, level);
}

/** Every builtin function and constant, for a fresh builtins module dict. */
export function builtinEntries(): [string, any][] {
  const fns: PyBuiltin[] = [
    builtin('abs', (x) => {
      if (typeof x === 'number') return Math.abs(x);
      return unaryOp(UN_ABS, x);
    }, 1),
    builtin('all', (it) => {
      let r = true;
      forEach(it, (v) => {
        if (!truthy(v)) {
          r = false;
          return true;
        }
        return false;
      });
      return r;
    }, 1),
    builtin('any', (it) => {
      let r = false;
      forEach(it, (v) => {
        if (truthy(v)) {
          r = true;
          return true;
        }
        return false;
      });
      return r;
    }, 1),
    builtin('ascii', ascii, 1),
    builtin('bin', (x) => intArgRadix(x, 2, '0b'), 1),
    builtin('oct', (x) => intArgRadix(x, 8, '0o'), 1),
    builtin('hex', (x) => intArgRadix(x, 16, '0x'), 1),
    builtin('callable', (x) => isCallable(x), 1),
    builtin('chr', chr, 1),
    builtin('ord', ord, 1),
    builtin('compile', (source, filename, mode) => compileArgs(source, filename, mode), { params: 'source, filename, mode, flags, dont_inherit, optimize', min: 3 }),
    builtin('delattr', (o, name) => {
      setAttr(o, strVal(name, 'attribute name must be string, not'), undefined);
      return null;
    }, 2),
    builtin('dir', dir, { raw: true }),
    builtin('divmod', (a, b) => binaryOp(OP_DIVMOD, a, b), 2),
    builtin('eval', (args: any[], kw: readonly string[] | null) => execOrEval(args, kw, 'eval'), { raw: true, min: 1 }),
    builtin('exec', (args: any[], kw: readonly string[] | null) => execOrEval(args, kw, 'exec'), { raw: true, min: 1 }),
    builtin('format', (v, spec) => formatValue(v, spec === undefined ? '' : strArg(spec, 'format() argument 2')), { params: 'value, format_spec, /', min: 1 }),
    builtin('getattr', (o, name, dflt) => {
      if (!isStr(name)) throw typeError(`attribute name must be string, not '${typeName(name)}'`);
      if (dflt === undefined) return getAttr(o, strVal(name));
      const v = getAttrOpt(o, strVal(name));
      return v === undefined ? dflt : v;
    }, { params: 'object, name, default, /', min: 2 }),
    builtin('setattr', (o, name, v) => {
      if (!isStr(name)) throw typeError(`attribute name must be string, not '${typeName(name)}'`);
      setAttr(o, strVal(name), v);
      return null;
    }, 3),
    builtin('hasattr', (o, name) => {
      if (!isStr(name)) throw typeError(`attribute name must be string, not '${typeName(name)}'`);
      return getAttrOpt(o, strVal(name)) !== undefined;
    }, 2),
    builtin('globals', () => (vm.frame === null ? vm.mainDict : vm.frame.globals), 0),
    builtin('locals', () => (vm.frame === null ? vm.mainDict : frameLocals(vm.frame)), 0),
    builtin('vars', vars, { raw: true }),
    builtin('hash', (x) => hashBuiltin(x), 1),
    builtin('id', (x) => id(x), 1),
    builtin('input', input, { params: 'prompt, /', min: 0 }),
    builtin('isinstance', (x, c) => isinstanceCheck(x, c), 2),
    builtin('issubclass', (c, cls) => issubclassCheck(c, cls), 2),
    builtin('iter', iterBuiltin, { params: 'object, sentinel, /', min: 1 }),
    builtin('next', nextBuiltin, { params: 'iterator, default, /', min: 1 }),
    builtin('len', (x) => len(x), 1),
    builtin('max', (args: any[], kw: readonly string[] | null) => minmax(args, kw, true), { raw: true }),
    builtin('min', (args: any[], kw: readonly string[] | null) => minmax(args, kw, false), { raw: true }),
    builtin('open', (args: any[], kw: readonly string[] | null) => vm.open(args, kw), { raw: true, min: 1 }),
    builtin('pow', powBuiltin, { params: 'base, exp, mod', min: 2 }),
    builtin('print', print, { raw: true }),
    builtin('repr', (x) => repr(x), 1),
    builtin('round', roundBuiltin, { params: 'number, ndigits', min: 1 }),
    builtin('sorted', sorted, { raw: true, min: 1 }),
    builtin('sum', sum, { params: 'iterable, /, start', min: 1 }),
    builtin('__import__', importBuiltin, { raw: true, min: 1 }),
    builtin('breakpoint', () => null, { raw: true }),
    buildClassBuiltin,
  ];
  const out: [string, any][] = fns.map((f) => [f.name, f]);
  const types: PyType[] = [
    T.objectType, T.typeType, T.boolType, T.intType, T.floatType, T.complexType, T.strType, T.bytesType,
    T.bytearrayType, T.memoryviewType, T.listType, T.tupleType, T.dictType, T.setType, T.frozensetType,
    T.rangeType, T.sliceType, T.enumerateType, T.zipType, T.mapType, T.filterType, T.reversedType,
    T.propertyType, T.staticmethodType, T.classmethodType, T.superType,
  ];
  for (const t of types) out.push([t.name, t]);
  for (const t of T.builtinExceptionTypes) out.push([t.name, t]);
  out.push(['EnvironmentError', T.osErrorType], ['IOError', T.osErrorType]);
  out.push(['NotImplemented', NotImplemented], ['Ellipsis', Ellipsis], ['None', null], ['True', true], ['False', false]);
  void PyBaseException;
  void PyFunction;
  void overflowError;
  void iterNext;
  void strRepr;
  void strLen;
  void instDict;
  void floatToInt;
  return out;
}

export type { Int };
