// Every builtin type object, created bare here (name, bases, flags) so that any file can refer to any
// type at load time without import-order hazards. Each objects/*.ts file fills in its type's slots and
// methods from its setup function (called once by bootstrap.ts).
import { PyType, TF_BASETYPE, TF_BUILTIN, TF_INSTATTRS, TF_EXCEPTION } from './object.js';

const boot: { type: PyType | null } = { type: null };

function mk(name: string, bases: PyType[], flags = 0): PyType {
  const t = new PyType(name, bases, TF_BUILTIN | flags);
  t.type = boot.type as PyType; // patched for the first two below
  t.base = t;
  const mro: PyType[] = [t];
  for (const b of bases) for (const m of b.mro) if (!mro.includes(m)) mro.push(m);
  t.mro = mro;
  for (const b of bases) b.subclasses.push(new WeakRef(t));
  return t;
}

export const objectType: PyType = mk('object', [], TF_BASETYPE);
export const typeType: PyType = mk('type', [objectType], TF_BASETYPE);
objectType.type = typeType;
typeType.type = typeType;
boot.type = typeType;

export const noneType = mk('NoneType', [objectType]);
export const notImplementedType = mk('NotImplementedType', [objectType]);
export const ellipsisType = mk('ellipsis', [objectType]);
export const intType = mk('int', [objectType], TF_BASETYPE);
export const boolType = mk('bool', [intType]);
export const floatType = mk('float', [objectType], TF_BASETYPE);
export const complexType = mk('complex', [objectType], TF_BASETYPE);
export const strType = mk('str', [objectType], TF_BASETYPE);
export const bytesType = mk('bytes', [objectType], TF_BASETYPE);
export const bytearrayType = mk('bytearray', [objectType], TF_BASETYPE);
export const memoryviewType = mk('memoryview', [objectType]);
export const listType = mk('list', [objectType], TF_BASETYPE);
export const tupleType = mk('tuple', [objectType], TF_BASETYPE);
export const dictType = mk('dict', [objectType], TF_BASETYPE);
export const setType = mk('set', [objectType], TF_BASETYPE);
export const frozensetType = mk('frozenset', [objectType], TF_BASETYPE);
export const rangeType = mk('range', [objectType]);
export const sliceType = mk('slice', [objectType]);
export const enumerateType = mk('enumerate', [objectType], TF_BASETYPE);
export const zipType = mk('zip', [objectType], TF_BASETYPE);
export const mapType = mk('map', [objectType], TF_BASETYPE);
export const filterType = mk('filter', [objectType], TF_BASETYPE);
export const reversedType = mk('reversed', [objectType], TF_BASETYPE);
export const propertyType = mk('property', [objectType], TF_BASETYPE);
export const staticmethodType = mk('staticmethod', [objectType], TF_BASETYPE);
export const classmethodType = mk('classmethod', [objectType], TF_BASETYPE);
export const superType = mk('super', [objectType], TF_BASETYPE);
export const functionType = mk('function', [objectType], TF_INSTATTRS);
export const builtinFunctionType = mk('builtin_function_or_method', [objectType]);
export const methodType = mk('method', [objectType]);
export const getsetType = mk('getset_descriptor', [objectType]);
export const memberType = mk('member_descriptor', [objectType]);
export const cellType = mk('cell', [objectType]);
export const moduleType = mk('module', [objectType], TF_BASETYPE);
export const codeType = mk('code', [objectType]);
export const tracebackType = mk('traceback', [objectType]);
export const simpleNamespaceType = mk('SimpleNamespace', [objectType], TF_BASETYPE | TF_INSTATTRS);
export const generatorType = mk('generator', [objectType]);
export const coroutineType = mk('coroutine', [objectType]);
export const asyncGeneratorType = mk('async_generator', [objectType]);
export const coroutineWrapperType = mk('coroutine_wrapper', [objectType]);
export const asyncGenAwaitType = mk('async_generator_asend', [objectType]);
export const asyncGenThrowType = mk('async_generator_athrow', [objectType]);
export const dictKeysType = mk('dict_keys', [objectType]);
export const dictValuesType = mk('dict_values', [objectType]);
export const dictItemsType = mk('dict_items', [objectType]);
export const mappingProxyType = mk('mappingproxy', [objectType]);
export const iteratorType = mk('iterator', [objectType]);
export const listIteratorType = mk('list_iterator', [objectType]);
export const listReverseIteratorType = mk('list_reverseiterator', [objectType]);
export const tupleIteratorType = mk('tuple_iterator', [objectType]);
export const rangeIteratorType = mk('range_iterator', [objectType]);
export const dictIteratorType = mk('dict_keyiterator', [objectType]);
export const dictValueIteratorType = mk('dict_valueiterator', [objectType]);
export const dictItemIteratorType = mk('dict_itemiterator', [objectType]);
export const dictReverseKeyIteratorType = mk('dict_reversekeyiterator', [objectType]);
export const dictReverseValueIteratorType = mk('dict_reversevalueiterator', [objectType]);
export const dictReverseItemIteratorType = mk('dict_reverseitemiterator', [objectType]);
export const setIteratorType = mk('set_iterator', [objectType]);
export const strIteratorType = mk('str_iterator', [objectType]);
/** CPython 3.11 iterates an all-ASCII str with this type. */
export const strAsciiIteratorType = mk('str_ascii_iterator', [objectType]);
export const bytesIteratorType = mk('bytes_iterator', [objectType]);
export const bytearrayIteratorType = mk('bytearray_iterator', [objectType]);
export const memoryIteratorType = mk('memory_iterator', [objectType]);
export const callableIteratorType = mk('callable_iterator', [objectType]);
export const fileType = mk('TextIOWrapper', [objectType]);
export const bufferedFileType = mk('BufferedReader', [objectType]);
export const stdioType = mk('FileIO', [objectType]);

