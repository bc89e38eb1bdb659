// A read-only consistency check of a FAT volume (the `mpy-fat check` command, and a test oracle that
// works where dosfstools is not installed). It reads the device directly, not through the engine's
// caches, and reports what fsck.fat would complain about: FAT copies that differ, broken or cross-linked
// chains, sizes that disagree with chains, lost clusters, bad `.`/`..` entries, duplicate or invalid
// names, orphaned long-name entries, a wrong FSInfo free count.
import { Disk, type BlockDevice } from './blockdev.js';
import { ATTR_LONG_NAME, shortNameKey } from './names.js';
import { foldName } from './cp437.js';
import { ATTR_DIRECTORY, DELETED, ENTRY_SIZE, EntryParser, isDirectory, isDotEntry, isVolumeLabel, type DirEntry } from './dirent.js';
import { FatError } from './errors.js';
import { clusterSector, findVolume, rd32, type FatType, type Geometry } from './layout.js';

export interface CheckReport {
  ok: boolean;
  errors: string[];
  warnings: string[];
  fatType: FatType | null;
  files: number;
  directories: number;
  clusterCount: number;
  usedClusters: number;
  freeClusters: number;
}

const BAD_SHORT = '"*+,./:;<=>?[\\]|';
const MAX_REPORTS = 200;

