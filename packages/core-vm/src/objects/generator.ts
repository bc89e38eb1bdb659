// Generators, coroutines and async generators (MicroPython py/objgenerator.c; CPython
// Objects/genobject.c). A generator owns a suspended Frame; resuming re-enters the same interpreter loop
// (interp.ts runFrame) at the saved pc with the saved value stack.
import { PyObject, STOP } from '../object.js';
import * as T from '../types.js';
import { vm } from '../state.js';
import type { Frame } from '../interp.js';
import { runFrame } from '../interp.js';
import { PyBaseException, newException, typeError, valueError, runtimeError } from './exceptions.js';
import { defMethod, defGetSet } from './function.js';
import { call, getAttrOpt, typeOf, addressOf, isInstance, nextOrStop } from '../runtime.js';
import { normaliseRaise } from '../errors.js';
import { PyType } from '../object.js';

export const GEN_KIND_GENERATOR = 0;
export const GEN_KIND_COROUTINE = 1;
export const GEN_KIND_ASYNCGEN = 2;

const YIELD_FROM_OP = 121;

export class PyGenerator extends PyObject {
  kind: number;
  frame: Frame;
  name: string;
  qualname: string;
  started: boolean;
  running: boolean;
  finished: boolean;
  /** The exception being handled inside the generator when it last suspended (null: none). */
  exc: PyBaseException | null;
  /** Return value once finished (StopIteration.value). */
  retval: any;
  /** MicroPython's pend_throw(): thrown on the next resume (null: none). */
  pending: any;
  /** Async generators: an __anext__/asend/athrow/aclose awaitable is being driven (CPython ag_running_async). */
  runningAsync: boolean;
  /** Async generators: closed by aclose() or by raising StopAsyncIteration/GeneratorExit (CPython ag_closed). */
  aclosed: boolean;
  constructor(kind: number, frame: Frame, name: string, qualname: string) {
    super(kind === GEN_KIND_COROUTINE ? T.coroutineType : kind === GEN_KIND_ASYNCGEN ? T.asyncGeneratorType : T.generatorType);
    this.kind = kind;
    this.frame = frame;
    this.name = name;
    this.qualname = qualname;
    this.started = false;
    this.running = false;
    this.finished = false;
    this.exc = null;
    this.retval = null;
    this.pending = null;
    this.runningAsync = false;
    this.aclosed = false;
  }
}

function kindName(g: PyGenerator): string {
  return g.kind === GEN_KIND_COROUTINE ? 'coroutine' : g.kind === GEN_KIND_ASYNCGEN ? 'async generator' : 'generator';
}

const MODE_SEND = 0; // push the sent value (after a yield)
const MODE_THROW = 1; // raise an exception at the suspension point
const MODE_CONTINUE = 2; // continue without pushing (a delegated yield from finished)

/**
 * Resume g. Returns the yielded value, or STOP when the generator returned (g.retval holds the value).
 * Exceptions raised by the generator propagate (and finish it).
 */
function resume(g: PyGenerator, value: any, mode: number, exc: PyBaseException | null): any {
  if (g.running) throw valueError(`${kindName(g)} already executing`);
  const f = g.frame;
  if (g.finished) {
    if (mode === MODE_THROW) throw exc;
    if (g.kind === GEN_KIND_COROUTINE) throw runtimeError('cannot reuse already awaited coroutine');
    g.retval = null;
    return STOP;
  }
  if (mode === MODE_SEND && g.pending !== null) {
    const p = g.pending;
    g.pending = null;
    mode = MODE_THROW;
    exc = normaliseRaise(p);
  }
  if (!g.started) {
    if (mode === MODE_SEND && value !== null) {
      throw typeError(`can't send non-None value to a just-started ${kindName(g)}`);
    }
    g.started = true;
    if (mode === MODE_THROW) {
      g.finished = true;
      throw exc;
    }
  } else if (mode === MODE_SEND) {
    f.fast[f.sp++] = value;
  } else if (mode === MODE_THROW) {
    f.throwIn = exc;
    f.pc = f.yieldPc + 1;
  }
  const outer = vm.excInfo;
  if (g.exc !== null) vm.excInfo = g.exc;
  g.running = true;
  let r: any;
  try {
    r = runFrame(f);
  } catch (e) {
    g.running = false;
    g.finished = true;
    vm.excInfo = outer;
    if (e instanceof PyBaseException && e.type.isSubtypeOf(T.stopIterationType)) {
      const what = g.kind === GEN_KIND_COROUTINE ? 'coroutine' : g.kind === GEN_KIND_ASYNCGEN ? 'async generator' : 'generator';
      const err = newException(T.runtimeErrorType, `${what} raised StopIteration`);
      err.cause = e;
      err.context = e;
      err.suppressContext = true;
      throw err;
    }
    if (g.kind === GEN_KIND_ASYNCGEN && e instanceof PyBaseException && e.type.isSubtypeOf(T.stopAsyncIterationType)) {
      const err = newException(T.runtimeErrorType, 'async generator raised StopAsyncIteration');
      err.cause = e;
      err.suppressContext = true;
      throw err;
    }
    throw e;
  }
  g.running = false;
  if (f.yielded) {
    const cur = g.exc;
    g.exc = cur === outer ? null : cur;
    vm.excInfo = outer;
    return r;
  }
  vm.excInfo = outer;
  g.finished = true;
  g.retval = r;
  g.exc = null;
  return STOP;
}

