// complex (MicroPython py/objcomplex.c; CPython Objects/complexobject.c).
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType, OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV,
  OP_POW, OP_INPLACE, CMP_EQ, CMP_NE, UN_NEG, UN_POS, UN_ABS, UN_COMPLEX } from '../object.js';
import * as T from '../types.js';
import { NotImplemented } from '../singletons.js';
import { zeroDivisionError, typeError, valueError } from './exceptions.js';
import { PyFloat, floatRepr, floatHashExact, floatFromObject } from './float.js';
import { norm, bigHashExact, type Int } from './int.js';
import { asInt, toNumberValue, lookupSpecial, call, typeName, hash } from '../runtime.js';
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

export function complexPow(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (br === 0 && bi === 0) return new PyComplex(1, 0);
  if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw zeroDivisionError('0.0 to a negative or complex power');
    return new PyComplex(0, 0);
  }
  const logr = Math.log(Math.hypot(ar, ai));
  const theta = Math.atan2(ai, ar);
  const mag = Math.exp(br * logr - bi * theta);
  const ang = bi * logr + br * theta;
  return new PyComplex(mag * Math.cos(ang), mag * Math.sin(ang));
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
      case OP_POW: return complexPow(x[0], x[1], y[0], y[1]);
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
      case UN_ABS: return new PyFloat(Math.hypot(c.re, c.im));
      case UN_COMPLEX: return c;
      default: return undefined;
    }
  };
  t.make = (type, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw typeError('complex() takes no keyword arguments');
    let re = 0;
    let im = 0;
    if (args.length > 2) throw typeError('complex() takes at most 2 arguments');
    if (args.length >= 1) {
      const a = args[0];
      if (typeof a === 'string') {
        [re, im] = parseComplex(a);
        if (args.length > 1) throw typeError("complex() can't take second arg if first is a string");
      } else if (a instanceof PyComplex) {
        re = a.re;
        im = a.im;
      } else {
        const c = typeof a === 'object' && a !== null ? lookupSpecial(a, '__complex__') : undefined;
        if (c !== undefined) {
          const r = call(c, [], null);
          if (!(r instanceof PyComplex)) throw typeError(`__complex__ returned non-complex (type ${typeName(r)})`);
          re = r.re;
          im = r.im;
        } else re = floatFromObject(a);
      }
    }
    if (args.length === 2) {
      const b = args[1];
      if (b instanceof PyComplex) {
        re -= b.im;
        im += b.re;
      } else im += floatFromObject(b);
    }
    if (type === T.complexType) return new PyComplex(re, im);
    return new PyComplexSub(type, re, im);
  };
  defGetSet(t, 'real', (self) => new PyFloat((self as PyComplex).re));
  defGetSet(t, 'imag', (self) => new PyFloat((self as PyComplex).im));
  defMethod(t, 'conjugate', (self) => new PyComplex((self as PyComplex).re, -(self as PyComplex).im), 1);
}

function parseComplex(s: string): [number, number] {
  const t = s.trim().replace(/^\((.*)\)$/, '$1').replace(/_/g, '');
  const num = '(?:[0-9]+\\.?[0-9]*(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|inf|infinity|nan)';
  let m = new RegExp(`^([-+]?${num})?([-+](?:${num})?)[jJ]$`, 'i').exec(t);
  if (m !== null) {
    const re = m[1] !== undefined ? Number(m[1].replace(/inf(inity)?/i, 'Infinity')) : 0;
    const imS = m[2];
    const im = imS === '+' ? 1 : imS === '-' ? -1 : Number(imS.replace(/inf(inity)?/i, 'Infinity'));
    if (m[1] === undefined && !/^[-+]/.test(t)) return [0, im];
    return [re, im];
  }
  m = new RegExp(`^([-+]?${num})[jJ]$`, 'i').exec(t);
  if (m !== null) return [0, Number(m[1].replace(/inf(inity)?/i, 'Infinity'))];
  m = new RegExp(`^[-+]?[jJ]$`).exec(t);
  if (m !== null) return [0, t.startsWith('-') ? -1 : 1];
  m = new RegExp(`^([-+]?${num})$`, 'i').exec(t);
  if (m !== null) return [Number(m[1].replace(/inf(inity)?/i, 'Infinity')), 0];
  throw valueError('complex() arg is a malformed string');
}

/** The builtin hash(): exact CPython values for ints, floats and complex numbers (which may exceed 2**53). */
export function hashBuiltin(x: any): Int {
  if (typeof x === 'bigint') return bigHashExact(x);
  if (x instanceof PyFloat && x.type === T.floatType && x.value === x.value) return floatHashExact(x.value);
  if (x instanceof PyComplex && x.type === T.complexType) return complexHashExact(x.re, x.im);
  return hash(x);
}
