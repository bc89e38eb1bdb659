// uheapq (spec 4.1.10): heappush, heappop, heapify on a list, with CPython's sift algorithms (so heaps
// look the same as CPython's), plus CPython's heappushpop and heapreplace.
import { PyList, indexError, lt, typeError, typeName, type PyModule } from '@mpy-ts/core-vm';
import { makeModule } from './util.js';

function listArg(x: any): any[] {
  if (!(x instanceof PyList)) throw typeError(`heap argument must be a list, not ${typeName(x)}`);
  return x.items;
}

/** Move heap[pos] up towards startpos while it is smaller than its parent (CPython _siftdown). */
function siftDown(heap: any[], startpos: number, pos: number): void {
  const item = heap[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    if (lt(item, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

/** Bubble the smaller child up until a leaf, then sift the item into place (CPython _siftup). */
function siftUp(heap: any[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const item = heap[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, startpos, pos);
}

export function makeHeapqModule(name = 'uheapq'): PyModule {
  return makeModule(name, {
    // heappush(heap, item): push item onto heap.
    heappush: [(h: any, item: any) => {
      const heap = listArg(h);
      heap.push(item);
      siftDown(heap, 0, heap.length - 1);
      return null;
    }, 2],
    // heappop(heap): pop the smallest item; IndexError if heap is empty.
    heappop: [(h: any) => {
      const heap = listArg(h);
      if (heap.length === 0) throw indexError('index out of range');
      const last = heap.pop();
      if (heap.length === 0) return last;
      const top = heap[0];
      heap[0] = last;
      siftUp(heap, 0);
      return top;
    }, 1],
    // heapify(x): turn list x into a heap, in place.
    heapify: [(h: any) => {
      const heap = listArg(h);
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftUp(heap, i);
      return null;
    }, 1],
    heappushpop: [(h: any, item: any) => {
      const heap = listArg(h);
      if (heap.length > 0 && lt(heap[0], item)) {
        const top = heap[0];
        heap[0] = item;
        siftUp(heap, 0);
        return top;
      }
      return item;
    }, 2],
    heapreplace: [(h: any, item: any) => {
      const heap = listArg(h);
      if (heap.length === 0) throw indexError('index out of range');
      const top = heap[0];
      heap[0] = item;
      siftUp(heap, 0);
      return top;
    }, 2],
  });
}
