// Opcodes of the mpy-ts bytecode: the contract between @mpy-ts/compiler and @mpy-ts/core-vm.
//
// (Plays the part of MicroPython's py/bc0.h; the instruction set itself is modelled on CPython 3.10/3.11,
// whose compile.c and ceval.c are the best-documented reference for compiling and running each construct.)
//
// ENCODING
//   A code object's `code` is an Int32Array with ONE 32-bit word per instruction:
//       word = op | (arg << 8)         op  = word & 0xff          (unsigned, 0..255)
//                                      arg = word >> 8            (signed 24-bit, -2^23 .. 2^23-1)
//   Instructions without an argument have arg 0. Jump targets are ABSOLUTE instruction indexes (not byte
//   offsets). `pc` below is the index of the instruction being executed.
//
// STACK NOTATION
//   Effects are written `before -> after`, top of stack on the RIGHT. "TOS" is the top, "TOS1" the one
//   below it. `n` is the instruction's arg.
//
// EXCEPTIONS (zero-cost, CPython 3.11 style)
//   There is no runtime block stack. Each code object carries an exception table (see code.ts): when an
//   instruction at pc raises, the VM takes the FIRST entry with start <= pc < end (the compiler lists inner
//   ranges before outer ones), truncates the value stack to the entry's `depth`, pushes the exception
//   object, and jumps to `handler`. With no matching entry the exception leaves the frame (adding a
//   traceback entry for this frame's current line).
//   The VM also keeps the "exception being handled" (sys.exc_info(), the target of a bare `raise`, and the
//   implicit __context__ of a new exception); PUSH_EXC_INFO and POP_EXCEPT save and restore it.
//
// Opcodes 200..255 are reserved for the VM's own specialised forms (it may rewrite its private copy of
// the code); the compiler never emits them and serialised code never contains them.

// ---- stack manipulation ----------------------------------------------------------------------------
/** Do nothing. */
export const NOP = 0;
/** `x ->` */
export const POP_TOP = 1;
/** `... x(n) ... x(1) -> ... x(n) ... x(1) x(n)`: push a copy of the n-th item (n >= 1; COPY 1 = dup). */
export const COPY = 2;
/** `... x(n) ... x(1) -> ... x(1) ... x(n)`: swap TOS with the n-th item (n >= 2). */
export const SWAP = 3;

// ---- constants and names ---------------------------------------------------------------------------
/** `-> consts[n]` */
export const LOAD_CONST = 4;
/** `-> int(n)`: a small int immediate (the signed 24-bit arg). */
export const LOAD_SMALL_INT = 5;
/** `-> None` */
export const LOAD_NONE = 6;
/** `-> varnames[n]`; UnboundLocalError("local variable referenced before assignment") if unbound. */
export const LOAD_FAST = 7;
/** `x ->` varnames[n] = x */
export const STORE_FAST = 8;
/** unbind varnames[n]; UnboundLocalError if already unbound. */
export const DELETE_FAST = 9;
/**
 * `-> cells[n].value`, where cells = [...cellvars, ...freevars] (the frame's cell array).
 * Unbound: NameError for a free variable, UnboundLocalError for a cell variable (CPython's messages).
 */
export const LOAD_DEREF = 10;
/** `x ->` cells[n].value = x */
export const STORE_DEREF = 11;
/** unbind cells[n] */
export const DELETE_DEREF = 12;
/** `-> cells[n]` (the cell object itself, to build a closure tuple for MAKE_FUNCTION). */
export const LOAD_CLOSURE = 13;
/**
 * Class bodies reading a free variable: `-> locals[freevar name]` if the class namespace has it, else
 * `cells[n].value`.
 */
export const LOAD_CLASSDEREF = 14;
/** `-> locals[names[n]]` then globals, then builtins; NameError("name 'x' isn't defined"). */
export const LOAD_NAME = 15;
/** `x ->` locals[names[n]] = x (module level: locals is globals; class bodies: the class namespace). */
export const STORE_NAME = 16;
/** del locals[names[n]]; NameError if absent. */
export const DELETE_NAME = 17;
/** `-> globals[names[n]]` then builtins; NameError if absent. */
export const LOAD_GLOBAL = 18;
/** `x ->` globals[names[n]] = x */
export const STORE_GLOBAL = 19;
/** del globals[names[n]] */
export const DELETE_GLOBAL = 20;

