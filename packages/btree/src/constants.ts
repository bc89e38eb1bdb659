// The Berkeley DB 1.85 btree on-disk format (berkeley-db-1.xx include/db.h and btree/btree.h), as
// MicroPython's `btree` module writes it. Every multi-byte number is stored in the byte order of the
// machine that created the file (ESP8266 and x86 are little-endian); the magic number in the meta page
// tells the order, so a reader swaps when it does not match.

/** Meta page magic number (`BTREEMAGIC`). */
export const BTREEMAGIC = 0x053162;
/** Format version (`BTREEVERSION`). */
export const BTREEVERSION = 3;

/** Smallest page size (`MINPSIZE`). */
export const MINPSIZE = 512;
/** Largest page size: page offsets are 16-bit (`MAX_PAGE_OFFSET + 1`). */
export const MAXPSIZE = 65536;
/** Page size of new files when none is given: MicroPython's ESP8266 build sets `DEFPSIZE=1024`. */
export const DEFPSIZE = 1024;
/** Fewest pages the cache holds: MicroPython's ESP8266 build sets `MINCACHE=3`. */
export const MINCACHE = 3;
/** Default and smallest `minkeypage` (`DEFMINKEYPAGE`). */
export const DEFMINKEYPAGE = 2;
/** Deepest tree we follow; Berkeley DB's parent stack holds 50 levels, so no valid file is deeper. */
export const MAXDEPTH = 50;

/** Byte-order values of `BTREEINFO.lorder`. */
export const LITTLE_ENDIAN = 1234;
export const BIG_ENDIAN = 4321;

// Page numbers.
/** "No page": page pointers that point nowhere are 0 (`P_INVALID`). */
export const P_INVALID = 0;
/** The meta page (`P_META`). */
export const P_META = 0;
/** The root page of the tree (`P_ROOT`). */
export const P_ROOT = 1;

// Page header (`PAGE`): pgno u32, prevpg u32, nextpg u32, flags u32, lower u16, upper u16, then the
// u16 index array `linp[]` whose entries are byte offsets of the items, which grow down from the end.
export const H_PGNO = 0;
export const H_PREVPG = 4;
export const H_NEXTPG = 8;
export const H_FLAGS = 12;
export const H_LOWER = 16;
export const H_UPPER = 18;
/** Size of the page header; `linp[0]` starts here (`BTDATAOFF`). */
export const BTDATAOFF = 20;

// Page types (the low bits of the page flags).
/** Internal page: `{ksize u32, pgno u32, flags u8, key}` items (`BINTERNAL`). */
export const P_BINTERNAL = 0x01;
/** Leaf page: `{ksize u32, dsize u32, flags u8, key, data}` items (`BLEAF`). */
export const P_BLEAF = 0x02;
/** Overflow page: raw bytes after the header, chained through `nextpg`. */
export const P_OVERFLOW = 0x04;
/** Recno internal page (not used by btree files). */
export const P_RINTERNAL = 0x08;
/** Recno leaf page (not used by btree files). */
export const P_RLEAF = 0x10;
/** Mask of the page type bits. */
export const P_TYPE = 0x1f;
/** On the first page of an overflow chain: an internal page uses this key, never free the chain. */
export const P_PRESERVE = 0x20;

// Item flags.
/** The item's data is on overflow pages; the item holds `{pgno u32, size u32}` instead. */
export const P_BIGDATA = 0x01;
/** The item's key is on overflow pages; the item holds `{pgno u32, size u32}` instead. */
export const P_BIGKEY = 0x02;
// Items. A leaf item is {ksize u32, dsize u32, flags u8, key bytes, data bytes}; an internal item is
// {ksize u32, pgno u32, flags u8, key bytes}. A big key or big data is replaced by {pgno u32, size u32},
// the first page and length of its overflow chain, with its size field set to 8.
/** Item fields. */
export const I_KSIZE = 0;
export const I_DSIZE = 4;
export const I_PGNO = 4;
export const I_FLAGS = 8;
export const I_BYTES = 9;

/** Size of an overflow reference `{pgno, size}` (`NOVFLSIZE`). */
export const NOVFLSIZE = 8;

// Meta page (`BTMETA`): magic, version, psize, free (first free page), nrecs, flags; all u32.
export const M_MAGIC = 0;
export const M_VERSION = 4;
export const M_PSIZE = 8;
export const M_FREE = 12;
export const M_NRECS = 16;
export const M_FLAGS = 20;
/** Size of the meta data at the start of page 0. */
export const BTMETASIZE = 24;

// Tree flags stored in the meta page (`SAVEMETA`).
/** No duplicate keys (set unless the tree was created with `R_DUP`). */
export const B_NODUPS = 0x20;
/** A recno tree. */
export const R_RECNO = 0x80;

// `BTREEINFO.flags`.
/** Allow duplicate keys. */
export const R_DUP = 0x01;

// `put` flags.
/** Do not replace an existing key. */
export const R_NOOVERWRITE = 8;

// `seq` flags.
/** Position at the first key greater than or equal to the given key. */
export const R_CURSOR = 1;
/** Position at the first key. */
export const R_FIRST = 3;
/** Position at the last key. */
export const R_LAST = 6;
/** Move to the next key (from the first key if no scan has started). */
export const R_NEXT = 7;
/** Move to the previous key (from the last key if no scan has started). */
export const R_PREV = 9;

// Range iteration flags (MicroPython's `btree.INCL` and `btree.DESC`).
/** Include the end key in a range. */
export const INCL = 1;
/** Iterate in descending key order. */
export const DESC = 2;

/** `errno` values the errors carry (MicroPython's numbering: EFTYPE as in its port errno.h). */
export const EIO = 5;
export const EINVAL = 22;
export const EFTYPE = 79;
