// Big keys and data (berkeley-db-1.xx btree/bt_overflow.c). An item too big for a leaf page is stored on a
// chain of overflow pages linked by `nextpg`, each holding `pagesize - 20` bytes after its header; the leaf
// (or internal) item holds a reference `{pgno, size}` to it instead. A chain whose first page has
// `P_PRESERVE` is used by an internal page and is never freed.
import { BTDATAOFF, NOVFLSIZE, P_INVALID, P_OVERFLOW, P_PRESERVE } from './constants.js';
import { corrupt } from './errors.js';
import type { Page } from './page.js';
import type { Tree } from './tree.js';

/** Reads the item an overflow reference at `off` in `p` points to (`__ovfl_get`). */
export function ovflGet(t: Tree, p: Page, off: number): Uint8Array {
  let pgno = p.u32(off);
  const size = p.u32(off + 4);
  const plen = t.psize - BTDATAOFF;
  // A chain can be no longer than the file: check before allocating, so a damaged size cannot ask for
  // gigabytes.
  if (size > t.mp.npages * plen) throw corrupt(`an overflow item of ${size} bytes is bigger than the file`);
  const out = new Uint8Array(size);
  for (let got = 0; got < size; ) {
    const h = t.overflowPage(pgno);
    const nb = Math.min(size - got, plen);
    out.set(h.buf.subarray(BTDATAOFF, BTDATAOFF + nb), got);
    got += nb;
    pgno = h.nextpg;
  }
  return out;
}

/** Stores `data` on a new overflow chain; returns the reference to put in the item (`__ovfl_put`). */
export function ovflPut(t: Tree, data: Uint8Array): Uint8Array {
  const plen = t.psize - BTDATAOFF;
  let first = P_INVALID;
  let last: Page | null = null;
  for (let off = 0; off < data.length; off += plen) {
    const h = t.newPage();
    h.init(P_OVERFLOW, P_INVALID, P_INVALID);
    h.lower = 0;
    h.upper = 0;
    h.buf.set(data.subarray(off, off + plen), BTDATAOFF);
    if (last) last.nextpg = h.pgno;
    else first = h.pgno;
    last = h;
  }
  const ref = new Uint8Array(NOVFLSIZE);
  const view = new DataView(ref.buffer);
  view.setUint32(0, first, t.le);
  view.setUint32(4, data.length, t.le);
  return ref;
}

/** Frees the overflow chain a reference at `off` in `p` points to, unless it is preserved (`__ovfl_delete`). */
export function ovflDelete(t: Tree, p: Page, off: number): void {
  let pgno = p.u32(off);
  let size = p.u32(off + 4);
  const plen = t.psize - BTDATAOFF;
  let h = t.overflowPage(pgno);
  if (h.flags & P_PRESERVE) return;
  for (;;) {
    pgno = h.nextpg;
    t.freePage(h);
    if (size <= plen) break;
    size -= plen;
    h = t.overflowPage(pgno);
  }
}

/** Marks an overflow chain as used by an internal page (`bt_preserve`). */
export function ovflPreserve(t: Tree, ref: Uint8Array): void {
  const pgno = new DataView(ref.buffer, ref.byteOffset, ref.byteLength).getUint32(0, t.le);
  const h = t.overflowPage(pgno);
  h.flags = h.flags | P_PRESERVE;
  t.dirty(h);
}