// ---- attributes, methods, subscripts ---------------------------------------------------------------
/** `obj -> getattr(obj, names[n])` */
export const LOAD_ATTR = 21;
/** `value obj ->` setattr(obj, names[n], value) */
export const STORE_ATTR = 22;
/** `obj ->` delattr(obj, names[n]) */
export const DELETE_ATTR = 23;
/**
 * `obj -> meth self` when names[n] resolves to a plain function on the type (no bound method is made),
 * otherwise `obj -> attr NULL` where NULL is the VM's internal "no self" marker. Always paired with
 * CALL_METHOD / CALL_METHOD_KW.
 */
export const LOAD_METHOD = 24;
/** `container key -> container[key]` */
export const BINARY_SUBSCR = 25;
/** `value container key ->` container[key] = value */
export const STORE_SUBSCR = 26;
/** `container key ->` del container[key] */
export const DELETE_SUBSCR = 27;
/** n = 2: `start stop -> slice(start, stop)`; n = 3: `start stop step -> slice(start, stop, step)`. */
export const BUILD_SLICE = 28;

// ---- operators -------------------------------------------------------------------------------------
// Binary: `a b -> a OP b`, with __op__/__rop__ dispatch, NotImplemented fallback and CPython's TypeError
// ("unsupported operand type(s) for +: 'int' and 'str'"). In-place: `a b -> a OP= b`, trying __iop__ first.
export const BINARY_ADD = 30;
export const BINARY_SUBTRACT = 31;
export const BINARY_MULTIPLY = 32;
export const BINARY_MATRIX_MULTIPLY = 33;
export const BINARY_TRUE_DIVIDE = 34;
export const BINARY_FLOOR_DIVIDE = 35;
export const BINARY_MODULO = 36;
export const BINARY_POWER = 37;
export const BINARY_LSHIFT = 38;
export const BINARY_RSHIFT = 39;
export const BINARY_AND = 40;
export const BINARY_OR = 41;
export const BINARY_XOR = 42;
export const INPLACE_ADD = 43;
export const INPLACE_SUBTRACT = 44;
export const INPLACE_MULTIPLY = 45;
export const INPLACE_MATRIX_MULTIPLY = 46;
export const INPLACE_TRUE_DIVIDE = 47;
export const INPLACE_FLOOR_DIVIDE = 48;
export const INPLACE_MODULO = 49;
export const INPLACE_POWER = 50;
export const INPLACE_LSHIFT = 51;
export const INPLACE_RSHIFT = 52;
export const INPLACE_AND = 53;
export const INPLACE_OR = 54;
export const INPLACE_XOR = 55;
/** `x -> -x` */
export const UNARY_NEGATIVE = 56;
/** `x -> +x` */
export const UNARY_POSITIVE = 57;
/** `x -> ~x` */
export const UNARY_INVERT = 58;
/** `x -> not x` (always a bool) */
export const UNARY_NOT = 59;
/** `a b -> a < b` and so on, with reflected fallback (__gt__ for __lt__, ...). */
export const COMPARE_LT = 60;
export const COMPARE_LE = 61;
export const COMPARE_EQ = 62;
export const COMPARE_NE = 63;
export const COMPARE_GT = 64;
export const COMPARE_GE = 65;
/** `a b -> (a is b)`; n = 1 means `is not`. */
export const IS_OP = 66;
/** `a b -> (a in b)`; n = 1 means `not in`. */
export const CONTAINS_OP = 67;

// ---- control flow ----------------------------------------------------------------------------------
/** pc = n, where n > pc. */
export const JUMP_FORWARD = 70;
/** pc = n, where n <= pc. Loops close with this: the VM checks interrupts and scheduled callbacks here. */
export const JUMP_BACKWARD = 71;
/** `x ->`; if not truthy(x): pc = n */
export const POP_JUMP_IF_FALSE = 72;
/** `x ->`; if truthy(x): pc = n */
export const POP_JUMP_IF_TRUE = 73;
/** `x -> x` and pc = n if x is falsy; otherwise `x ->` (short-circuit `and`). */
export const JUMP_IF_FALSE_OR_POP = 74;
/** `x -> x` and pc = n if x is truthy; otherwise `x ->` (short-circuit `or`). */
export const JUMP_IF_TRUE_OR_POP = 75;
/** `x -> iter(x)` */
export const GET_ITER = 76;
/** `it -> it next(it)`; when it is exhausted: `it ->` and pc = n. A backward-jump safe point is not implied. */
export const FOR_ITER = 77;
/** `x ->` return x from the frame. */
export const RETURN_VALUE = 78;

