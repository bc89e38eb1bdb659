// Ordered scans with the tree's cursor (berkeley-db-1.xx btree/bt_seq.c).
import { I_BYTES, I_DSIZE, I_FLAGS, I_KSIZE, MAXDEPTH, P_BIGDATA, P_BLEAF, P_ROOT, R_CURSOR, R_FIRST, R_LAST, R_NEXT, R_PREV } from './constants.js';
import { corrupt, invalid } from './errors.js';
import { ovflGet } from './overflow.js';
import type { Page } from './page.js';
import { childAt, search } from './search.js';
import type { Tree } from './tree.js';

/** A key and its data. */
export type Entry = [key: Uint8Array, data: Uint8Array];

/** An item of a leaf page. */
export interface Position {
  page: Page;
  index: number;
}

/**
 * Moves the cursor and returns where it is, or `null` past either end (`__bt_seq`):
 * - `R_CURSOR`: to the first key at or after `key` (which must not be empty);
 * - `R_FIRST`, `R_LAST`: to the first or last key;
 * - `R_NEXT`, `R_PREV`: one key on, or back; before any scan they act as `R_FIRST` and `R_LAST`.
 *
 * If the item under the cursor was deleted, `R_NEXT` and `R_PREV` both go to the first key at or after
 * the deleted one, as Berkeley DB does.
 */
export function seq(t: Tree, flag: number, key?: Uint8Array): Position | null {
  let pos: Position | null;
  if ((flag === R_NEXT || flag === R_PREV) && t.cursor.init) {
    pos = advance(t, flag);
  } else if (flag === R_CURSOR || flag === R_FIRST || flag === R_LAST || flag === R_NEXT || flag === R_PREV) {
    pos = position(t, flag, key);
  } else {
    throw invalid(`unknown scan flag ${flag}`);
  }
  if (pos) t.setCursor(pos.page.pgno, pos.index);
  return pos;
}

/** The data of leaf item `index`, read from its overflow chain if it is big. */
export function dataAt(t: Tree, p: Page, index: number): Uint8Array {
  const off = p.linp(index);
  const dataOff = off + I_BYTES + p.u32(off + I_KSIZE);
  if (p.buf[off + I_FLAGS] & P_BIGDATA) return ovflGet(t, p, dataOff);
  return p.buf.slice(dataOff, dataOff + p.u32(off + I_DSIZE));
}

/** Starts a scan (`__bt_seqset`). */
function position(t: Tree, flag: number, key: Uint8Array | undefined): Position | null {
  t.scanMoves = 0;
  if (flag === R_CURSOR) {
    if (!key || key.length === 0) throw invalid('a keyed scan needs a non-empty key');
    return first(t, key);
  }
  const last = flag === R_LAST || flag === R_PREV;
  for (let pgno = P_ROOT, depth = 0; ; depth++) {
    if (depth > MAXDEPTH) throw corrupt(`the tree is more than ${MAXDEPTH} levels deep (a loop?)`);
    const h = t.treePage(pgno);
    if (h.count === 0) return null;
    if (h.flags & P_BLEAF) return { page: h, index: last ? h.count - 1 : 0 };
    pgno = childAt(h, last ? h.count - 1 : 0);
  }
}

/** Moves a started scan one item on or back (`__bt_seqadv`). */
function advance(t: Tree, flag: number): Position | null {
  const c = t.cursor;
  if (c.acquire) return first(t, c.key ?? new Uint8Array(0));
  let h = t.treePage(c.pgno);
  if (!(h.flags & P_BLEAF)) throw corrupt(`the cursor's page ${c.pgno} is not a leaf`);
  let index = c.index;
  if (flag === R_NEXT) {
    if (++index >= h.count) {
      if (h.nextpg === 0) return null;
      h = moveTo(t, h.nextpg);
      index = 0;
    }
  } else if (index === 0) {
    if (h.prevpg === 0) return null;
    h = moveTo(t, h.prevpg);
    index = h.count - 1;
  } else if (--index >= h.count) {
    throw corrupt(`the cursor is past the end of page ${h.pgno}`);
  }
  return { page: h, index };
}

/** The first item at or after `key` (`__bt_first`, for a tree without duplicates). */
function first(t: Tree, key: Uint8Array): Position | null {
  const found = search(t, key);
  if (found.exact || found.index < found.page.count) return { page: found.page, index: found.index };
  if (found.page.nextpg === 0) return null;
  return { page: moveTo(t, found.page.nextpg), index: 0 };
}

/**
 * A scan steps to the sibling leaf `pgno`. Leaves are never empty (except a lone root), and a scan that
 * takes more steps than there are pages without the tree changing is going round a loop.
 */
function moveTo(t: Tree, pgno: number): Page {
  if (++t.scanMoves > t.mp.npages) throw corrupt('the leaf pages are linked in a loop');
  const h = t.treePage(pgno);
  if (!(h.flags & P_BLEAF) || h.count === 0) throw corrupt(`leaf link to page ${pgno}, which is not a leaf with items`);
  return h;
}
