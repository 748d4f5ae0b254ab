# Methods of built-in types that MicroPython lacks, from Cython code.
import builtin_methods as m
from checks import check

for v in (0, 1, -1, 255, -256, 1 << 40, -(1 << 100) + 3, True, False):
    print("int", v, m.bit_length(v), m.call(v, "bit_count"), m.call(v, "as_integer_ratio"))
    print("  ", m.call(v, "conjugate"), m.unbound_int(v))
print("typed int", m.int_bits(12345), m.int_bits(-7))
# exact in single precision too (the board)
for f in (0.0, 1.0, -2.5, 0.375, 1048576.5, 3.0 / (1 << 20), float(1 << 60)):
    # (f itself not printed: the board's single-precision repr is shorter)
    print("float", m.float_methods(f), m.typed_float(f))
check(m.call, float("inf"), "as_integer_ratio")
check(m.call, float("-inf"), "as_integer_ratio")
check(m.call, float("nan"), "as_integer_ratio")
print("nonfinite", m.call(float("inf"), "is_integer"), m.call(float("nan"), "is_integer"))
print("expand", m.expand("a\tbc\td\n\tx\r\ty", 4))
# (a column is a character; bytes printed: MicroPython's repr escapes non-ASCII)
print("expand", [s.encode() for s in m.expand("\u00e9\t\u20ac\u20ac\tz", 3)])
print("expand", m.expand("\t", 0), m.expand("a\tb", -2))
print("expand bytes", m.expand_bytes(b"ab\tc\n\t"), m.call(bytearray(b"\tq"), "expandtabs", 2))
print(
    "expand unbound",
    m.unbound(str, "expandtabs", "x\ty", 2),
    m.unbound(bytes, "expandtabs", b"\t"),
)
print("subclass", m.subclass_results())
check(m.call, 5, "bit_length", 1)
check(m.call, 5, "bit_length", x=1)
check(m.call, 2.5, "is_integer", 1)
check(m.call, 2.5, "as_integer_ratio", y=2)
check(m.call, "a", "expandtabs", 1, 2)
check(m.call, "a", "expandtabs", tabsize=1, x=2)
check(m.call, "a", "expandtabs", x=2)
check(m.call, "a", "expandtabs", "4")
check(m.call, b"a", "expandtabs", 1.5)
check(m.call, "a", "expandtabs", 1 << 40)
check(m.unbound, int, "bit_length")
check(m.unbound, int, "bit_length", "a")
check(m.unbound, str, "expandtabs", b"a")
check(m.unbound, float, "is_integer", 1)
check(m.call, 5, "no_such_method")
# ASCII letters (CPython's str also swaps and titles other letters: DIFFERENCES.md)
for s in (
    "Hello World",
    "hELLO wORLD 12",
    "",
    "123",
    "Title Case",
    "Not title",
    "ABC",
    b"Ab Cd",
    b"aBc",
):
    print("swap", m.swapcase_istitle(s))
print("swap", m.call(bytearray(b"aB"), "swapcase"), m.unbound(str, "swapcase", "xY"))
check(m.call, "a", "swapcase", 1)
check(m.call, b"a", "istitle", x=1)
print("view", m.view_attrs(memoryview(b"abc")), m.view_attrs(memoryview(bytearray(3))))