// ---- exceptions ------------------------------------------------------------------------------------
/**
 * n = 0: `->` re-raise the exception being handled (RuntimeError "no active exception to reraise" if none);
 * n = 1: `exc ->` raise exc (a class is instantiated with no args);
 * n = 2: `exc cause ->` raise exc from cause (sets __cause__ and __suppress_context__).
 */
export const RAISE_VARARGS = 80;
/** `exc ->` raise exc again, keeping its traceback (end of a finally / unmatched except). */
export const RERAISE = 81;
/** `exc -> prev exc`: save the exception being handled (None if none) below exc; exc becomes the one handled. */
export const PUSH_EXC_INFO = 82;
/** `prev ->`: the exception being handled becomes prev again (None: nothing handled). */
export const POP_EXCEPT = 83;
/** `exc type -> exc bool`: isinstance(exc, type) where type is a class or tuple of classes (TypeError otherwise). */
export const CHECK_EXC_MATCH = 84;
/** `-> AssertionError` (the class; `assert x, msg` builds the instance with CALL). */
export const LOAD_ASSERTION_ERROR = 85;
/**
 * `mgr -> exit enter_result`: exit = bound mgr.__exit__, enter_result = mgr.__enter__().
 * (AttributeError / TypeError as CPython when the protocol is missing.)
 */
export const BEFORE_WITH = 86;
/**
 * `exit prev exc -> exit prev exc res`: res = exit(type(exc), exc, traceback) in the handler of a with
 * block. The compiler then jumps on truthiness: true suppresses the exception.
 */
export const WITH_EXCEPT_START = 87;
/** `mgr -> aexit awaitable`: like BEFORE_WITH for `async with` (__aenter__/__aexit__); then GET_AWAITABLE... */
export const BEFORE_ASYNC_WITH = 88;

// ---- calls and functions ---------------------------------------------------------------------------
/** `f a1 .. an -> f(a1, .., an)` */
export const CALL = 90;
/**
 * `f a1 .. an kwnames -> f(...)`: kwnames is a tuple constant of k names; the LAST k of the n arguments
 * are passed by those keywords, the others positionally.
 */
export const CALL_KW = 91;
/** n & 1 == 0: `f args -> f(*args)`; n & 1 == 1: `f args kwargs -> f(*args, **kwargs)` (args a tuple, kwargs a dict). */
export const CALL_FUNCTION_EX = 92;
/** `meth self a1 .. an -> meth(self, a1, .., an)` or `attr NULL a1 .. an -> attr(a1, .., an)` (see LOAD_METHOD). */
export const CALL_METHOD = 93;
/** as CALL_METHOD with a trailing kwnames tuple, as CALL_KW. */
export const CALL_METHOD_KW = 94;
/**
 * `[defaults] [kwdefaults] [closure] code -> function`. Flags in n: 0x01 a tuple of positional defaults,
 * 0x02 a dict of keyword-only defaults, 0x08 a tuple of cells (closure). Items are pushed in that order.
 * The function's __name__ is code.name, __qualname__ code.qualname, __module__ globals['__name__'].
 */
export const MAKE_FUNCTION = 95;
/** `-> __build_class__` (the builtin; called as __build_class__(body_function, name, *bases, **keywords)). */
export const LOAD_BUILD_CLASS = 96;

