# returning str and bytes (ASCII and non-ASCII)
import ret_str_bytes as m
from checks import check


check(m.hello)
print(type(m.hello()).__name__, len(m.hello()))
check(m.empty)
u = m.unicode_text()
print(u)
print(
    len(u),
    u == "h\u00e9llo w\u00f6rld \u65e5\u672c",
    u.encode("utf-8") == "h\u00e9llo w\u00f6rld \u65e5\u672c".encode("utf-8"),
)
check(m.unicode_len)
check(m.raw_bytes)
print(list(m.raw_bytes()), type(m.raw_bytes()).__name__)
check(m.concat, "ab", "cd")
print(m.concat("\u00e9", "\u65e5"))
check(m.repeat, "ab", 3)
check(m.repeat, "ab", 0)
check(m.bytes_concat, b"ab", b"\x00")
check(m.from_char_ptr)
check(m.from_char_ptr_len)
check(m.encode, "abc")
print(list(m.encode("\u00e9")))
check(m.decode, b"xyz")
print(m.decode(b"\xc3\xa9t\xc3\xa9"), len(m.decode(b"\xc3\xa9t\xc3\xa9")))
check(m.conversions, 1)
check(m.char_codes, "a\u00e9\u65e5")
check(m.typed_return, "x")
