import { createVM, MemoryFs, MemoryHost } from '@mpy-ts/core-vm';
import { describe, expect, test } from 'vitest';
import { FatVolume, RamBlockDevice, checkVolume } from '../index.js';
import './index.js';

/** Runs a Python program in a fresh VM; returns what it printed (tracebacks included). */
function py(source: string, files: Record<string, string> = {}): string {
  let out = '';
  const dec = new TextDecoder();
  const fs = new MemoryFs();
  for (const [path, text] of Object.entries(files)) {
    const f = fs.open(path, 'w');
    f.write(new TextEncoder().encode(text));
    f.close();
  }
  const host = new MemoryHost({ fs, stdout: (b) => (out += dec.decode(b)), stderr: (b) => (out += dec.decode(b)) });
  const vm = createVM({ host });
  try {
    vm.runPython(source);
  } catch (e) {
    out += `!! ${String(e)}`;
  }
  return out;
}

const RAMDISK = `
class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)

    def readblocks(self, block_num, buf):
        for i in range(len(buf)):
            buf[i] = self.data[block_num * self.block_size + i]

    def writeblocks(self, block_num, buf):
        for i in range(len(buf)):
            self.data[block_num * self.block_size + i] = buf[i]

    def ioctl(self, op, arg):
        if op == 4: # get number of blocks
            return len(self.data) // self.block_size
        if op == 5: # get block size
            return self.block_size
`;

