// Compile throughput (lines per second) on a large generated module, against CPython's compile() timed
// by python3 in the same run. Run with `node scripts/dev.mjs bench` (after a build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../dist/index.js';

/** A module exercising most of the grammar, `n` blocks of about 40 lines each. */
function generate(n) {
  const out = ['import sys', 'from micropython import const', '_K = const(1 << 4)', ''];
  for (let i = 0; i < n; i++) {
    out.push(
      `class Widget${i}(Base):`,
      `    """A widget."""`,
      `    count = 0`,
      `    def __init__(self, name, size=${i}, *args, flag=False, **kw):`,
      `        super().__init__(*args, **kw)`,
      `        self.name = name`,
      `        self.size = size + _K * 2`,
      `        self.items = [x * x for x in range(size) if x % 3 == 1]`,
      `        self.table = {k: v for k, v in kw.items()}`,
      `    def render(self, out):`,
      `        total = 0`,
      `        for i, item in enumerate(self.items):`,
      `            if item > 10 and not self.name.startswith("_"):`,
      `                total += item // 2`,
      `            elif item < 0:`,
      `                continue`,
      `            else:`,
      `                total -= 1`,
      `        try:`,
      `            out.write(f"{self.name}: {total:>8} {self.size!r}")`,
      `        except (OSError, ValueError) as e:`,
      `            print("error", e, file=sys.stderr)`,
      `        finally:`,
      `            self.count += 1`,
      `        with open("/tmp/x") as f:`,
      `            data = f.read()[1:-1:2]`,
      `        return lambda a, b=total: a + b if a else (yield_value := b)`,
      `def helper${i}(seq, key=None):`,
      `    def inner(x):`,
      `        nonlocal key`,
      `        return key(x) if key else x`,
      `    while seq:`,
      `        head, *rest = seq`,
      `        yield inner(head)`,
      `        seq = rest`,
      `    assert len(seq) == 0, "not empty"`,
      `    return {"a": 1, "b": [1, 2, 3], "c": (4.5, 0x1F, 0b101, 1e10)}`,
      '',
    );
  }
  return out.join('\n') + '\n';
}

const blocks = Number(process.env.BENCH_BLOCKS ?? 500);
const source = generate(blocks);
const lines = source.split('\n').length;

function bestOf(runs, fn) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const t = Number(process.hrtime.bigint() - t0) / 1e9;
    if (t < best) best = t;
  }
  return best;
}

// warm up the JIT, then measure
for (let i = 0; i < 3; i++) compile(source, { filename: 'bench.py' });
const ours = bestOf(7, () => compile(source, { filename: 'bench.py' }));

const dir = mkdtempSync(join(tmpdir(), 'mpy-ts-bench-'));
const file = join(dir, 'bench.py');
writeFileSync(file, source);
const py = spawnSync(
  'python3',
  [
    '-c',
    `import time,sys
src=open(sys.argv[1]).read()
for _ in range(2): compile(src,'bench.py','exec')
best=1e9
for _ in range(7):
    t=time.perf_counter(); compile(src,'bench.py','exec'); best=min(best,time.perf_counter()-t)
print(best)`,
    file,
  ],
  { encoding: 'utf8' },
);
rmSync(dir, { recursive: true, force: true });

const fmt = (s) => `${Math.round(lines / s).toLocaleString('en-US')} lines/s (${(s * 1000).toFixed(1)} ms)`;
console.log(`compile throughput on a generated ${lines}-line module`);
console.log(`  @mpy-ts/compiler: ${fmt(ours)}`);
if (py.status === 0) {
  const theirs = Number(py.stdout.trim());
  console.log(`  CPython compile(): ${fmt(theirs)}`);
  console.log(`  ratio: ${(ours / theirs).toFixed(2)}x CPython's time (goal: within 3x)`);
} else {
  console.log('  CPython: python3 not available, no baseline');
}
