// The sys module (spec 4.1.5; MicroPython py/modsys.c).
import * as T from '../types.js';
import type { VM } from '../vm.js';
import { PyModule } from '../objects/module.js';
import { PyInstance } from '../object.js';
import { PyTuple, PyTupleSub } from '../objects/tuple.js';
import type { PyType } from '../object.js';
import { defineType } from '../define.js';
import { repr } from '../runtime.js';
import { dictSetStr, dictGetStr } from '../objects/dict.js';
import { builtin } from '../objects/function.js';
import { PyBaseException, newException, typeError, osError } from '../objects/exceptions.js';
import { instSet, getAttrOpt, call, typeOf, isCallable } from '../runtime.js';
import { formatException } from '../errors.js';
import { tracebackObject } from '../interp.js';

/** A namespace object with the given attributes (sys.implementation). */
export function namespace(attrs: Record<string, any>): PyInstance {
  const o = new PyInstance(T.simpleNamespaceType);
  for (const k of Object.keys(attrs)) instSet(o, k, attrs[k]);
  return o;
}

/**
 * sys.version_info's type, a struct sequence as CPython's: a tuple of MicroPython's three numbers
 * (major, minor, micro), so indexing, slicing and comparing with tuples are as before, with those
 * fields as attributes, plus releaselevel and serial as attributes only (as a struct sequence's unnamed
 * extra fields: CPython's own tuple has them as items 4 and 5). No instances from Python code.
 */
let versionInfoType: PyType | null = null;
const VERSION_FIELDS = ['major', 'minor', 'micro'];

export function versionInfo(major: number, minor: number, micro: number): PyTupleSub {
  if (versionInfoType === null) {
    const t = defineType({
      name: 'version_info',
      base: T.tupleType,
      module: 'sys',
      subclassable: false,
      make: () => {
        throw typeError("cannot create 'sys.version_info' instances");
      },
      slots: {
        repr: (x: PyTupleSub) => `sys.version_info(${VERSION_FIELDS.map((n, i) => `${n}=${repr(x.items[i])}`).join(', ')})`,
      },
      getsets: {
        major: (x: PyTupleSub) => x.items[0],
        minor: (x: PyTupleSub) => x.items[1],
        micro: (x: PyTupleSub) => x.items[2],
        releaselevel: () => 'final',
        serial: () => 0,
      },
      attrs: { n_sequence_fields: 3, n_fields: 5, n_unnamed_fields: 0 },
    });
    t.dict.delete('__new__');
    versionInfoType = t;
  }
  return new PyTupleSub(versionInfoType, [major, minor, micro]);
}

export function makeSysModule(vm: VM): PyModule {
  const m = new PyModule('sys');
  const d = m.dict;
  dictSetStr(d, 'argv', vm.argv);
  dictSetStr(d, 'path', vm.path);
  dictSetStr(d, 'modules', vm.modules);
  dictSetStr(d, 'byteorder', 'little');
  dictSetStr(d, 'platform', vm.platform);
  dictSetStr(d, 'maxsize', vm.maxsize <= 9007199254740991n ? Number(vm.maxsize) : vm.maxsize);
  dictSetStr(d, 'version', '3.4.0; MicroPython v1.9.4 (mpy-ts)');
  dictSetStr(d, 'version_info', versionInfo(3, 4, 0));
  // (its repr stays the plain object's: basics/int_bytes_int64.py takes "micropython" in it to mean
  // MicroPython's int.to_bytes, which treats negative numbers as signed; mpy-ts does what CPython does)
  dictSetStr(d, 'implementation', namespace({ name: 'micropython', version: versionInfo(1, 9, 4), _machine: 'mpy-ts with TypeScript', _mpy: 0 }));
  dictSetStr(d, 'stdin', vm.stdinObj);
  dictSetStr(d, 'stdout', vm.stdoutObj);
  dictSetStr(d, 'stderr', vm.stderrObj);
  dictSetStr(d, 'exit', builtin('exit', (code) => {
    throw code === undefined ? newException(T.systemExitType) : newException(T.systemExitType, code);
  }, { params: 'code, /', min: 0 }));
  dictSetStr(d, 'print_exception', builtin('print_exception', (exc, file) => {
    const f = file === undefined || file === null ? dictGetStr(d, 'stdout') : file;
    const w = getAttrOpt(f, 'write');
    if (w === undefined) throw osError(22);
    if (!(exc instanceof PyBaseException)) throw typeError(`print_exception() argument must be an exception, not ${typeOf(exc).name}`);
    vm.printTo(f, formatException(exc), false);
    return null;
  }, { params: 'exc, file, /', min: 1 }));
  dictSetStr(d, 'exc_info', builtin('exc_info', () => {
    const e = vm.excInfo;
    if (e === null) return new PyTuple([null, null, null]);
    return new PyTuple([e.type, e, tracebackObject(e)]);
  }, 0));
  dictSetStr(d, 'atexit', builtin('atexit', (fn) => {
    if (fn !== null && !isCallable(fn)) throw typeError('callable expected');
    const prev = vm.atexit;
    vm.atexit = fn;
    return prev;
  }, 1));
  dictSetStr(d, 'getrecursionlimit', builtin('getrecursionlimit', () => vm.maxDepth, 0));
  dictSetStr(d, 'setrecursionlimit', builtin('setrecursionlimit', (n) => {
    if (typeof n !== 'number' || n < 1) throw newException(T.valueErrorType, 'recursion limit must be greater or equal than 1');
    vm.maxDepth = n;
    return null;
  }, 1));
  dictSetStr(d, 'intern', builtin('intern', (s) => {
    if (typeof s !== 'string') throw typeError(`intern() argument must be str, not ${typeOf(s).name}`);
    return s;
  }, 1));
  void call;
  return m;
}
