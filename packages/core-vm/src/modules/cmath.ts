// The cmath module (MicroPython py/modcmath.c; CPython Modules/cmathmodule.c). MicroPython 1.9.4 has a
// subset; this is CPython 3.11's module: the same branch cuts, the same algorithms for finite arguments
// (Kahan's formulas, scaling to avoid overflow and underflow), C99 Annex G values for infinite and NaN
// parts (cmath-special.ts, generated from CPython), and ValueError/OverflowError where CPython raises them.
import { PyModule } from '../objects/module.js';
import { dictSetStr } from '../objects/dict.js';
import { builtin, type BuiltinSpec } from '../objects/function.js';
import { PyFloat, floatArg } from '../objects/float.js';
import { PyComplex } from '../objects/complex.js';
import { PyTuple } from '../objects/tuple.js';
import { typeError, valueError } from '../objects/exceptions.js';
import { lookupSpecial, call, typeName } from '../runtime.js';
import { copysign, ldexp, domainError, rangeError, hypot2 } from './math.js';
import * as S from './cmath-special.js';
import * as libm from './libm.js';

type C = [number, number];

const DBL_MIN = 2.2250738585072014e-308;
const LARGE = Number.MAX_VALUE / 4; // CM_LARGE_DOUBLE
const SQRT_LARGE = Math.sqrt(LARGE);
const LOG_LARGE = libm.log(LARGE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const SCALE_UP = 53; // 2*(DBL_MANT_DIG/2) + 1
const SCALE_DOWN = -27; // -(SCALE_UP+1)/2

/** Complex argument conversion (PyArg "D"): complex, __complex__, or a real number. */
export function complexArg(x: any): C {
  if (x instanceof PyComplex) return [x.re, x.im];
  if (typeof x === 'object' && x !== null && !(x instanceof PyFloat)) {
    const f = lookupSpecial(x, '__complex__');
    if (f !== undefined) {
      const r = call(f, [], null);
      if (!(r instanceof PyComplex)) throw typeError(`__complex__ returned non-complex (type ${typeName(r)})`);
      return [r.re, r.im];
    }
  }
  return [floatArg(x), 0];
}

function cls(x: number): number {
  if (x !== x) return 6;
  if (x === -Infinity) return 0;
  if (x === Infinity) return 5;
  if (x === 0) return Object.is(x, -0) ? 2 : 3;
  return x < 0 ? 1 : 4;
}

function special(table: S.SpecialTable, z: C): C {
  const e = table[cls(z[0])][cls(z[1])]!;
  if (e[2] === 1) throw domainError();
  if (e[2] === 2) throw rangeError();
  return [e[0], e[1]];
}

const finite = (z: C) => Number.isFinite(z[0]) && Number.isFinite(z[1]);

function asinhReal(x: number): number {
  return libm.asinh(x);
}

function cSqrt(z: C): C {
  if (!finite(z)) return special(S.SQRT_SPECIAL, z);
  if (z[0] === 0 && z[1] === 0) return [0, z[1]];
  let ax = Math.abs(z[0]);
  const ay = Math.abs(z[1]);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = ldexp(ax, SCALE_UP);
    s = ldexp(Math.sqrt(ax + hypot2(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot2(ax, ay / 8));
  }
  const d = ay / (2 * s);
  if (z[0] >= 0) return [s, copysign(d, z[1])];
  return [d, copysign(s, z[1])];
}

function cAcos(z: C): C {
  if (!finite(z)) return special(S.ACOS_SPECIAL, z);
  const [x, y] = z;
  if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) {
    const re = libm.atan2(Math.abs(y), x);
    const l = libm.log(hypot2(x / 2, y / 2)) + Math.LN2 * 2;
    return [re, x < 0 ? -copysign(l, y) : copysign(l, -y)];
  }
  const s1 = cSqrt([1 - x, -y]);
  const s2 = cSqrt([1 + x, y]);
  return [2 * libm.atan2(s1[0], s2[0]), asinhReal(s2[0] * s1[1] - s2[1] * s1[0])];
}

function cAcosh(z: C): C {
  if (!finite(z)) return special(S.ACOSH_SPECIAL, z);
  const [x, y] = z;
  if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) return [libm.log(hypot2(x / 2, y / 2)) + Math.LN2 * 2, libm.atan2(y, x)];
  const s1 = cSqrt([x - 1, y]);
  const s2 = cSqrt([x + 1, y]);
  return [asinhReal(s1[0] * s2[0] + s1[1] * s2[1]), 2 * libm.atan2(s1[1], s2[0])];
}

