# MicroPython side of tests/cython/run.py: runs one Cython test module.
#
#   micropython mp_driver.py doctest|unittest MODULE SODIR SUPPORTDIR
#
# doctest: imports MODULE, finds its docstrings the way CPython's
# doctest.DocTestFinder does (module, functions, classes, methods,
# properties, the __test__ dict) and prints them as one JSON line.  The host
# parses the examples with CPython's doctest and sends back one JSON line:
# [[test_index, [source, ...]], ...].  Each example runs with exec in
# 'single' mode (expression values are printed as doctest's displayhook
# does) in a copy of the module globals taken at import, one copy per
# docstring.  Every line the driver adds starts with MARK; the host splits
# the output there and compares it with doctest.OutputChecker.
#
# unittest: imports MODULE and runs the unittest.TestCase classes in it (as
# Cython's runtests.py does for test_* modules); one MARK line per test
# method.  SUPPORTDIR (on sys.path after SODIR) holds a minimal unittest and
# the harness stand-ins for stdlib modules MicroPython lacks (operator,
# functools, threading, ...).  Before DONE (and after an import failure) one
# MARK line names the support modules the test imported, so that the host can
# count the tests that pass through a stand-in.
import sys
import json

MARK = "\x1eMPCY:"

ROUTINE_TYPES = (
    "function",
    "closure",
    "bound_method",
    "cython_function_or_method",
    "fused_cython_function",
    "builtin_function_or_method",
    "method_descriptor",
    "classmethod_descriptor",
    "wrapper_descriptor",
)


def mark(what):
    # Always on a line of its own, even after output without a newline.
    print("\n" + MARK + what)


def exc_line(e):
    t = type(e)
    msg = str(e)
    return t.__name__ + (": " + msg if msg else "")


def attr(obj, name, default=None):
    try:
        return getattr(obj, name)
    except Exception:
        return default


def is_routine(v):
    return type(v).__name__ in ROUTINE_TYPES


def is_class(v):
    return isinstance(v, type)


def items(obj):
    d = attr(obj, "__dict__")
    if d is None:
        return []
    try:
        return list(d.items())
    except Exception:
        return []


def from_module(mod, v):
    # DocTestFinder._from_module: __module__ names the module (for a function
    # also: its globals are the module's).
    name = mod.__name__
    if attr(v, "__module__") == name:
        return True
    if is_routine(v) and attr(v, "__globals__") is mod.__dict__:
        return True
    return isinstance(v, property)


def docstring(v):
    if isinstance(v, str):
        return v
    d = attr(v, "__doc__")
    if d is None:
        return ""
    return d if isinstance(d, str) else str(d)


def find(mod):
    tests = []
    seen = {}

    def visit(obj, name):
        if id(obj) in seen:
            return
        seen[id(obj)] = 1
        doc = docstring(obj)
        if doc:
            tests.append([name, doc])
        if is_class(obj):
            for k, v in items(obj):
                if type(v).__name__ in ("staticmethod", "classmethod"):
                    # MicroPython's have no __func__; the attribute is the function.
                    v = attr(obj, k)
                    v = attr(v, "__func__", v)
                if (is_routine(v) or is_class(v) or isinstance(v, property)) and from_module(
                    mod, v
                ):
                    visit(v, name + "." + k)

    name = mod.__name__
    seen[id(mod)] = 1
    doc = docstring(mod)
    if doc:
        tests.append([name, doc])
    for k, v in items(mod):
        if (is_routine(v) or is_class(v)) and from_module(mod, v):
            visit(v, name + "." + k)
    test_dict = attr(mod, "__test__", {})
    try:
        test_items = list(test_dict.items())
    except Exception:
        test_items = []
    for k, v in test_items:
        visit(v, name + ".__test__." + str(k))
    return tests


def run_doctests(mod):
    tests = find(mod)
    base = dict(mod.__dict__)  # DocTestFinder copies the globals when it finds the tests
    mark("FOUND " + json.dumps(tests))
    line = sys.stdin.readline()
    plan = json.loads(line) if line.strip() else []
    for ti, sources in plan:
        g = dict(base)
        for ei, src in enumerate(sources):
            mark("EX %d %d" % (ti, ei))
            try:
                exec(compile(src, "<doctest %s[%d]>" % (tests[ti][0], ei), "single"), g)
            except BaseException as e:  # noqa: B902 - doctest reports everything
                mark("EXC " + json.dumps(exc_line(e)))


def run_unittests(mod):
    import unittest

    for name, cls in sorted(items(mod)):
        if not (is_class(cls) and issubclass(cls, unittest.TestCase)):
            continue
        for tname, ok, why in unittest.run_class(cls):
            mark("UT " + json.dumps([name + "." + tname, ok, why]))


def standins(supportdir):
    # The modules loaded from SUPPORTDIR (sys.modules holds no built-in module).
    names = []
    for name, m in list(sys.modules.items()):
        f = attr(m, "__file__")
        if isinstance(f, str) and f.startswith(supportdir + "/"):
            names.append(name)
    mark("STANDINS " + json.dumps(sorted(names)))


def main():
    mode, modname, sodir, supportdir = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    sys.path.insert(0, sodir)
    sys.path.append(supportdir)
    try:
        mod = __import__(modname)
    except BaseException as e:  # noqa: B902
        mark("IMPORT " + json.dumps(exc_line(e)))
        sys.print_exception(e)
        standins(supportdir)
        return
    if mode == "unittest":
        run_unittests(mod)
    else:
        run_doctests(mod)
    standins(supportdir)
    mark("DONE")


main()
