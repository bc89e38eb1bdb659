// @mpy-ts/core-vm public API. See README.md for the design and the extension points.
export { VM, createVM, isCompiled, PythonError, registerBuiltinModule, hasBuiltinModule, extendBuiltinModule, setDefaultCompiler, moduleFromRecord, toPy, toJs, TracebackObject } from './vm.js';
export type { VMOptions, ModuleInit, CompileFn } from './vm.js';
export { MemoryHost, MemoryFs, HostError, normPath, encodeUtf8, S_IFDIR, S_IFREG } from './host.js';
export type { Host, HostFs, HostFile, HostStat, MemoryHostOptions } from './host.js';
export { vm as currentVM } from './state.js';

// object model (for modules written in TypeScript: issue 5 numbers/text, issue 9 u-modules)
export { PyObject, PyInstance, PyType, Shape, STOP, c3, OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_TRUEDIV, OP_FLOORDIV,
  OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_DIVMOD, OP_INPLACE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE,
  CMP_GT, CMP_GE, UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT, UN_FLOAT, UN_INDEX, UN_COMPLEX, TF_BUILTIN, TF_BASETYPE,
  TF_INSTATTRS } from './object.js';
export type { AttrHolder, BinopSlot, CallSlot } from './object.js';
export * as types from './types.js';
export { NotImplemented, Ellipsis } from './singletons.js';
export * from './runtime.js';
export { defineType } from './define.js';
export type { TypeDefinition } from './define.js';
export { PyFunction, PyBuiltin, PyBoundMethod, PyCell, PyStaticMethod, PyClassMethod, PyProperty, PyGetSet, builtin,
  defMethod, defClassMethod, defStaticMethod, defGetSet } from './objects/function.js';
export type { BuiltinSpec } from './objects/function.js';
export { PyBaseException, newException, typeError, valueError, indexError, keyError, attributeError, nameError,
  runtimeError, overflowError, zeroDivisionError, notImplementedError, memoryError, importError, osError, osErrorFromErrno, stopIteration,
  ERRNO_NAMES } from './objects/exceptions.js';
export type { TbEntry } from './objects/exceptions.js';
export { PyTuple, PyTupleSub, EMPTY_TUPLE, tuple } from './objects/tuple.js';
export { PyList, PyListSub, listSort, sortItems } from './objects/list.js';
export { PyDict, PyDictSub, dictGet, dictGetStr, dictSet, dictSetStr, dictDel, dictDelStr, dictEntries, dictKeys,
  dictFromRecord, dictUpdate, dictMakeFixed } from './objects/dict.js';
export { PySet, newSet, setAdd, setHas, setItems } from './objects/set.js';
export { PyFloat, floatRepr, floatFromObject } from './objects/float.js';
export { PyComplex } from './objects/complex.js';
export { PyIntSub, norm as normInt, big as bigInt, intAdd, intSub, intMul, intFloorDiv, intMod, intPow, intToFloat,
  intFromBytes, intToBytes, bitLength, INT_MAX_BITS } from './objects/int.js';
export type { Int } from './objects/int.js';
export { PyStrSub, strVal, isStr, strLen, strRepr, codePoints } from './objects/str.js';
export { PyBytes, PyByteArray, PyMemoryView, bufferOf, bytesFromBuffer, utf8Encode, utf8Decode, bytesRepr,
  memoryviewOf } from './objects/bytes.js';
export { PySlice, PyRange, sliceIndices } from './objects/slice.js';
export { PyModule } from './objects/module.js';
export { PyGenerator } from './objects/generator.js';
export { formatValue, percentFormat, strFormat, parseSpec } from './format.js';
export { formatException, tracebackLines, exceptionFromHost } from './errors.js';
export { PyFile, openFile } from './modules/file.js';
export { namespace } from './modules/sys.js';
export { Frame, runFrame, callFunction, runCode } from './interp.js';
export { AddressSpace as ViperAddressSpace, viperMemory } from './viper.js';
