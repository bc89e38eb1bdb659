// Storing a key/data pair (berkeley-db-1.xx btree/bt_put.c).
import { BTDATAOFF, P_BIGDATA, P_BIGKEY } from './constants.js';
import { deleteLeafItem } from './delete.js';
import { ovflPut } from './overflow.js';
import { nbleafdbt, writeLeaf } from './page.js';
import { search } from './search.js';
import { placeItem, split } from './split.js';
import type { Tree } from './tree.js';

/**
 * Stores `data` under `key`, replacing the key's old data unless `noOverwrite` (then returns false and
 * changes nothing if the key exists).
 *
 * Where Berkeley DB 1.85 differs, on purpose:
 * - it moves a big key to its overflow chain before searching, so it places the item by the bytes of the
 *   overflow reference instead of the key, and the key can never be found again; we search with the key;
 * - it allocates overflow pages before it knows whether the put goes ahead; we search first, and free the
 *   replaced item's chains before allocating, so they are reused at once.
 */
export function put(t: Tree, key: Uint8Array, data: Uint8Array, noOverwrite: boolean): boolean {
  const found = search(t, key);
  const h = found.page;
  const index = found.index;
  if (found.exact) {
    if (noOverwrite) return false;
    // The delete may empty the page: the new item goes in right away.
    deleteLeafItem(t, h, index);
  }

  // An item that does not fit `ovflsize` moves its data, then if still needed its key, to overflow pages.
  let k = key;
  let d = data;
  let dflags = 0;
  if (k.length + d.length > t.ovflsize) {
    if (k.length > t.ovflsize) {
      k = ovflPut(t, k);
      dflags |= P_BIGKEY;
    }
    if (k.length + d.length > t.ovflsize) {
      d = ovflPut(t, d);
      dflags |= P_BIGDATA;
    }
    if (k.length + d.length > t.ovflsize && (dflags & P_BIGKEY) === 0) {
      k = ovflPut(t, k);
      dflags |= P_BIGKEY;
    }
  }

  const nbytes = nbleafdbt(k.length, d.length);
  if (h.upper - h.lower < nbytes + 2) {
    split(t, h, k, d, dflags, nbytes, index);
  } else {
    const n = h.count;
    h.buf.copyWithin(BTDATAOFF + 2 * (index + 1), BTDATAOFF + 2 * index, BTDATAOFF + 2 * n);
    h.lower = h.lower + 2;
    writeLeaf(h, placeItem(h, index, nbytes), k, d, dflags);
    const c = t.cursor;
    if (c.init && !c.acquire && c.pgno === h.pgno && c.index >= index) c.index++;
    t.dirty(h);
  }
  t.modified = true;
  return true;
}