describe('uos.VfsFat from Python', { timeout: 60_000 }, () => {
  test('the RAM disk of spec 4.1.13: mkfs, mount, files, listing, stat, statvfs, umount', () => {
    const out = py(`${RAMDISK}
import uos
bdev = RAMBlockDev(512, 50)
uos.VfsFat.mkfs(bdev)
vfs = uos.VfsFat(bdev)
uos.mount(vfs, '/ramdisk')
with open('/ramdisk/hello.txt', 'w') as f:
    print(f.write('hello, flash'))
uos.mkdir('/ramdisk/lib')
with open('/ramdisk/lib/data.bin', 'wb') as f:
    f.write(bytes(range(10)))
print(open('/ramdisk/hello.txt').read())
print(open('/ramdisk/lib/data.bin', 'rb').read())
print(sorted(uos.listdir('/ramdisk')))
print(uos.listdir('/'))
print(uos.stat('/ramdisk/hello.txt')[:7])
print(uos.statvfs('/ramdisk'))
uos.chdir('/ramdisk/lib')
print(uos.getcwd(), uos.listdir())
uos.chdir('/ramdisk')
uos.chdir('/')
uos.rename('/ramdisk/hello.txt', '/ramdisk/lib/moved.txt')
print(list(vfs.ilistdir('/lib')))
try:
    uos.remove('/ramdisk/nothing')
except OSError as e:
    print('OSError', e.args[0])
try:
    uos.rmdir('/ramdisk/lib')
except OSError as e:
    print('OSError', e.args[0])
uos.umount('/ramdisk')
print(uos.listdir('/'))
b = bytes(bdev.data)
print(b.find(b'hello, flash') > 0, b.find(b'LIB') > 0)
`);
    expect(out).toBe(
      [
        '12',
        'hello, flash',
        "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t'",
        "['hello.txt', 'lib']",
        "['ramdisk']",
        '(32768, 0, 0, 0, 0, 0, 12)',
        '(512, 512, 16, 13, 13, 0, 0, 0, 0, 255)',
        "/ramdisk/lib ['data.bin']",
        "[('data.bin', 32768, 0, 10), ('moved.txt', 32768, 0, 12)]",
        'OSError 2',
        'OSError 39',
        '[]',
        'True True',
        '',
      ].join('\n'),
    );
  });

  test('what Python wrote is a clean FAT image the engine reads', () => {
    let image: Uint8Array | null = null;
    const vm = createVM({ stdout: () => {}, stderr: (b) => console.error(new TextDecoder().decode(b)) });
    vm.runPython(`${RAMDISK}
import uos
bdev = RAMBlockDev(512, 200)
uos.VfsFat.mkfs(bdev)
uos.mount(bdev, '/d')
for i in range(20):
    with open('/d/A long file name %d.txt' % i, 'w') as f:
        f.write('line %d\\n' % i * 50)
uos.umount('/d')
`);
    const data = vm.runPython('bytes(bdev.data)', { mode: 'eval' }) as { data: Uint8Array };
    image = data.data;
    const dev = new RamBlockDevice(512, image.slice());
    expect(checkVolume(dev).errors).toEqual([]);
    const vol = FatVolume.mount(dev);
    expect(vol.listdir('/')).toHaveLength(20);
    expect(new TextDecoder().decode(vol.readFile('/A long file name 7.txt'))).toBe('line 7\n'.repeat(50));
  });

  test('block device errors: a non-zero status is EIO, a non-int status a TypeError', () => {
    const out = py(`${RAMDISK}
import uos
class Bad(RAMBlockDev):
    res = 0
    def readblocks(self, n, buf):
        super().readblocks(n, buf)
        return self.res
bdev = Bad(512, 50)
uos.VfsFat.mkfs(bdev)
fs = uos.VfsFat(bdev)
with fs.open('test', 'w') as f:
    f.write('a' * 64)
for res in (-5, 5, 'invalid'):
    bdev.res = res
    try:
        uos.VfsFat(bdev)
    except OSError as e:
        print('OSError', e.errno)
    except TypeError as e:
        print('TypeError', e)
`);
    expect(out).toBe("OSError 5\nOSError 5\nTypeError can't convert str to int\n");
  });

  test('errors print as MicroPython; a closed file raises OSError(EINVAL) and keeps its data', () => {
    const out = py(`${RAMDISK}
import uos
bdev = RAMBlockDev(512, 50)
uos.VfsFat.mkfs(bdev)
uos.mount(uos.VfsFat(bdev), '/fat')
try:
    uos.stat('/fat/missing')
except OSError as e:
    print(type(e).__name__, e, repr(e))
f = open('/fat/a.txt', 'w')
f.write('kept')
f.close()
f.close()
for op in (lambda: f.write('x'), lambda: f.read(), f.flush, f.tell, lambda: f.seek(0), lambda: f.readline()):
    try:
        op()
        print('no error')
    except OSError as e:
        print(e.errno == 22, e)
print(open('/fat/a.txt').read())
`);
    expect(out).toBe(
      'OSError [Errno 2] ENOENT OSError(2,)\n' + 'True [Errno 22] EINVAL\n'.repeat(6) + 'kept\n',
    );
  });

  test('read-only mounts, mkfs on mount, and the old block protocol', () => {
    const out = py(`${RAMDISK}
import uos
class Old:
    def __init__(self):
        self.d = RAMBlockDev(512, 60)
    def readblocks(self, n, buf):
        self.d.readblocks(n, buf)
    def writeblocks(self, n, buf):
        self.d.writeblocks(n, buf)
    def count(self):
        return 60
    def sync(self):
        pass
old = Old()
fs = uos.VfsFat(old)
uos.mount(fs, '/old', mkfs=True)
open('/old/x', 'w').write('x')
uos.umount('/old')
uos.mount(uos.VfsFat(old), '/ro', readonly=True)
print(open('/ro/x').read())
try:
    open('/ro/y', 'w')
except OSError as e:
    print('OSError', e.args[0])
try:
    uos.mount(uos.VfsFat(RAMBlockDev(512, 60)), '/none')
except OSError as e:
    print('OSError', e.args[0])
`);
    expect(out).toBe('x\nOSError 30\nOSError 19\n');
  });

  test('the host filesystem stays at / until unmounted, and imports work from a FAT mount', () => {
    const out = py(
      `${RAMDISK}
import uos, sys
print(open('/host.txt').read())
print('host.txt' in uos.listdir('/'))
bdev = RAMBlockDev(512, 100)
uos.VfsFat.mkfs(bdev)
uos.mount(bdev, '/flash')
with open('/flash/fatmod.py', 'w') as f:
    f.write('print("imported from FAT")')
sys.path.append('/flash')
import fatmod
print(sorted(uos.listdir('/')))
`,
      { '/host.txt': 'from the host' },
    );
    expect(out).toBe("from the host\nTrue\nimported from FAT\n['flash', 'host.txt']\n");
  });
});
