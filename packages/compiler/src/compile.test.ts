// Code generation: golden disassembly of each construct (reviewed by hand against CPython 3.11's
// compile.c patterns and the stack effects documented in @mpy-ts/bytecode), plus behaviour of the modes,
// optimisation levels and MicroPython's const().
import { describe, expect, it } from 'vitest';
import { CodeObject, ConstFloat, ConstTuple, op, verify } from '@mpy-ts/bytecode';
import { TextEmitter, compile, disassemble } from '@mpy-ts/compiler';

function dis(src: string, options: Parameters<typeof compile>[1] = {}): string {
  const code = compile(src, { filename: 't.py', ...options });
  verify(code);
  return '\n' + disassemble(code) + '\n';
}

function ops(code: CodeObject): string[] {
  return Array.from(code.code, (w) => String(w & 0xff));
}

describe('golden disassembly', () => {
  it('assignment, operators, calls', () => {
    expect(dis('x = a + b * 2\nx.y[0] += f(1, k=2)\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=7
           1      0 LOAD_NAME 0 (a)
                  1 LOAD_NAME 1 (b)
                  2 LOAD_SMALL_INT 2
                  3 BINARY_MULTIPLY
                  4 BINARY_ADD
                  5 STORE_NAME 2 (x)
           2      6 LOAD_NAME 2 (x)
                  7 LOAD_ATTR 3 (y)
                  8 LOAD_SMALL_INT 0
                  9 COPY 2
                 10 COPY 2
                 11 BINARY_SUBSCR
                 12 LOAD_NAME 4 (f)
                 13 LOAD_SMALL_INT 1
                 14 LOAD_SMALL_INT 2
                 15 LOAD_CONST 0 (('k',))
                 16 CALL_KW 2
                 17 INPLACE_ADD
                 18 SWAP 3
                 19 SWAP 2
                 20 STORE_SUBSCR
                 21 LOAD_NONE
                 22 RETURN_VALUE
      "
    `);
  });

  it('try/except/else/finally with a named handler', () => {
    expect(dis('try:\n    f()\nexcept E as e:\n    g(e)\nelse:\n    h()\nfinally:\n    z()\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=3
           2      0 LOAD_NAME 0 (f)
                  1 CALL 0
                  2 POP_TOP
           6      3 LOAD_NAME 1 (h)
                  4 CALL 0
                  5 POP_TOP
                  6 JUMP_FORWARD 29
           3 >>   7 PUSH_EXC_INFO
                  8 LOAD_NAME 2 (E)
                  9 CHECK_EXC_MATCH
                 10 POP_JUMP_IF_FALSE 25
                 11 STORE_NAME 3 (e)
           4     12 LOAD_NAME 4 (g)
                 13 LOAD_NAME 3 (e)
                 14 CALL 1
                 15 POP_TOP
                 16 POP_EXCEPT
                 17 LOAD_NONE
                 18 STORE_NAME 3 (e)
                 19 DELETE_NAME 3 (e)
                 20 JUMP_FORWARD 29
             >>  21 LOAD_NONE
                 22 STORE_NAME 3 (e)
                 23 DELETE_NAME 3 (e)
                 24 RERAISE
             >>  25 RERAISE
             >>  26 SWAP 2
                 27 POP_EXCEPT
                 28 RERAISE
           8 >>  29 LOAD_NAME 5 (z)
                 30 CALL 0
                 31 POP_TOP
                 32 JUMP_FORWARD 41
             >>  33 PUSH_EXC_INFO
                 34 LOAD_NAME 5 (z)
                 35 CALL 0
                 36 POP_TOP
                 37 RERAISE
             >>  38 SWAP 2
                 39 POP_EXCEPT
                 40 RERAISE
             >>  41 LOAD_NONE
                 42 RETURN_VALUE
        exception table:
          0 to 3 -> 7 [depth 0]
          3 to 8 -> 33 [depth 0]
          8 to 12 -> 26 [depth 1]
          12 to 16 -> 21 [depth 1]
          16 to 21 -> 33 [depth 0]
          21 to 26 -> 26 [depth 1]
          26 to 29 -> 33 [depth 0]
          34 to 38 -> 38 [depth 1]
      "
    `);
  });

  it('with, and return through it', () => {
    expect(dis('def f():\n    with m() as v:\n        return v\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=1
           1      0 LOAD_CONST 0 (<code f>)
                  1 MAKE_FUNCTION 0
                  2 STORE_NAME 0 (f)
                  3 LOAD_NONE
                  4 RETURN_VALUE
      code f (t.py:1) flags=0x3 args=0 posonly=0 kwonly=0 stack=5
        varnames: v
           2      0 LOAD_GLOBAL 0 (m)
                  1 CALL 0
                  2 BEFORE_WITH
                  3 STORE_FAST 0 (v)
           3      4 LOAD_FAST 0 (v)
                  5 SWAP 2
                  6 LOAD_NONE
                  7 LOAD_NONE
                  8 LOAD_NONE
                  9 CALL 3
                 10 POP_TOP
                 11 RETURN_VALUE
           2 >>  12 PUSH_EXC_INFO
                 13 WITH_EXCEPT_START
                 14 POP_JUMP_IF_TRUE 16
                 15 RERAISE
             >>  16 POP_TOP
                 17 POP_EXCEPT
                 18 POP_TOP
                 19 JUMP_FORWARD 23
             >>  20 SWAP 2
                 21 POP_EXCEPT
                 22 RERAISE
             >>  23 LOAD_NONE
                 24 RETURN_VALUE
        exception table:
          3 to 5 -> 12 [depth 1]
          13 to 16 -> 20 [depth 2]
      "
    `);
  });

  it('for with break/continue/else', () => {
    expect(dis('for i in x:\n    if i:\n        continue\n    break\nelse:\n    e()\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=2
           1      0 LOAD_NAME 0 (x)
                  1 GET_ITER
             >>   2 FOR_ITER 9
                  3 STORE_NAME 1 (i)
           2      4 LOAD_NAME 1 (i)
                  5 POP_JUMP_IF_FALSE 7
           3      6 JUMP_BACKWARD 2
           4 >>   7 POP_TOP
                  8 JUMP_FORWARD 12
           6 >>   9 LOAD_NAME 2 (e)
                 10 CALL 0
                 11 POP_TOP
             >>  12 LOAD_NONE
                 13 RETURN_VALUE
      "
    `);
  });

  it('closures, classes, zero-argument super()', () => {
    expect(dis('class A(B):\n    def m(self, x=1):\n        def g():\n            return x\n        return super().m(g)\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=4
           1      0 LOAD_BUILD_CLASS
                  1 LOAD_CONST 0 (<code A>)
                  2 MAKE_FUNCTION 0
                  3 LOAD_CONST 1 ('A')
                  4 LOAD_NAME 0 (B)
                  5 CALL 3
                  6 STORE_NAME 1 (A)
                  7 LOAD_NONE
                  8 RETURN_VALUE
      code A (t.py:1) flags=0x1002 args=0 posonly=0 kwonly=0 stack=3
        cellvars: __class__
           1      0 LOAD_NAME 0 (__name__)
                  1 STORE_NAME 1 (__module__)
                  2 LOAD_CONST 0 ('A')
                  3 STORE_NAME 2 (__qualname__)
           2      4 LOAD_CONST 1 ((1,))
                  5 LOAD_CLOSURE 0 (__class__)
                  6 BUILD_TUPLE 1
                  7 LOAD_CONST 2 (<code A.m>)
                  8 MAKE_FUNCTION 9
                  9 STORE_NAME 3 (m)
                 10 LOAD_CLOSURE 0 (__class__)
                 11 COPY 1
                 12 STORE_NAME 4 (__classcell__)
                 13 RETURN_VALUE
      code A.m (t.py:2) flags=0x3 args=2 posonly=0 kwonly=0 stack=3
        varnames: self, x, g
        cellvars: x
        freevars: __class__
           3      0 LOAD_CLOSURE 0 (x)
                  1 BUILD_TUPLE 1
                  2 LOAD_CONST 0 (<code A.m.<locals>.g>)
                  3 MAKE_FUNCTION 8
                  4 STORE_FAST 2 (g)
           5      5 LOAD_GLOBAL 0 (super)
                  6 LOAD_DEREF 1 (__class__)
                  7 LOAD_FAST 0 (self)
                  8 CALL 2
                  9 LOAD_METHOD 1 (m)
                 10 LOAD_FAST 2 (g)
                 11 CALL_METHOD 1
                 12 RETURN_VALUE
      code A.m.<locals>.g (t.py:3) flags=0x13 args=0 posonly=0 kwonly=0 stack=1
        freevars: x
           4      0 LOAD_DEREF 0 (x)
                  1 RETURN_VALUE
      "
    `);
  });

  it('comprehensions and generators', () => {
    expect(dis('def f(xs):\n    return [x * y for x in xs if x for y in x]\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=1
           1      0 LOAD_CONST 0 (<code f>)
                  1 MAKE_FUNCTION 0
                  2 STORE_NAME 0 (f)
                  3 LOAD_NONE
                  4 RETURN_VALUE
      code f (t.py:1) flags=0x3 args=1 posonly=0 kwonly=0 stack=2
        varnames: xs
           2      0 LOAD_CONST 0 (<code f.<locals>.<listcomp>>)
                  1 MAKE_FUNCTION 0
                  2 LOAD_FAST 0 (xs)
                  3 GET_ITER
                  4 CALL 1
                  5 RETURN_VALUE
      code f.<locals>.<listcomp> (t.py:2) flags=0x13 args=1 posonly=0 kwonly=0 stack=5
        varnames: .0, x, y
           2      0 BUILD_LIST 0
                  1 LOAD_FAST 0 (.0)
             >>   2 FOR_ITER 16
                  3 STORE_FAST 1 (x)
                  4 LOAD_FAST 1 (x)
                  5 POP_JUMP_IF_FALSE 2
                  6 LOAD_FAST 1 (x)
                  7 GET_ITER
             >>   8 FOR_ITER 15
                  9 STORE_FAST 2 (y)
                 10 LOAD_FAST 1 (x)
                 11 LOAD_FAST 2 (y)
                 12 BINARY_MULTIPLY
                 13 LIST_APPEND 3
                 14 JUMP_BACKWARD 8
             >>  15 JUMP_BACKWARD 2
             >>  16 RETURN_VALUE
      "
    `);
  });

  it('f-strings', () => {
    expect(dis('f"a{b!r:>{w}}c{d=}"\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=4
           1      0 LOAD_CONST 0 ('a')
                  1 LOAD_NAME 0 (b)
                  2 LOAD_CONST 1 ('>')
                  3 LOAD_NAME 1 (w)
                  4 FORMAT_VALUE 0
                  5 BUILD_STRING 2
                  6 FORMAT_VALUE 6
                  7 LOAD_CONST 2 ('cd=')
                  8 LOAD_NAME 2 (d)
                  9 FORMAT_VALUE 2
                 10 BUILD_STRING 4
                 11 POP_TOP
                 12 LOAD_NONE
                 13 RETURN_VALUE
      "
    `);
  });

  it('star arguments and unpacking', () => {
    expect(dis('a, *b, c = f(*x, 1, *y, k=2, **z)\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=4
           1      0 LOAD_NAME 0 (f)
                  1 BUILD_LIST 0
                  2 LOAD_NAME 1 (x)
                  3 LIST_EXTEND 1
                  4 LOAD_SMALL_INT 1
                  5 LIST_APPEND 1
                  6 LOAD_NAME 2 (y)
                  7 LIST_EXTEND 1
                  8 LIST_TO_TUPLE
                  9 LOAD_CONST 0 ('k')
                 10 LOAD_SMALL_INT 2
                 11 BUILD_MAP 1
                 12 LOAD_NAME 3 (z)
                 13 DICT_MERGE 1
                 14 CALL_FUNCTION_EX 1
                 15 UNPACK_EX 257
                 16 STORE_NAME 4 (a)
                 17 STORE_NAME 5 (b)
                 18 STORE_NAME 6 (c)
                 19 LOAD_NONE
                 20 RETURN_VALUE
      "
    `);
  });

  it('chained comparison', () => {
    expect(dis('r = a < b < c\n')).toMatchInlineSnapshot(`
      "
      code <module> (t.py:1) flags=0x0 args=0 posonly=0 kwonly=0 stack=3
           1      0 LOAD_NAME 0 (a)
                  1 LOAD_NAME 1 (b)
                  2 SWAP 2
                  3 COPY 2
                  4 COMPARE_LT
                  5 JUMP_IF_FALSE_OR_POP 9
                  6 LOAD_NAME 2 (c)
                  7 COMPARE_LT
                  8 JUMP_FORWARD 11
             >>   9 SWAP 2
                 10 POP_TOP
             >>  11 STORE_NAME 3 (r)
                 12 LOAD_NONE
                 13 RETURN_VALUE
      "
    `);
  });
});

describe('modes', () => {
  it('single mode prints expression statements with PRINT_EXPR', () => {
    const c = compile('1 + 2\n', { mode: 'single' });
    expect(ops(c)).toContain(String(op.PRINT_EXPR));
    const loop = compile('for i in x:\n    i\n', { mode: 'single' });
    expect(ops(loop)).toContain(String(op.PRINT_EXPR));
    const fn = compile('def f():\n    1\n', { mode: 'single' });
    expect(ops(fn.consts.find((k) => k instanceof CodeObject) as CodeObject)).not.toContain(String(op.PRINT_EXPR));
  });

  it('eval mode returns the value', () => {
    const c = compile('x + 1', { mode: 'eval' });
    expect(c.code[c.code.length - 1] & 0xff).toBe(op.RETURN_VALUE);
    expect(ops(c)).not.toContain(String(op.LOAD_NONE));
  });

  it('exec mode returns None', () => {
    const c = compile('x = 1\n');
    expect(Array.from(c.code.slice(-2), (w) => w & 0xff)).toEqual([op.LOAD_NONE, op.RETURN_VALUE]);
  });
});

describe('optimisation levels', () => {
  it('level 0 keeps assert and __debug__ is True', () => {
    const c = compile('assert x\nd = __debug__\n');
    expect(ops(c)).toContain(String(op.LOAD_ASSERTION_ERROR));
    expect(c.consts).toContain(true);
  });

  it('level 1 drops assert and __debug__ is False', () => {
    const c = compile('assert x, y()\nd = __debug__\nif __debug__:\n    z()\n', { optimize: 1 });
    expect(ops(c)).not.toContain(String(op.LOAD_ASSERTION_ERROR));
    expect(c.consts).toContain(false);
    const zi = c.names.indexOf('z');
    expect(Array.from(c.code).some((w) => (w & 0xff) === op.LOAD_NAME && w >> 8 === zi)).toBe(false);
  });

  it('level 3 stores no line numbers (everything is line 1)', () => {
    const c = compile('x = 1\ny = 2\nz = 3\n', { optimize: 3 });
    expect(Array.from(c.lineTable)).toEqual([0, 1]);
    expect(c.lineAt(5)).toBe(1);
  });
});

describe('const()', () => {
  it('substitutes constants and drops _private ones', () => {
    const c = compile('from micropython import const\nX = const(1 << 4)\n_Y = const(X * 2 + 1)\nprint(X, _Y, X + _Y)\n');
    expect(c.names).toContain('X');
    expect(c.names).not.toContain('_Y');
    const printArgs = Array.from(c.code).filter((w) => (w & 0xff) === op.LOAD_SMALL_INT).map((w) => w >> 8);
    expect(printArgs).toEqual([0, 16, 16, 33, 49]);
  });

  it('folds floats, big ints and tuples', () => {
    const c = compile('A = const(2.5 * 2)\nB = const(1 << 100)\nC = const((1, "a"))\n');
    expect(c.consts).toContainEqual(new ConstFloat(5));
    expect(c.consts).toContain(1n << 100n);
    expect(c.consts).toContainEqual(new ConstTuple([1, 'a']));
  });

  it('folds float powers exactly, or only inside const()', () => {
    expect(compile('x = 2.5 ** 2\ny = 2 ** -2\n').consts).toEqual(expect.arrayContaining([new ConstFloat(6.25), new ConstFloat(0.25)]));
    expect(ops(compile('x = 2 ** 0.5\n'))).toContain(String(op.BINARY_POWER));
    expect(compile('X = const(2 ** 0.5)\n').consts).toContainEqual(new ConstFloat(Math.SQRT2));
  });

  it('knows module constants inside const()', () => {
    const c = compile('import math\nTWO_PI = const(2.0 * math.pi)\nE = const(errno.EIO + 1)\n');
    expect(c.consts).toContainEqual(new ConstFloat(2 * Math.PI));
    expect(Array.from(c.code).some((w) => (w & 0xff) === op.LOAD_SMALL_INT && w >> 8 === 6)).toBe(true);
  });

  it('does not fold what would raise at run time', () => {
    const c = compile('x = 1 // 0\ny = 1 << -1\nz = 2 ** 100000\n');
    expect(ops(c)).toContain(String(op.BINARY_FLOOR_DIVIDE));
    expect(ops(c)).toContain(String(op.BINARY_LSHIFT));
    expect(ops(c)).toContain(String(op.BINARY_POWER));
  });
});

describe('docstrings', () => {
  const fn = (src: string) => compile(src, { filename: 't.py' }).consts.find((c): c is CodeObject => c instanceof CodeObject)!;
  it('flag a function docstring and put it in consts[0]', () => {
    const f = fn('def f(x):\n    "doc"\n    return "other"\n');
    expect(f.flags & op.CO_HAS_DOCSTRING).toBe(op.CO_HAS_DOCSTRING);
    expect(f.consts[0]).toBe('doc');
    for (const src of ['def f():\n    return "x"\n', 'def f():\n    x = 1\n    "late"\n', 'def f():\n    f"{x}"\n', 'def f():\n    b"x"\n', 'f = lambda: "x"\n']) {
      expect(fn(src).flags & op.CO_HAS_DOCSTRING, src).toBe(0);
    }
  });
  it('store a class or module docstring as __doc__', () => {
    expect(dis('"m"\nclass A:\n    "d"\n')).toContain('STORE_NAME 0 (__doc__)');
    const cls = fn('class A:\n    "d"\n    x = 1\n');
    expect(cls.names).toContain('__doc__');
    expect(cls.consts).toContain('d');
    expect(compile('"x"\n', { mode: 'single' }).names).not.toContain('__doc__');
  });
});

describe('TextEmitter', () => {
  it('records a symbolic listing of what the compiler emitted', () => {
    const emitters: TextEmitter[] = [];
    compile('try:\n    f(x)\nexcept:\n    pass\n', {
      emitterFactory: () => {
        const t = new TextEmitter();
        emitters.push(t);
        return t;
      },
    });
    expect(emitters[0].text).toMatchInlineSnapshot(`
      "    SETUP_HANDLER L0
          LOAD_NAME f
          LOAD_NAME x
          CALL 1
          POP_TOP
          POP_HANDLER
          JUMP L2
      L0:
          PUSH_EXC_INFO
          SETUP_HANDLER L1
          POP_TOP
          CLOSE_HANDLERS 1
          POP_EXCEPT
          JUMP L2
          REOPEN_HANDLERS 1
          POP_HANDLER
      L1:
          SWAP 2
          POP_EXCEPT
          RERAISE
      L2:
          LOAD_NONE
          RETURN_VALUE"
    `);
  });
});

describe('private names (CPython)', () => {
  const codes = (c: CodeObject): CodeObject[] => [c, ...c.consts.filter((k): k is CodeObject => k instanceof CodeObject).flatMap(codes)];
  const fn = (src: string, name: string): CodeObject => codes(compile(src)).find((c) => c.name === name)!;

  it('mangles __names inside classes, not dunders, strings or keyword names', () => {
    const m = fn('class _C:\n    __a = 1\n    def m(self, __p):\n        self.__x = __p\n        return f(__k=self.__y__)\n', 'm');
    expect(m.varnames).toContain('_C__p');
    expect(m.names).toEqual(expect.arrayContaining(['_C__x', '__y__']));
    expect(m.names).not.toContain('__x');
    expect(fn('class _C:\n    __a = 1\n', '_C').names).toContain('_C__a');
    expect(compile('__a = 1\n').names).toContain('__a');
  });
});