/** next(g): value or STOP. */
export function genNext(g: PyGenerator): any {
  return resume(g, null, MODE_SEND, null);
}

/** g.send(v): value or STOP. */
export function genSend(g: PyGenerator, v: any): any {
  return resume(g, v, MODE_SEND, null);
}

function suspendedInYieldFrom(g: PyGenerator): boolean {
  const f = g.frame;
  return g.started && !g.finished && f.yieldPc >= 0 && (f.code.code[f.yieldPc] & 0xff) === YIELD_FROM_OP;
}

/**
 * g.throw(...): value or STOP; forwards to a delegated iterator first (PEP 380). `raw` are the arguments
 * of a Python-level throw() call, passed to a delegate unchanged (CPython does not validate them first).
 */
export function genThrow(g: PyGenerator, exc: PyBaseException | null, raw: any[] | null = null): any {
  if (suspendedInYieldFrom(g) && !g.running) {
    const f = g.frame;
    const sub = f.fast[f.sp - 1];
    const first = raw !== null ? raw[0] : exc;
    const isExit = first instanceof PyBaseException ? first.type.isSubtypeOf(T.generatorExitType) : first instanceof PyType && first.isSubtypeOf(T.generatorExitType);
    if (isExit) {
      let e: PyBaseException = exc ?? throwArg(raw![0], raw![1]);
      try {
        closeIterator(sub);
      } catch (e2) {
        if (!(e2 instanceof PyBaseException)) throw e2;
        e = e2;
      }
      return resume(g, null, MODE_THROW, e);
    }
    let r: any;
    g.running = true;
    try {
      if (sub instanceof PyGenerator) {
        r = genThrow(sub, exc, raw);
        if (r === STOP) vm.yieldFromResult = sub.retval;
      } else {
        const th = getAttrOpt(sub, 'throw');
        if (th === undefined) {
          g.running = false;
          return resume(g, null, MODE_THROW, exc ?? throwArg(raw![0], raw![1]));
        }
        try {
          r = call(th, raw ?? [exc], null);
        } catch (e) {
          if (e instanceof PyBaseException && e.type.isSubtypeOf(T.stopIterationType)) {
            vm.yieldFromResult = stopValue(e);
            r = STOP;
          } else throw e;
        }
      }
    } catch (e) {
      g.running = false;
      if (!(e instanceof PyBaseException)) throw e;
      return resume(g, null, MODE_THROW, e);
    }
    g.running = false;
    if (r !== STOP) return r;
    f.fast[f.sp - 1] = vm.yieldFromResult;
    vm.yieldFromResult = null;
    f.pc = f.yieldPc + 1;
    return resume(g, null, MODE_CONTINUE, null);
  }
  return resume(g, null, MODE_THROW, exc ?? throwArg(raw![0], raw![1]));
}

function closeIterator(sub: any): void {
  if (sub instanceof PyGenerator) {
    genClose(sub);
    return;
  }
  const c = getAttrOpt(sub, 'close');
  if (c !== undefined) call(c, [], null);
}

