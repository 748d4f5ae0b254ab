# integer arithmetic: floor division, modulo, power, bit operations, conversions
import int_ops as m
from checks import check, check_type


for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)):
    check(m.c_floor_div_mod, a, b)
    check(m.py_floor_div_mod, a, b)
check(m.py_floor_div_mod, 2**70, 3)
check(m.py_floor_div_mod, -(2**70), 7)
check_type(m.py_floor_div_mod, 1, 0)
check(m.c_power, 2, 10)
check(m.c_power, -3, 3)
check(m.c_power, 5, 0)
check(m.py_power, 3, 40)
check(m.py_power, -2, 3)
print("%.6f" % m.negative_power(4))
check(m.bit_ops, 12, 10)
check(m.bit_ops, -5, 3)
for a in (False, True, 0, 1, 6):
    for b in (False, True, 3):
        check(m.object_bit_ops, a, b)
check(m.chained, 1, 2, 3)
check(m.chained, 3, 3, 3)
check(m.chained, 1, 5, 2)
check(m.mixed, 3, 4)
check(m.mixed, 3, 2**80)
check(m.abs_values, -5, -(2**62))
check(m.increments, 10)
check(m.conversions, "12")
check(m.conversions, 7.5)
check(m.long_long_math, 2**31, 2**31)
check(m.unsigned_wrap)
check(m.min_max_c, 3, -4)
check(m.int_methods, 258)
for b in (b"\x01\x02", b"\xff\xfe", b"", b"\x80" + b"\x00" * 15, b"\x12" * 17):
    for order in ("little", "big"):
        for signed in (False, True):
            check(m.from_bytes, b, order, signed)
check(m.from_bytes, bytearray(b"\xff\x7f"), "little", True)
check(m.from_bytes, [1, 2, 255], "big", False)
check(m.from_bytes, b"\x01", "little", False, bool)
check(m.from_bytes, b"\x01", "middle", False)
check(m.from_bytes, "ab", "big", False)
check(m.from_bytes_default, b"\x01\x00")
check(m.bool_from_bytes, b"\x00" * 8, "big")
check(m.bool_from_bytes, b"abcd", "little")
# MP-DIFF: int.bit_length() does not exist on MicroPython, not used

print("lshift edges")
for a in (1, -1, 3, -3, 2**29, -(2**29), 2**61, -(2**61), 0):
    for b in (1, 29, 30, 31, 32, 61, 62, 63, 64, 65):
        print(a, b, m.lshift(a, b))
check_type(m.lshift, 1, -1)
