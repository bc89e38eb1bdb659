# sys.version_info is a struct sequence (a tuple with named fields); mpy-ts keeps MicroPython's values,
# so this snippet compares the shape of CPython's, not the numbers
import sys
v = sys.version_info
t = type(v)
print(isinstance(v, tuple), t.__name__, t.__qualname__, t.__module__, issubclass(t, tuple))
print(v.major == v[0], v.minor == v[1], v.micro == v[2], v.releaselevel, v.serial)
print(v[:3] == (v.major, v.minor, v.micro), type(v[:2]).__name__, type(v[:2]) is tuple)
print(v >= (3,), v > (2, 7), v < (4, 0), v == tuple(v), (3,) <= v, v != (1, 2))
print(repr(v).startswith('sys.version_info(major=%d, minor=%d, micro=%d' % (v.major, v.minor, v.micro)))
print(str(v) == repr(v), hash(v) == hash(tuple(v)), list(v)[:3] == [v.major, v.minor, v.micro], len(v) >= 3)
print('%d.%d' % v[:2] == '%d.%d' % (v.major, v.minor), '{0[0]}'.format(v) == str(v.major))
major, minor, micro = v[:3]
print(major == v.major, micro == v.micro)
for bad in ['t()', 't((1, 2, 3))', 'v.__setattr__("major", 1)']:
    try:
        eval(bad)
        print('no error', bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
try:
    v.major = 1
except AttributeError as e:
    print('AttributeError')
print(v.n_sequence_fields >= 3, v.n_fields, v.n_unnamed_fields)
iv = sys.implementation.version
print(type(iv) is t, iv.major == iv[0], iv[:2] == (iv.major, iv.minor))
