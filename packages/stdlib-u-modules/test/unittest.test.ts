// unittest.main(): CPython's report on stderr, "OK" and exit status 0, or "FAILED (...)" and status 1, the
// summary the test-runner recognises (a line of 70 '-', "Ran N tests in T.TTTs", a blank line, the verdict).
import { describe, expect, it } from 'vitest';
import { run } from './python.js';

describe('unittest.main', () => {
  it('all passing: dots, the summary, OK, exit status 0', () => {
    const r = run('import unittest\nclass T(unittest.TestCase):\n    def test_a(self): pass\n    def test_b(self): self.assertEqual(2, 1 + 1)\nunittest.main()\n');
    expect(r.out).toMatch(/^\.\.\n-{70}\nRan 2 tests in \d+\.\d{3}s\n\nOK\n$/);
    expect(r.status).toBe(0);
  });

  it('a failure: F, its report, FAILED (failures=1), exit status 1', () => {
    const r = run('import unittest\nclass T(unittest.TestCase):\n    def test_a(self): self.assertEqual(1, 2)\n    @unittest.skip("x")\n    def test_b(self): pass\nif __name__ == "__main__":\n    unittest.main()\n');
    expect(r.out).toMatch(/^Fs\n={70}\nFAIL: test_a \(__main__\.T\.test_a\)\n-{70}\nTraceback \(most recent call last\):\n(.*\n)*AssertionError: 1 != 2\n\n-{70}\nRan 2 tests in \d+\.\d{3}s\n\nFAILED \(failures=1, skipped=1\)\n$/);
    expect(r.status).toBe(1);
  });

  it('main(exit=False) returns the result; verbosity=2 names each test', () => {
    const r = run('import unittest\nclass T(unittest.TestCase):\n    def test_a(self): pass\nres = unittest.main(exit=False, verbosity=2)\nprint(res.wasSuccessful(), res.testsRun)\n');
    expect(r.out).toMatch(/^test_a \(__main__\.T\.test_a\) \.\.\. ok\n\n-{70}\nRan 1 test in \d+\.\d{3}s\n\nOK\nTrue 1\n$/);
  });
});
