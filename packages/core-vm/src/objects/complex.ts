// complex (MicroPython py/objcomplex.c; CPython Objects/complexobject.c).
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV,
  OP_POW, OP_INPLACE, CMP_EQ, CMP_NE, UN_NEG, UN_POS, UN_ABS, UN_COMPLEX } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { zeroDivisionError, typeError, valueError, overflowError } from './exceptions.js';
import { hypot2 } from '../modules/math.js';
import * as libm from '../modules/libm.js';
import { PyFloat, floatRepr, floatHashExact, floatArg } from './float.js';
import { isStr, strVal as strValue, strArg, strRepr } from './str.js';
import { asciiDigits } from './unicode.js';
import { formatComplex } from '../format.js';
import { norm, bigHashExact, PyIntSub, type Int } from './int.js';
import { asInt, toNumberValue, lookupSpecial, call, typeName, hash, str as pyStr } from '../runtime.js';
import { defMethod, defGetSet } from './function.js';

export class PyComplex extends PyObject {
  readonly re: number;
  readonly im: number;
  constructor(re: number, im: number) {
    super(T.complexType);
    this.re = re;
    this.im = im;
  }
}

export class PyComplexSub extends PyComplex implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, re: number, im: number) {
    super(re, im);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

function operand(x: any): [number, number] | undefined {
  if (x instanceof PyComplex) return [x.re, x.im];
  if (x instanceof PyFloat) return [x.value, 0];
  const i = asInt(x);
  if (i !== undefined) return [toNumberValue(i)!, 0];
  return undefined;
}

/** General complex power (CPython _Py_c_pow); errors as complex_pow reports them. */
export function complexPow(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (br === 0 && bi === 0) return new PyComplex(1, 0);
  if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw zeroDivisionError('0.0 to a negative or complex power');
    return new PyComplex(0, 0);
  }
  const vabs = hypot2(ar, ai);
  let len = libm.pow(vabs, br);
  const at = libm.atan2(ai, ar);
  let phase = at * br;
  if (bi !== 0) {
    len /= libm.exp(at * bi);
    phase += bi * libm.log(vabs);
  }
  // cos/sin of an infinite phase is a domain error in C, which CPython's complex_pow reports so
  if (phase === Infinity || phase === -Infinity) throw zeroDivisionError('0.0 to a negative or complex power');
  return powResult(len * libm.cos(phase), len * libm.sin(phase));
}

function powResult(re: number, im: number): PyComplex {
  if (re === Infinity || re === -Infinity || im === Infinity || im === -Infinity) throw overflowError('complex exponentiation');
  return new PyComplex(re, im);
}

/** z ** n for a small integer n, by repeated squaring (CPython c_powi), as `**` uses for |n| <= 100. */
function complexPowInt(ar: number, ai: number, n: number): PyComplex {
  let rr = 1;
  let ri = 0;
  let pr = ar;
  let pi = ai;
  let k = Math.abs(n);
  while (k > 0) {
    if (k & 1) {
      const t = rr * pr - ri * pi;
      ri = rr * pi + ri * pr;
      rr = t;
    }
    k >>= 1;
    const t = pr * pr - pi * pi;
    pi = pr * pi + pi * pr;
    pr = t;
  }
  if (n >= 0) return powResult(rr, ri);
  if (rr === 0 && ri === 0) throw zeroDivisionError('0.0 to a negative or complex power');
  const q = complexDiv(1, 0, rr, ri);
  return powResult(q.re, q.im);
}

/** complex ** complex (CPython complex_pow). */
export function complexPowOp(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (bi === 0 && br === Math.trunc(br) && Math.abs(br) <= 100) return complexPowInt(ar, ai, br);
  return complexPow(ar, ai, br, bi);
}

function complexDiv(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (br === 0 && bi === 0) throw zeroDivisionError('complex division by zero');
  const abs_br = Math.abs(br);
  const abs_bi = Math.abs(bi);
  if (abs_br >= abs_bi) {
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return new PyComplex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
  }
  const ratio = br / bi;
  const denom = br * ratio + bi;
  return new PyComplex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
}

function fmtPart(x: number): string {
  const r = floatRepr(x);
  return r.endsWith('.0') ? r.slice(0, -2) : r;
}

export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return fmtPart(im) + 'j';
  const sign = im < 0 || Object.is(im, -0) || (im !== im && false) ? '-' : '+';
  return `(${fmtPart(re)}${sign}${fmtPart(Math.abs(im))}j)`;
}

