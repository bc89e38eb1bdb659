// micropython.heap_lock() (spec: the micropython module): while the heap is locked, creating a container
// raises MemoryError, as MicroPython's allocator does. What counts is what a program observes: building a
// list, tuple, dict or set (displays, slicing, views, copies, memoryview()), growing a list by extend or
// slice assignment, and making a function object (def, lambda, closure). MicroPython's other internal allocation points (a frame for a deep call, a str, an
// append that exceeds the list's spare capacity) are deliberately not emulated: the VM's own bookkeeping
// (exception objects, call arguments) never fails.
import { vm } from '../state.js';
import { memoryError } from './exceptions.js';

/** Throw MicroPython's MemoryError if micropython.heap_lock() is in force. */
export function checkHeap(): void {
  if (vm.heapLock !== 0) throw memoryError('memory allocation failed, heap is locked');
}
