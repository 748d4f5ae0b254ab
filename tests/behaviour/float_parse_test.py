# float() of text: CPython's grammar (white space, underscores between
# digits, inf/nan, no hexadecimal), Unicode digits and white space in a str,
# correct rounding, and CPython's ValueError naming the text.
import float_parse as m
from checks import check, check_parsers, check_type

texts = [
    "1.5",
    "  -2.25e3\t\n",
    "98_5_6.2_1",
    "1_000.000_1e1_0",
    "12__._3",
    "_12.3",
    "12.3_",
    "1_.5",
    "1._5",
    "1e_5",
    "1_e5",
    "in_f",
    "inf",
    "-Infinity",
    "+nAn",
    "-nan",
    "infinit",
    "0x10",
    "1e500",
    "-1e500",
    "1e-500",
    "2.5e-324",
    ".5",
    "5.",
    ".",
    "e5",
    "1e",
    "1e+",
    "",
    "   ",
    "1.5 x",
    "1 5",
    "0.1",
    "9007199254740993",
    "0.30000000000000004",
    "1.2413112312318938e+47",
    "12_4_131_123123_1893798127398123_19238712_128937198237.8222113_519879812387",
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
]
unicode_texts = [
    "\u0cec",
    " \u0cec\u0ce6     ",
    "\u0661\u0662.\u0665",
    "\uff11\uff10",
    "\U0001d7d9.5",
    "\u00a01.5\u3000",
    "\u20281.5\u2029",
    "\u001c1.5",
    "\u0661_\u0662",
]

check_parsers(m, texts, unicode_texts, ["1.5\u00b2", "1.5\u00e9"])
check(m.from_bytes, b"1.5\x002")
check(m.from_bytes, b"1_5\x00")
check(m.from_bytes, b"\xff1")
check(m.from_bytes, b"_" * 10000)
check(m.from_bytes, "\u0cec".encode())
check(m.from_char_ptr, "\u0cec".encode())
check(m.from_char_ptr, " \u0cec     ".encode())
check(m.from_char_ptr, b"0.5")
check(m.from_char_ptr, b"xxx")

print("PyFloat_FromString")
check(m.capi_from_string, "1_0.5")
check(m.capi_from_string, b" 2.5 ")
check(m.capi_from_string, bytearray(b"-0"))
check(m.capi_from_string, memoryview(b"3.25"))
check(m.capi_from_string, "3,5")
check(m.capi_from_string, b"3,5")
check_type(m.capi_from_string, 5)
check_type(m.capi_from_string, None)

print("PyOS_string_to_double")
for t in [
    b"1.5",
    b"1.5xyz",
    b" 1.5",
    b"xyz",
    b"",
    b"inf",
    b"-infinityx",
    b"nanx",
    b"0x10",
    b"1e",
    b"1e500",
    b"-1e500",
    b"1e-500",
    b"12_3",
    b"1.5e+3e",
]:
    check(m.os_string_to_double, t, True, None)
    check(m.os_string_to_double, t, False, None)
    check(m.os_string_to_double, t, True, OverflowError)

print("character properties")
for c in [
    "a",
    " ",
    "\t",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2000",
    "\u200b",
    "\u3000",
    "5",
    "\u0660",
    "\u0669",
    "\u066a",
    "\U0001d7ff",
    "\U0001d800",
    "\u00b2",
]:
    check(m.unicode_space_digit, c)
