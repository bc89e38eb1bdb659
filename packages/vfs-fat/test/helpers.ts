// Shared test helpers: the reference tools (dosfstools, mtools), temporary files, a seeded PRNG.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(cmd: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

export const haveDosfstools = has('fsck.fat') && has('mkfs.fat');
export const haveMtools = has('mcopy') && has('mdir') && has('mmd');
export const toolsMissing = [
  haveDosfstools ? null : 'dosfstools (fsck.fat, mkfs.fat)',
  haveMtools ? null : 'mtools (mcopy, mdir, mmd)',
].filter(Boolean);
if (toolsMissing.length > 0) {
  process.stderr.write(`vfs-fat: SKIPPING tests that need ${toolsMissing.join(' and ')}: install them with apt-get install dosfstools mtools\n`);
}

const toolEnv = { ...process.env, LC_ALL: 'C.UTF-8', MTOOLS_SKIP_CHECK: '1', MTOOLS_NO_VFAT: '' };

export function run(cmd: string, args: string[], input?: Uint8Array): { status: number; out: string } {
  const r = spawnSync(cmd, args, { env: toolEnv, input, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: r.stdout.toString('utf8') + r.stderr.toString('utf8') };
}

/**
 * fsck.fat -n on an image: `clean` when it exits 0 and prints nothing but its banner and the summary
 * line (`img: N files, A/B clusters`).
 */
export function fsck(image: string): { clean: boolean; out: string; complaints: string[] } {
  const r = run('fsck.fat', ['-n', image]);
  const complaints = r.out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^fsck\.fat \d/.test(l) && !/: \d+ files?, \d+\/\d+ clusters$/.test(l));
  return { clean: r.status === 0 && complaints.length === 0, out: r.out, complaints };
}

export function tempDir(tag: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `vfs-fat-${tag}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(a: readonly T[]) => T; bytes: (n: number) => Uint8Array } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (a) => a[int(a.length)],
    bytes: (n) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const v = (next() * 4294967296) >>> 0;
        b[i] = v;
        if (i + 1 < n) b[i + 1] = v >>> 8;
        if (i + 2 < n) b[i + 2] = v >>> 16;
        if (i + 3 < n) b[i + 3] = v >>> 24;
      }
      return b;
    },
  };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