function cAsinh(z: C): C {
  if (!finite(z)) return special(S.ASINH_SPECIAL, z);
  const [x, y] = z;
  if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) {
    const l = libm.log(hypot2(x / 2, y / 2)) + Math.LN2 * 2;
    return [y >= 0 ? copysign(l, x) : -copysign(l, -x), libm.atan2(y, Math.abs(x))];
  }
  const s1 = cSqrt([1 + y, -x]);
  const s2 = cSqrt([1 - y, x]);
  return [asinhReal(s1[0] * s2[1] - s2[0] * s1[1]), libm.atan2(y, s1[0] * s2[0] - s1[1] * s2[1])];
}

function cAsin(z: C): C {
  const s = cAsinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

function cAtanh(z: C): C {
  if (!finite(z)) return special(S.ATANH_SPECIAL, z);
  if (z[0] < 0) {
    const r = cAtanh([-z[0], -z[1]]);
    return [-r[0], -r[1]];
  }
  const [x, y] = z;
  const ay = Math.abs(y);
  if (x > SQRT_LARGE || ay > SQRT_LARGE) {
    const h = hypot2(x / 2, y / 2);
    return [x / 4 / h / h, -copysign(Math.PI / 2, -y)];
  }
  if (x === 1 && ay < SQRT_DBL_MIN) {
    if (ay === 0) throw domainError();
    return [-libm.log(Math.sqrt(ay) / Math.sqrt(hypot2(ay, 2))), copysign(libm.atan2(2, -ay) / 2, y)];
  }
  return [Math.log1p((4 * x) / ((1 - x) * (1 - x) + ay * ay)) / 4, -libm.atan2(-2 * y, (1 - x) * (1 + x) - ay * ay) / 2];
}

function cAtan(z: C): C {
  const s = cAtanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** exp, cosh, sinh of an infinite real part and a finite non-zero imaginary part: signs from cos and sin. */
function infReal(z: C, big: boolean, fSign: (y: number) => C): C {
  const [c, s] = fSign(z[1]);
  const m = big ? Infinity : 0;
  return [copysign(m, c), copysign(m, s)];
}

function overflowCheck(r: C): C {
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) throw rangeError();
  return r;
}

function cExp(z: C): C {
  if (!finite(z)) {
    if (!Number.isFinite(z[0]) && z[0] === z[0] && Number.isFinite(z[1]) && z[1] !== 0) {
      return infReal(z, z[0] > 0, (y) => [libm.cos(y), libm.sin(y)]);
    }
    return special(S.EXP_SPECIAL, z);
  }
  const [x, y] = z;
  if (x > LOG_LARGE) {
    const l = libm.exp(x - 1);
    return overflowCheck([l * libm.cos(y) * Math.E, l * libm.sin(y) * Math.E]);
  }
  const l = libm.exp(x);
  return overflowCheck([l * libm.cos(y), l * libm.sin(y)]);
}

function cCosh(z: C): C {
  if (!finite(z)) {
    if (!Number.isFinite(z[0]) && z[0] === z[0] && Number.isFinite(z[1]) && z[1] !== 0) {
      return infReal(z, true, (y) => [libm.cos(y), copysign(1, z[0]) * libm.sin(y)]);
    }
    return special(S.COSH_SPECIAL, z);
  }
  const [x, y] = z;
  if (Math.abs(x) > LOG_LARGE) {
    const xm1 = x - copysign(1, x);
    return overflowCheck([libm.cos(y) * libm.cosh(xm1) * Math.E, libm.sin(y) * libm.sinh(xm1) * Math.E]);
  }
  return overflowCheck([libm.cos(y) * libm.cosh(x), libm.sin(y) * libm.sinh(x)]);
}

function cSinh(z: C): C {
  if (!finite(z)) {
    if (!Number.isFinite(z[0]) && z[0] === z[0] && Number.isFinite(z[1]) && z[1] !== 0) {
      return infReal(z, true, (y) => [copysign(1, z[0]) * libm.cos(y), libm.sin(y)]);
    }
    return special(S.SINH_SPECIAL, z);
  }
  const [x, y] = z;
  if (Math.abs(x) > LOG_LARGE) {
    const xm1 = x - copysign(1, x);
    return overflowCheck([libm.cos(y) * libm.sinh(xm1) * Math.E, libm.sin(y) * libm.cosh(xm1) * Math.E]);
  }
  return overflowCheck([libm.cos(y) * libm.sinh(x), libm.sin(y) * libm.cosh(x)]);
}

function cTanh(z: C): C {
  if (!finite(z)) {
    if (!Number.isFinite(z[0]) && z[0] === z[0] && Number.isFinite(z[1]) && z[1] !== 0) {
      return [z[0] > 0 ? 1 : -1, copysign(0, 2 * libm.sin(z[1]) * libm.cos(z[1]))];
    }
    return special(S.TANH_SPECIAL, z);
  }
  const [x, y] = z;
  if (Math.abs(x) > LOG_LARGE) return [copysign(1, x), 4 * libm.sin(y) * libm.cos(y) * libm.exp(-2 * Math.abs(x))];
  const tx = Math.tanh(x);
  const ty = libm.tan(y);
  const cx = 1 / libm.cosh(x);
  const txty = tx * ty;
  const denom = 1 + txty * txty;
  return [(tx * (1 + ty * ty)) / denom, ((ty / denom) * cx) * cx];
}

/** iz rotations: cos z = cosh(iz), sin z = -i sinh(iz), tan z = -i tanh(iz). */
function cCos(z: C): C {
  return cCosh([-z[1], z[0]]);
}
function cSin(z: C): C {
  const s = cSinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}
function cTan(z: C): C {
  const s = cTanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

function cLog(z: C): C {
  if (!finite(z)) return special(S.LOG_SPECIAL, z);
  const ax = Math.abs(z[0]);
  const ay = Math.abs(z[1]);
  let re: number;
  if (ax > LARGE || ay > LARGE) re = libm.log(hypot2(ax / 2, ay / 2)) + Math.LN2;
  else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) re = libm.log(hypot2(ldexp(ax, 53), ldexp(ay, 53))) - 53 * Math.LN2;
    else throw domainError();
  } else {
    const h = hypot2(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      re = Math.log1p((am - 1) * (am + 1) + an * an) / 2;
    } else re = libm.log(h);
  }
  return [re, libm.atan2(z[1], z[0])];
}

