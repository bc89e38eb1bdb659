# unittest: the subset of CPython's unittest that MicroPython programs use, written for mpy-ts.
# TestCase with setUp/tearDown (and the class-level pair), the assert methods, skipTest and subTest; the
# skip/skipIf/skipUnless/expectedFailure decorators; TestSuite, TestLoader, TextTestRunner, TestResult;
# and main(), which prints CPython's report and summary ("Ran N tests in T.TTTs", then "OK" or
# "FAILED (failures=N, errors=M)") and exits with status 1 when something failed.

import sys

try:
    from time import ticks_ms as _ticks, ticks_diff as _ticks_diff
except ImportError:
    from time import time as _time

    def _ticks():
        return int(_time() * 1000)

    def _ticks_diff(a, b):
        return a - b


class SkipTest(Exception):
    pass


class _ExpectedFailure(Exception):
    pass


class _AssertRaisesContext:
    def __init__(self, exc, regex=None):
        self.expected = exc
        self.regex = regex
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        name = getattr(self.expected, "__name__", str(self.expected))
        if exc_type is None:
            raise AssertionError("%s not raised" % name)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.regex is not None:
            import re

            if not re.search(self.regex, str(exc_value)):
                raise AssertionError('"%s" does not match "%s"' % (self.regex, str(exc_value)))
        return True


class _SubTest:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            return False
        desc = ""
        if self.msg is not None:
            desc += "[%s]" % (self.msg,)
        if self.params:
            desc += " (%s)" % ", ".join("%s=%r" % (k, v) for k, v in sorted(self.params.items()))
        self.case._subtest_failures.append((desc.strip(), exc_type, exc_value))
        return True


def _safe_repr(x):
    try:
        return repr(x)
    except Exception:
        return object.__repr__(x)