/** g.close() (PEP 342). */
export function genClose(g: PyGenerator): void {
  if (g.finished) return;
  if (!g.started) {
    g.finished = true;
    return;
  }
  let r: any;
  try {
    r = genThrow(g, newException(T.generatorExitType));
  } catch (e) {
    if (e instanceof PyBaseException && (e.type.isSubtypeOf(T.generatorExitType) || e.type.isSubtypeOf(T.stopIterationType))) return;
    throw e;
  }
  if (r !== STOP) throw runtimeError(`${g.kind === GEN_KIND_ASYNCGEN ? 'async generator' : 'generator'} ignored GeneratorExit`);
}

export function stopValue(e: PyBaseException): any {
  const a = e.args.items;
  return a.length > 0 ? a[0] : null;
}

/**
 * One step of YIELD_FROM / await: send v into it. Returns the value to yield, or STOP when `it` finished
 * (its return value is left in vm.yieldFromResult).
 */
export function yieldFromStep(it: any, v: any): any {
  if (it instanceof PyGenerator) {
    const r = resume(it, v, MODE_SEND, null);
    if (r === STOP) vm.yieldFromResult = it.retval;
    return r;
  }
  if (v === null) {
    vm.yieldFromResult = null;
    const nx = typeOf(it).next;
    if (nx === null) throw typeError(`'${typeOf(it).name}' object is not an iterator`);
    return nextOrStop(nx, it);
  }
  const send = getAttrOpt(it, 'send');
  if (send === undefined) throw typeError(`'${typeOf(it).name}' object has no attribute 'send'`);
  try {
    return call(send, [v], null);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtypeOf(T.stopIterationType)) {
      vm.yieldFromResult = stopValue(e);
      return STOP;
    }
    throw e;
  }
}

/** The throw() argument forms: throw(exc), throw(type), throw(type, value[, tb]). */
function throwArg(typ: any, val: any): PyBaseException {
  if (typ instanceof PyType && typ.isSubtypeOf(T.baseExceptionType)) {
    if (val === undefined || val === null) return normaliseRaise(typ);
    if (val instanceof PyBaseException && isInstance(val, typ)) return val;
    return normaliseRaise(call(typ, val instanceof PyObject && val.type === T.tupleType ? (val as any).items : [val], null));
  }
  if (typ instanceof PyBaseException) {
    if (val !== undefined && val !== null) throw typeError('instance exception may not have a separate value');
    return typ;
  }
  throw typeError('exceptions must be classes or instances deriving from BaseException, not ' + typeOf(typ).name);
}

function rawThrowArgs(typ: any, val: any, tb: any): any[] {
  return val === undefined ? [typ] : tb === undefined ? [typ, val] : [typ, val, tb];
}

/** Result of send/throw for Python callers: the value, or StopIteration(retval). */
function valueOrStop(g: PyGenerator, r: any): any {
  if (r !== STOP) return r;
  if (g.kind === GEN_KIND_ASYNCGEN) throw newException(T.stopAsyncIterationType);
  const v = g.retval;
  throw v === null ? newException(T.stopIterationType) : newException(T.stopIterationType, v);
}

/** The awaitable a coroutine's __await__ returns. */
export class CoroWrapper extends PyObject {
  coro: PyGenerator;
  constructor(coro: PyGenerator) {
    super(T.coroutineWrapperType);
    this.coro = coro;
  }
}

const AW_ASEND = 0; // __anext__() / asend(v)
const AW_ATHROW = 1; // athrow(...)
const AW_ACLOSE = 2; // aclose()

/** The awaitable of async_generator.__anext__ / asend / athrow / aclose (CPython async_gen_asend / async_gen_athrow). */
export class AsyncGenAwait extends PyObject {
  gen: PyGenerator;
  value: any;
  exc: PyBaseException | null;
  mode: number;
  state: number; // 0 initial, 1 running, 2 done
  constructor(gen: PyGenerator, value: any, exc: PyBaseException | null, mode: number) {
    super(mode === AW_ASEND ? T.asyncGenAwaitType : T.asyncGenThrowType);
    this.gen = gen;
    this.value = value;
    this.exc = exc;
    this.mode = mode;
    this.state = 0;
  }
}

