// Exceptions at the boundaries: turning JavaScript errors into Python exceptions (STYLE 17: nothing
// JS-shaped ever reaches a Python program), normalising `raise` operands, and formatting tracebacks in
// MicroPython's format with CPython's chaining text.
import { PyType } from './object.js';
import * as T from './types.js';
import { PyBaseException, newException, typeError } from './objects/exceptions.js';
import { call, str, isInstance } from './runtime.js';
import { EMPTY_TUPLE } from './objects/tuple.js';

/** A compiler error as thrown by @mpy-ts/compiler (duck-typed: no dependency needed here). */
interface CompileErrorLike {
  name: string;
  kind: string;
  msg: string;
  filename: string;
  line: number;
  column: number;
  text?: string;
}

function isCompileError(e: any): e is CompileErrorLike {
  return typeof e === 'object' && e !== null && e.name === 'CompileError' && typeof e.kind === 'string' && typeof e.msg === 'string';
}

/** SyntaxError-family exception from a compile error. */
export function syntaxErrorFrom(e: CompileErrorLike): PyBaseException {
  const t = e.kind === 'IndentationError' ? T.indentationErrorType : e.kind === 'TabError' ? T.tabErrorType
    : e.kind === 'NotImplementedError' ? T.notImplementedErrorType
    : e.kind === 'ViperTypeError' ? T.viperTypeErrorType : T.syntaxErrorType;
  // (MicroPython's native emitter raises NotImplementedError on the spot, without a traceback)
  if (t === T.notImplementedErrorType) return newException(t, e.msg);
  const exc = newException(t, e.msg);
  // MicroPython records compile errors, a ViperTypeError included, with the line but without a block
  // name: `File "x.py", line 3` has no `, in ...`
  exc.traceback = [{ filename: e.filename, line: e.line, name: '' }];
  if (t === T.viperTypeErrorType) return exc;
  exc.extra = { filename: e.filename, lineno: e.line, offset: e.column, text: e.text ?? null };
  return exc;
}

/** RangeError messages (lower-cased fragments) that mean an allocation was too big. */
const MEMORY_RANGE_ERRORS = ['array length', 'allocation failed', 'bigint', 'too large', 'invalid typed array length', 'invalid string length', 'maximum size exceeded'];

/** Map any non-Python exception caught at a VM boundary to a Python exception. */
export function exceptionFromHost(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (isCompileError(e)) return syntaxErrorFrom(e);
  // Plain string tests only: this runs at the very edge of the JS stack, where even compiling a regular
  // expression can overflow again (V8 then throws a SyntaxError whose message names the call stack).
  if (e instanceof Error) {
    const m = e.message;
    const lower = m.toLowerCase();
    if (lower.includes('call stack size exceeded')) return newException(T.runtimeErrorType, 'maximum recursion depth exceeded');
    if (lower.includes('out of memory') || (e instanceof RangeError && MEMORY_RANGE_ERRORS.some((k) => lower.includes(k)))) {
      return newException(T.memoryErrorType, 'memory allocation failed');
    }
    return newException(T.systemErrorType, `internal error: ${e.name}: ${m}`);
  }
  return newException(T.systemErrorType, `internal error: ${String(e)}`);
}

/** The exception object for `raise x`: instantiate classes; TypeError for non-exceptions. */
export function normaliseRaise(x: any): PyBaseException {
  if (x instanceof PyBaseException) return x;
  if (x instanceof PyType && x.isSubtypeOf(T.baseExceptionType)) {
    const e = call(x, [], null);
    if (!(e instanceof PyBaseException)) throw typeError('exceptions must derive from BaseException');
    return e;
  }
  throw typeError('exceptions must derive from BaseException');
}

/** `Type: message`, as the last line of a traceback (MicroPython keeps the `: ` when there is no message). */
export function exceptionLine(e: PyBaseException): string {
  const name = e.type.name;
  let msg: string;
  try {
    msg = str(e);
  } catch {
    msg = '<exception str() failed>';
  }
  return `${name}: ${msg}`;
}

/** The traceback of one exception (no chaining), MicroPython's format. */
export function tracebackLines(e: PyBaseException): string {
  let s = '';
  if (e.traceback !== null && e.traceback.length > 0) {
    s += 'Traceback (most recent call last):\n';
    for (let i = e.traceback.length - 1; i >= 0; i--) {
      const tb = e.traceback[i];
      s += tb.name === '' ? `  File "${tb.filename}", line ${tb.line}\n` : `  File "${tb.filename}", line ${tb.line}, in ${tb.name}\n`;
    }
  }
  return s + exceptionLine(e) + '\n';
}

/** Full report with __cause__ / __context__ chains printed first, as CPython does. */
export function formatException(e: PyBaseException): string {
  const seen = new Set<PyBaseException>();
  const rec = (x: PyBaseException): string => {
    seen.add(x);
    let s = '';
    if (x.cause !== null && !seen.has(x.cause)) {
      s += rec(x.cause) + '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (x.context !== null && !x.suppressContext && !seen.has(x.context)) {
      s += rec(x.context) + '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
    return s + tracebackLines(x);
  };
  return rec(e);
}

export { EMPTY_TUPLE, isInstance };
