#!/usr/bin/env python3
"""Generate test/numtext/*.py.exp: what CPython prints for each numbers-and-text snippet.

Run once after changing a snippet (python3 tools/gen-numtext-exp.py); the .exp files are committed and
test/numtext.test.ts compares the VM's output with them, so no python3 is needed at test time. The
snippets avoid what legitimately differs (addresses, str hashes, libm's last bits).
"""
import glob
import os
import subprocess
import sys

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'numtext')
for path in sorted(glob.glob(os.path.join(here, '[a-z]*.py'))):
    r = subprocess.run([sys.executable, os.path.basename(path)], cwd=here, capture_output=True,
                       env={**os.environ, 'PYTHONIOENCODING': 'utf-8', 'PYTHONDONTWRITEBYTECODE': '1'})
    if r.returncode != 0:
        sys.exit(f'{path} failed under CPython:\n{r.stderr.decode()}')
    with open(path + '.exp', 'wb') as f:  # bytes: the output contains bare \r
        f.write(r.stdout)
    print(os.path.basename(path), r.stdout.count(b'\n'), 'lines')
