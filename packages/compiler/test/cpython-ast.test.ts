// The parser against a reference: our AST, written in the format of CPython's `ast.dump`, must equal what
// CPython's own parser produces for the same source (python3 is on the machine; skipped without it).
// Sources: hand-written snippets covering the grammar, plus the fuzz generator's random programs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConstComplex, ConstEllipsis, ConstFloat, ConstTuple, constRepr, type Const } from '@mpy-ts/bytecode';
import { parse, type ast as A } from '@mpy-ts/compiler';
import { fuzzPrograms } from './fuzz-gen.js';

const binNames: Record<A.BinOperator, string> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '**': 'Pow',
  '<<': 'LShift', '>>': 'RShift', '&': 'BitAnd', '|': 'BitOr', '^': 'BitXor',
};
const unaryNames: Record<A.UnaryOperator, string> = { not: 'Not', '-': 'USub', '+': 'UAdd', '~': 'Invert' };
const cmpNames: Record<A.CmpOperator, string> = {
  '<': 'Lt', '<=': 'LtE', '==': 'Eq', '!=': 'NotEq', '>': 'Gt', '>=': 'GtE', is: 'Is', 'is not': 'IsNot', in: 'In', 'not in': 'NotIn',
};

type Ctx = 'Load' | 'Store' | 'Del';