// ---- building containers ---------------------------------------------------------------------------
/** `x1 .. xn -> (x1, .., xn)` */
export const BUILD_TUPLE = 100;
/** `x1 .. xn -> [x1, .., xn]` */
export const BUILD_LIST = 101;
/** `x1 .. xn -> {x1, .., xn}` */
export const BUILD_SET = 102;
/** `k1 v1 .. kn vn -> {k1: v1, .., kn: vn}` */
export const BUILD_MAP = 103;
/** `s1 .. sn -> s1 + .. + sn` (all str; f-strings). */
export const BUILD_STRING = 104;
/** `list ... x -> list ...`: list.append(x), list being the n-th item after popping x (comprehensions). */
export const LIST_APPEND = 105;
/** `set ... x -> set ...`: as LIST_APPEND for a set. */
export const SET_ADD = 106;
/** `dict ... k v -> dict ...`: dict[k] = v, dict being the n-th item after popping k and v. */
export const MAP_ADD = 107;
/** `list ... it -> list ...`: list.extend(it), list being the n-th item after popping it. */
export const LIST_EXTEND = 108;
/** `set ... it -> set ...`: set.update(it). */
export const SET_UPDATE = 109;
/** `dict ... m -> dict ...`: dict.update(m) (`{**m}`). */
export const DICT_UPDATE = 110;
/** `f dict ... m -> f dict ...`: like DICT_UPDATE for `f(**m)`: TypeError on a non-str key or a repeated keyword. */
export const DICT_MERGE = 111;
/** `list -> tuple(list)` */
export const LIST_TO_TUPLE = 112;
/** `seq -> xn .. x1`: unpack exactly n items (x1 ends on top); ValueError as CPython otherwise. */
export const UNPACK_SEQUENCE = 113;
/**
 * `seq -> ...`: starred unpacking; n = before | (after << 8). Pushes the `after` last items, then a list of
 * the middle, then the `before` first items, so that the first item ends on top.
 */
export const UNPACK_EX = 114;
/**
 * f-string field: n & 0x03 is the conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`); n & 0x04 means a format
 * spec (a str) is on top. `x [spec] -> format(conv(x), spec)`.
 */
export const FORMAT_VALUE = 115;

// ---- generators and coroutines ---------------------------------------------------------------------
/** `x -> sent`: suspend the generator yielding x; resumes with the value sent in (None for next()). */
export const YIELD_VALUE = 120;
/**
 * `iter value -> result`: delegate to iter (PEP 380): send value (next() when None) to it; if it yields v,
 * the frame suspends yielding v and, when resumed, runs YIELD_FROM again (pc does not advance) with the
 * sent value replacing `value`; `throw`/`close` are forwarded. When iter finishes, result is its return
 * value (StopIteration.value) and execution continues.
 */
export const YIELD_FROM = 121;
/** `x -> iter(x)`, except that a generator or coroutine is left unchanged (`yield from`). */
export const GET_YIELD_FROM_ITER = 122;
/** `x -> awaitable iterator of x` (a coroutine itself, or x.__await__()); TypeError otherwise. */
export const GET_AWAITABLE = 123;
/** `x -> x.__aiter__()` */
export const GET_AITER = 124;
/** `aiter -> aiter awaitable` where awaitable = aiter.__anext__() made awaitable. */
export const GET_ANEXT = 125;
/**
 * In the handler of an `async for` loop: `aiter exc ->` if exc is StopAsyncIteration (the loop ended),
 * otherwise re-raise exc.
 */
export const END_ASYNC_FOR = 126;

// ---- modules, REPL, misc ---------------------------------------------------------------------------
/** `level fromlist -> module`: __import__(names[n], globals, None, fromlist, level). */
export const IMPORT_NAME = 130;
/** `module -> module attr`: from module import names[n] (falls back to sys.modules; ImportError otherwise). */
export const IMPORT_FROM = 131;
/** `module ->`: from module import * into the current locals (honours __all__, skips _names). */
export const IMPORT_STAR = 132;
/** `x ->`: REPL (`single` mode) expression statement: if x is not None, print repr(x) and bind it to `_`. */
export const PRINT_EXPR = 133;
/** `-> locals()` of the current frame (class bodies, `locals()` in module code). */
export const LOAD_LOCALS = 134;

// ---- viper (@micropython.viper code only) ------------------------------------------------------------
// Viper values live on the stack as the Python objects MicroPython's mp_convert_native_to_obj would make
// of them: int -> an int in [-2**31, 2**31), uint and the pointer types -> an int in [0, 2**32),
// bool -> a bool. Native types (the arg of VIPER_CONV): VT_BOOL .. VT_PTR32 below.
/**
 * `x -> y`: convert x to native type n (MicroPython mp_convert_obj_to_native, and the viper casts
 * `int(x)`, `uint(x)`, `bool(x)`, `ptr8(x)`...): int/uint wrap modulo 2**32 (TypeError for a non-int),
 * bool is truthiness, a pointer is the address of a buffer-protocol object or an int taken as an address.
 */
