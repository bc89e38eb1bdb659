# urandom: seeded sequences are CPython's (same generator and seeding); the documented functions
# getrandbits seed randint randrange choice random uniform, and their errors.
import random

for seed in (0, 1, 42, 2**32 + 5, -7, 2**100 + 3, 'text', b'bytes'):
    random.seed(seed)
    print(repr(seed)[:20], [random.getrandbits(k) for k in (1, 5, 8, 16, 31, 32, 33, 64, 100)])
    print(random.random(), random.random())
    print([random.randrange(10) for _ in range(5)], [random.randrange(-5, 5) for _ in range(5)])
    print([random.randrange(0, 100, 7) for _ in range(5)], [random.randrange(10, 0, -3) for _ in range(5)])
    print([random.randint(1, 6) for _ in range(10)], random.randint(-2**70, 2**70))
    print([random.choice('abcdefg') for _ in range(5)], random.choice([1, 2, 3]), random.choice((9,)))
    print(random.uniform(0, 1), random.uniform(-10, 10), random.uniform(5, 5), random.uniform(3, -3))
print(random.getrandbits(0))
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
print(a == [random.random() for _ in range(3)])

for f, args in ((random.randrange, (0,)), (random.randrange, (3, 3)), (random.randrange, (1, 5, 0)),
                (random.randrange, (5, 1)), (random.randrange, (1, 5, -1)), (random.randint, (2, 1)),
                (random.getrandbits, (-1,))):
    try:
        f(*args)
    except ValueError:
        print('ValueError', f.__name__, args)
for seq in ([], (), ''):
    try:
        random.choice(seq)
    except IndexError:
        print('IndexError', repr(seq))
for f, args in ((random.randint, (1, 'x')), (random.getrandbits, (2.0,)), (random.uniform, ('a', 1))):
    try:
        f(*args)
    except TypeError:
        print('TypeError', f.__name__)
