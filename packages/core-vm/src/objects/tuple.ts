// tuple (MicroPython py/objtuple.c).
import { type AttrHolder, type Shape, EMPTY_SHAPE, type PyType } from '../object.js';
import { tupleType } from '../types.js';

/** Flat (no PyObject super call) for cheap allocation; same shape as PyObject (`type` first). */
export class PyTuple {
  type: PyType;
  readonly items: any[];
  constructor(items: any[]) {
    this.type = tupleType;
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
