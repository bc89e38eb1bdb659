// Deleting keys (berkeley-db-1.xx btree/bt_delete.c). Pages are never merged: a leaf is freed when its
// last item goes, and its parent loses the item pointing to it (the root just becomes an empty leaf).
import { BTDATAOFF, I_BYTES, I_FLAGS, I_KSIZE, P_BIGDATA, P_BIGKEY, P_BLEAF, P_ROOT } from './constants.js';
import { corrupt } from './errors.js';
import { ovflDelete } from './overflow.js';
import { internalSize, leafSize, type Page } from './page.js';
import { keyAt, search } from './search.js';
import type { Tree } from './tree.js';

/** Deletes `key`; returns false if it is not there (`__bt_bdelete` for a tree without duplicates). */
export function del(t: Tree, key: Uint8Array): boolean {
  const found = search(t, key);
  if (!found.exact) return false;
  const h = found.page;
  deleteLeafItem(t, h, found.index);
  if (h.count === 0) deletePage(t, h);
  t.modified = true;
  return true;
}

/**
 * Removes item `index` from leaf `h` and frees its overflow chains (`__bt_dleaf`). If the cursor is on the
 * item, it keeps a copy of the key to find its place again (`__bt_curdel`).
 */
export function deleteLeafItem(t: Tree, h: Page, index: number): void {
  const c = t.cursor;
  if (c.init && !c.acquire && c.pgno === h.pgno && c.index === index) {
    c.key = keyAt(t, h, index);
    c.acquire = true;
  }
  const off = h.linp(index);
  const flags = h.buf[off + I_FLAGS];
  if (flags & P_BIGKEY) ovflDelete(t, h, off + I_BYTES);
  if (flags & P_BIGDATA) ovflDelete(t, h, off + I_BYTES + h.u32(off + I_KSIZE));
  removeItem(h, index, off, leafSize(h, off));
  if (c.init && !c.acquire && c.pgno === h.pgno && c.index > index) c.index--;
  t.dirty(h);
}

/** Takes item `index` (at `off`, `nbytes` long) out of `h`, packing the rest of the items up. */
function removeItem(h: Page, index: number, off: number, nbytes: number): void {
  const upper = h.upper;
  h.buf.copyWithin(upper + nbytes, upper, off);
  h.buf.fill(0, upper, upper + nbytes);
  h.upper = upper + nbytes;
  const n = h.count;
  for (let i = 0; i < n; i++) {
    const o = h.linp(i);
    if (o < off) h.setLinp(i, o + nbytes);
  }
  h.buf.copyWithin(BTDATAOFF + 2 * index, BTDATAOFF + 2 * (index + 1), BTDATAOFF + 2 * n);
  h.lower = h.lower - 2;
  h.setU16(h.lower, 0);
}

/**
 * Frees the empty leaf `h` and removes the items that point to it from its parents, found on the stack of
 * the last search (`__bt_pdelete`). A parent left empty is freed in turn; the root is never freed, it
 * becomes an empty leaf.
 */
function deletePage(t: Tree, h: Page): void {
  for (let parent = t.stack.pop(); parent; parent = t.stack.pop()) {
    const pg = t.treePage(parent.pgno);
    const index = parent.index;
    if (index >= pg.count) throw corrupt(`page ${pg.pgno} lost item ${index}`);
    const off = pg.linp(index);
    // (Overflow keys of internal items are preserved, so this frees nothing in a tree we wrote.)
    if (pg.buf[off + I_FLAGS] & P_BIGKEY) ovflDelete(t, pg, off + I_BYTES);
    if (pg.count === 1) {
      if (pg.pgno === P_ROOT) {
        pg.buf.fill(0, BTDATAOFF);
        pg.lower = BTDATAOFF;
        pg.upper = t.psize;
        pg.flags = P_BLEAF;
        t.dirty(pg);
        break;
      }
      relink(t, pg);
      t.freePage(pg);
      continue;
    }
    removeItem(pg, index, off, internalSize(pg, off));
    t.dirty(pg);
    break;
  }
  if (h.pgno === P_ROOT) {
    t.dirty(h);
    return;
  }
  relink(t, h);
  t.freePage(h);
}

/** Links the neighbours of `h` to each other (`__bt_relink`). */
function relink(t: Tree, h: Page): void {
  if (h.nextpg !== 0) {
    const next = t.treePage(h.nextpg);
    next.prevpg = h.prevpg;
    t.dirty(next);
  }
  if (h.prevpg !== 0) {
    const prev = t.treePage(h.prevpg);
    prev.nextpg = h.nextpg;
    t.dirty(prev);
  }
}
