# A minimal unittest for MicroPython, enough to run the TestCase classes of
# Cython's tests/run/test_*.py[x] modules (tests/cython/run.py puts this
# folder on sys.path; MicroPython's unix port has no unittest).  Only the
# runner and the assertions, no loader, result classes or warnings capture.
import re


class SkipTest(Exception):
    pass


class _ExpectedFailure(Exception):
    pass


def _wrap_skip(reason):
    def skipped(*args, **kwargs):
        raise SkipTest(reason)

    return skipped


def skip(reason):
    def deco(obj):
        if isinstance(obj, type):
            obj.__unittest_skip__ = reason
            return obj
        return _wrap_skip(reason)

    return deco


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda obj: obj)


def skipUnless(condition, reason):
    return skip(reason) if not condition else (lambda obj: obj)


def expectedFailure(func):
    def wrapper(*args, **kwargs):
        try:
            func(*args, **kwargs)
        except Exception:
            raise _ExpectedFailure()
        raise AssertionError("unexpected success")

    return wrapper


class _RaisesContext:
    def __init__(self, test, expected, regex=None):
        self.test, self.expected, self.regex = test, expected, regex
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            raise self.test.failureException(
                "%s not raised" % (getattr(self.expected, "__name__", self.expected),)
            )
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        if self.regex is not None and not re.search(self.regex, str(exc)):
            raise self.test.failureException('"%s" does not match "%s"' % (self.regex, exc))
        return True


class _NullContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 640

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []

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

    def id(self):
        return "%s.%s" % (type(self).__name__, self._testMethodName)

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _NullContext()

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _check(self, ok, default, msg):
        if not ok:
            raise self.failureException(default if msg is None else "%s : %s" % (default, msg))

    def assertEqual(self, first, second, msg=None):
        self._check(first == second, "%r != %r" % (first, second), msg)

    assertListEqual = (
        assertTupleEqual
    ) = assertDictEqual = assertSetEqual = assertSequenceEqual = assertEqual
    assertMultiLineEqual = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        self._check(first != second, "%r == %r" % (first, second), msg)

    def assertTrue(self, expr, msg=None):
        self._check(expr, "%r is not true" % (expr,), msg)

    def assertFalse(self, expr, msg=None):
        self._check(not expr, "%r is not false" % (expr,), msg)

    def assertIs(self, first, second, msg=None):
        self._check(first is second, "%r is not %r" % (first, second), msg)

    def assertIsNot(self, first, second, msg=None):
        self._check(first is not second, "unexpectedly identical: %r" % (first,), msg)

    def assertIsNone(self, obj, msg=None):
        self._check(obj is None, "%r is not None" % (obj,), msg)

    def assertIsNotNone(self, obj, msg=None):
        self._check(obj is not None, "unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        self._check(member in container, "%r not found in %r" % (member, container), msg)

    def assertNotIn(self, member, container, msg=None):
        self._check(
            member not in container, "%r unexpectedly found in %r" % (member, container), msg
        )

    def assertIsInstance(self, obj, cls, msg=None):
        self._check(isinstance(obj, cls), "%r is not an instance of %r" % (obj, cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        self._check(not isinstance(obj, cls), "%r is an instance of %r" % (obj, cls), msg)

    def assertLess(self, a, b, msg=None):
        self._check(a < b, "%r not less than %r" % (a, b), msg)

    def assertLessEqual(self, a, b, msg=None):
        self._check(a <= b, "%r not less than or equal to %r" % (a, b), msg)

    def assertGreater(self, a, b, msg=None):
        self._check(a > b, "%r not greater than %r" % (a, b), msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self._check(a >= b, "%r not greater than or equal to %r" % (a, b), msg)

    def assertAlmostEqual(self, first, second, places=7, msg=None, delta=None):
        if delta is not None:
            ok = abs(first - second) <= delta
        else:
            ok = first == second or round(abs(first - second), places) == 0
        self._check(ok, "%r != %r within tolerance" % (first, second), msg)

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        ok = len(a) == len(b) and all(a.count(x) == b.count(x) for x in a)
        self._check(ok, "element counts differ: %r, %r" % (a, b), msg)

    def assertRegex(self, text, regex, msg=None):
        self._check(re.search(regex, text), "regex %r did not match %r" % (regex, text), msg)

    def assertNotRegex(self, text, regex, msg=None):
        self._check(not re.search(regex, text), "regex %r matched %r" % (regex, text), msg)

    def assertRaises(self, expected, *args, **kwargs):
        ctx = _RaisesContext(self, expected)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)

    def assertRaisesRegex(self, expected, regex, *args, **kwargs):
        ctx = _RaisesContext(self, expected, regex)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)

    def assertWarns(self, *args, **kwargs):
        raise self.failureException("assertWarns: MicroPython has no warnings capture")

    assertWarnsRegex = assertWarns


def run_class(cls):
    """Runs the test methods of cls; yields (method name, passed, message)."""
    names = sorted(n for n in dir(cls) if n.startswith("test") and callable(getattr(cls, n)))
    reason = getattr(cls, "__unittest_skip__", None)
    if reason:
        return
    try:
        cls.setUpClass()
    except SkipTest:
        return
    except Exception as e:
        yield "setUpClass", False, _describe(e)
        return
    for name in names:
        test = cls(name)
        ok, why = True, ""
        try:
            test.setUp()
            try:
                getattr(test, name)()
            finally:
                test.tearDown()
                test.doCleanups()
        except (SkipTest, _ExpectedFailure):
            pass
        except Exception as e:
            ok, why = False, _describe(e)
        yield name, ok, why
    try:
        cls.tearDownClass()
    except Exception as e:
        yield "tearDownClass", False, _describe(e)


def _describe(e):
    msg = str(e)
    return type(e).__name__ + (": " + msg if msg else "")


def main(*args, **kwargs):
    import sys

    mod = sys.modules.get("__main__")
    failed = 0
    for name in dir(mod):
        cls = getattr(mod, name)
        if isinstance(cls, type) and issubclass(cls, TestCase):
            for tname, ok, why in run_class(cls):
                if not ok:
                    failed += 1
                    print("FAIL: %s.%s: %s" % (name, tname, why))
    print("FAILED (failures=%d)" % failed if failed else "OK")
