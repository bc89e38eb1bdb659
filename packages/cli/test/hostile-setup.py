import ujson, ure, ustruct, uzlib, ubinascii, uhashlib, ucollections, uheapq, uio, array, uctypes, framebuf, urandom, utime, uerrno, uselect, uos, btree, math, cmath, micropython, gc, sys

class Raiser:
    def __getattr__(self, n): raise ValueError('no ' + n)
    def __index__(self): raise ValueError('index')
    def __int__(self): raise ValueError('int')
    def __float__(self): raise ValueError('float')
    def __len__(self): raise ValueError('len')
    def __iter__(self): raise ValueError('iter')
    def __getitem__(self, k): raise ValueError('getitem')
    def __setitem__(self, k, v): raise ValueError('setitem')
    def __contains__(self, k): raise ValueError('contains')
    def __hash__(self): raise ValueError('hash')
    def __eq__(self, o): raise ValueError('eq')
    def __lt__(self, o): raise ValueError('lt')
    def __bool__(self): raise ValueError('bool')
    def __str__(self): raise ValueError('str')
    def __repr__(self): raise ValueError('repr')
    def __call__(self, *a, **k): raise ValueError('call')
    def read(self, *a): raise OSError(5)
    def readinto(self, *a): raise OSError(5)
    def write(self, *a): raise OSError(5)
    def ioctl(self, *a): raise OSError(5)
    def readblocks(self, *a): raise OSError(5)
    def writeblocks(self, *a): raise OSError(5)

class Liar:
    # methods that return the wrong kind of thing
    def __index__(self): return 2**100
    def __int__(self): return 'x'
    def __float__(self): return 'y'
    def __len__(self): return -1
    def __iter__(self): return 5
    def __getitem__(self, k): return self
    def __hash__(self): return 2**80
    def __eq__(self, o): return Raiser()
    def __lt__(self, o): return Raiser()
    def __bool__(self): return 2
    def __str__(self): return 5
    def __repr__(self): return None
    def keys(self): return [Raiser()]
    def read(self, *a): return 'text, not bytes'
    def readinto(self, buf, *a): return 10**9
    def write(self, *a): return -7
    def seek(self, *a): return 'z'
    def tell(self): return None
    def flush(self): return 3
    def ioctl(self, op, arg): return -1 if op < 4 else 2**70
    def readblocks(self, n, buf, *a): return 'bad'
    def writeblocks(self, n, buf, *a): return 1.5

class Flaky:
    # a block device / stream that works for a while, then fails
    def __init__(self): self.data = bytearray(512 * 64); self.n = 0
    def tick(self):
        self.n += 1
        if self.n % 7 == 0: raise OSError(5)
    def readblocks(self, b, buf, off=0): self.tick(); buf[:] = self.data[b*512+off:b*512+off+len(buf)]
    def writeblocks(self, b, buf, off=0): self.tick(); self.data[b*512+off:b*512+off+len(buf)] = buf
    def ioctl(self, op, arg): return 64 if op == 4 else 512 if op == 5 else 0
    def read(self, n=-1): self.tick(); return b'\x00' * (0 if n is None or n < 0 else min(n, 3))
    def readinto(self, buf): self.tick(); return 0
    def write(self, b): self.tick(); return len(b)
    def seek(self, o, w=0): return 0
    def flush(self): pass

def gen():
    yield 1
    raise ValueError('gen')

