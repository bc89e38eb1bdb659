// Finding keys (berkeley-db-1.xx btree/bt_search.c and the comparisons of btree/bt_utils.c).
import { I_BYTES, I_FLAGS, I_KSIZE, I_PGNO, MAXDEPTH, P_BIGKEY, P_BLEAF, P_INVALID, P_ROOT } from './constants.js';
import { corrupt } from './errors.js';
import { ovflGet } from './overflow.js';
import type { Page } from './page.js';
import type { Tree } from './tree.js';

/** Where a key is, or would go: a leaf page and an index on it (`EPG`). */
export interface Found {
  page: Page;
  index: number;
  /** The key is at `index`; otherwise `index` is where it would be inserted. */
  exact: boolean;
}

/**
 * Orders byte strings as Berkeley DB's default comparison (`__bt_defcmp`): by the first differing byte,
 * then by length. Returns the byte difference or the length difference.
 */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return compareRange(a, b, 0, b.length);
}

/** `compareBytes(a, b.subarray(off, off + len))` without the view. */
function compareRange(a: Uint8Array, b: Uint8Array, off: number, len: number): number {
  const n = Math.min(a.length, len);
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[off + i];
    if (d !== 0) return d;
  }
  return a.length - len;
}

/**
 * Compares `key` with item `index` of a leaf or internal page (`__bt_cmp`). The first item of the leftmost
 * internal page of each level stands for "minus infinity": it compares below every key.
 */
export function compareAt(t: Tree, key: Uint8Array, p: Page, index: number): number {
  const leaf = (p.flags & P_BLEAF) !== 0;
  if (index === 0 && !leaf && p.prevpg === P_INVALID) return 1;
  const off = p.linp(index);
  if (p.buf[off + I_FLAGS] & P_BIGKEY) return compareBytes(key, ovflGet(t, p, off + I_BYTES));
  return compareRange(key, p.buf, off + I_BYTES, p.u32(off + I_KSIZE));
}

/** The key of item `index` (leaf or internal), read from its overflow chain if it is big. */
export function keyAt(t: Tree, p: Page, index: number): Uint8Array {
  const off = p.linp(index);
  if (p.buf[off + I_FLAGS] & P_BIGKEY) return ovflGet(t, p, off + I_BYTES);
  return p.buf.slice(off + I_BYTES, off + I_BYTES + p.u32(off + I_KSIZE));
}

/** The child page number of internal item `index`. */
export function childAt(p: Page, index: number): number {
  return p.u32(p.linp(index) + I_PGNO);
}

/**
 * Searches the tree for `key` (`__bt_search`): descends from the root by binary search on each page,
 * recording the parent pages and indexes followed in `t.stack`, and returns the leaf position.
 */
export function search(t: Tree, key: Uint8Array): Found {
  t.stack = [];
  for (let pgno = P_ROOT, depth = 0; ; depth++) {
    if (depth > MAXDEPTH) throw corrupt(`the tree is more than ${MAXDEPTH} levels deep (a loop?)`);
    const h = t.treePage(pgno);
    const leaf = (h.flags & P_BLEAF) !== 0;
    // Item 0 of the leftmost internal page of a level is minus infinity (as in `compareAt`).
    const minusInfinity = !leaf && h.prevpg === P_INVALID;
    const buf = h.buf;
    let base = 0;
    let index = 0;
    let exact = false;
    for (let lim = h.count; lim !== 0; lim >>= 1) {
      index = base + (lim >> 1);
      let cmp: number;
      if (index === 0 && minusInfinity) {
        cmp = 1;
      } else {
        const off = h.linp(index);
        cmp =
          buf[off + I_FLAGS] & P_BIGKEY
            ? compareBytes(key, ovflGet(t, h, off + I_BYTES))
            : compareRange(key, buf, off + I_BYTES, h.u32(off + I_KSIZE));
      }
      if (cmp === 0) {
        exact = true;
        break;
      }
      if (cmp > 0) {
        base = index + 1;
        lim--;
      }
    }
    if (leaf) return exact ? { page: h, index, exact } : { page: h, index: base, exact: false };
    // Internal page: follow the largest key not above `key` (Berkeley DB's "base - 1").
    if (!exact) index = base !== 0 ? base - 1 : 0;
    t.stack.push({ pgno: h.pgno, index });
    pgno = childAt(h, index);
  }
}