/** The generator is suspended at an async `yield` (not inside an `await`, whose yields pass through). */
function atAsyncYield(g: PyGenerator): boolean {
  const f = g.frame;
  return (f.code.code[f.yieldPc] & 0xff) !== YIELD_FROM_OP;
}

/**
 * Drive an async generator one step on behalf of an awaitable (CPython async_gen_asend_send/throw and
 * async_gen_athrow_send/throw): the value to pass up to the event loop, or STOP when the awaitable
 * completes (its result in vm.yieldFromResult).
 */
function asyncGenStep(a: AsyncGenAwait, v: any, exc: PyBaseException | null): any {
  const g = a.gen;
  const asend = a.mode === AW_ASEND;
  if (a.state === 2) throw runtimeError(asend ? 'cannot reuse already awaited __anext__()/asend()' : 'cannot reuse already awaited aclose()/athrow()');
  let r: any;
  try {
    if (a.state === 0) {
      if (asend) {
        if (g.runningAsync) throw runtimeError('anext(): asynchronous generator is already running');
        a.state = 1;
        g.runningAsync = true;
        r = exc !== null ? genThrow(g, exc) : resume(g, v === null ? a.value : v, MODE_SEND, null);
      } else {
        if (g.finished) {
          a.state = 2;
          vm.yieldFromResult = null;
          return STOP;
        }
        if (g.runningAsync) throw runtimeError(`${a.mode === AW_ACLOSE ? 'aclose' : 'athrow'}(): asynchronous generator is already running`);
        if (g.aclosed) {
          a.state = 2;
          throw newException(T.stopAsyncIterationType);
        }
        if (v !== null) throw typeError("can't send non-None value to a just-started coroutine");
        a.state = 1;
        g.runningAsync = true;
        if (a.mode === AW_ACLOSE) g.aclosed = true;
        r = genThrow(g, exc ?? a.exc ?? newException(T.generatorExitType));
      }
    } else if (exc !== null) r = genThrow(g, exc);
    else r = resume(g, v, MODE_SEND, null);
  } catch (e) {
    a.state = 2;
    g.runningAsync = false;
    if (e instanceof PyBaseException && (e.type.isSubtypeOf(T.stopAsyncIterationType) || e.type.isSubtypeOf(T.generatorExitType))) {
      g.aclosed = true;
      if (a.mode === AW_ACLOSE) {
        vm.yieldFromResult = null;
        return STOP;
      }
    }
    throw e;
  }
  if (r === STOP) {
    // the generator returned
    a.state = 2;
    g.runningAsync = false;
    g.aclosed = true;
    if (a.mode === AW_ACLOSE) {
      vm.yieldFromResult = null;
      return STOP;
    }
    throw newException(T.stopAsyncIterationType);
  }
  if (atAsyncYield(g)) {
    a.state = 2;
    g.runningAsync = false;
    if (a.mode === AW_ACLOSE) throw runtimeError('async generator ignored GeneratorExit');
    // the awaitable completes with the yielded value
    vm.yieldFromResult = r;
    return STOP;
  }
  return r;
}

function asyncGenResultOrStop(r: any): any {
  if (r !== STOP) return r;
  const v = vm.yieldFromResult;
  vm.yieldFromResult = null;
  throw v === null ? newException(T.stopIterationType) : newException(T.stopIterationType, v);
}