// Exceptions: the hierarchy of spec 4.1.1 (and CPython's, for the names CPython programs use).
export const baseExceptionType = mk('BaseException', [objectType], TF_BASETYPE | TF_INSTATTRS | TF_EXCEPTION);
function exc(name: string, base: PyType): PyType {
  return mk(name, [base], TF_BASETYPE | TF_INSTATTRS | TF_EXCEPTION);
}
export const systemExitType = exc('SystemExit', baseExceptionType);
export const keyboardInterruptType = exc('KeyboardInterrupt', baseExceptionType);
export const generatorExitType = exc('GeneratorExit', baseExceptionType);
export const exceptionType = exc('Exception', baseExceptionType);
export const stopIterationType = exc('StopIteration', exceptionType);
export const stopAsyncIterationType = exc('StopAsyncIteration', exceptionType);
export const arithmeticErrorType = exc('ArithmeticError', exceptionType);
export const floatingPointErrorType = exc('FloatingPointError', arithmeticErrorType);
export const overflowErrorType = exc('OverflowError', arithmeticErrorType);
export const zeroDivisionErrorType = exc('ZeroDivisionError', arithmeticErrorType);
export const assertionErrorType = exc('AssertionError', exceptionType);
export const attributeErrorType = exc('AttributeError', exceptionType);
export const bufferErrorType = exc('BufferError', exceptionType);
export const eofErrorType = exc('EOFError', exceptionType);
export const importErrorType = exc('ImportError', exceptionType);
export const moduleNotFoundErrorType = exc('ModuleNotFoundError', importErrorType);
export const lookupErrorType = exc('LookupError', exceptionType);
export const indexErrorType = exc('IndexError', lookupErrorType);
export const keyErrorType = exc('KeyError', lookupErrorType);
export const memoryErrorType = exc('MemoryError', exceptionType);
export const nameErrorType = exc('NameError', exceptionType);
export const unboundLocalErrorType = exc('UnboundLocalError', nameErrorType);
export const osErrorType = exc('OSError', exceptionType);
export const runtimeErrorType = exc('RuntimeError', exceptionType);
export const notImplementedErrorType = exc('NotImplementedError', runtimeErrorType);
/** MicroPython's compile-time error for viper type mismatches (not a builtin name, as in MicroPython). */
export const viperTypeErrorType = exc('ViperTypeError', exceptionType);
export const syntaxErrorType = exc('SyntaxError', exceptionType);
export const indentationErrorType = exc('IndentationError', syntaxErrorType);
export const tabErrorType = exc('TabError', indentationErrorType);
export const systemErrorType = exc('SystemError', exceptionType);
export const typeErrorType = exc('TypeError', exceptionType);
export const valueErrorType = exc('ValueError', exceptionType);
export const unicodeErrorType = exc('UnicodeError', valueErrorType);
export const unicodeDecodeErrorType = exc('UnicodeDecodeError', unicodeErrorType);
export const unicodeEncodeErrorType = exc('UnicodeEncodeError', unicodeErrorType);
export const warningType = exc('Warning', exceptionType);
export const userWarningType = exc('UserWarning', warningType);
export const deprecationWarningType = exc('DeprecationWarning', warningType);
export const runtimeWarningType = exc('RuntimeWarning', warningType);
export const syntaxWarningType = exc('SyntaxWarning', warningType);
export const timeoutErrorType = exc('TimeoutError', osErrorType);
export const fileExistsErrorType = exc('FileExistsError', osErrorType);
export const fileNotFoundErrorType = exc('FileNotFoundError', osErrorType);
export const isADirectoryErrorType = exc('IsADirectoryError', osErrorType);
export const notADirectoryErrorType = exc('NotADirectoryError', osErrorType);
export const permissionErrorType = exc('PermissionError', osErrorType);
export const connectionErrorType = exc('ConnectionError', osErrorType);
export const brokenPipeErrorType = exc('BrokenPipeError', connectionErrorType);
export const interruptedErrorType = exc('InterruptedError', osErrorType);
export const blockingIOErrorType = exc('BlockingIOError', osErrorType);

/** Builtin exception types exported into builtins (name -> type). */
export const builtinExceptionTypes: PyType[] = [
  baseExceptionType, systemExitType, keyboardInterruptType, generatorExitType, exceptionType,
  stopIterationType, stopAsyncIterationType, arithmeticErrorType, floatingPointErrorType, overflowErrorType,
  zeroDivisionErrorType, assertionErrorType, attributeErrorType, bufferErrorType, eofErrorType, importErrorType,
  moduleNotFoundErrorType, lookupErrorType, indexErrorType, keyErrorType, memoryErrorType, nameErrorType,
  unboundLocalErrorType, osErrorType, runtimeErrorType, notImplementedErrorType,
  syntaxErrorType, indentationErrorType, tabErrorType, systemErrorType, typeErrorType, valueErrorType, unicodeErrorType,
  unicodeDecodeErrorType, unicodeEncodeErrorType, warningType, userWarningType, deprecationWarningType,
  runtimeWarningType, syntaxWarningType, timeoutErrorType, fileExistsErrorType, fileNotFoundErrorType,
  isADirectoryErrorType, notADirectoryErrorType, permissionErrorType, connectionErrorType,
  brokenPipeErrorType, interruptedErrorType, blockingIOErrorType,
];

// re-export for convenience
export { TF_INSTATTRS };
