// Stack effects of every opcode, as documented in opcodes.ts, in machine-readable form.
//
// (MicroPython computes these inline in py/emitbc.c `emit_bc_pre`; CPython has `stack_effect` in
// Python/compile.c.) Used by the compiler to size the value stack, by the verifier to check code, and
// available to a VM that wants to pre-check code it loads.
import * as op from './opcodes.js';

/**
 * How many items the instruction needs on the stack before it runs (it reads or pops that many).
 * Throws RangeError for an unknown opcode.
 */
export function stackUse(code: number, arg: number): number {
  switch (code) {
    case op.NOP:
    case op.LOAD_CONST:
    case op.LOAD_SMALL_INT:
    case op.LOAD_NONE:
    case op.LOAD_FAST:
    case op.DELETE_FAST:
    case op.LOAD_DEREF:
    case op.DELETE_DEREF:
    case op.LOAD_CLOSURE:
    case op.LOAD_CLASSDEREF:
    case op.LOAD_NAME:
    case op.DELETE_NAME:
    case op.LOAD_GLOBAL:
    case op.DELETE_GLOBAL:
    case op.JUMP_FORWARD:
    case op.JUMP_BACKWARD:
    case op.LOAD_ASSERTION_ERROR:
    case op.LOAD_BUILD_CLASS:
    case op.LOAD_LOCALS:
      return 0;
    case op.COPY:
    case op.SWAP:
      return arg;
    case op.POP_TOP:
    case op.STORE_FAST:
    case op.STORE_DEREF:
    case op.STORE_NAME:
    case op.STORE_GLOBAL:
    case op.LOAD_ATTR:
    case op.DELETE_ATTR:
    case op.LOAD_METHOD:
    case op.UNARY_NEGATIVE:
    case op.UNARY_POSITIVE:
    case op.UNARY_INVERT:
    case op.UNARY_NOT:
    case op.POP_JUMP_IF_FALSE:
    case op.POP_JUMP_IF_TRUE:
    case op.JUMP_IF_FALSE_OR_POP:
    case op.JUMP_IF_TRUE_OR_POP:
    case op.GET_ITER:
    case op.FOR_ITER:
    case op.RETURN_VALUE:
    case op.RERAISE:
    case op.PUSH_EXC_INFO:
    case op.POP_EXCEPT:
    case op.BEFORE_WITH:
    case op.BEFORE_ASYNC_WITH:
    case op.LIST_TO_TUPLE:
    case op.UNPACK_SEQUENCE:
    case op.UNPACK_EX:
    case op.YIELD_VALUE:
    case op.GET_YIELD_FROM_ITER:
    case op.GET_AWAITABLE:
    case op.GET_AITER:
    case op.GET_ANEXT:
    case op.IMPORT_FROM:
    case op.IMPORT_STAR:
    case op.PRINT_EXPR:
      return 1;
    case op.STORE_ATTR:
    case op.BINARY_SUBSCR:
    case op.DELETE_SUBSCR:
    case op.IS_OP:
    case op.CONTAINS_OP:
    case op.CHECK_EXC_MATCH:
    case op.YIELD_FROM:
    case op.END_ASYNC_FOR:
    case op.IMPORT_NAME:
      return 2;
    case op.STORE_SUBSCR:
    case op.WITH_EXCEPT_START:
    case op.VIPER_STORE:
      return 3;
    case op.VIPER_CONV:
      return 1;
    case op.VIPER_BINOP:
    case op.VIPER_LOAD:
      return 2;
    case op.BUILD_SLICE:
      return arg;
    case op.RAISE_VARARGS:
      return arg;
    case op.CALL:
      return arg + 1;
    case op.CALL_KW:
      return arg + 2;
    case op.CALL_FUNCTION_EX:
      return arg & 1 ? 3 : 2;
    case op.CALL_METHOD:
      return arg + 2;
    case op.CALL_METHOD_KW:
      return arg + 3;
    case op.MAKE_FUNCTION:
      return 1 + popcount(arg & (op.MF_DEFAULTS | op.MF_KWDEFAULTS | op.MF_CLOSURE));
    case op.BUILD_TUPLE:
    case op.BUILD_LIST:
    case op.BUILD_SET:
    case op.BUILD_STRING:
      return arg;
    case op.BUILD_MAP:
      return 2 * arg;
    case op.LIST_APPEND:
    case op.SET_ADD:
    case op.LIST_EXTEND:
    case op.SET_UPDATE:
    case op.DICT_UPDATE:
    case op.DICT_MERGE:
      return arg + 1;
    case op.MAP_ADD:
      return arg + 2;
    case op.FORMAT_VALUE:
      return arg & op.FVS_HAVE_SPEC ? 2 : 1;
    default:
      if (isBinaryOp(code)) return 2;
      throw new RangeError(`unknown opcode ${code}`);
  }
}

/**
 * Net change of the stack depth when the instruction completes. For an instruction with a jump target,
 * `jump` selects the branch: true for the jump, false for falling through (FOR_ITER and the
 * JUMP_IF_*_OR_POP family differ between the two). Instructions that never fall through (RETURN_VALUE,
 * RAISE_VARARGS, RERAISE) report the effect of popping their operands.
 */
