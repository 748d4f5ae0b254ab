# CPython's built-in exception names in Cython code on MicroPython: each name
# names a class (IOError and EnvironmentError are OSError), the hierarchy is
# CPython's, raising and catching them in Cython code works; after a Cython
# import Python code sees the same names. PyEval_GetBuiltins and `import
# builtins` in Cython code: one namespace with Python code's.

# Python code sees the names before any Cython module is imported too.
print(
    "before import",
    [n for n in ("ResourceWarning", "FileNotFoundError", "IOError", "TimeoutError") if eval(n)],
)
import builtin_exceptions as m
from checks import check

classes = m.builtin_classes()
by_name = dict(classes)
for name, cls in classes:
    # Every name (of the list) the class derives from, in the list's order.
    bases = [other for other, o in classes if o is not cls and issubclass(cls, o)]
    print(name, cls.__name__, bases)

print("aliases", m.aliases())
# CPython's Unicode errors take (encoding, object, start, end, reason).
unicode_args = {
    "UnicodeDecodeError": ("utf-8", b"\xff", 0, 1, "invalid start byte"),
    "UnicodeEncodeError": ("ascii", "x", 0, 1, "ordinal not in range(128)"),
    "UnicodeTranslateError": ("x", 0, 1, "no mapping"),
}
for name, cls in classes:
    check(m.raise_and_catch, cls, *unicode_args.get(name, ("msg",)))
check(m.open_missing)
check(m.subclasses)

print("python code sees the names")
for name, cls in classes:
    try:
        found = eval(name)
    except NameError:
        found = None
    if found is not cls:
        print("  differs:", name)
print("builtins dict", m.builtins_dict())
print("builtins module", m.builtins_module(42))
print("seen by Python code", eval("mpcy_test_builtin"))
print(m.builtins_module_delete())
try:
    eval("mpcy_test_builtin")
except NameError:
    print("gone for Python code too")
print("done")