export const VIPER_CONV = 140;
/**
 * `a b -> r`: 32-bit machine arithmetic. arg = (binary opcode, BINARY_ADD..BINARY_XOR or
 * COMPARE_LT..COMPARE_GE) | (native result type << 8): VT_INT wraps signed, VT_UINT (and pointers)
 * unsigned; comparisons push a bool and compare unsigned when the type is VT_UINT.
 */
export const VIPER_BINOP = 141;
/** `ptr index -> value`: load the n-byte (1, 2, 4) little-endian word at ptr + index*n (ptr32: signed). */
export const VIPER_LOAD = 142;
/** `value ptr index ->`: store the low n bytes (1, 2, 4) of value at ptr + index*n. */
export const VIPER_STORE = 143;

/** Native types of viper values (MicroPython's MP_NATIVE_TYPE_*). */
export const VT_OBJ = 0;
export const VT_BOOL = 1;
export const VT_INT = 2;
export const VT_UINT = 3;
export const VT_PTR = 4;
export const VT_PTR8 = 5;
export const VT_PTR16 = 6;
export const VT_PTR32 = 7;

/** One past the highest opcode the compiler may emit. */
export const FIRST_VM_PRIVATE_OPCODE = 200;

// ---- flags (CodeObject.flags) ----------------------------------------------------------------------
/** Locals live in fast slots (functions); otherwise LOAD_NAME/STORE_NAME on a dict (module, class). */
export const CO_OPTIMIZED = 0x0001;
/** A fresh locals namespace per call (functions and class bodies). */
export const CO_NEWLOCALS = 0x0002;
/** Has a `*args` parameter (its slot follows the positional and keyword-only ones). */
export const CO_VARARGS = 0x0004;
/** Has a `**kwargs` parameter (its slot follows `*args`, if any). */
export const CO_VARKEYWORDS = 0x0008;
/** Defined inside another function. */
export const CO_NESTED = 0x0010;
/** Calling makes a generator. */
export const CO_GENERATOR = 0x0020;
/** Calling makes a coroutine (`async def`). */
export const CO_COROUTINE = 0x0080;
/** `async def` containing `yield`. */
export const CO_ASYNC_GENERATOR = 0x0200;
/** A class body (its locals namespace becomes the class's). */
export const CO_CLASS_BODY = 0x1000;
/** Decorated with @micropython.native (runs as bytecode; `with` passes None as the traceback to __exit__). */
export const CO_MP_NATIVE = 0x2000;
/** Decorated with @micropython.viper (the compiler emits the VIPER_* opcodes for its typed values). */
export const CO_MP_VIPER = 0x4000;
/** The function has a docstring: it is `consts[0]` (the function's `__doc__`; None without this flag). */
export const CO_HAS_DOCSTRING = 0x8000;

// ---- FORMAT_VALUE arg bits ---------------------------------------------------------------------------
export const FVC_MASK = 0x03;
export const FVC_NONE = 0x00;
export const FVC_STR = 0x01;
export const FVC_REPR = 0x02;
export const FVC_ASCII = 0x03;
export const FVS_HAVE_SPEC = 0x04;

// ---- MAKE_FUNCTION arg bits --------------------------------------------------------------------------
export const MF_DEFAULTS = 0x01;
export const MF_KWDEFAULTS = 0x02;
export const MF_CLOSURE = 0x08;

// ---- instruction word helpers ------------------------------------------------------------------------
export const ARG_MIN = -(1 << 23);
export const ARG_MAX = (1 << 23) - 1;

/** Encode one instruction word. Throws RangeError if arg does not fit in 24 signed bits. */
export function encode(op: number, arg = 0): number {
  if (arg < ARG_MIN || arg > ARG_MAX || !Number.isInteger(arg)) throw new RangeError(`bytecode arg out of range: ${arg}`);
  return (op & 0xff) | (arg << 8);
}

export function opOf(word: number): number {
  return word & 0xff;
}

export function argOf(word: number): number {
  return word >> 8;
}
