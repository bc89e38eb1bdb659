#!/usr/bin/env python3
"""Generate test/vmaudit/*.py.exp: what CPython prints for each VM-audit snippet.

Run once after changing a snippet (python3 tools/gen-vmaudit-exp.py); the .exp files are committed and
test/vmaudit.test.ts compares the VM's output with them, so no python3 is needed at test time. A snippet
NAME.py may have a folder NAME.d/ of support files (modules, packages): they are copied beside the
snippet into a scratch directory for CPython, and into the root of the VM's in-memory filesystem for the
test. The snippets avoid what legitimately differs (addresses, str hashes, class reprs, traceback text).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'vmaudit')
for path in sorted(glob.glob(os.path.join(here, '[a-z]*.py'))):
    name = os.path.basename(path)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, os.path.join(tmp, 'test.py'))
        support = path[:-3] + '.d'
        if os.path.isdir(support):
            shutil.copytree(support, tmp, dirs_exist_ok=True)
        r = subprocess.run([sys.executable, 'test.py'], cwd=tmp, capture_output=True,
                           env={**os.environ, 'PYTHONIOENCODING': 'utf-8', 'PYTHONDONTWRITEBYTECODE': '1'})
    if r.returncode != 0:
        sys.exit(f'{path} failed under CPython:\n{r.stderr.decode()}')
    with open(path + '.exp', 'wb') as f:
        f.write(r.stdout)
    print(name, r.stdout.count(b'\n'), 'lines')
