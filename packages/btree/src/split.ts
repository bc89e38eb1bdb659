// Splitting full pages (berkeley-db-1.xx btree/bt_split.c).
import { BTDATAOFF, I_BYTES, I_FLAGS, I_KSIZE, I_PGNO, P_BIGKEY, P_BINTERNAL, P_BLEAF, P_INVALID, P_ROOT, P_TYPE } from './constants.js';
import { corrupt } from './errors.js';
import { ovflPreserve } from './overflow.js';
import { internalSize, leafSize, nbinternal, Page, writeInternal, writeLeaf } from './page.js';
import type { Tree } from './tree.js';

/** The outcome of splitting one page into `l` and `r`: the page and index left open for the new item. */
interface Halves {
  page: Page;
  index: number;
  l: Page;
  r: Page;
}

/**
 * Takes `nbytes` at the top of the free space of `h` for the item in slot `index` (whose index entry
 * exists already) and returns its offset.
 */
export function placeItem(h: Page, index: number, nbytes: number): number {
  const off = h.upper - nbytes;
  if (off < h.lower) throw corrupt(`page ${h.pgno} has no room for a ${nbytes}-byte item`);
  h.upper = off;
  h.setLinp(index, off);
  return off;
}

/**
 * Splits the full leaf `sp` so that a new item of `ilen` bytes can go in at `skip`, inserts it, then adds a
 * key for the new right page to the parent, splitting parents up the stack of the last search as needed
 * (`__bt_split`).
 */
export function split(t: Tree, sp: Page, key: Uint8Array, data: Uint8Array, dflags: number, ilen: number, skip: number): void {
  let halves = sp.pgno === P_ROOT ? splitRoot(t, sp, skip, ilen) : splitPage(t, sp, skip, ilen);
  writeLeaf(halves.page, placeItem(halves.page, halves.index, ilen), key, data, dflags);
  if (sp.pgno === P_ROOT) fixRoot(t, sp, halves.l, halves.r);

  // Give each split page's parent a key for the new right page. Stop at a parent that had room.
  for (let parent = t.stack.pop(); parent; parent = t.stack.pop()) {
    const lchild = halves.l;
    const rchild = halves.r;
    let h = t.treePage(parent.pgno);
    // The new key goes one after the followed index, since the split went right.
    let at = parent.index + 1;

    // The key: the right page's first key. For a leaf child, keep only as many bytes as it takes to sort
    // above the left page's last key (a prefix tree), except next to the minus-infinity item of the
    // leftmost page of a level, and never for overflow keys.
    const ro = rchild.linp(0);
    const rksize = rchild.u32(ro + I_KSIZE);
    const rflags = rchild.buf[ro + I_FLAGS] & P_BIGKEY;
    let pkey = rchild.buf.slice(ro + I_BYTES, ro + I_BYTES + rksize);
    let nbytes = nbinternal(rksize);
    const leafChild = (rchild.flags & P_TYPE) === P_BLEAF;
    if (leafChild && rflags === 0 && (h.prevpg !== P_INVALID || at > 1)) {
      const lo = lchild.linp(lchild.count - 1);
      if ((lchild.buf[lo + I_FLAGS] & P_BIGKEY) === 0) {
        const a = lchild.buf.subarray(lo + I_BYTES, lo + I_BYTES + lchild.u32(lo + I_KSIZE));
        const nksize = prefixLength(a, pkey);
        if (nbinternal(nksize) < nbytes) {
          pkey = pkey.slice(0, nksize);
          nbytes = nbinternal(nksize);
        }
      }
    }

    // Make room in the parent: split it too if it is full.
    let psplit: Page | null = null;
    if (h.upper - h.lower < nbytes + 2) {
      psplit = h;
      halves = h.pgno === P_ROOT ? splitRoot(t, h, at, nbytes) : splitPage(t, h, at, nbytes);
      h = halves.page;
      at = halves.index;
    } else {
      const n = h.count;
      h.buf.copyWithin(BTDATAOFF + 2 * (at + 1), BTDATAOFF + 2 * at, BTDATAOFF + 2 * n);
      h.lower = h.lower + 2;
    }
    writeInternal(h, placeItem(h, at, nbytes), pkey, rchild.pgno, rflags);
    // An overflow key now used by an internal page must outlive the leaf item it came from.
    if (leafChild && rflags !== 0) ovflPreserve(t, pkey);

    if (!psplit) {
      t.dirty(h);
      break;
    }
    if (psplit.pgno === P_ROOT) fixRoot(t, psplit, halves.l, halves.r);
    t.dirty(lchild);
    t.dirty(rchild);
  }
  t.dirty(halves.l);
  t.dirty(halves.r);
}

