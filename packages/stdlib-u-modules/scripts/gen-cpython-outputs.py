#!/usr/bin/env python3
"""Regenerate test/cpython/*.py.exp: the output of CPython 3 running each test/cpython/*.py program.

Run by hand after adding or changing a program (python3 scripts/gen-cpython-outputs.py [NAME...]).
The programs use the plain module names (json, struct, ...), which mpy-ts weak-links to its u-modules,
and print only what CPython and MicroPython are meant to agree on. test/cpython.test.ts runs each
program in the VM and compares its output with the .exp byte for byte. Nothing runs python3 at test time.
"""
import os
import subprocess
import sys

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'cpython')
names = sys.argv[1:] or sorted(f for f in os.listdir(here) if f.endswith('.py'))
for name in names:
    if not name.endswith('.py'):
        name += '.py'
    r = subprocess.run([sys.executable, name], cwd=here, capture_output=True,
                       env={**os.environ, 'PYTHONHASHSEED': '0', 'PYTHONIOENCODING': 'utf-8'})
    if r.returncode != 0:
        sys.stderr.write(f'{name} failed:\n{r.stderr.decode()}')
        sys.exit(1)
    with open(os.path.join(here, name + '.exp'), 'wb') as f:
        f.write(r.stdout)
    print(f'{name}: {len(r.stdout.splitlines())} lines')
