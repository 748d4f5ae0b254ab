# double arithmetic, libc.math, Python-semantics floor division/modulo on floats
import float_ops as m
from checks import check_with


def fmt(x):
    if isinstance(x, float):
        return "%.6f" % x
    if isinstance(x, (list, tuple)):
        return [fmt(v) for v in x]
    return x


def check(_f, *a, **k):
    check_with(fmt, _f, *a, **k)


check(m.basic, 1.5, 0.5)
check(m.basic, 1, 3)
check(m.basic, 1, 0)
check(m.floor_mod, 7.5, 2)
check(m.floor_mod, -7.5, 2)
check(m.floor_mod, 7.5, -2)
check(m.floor_mod, 1, 0)
check(m.py_floor_mod, -7.5, 2)
check(m.libc_math, 2.0)
check(m.libc_math, 6.25)
check(m.specials)
check(m.compare, 0.1, 0.2)
check(m.compare, 0.5, 0.5)
check(m.int_float_mix, 7, 1.5)
check(m.power, 2, 0.5)
check(m.power, 2, -2)
check(m.to_c_float, 0.1)
check(m.to_c_float, 1e39)
check(m.accumulate, [0.1] * 10)
check(m.accumulate, [1, 2.5, 3])
check(m.rounding, 2.37)
check(m.rounding, -7.74)
print(m.from_int_overflow() == 2.0**70)
print(type(m.basic(1, 2)[0]).__name__)