/** hash(complex) as CPython: hash(re) + 1000003 * hash(im) in 64-bit unsigned arithmetic, -1 -> -2. */
export function complexHashExact(re: number, im: number): Int {
  const h = BigInt.asIntN(64, BigInt(floatHashExact(re)) + 1000003n * BigInt(floatHashExact(im)));
  return h === -1n ? -2 : norm(h);
}

export function setupComplex(): void {
  const t = T.complexType;
  t.repr = (x) => complexRepr((x as PyComplex).re, (x as PyComplex).im);
  t.hash = (x) => Number(complexHashExact((x as PyComplex).re, (x as PyComplex).im));
  t.keyKind = 2;
  t.bool = (x) => (x as PyComplex).re !== 0 || (x as PyComplex).im !== 0;
  t.binop = (op, a, b) => {
    if (op >= OP_INPLACE) return NotImplemented;
    const x = operand(a);
    const y = operand(b);
    if (x === undefined || y === undefined) return NotImplemented;
    switch (op) {
      case OP_ADD: return new PyComplex(x[0] + y[0], x[1] + y[1]);
      case OP_SUB: return new PyComplex(x[0] - y[0], x[1] - y[1]);
      case OP_MUL: return new PyComplex(x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]);
      case OP_TRUEDIV: return complexDiv(x[0], x[1], y[0], y[1]);
      case OP_POW: return complexPowOp(x[0], x[1], y[0], y[1]);
      default: return NotImplemented;
    }
  };
  t.richcmp = (op, a, b) => {
    const x = operand(a);
    const y = operand(b);
    if (x === undefined || y === undefined || (op !== CMP_EQ && op !== CMP_NE)) return NotImplemented;
    const e = x[0] === y[0] && x[1] === y[1];
    return op === CMP_EQ ? e : !e;
  };
  t.unop = (op, x) => {
    const c = x as PyComplex;
    switch (op) {
      case UN_NEG: return new PyComplex(-c.re, -c.im);
      case UN_POS: return c;
      case UN_ABS: {
        const r = hypot2(c.re, c.im);
        if (r === Infinity && Number.isFinite(c.re) && Number.isFinite(c.im)) throw overflowError('absolute value too large');
        return new PyFloat(r);
      }
      case UN_COMPLEX: return c;
      default: return undefined;
    }
  };
  t.make = (type, args, kwnames) => {
    // complex(real=0, imag=0) (CPython complex_new): a string alone is parsed; otherwise real + imag*1j
    // computed without rounding through a complex multiply, so complex(-4, -0.0) keeps its -0.0
    const nkw = kwnames?.length ?? 0;
    const npos = args.length - nkw;
    if (npos > 2) throw typeError(`complex() takes at most 2 arguments (${npos} given)`);
    let real: any = npos > 0 ? args[0] : undefined;
    let imag: any = npos > 1 ? args[1] : undefined;
    for (let i = 0; i < nkw; i++) {
      const k = kwnames![i];
      if (k === 'real' && real === undefined) real = args[npos + i];
      else if (k === 'imag' && imag === undefined) imag = args[npos + i];
      else if (k === 'real' || k === 'imag') throw typeError(`argument for complex() given by name ('${k}') and position (${k === 'real' ? 1 : 2})`);
      else throw typeError(`complex() got an unexpected keyword argument '${k}'`);
    }
    let re = 0;
    let im = 0;
    if (real !== undefined && isStr(real)) {
      if (imag !== undefined) throw typeError("complex() can't take second arg if first is a string");
      [re, im] = parseComplex(strValue(real));
    } else {
      if (imag !== undefined && isStr(imag)) throw typeError("complex() second arg can't be a string");
      let cr: [number, number] = [0, 0];
      let crComplex = false;
      if (real !== undefined) {
        const c = complexOperand(real);
        if (c === undefined) throw typeError(`complex() first argument must be a string or a number, not '${typeName(real)}'`);
        cr = c[0];
        crComplex = c[1];
      }
      let ciRe: number;
      let ciComplex = false;
      let ciIm = 0;
      if (imag === undefined) ciRe = cr[1];
      else {
        const c = complexOperand(imag);
        if (c === undefined) throw typeError(`complex() second argument must be a number, not '${typeName(imag)}'`);
        ciRe = c[0][0];
        ciIm = c[0][1];
        ciComplex = c[1];
      }
      re = cr[0];
      if (ciComplex) re -= ciIm;
      if (crComplex && imag !== undefined) ciRe += cr[1];
      im = ciRe;
    }
    if (type === T.complexType) return new PyComplex(re, im);
    return new PyComplexSub(type, re, im);
  };
  defGetSet(t, 'real', (self) => new PyFloat((self as PyComplex).re));
  defGetSet(t, 'imag', (self) => new PyFloat((self as PyComplex).im));
  defMethod(t, 'conjugate', (self) => new PyComplex((self as PyComplex).re, -(self as PyComplex).im), 1);
  defMethod(t, '__format__', (self, spec) => (strArg(spec, 'format() argument 2') === '' && self.type !== T.complexType ? pyStr(self) : formatComplex((self as PyComplex).re, (self as PyComplex).im, spec)), 2);
}