/**
 * How many bytes of `b` it takes to sort above `a` (`__bt_defpfx`); all of `b` if they are equal.
 */
function prefixLength(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i + 1;
  return a.length < b.length ? a.length + 1 : a.length;
}

/** Splits a page other than the root: the left half keeps its page number (`bt_page`). */
function splitPage(t: Tree, h: Page, skip: number, ilen: number): Halves {
  const type = h.flags & P_TYPE;
  // Appending to the last page of a level: the keys are probably arriving sorted, so start an empty page
  // instead of moving half of this one; it fills pages up much more.
  const append = h.nextpg === P_INVALID && skip === h.count;
  const next = append || h.nextpg === P_INVALID ? null : t.treePage(h.nextpg);
  const r = t.newPage();
  r.init(type, h.pgno, h.nextpg);
  if (append) {
    h.nextpg = r.pgno;
    r.lower = BTDATAOFF + 2;
    return { page: r, index: 0, l: h, r };
  }
  if (next) {
    next.prevpg = r.pgno;
    t.dirty(next);
  }
  // Copy into a scratch page, since items are not sorted by offset, then back over the original.
  const l = new Page(h.pgno, new Uint8Array(t.psize), t.le);
  l.init(type, h.prevpg, r.pgno);
  const { onLeft, index } = splitItems(t, h, l, r, skip, ilen);
  h.buf.set(l.buf);
  return { page: onLeft ? h : r, index, l: h, r };
}

/** Splits the root: both halves go to new pages, and the root becomes their parent (`bt_root`). */
function splitRoot(t: Tree, h: Page, skip: number, ilen: number): Halves {
  const type = h.flags & P_TYPE;
  const l = t.newPage();
  const r = t.newPage();
  l.init(type, P_INVALID, r.pgno);
  r.init(type, l.pgno, P_INVALID);
  const { onLeft, index } = splitItems(t, h, l, r, skip, ilen);
  return { page: onLeft ? l : r, index, l, r };
}

/**
 * Makes the split root an internal page over its two halves (`bt_broot`): item 0 (minus infinity, no key)
 * points to `l`, item 1 holds `r`'s first key.
 */
function fixRoot(t: Tree, h: Page, l: Page, r: Page): void {
  let off = t.psize - nbinternal(0);
  writeInternal(h, off, new Uint8Array(0), l.pgno, 0);
  h.setLinp(0, off);
  const ro = r.linp(0);
  const ksize = r.u32(ro + I_KSIZE);
  if ((r.flags & P_TYPE) === P_BLEAF) {
    // Berkeley DB 1.85 drops the P_BIGKEY flag here, leaving the overflow reference as if it were the
    // key; we keep it, so a search compares with the real key.
    const key = r.buf.slice(ro + I_BYTES, ro + I_BYTES + ksize);
    const flags = r.buf[ro + I_FLAGS] & P_BIGKEY;
    off -= nbinternal(ksize);
    writeInternal(h, off, key, r.pgno, flags);
    if (flags) ovflPreserve(t, key);
  } else {
    const nbytes = nbinternal(ksize);
    off -= nbytes;
    h.buf.set(r.buf.subarray(ro, ro + nbytes), off);
    h.setU32(off + I_PGNO, r.pgno);
  }
  h.setLinp(1, off);
  h.buf.fill(0, BTDATAOFF + 4, off);
  h.upper = off;
  h.lower = BTDATAOFF + 4;
  h.flags = (h.flags & ~P_TYPE) | P_BINTERNAL;
  t.dirty(h);
}

