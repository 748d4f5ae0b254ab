# A traceback object from one exception, printed, moved to another, cleared;
# what is not a traceback refused.
import io

import capi_traceback as m
from checks import check, check_type


def functions(text):
    """The functions of the frames printed, innermost last (CPython also
    prints each frame's source line, MicroPython has none)."""
    return [line.split(", in ")[-1] for line in text.splitlines() if line.startswith("  File")]


def printed(tb):
    f = io.StringIO()
    m.print_tb(tb, f)
    text = f.getvalue()
    return text.splitlines()[0] if text else "", functions(text)


def raiser():
    m.fail("inner")


try:
    raiser()
except KeyError as e:
    first = e

print("the traceback of a caught exception")
tb = m.get_tb(first)
print(type(tb).__name__)
check(printed, tb)

print("moved to another exception")
second = ValueError("outer")
print(m.get_tb(second))
check(m.set_tb, second, tb)
check(lambda: printed(m.get_tb(second)))
print("set again from its own, unchanged")
check(m.set_tb, second, m.get_tb(second))
check(lambda: printed(m.get_tb(second)))
print("the first keeps its own")
check(lambda: printed(m.get_tb(first)))

print("restored with another exception's traceback")
try:
    m.restore_with(RuntimeError("restored"), tb)
except RuntimeError as e:
    check(lambda: printed(m.get_tb(e)))

print("cleared with None")
check(m.set_tb, second, None)
print(m.get_tb(second))

print("refused")
check(m.set_tb, second, 5)
check(m.set_tb, second, "tb")
check(m.delete_tb, second)
# CPython's SystemError names its C source line
check_type(m.print_tb, 5, io.StringIO())
check_type(m.print_tb, None, io.StringIO())
