# out of range values (OverflowError) and wrong types (TypeError) for typed parameters
import args_overflow as m
from checks import check, check_type


# (the C type, values on both sides of its range)
RANGES = [
    ("int", (2147483647, -2147483648, 2147483648, -2147483649, 2**64, -(2**100))),
    ("long long", (2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**200)),
    ("unsigned int", (0, 4294967295, 4294967296, -1)),
    ("unsigned long long", (2**64 - 1, 2**64, -1, -(2**70))),
    ("unsigned char", (255, 256, -1)),
    ("short", (32767, 32768, -32769)),
    ("size_t", (0, 2**64 - 1, -1)),
]
for ctype, values in RANGES:
    print(ctype)
    for v in values:
        check_type(m.as_c[ctype], v)
print("wrong types for numbers")
check_type(m.as_c["int"], 1.5)
check_type(m.as_c["int"], "1")
check_type(m.as_c["int"], None)
check_type(m.as_c["int"], [1])
check_type(m.as_c["long long"], 2.0)
check_type(m.as_c["unsigned int"], None)
check_type(m.as_c["double"], "x")
check_type(m.as_c["double"], None)
check_type(m.as_c["double"], [])
check(m.as_c["double"], 10**20)
check_type(m.as_c["double"], 10**400)
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