/**
 * Moves the items of `h` to `l` and `r`, leaving a free slot for a new item of `ilen` bytes that belongs
 * at index `skip` (`bt_psplit`). The left page takes items until it holds half a page, trying not to end
 * on an overflow key (internal pages keep those forever); the right page always gets at least one item.
 * Returns which page has the free slot, and its index there. Moves the cursor with its item.
 */
function splitItems(t: Tree, h: Page, l: Page, r: Page, skip: number, ilen: number): { onLeft: boolean; index: number } {
  const leaf = (h.flags & P_TYPE) === P_BLEAF;
  const top = h.count;
  if (top === 0) throw corrupt(`page ${h.pgno} cannot hold a ${ilen}-byte item`);
  const full = t.psize - BTDATAOFF;
  const half = full >> 1;
  const sizeOf = (i: number): number => (leaf ? leafSize(h, h.linp(i)) : internalSize(h, h.linp(i)));

  // `off` counts slots of the left page (the skipped one included), `nxt` the items of `h` moved so far.
  let used = 0;
  let bigkeys = 0;
  let nxt = 0;
  let off = 0;
  for (; nxt < top; ++off) {
    let nbytes: number;
    let big: boolean;
    if (skip === off) {
      nbytes = ilen;
      big = false;
    } else {
      nbytes = sizeOf(nxt);
      big = (h.buf[h.linp(nxt) + I_FLAGS] & P_BIGKEY) !== 0;
    }
    // Never overfill the left page, and leave at least the last item for the right one.
    if ((skip <= off && used + nbytes + 2 >= full) || nxt === top - 1) {
      --off;
      break;
    }
    if (skip !== off) copyItem(h, nxt++, l, off, nbytes);
    used += nbytes + 2;
    if (used >= half && (!big || bigkeys++ === 3)) break;
  }
  // Slots 0..off are the left page's; items nxt.. of `h` go right.
  l.lower = BTDATAOFF + 2 * (off + 1);
  const leftItems = nxt;
  const onLeft = skip <= off;

  const c = t.cursor;
  if (c.init && !c.acquire && c.pgno === h.pgno) {
    if (c.index < leftItems) {
      c.pgno = l.pgno;
      if (onLeft && c.index >= skip) c.index++;
    } else {
      c.pgno = r.pgno;
      if (!onLeft && c.index >= skip) c.index++;
      c.index -= leftItems;
    }
  }

  let open = onLeft ? -1 : skip;
  let roff = 0;
  for (; nxt < top; ++roff) {
    if (open === nxt) {
      ++roff;
      open = -1;
    }
    copyItem(h, nxt, r, roff, sizeOf(nxt));
    ++nxt;
  }
  if (open === top) ++roff;
  r.lower = BTDATAOFF + 2 * roff;
  if (l.lower > l.upper || r.lower > r.upper) throw corrupt(`page ${h.pgno} cannot be split`);
  return { onLeft, index: onLeft ? skip : skip - leftItems };
}

/** Copies item `i` of `from` into slot `slot` of `to`. */
function copyItem(from: Page, i: number, to: Page, slot: number, nbytes: number): void {
  const src = from.linp(i);
  const off = to.upper - nbytes;
  if (off < BTDATAOFF + 2 * (slot + 1)) throw corrupt(`page ${from.pgno} cannot be split`);
  to.buf.set(from.buf.subarray(src, src + nbytes), off);
  to.upper = off;
  to.setLinp(slot, off);
}