export function setupGenerator(): void {
  for (const t of [T.generatorType, T.coroutineType, T.asyncGeneratorType]) {
    t.keyKind = 1;
    t.repr = (x) => `<${t.name} object ${(x as PyGenerator).qualname} at ${addressOf(x)}>`;
    defGetSet(t, '__name__', (x) => (x as PyGenerator).name);
    defGetSet(t, '__qualname__', (x) => (x as PyGenerator).qualname);
    const prefix = t === T.generatorType ? 'gi' : t === T.coroutineType ? 'cr' : 'ag';
    defGetSet(t, `${prefix}_running`, (x) => (x as PyGenerator).running);
    defGetSet(t, `${prefix}_code`, (x) => (x as PyGenerator).frame.code);
    defGetSet(t, `${prefix}_frame`, (x) => ((x as PyGenerator).finished ? null : (x as PyGenerator).frame.code));
  }
  const g = T.generatorType;
  g.iter = (x) => x;
  g.next = (x) => resume(x as PyGenerator, null, MODE_SEND, null);
  defMethod(g, 'send', (self, v) => valueOrStop(self as PyGenerator, genSend(self as PyGenerator, v)), 2);
  defMethod(g, 'throw', (self, typ, val, tb) => valueOrStop(self as PyGenerator, genThrow(self as PyGenerator, null, rawThrowArgs(typ, val, tb))), { params: 'self, typ, val, tb', min: 2 });
  defMethod(g, 'close', (self) => {
    genClose(self as PyGenerator);
    return null;
  }, 1);
  defMethod(g, 'pend_throw', (self, exc) => {
    const gen = self as PyGenerator;
    if (gen.running) throw valueError('generator already executing');
    const prev = gen.pending;
    gen.pending = exc;
    return prev;
  }, 2);
  defGetSet(g, 'gi_yieldfrom', (x) => (suspendedInYieldFrom(x as PyGenerator) ? (x as PyGenerator).frame.fast[(x as PyGenerator).frame.sp - 1] : null));

  const c = T.coroutineType;
  defMethod(c, 'send', (self, v) => valueOrStop(self as PyGenerator, genSend(self as PyGenerator, v)), 2);
  defMethod(c, 'throw', (self, typ, val, tb) => valueOrStop(self as PyGenerator, genThrow(self as PyGenerator, null, rawThrowArgs(typ, val, tb))), { params: 'self, typ, val, tb', min: 2 });
  defMethod(c, 'close', (self) => {
    genClose(self as PyGenerator);
    return null;
  }, 1);
  defMethod(c, '__await__', (self) => new CoroWrapper(self as PyGenerator), 1);
  // MicroPython lets an event loop drive a coroutine with next()/send() directly
  c.next = (x) => resume(x as PyGenerator, null, MODE_SEND, null);
  c.iter = null;

  const w = T.coroutineWrapperType;
  w.iter = (x) => x;
  w.next = (x) => {
    const co = (x as CoroWrapper).coro;
    const r = resume(co, null, MODE_SEND, null);
    if (r === STOP) vm.yieldFromResult = co.retval;
    return r;
  };
  defMethod(w, 'send', (self, v) => valueOrStop((self as CoroWrapper).coro, genSend((self as CoroWrapper).coro, v)), 2);
  defMethod(w, 'throw', (self, typ, val, tb) => valueOrStop((self as CoroWrapper).coro, genThrow((self as CoroWrapper).coro, null, rawThrowArgs(typ, val, tb))), { params: 'self, typ, val, tb', min: 2 });
  defMethod(w, 'close', (self) => {
    genClose((self as CoroWrapper).coro);
    return null;
  }, 1);

  const ag = T.asyncGeneratorType;
  defMethod(ag, '__aiter__', (self) => self, 1);
  defMethod(ag, '__anext__', (self) => new AsyncGenAwait(self as PyGenerator, null, null, AW_ASEND), 1);
  defMethod(ag, 'asend', (self, v) => new AsyncGenAwait(self as PyGenerator, v, null, AW_ASEND), 2);
  defMethod(ag, 'athrow', (self, typ, val, _tb) => new AsyncGenAwait(self as PyGenerator, null, throwArg(typ, val), AW_ATHROW), { params: 'self, typ, val, tb', min: 2 });
  defMethod(ag, 'aclose', (self) => new AsyncGenAwait(self as PyGenerator, null, null, AW_ACLOSE), 1);
  defGetSet(ag, 'ag_running', (x) => (x as PyGenerator).runningAsync);

  for (const aw of [T.asyncGenAwaitType, T.asyncGenThrowType]) {
    aw.iter = (x) => x;
    aw.next = (x) => asyncGenStep(x as AsyncGenAwait, null, null);
    defMethod(aw, '__await__', (self) => self, 1);
    defMethod(aw, 'send', (self, v) => asyncGenResultOrStop(asyncGenStep(self as AsyncGenAwait, v, null)), 2);
    defMethod(aw, 'throw', (self, typ, val, _tb) => asyncGenResultOrStop(asyncGenStep(self as AsyncGenAwait, null, throwArg(typ, val))), { params: 'self, typ, val, tb', min: 2 });
    defMethod(aw, 'close', (self) => {
      (self as AsyncGenAwait).state = 2;
      return null;
    }, 1);
  }
}
