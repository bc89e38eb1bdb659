# uhashlib, spec 4.1.9: sha256, sha1, md5 constructors, update, digest, and hexdigest as CPython.
import hashlib

for algo in (hashlib.sha256, hashlib.sha1, hashlib.md5):
    # "Create an ... hasher object and optionally feed data into it."
    print(algo().digest())
    print(algo(b'').digest())
    print(algo(b'abc').digest())
    print(algo(bytearray(b'abc')).digest() == algo(memoryview(b'abc')).digest())
    # hash.update(data): "Feed more binary data into hash."
    h = algo()
    r = h.update(b'a')
    h.update(b'bc')
    print(r, h.digest() == algo(b'abc').digest())
    # hash.digest(): "Return hash for all data passed through hash, as a bytes object."
    h = algo(b'x' * 1000)
    d = h.digest()
    print(type(d), len(d), d == algo(b'x' * 1000).digest())
    h.update(b'more')
    print(h.digest() == algo(b'x' * 1000 + b'more').digest())
    # hexdigest (CPython)
    print(algo(b'The quick brown fox jumps over the lazy dog').hexdigest())
    print(algo(b'').hexdigest())
    # longer inputs crossing block boundaries
    for n in (55, 56, 63, 64, 65, 119, 120, 128, 1000):
        h = algo()
        for i in range(n):
            h.update(bytes([i & 255]))
        print(n, h.hexdigest() == algo(bytes(i & 255 for i in range(n))).hexdigest(), h.hexdigest()[:16])
    for bad in ('str', 1, None):
        try:
            algo(bad)
        except TypeError:
            print('TypeError')
        try:
            algo().update(bad)
        except TypeError:
            print('TypeError')
