# ustruct, spec 4.1.18, line by line. Native ('@') sizes are left out where CPython (LP64 here) and a
# 32-bit board differ (l, L, n, N, P); standard sizes ('<', '>', '!', '=') everywhere else.
import struct

# "Supported size/byte order prefixes: @, <, >, !." and format codes b B h H i I l L q Q s P f d
for fmt in ('b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd', 'e', '?', 'c', 'x', 's', '5s', 'p', '3p'):
    print(fmt, struct.calcsize(fmt), struct.calcsize('<' + fmt), struct.calcsize('>' + fmt), struct.calcsize('!' + fmt), struct.calcsize('=' + fmt))
for fmt in ('<l', '>L', '!l', '=L'):
    print(fmt, struct.calcsize(fmt))

# calcsize(fmt): "Return the number of bytes needed to store the given fmt." (native alignment)
for fmt in ('bi', 'ib', 'bh', 'bq', 'bd', 'hbi', '3b', '2h3i', 'b0i', '10s', '0s', 'bxhxi', '', ' b h ', '<bi', '>qb'):
    print(repr(fmt), struct.calcsize(fmt))
print(struct.calcsize(b'<ii'))

# pack(fmt, v1, v2, ...): "The return value is a bytes object encoding the values."
print(struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1))
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1))
print(struct.pack('!hH', 0x1234, 0x5678))
print(struct.pack('<fd', 1.5, -2.25), struct.pack('>fd', 1.5, -2.25), struct.pack('<e', 0.5))
print(struct.pack('<3s5s', b'abcdef', b'xy'), struct.pack('<5p', b'abc'), struct.pack('c?', b'z', []))
print(struct.pack('<i', True), struct.pack('<d', 3), struct.pack('<2hxb', 1, 2, 3))
print(struct.pack('@bi', 1, 2), struct.pack('@hq', 1, 2))

# unpack(fmt, data): "The return value is a tuple of the unpacked values."
print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1)))
print(struct.unpack('>hH', b'\xff\xfe\x00\x01'), struct.unpack('<fd', struct.pack('<fd', 1.5, -2.25)))
print(struct.unpack('<3sxc?', b'abc\x00z\x02'), struct.unpack('<5p', b'\x03abcd'))
print(struct.unpack('<i', bytearray(b'\x01\x00\x00\x80')), struct.unpack('<h', memoryview(b'\x00\x01')))
for fmt, vals in (('<q', (-2**63,)), ('<Q', (2**64 - 1,)), ('>i', (-2**31,)), ('<H', (65535,)), ('!f', (0.1,))):
    print(fmt, struct.unpack(fmt, struct.pack(fmt, *vals)))

# pack_into(fmt, buffer, offset, v1, ...): "offset may be negative to count from the end of buffer"
buf = bytearray(12)
print(struct.pack_into('<hh', buf, 2, 1, -1), buf)
struct.pack_into('>i', buf, -4, 0x01020304)
print(buf)
struct.pack_into('<b', buf, -12, 7)
print(buf)

# unpack_from(fmt, data, offset=0): "offset may be negative to count from the end of buffer"
data = bytes(range(16))
print(struct.unpack_from('<i', data), struct.unpack_from('<i', data, 4), struct.unpack_from('<i', data, -4))
print(struct.unpack_from('>2h', data, 10), struct.unpack_from('<b', data, -16), struct.unpack_from('<b', data, 15))
print(struct.unpack_from('<i', data, offset=8))

# errors: wrong argument counts (spec 6.4.5: checked, as CPython), ranges, types, buffer sizes
for args in (('bb', 1), ('bb', 1, 2, 3), ('b',), ('', 1)):
    try:
        struct.pack(*args)
    except struct.error as e:
        print('struct.error', e)
for fmt, v in (('b', 128), ('b', -129), ('B', -1), ('h', 2**15), ('<I', 2**32), ('<Q', -1), ('<q', 2**63)):
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print('struct.error', e)
for fmt, v in (('b', 1.0), ('i', 'x'), ('f', 'x'), ('s', 'str'), ('c', b'ab'), ('c', 1)):
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print('struct.error', e)
for fmt in ('z', '3', '<<i', 'i#'):
    try:
        struct.calcsize(fmt)
    except struct.error as e:
        print('struct.error', e)
for data in (b'', b'\x01\x02\x03', b'\x01\x02\x03\x04\x05'):
    try:
        struct.unpack('<i', data)
    except struct.error as e:
        print('struct.error', e)
for off in (9, -3, -13, 13):
    try:
        struct.unpack_from('<i', bytes(12), off)
    except struct.error as e:
        print('struct.error', e)
    try:
        struct.pack_into('<i', bytearray(12), off, 1)
    except struct.error as e:
        print('struct.error', e)
try:
    struct.pack_into('<i', b'immutable', 0, 1)
except TypeError:
    print('TypeError')
try:
    struct.unpack('<i', 'text')
except TypeError:
    print('TypeError')
print(issubclass(struct.error, Exception))

# Struct objects (CPython)
s = struct.Struct('<hi')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
