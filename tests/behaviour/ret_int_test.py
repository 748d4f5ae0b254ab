# returning ints: small, negative, C extremes and arbitrary precision values
import ret_int as m
from checks import check


check(m.small)
check(m.negative)
check(m.zero)
check(m.c_int_max)
check(m.c_long_long_extremes)
check(m.c_unsigned_max)
print(m.BIG_CONST, m.NEG_BIG_CONST)
print(m.BIG_CONST == 2**100, type(m.BIG_CONST).__name__)
check(m.pow_runtime, 10)
check(m.pow_runtime, 62)
check(m.pow_runtime, 64)
check(m.pow_runtime, 100)
r = m.pow_runtime(100)
print(r == 1267650600228229401496703205376, r + 1, r // 3, -r)
check(m.shift_runtime, 70)
check(m.shift_runtime, 128)
check(m.factorial, 20)
check(m.factorial, 30)
for v in m.big_ops():
    print(" ", v)
check(m.big_compare)
check(m.from_string)
check(m.c_sum_to_object, 1000)
check(m.c_sum_to_object, 3000000)
check(m.big_to_c, 2**70)
check(m.big_to_c, -(2**70))
