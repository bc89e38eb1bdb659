# uio, spec 4.1.11: StringIO and BytesIO ("All the usual file methods like read(), write(), seek(), flush(),
# close() are available on these objects, and additionally getvalue()"), open, IOBase subclasses.
import io

# StringIO([string]) / BytesIO([string]): "Initial contents ... can be specified with string parameter"
for cls, init, nl in ((io.StringIO, 'hello\nworld\nlast', '\n'), (io.BytesIO, b'hello\nworld\nlast', b'\n')):
    f = cls(init)
    print(f.tell(), f.read(3), f.tell(), f.read(0), f.read(100), f.tell(), f.read(), f.read(5))
    print(f.seek(0), f.readline(), f.readline(2), f.readline(), f.readline(), f.readline())
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f), [line for line in cls(init)])
    f.seek(6)
    print(f.read(5), f.seek(len(init) - 4), f.read(), f.seek(0, 1), f.seek(0, 2))
    # write() overwrites at the position and extends the buffer
    f.seek(2)
    print(f.write(init[:3]), f.getvalue(), f.tell())
    f.seek(0, 2)
    f.write(nl)
    print(f.getvalue())
    g = cls()
    print(repr(g.getvalue()), repr(g.read()), g.tell())
    for piece in (init[:1], init[1:4], init[4:]):
        g.write(piece)
    print(g.getvalue() == init, g.tell(), g.read())
    print(g.flush(), g.readable(), g.writable(), g.seekable(), g.closed)
    # close(): later operations raise ValueError
    print(g.close(), g.closed)
    for op in (g.read, g.getvalue, lambda: g.write(init), g.tell, lambda: g.seek(0), g.readline):
        try:
            op()
            print('no error')
        except ValueError:
            print('ValueError')
    print(g.close())
    # context manager
    with cls(init) as h:
        print(h.read(2), h.closed)
    print(h.closed)

# BytesIO specifics
b = io.BytesIO(b'0123456789')
print(b.seek(-4, 2), b.read(2), b.seek(-3, 1), b.read(1), b.seek(2, 1), b.read())
b = io.BytesIO()
print(b.seek(5), b.write(b'xy'), b.getvalue())
b = io.BytesIO(bytearray(b'abc'))
print(b.getvalue(), io.BytesIO(memoryview(b'mv')).getvalue())
buf = bytearray(4)
b = io.BytesIO(b'123456')
print(b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf))
b = io.BytesIO()
print(b.write(bytearray(b'ba')), b.write(memoryview(b'mv')), b.getvalue())
data = b'immutable source'
b = io.BytesIO(data)
b.write(b'IM')
print(b.getvalue(), data)
for bad in ('str', 1.5):
    try:
        io.BytesIO().write(bad)
    except TypeError:
        print('TypeError')
try:
    io.BytesIO('str')
except TypeError:
    print('TypeError')

# StringIO specifics
s = io.StringIO('h\u00e9llo \U0001f600 w\u00f6rld')
print(s.read(3), s.tell(), s.read(4), s.tell(), s.read())
s.seek(7)
print(s.read(1), s.tell())
s = io.StringIO()
print(s.write('caf\u00e9'), s.write('\U0001f600'), s.tell(), s.getvalue())
for bad in (b'bytes', 1):
    try:
        io.StringIO().write(bad)
    except TypeError:
        print('TypeError')
try:
    io.StringIO(b'x')
except TypeError:
    print('TypeError')

# print() and the file argument
s = io.StringIO()
print('a', 1, [2], sep='-', end='!\n', file=s)
print(file=s)
print(s.getvalue())

# IOBase subclasses: print() calls write()
class Upper(io.IOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

u = Upper()
print('hello', 'world', file=u)
print(u.parts, isinstance(u, io.IOBase), issubclass(io.StringIO, io.IOBase), issubclass(io.BytesIO, io.IOBase))
with Upper() as u2:
    print('in with', file=u2)
print(u2.parts)

# open(name, mode): the builtin open
print(io.open is not None)
with io.open('check_io.tmp', 'w') as f:
    print(f.write('line 1\nline 2\n'))
with io.open('check_io.tmp') as f:
    print(f.read())
with io.open('check_io.tmp', 'rb') as f:
    print(f.read(4), f.readline())
try:
    import os
    os.remove('check_io.tmp')
except (ImportError, AttributeError):
    pass
