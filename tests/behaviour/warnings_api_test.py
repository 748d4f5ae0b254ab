# The warnings module on MicroPython with Cython code: warn() and the C API
# warnings go through the filters ('error' raises from the Cython call,
# 'ignore' drops, 'default'/'once'/'module' show once, 'always' every time),
# catch_warnings(record=True) records WarningMessage objects. Stderr (where
# warnings are shown) is not compared; records and exceptions are printed.
import warnings
import warnings_api as m
from checks import check

(
    UserWarning_,
    DeprecationWarning_,
    PendingDeprecationWarning_,
    RuntimeWarning_,
    MyWarning,
) = m.categories()[:5]


def show(log):
    return [(x.category.__name__, str(x.message), type(x.message).__name__) for x in log]


print("always")
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    check(m.warn_py, "py user")
    check(m.warn_py, "py deprecated", DeprecationWarning_)
    check(m.warn_py, MyWarning("an instance"))
    for i, cat in enumerate(m.categories()):
        check(m.warn_c, "c %d" % i, i)
    check(m.warn_c_default, "no category")
    check(m.warn_format, 3)
    check(m.warn_explicit, "explicit", 7)
    check(m.cython_defaults_warning)
print(show(log))
print([(x.filename, x.lineno) for x in log if str(x.message) == "explicit"])

print("error")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    check(m.warn_c, "boom", 0)
    check(m.warn_c, "boom deprecated", 1)
    check(m.warn_py, "boom py", RuntimeWarning_)
    check(m.warn_format, 4)
    check(m.warn_explicit, "boom explicit", 9)
    check(m.catch_as_error, "as error")
check(m.catch_as_error, "not an error now")

print("ignore")
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    check(m.warn_c, "dropped", 0)
    check(m.warn_py, "dropped py")
print(show(log))

print("default, once, module: once per location")
for action in ("default", "once", "module"):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for i in range(3):
            m.warn_c("repeated", 0)
        for i in range(2):
            m.warn_py("repeated py", RuntimeWarning_)
    print(action, show(log))

print("no registry: warn_explicit shows each time, also from two lines")
for action in ("default", "module", "once"):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for line in (5, 5, 6):
            m.warn_explicit_registry("no registry", line, None)
            m.warn_explicit_py("no registry py", line)
    print(action, [(str(x.message), x.lineno) for x in log])

print("a registry: once per (text, category, line)")
for action in ("default", "module", "always"):
    reg = {}
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for line in (5, 5, 6):
            m.warn_explicit_registry("with registry", line, reg)
            m.warn_explicit_py("with registry py", line, reg)
    print(action, [(str(x.message), x.lineno) for x in log])
    print(sorted((k[0], k[2] if len(k) == 3 else -1, reg[k]) for k in reg if k != "version"))
reg = {}
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    m.warn_explicit_registry("emptied when the filters change", 5, reg)
    m.warn_explicit_registry("emptied when the filters change", 5, reg)
    warnings.filterwarnings("ignore", message="nothing matches this")
    m.warn_explicit_registry("emptied when the filters change", 5, reg)
print([(str(x.message), x.lineno) for x in log])
reg = {}
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    m.warn_explicit_registry("a false value", 5, reg)
    reg[("a false value", RuntimeWarning_, 5)] = 0
    m.warn_explicit_registry("a false value", 5, reg)
    m.warn_explicit_registry("a false value", 5, reg)
print([(str(x.message), x.lineno) for x in log])
check(m.warn_explicit_registry, "bad registry", 5, [])
check(m.warn_explicit_py, "bad registry", 5, 7)

print("the default filters")
with warnings.catch_warnings(record=True) as log:
    for i in range(4):
        m.warn_c("default filter %d" % i, i)
print(show(log))

print("filterwarnings")
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("error", category=DeprecationWarning_)
    m.warn_c("skip this", 0)
    m.warn_c("keep this", 0)
    check(m.warn_c, "deprecated is an error", 1)
    m.warn_c("pending is not", 2)
    warnings.filterwarnings("ignore", category=MyWarning, append=True)
    m.warn_py(MyWarning("still shown: 'always' comes first"))
    warnings.resetwarnings()
    m.warn_c("after reset", 1)
print(show(log))

print("catch_warnings with an action")
with warnings.catch_warnings(record=True, action="error", category=RuntimeWarning_) as log:
    check(m.warn_c, "runtime raises", 3)
    m.warn_c("user recorded", 0)
print(show(log))

print("bad arguments")
check(warnings.simplefilter, "sometimes")
check(warnings.filterwarnings, "error", category=int)
check(m.warn_py, "x", int)
check(warnings.simplefilter, "error", lineno=-1)
c = warnings.catch_warnings()
try:
    c.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError")

print("the warnings after catch_warnings: filters as before")
with warnings.catch_warnings(record=True) as log:
    m.warn_c("pending ignored by default", 2)
    m.warn_c("user shown by default", 0)
print(show(log))

print("a replaced showwarning gets the warnings shown")
shown = []


def my_show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__))


orig = warnings.showwarning
warnings.showwarning = my_show
with warnings.catch_warnings():
    warnings.simplefilter("always")
    m.warn_c("to my_show", 0)
    m.warn_py("from Python code", UserWarning)
warnings.showwarning = orig
print(shown, warnings.showwarning is orig)