class TestCase:
    failureException = AssertionError
    longMessage = True

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._subtest_failures = []

    def id(self):
        return "%s.%s.%s" % (type(self).__module__, type(self).__qualname__, self._testMethodName)

    def __str__(self):
        return "%s (%s.%s.%s)" % (self._testMethodName, type(self).__module__, type(self).__qualname__, self._testMethodName)

    def __repr__(self):
        return "<%s.%s testMethod=%s>" % (type(self).__module__, type(self).__qualname__, self._testMethodName)

    def shortDescription(self):
        return None

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def __call__(self, result=None):
        return self.run(result)

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
        method = getattr(self, self._testMethodName)
        result.startTest(self)
        try:
            skip = getattr(type(self), "__unittest_skip__", None) or getattr(method, "__unittest_skip__", None)
            if skip:
                result.addSkip(self, skip)
                return result
            expecting = getattr(method, "__unittest_expecting_failure__", False)
            self._subtest_failures = []
            try:
                self.setUp()
            except SkipTest as e:
                result.addSkip(self, str(e))
                return result
            except BaseException as e:
                if isinstance(e, (KeyboardInterrupt, SystemExit)):
                    raise
                result.addError(self, e)
                return result
            outcome = None
            error = None
            try:
                method()
            except SkipTest as e:
                outcome = "skip"
                error = e
            except self.failureException as e:
                outcome = "fail"
                error = e
            except BaseException as e:
                if isinstance(e, (KeyboardInterrupt, SystemExit)):
                    raise
                outcome = "error"
                error = e
            try:
                self.tearDown()
            except BaseException as e:
                if isinstance(e, (KeyboardInterrupt, SystemExit)):
                    raise
                if outcome is None:
                    outcome = "error"
                    error = e
            for desc, exc_type, exc_value in self._subtest_failures:
                if issubclass(exc_type, self.failureException):
                    result.addSubTestFailure(self, desc, exc_value)
                else:
                    result.addSubTestError(self, desc, exc_value)
            if outcome is None and self._subtest_failures:
                outcome = "subtests"
            if expecting:
                if outcome in ("fail", "error", "subtests"):
                    result.addExpectedFailure(self, error)
                elif outcome == "skip":
                    result.addSkip(self, str(error))
                else:
                    result.addUnexpectedSuccess(self)
            elif outcome == "skip":
                result.addSkip(self, str(error))
            elif outcome == "fail":
                result.addFailure(self, error)
            elif outcome == "error":
                result.addError(self, error)
            elif outcome is None:
                result.addSuccess(self)
        finally:
            result.stopTest(self)
        return result

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _fail(self, standard, msg):
        if msg is None:
            raise self.failureException(standard)
        raise self.failureException("%s : %s" % (standard, msg))

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail("%s != %s" % (_safe_repr(first), _safe_repr(second)), msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail("%s == %s" % (_safe_repr(first), _safe_repr(second)), msg)

    def assertTrue(self, x, msg=None):
        if not x:
            self._fail("%s is not true" % _safe_repr(x), msg)

    def assertFalse(self, x, msg=None):
        if x:
            self._fail("%s is not false" % _safe_repr(x), msg)

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self._fail("%s is not %s" % (_safe_repr(first), _safe_repr(second)), msg)

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self._fail("unexpectedly identical: %s" % _safe_repr(first), msg)

    def assertIsNone(self, x, msg=None):
        if x is not None:
            self._fail("%s is not None" % _safe_repr(x), msg)

    def assertIsNotNone(self, x, msg=None):
        if x is None:
            self._fail("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail("%s not found in %s" % (_safe_repr(member), _safe_repr(container)), msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail("%s unexpectedly found in %s" % (_safe_repr(member), _safe_repr(container)), msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail("%s is not an instance of %r" % (_safe_repr(obj), cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail("%s is an instance of %r" % (_safe_repr(obj), cls), msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail("%s not greater than %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail("%s not greater than or equal to %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail("%s not less than %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail("%s not less than or equal to %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (_safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (_safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self._fail(standard, msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (_safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%s == %s within %r places" % (_safe_repr(first), _safe_repr(second), places)
        self._fail(standard, msg)

    def assertCountEqual(self, first, second, msg=None):
        a = list(first)
        b = list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                self._fail("Element counts were not equal", msg)
        if b:
            self._fail("Element counts were not equal", msg)

    def assertRegex(self, text, regex, msg=None):
        import re

        if not re.search(regex, text):
            self._fail("Regex didn't match: %r not found in %r" % (regex, text), msg)

    def assertNotRegex(self, text, regex, msg=None):
        import re

        m = re.search(regex, text)
        if m:
            self._fail("Regex matched: %r matches %r in %r" % (m.group(0), regex, text), msg)

    def assertRaises(self, exc, func=None, *args, **kwargs):
        ctx = _AssertRaisesContext(exc)
        if func is None:
            return ctx
        with ctx:
            func(*args, **kwargs)

    def assertRaisesRegex(self, exc, regex, func=None, *args, **kwargs):
        ctx = _AssertRaisesContext(exc, regex)
        if func is None:
            return ctx
        with ctx:
            func(*args, **kwargs)

    def assertWarns(self, warn, func=None, *args, **kwargs):
        # MicroPython has no warnings filter to catch: the code just runs
        if func is None:
            return _NullContext()
        return func(*args, **kwargs)

    assertEquals = assertEqual
    assertNotEquals = assertNotEqual
    assert_ = assertTrue


class _NullContext:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class FunctionTestCase(TestCase):
    def __init__(self, func, setUp=None, tearDown=None, description=None):
        super().__init__("runTest")
        self._func = func
        self._set_up = setUp
        self._tear_down = tearDown

    def setUp(self):
        if self._set_up is not None:
            self._set_up()

    def tearDown(self):
        if self._tear_down is not None:
            self._tear_down()

    def runTest(self):
        self._func()

    def __str__(self):
        return "%s (%s)" % (type(self).__name__, self._func.__name__)


def skip(reason):
    def deco(obj):
        obj.__unittest_skip__ = reason
        return obj

    return deco


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda obj: obj


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda obj: obj


def expectedFailure(func):
    func.__unittest_expecting_failure__ = True
    return func


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=0):
        self.errors = []
        self.failures = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def addSuccess(self, test):
        pass

    def addError(self, test, err):
        self.errors.append((test, err))

    def addFailure(self, test, err):
        self.failures.append((test, err))

    def addSubTestFailure(self, test, desc, err):
        self.failures.append((_SubTestRecord(test, desc), err))

    def addSubTestError(self, test, desc, err):
        self.errors.append((_SubTestRecord(test, desc), err))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, err))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return not self.errors and not self.failures and not self.unexpectedSuccesses

    def stop(self):
        self.shouldStop = True

    def __repr__(self):
        return "<unittest.result.TestResult run=%d errors=%d failures=%d>" % (self.testsRun, len(self.errors), len(self.failures))


class _SubTestRecord:
    def __init__(self, test, desc):
        self.test = test
        self.desc = desc

    def __str__(self):
        return "%s %s" % (self.test, self.desc) if self.desc else "%s (<subtest>)" % (self.test,)


class TextTestResult(TestResult):
    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions=True, verbosity=1):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1

    def _write(self, s):
        self.stream.write(s)

    def startTest(self, test):
        super().startTest(test)
        self._subtest_line = False
        if self.showAll:
            self._write(str(test) + " ... ")

    def _report(self, long, short):
        if self.showAll:
            self._write(long + "\n")
        elif self.dots:
            self._write(short)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report("ok", ".")

    def addError(self, test, err):
        super().addError(test, err)
        self._report("ERROR", "E")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report("FAIL", "F")

    def _report_subtest(self, test, desc, long, short):
        if self.showAll:
            if not self._subtest_line:
                # the test's own line ends here; each failing subtest gets an indented line
                self._write("\n")
                self._subtest_line = True
            self._write("  %s ... %s\n" % (_SubTestRecord(test, desc), long))
        elif self.dots:
            self._write(short)

    def addSubTestFailure(self, test, desc, err):
        super().addSubTestFailure(test, desc, err)
        self._report_subtest(test, desc, "FAIL", "F")

    def addSubTestError(self, test, desc, err):
        super().addSubTestError(test, desc, err)
        self._report_subtest(test, desc, "ERROR", "E")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report("skipped %r" % (reason,), "s")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report("expected failure", "x")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report("unexpected success", "u")

    def printErrors(self):
        if self.dots or self.showAll:
            self._write("\n")
        for kind, items in (("ERROR", self.errors), ("FAIL", self.failures)):
            for test, err in items:
                self._write(self.separator1 + "\n")
                self._write("%s: %s\n" % (kind, test))
                self._write(self.separator2 + "\n")
                sys.print_exception(err, self.stream)
                self._write("\n")
        if self.unexpectedSuccesses:
            self._write(self.separator1 + "\n")
            for test in self.unexpectedSuccesses:
                self._write("UNEXPECTED SUCCESS: %s\n" % (test,))