export function stackEffect(code: number, arg: number, jump = false): number {
  switch (code) {
    case op.NOP:
    case op.SWAP:
    case op.DELETE_FAST:
    case op.DELETE_DEREF:
    case op.DELETE_NAME:
    case op.DELETE_GLOBAL:
    case op.LOAD_ATTR:
    case op.UNARY_NEGATIVE:
    case op.UNARY_POSITIVE:
    case op.UNARY_INVERT:
    case op.UNARY_NOT:
    case op.JUMP_FORWARD:
    case op.JUMP_BACKWARD:
    case op.GET_ITER:
    case op.CHECK_EXC_MATCH:
    case op.LIST_TO_TUPLE:
    case op.YIELD_VALUE:
    case op.GET_YIELD_FROM_ITER:
    case op.GET_AWAITABLE:
    case op.GET_AITER:
      return 0;
    case op.COPY:
    case op.LOAD_CONST:
    case op.LOAD_SMALL_INT:
    case op.LOAD_NONE:
    case op.LOAD_FAST:
    case op.LOAD_DEREF:
    case op.LOAD_CLOSURE:
    case op.LOAD_CLASSDEREF:
    case op.LOAD_NAME:
    case op.LOAD_GLOBAL:
    case op.LOAD_METHOD:
    case op.PUSH_EXC_INFO:
    case op.LOAD_ASSERTION_ERROR:
    case op.BEFORE_WITH:
    case op.WITH_EXCEPT_START:
    case op.BEFORE_ASYNC_WITH:
    case op.LOAD_BUILD_CLASS:
    case op.GET_ANEXT:
    case op.IMPORT_FROM:
    case op.LOAD_LOCALS:
      return 1;
    case op.POP_TOP:
    case op.STORE_FAST:
    case op.STORE_DEREF:
    case op.STORE_NAME:
    case op.STORE_GLOBAL:
    case op.DELETE_ATTR:
    case op.BINARY_SUBSCR:
    case op.IS_OP:
    case op.CONTAINS_OP:
    case op.POP_JUMP_IF_FALSE:
    case op.POP_JUMP_IF_TRUE:
    case op.RETURN_VALUE:
    case op.RERAISE:
    case op.POP_EXCEPT:
    case op.LIST_APPEND:
    case op.SET_ADD:
    case op.LIST_EXTEND:
    case op.SET_UPDATE:
    case op.DICT_UPDATE:
    case op.DICT_MERGE:
    case op.YIELD_FROM:
    case op.IMPORT_NAME:
    case op.IMPORT_STAR:
    case op.PRINT_EXPR:
      return -1;
    case op.STORE_ATTR:
    case op.DELETE_SUBSCR:
    case op.MAP_ADD:
    case op.END_ASYNC_FOR:
      return -2;
    case op.STORE_SUBSCR:
    case op.VIPER_STORE:
      return -3;
    case op.VIPER_CONV:
      return 0;
    case op.VIPER_BINOP:
    case op.VIPER_LOAD:
      return -1;
    case op.JUMP_IF_FALSE_OR_POP:
    case op.JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case op.FOR_ITER:
      return jump ? -1 : 1;
    case op.BUILD_SLICE:
      return 1 - arg;
    case op.RAISE_VARARGS:
      return -arg;
    case op.CALL:
      return -arg;
    case op.CALL_KW:
      return -arg - 1;
    case op.CALL_FUNCTION_EX:
      return arg & 1 ? -2 : -1;
    case op.CALL_METHOD:
      return -arg - 1;
    case op.CALL_METHOD_KW:
      return -arg - 2;
    case op.MAKE_FUNCTION:
      return -popcount(arg & (op.MF_DEFAULTS | op.MF_KWDEFAULTS | op.MF_CLOSURE));
    case op.BUILD_TUPLE:
    case op.BUILD_LIST:
    case op.BUILD_SET:
    case op.BUILD_STRING:
      return 1 - arg;
    case op.BUILD_MAP:
      return 1 - 2 * arg;
    case op.UNPACK_SEQUENCE:
      return arg - 1;
    case op.UNPACK_EX:
      return (arg & 0xff) + ((arg >> 8) & 0xffff);
    case op.FORMAT_VALUE:
      return arg & op.FVS_HAVE_SPEC ? -1 : 0;
    default:
      if (isBinaryOp(code)) return -1;
      throw new RangeError(`unknown opcode ${code}`);
  }
}

/** True for the binary, in-place and comparison operators (all `a b -> r`). */
export function isBinaryOp(code: number): boolean {
  return (code >= op.BINARY_ADD && code <= op.INPLACE_XOR) || (code >= op.COMPARE_LT && code <= op.COMPARE_GE);
}

/** Instructions after which control never falls through to the next one. */
export function isTerminator(code: number): boolean {
  return (
    code === op.JUMP_FORWARD ||
    code === op.JUMP_BACKWARD ||
    code === op.RETURN_VALUE ||
    code === op.RAISE_VARARGS ||
    code === op.RERAISE
  );
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    n += x & 1;
    x >>>= 1;
  }
  return n;
}
