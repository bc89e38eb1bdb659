// Runs the oracle's operation scripts (see bdb185-oracle.c) on our engine, producing the same result lines.
import type { Btree} from '../src/index.js';
import { BtreeError, R_CURSOR, R_FIRST, R_LAST, R_NEXT, R_PREV, type Entry } from '../src/index.js';
import { token, unhex } from './oracle.js';

function entryLine(e: Entry | undefined): string {
  return e ? `kv ${token(e[0])} ${token(e[1])}` : 'end';
}

function bytesOf(tok: string): Uint8Array {
  return tok === '-' ? new Uint8Array(0) : unhex(tok);
}

const seqFlags: Record<string, number> = { F: R_FIRST, L: R_LAST, N: R_NEXT, R: R_PREV };

/** Runs one script line on `db`; returns its result line. */
export function runOp(db: Btree, line: string): string {
  const [op, a, b] = line.split(' ');
  switch (op) {
    case 'P':
      db.put(bytesOf(a), bytesOf(b));
      return 'ok';
    case 'D':
      return db.delete(bytesOf(a)) ? 'ok' : 'missing';
    case 'G': {
      const v = db.get(bytesOf(a));
      return v ? `= ${token(v)}` : 'missing';
    }
    case 'S':
      db.flush();
      return 'ok';
    case 'C':
      try {
        return entryLine(db.seq(R_CURSOR, bytesOf(a)));
      } catch (e) {
        if (e instanceof BtreeError) return `err ${e.errno}`;
        throw e;
      }
    default: {
      const flag = seqFlags[op];
      if (flag === undefined) throw new Error(`bad script op ${line}`);
      return entryLine(db.seq(flag));
    }
  }
}
