#!/usr/bin/env python3
"""Generate test/fixtures/libm-cpython.json: what CPython (on glibc) returns for math functions on everyday
arguments (short decimals, small integers, uniform random values), as float.hex strings.

Run once (python3 tools/gen-libm-table.py); test/libm.test.ts compares src/modules/libm.ts with the
committed table, so no python3 is needed at test time.
"""
import json
import math
import os
import random

random.seed(20240611)
pos = ([i / 10 for i in range(1, 121)] + [i / 100 for i in range(1, 101)] + [float(i) for i in range(1, 41)]
       + [random.uniform(0, 10) for _ in range(100)] + [random.uniform(0, 700) for _ in range(40)])
sym = pos + [-x for x in pos[::4]]
unit = [random.uniform(-1, 1) for _ in range(150)] + [i / 100 for i in range(-99, 100)]
one = {
    'exp': (math.exp, sym), 'log': (math.log, pos), 'log2': (math.log2, pos), 'log10': (math.log10, pos),
    'sin': (math.sin, sym), 'cos': (math.cos, sym), 'tan': (math.tan, sym), 'atan': (math.atan, sym),
    'asin': (math.asin, unit), 'acos': (math.acos, unit), 'sinh': (math.sinh, sym), 'cosh': (math.cosh, sym),
    'asinh': (math.asinh, sym), 'acosh': (math.acosh, [x + 1 for x in pos]), 'exp2': (math.exp2, sym),
    'gamma': (math.gamma, [x for x in sym if x < 170]), 'lgamma': (math.lgamma, sym),
}
out = {}
for name, (f, xs) in one.items():
    rows = []
    for x in xs:
        try:
            rows.append([x.hex(), f(x).hex()])
        except (ValueError, OverflowError):
            pass
    out[name] = rows
bases = [1.1, 1.5, 1.7, 2.0, 2.5, 3.0, 10.0, 0.3, 0.9, 7.25]
exps = [0.5, 1.5, 2.5, 3.0, 4.0, -0.5, -2.0, 1 / 3, 0.1, 10.0, 0.75, -1.5]
pw = []
for b in bases + [random.uniform(0, 20) for _ in range(20)]:
    for e in exps + [random.uniform(-5, 5) for _ in range(5)]:
        pw.append([b.hex(), e.hex(), (b ** e).hex()])
out['pow'] = pw
two = []
for _ in range(300):
    y, x = random.uniform(-10, 10), random.uniform(-10, 10)
    two.append([y.hex(), x.hex(), math.atan2(y, x).hex(), math.hypot(y, x, 1.5).hex()])
out['atan2_hypot3'] = two
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'libm-cpython.json')
with open(path, 'w') as fh:
    json.dump(out, fh, separators=(',', ':'))
    fh.write('\n')
print({k: len(v) for k, v in out.items()})
