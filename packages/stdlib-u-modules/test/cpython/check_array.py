# array, spec 4.1.2 (and CPython's array where the spec defers to it; spec 6.4.1 lists MicroPython's missing
# `in`, deletion and slice steps as differences, so they behave as CPython's here).
from array import array

# "Supported format codes: b, B, h, H, i, I, l, L, q, Q, f, d"
for tc, vals in (('b', [-128, 0, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [0, 65535]),
                 ('i', [-2**31, 2**31 - 1]), ('I', [0, 2**32 - 1]), ('l', [-2**31, 2**31 - 1]), ('L', [0, 2**32 - 1]),
                 ('q', [-2**63, 2**63 - 1]), ('Q', [0, 2**64 - 1]), ('f', [0.5, -1.25, 3.0]), ('d', [0.1, -2.5, 1e300])):
    a = array(tc, vals)
    print(a, a.typecode, a.itemsize, len(a), list(a), a.tolist() == list(a))
    print(bytes(a) == a.tobytes(), len(a.tobytes()) == len(a) * a.itemsize)
    # out of range values
    if tc not in 'fd':
        for bad in (min(vals) - 1, max(vals) + 1):
            try:
                array(tc, [bad])
            except OverflowError:
                print('OverflowError', tc)

# array(typecode[, iterable]): "If it is not provided, an empty array is created."
print(array('i'), array('d'), len(array('b')), array('b', range(5)), array('h', (x * x for x in range(4))))
print(array('h', b'\x01\x00\x02\x00'), array('b', bytearray(b'\x01\xff')), array('H', array('b', [1, 2])))
for bad in (('z',), ('bb',), (1,), ('b', 'str'), ('h', b'\x01'), ('b', [1.5]), ('b', ['x'])):
    try:
        array(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, repr(bad))

# append(val): "Append new element val to the end of array, growing it."
a = array('i')
for i in range(20):
    a.append(i * i)
print(a, len(a))
try:
    a.append('x')
except TypeError:
    print('TypeError')
# extend(iterable): "Append new elements as contained in iterable to the end of array, growing it."
a = array('h', [1])
a.extend([2, 3])
a.extend((4,))
a.extend(array('h', [5, 6]))
a.extend(x for x in (7, 8))
a.extend(a)
print(a)
try:
    a.extend(array('i', [1]))
except TypeError:
    print('TypeError')

# indexing, slicing (any step), assignment, deletion, in
a = array('i', range(10))
print(a[0], a[-1], a[3:7], a[::2], a[::-1], a[7:2:-2], a[100:], a[-100:2])
a[0] = 100
a[-1] = -100
a[2:4] = array('i', [20, 30, 31])
print(a)
a[::3] = array('i', [0, 0, 0, 0])
print(a)
del a[0]
del a[1:3]
del a[::2]
print(a, len(a))
print(31 in a, 32 in a, 'x' in a, 0.0 in array('d', [0.0]))
for bad in (lambda: a[100], lambda: a.__setitem__(100, 1), lambda: a.__delitem__(100)):
    try:
        bad()
    except IndexError:
        print('IndexError')
try:
    a[0:1] = [1, 2]
except TypeError:
    print('TypeError')
try:
    a[::2] = array('i', [1])
except ValueError:
    print('ValueError')

# +, +=, *, *=, comparisons
a = array('b', [1, 2])
print(a + array('b', [3]), a * 3, 2 * a, a * 0)
a += array('b', [9])
a *= 2
print(a)
print(array('b', [1, 2]) == array('b', [1, 2]), array('b', [1, 2]) == array('h', [1, 2]), array('b', [1]) != array('b', [2]))
print(array('b', [1, 2]) < array('b', [1, 3]), array('b', [1, 2]) > array('b', [1]), array('b', [1, 2]) == [1, 2])
try:
    array('b') + array('h')
except TypeError:
    print('TypeError')
try:
    hash(array('b'))
except TypeError:
    print('TypeError')

# frombytes/tobytes/fromlist, other methods
a = array('H')
a.frombytes(b'\x01\x00\x02\x01')
print(a, a.tobytes())
try:
    a.frombytes(b'\x01')
except ValueError:
    print('ValueError')
a.fromlist([7, 8])
print(a)
a.insert(0, 5)
a.insert(-1, 6)
a.insert(100, 9)
print(a, a.pop(), a.pop(0), a, a.index(7), a.count(7))
a.remove(7)
a.reverse()
print(a)
a.byteswap()
print(a)
print(array('b', [1]).buffer_info()[1])
for bad in (lambda: array('b').pop(), lambda: array('b', [1]).remove(5), lambda: array('b').index(1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)

# buffer protocol: bytes(), bytearray(), memoryview, struct
import struct
a = array('i', [1, -1, 256])
print(bytes(a), bytearray(a), struct.unpack('<3i', a), b'x' + array('b', [65, 66]))
m = memoryview(a)
print(len(m), m[1], m.tolist())
m[0] = 7
print(a)
f = array('f', [1.5, 0.1])
print(f, f[1], array('d', [1e-300, -0.0]))
