#!/usr/bin/env python3
"""Generate test/fixtures/format-cpython.json: format(), str.format-style specs and printf-style `%`
formatting of ints, floats, strings and complex numbers, with CPython's outputs (or exception types).

Each case is [kind, value(s), spec or format string, output or {"error": type name}] where kind is
'format' (format(value, spec)) or 'percent' (fmt % tuple(values)). Run once
(python3 tools/gen-format-table.py); the JSON is committed and the unit test
(src/format.test.ts) replays it against the VM, so no python3 is needed at test time. The cases are a
seeded random sample of the spec grammar plus fixed edge cases, so re-running gives the same file.
"""
import json
import math
import os
import random
import struct

rng = random.Random(20240501)

INTS = [0, 1, -1, 7, 42, -42, 255, 1000, 1234567, -1234567, 2**31, 2**53 + 1, 10**20, -(10**25) - 3, 2**100]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.125, 0.375, 2.675, 1/3, 123.456, -123.456, 1234567.891,
          1e16, 1e15, 1.23456789e-7, 9.999999, 9.9999999, 0.00001234, 1e100, -1e-100, 5e-324, 1.7976931348623157e308,
          float('inf'), float('-inf'), float('nan'), 100.0, 99.5, 0.05, 1e22, 123456789012345678.0, 4.35, 1e-5]
STRS = ['', 'a', 'hello', 'héllo', 'x😀y', 'abcdefghijkl']
COMPLEX = [0j, 1 + 2j, -1.5 - 2.25j, complex(1e20, -3), complex(0.1, 0.2), complex(float('inf'), float('nan'))]

FILLALIGN = ['', '<', '>', '^', '=', '*<', '*>', '*^', '0=', '0>', 'x=', ' ^']
SIGNS = ['', '+', '-', ' ']
WIDTHS = ['', '1', '8', '15', '25']
GROUPS = ['', ',', '_']
PRECS = ['', '.0', '.1', '.2', '.3', '.6', '.12', '.17', '.25']
INT_TYPES = ['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', 'e', 'f', 'g', '%', 'E', 'G', 'F']
FLOAT_TYPES = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']
STR_TYPES = ['', 's']
COMPLEX_TYPES = ['', 'e', 'f', 'g', 'E', 'F', 'G']


def enc(v):
    if isinstance(v, bool):
        return ['bool', v]
    if isinstance(v, int):
        return ['int', str(v)]
    if isinstance(v, float):
        return ['float', repr(v)]  # repr round-trips; inf/-inf/nan spelled as Python does
    if isinstance(v, complex):
        return ['complex', repr(v.real), repr(v.imag)]
    if isinstance(v, str):
        return ['str', v]
    raise TypeError(v)


def outcome(f):
    try:
        return f()
    except Exception as e:  # the exception type is what must match
        return {'error': type(e).__name__}


def rand_spec(types):
    return (rng.choice(FILLALIGN) + rng.choice(SIGNS) + rng.choice(['', '', '#']) + rng.choice(['', '', '0'])
            + rng.choice(WIDTHS) + rng.choice(GROUPS) + rng.choice(PRECS) + rng.choice(types))


cases = []
seen = set()


def add_format(v, spec):
    key = (repr(v), type(v).__name__, spec)
    if key in seen:
        return
    seen.add(key)
    cases.append(['format', enc(v), spec, outcome(lambda: format(v, spec))])


for pool, types, n in ((INTS, INT_TYPES, 1500), (FLOATS, FLOAT_TYPES, 2500), (STRS, STR_TYPES, 300), (COMPLEX, COMPLEX_TYPES, 300),
                       ([True, False], INT_TYPES, 100)):
    for v in pool:
        for t in types:
            add_format(v, t)
    for _ in range(n):
        add_format(rng.choice(pool), rand_spec(types))

# precision sweeps for the float conversions (rounding of every digit count)
for v in FLOATS:
    if math.isfinite(v):
        for t in 'efg%':
            for p in (0, 1, 2, 3, 5, 8, 10, 15, 16, 17, 20, 30):
                add_format(v, f'.{p}{t}')
for _ in range(800):
    m = rng.choice([rng.uniform(-1, 1), rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randint(-30, 30),
                    struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0]])
    if math.isnan(m):
        continue
    add_format(m, f'.{rng.randint(0, 20)}{rng.choice("eEfFgG%")}')
    add_format(m, '')
    add_format(m, rng.choice(['', 'r']) and f'.{rng.randint(1, 17)}')

# printf-style
PCT_FLAGS = ['', '-', '+', ' ', '#', '0', '-0', '+0', '#0', '- ', '+#']
PCT_WIDTH = ['', '1', '6', '12', '*']
PCT_PREC = ['', '.0', '.2', '.5', '.*', '.10']


def add_pct(fmt, args):
    key = (fmt, repr(args))
    if key in seen:
        return
    seen.add(key)
    cases.append(['percent', [enc(a) for a in args], fmt, outcome(lambda: fmt % tuple(args))])


for _ in range(2000):
    conv = rng.choice('diouxXeEfFgGcsra')
    fl = rng.choice(PCT_FLAGS)
    w = rng.choice(PCT_WIDTH)
    p = rng.choice(PCT_PREC)
    args = []
    if w == '*':
        args.append(rng.choice([-7, 0, 5, 9]))
    if p == '.*':
        args.append(rng.choice([0, 1, 3, 8]))
    if conv in 'diouxXc':
        v = rng.choice(INTS[:10] + [65, 0x1F600])
    elif conv in 'eEfFgG':
        v = rng.choice(FLOATS + INTS[:6])
    else:
        v = rng.choice(STRS + INTS[:4] + FLOATS[:6])
    args.append(v)
    add_pct('%' + fl + w + p + conv, args)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'test', 'fixtures', 'format-cpython.json'), 'w') as f:
    f.write('{"generator": "tools/gen-format-table.py", "python": "%s",\n"cases": [\n' % __import__('sys').version.split()[0])
    f.write(',\n'.join(json.dumps(c, ensure_ascii=False, separators=(',', ':')) for c in cases))
    f.write('\n]}\n')
print(len(cases), 'cases')
