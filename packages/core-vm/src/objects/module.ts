// module (MicroPython py/objmodule.c; CPython Objects/moduleobject.c): a namespace dict with a name.
import { PyObject, type PyType } from '../object.js';
import * as T from '../types.js';
import { PyDict, dictGetStr, dictSetStr, dictDelStr } from './dict.js';
import { defGetSet } from './function.js';
import { genericGetAttr, call, repr, noAttr } from '../runtime.js';
import { typeError } from './exceptions.js';

export class PyModule extends PyObject {
  name: string;
  dict: PyDict;
  constructor(name: string, dict?: PyDict, type: PyType = T.moduleType) {
    super(type);
    this.name = name;
    this.dict = dict ?? new PyDict();
    if (dictGetStr(this.dict, '__name__') === undefined) dictSetStr(this.dict, '__name__', name);
  }
}

export function setupModule(): void {
  const t = T.moduleType;
  t.keyKind = 1;
  t.alloc = (type) => new PyModule('?', undefined, type);
  t.getattr = (x, name) => {
    const m = x as PyModule;
    const v = dictGetStr(m.dict, name);
    if (v !== undefined) return v;
    const g = genericGetAttr(x, name);
    if (g !== undefined) return g;
    const ga = dictGetStr(m.dict, '__getattr__');
    if (ga !== undefined) return call(ga, [name], null);
    return undefined;
  };
  t.setattr = (x, name, value) => {
    const m = x as PyModule;
    if (name === '__dict__') throw typeError('readonly attribute');
    if (value === undefined) {
      if (!dictDelStr(m.dict, name)) throw noAttr(x, name);
    } else dictSetStr(m.dict, name, value);
  };
  t.repr = (x) => {
    const m = x as PyModule;
    const file = dictGetStr(m.dict, '__file__');
    if (typeof file === 'string') return `<module '${m.name}' from '${file}'>`;
    return `<module '${m.name}'>`;
  };
  t.make = (type, args) => {
    if (args.length < 1 || typeof args[0] !== 'string') throw typeError('module() argument 1 must be str');
    const m = new PyModule(args[0], undefined, type);
    if (args.length > 1) dictSetStr(m.dict, '__doc__', args[1]);
    return m;
  };
  defGetSet(t, '__dict__', (x) => (x as PyModule).dict);
  void repr;
}