/** Complex division as CPython's _Py_c_quot (ValueError on a zero divisor, as cmath reports it). */
function cQuot(a: C, b: C): C {
  const abr = Math.abs(b[0]);
  const abi = Math.abs(b[1]);
  if (abr >= abi) {
    if (abr === 0 && abi === 0) throw domainError();
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (abi >= abr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function cplx(z: C): PyComplex {
  return new PyComplex(z[0], z[1]);
}

function rect(r: number, phi: number): C {
  if (!Number.isFinite(r) || !Number.isFinite(phi)) {
    if ((r === Infinity || r === -Infinity) && Number.isFinite(phi) && phi !== 0) {
      const c = libm.cos(phi);
      const s = libm.sin(phi);
      return r > 0 ? [copysign(Infinity, c), copysign(Infinity, s)] : [-copysign(Infinity, c), -copysign(Infinity, s)];
    }
    return special(S.RECT_SPECIAL, [r, phi]);
  }
  if (phi === 0) return [r, r * phi];
  return [r * libm.cos(phi), r * libm.sin(phi)];
}

export function makeCmathModule(): PyModule {
  const m = new PyModule('cmath');
  const d = m.dict;
  const put = (name: string, fn: (...a: any[]) => any, spec: BuiltinSpec | number) => dictSetStr(d, name, builtin(name, fn, spec));
  const put1 = (name: string, f: (z: C) => C) => put(name, (x) => cplx(f(complexArg(x))), 1);
  dictSetStr(d, 'e', new PyFloat(Math.E));
  dictSetStr(d, 'pi', new PyFloat(Math.PI));
  dictSetStr(d, 'tau', new PyFloat(2 * Math.PI));
  dictSetStr(d, 'inf', new PyFloat(Infinity));
  dictSetStr(d, 'nan', new PyFloat(NaN));
  dictSetStr(d, 'infj', new PyComplex(0, Infinity));
  dictSetStr(d, 'nanj', new PyComplex(0, NaN));
  put1('acos', cAcos);
  put1('acosh', cAcosh);
  put1('asin', cAsin);
  put1('asinh', cAsinh);
  put1('atan', cAtan);
  put1('atanh', cAtanh);
  put1('cos', cCos);
  put1('cosh', cCosh);
  put1('exp', cExp);
  put1('sin', cSin);
  put1('sinh', cSinh);
  put1('sqrt', cSqrt);
  put1('tan', cTan);
  put1('tanh', cTanh);
  put('log', (x, base) => {
    let z = cLog(complexArg(x));
    if (base !== undefined) z = cQuot(z, cLog(complexArg(base)));
    return cplx(z);
  }, { params: 'z, base, /', min: 1 });
  put1('log10', (z) => {
    const l = cLog(z);
    return [l[0] / Math.LN10, l[1] / Math.LN10];
  });
  put('phase', (x) => {
    const z = complexArg(x);
    return new PyFloat(libm.atan2(z[1], z[0]));
  }, 1);
  put('polar', (x) => {
    const z = complexArg(x);
    const r = hypot2(z[0], z[1]);
    if (r === Infinity && finite(z)) throw rangeError();
    return new PyTuple([new PyFloat(r), new PyFloat(libm.atan2(z[1], z[0]))]);
  }, 1);
  put('rect', (r, phi) => cplx(rect(floatArg(r), floatArg(phi))), 2);
  put('isfinite', (x) => finite(complexArg(x)), 1);
  put('isinf', (x) => {
    const z = complexArg(x);
    return Math.abs(z[0]) === Infinity || Math.abs(z[1]) === Infinity;
  }, 1);
  put('isnan', (x) => {
    const z = complexArg(x);
    return z[0] !== z[0] || z[1] !== z[1];
  }, 1);
  put('isclose', (a, b, relTol, absTol) => {
    const x = complexArg(a);
    const y = complexArg(b);
    const rt = relTol === undefined ? 1e-9 : floatArg(relTol);
    const at = absTol === undefined ? 0 : floatArg(absTol);
    if (rt < 0 || at < 0) throw valueError('tolerances must be non-negative');
    if (x[0] === y[0] && x[1] === y[1]) return true;
    if (!finite(x) || !finite(y)) return false;
    const diff = hypot2(x[0] - y[0], x[1] - y[1]);
    return diff <= rt * hypot2(y[0], y[1]) || diff <= rt * hypot2(x[0], x[1]) || diff <= at;
  }, { params: 'a, b, /, *, rel_tol, abs_tol', min: 2 });
  return m;
}