/** `Name(f1=v1, ...)` omitting undefined/null optional fields, as ast.dump does. */
function node(name: string, fields: [string, string | null | undefined][]): string {
  const parts = fields.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${v}`);
  return `${name}(${parts.join(', ')})`;
}

function list(xs: string[]): string {
  return `[${xs.join(', ')}]`;
}

function pyConst(v: Const): string {
  if (v instanceof ConstComplex) return constRepr(v);
  if (v instanceof ConstFloat || typeof v === 'number' || typeof v === 'bigint') return constRepr(v);
  if (v === ConstEllipsis) return 'Ellipsis';
  if (v instanceof ConstTuple) return constRepr(v);
  return constRepr(v);
}

function e(x: A.Expr | null, ctx: Ctx = 'Load'): string | null {
  if (x === null) return null;
  switch (x.type) {
    case 'Constant':
      return node('Constant', [['value', pyConst(x.value)]]);
    case 'Name':
      return node('Name', [['id', `'${x.id}'`], ['ctx', `${ctx}()`]]);
    case 'BoolOp':
      return node('BoolOp', [['op', x.op === 'and' ? 'And()' : 'Or()'], ['values', list(x.values.map((v) => e(v)!))]]);
    case 'NamedExpr':
      return node('NamedExpr', [['target', e(x.target, 'Store')], ['value', e(x.value)]]);
    case 'BinOp':
      return node('BinOp', [['left', e(x.left)], ['op', `${binNames[x.op]}()`], ['right', e(x.right)]]);
    case 'UnaryOp':
      return node('UnaryOp', [['op', `${unaryNames[x.op]}()`], ['operand', e(x.operand)]]);
    case 'Lambda':
      return node('Lambda', [['args', args(x.args)], ['body', e(x.body)]]);
    case 'IfExp':
      return node('IfExp', [['test', e(x.test)], ['body', e(x.body)], ['orelse', e(x.orelse)]]);
    case 'Dict':
      return node('Dict', [['keys', list(x.keys.map((k) => (k === null ? 'None' : e(k)!)))], ['values', list(x.values.map((v) => e(v)!))]]);
    case 'Set':
      return node('Set', [['elts', list(x.elts.map((v) => e(v)!))]]);
    case 'List':
    case 'Tuple':
      return node(x.type, [['elts', list(x.elts.map((v) => e(v, ctx)!))], ['ctx', `${ctx}()`]]);
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      return node(x.type, [['elt', e(x.elt)], ['generators', comps(x.generators)]]);
    case 'DictComp':
      return node('DictComp', [['key', e(x.key)], ['value', e(x.value)], ['generators', comps(x.generators)]]);
    case 'Await':
      return node('Await', [['value', e(x.value)]]);
    case 'Yield':
      return node('Yield', [['value', e(x.value)]]);
    case 'YieldFrom':
      return node('YieldFrom', [['value', e(x.value)]]);
    case 'Compare':
      return node('Compare', [['left', e(x.left)], ['ops', list(x.ops.map((o) => `${cmpNames[o]}()`))], ['comparators', list(x.comparators.map((c) => e(c)!))]]);
    case 'Call':
      return node('Call', [['func', e(x.func)], ['args', list(x.args.map((a) => e(a)!))], ['keywords', list(x.keywords.map(kw))]]);
    case 'FormattedValue':
      return node('FormattedValue', [['value', e(x.value)], ['conversion', String(x.conversion)], ['format_spec', x.formatSpec ? e(x.formatSpec) : null]]);
    case 'JoinedStr':
      return node('JoinedStr', [['values', list(x.values.map((v) => e(v)!))]]);
    case 'Attribute':
      return node('Attribute', [['value', e(x.value)], ['attr', `'${x.attr}'`], ['ctx', `${ctx}()`]]);
    case 'Subscript':
      return node('Subscript', [['value', e(x.value)], ['slice', e(x.slice)], ['ctx', `${ctx}()`]]);
    case 'Starred':
      return node('Starred', [['value', e(x.value, ctx)], ['ctx', `${ctx}()`]]);
    case 'Slice':
      return node('Slice', [['lower', e(x.lower)], ['upper', e(x.upper)], ['step', e(x.step)]]);
  }
}

function kw(k: A.Keyword): string {
  return node('keyword', [['arg', k.arg === null ? null : `'${k.arg}'`], ['value', e(k.value)]]);
}

function comps(gens: A.Comprehension[]): string {
  return list(gens.map((g) => node('comprehension', [['target', e(g.target, 'Store')], ['iter', e(g.iter)], ['ifs', list(g.ifs.map((c) => e(c)!))], ['is_async', g.isAsync ? '1' : '0']])));
}

function arg(a: A.Arg | null): string | null {
  return a === null ? null : node('arg', [['arg', `'${a.arg}'`], ['annotation', e(a.annotation)]]);
}

function args(a: A.Arguments): string {
  return node('arguments', [
    ['posonlyargs', list(a.posonlyargs.map((x) => arg(x)!))],
    ['args', list(a.args.map((x) => arg(x)!))],
    ['vararg', arg(a.vararg)],
    ['kwonlyargs', list(a.kwonlyargs.map((x) => arg(x)!))],
    ['kw_defaults', list(a.kwDefaults.map((d) => (d === null ? 'None' : e(d)!)))],
    ['kwarg', arg(a.kwarg)],
    ['defaults', list(a.defaults.map((d) => e(d)!))],
  ]);
}

function body(b: A.Stmt[]): string {
  return list(b.map(s));
}

function s(x: A.Stmt): string {
  switch (x.type) {
    case 'FunctionDef':
      return node(x.isAsync ? 'AsyncFunctionDef' : 'FunctionDef', [['name', `'${x.name}'`], ['args', args(x.args)], ['body', body(x.body)], ['decorator_list', list(x.decorators.map((d) => e(d)!))], ['returns', e(x.returns)]]);
    case 'ClassDef':
      return node('ClassDef', [['name', `'${x.name}'`], ['bases', list(x.bases.map((b) => e(b)!))], ['keywords', list(x.keywords.map(kw))], ['body', body(x.body)], ['decorator_list', list(x.decorators.map((d) => e(d)!))]]);
    case 'Return':
      return node('Return', [['value', e(x.value)]]);
    case 'Delete':
      return node('Delete', [['targets', list(x.targets.map((t) => e(t, 'Del')!))]]);
    case 'Assign':
      return node('Assign', [['targets', list(x.targets.map((t) => e(t, 'Store')!))], ['value', e(x.value)]]);
    case 'AugAssign':
      return node('AugAssign', [['target', e(x.target, 'Store')], ['op', `${binNames[x.op]}()`], ['value', e(x.value)]]);
    case 'AnnAssign':
      return node('AnnAssign', [['target', e(x.target, 'Store')], ['annotation', e(x.annotation)], ['value', e(x.value)], ['simple', x.simple ? '1' : '0']]);
    case 'For':
      return node(x.isAsync ? 'AsyncFor' : 'For', [['target', e(x.target, 'Store')], ['iter', e(x.iter)], ['body', body(x.body)], ['orelse', body(x.orelse)]]);
    case 'While':
      return node('While', [['test', e(x.test)], ['body', body(x.body)], ['orelse', body(x.orelse)]]);
    case 'If':
      return node('If', [['test', e(x.test)], ['body', body(x.body)], ['orelse', body(x.orelse)]]);
    case 'With':
      return node(x.isAsync ? 'AsyncWith' : 'With', [
        ['items', list(x.items.map((it) => node('withitem', [['context_expr', e(it.contextExpr)], ['optional_vars', it.optionalVars ? e(it.optionalVars, 'Store') : null]])))],
        ['body', body(x.body)],
      ]);
    case 'Raise':
      return node('Raise', [['exc', e(x.exc)], ['cause', e(x.cause)]]);
    case 'Try':
      return node('Try', [
        ['body', body(x.body)],
        ['handlers', list(x.handlers.map((h) => node('ExceptHandler', [['type', e(h.exctype)], ['name', h.name === null ? null : `'${h.name}'`], ['body', body(h.body)]])))],
        ['orelse', body(x.orelse)],
        ['finalbody', body(x.finalbody)],
      ]);
    case 'Assert':
      return node('Assert', [['test', e(x.test)], ['msg', e(x.msg)]]);
    case 'Import':
      return node('Import', [['names', list(x.names.map(alias))]]);
    case 'ImportFrom':
      return node('ImportFrom', [['module', x.module === '' ? null : `'${x.module}'`], ['names', list(x.names.map(alias))], ['level', String(x.level)]]);
    case 'Global':
    case 'Nonlocal':
      return node(x.type, [['names', list(x.names.map((n) => `'${n}'`))]]);
    case 'Expr':
      return node('Expr', [['value', e(x.value)]]);
    case 'Pass':
    case 'Break':
    case 'Continue':
      return `${x.type}()`;
  }
}

function alias(a: A.Alias): string {
  return node('alias', [['name', `'${a.name}'`], ['asname', a.asname === null ? null : `'${a.asname}'`]]);
}

function dump(m: A.Mod): string {
  if (m.type !== 'Module') throw new Error('module expected');
  return node('Module', [['body', body(m.body)], ['type_ignores', '[]']]);
}

const snippets = [
  'x = 1\ny: int\nz: list[int] = [1, 2]\n',
  'a, *b = c = d\n[e, (f, g)] = h\nx += 1\nx @= y\nx **= 2\n',
  'del a, b.c, d[1:2]\n',
  'def f(a, b=2, /, c=3, *d, e, f=4, **g) -> int:\n    """doc"""\n    return a\n',
  'async def f():\n    await x\n    async for a in b:\n        pass\n    async with c as d, e:\n        pass\n    return [i async for i in y]\n',
  '@dec\n@dec2(1)\nclass A(B, C, metaclass=M, **kw):\n    x = 1\n',
  'if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    continue\n',
  'for i, (j, *k) in z:\n    pass\nelse:\n    pass\n',
  'try:\n    pass\nexcept A:\n    pass\nexcept (B, C) as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n',
  'with a as b, c:\n    pass\nwith (a as b, c as d):\n    pass\nwith (a, b):\n    pass\nwith (a, b)[0] as c:\n    pass\n',
  'raise\nraise E\nraise E from F\nassert x\nassert x, "msg"\n',
  'import a\nimport a.b.c as d, e\nfrom . import x\nfrom ..m import (y, z as w,)\nfrom m import *\n',
  'def f():\n    global a, b\n    def g():\n        nonlocal c\n',
  'x = a if b else c\ny = lambda a, *b, c=1, **d: a\nz = not a and b or c\n',
  'x = a < b <= c != d is e is not f in g not in h\n',
  'x = -a + +b - ~c * d / e // f % g ** -h << i >> j & k | l ^ m @ n\n',
  'x = a[1]\ny = a[1:2]\nz = a[::3, 4:]\nw = a[...]\nv = a[:, None]\n',
  'x = f(a, *b, c=d, **e)\ny = f(x for x in y)\nz = obj.meth(1)(2)[3].attr\n',
  'x = [1, *a]\ny = {1, *b}\nz = {1: 2, **c}\nw = (1,)\nv = ()\nu = {}\n',
  'x = [a for b in c if d if e for f in g]\ny = {a: b for c in d}\nz = {a for b in c}\nw = (a for b in c)\n',
  'x = f"a{b}c{d!r}e{f:>10}g{h!s:{i}.{j}}k{{l}}"\ny = f"{x=}"\nz = f"{x = !s:>5}"\nw = "a" f"{b}" "c"\n',
  "x = 'str'\ny = b'bytes' b'more'\nz = r'\\d'\nw = '''tri\nple'''\n",
  'x = 0x1F + 0o17 + 0b101 + 1_000 + 3.25 + 1e10 + 2j + .5 + 12345678901234567890\n',
  'x = True, False, None, ...\n',
  '(x := 1)\nif (y := f()):\n    pass\nprint([z := 1, z])\n',
  'def g():\n    x = yield\n    y = yield 1\n    z = yield from w\n    await_ = 1\n',
  'x = [\n    1,\n    2,\n]\ny = (1 +\n     2)\nz = 1 + \\\n    2\n',
  'class A:\n    def m(self):\n        return super().m()\n',
  'x = a.b.c.d\ny = f()()()\nz = a[b][c]\n',
  'x = 1 if 2 else 3 if 4 else 5\ny = lambda: (yield)\n',
];

const python = spawnSync('python3', ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)']);

describe.skipIf(python.status !== 0)('parser against CPython ast.dump', () => {
  const sources = [...snippets, ...fuzzPrograms(200, 7000)];
  const r = python.status === 0
    ? spawnSync('python3', ['-c', 'import ast, json, sys\nprint(json.dumps([ast.dump(ast.parse(s)) for s in json.load(sys.stdin)]))'], {
        input: JSON.stringify(sources),
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      })
    : null;
  const expected: string[] = r && r.status === 0 ? (JSON.parse(r.stdout) as string[]) : [];
  it('python3 parsed everything', () => {
    expect(r?.stderr ?? '').toBe('');
    expect(expected.length).toBe(sources.length);
  });
  it.each(sources.map((src, i) => [i, src]))('source %i', (i, src) => {
    expect(dump(parse(src, { fold: false }))).toBe(expected[i]);
  });
});
