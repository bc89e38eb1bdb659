// The Berkeley DB 1.85 oracle: compiles bdb185-oracle.c against the system's libdb1 (Debian's
// libdb1-compat ships `libdb.so.2`) once per machine and source version, and runs it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = join(dirname(fileURLToPath(import.meta.url)), 'bdb185-oracle.c');

const libraryCandidates = [
  '/lib/libdb.so.2',
  '/usr/lib/libdb.so.2',
  '/lib/x86_64-linux-gnu/libdb.so.2',
  '/usr/lib/x86_64-linux-gnu/libdb.so.2',
  '/lib/aarch64-linux-gnu/libdb.so.2',
  '/usr/lib/aarch64-linux-gnu/libdb.so.2',
];

/** Options of a database the oracle creates or opens. */
export interface OracleOpen {
  pagesize?: number;
  cachesize?: number;
  minkeypage?: number;
  lorder?: number;
  /** Truncate the file first (default true). */
  fresh?: boolean;
}

/** What a dump walk found, keys and values as hex ("" for empty). */
export interface Dump {
  forward: [string, string][];
  backward: [string, string][];
  /** Keys whose get() did not return the walked value. */
  lookupFailures: string[];
}

export class Oracle {
  readonly binary: string;
  constructor(binary: string) {
    this.binary = binary;
  }

  /** Walks `file` forward and backward and looks every key up; throws if the library reports an error. */
  dump(file: string): Dump {
    const out = this.exec(['dump', file]);
    const dump: Dump = { forward: [], backward: [], lookupFailures: [] };
    for (const line of out) {
      const [tag, a, b] = line.split(' ');
      if (tag === 'F') dump.forward.push([unhexToken(a), unhexToken(b)]);
      else if (tag === 'B') dump.backward.push([unhexToken(a), unhexToken(b)]);
      else if (tag === 'X') dump.lookupFailures.push(unhexToken(a));
      else if (tag === 'ERR') throw new Error(`oracle: ${line}`);
    }
    if (!out.at(-1)?.startsWith('END ')) throw new Error(`oracle dump did not finish: ${out.slice(-3).join(' | ')}`);
    return dump;
  }

  /** Runs an operation script (see bdb185-oracle.c) on `file`; returns one result line per operation. */
  run(file: string, ops: readonly string[], open: OracleOpen = {}): string[] {
    const args = [
      'run',
      file,
      String(open.pagesize ?? 0),
      String(open.cachesize ?? 0),
      String(open.minkeypage ?? 0),
      String(open.lorder ?? 0),
      open.fresh === false ? '0' : '1',
    ];
    const out = this.exec(args, ops.join('\n') + '\n');
    if (out.at(-1) !== 'OK') throw new Error(`oracle run failed: ${out.slice(-3).join(' | ')}`);
    return out.slice(0, -1);
  }

  /** Times `n` inserts and lookups of the bench workload (nanoseconds). */
  bench(file: string, pagesize: number, cachesize: number, n: number): { insertNs: number; lookupNs: number; found: number } {
    const out = this.exec(['bench', file, String(pagesize), String(cachesize), String(n)]);
    const get = (name: string): number => Number(out.find((l) => l.startsWith(name + ' '))?.split(' ')[1]);
    return { insertNs: get('insert_ns'), lookupNs: get('lookup_ns'), found: get('found') };
  }

  private exec(args: string[], input?: string): string[] {
    const r = spawnSync(this.binary, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    const lines = (r.stdout ?? '').split('\n');
    if (r.error) throw new Error(`oracle ${args[0]}: ${r.error.message}; it said: ${lines.slice(-3).join(' | ')}`);
    if (lines.at(-1) === '') lines.pop();
    if (r.status !== 0) throw new Error(`oracle ${args[0]} exited ${r.status}: ${lines.slice(-2).join(' | ')} ${r.stderr}`);
    return lines;
  }
}

let cached: Oracle | string | undefined;

/**
 * The oracle, or why it is unavailable (no libdb1, no C compiler): tests skip with that message.
 */
export function getOracle(): Oracle | string {
  if (cached !== undefined) return cached;
  cached = build();
  return cached;
}

function build(): Oracle | string {
  const lib = libraryCandidates.find((p) => existsSync(p));
  if (!lib) return 'Berkeley DB 1.85 (libdb.so.2 from libdb1-compat) is not installed: apt-get install libdb1-compat';
  const cc = process.env.CC ?? 'gcc';
  const text = readFileSync(source);
  const hash = createHash('sha256').update(text).update(lib).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'mpy-ts-btree-oracle');
  const binary = join(dir, `oracle-${hash}`);
  if (existsSync(binary)) return new Oracle(binary);
  mkdirSync(dir, { recursive: true });
  const temp = `${binary}.${process.pid}.tmp`;
  const r = spawnSync(cc, ['-O2', '-o', temp, source, lib], { encoding: 'utf8' });
  if (r.error) return `no C compiler (${cc}): ${r.error.message}`;
  if (r.status !== 0) return `could not compile the oracle: ${r.stderr}`;
  renameSync(temp, binary);
  return new Oracle(binary);
}

function unhexToken(s: string | undefined): string {
  return s === undefined || s === '-' ? '' : s;
}

/** Hex of bytes ("" for empty). */
export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Bytes of hex. */
export function unhex(s: string): Uint8Array {
  const b = new Uint8Array(s.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return b;
}

/** A hex token for the oracle's scripts ("-" for empty). */
export function token(b: Uint8Array): string {
  return b.length === 0 ? '-' : hex(b);
}