export function checkVolume(device: BlockDevice | Disk): CheckReport {
  const disk = device instanceof Disk ? device : new Disk(device, { readonly: true });
  const report: CheckReport = {
    ok: false,
    errors: [],
    warnings: [],
    fatType: null,
    files: 0,
    directories: 0,
    clusterCount: 0,
    usedClusters: 0,
    freeClusters: 0,
  };
  const err = (m: string): void => {
    if (report.errors.length < MAX_REPORTS) report.errors.push(m);
  };
  let g: Geometry;
  try {
    g = findVolume(disk);
  } catch (e) {
    err(e instanceof FatError ? e.message : String(e));
    return report;
  }
  report.fatType = g.fatType;
  report.clusterCount = g.clusterCount;
  const ss = g.sectorSize;
  const maxCluster = g.clusterCount + 1;

  // The FATs, read whole.
  const fats: Uint8Array[] = [];
  for (let i = 0; i < g.numFats; i++) {
    const b = new Uint8Array(g.fatSectors * ss);
    disk.read(g.fatStart + i * g.fatSectors, b);
    fats.push(b);
  }
  const fat = fats[g.activeFats[0]];
  const entry = (c: number): number => {
    if (g.fatType === 16) return fat[c * 2] | (fat[c * 2 + 1] << 8);
    if (g.fatType === 32) return rd32(fat, c * 4) & 0x0fffffff;
    const o = c + (c >> 1);
    const v = fat[o] | (fat[o + 1] << 8);
    return c & 1 ? v >> 4 : v & 0xfff;
  };
  const eocMin = g.fatType === 12 ? 0xff8 : g.fatType === 16 ? 0xfff8 : 0x0ffffff8;
  const bad = eocMin - 1;
  const usedBytes = g.fatType === 12 ? Math.ceil(((maxCluster + 1) * 3) / 2) : (maxCluster + 1) * (g.fatType / 8);
  for (let i = 1; i < fats.length; i++) {
    if (!g.activeFats.includes(i)) continue;
    for (let b = 0; b < usedBytes; b++) {
      if (fats[i][b] !== fat[b]) {
        err(`FAT copies 1 and ${i + 1} differ (first at byte ${b})`);
        break;
      }
    }
  }
  if (fat[0] !== g.media) report.warnings.push(`FAT[0] media byte 0x${fat[0].toString(16)} differs from the boot sector's 0x${g.media.toString(16)}`);

  const owner = new Int32Array(maxCluster + 1);
  let nextId = 1;

  /** Claims a chain for object `id`; returns its clusters, or null when the chain is broken. */
  const claim = (first: number, id: number, what: string): number[] | null => {
    const out: number[] = [];
    let c = first;
    for (;;) {
      if (c < 2 || c > maxCluster) {
        err(`${what}: chain leads to invalid cluster ${c}`);
        return null;
      }
      if (owner[c] !== 0) {
        err(owner[c] === id ? `${what}: cluster chain loops at ${c}` : `${what}: cross-linked at cluster ${c}`);
        return null;
      }
      owner[c] = id;
      out.push(c);
      const v = entry(c);
      if (v >= eocMin) return out;
      if (v === 0) {
        err(`${what}: chain runs into free cluster after ${c}`);
        return null;
      }
      if (v === bad) {
        err(`${what}: chain runs into a bad cluster after ${c}`);
        return null;
      }
      c = v;
    }
  };

  const readDir = (dir: number, clusters: number[]): { data: Uint8Array; sectors: number[] } => {
    const sectors: number[] = [];
    if (dir === 0) {
      for (let i = 0; i < g.rootDirSectors; i++) sectors.push(g.rootDirStart + i);
    } else {
      for (const c of clusters) for (let i = 0; i < g.sectorsPerCluster; i++) sectors.push(clusterSector(g, c) + i);
    }
    const data = new Uint8Array(sectors.length * ss);
    for (let i = 0; i < sectors.length; i++) disk.read(sectors[i], data.subarray(i * ss, (i + 1) * ss));
    return { data, sectors };
  };

  interface Pending {
    dir: number;
    clusters: number[];
    path: string;
    parent: number; // 0 = root
  }
  const root = g.fatType === 32 ? g.rootCluster : 0;
  const rootClusters = root === 0 ? [] : (claim(root, nextId++, '/') ?? []);
  const stack: Pending[] = [{ dir: root, clusters: rootClusters, path: '', parent: -1 }];
  const seenDirs = new Set<number>([root]);
  while (stack.length > 0) {
    const { dir, clusters, path, parent } = stack.pop()!;
    const { data, sectors } = readDir(dir, clusters);
    const parser = new EntryParser();
    const names = new Set<string>();
    const shorts = new Set<string>();
    let lfnRun = 0;
    const count = data.length / ENTRY_SIZE;
    const perSector = ss / ENTRY_SIZE;
    for (let i = 0; i < count; i++) {
      const o = i * ENTRY_SIZE;
      const b0 = data[o];
      if (b0 === 0) break;
      if (b0 === DELETED) {
        if (lfnRun > 0) err(`${path || '/'}: orphaned long-name entries before entry ${i}`);
        lfnRun = 0;
        parser.reset();
        continue;
      }
      const attr = data[o + 11];
      if ((attr & 0x3f) === ATTR_LONG_NAME) {
        lfnRun++;
        parser.feed(data, o, i, sectors[Math.floor(i / perSector)]);
        continue;
      }
      const e = parser.feed(data, o, i, sectors[Math.floor(i / perSector)]) as DirEntry;
      const lfnUsed = e.longName !== null ? e.index - e.first : 0;
      if (lfnRun !== lfnUsed) err(`${path}/${e.name}: orphaned long-name entries`);
      lfnRun = 0;
      if (isVolumeLabel(attr) && !(attr & ATTR_DIRECTORY)) {
        if (dir !== root) err(`${path}: volume label entry outside the root directory`);
        continue;
      }
      if (isDotEntry(e.shortName)) {
        const dotdot = e.shortName[1] === 0x2e;
        if (dir === root) {
          err(`/: '${dotdot ? '..' : '.'}' entry in the root directory`);
        } else if (!dotdot && i !== 0) {
          err(`${path}: '.' is not the first entry`);
        } else if (dotdot && i !== 1) {
          err(`${path}: '..' is not the second entry`);
        } else if (!dotdot && e.cluster !== dir) {
          err(`${path}: '.' points to cluster ${e.cluster}, not ${dir}`);
        } else if (dotdot && e.cluster !== (parent === root ? 0 : parent)) {
          err(`${path}: '..' points to cluster ${e.cluster}, not ${parent === root ? 0 : parent}`);
        }
        continue;
      }
      if (dir !== root && i < 2) err(`${path}: missing '.' or '..' entry`);
      const full = `${path}/${e.name}`;
      const sk = shortNameKey(e.shortName);
      if (shorts.has(sk)) err(`${full}: duplicate short name '${sk}'`);
      shorts.add(sk);
      const folded = foldName(e.name);
      if (names.has(folded)) err(`${full}: duplicate name`);
      names.add(folded);
      for (let k = 0; k < 11; k++) {
        const c = e.shortName[k];
        if ((c < 0x20 && !(k === 0 && c === 0x05)) || (c >= 0x61 && c <= 0x7a) || BAD_SHORT.includes(String.fromCharCode(c)) || (k === 0 && c === 0x20)) {
          err(`${full}: invalid short name '${sk}'`);
          break;
        }
      }
      const id = nextId++;
      if (isDirectory(e)) {
        report.directories++;
        if (e.size !== 0) err(`${full}: directory with non-zero size ${e.size}`);
        if (e.cluster === 0) {
          err(`${full}: directory without a cluster`);
          continue;
        }
        if (seenDirs.has(e.cluster)) {
          err(`${full}: directory cluster ${e.cluster} is used twice`);
          continue;
        }
        seenDirs.add(e.cluster);
        const chain = claim(e.cluster, id, full);
        if (chain) stack.push({ dir: e.cluster, clusters: chain, path: full, parent: dir });
      } else {
        report.files++;
        if (e.cluster === 0) {
          if (e.size !== 0) err(`${full}: size ${e.size} but no clusters`);
          continue;
        }
        const chain = claim(e.cluster, id, full);
        const want = Math.ceil(e.size / g.clusterSize);
        if (chain && chain.length !== want) err(`${full}: size ${e.size} needs ${want} clusters, chain has ${chain.length}`);
      }
    }
    if (lfnRun > 0) err(`${path || '/'}: orphaned long-name entries at the end`);
  }

  let lost = 0;
  let free = 0;
  for (let c = 2; c <= maxCluster; c++) {
    const v = entry(c);
    if (v === 0) free++;
    else if (v !== bad && owner[c] === 0) lost++;
  }
  if (lost > 0) err(`${lost} lost cluster${lost === 1 ? '' : 's'} (allocated, but in no file)`);
  report.freeClusters = free;
  report.usedClusters = g.clusterCount - free;

  if (g.fatType === 32 && g.fsInfoSector >= 0) {
    const b = new Uint8Array(ss);
    disk.read(g.fsInfoSector, b);
    if (rd32(b, 0) === 0x41615252 && rd32(b, 484) === 0x61417272) {
      const n = rd32(b, 488);
      if (n === 0xffffffff) report.warnings.push('FSInfo free count is not set');
      else if (n !== free) err(`FSInfo free count ${n}, really ${free}`);
    }
    if (g.backupBootSector >= 0) {
      const a = new Uint8Array(ss);
      const bk = new Uint8Array(ss);
      disk.read(g.volumeStart, a);
      disk.read(g.backupBootSector, bk);
      if (a.some((v, i) => v !== bk[i])) report.warnings.push('boot sector and its backup differ');
    }
  }
  report.ok = report.errors.length === 0;
  return report;
}
