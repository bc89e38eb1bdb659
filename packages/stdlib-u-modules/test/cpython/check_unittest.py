# unittest: TestCase, the assert methods, skips, expected failures, subTest, setUp/tearDown and the
# class-level pair, TestSuite/TestLoader/TextTestRunner, and the report's format (timings masked, and the
# traceback details left out, where CPython's and MicroPython's formats differ).
import io
import unittest

log = []


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)

    def tearDown(self):
        log.append('tearDown ' + self._testMethodName)

    def test_a(self):
        log.append('a')

    def test_b(self):
        log.append('b')


class Asserts(unittest.TestCase):
    def test_pass(self):
        self.assertEqual([1, 2], [1, 2])
        self.assertNotEqual(1, 2)
        self.assertTrue(1)
        self.assertFalse(0)
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(1, (1, 2))
        self.assertNotIn(3, (1, 2))
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertAlmostEqual(1.0, 1.00000001)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex('hello world', 'w.r')
        with self.assertRaises(ZeroDivisionError) as cm:
            1 // 0
        self.assertIsInstance(cm.exception, ZeroDivisionError)
        self.assertRaises(KeyError, {}.__getitem__, 'k')
        with self.assertRaisesRegex(ValueError, 'bad'):
            raise ValueError('a bad value')

    def test_fail_equal(self):
        self.assertEqual(1, 2)

    def test_fail_msg(self):
        self.assertTrue(False, 'custom message')

    def test_error(self):
        raise RuntimeError('boom')

    def test_raises_not_raised(self):
        with self.assertRaises(ValueError):
            pass

    @unittest.skip('not today')
    def test_skip(self):
        raise RuntimeError('not run')

    @unittest.skipIf(True, 'condition')
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, 'runs')
    def test_skip_unless(self):
        pass

    def test_skip_test(self):
        self.skipTest('from inside')

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)


def show(suite):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    lines = stream.getvalue().split('\n')
    for line in lines:
        if line.endswith(('... ok', '... FAIL', '... ERROR', "... skipped 'not today'", "... skipped 'condition'",
                          "... skipped 'from inside'", '... expected failure', '... unexpected success')):
            print(line)
        elif line.startswith(('FAIL:', 'ERROR:', 'OK', 'FAILED', '---', '===')):
            print(line)
        elif line.startswith('Ran '):
            print(line.split(' in ')[0])
        elif line.startswith('AssertionError') or line.startswith('RuntimeError'):
            print(line)
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())


loader = unittest.TestLoader()
show(loader.loadTestsFromTestCase(Fixtures))
print(log)
show(loader.loadTestsFromTestCase(Asserts))
suite = unittest.TestSuite()
suite.addTest(Asserts('test_pass'))
suite.addTests([Fixtures('test_b')])
print(suite.countTestCases())
show(suite)
print(loader.getTestCaseNames(Fixtures))
