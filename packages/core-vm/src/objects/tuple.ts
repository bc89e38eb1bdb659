// tuple (MicroPython py/objtuple.c).
import { PyObject, type AttrHolder, type Shape, EMPTY_SHAPE, type PyType } from '../object.js';
import { tupleType } from '../types.js';

export class PyTuple extends PyObject {
  readonly items: any[];
  constructor(items: any[]) {
    super(tupleType);
    this.items = items;
  }
}

/** A user subclass instance of tuple (namedtuple and friends). */
export class PyTupleSub extends PyTuple implements AttrHolder {
  shape: Shape;
  slots: any[];
  constructor(type: PyType, items: any[]) {
    super(items);
    this.type = type;
    this.shape = EMPTY_SHAPE;
    this.slots = [];
  }
}

export const EMPTY_TUPLE = new PyTuple([]);

export function tuple(items: any[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
}
