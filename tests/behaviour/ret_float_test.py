# returning floats (printed rounded where the last digit could differ)
import ret_float as m
from checks import check


def fmt(x):
    return "%.6f" % x


check(m.half)
print(type(m.half()).__name__)
print(fmt(m.c_double(1, 3)))
check(m.c_double, 7, 2)
check(m.c_double, 1, 0.0)
check(m.c_float)
check(m.true_division, 7, 2)
check(m.true_division, -9, 4)
check(m.true_division, 1, 0)
print(fmt(m.true_division(2, 3)))
check(m.floats_list)
check(m.mixed, 3, 0.5)
check(m.to_int, 2.75)
check(m.to_int, -2.75)
check(m.to_int, 3.25)
print(fmt(m.accumulate(100)))
print(fmt(m.accumulate(1)))
check(m.specials)
check(m.from_str, "1.5")
check(m.from_str, "-0.125")
print(fmt(m.from_str("3.14159")))
