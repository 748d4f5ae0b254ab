# returning None and bools
import ret_none_bool as m
from checks import check


print(m.implicit_none() is None, m.explicit_none() is None)
check(m.bare_return, 1)
check(m.bare_return, 0)
print(m.true() is True, m.false() is False, type(m.true()).__name__)
check(m.is_even, 4)
check(m.is_even, -3)
print(m.is_even(2) is True, m.is_even(3) is False)
check(m.comparisons, 1, 2)
check(m.comparisons, 2.5, 1)
x = [1]
check(m.comparisons, x, x)
check(m.comparisons, x, [1])
check(m.comparisons, 0, 0.0)
for v in (0, 1, "", "x", [], [1], None, 0.0, {}, {1: 2}):
    check(m.truthy, v)
check(m.returns_bint, 5)
check(m.returns_bint, [])
print(m.returns_bint(3) is True)
check(m.c_bool_expr, 1, 2)
check(m.c_bool_expr, 1, 0)
check(m.c_bool_expr, 0, 0)
