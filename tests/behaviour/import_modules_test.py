# calling functions of other modules (math, time) from Cython
import import_modules as m


def fmt(seq):
    return ["%.6f" % x for x in seq]


print(fmt(m.roots(2.0)))
print(fmt(m.constants()))
r = m.rounding(2.5)
print(r[:3], "%.6f" % r[3], type(r[0]).__name__)
print(fmt(m.trig()))
print(fmt(m.log_exp(3.0)))
for v in (-1.0, "x"):
    try:
        m.bad_sqrt(v)
    except Exception as e:
        # CPython: ValueError/TypeError; message differs
        print(type(e).__name__)
t = m.now()
print(type(t).__name__, t > 1000000000)
print(m.sleep_a_little())
print(m.module_names())
print(m.import_inside())
try:
    m.import_missing()
except ImportError as e:
    # Cython's import raises ModuleNotFoundError, as CPython's (MP-DIFF:
    # MicroPython's own import in a script raises ImportError)
    print("ImportError", type(e).__name__, issubclass(type(e), ImportError))
print(m.import_missing_caught(0), m.import_missing_caught(1), m.import_missing_caught(2))

# reload(): a Python module runs again into the same module object (names the
# new code does not set are kept); an extension module and a built-in one are
# returned as they are
import sys
import checks
from checks import check_type, check

old_check = checks.check
checks.marker = "kept"
r = m.reload_module(checks)
print(
    "reload",
    r is checks,
    checks.check is not old_check,
    checks.marker,
    sys.modules["checks"] is checks,
)
print("reload extension", m.reload_module(m) is m, "reload builtin", m.reload_module(sys) is sys)
check_type(m.reload_module, 5)
del sys.modules["checks"]
check(m.reload_module, checks)
sys.modules["checks"] = checks
