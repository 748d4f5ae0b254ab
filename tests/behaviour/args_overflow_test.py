# out of range values (OverflowError) and wrong types (TypeError) for typed parameters
import args_overflow as m
from checks import check, check_type


print("int")
for v in (2147483647, -2147483648, 2147483648, -2147483649, 2**64, -(2**100)):
    check_type(m.as_int, v)
print("long long")
for v in (2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**200):
    check_type(m.as_long_long, v)
print("unsigned int")
for v in (0, 4294967295, 4294967296, -1):
    check_type(m.as_unsigned, v)
print("unsigned long long")
for v in (2**64 - 1, 2**64, -1, -(2**70)):
    check_type(m.as_unsigned_long_long, v)
print("unsigned char / short / size_t")
for v in (255, 256, -1):
    check_type(m.as_uchar, v)
for v in (32767, 32768, -32769):
    check_type(m.as_short, v)
for v in (0, 2**64 - 1, -1):
    check_type(m.as_size_t, v)
print("wrong types for numbers")
check_type(m.as_int, 1.5)
check_type(m.as_int, "1")
check_type(m.as_int, None)
check_type(m.as_int, [1])
check_type(m.as_long_long, 2.0)
check_type(m.as_unsigned, None)
check_type(m.as_double, "x")
check_type(m.as_double, None)
check_type(m.as_double, [])
check(m.as_double, 10**20)
check_type(m.as_double, 10**400)
print("bint accepts anything with a truth value")
check(m.as_bint, None)
check(m.as_bint, "x")
print("builtin-typed arguments")
check(m.as_str, "ok")
check(m.as_str, None)
check(m.as_str, b"bytes")
check(m.as_str, 1)
check(m.as_bytes, b"ok")
check(m.as_bytes, None)
check(m.as_bytes, "text")
check(m.as_list, [1, 2])
check(m.as_list, None)
check(m.as_list, (1, 2))
check(m.as_list_not_none, [])
check(m.as_list_not_none, None)
check(m.as_dict, {"a": 1})
check(m.as_dict, None)
check(m.as_dict, [("a", 1)])
print("conversion inside the body")
check(m.convert_return, 5)
check_type(m.convert_return, 2**40)
check_type(m.convert_return, -(2**40))
check_type(m.convert_return, "no")
