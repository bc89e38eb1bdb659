// Private name mangling (CPython's _Py_Mangle): inside a class body, an identifier `__spam` (two leading
// underscores, not ending in two) is rewritten `_Class__spam`, where Class is the innermost enclosing
// class's name without its leading underscores. Done once on the AST before scope analysis, so names,
// attributes, parameters, function and class names, `global`/`nonlocal` lists and `except ... as` names
// all agree. Keyword argument names in calls and imported module names are left alone, as in CPython.
import type * as A from './ast.js';

/** The mangled form of `name` inside class `cls` (null: not in a class). */
export function mangle(cls: string | null, name: string): string {
  if (cls === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = cls.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

/** Rewrite private names in place throughout a module's AST. */
export function mangleModule(mod: A.Mod): void {
  walk(mod, null);
}

// An explicit stack, not recursion: long elif chains nest deeply.
function walk(root: any, rootCls: string | null): void {
  const stack: [any, string | null][] = [[root, rootCls]];
  for (;;) {
    const top = stack.pop();
    if (top === undefined) return;
    const [node, cls] = top;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], cls]);
      continue;
    }
    switch (node.type) {
      case 'ClassDef': {
        const c = node as A.ClassDef;
        stack.push([c.body, c.name], [c.keywords, cls], [c.bases, cls], [c.decorators, cls]);
        c.name = mangle(cls, c.name);
        continue;
      }
      case 'FunctionDef':
        (node as A.FunctionDef).name = mangle(cls, (node as A.FunctionDef).name);
        break;
      case 'Name':
        (node as A.Name).id = mangle(cls, (node as A.Name).id);
        continue;
      case 'Attribute':
        (node as A.Attribute).attr = mangle(cls, (node as A.Attribute).attr);
        break;
      case 'arg':
        (node as A.Arg).arg = mangle(cls, (node as A.Arg).arg);
        break;
      case 'Global':
      case 'Nonlocal':
        (node as A.Global).names = (node as A.Global).names.map((n) => mangle(cls, n));
        continue;
      case 'ExceptHandler': {
        const h = node as A.ExceptHandler;
        if (h.name !== null) h.name = mangle(cls, h.name);
        break;
      }
      case 'Constant':
        continue;
      default:
        break;
    }
    for (const k in node) {
      const v = node[k];
      if (v !== null && typeof v === 'object') stack.push([v, cls]);
    }
  }
}