def pool():
    selfref = []
    selfref.append(selfref)
    d = {}
    d['d'] = d
    deep = []
    for i in range(3000):
        deep = [deep]
    return [None, True, False, 0, 1, -1, 2, 7, 255, 256, 1000, -2**31, 2**31, 2**32, 2**63, 2**64 + 1, -2**100, 10**40,
        0.5, -0.0, 1e308, float('nan'), float('inf'), float('-inf'), 1j, complex('nan'),
        '', 'a', 'abc', '\x00', 'é€😀', 'x' * 5000, '(', '[z-a]', '%s%d{}', '\ud800',
        b'', b'\x00\xff', b'abc', b'x' * 5000, bytearray(0), bytearray(b'abcdefgh'), memoryview(b'abcd'), memoryview(bytearray(8))[1:3],
        [], [1, 2, 3], ['a', None], (), (1,), (1, 'a', None), (2**70, -1), {}, {'a': 1}, {1: 2, None: []}, set(), {1, 'a'},
        range(5), range(-3), range(0, 100, -7), slice(None), slice(1, 2, 0), object(), int, str, bytes, len, print, lambda: 0, lambda *a, **k: Raiser(),
        gen(), iter([1]), Raiser(), Liar(), Flaky(), selfref, d, deep, ujson, Exception('e'), array.array('i', [1, 2]), array.array('B'),
        uio.BytesIO(b'\x00\x01\x02\x03'), uio.StringIO('s'), NotImplemented, ...]

ZDATA = b'x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15'
class RAMBD:
    def __init__(self, n=64): self.data = bytearray(512 * n)
    def readblocks(self, b, buf, off=0):
        for i in range(len(buf)): buf[i] = self.data[b * 512 + off + i]
    def writeblocks(self, b, buf, off=0):
        self.data[b * 512 + off:b * 512 + off + len(buf)] = buf
    def ioctl(self, op, arg):
        if op == 4: return len(self.data) // 512
        if op == 5: return 512
        return 0
NT = ucollections.namedtuple('NT', 'x y')
UBUF = bytearray(64)
UDESC = {'a': uctypes.UINT32 | 0, 'b': (uctypes.ARRAY | 4, uctypes.UINT8 | 4), 'p': (uctypes.PTR | 8, uctypes.UINT8), 's': (12, {'x': uctypes.INT16 | 0}), 'f': uctypes.BFUINT16 | 16 | 3 << uctypes.BF_POS | 5 << uctypes.BF_LEN}

def instances():
    bd = RAMBD()
    uos.VfsFat.mkfs(bd)
    vfs = uos.VfsFat(bd)
    try:
        vf = vfs.open('f.txt', 'w+')
    except Exception as e:
        vf = None
    hf = open('/host.txt', 'w+b')
    return {
        're': ure.compile('(a)(b)?|c'), 'match': ure.match('(a)(b)?', 'ab'),
        'struct': ustruct.Struct('<hI2s'), 'decompio': uzlib.DecompIO(uio.BytesIO(ZDATA)),
        'sha256': uhashlib.sha256(b'x'), 'sha1': uhashlib.sha1(), 'md5': uhashlib.md5(),
        'deque': ucollections.deque((1, 2), 5), 'odict': ucollections.OrderedDict([('a', 1)]), 'nt': NT(1, 2), 'NT': NT,
        'bytesio': uio.BytesIO(b'abc'), 'stringio': uio.StringIO('abc'), 'hostfile': hf,
        'arr_i': array.array('i', [1, 2, 3]), 'arr_f': array.array('f', [1.5]), 'arr_B': array.array('B', b'xy'), 'arr_q': array.array('q', [2**40]),
        'uct': uctypes.struct(uctypes.addressof(UBUF), UDESC, uctypes.LITTLE_ENDIAN),
        'fb_mono': framebuf.FrameBuffer(bytearray(20), 10, 10, framebuf.MONO_VLSB), 'fb_rgb': framebuf.FrameBuffer(bytearray(200), 10, 10, framebuf.RGB565),
        'fb_gs2': framebuf.FrameBuffer(bytearray(30), 10, 10, framebuf.GS2_HMSB), 'fb_hlsb': framebuf.FrameBuffer(bytearray(20), 10, 10, framebuf.MONO_HLSB),
        'poll': uselect.poll(), 'btree': btree.open(uio.BytesIO()), 'vfs': vfs, 'fatfile': vf,
    }

def methods(o, under=True):
    out = []
    for n in dir(o):
        if n.startswith('__') or (not under and n.startswith('_')):
            continue
        try:
            v = getattr(o, n)
        except Exception:
            continue
        if callable(v):
            out.append(n)
    return out
