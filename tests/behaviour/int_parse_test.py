# int() of text: CPython's underscores, Unicode digits and white space, and
# its ValueError naming the text.
import int_parse as m
from checks import check, check_parsers, check_type

texts = [
    "12",
    "  -34\t\n",
    "1_000_000",
    "1__2",
    "_12",
    "12_",
    "1_ 2",
    " 1_2 ",
    "-_1",
    "+1_0",
    "0_0",
    "0_7",
    "007",
    "0x10",
    "",
    "  ",
    "12345678901234567890_12345678901234567890",
]
unicode_texts = [
    "\u0cec",
    " \u0cec\u0ce6\u3000",
    "\u0661_\u0662",
    "\uff11\uff10",
    "\U0001d7d9",
    "\u00a012\u2029",
    "\u001c12",
]

check_parsers(m, texts, unicode_texts, ["1\u00b2"])
check(m.from_bytes, b"12\x00")
check(m.from_bytes, "\u0cec".encode())

print("PyLong_FromString")
for t, base in [
    (b"1_2", 10),
    (b"1__2", 10),
    (b"0x_1f", 0),
    (b"0x_1f", 16),
    (b"0x__1f", 16),
    (b"0b_1", 0),
    (b"0o_7", 8),
    (b"0b1_1", 16),
    (b"0x", 16),
    (b"0x_", 0),
    (b"z_z", 36),
    (b"_z", 36),
    (b"1_", 2),
]:
    check(m.capi_from_string, t, base)
check_type(m.capi_from_string, b"1", 1)
