# C API numbers: PyLong_* / PyFloat_* / PyNumber_Long/Float/Index, with the
# range checks of each C type (64-bit long, long long, size_t, Py_ssize_t)
import capi_numbers as m
from checks import check_type, check_with, edges


def show(r):
    # floats with a fixed number of digits (MicroPython's repr may differ in the last ones)
    if isinstance(r, float):
        return "%.6e" % r
    return repr(r)


def check(_f, *a):
    check_with(show, _f, *a)


class PyIndex:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print("from C")
for v in m.from_c_limits():
    print(" ", v, type(v).__name__)
check(m.from_double, 0.0)
check(m.from_double, -2.75)
check(m.from_double, 1e20)
check(m.from_double, -9007199254740993.0)
check(m.from_double, 2.0**100)
check(m.from_double_special, 0)
check(m.from_double_special, 1)
check(m.from_double_special, 2)

print("from string")
check(m.from_string, b"123", 10)
check(m.from_string, b"-0x1f", 0)
check(m.from_string, b"0o17", 0)
check(m.from_string, b"  42  ", 10)
check(m.from_string, b"zz", 36)
check(m.from_string, b"123456789012345678901234567890", 10)
check(m.from_string, b"abc", 10)
check(m.from_string, b"12abc", 10)
check(m.from_string, b"", 10)

big = edges(31, 62, 63, 64) + [2**100, -(2**100)]
others = [
    True,
    False,
    3.0,
    "x",
    None,
    m.Indexable(7),
    m.Indexable(-7),
    PyIndex(9),
    PyIndex(2**64),
]

for name in (
    "as_long",
    "as_long_long",
    "as_ssize_t",
    "as_unsigned_long",
    "as_unsigned_long_long",
    "as_size_t",
    "as_unsigned_long_mask",
    "as_unsigned_long_long_mask",
    "as_long_and_overflow",
    "as_long_long_and_overflow",
    "as_ssize_t_clamped",
):
    print(name)
    f = getattr(m, name)
    for v in big + others:
        check(f, v)

print("as_ssize_t_exc")
check(m.as_ssize_t_exc, 2**63, OverflowError)
check(m.as_ssize_t_exc, -(2**63) - 1, IndexError)
check(m.as_ssize_t_exc, 5, IndexError)
check(m.as_ssize_t_exc, 1.5, IndexError)
check(m.as_ssize_t_exc, m.Indexable(12), IndexError)

print("as_double")
for v in (0, -5, 2**53, 2**60, -(2**70), 10**308):
    check(m.as_double, v)
check(m.as_double, 10**309)
check(m.as_double, -(10**400))
check(m.as_double, 1.5)
check(m.as_double, "x")

print("float")
check(m.float_from_double, 0.5)
check(m.float_from_double, -1e300)
check(m.float_as_double, 2.5)
check(m.float_as_double, 7)
check(m.float_as_double, -(2**60))
check(m.float_as_double, True)
check(m.float_as_double, 10**400)
check(m.float_as_double, "x")
check(m.float_as_double, None)
check(m.float_as_double, m.Floatable(0.25))
check(m.float_from_string, "2.5")
check(m.float_from_string, "  -1e3 ")
check(m.float_from_string, b"0.125")
check(m.float_from_string, "x1")
check_type(m.float_from_string, 5)

print("number conversions")
check(m.number_long, 2.75)
check(m.number_long, -2.75)
check(m.number_long, "  17 ")
check(m.number_long, m.Indexable(3))
check(m.number_long, "abc")
check_type(m.number_long, None)
check(m.number_float, 3)
check(m.number_float, "1.5")
check(m.number_float, m.Floatable(0.5))
check(m.number_float, "abc")
check_type(m.number_float, [])
check(m.number_index, 5)
check(m.number_index, 2**70)
check(m.number_index, True)
check(m.number_index, m.Indexable(-4))
check(m.number_index, PyIndex(2**65))
check(m.number_index, PyIndex("x"))
check(m.number_index, 1.5)
check(m.number_index, "1")
check(m.number_index, None)

print("checks")
for v in (1, 2**70, True, 1.5, "x", None, m.Indexable(1), m.Floatable(1.0)):
    print(" ", m.checks(v))
