// The singleton values that are objects (None is JS null, the bools are JS booleans).
import { PyObject } from './object.js';
import { notImplementedType, ellipsisType } from './types.js';

export const NotImplemented = new PyObject(notImplementedType);
export const Ellipsis = new PyObject(ellipsisType);
/** The "no self" marker LOAD_METHOD pushes (never visible to Python). */
export const NULL = undefined;
