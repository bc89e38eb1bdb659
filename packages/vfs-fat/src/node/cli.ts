// `mpy-fat`: make, fill, list and check FAT images from the command line (Node only).
import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkVolume } from '../check.js';
import { FatError } from '../errors.js';
import { mkfs } from '../mkfs.js';
import { S_IFDIR, FatVolume } from '../volume.js';
import { FileBlockDevice } from './file-device.js';

const USAGE = `usage: mpy-fat COMMAND IMAGE [ARGS]

  mkfs IMAGE --size SIZE [--sector-size N] [--fat 12|16|32] [--cluster-size N] [--label L] [--partition]
                          make an empty FAT image (as MicroPython's VfsFat.mkfs would, by default)
  ls IMAGE [PATH] [-l] [-R]    list a directory
  put IMAGE LOCAL... DEST      copy files (and with -r directories) into the image
  get IMAGE PATH [LOCAL] [-r]  copy a file (or directory) out of the image ('-' = standard output)
  cat IMAGE PATH               print a file
  mkdir IMAGE PATH             make a directory
  rm IMAGE PATH [-r]           remove a file (or a directory tree)
  mv IMAGE OLD NEW             rename or move
  label IMAGE [NEW]            show or set the volume label
  info IMAGE                   FAT type, geometry, free space
  check IMAGE                  consistency check (exit 1 on errors)

SIZE and N accept K, M and G suffixes (powers of 1024). --sector-size defaults to 512 for mkfs and to
what the image's boot sector says otherwise.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  writeBytes: (b: Uint8Array) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  writeBytes: (b) => process.stdout.write(b),
};

class UsageError extends Error {}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`bad size '${text}'`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(parseFloat(m[1]) * mult);
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(args: string[], withValue: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (withValue.includes(name)) {
        if (i + 1 >= args.length) throw new UsageError(`--${name} needs a value`);
        flags.set(name, args[++i]);
      } else flags.set(name, true);
    } else if (a.length > 1 && a.startsWith('-') && a !== '-') {
      for (const ch of a.slice(1)) flags.set(ch, true);
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

/** Block size of an existing image: what its boot sector says (512 if it does not say). */
function detectSectorSize(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const b = new Uint8Array(512);
    readSync(fd, b, 0, 512, 0);
    const bps = b[11] | (b[12] << 8);
    const ok = b[510] === 0x55 && b[511] === 0xaa && (b[0] === 0xeb || b[0] === 0xe9) && [512, 1024, 2048, 4096].includes(bps);
    return ok ? bps : 512;
  } finally {
    closeSync(fd);
  }
}

function openImage(path: string, flags: Map<string, string | true>, readonly: boolean): { dev: FileBlockDevice; vol: FatVolume } {
  if (!existsSync(path)) throw new FatError(2, `no such image: ${path}`);
  const ss = typeof flags.get('sector-size') === 'string' ? parseSize(flags.get('sector-size') as string) : detectSectorSize(path);
  const dev = new FileBlockDevice(path, { blockSize: ss, readonly });
  try {
    return { dev, vol: FatVolume.mount(dev, { readonly }) };
  } catch (e) {
    dev.close();
    throw e;
  }
}

function joinImage(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function isImageDir(vol: FatVolume, path: string): boolean {
  try {
    return vol.stat(path).isDirectory;
  } catch {
    return false;
  }
}

function putTree(vol: FatVolume, local: string, dest: string, recursive: boolean): void {
  const st = statSync(local);
  if (st.isDirectory()) {
    if (!recursive) throw new UsageError(`${local} is a directory (use -r)`);
    if (!isImageDir(vol, dest)) vol.mkdir(dest);
    for (const name of readdirSync(local)) putTree(vol, join(local, name), joinImage(dest, name), true);
    return;
  }
  // Stream in chunks, so images can take files larger than memory.
  const fd = openSync(local, 'r');
  const f = vol.open(dest, 'wb');
  try {
    const buf = new Uint8Array(1 << 20);
    for (let pos = 0; ; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      f.write(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    f.close();
    closeSync(fd);
  }
}

function getTree(vol: FatVolume, src: string, local: string, recursive: boolean, io: Io): void {
  if (isImageDir(vol, src)) {
    if (!recursive) throw new UsageError(`${src} is a directory (use -r)`);
    mkdirSync(local, { recursive: true });
    for (const e of vol.ilistdir(src)) getTree(vol, joinImage(src, e.name), join(local, e.name), true, io);
    return;
  }
  const data = vol.readFile(src);
  if (local === '-') io.writeBytes(data);
  else writeFileSync(local, data);
}

function removeTree(vol: FatVolume, path: string): void {
  if (isImageDir(vol, path)) {
    for (const e of [...vol.ilistdir(path)]) removeTree(vol, joinImage(path, e.name));
    vol.rmdir(path);
  } else {
    vol.remove(path);
  }
}

function pad(s: string | number, n: number): string {
  return String(s).padStart(n, ' ');
}

function listTree(vol: FatVolume, path: string, long: boolean, recursive: boolean, io: Io, header: boolean): void {
  const entries = [...vol.ilistdir(path)];
  if (header) io.out(`${path}:\n`);
  for (const e of entries) {
    const dir = e.type === S_IFDIR;
    if (long) {
      const st = vol.stat(joinImage(path, e.name));
      const when = new Date(st.mtime * 1000).toISOString().replace('T', ' ').slice(0, 19);
      io.out(`${dir ? 'd' : '-'} ${pad(dir ? '' : e.size, 10)} ${when} ${e.name}${dir ? '/' : ''}\n`);
    } else {
      io.out(`${e.name}${dir ? '/' : ''}\n`);
    }
  }
  if (recursive) {
    for (const e of entries) {
      if (e.type === S_IFDIR) {
        io.out('\n');
        listTree(vol, joinImage(path, e.name), long, true, io, true);
      }
    }
  }
}

/** Runs the command line `args` (without the program name); returns the exit status. */
export function main(args: string[], io: Io = defaultIo): number {
  const [cmd, ...rest] = args;
  try {
    if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
      io.out(USAGE + '\n');
      return cmd ? 0 : 2;
    }
    const p = parseArgs(rest, ['size', 'sector-size', 'fat', 'cluster-size', 'label']);
    const [image, ...more] = p.positional;
    if (!image) throw new UsageError('no image given');
    switch (cmd) {
      case 'mkfs': {
        const sizeFlag = p.flags.get('size');
        const ss = typeof p.flags.get('sector-size') === 'string' ? parseSize(p.flags.get('sector-size') as string) : 512;
        if (typeof sizeFlag === 'string') {
          const size = parseSize(sizeFlag);
          if (size % ss !== 0) throw new UsageError(`size ${size} is not a multiple of the sector size ${ss}`);
          const fd = openSync(image, existsSync(image) ? 'r+' : 'w+');
          ftruncateSync(fd, size);
          closeSync(fd);
        } else if (!existsSync(image)) {
          throw new UsageError('mkfs of a new image needs --size');
        }
        const fatFlag = p.flags.get('fat');
        const type = fatFlag === undefined ? 'auto' : Number(fatFlag);
        if (type !== 'auto' && type !== 12 && type !== 16 && type !== 32) throw new UsageError('--fat must be 12, 16 or 32');
        const dev = new FileBlockDevice(image, { blockSize: ss });
        try {
          const cs = p.flags.get('cluster-size');
          const label = p.flags.get('label');
          const r = mkfs(dev, {
            type,
            clusterSize: typeof cs === 'string' ? parseSize(cs) : 0,
            label: typeof label === 'string' ? label : undefined,
            partition: p.flags.has('partition') ? true : undefined,
          });
          io.out(`${image}: FAT${r.fatType}, ${r.clusterCount} clusters of ${r.sectorsPerCluster * r.sectorSize} bytes, ${r.sectorSize}-byte sectors\n`);
        } finally {
          dev.close();
        }
        return 0;
      }
      case 'check': {
        const ss = typeof p.flags.get('sector-size') === 'string' ? parseSize(p.flags.get('sector-size') as string) : detectSectorSize(image);
        const dev = new FileBlockDevice(image, { blockSize: ss, readonly: true });
        try {
          const r = checkVolume(dev);
          for (const w of r.warnings) io.out(`warning: ${w}\n`);
          for (const e of r.errors) io.out(`error: ${e}\n`);
          io.out(`${image}: FAT${r.fatType ?? '?'}, ${r.files} files, ${r.directories} directories, ${r.usedClusters}/${r.clusterCount} clusters used: ${r.ok ? 'clean' : 'ERRORS'}\n`);
          return r.ok ? 0 : 1;
        } finally {
          dev.close();
        }
      }
      default:
        break;
    }
    const writes = ['put', 'mkdir', 'rm', 'mv'].includes(cmd) || (cmd === 'label' && more.length > 0);
    const { dev, vol } = openImage(image, p.flags, !writes);
    try {
      switch (cmd) {
        case 'ls': {
          listTree(vol, more[0] ?? '/', p.flags.has('l'), p.flags.has('R'), io, p.flags.has('R'));
          break;
        }
        case 'put': {
          if (more.length < 2) throw new UsageError('put needs LOCAL... DEST');
          const dest = more[more.length - 1];
          const sources = more.slice(0, -1);
          const intoDir = isImageDir(vol, dest) || sources.length > 1 || dest.endsWith('/');
          for (const src of sources) putTree(vol, src, intoDir ? joinImage(dest, basename(src)) : dest, p.flags.has('r'));
          break;
        }
        case 'get': {
          if (more.length < 1) throw new UsageError('get needs PATH');
          const src = more[0];
          const name = src.split('/').filter(Boolean).pop() ?? 'root';
          let local = more[1] ?? name;
          if (local !== '-' && existsSync(local) && statSync(local).isDirectory() && !isImageDir(vol, src)) local = join(local, name);
          getTree(vol, src, local, p.flags.has('r'), io);
          break;
        }
        case 'cat':
          if (more.length < 1) throw new UsageError('cat needs PATH');
          io.writeBytes(vol.readFile(more[0]));
          break;
        case 'mkdir':
          if (more.length < 1) throw new UsageError('mkdir needs PATH');
          vol.mkdir(more[0]);
          break;
        case 'rm':
          if (more.length < 1) throw new UsageError('rm needs PATH');
          if (p.flags.has('r')) removeTree(vol, more[0]);
          else vol.remove(more[0]);
          break;
        case 'mv':
          if (more.length < 2) throw new UsageError('mv needs OLD NEW');
          vol.rename(more[0], more[1]);
          break;
        case 'label':
          if (more.length > 0) vol.setLabel(more[0]);
          else io.out(vol.getLabel() + '\n');
          break;
        case 'info': {
          const g = vol.geometry;
          const s = vol.statvfs();
          io.out(
            `FAT${g.fatType}, ${g.sectorSize}-byte sectors, ${g.clusterSize}-byte clusters\n` +
              `volume at sector ${g.volumeStart}, ${g.totalSectors} sectors, ${g.numFats} FAT(s) of ${g.fatSectors} sectors\n` +
              `${g.clusterCount} clusters, ${s.bfree} free (${s.bfree * s.bsize} bytes)\n` +
              `label '${vol.getLabel()}', serial ${g.volumeId.toString(16).toUpperCase().padStart(8, '0')}\n`,
          );
          break;
        }
        default:
          throw new UsageError(`unknown command '${cmd}'`);
      }
      vol.umount();
    } finally {
      dev.close();
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mpy-fat: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof FatError) {
      io.err(`mpy-fat: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