class TextTestRunner:
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False, resultclass=None, **kwargs):
        self.stream = sys.stderr if stream is None else stream
        self.descriptions = descriptions
        self.verbosity = verbosity
        if resultclass is not None:
            self.resultclass = resultclass

    def run(self, test):
        result = self.resultclass(self.stream, self.descriptions, self.verbosity)
        t0 = _ticks()
        test(result)
        elapsed = _ticks_diff(_ticks(), t0) / 1000
        result.printErrors()
        run = result.testsRun
        self.stream.write(result.separator2 + "\n")
        self.stream.write("Ran %d test%s in %.3fs\n\n" % (run, "" if run == 1 else "s", elapsed))
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        else:
            self.stream.write("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        if infos:
            self.stream.write(" (%s)" % ", ".join(infos))
        self.stream.write("\n")
        return result


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for t in tests:
            self.addTest(t)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        # group consecutive tests of one class so setUpClass/tearDownClass run once around them
        current = None
        for t in self._tests:
            if result.shouldStop:
                break
            if isinstance(t, TestCase):
                cls = type(t)
                if cls is not current:
                    if current is not None:
                        _class_teardown(current, result)
                    current = cls
                    if not _class_setup(cls, result):
                        current = None
                        continue
                elif current is None:
                    continue
                t.run(result)
            else:
                if current is not None:
                    _class_teardown(current, result)
                    current = None
                t.run(result)
        if current is not None:
            _class_teardown(current, result)
        return result


class _ClassFixture:
    def __init__(self, name, cls):
        self.name = name
        self.cls = cls

    def __str__(self):
        return "%s (%s.%s)" % (self.name, self.cls.__module__, self.cls.__qualname__)


def _class_setup(cls, result):
    if getattr(cls, "__unittest_skip__", None):
        return True
    try:
        cls.setUpClass()
        return True
    except SkipTest as e:
        result.addSkip(_ClassFixture("setUpClass", cls), str(e))
    except Exception as e:
        result.addError(_ClassFixture("setUpClass", cls), e)
    return False


def _class_teardown(cls, result):
    if getattr(cls, "__unittest_skip__", None):
        return
    try:
        cls.tearDownClass()
    except Exception as e:
        result.addError(_ClassFixture("tearDownClass", cls), e)


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, cls):
        names = []
        for name in dir(cls):
            if name.startswith(self.testMethodPrefix) and callable(getattr(cls, name)):
                names.append(name)
        names.sort()
        return names

    def loadTestsFromTestCase(self, cls):
        names = self.getTestCaseNames(cls)
        if not names and hasattr(cls, "runTest"):
            names = ["runTest"]
        return TestSuite([cls(n) for n in names])

    def loadTestsFromModule(self, module):
        suite = TestSuite()
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase and obj is not FunctionTestCase:
                suite.addTests(self.loadTestsFromTestCase(obj))
        return suite


defaultTestLoader = TestLoader()


def _module_of(module):
    if isinstance(module, str):
        return sys.modules[module]
    return module


def main(module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None, exit=True, verbosity=1, failfast=None, **kwargs):
    loader = testLoader or defaultTestLoader
    mod = _module_of(module)
    if defaultTest is not None:
        names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        suite = TestSuite()
        for n in names:
            obj = getattr(mod, n.split(".")[0])
            if "." in n:
                suite.addTest(obj(n.split(".")[1]))
            elif isinstance(obj, type) and issubclass(obj, TestCase):
                suite.addTests(loader.loadTestsFromTestCase(obj))
            else:
                suite.addTest(obj)
    else:
        suite = loader.loadTestsFromModule(mod)
    runner = testRunner or TextTestRunner(verbosity=verbosity)
    if isinstance(runner, type):
        runner = runner(verbosity=verbosity)
    result = runner.run(suite)
    if exit:
        sys.exit(not result.wasSuccessful())
    return result