/** A complex-constructor operand: its value and whether it was complex (a complex or __complex__). */
function complexOperand(x: any): [[number, number], boolean] | undefined {
  if (x instanceof PyComplex) return [[x.re, x.im], true];
  if (typeof x === 'object' && x !== null && !(x instanceof PyFloat)) {
    const c = lookupSpecial(x, '__complex__');
    if (c !== undefined) {
      const r = call(c, [], null);
      if (!(r instanceof PyComplex)) throw typeError(`__complex__ returned non-complex (type ${typeName(r)})`);
      return [[r.re, r.im], true];
    }
    if (asInt(x) === undefined && lookupSpecial(x, '__float__') === undefined && lookupSpecial(x, '__index__') === undefined) return undefined;
  } else if (typeof x !== 'number' && typeof x !== 'bigint' && typeof x !== 'boolean' && !(x instanceof PyFloat)) return undefined;
  return [[floatArg(x), 0], false];
}

/** complex(str) (CPython complex_subtype_from_string): '(' and ')' optional, white space around. */
function parseComplex(text: string): [number, number] {
  const bad = () => valueError('complex() arg is a malformed string');
  let s = asciiDigits(text);
  if (s.includes('_')) {
    // underscores only between digits (CPython _Py_string_to_number_with_underscores), then removed
    if (/(^|[^0-9])_|_($|[^0-9])/.test(s)) throw valueError(`could not convert string to complex: ${strRepr(text)}`);
    s = s.replace(/_/g, '');
  }
  s = s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
  if (s.startsWith('(')) {
    if (!s.endsWith(')')) throw bad();
    s = s.slice(1, -1).replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
  }
  const num = '(?:(?:\\d+(?:_\\d+)*(?:\\.(?:\\d+(?:_\\d+)*)?)?|\\.\\d+(?:_\\d+)*)(?:[eE][-+]?\\d+(?:_\\d+)*)?|inf|infinity|nan)';
  const m = new RegExp(`^([-+]?${num})?(?:([-+])(${num})?)?([jJ])?$`, 'i').exec(s);
  if (m === null || s.length === 0) throw bad();
  const val = (t: string) => {
    const low = t.toLowerCase().replace(/_/g, '');
    const neg = low.startsWith('-');
    const body = low.replace(/^[-+]/, '');
    const v = body === 'inf' || body === 'infinity' ? Infinity : body === 'nan' ? NaN : Number(body);
    return neg ? -v : v;
  };
  const [, first, sign, second, j] = m;
  if (j === undefined) {
    // a real number only
    if (sign !== undefined || first === undefined) throw bad();
    return [val(first), 0];
  }
  if (sign === undefined) {
    // 'xj' or 'j' or '+j'
    if (first === undefined) return [0, 1];
    if (/^[-+]$/.test(first)) return [0, first === '-' ? -1 : 1];
    return [0, val(first)];
  }
  const imag = second === undefined ? (sign === '-' ? -1 : 1) : val(sign + second);
  if (first === undefined) return [0, imag];
  return [val(first), imag];
}

/** The builtin hash(): exact CPython values for ints, floats and complex numbers (which may exceed 2**53). */
export function hashBuiltin(x: any): Int {
  if (typeof x === 'bigint') return bigHashExact(x);
  if (typeof x === 'object' && x !== null) {
    const t = (x as PyObject).type;
    if (x instanceof PyFloat && x.value === x.value && (t === T.floatType || t.lookup('__hash__') === T.floatType.dict.get('__hash__'))) return floatHashExact(x.value);
    if (x instanceof PyComplex && (t === T.complexType || t.lookup('__hash__') === T.complexType.dict.get('__hash__'))) return complexHashExact(x.re, x.im);
    if (x instanceof PyIntSub && typeof x.value === 'bigint' && t.lookup('__hash__') === T.intType.dict.get('__hash__')) return bigHashExact(x.value);
  }
  return hash(x);
}
