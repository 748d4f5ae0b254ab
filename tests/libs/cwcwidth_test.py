from show import show
from cwcwidth._impl import wcwidth, wcswidth

for ch in [
    "a",
    " ",
    "\x00",
    "\x07",
    "\u00e9",
    "\u0301",
    "\u4e00",
    "\uff21",
    "\u200b",
    "\U0001f600",
    "\u3042",
]:
    show("wcwidth(%r)" % hex(ord(ch)), wcwidth, ch)
for s in [
    "hello",
    "h\u00e9llo",
    "\u4e2d\u6587",
    "a\x00b",
    "tab\there",
    "",
    "mixed \u4e00 \U0001f600 x",
]:
    show("wcswidth(%d chars)" % len(s), wcswidth, s)
show("wcswidth n=2", wcswidth, "\u4e2d\u6587abc", 2)
show("wcwidth('ab')", wcwidth, "ab")
show("wcwidth(None)", wcwidth, None)
show("wcwidth(b'a')", wcwidth, b"a")


class S(str):
    pass


show("wcwidth(str subclass)", wcwidth, S("x"))
