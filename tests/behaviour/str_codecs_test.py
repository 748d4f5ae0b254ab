# Codecs: utf-16/utf-32 (with their -le/-be forms and BOMs), utf-8, utf-8-sig,
# latin-1 and ascii through Cython's .decode()/.encode() and the C API; every
# error handler on odd lengths, lone surrogates and non-BMP characters; codec
# names and aliases; unknown codecs and handlers.
import str_codecs as m
from checks import check, check_type, check_with, escaped


def c(_f, *a, **k):
    check_with(escaped, _f, *a, **k)


HANDLERS = [
    None,
    b"strict",
    b"ignore",
    b"replace",
    b"backslashreplace",
    b"surrogateescape",
    b"surrogatepass",
]

print("fast paths: decode")
for b in [b"a\x00b\x00", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"=\xd8\x00\xde", b"a\x00b", b""]:
    c(m.dec_utf16, b)
    c(m.dec_utf16le, b)
    c(m.dec_utf16be_replace, b)
    c(m.dec_utf16le_ignore, b)
for b in [
    b"a\x00\x00\x00",
    b"\xff\xfe\x00\x00\x00\xf6\x01\x00",
    b"\x00\x00\xfe\xff\x00\x00\x00a",
    b"a\x00\x00",
]:
    c(m.dec_utf32, b)
    c(m.dec_utf32be, bytearray(b))
c(m.dec_slice, b"xx\x00h\x00iyy")
c(m.dec_cstring, b"h\x00i\x00")
c(m.dec_cstring, b"h\x00\x00\xdc")

print("fast paths: encode")
for s in ["hi", "caf\xe9", "\U0001f600!", "", "a\ud800b"]:
    c(m.enc_utf16, s)
    c(m.enc_utf16le, s)
    c(m.enc_utf16be, s)
    c(m.enc_utf32, s)
    c(m.enc_utf32le, s)
    c(m.enc_utf32be_replace, s)
    c(m.enc_utf8, s)
    c(m.enc_utf16_backslash, s)

print("decode: every handler")
CASES16 = [
    b"a\x00b",  # odd length
    b"\x00\xd8",  # high surrogate at the end
    b"\x00\xd8a",
    b"\x00\xdc",  # lone low surrogate
    b"\x00\xd8A\x00",  # high surrogate, then no low one
    b"\x00\xd8\x00\xd8\x00\xdc",
    b"\x00\xdc\x00\xdc",
    b"\xff",
    b"\xff\xfe",
    b"\xfe\xff\xd8\x00",
]


def every(f, encodings, values, handlers):
    """f(value, encoding, handler) for each combination."""
    for enc in encodings:
        for v in values:
            for h in handlers:
                c(f, v, enc, h)


every(m.decode, [b"utf-16", b"utf-16-le", b"utf-16-be"], CASES16, HANDLERS)
CASES32 = [
    b"a\x00\x00\x00b",
    b"a\x00\x00\x00b\x00\x00",
    b"\x00\xd8\x00\x00",
    b"\x00\x00\x11\x00",
    b"\xff\xff\xff\xff",
    b"\x00\x00\xfe\xff\x00\x00\xd8\x00",
    b"\x00\xd8\x00\x00\x00\xdc\x00\x00",
]
every(m.decode, [b"utf-32", b"utf-32-le", b"utf-32-be"], CASES32, HANDLERS)
CASES8 = [
    b"caf\xc3\xa9",
    b"\xed\xa0\x80x",
    b"\xed\xa0\x80\xed\xa0",
    b"a\xff\xfe",
    b"\x80\x81\x82\x83\x84abc",
]
every(m.decode, [b"utf-8", b"ascii", b"latin-1", b"utf-8-sig"], CASES8, HANDLERS)
c(m.decode, b"\xef\xbb\xbfa\xff", b"utf-8-sig", None)
c(m.decode, b"\xef\xbba", b"utf-8-sig", None)
for h in [b"xmlcharrefreplace", b"namereplace", b"no-such-handler"]:
    c(m.decode, b"a\xff", b"utf-8", h)
    c(m.decode, b"a\x00", b"utf-16-le", h)

print("encode: every handler")
STRS = [
    "a",
    "\ud800",
    "a\ud800\udc00b",
    "\udc80\udcff",
    "\U0001f600",
    "\xe9\ud800x\udfff",
    "\udc80\ud800\udcff",
]
ENCODINGS = [b"utf-8", b"utf-16", b"utf-16-be", b"utf-32", b"utf-32-le", b"latin-1", b"ascii"]
every(m.encode, ENCODINGS + [b"utf-8-sig"], STRS, HANDLERS + [b"xmlcharrefreplace"])
c(m.encode, "\ud800", b"utf-8", b"namereplace")
c(m.encode, "\ud800", b"utf-16", b"namereplace")
c(m.encode, "\xe9", b"ascii", b"no-such-handler")
c(m.encode, "plain", b"ascii", b"no-such-handler")

print("byte order")
for b in [b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00", b"\xff\xfe"]:
    for bo in [0, -1, 1]:
        c(m.decode_utf16, b, bo)
    c(m.decode_utf16_nobo, b)
for b in [b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a", b"a\x00\x00\x00"]:
    for bo in [0, -1, 1]:
        c(m.decode_utf32, b, bo)

print("stateful")
for b, unit in [
    (b"ab\xc3", 1),
    (b"ab\xe2\x82", 1),
    (b"ab\xff", 1),
    (b"a\x00b", 2),
    (b"a\x00\x00\xd8", 2),
    (b"a\x00\x00\xd8\x00", 2),
    (b"a\x00\x00\xdc", 2),
    (b"a\x00\x00\x00b\x00", 4),
    (b"", 2),
]:
    c(m.decode_stateful, b, unit)

print("As*String")
for s in ["hi", "\U0001f600", "\ud800", "a\udfffb"]:
    c(m.as_utf16, s)
    c(m.as_utf32, s)
    c(m.as_utf8, s)
    c(m.as_utf8_size, s)
check(m.as_utf16, b"bytes")
check(m.as_utf32, 5)

print("codec names")
for name in [
    b"UTF-16",
    b"utf_16",
    b"U16",
    b"utf16",
    b"UTF-16LE",
    b"utf_16le",
    b"UnicodeLittleUnmarked",
    b"utf-16-be",
    b"Utf 32 Be",
    b"utf_32le",
    b"U32",
    b"  UTF--8 ",
    b"utf8",
    b"UTF",
    b"cp65001",
    b"Latin-1",
    b"latin1",
    b"ISO-8859-1",
    b"iso8859_1",
    b"l1",
    b"ASCII",
    b"us-ascii",
    b"ISO_646.IRV:1991",
    b"ANSI_X3.4-1968",
    b"646",
    b"utf_8_",
    b"utf.8",
    b"utf-8-sig",
    b"",
    b"no-such-codec",
    b"utf-9",
    b"hex",
    b"rot13",
]:
    c(m.decode, b"hi", name, None)
    c(m.encode, "hi", name, None)

print("untyped objects")
c(m.dec_any_utf16, b"\xff\xfeh\x00i\x00")
c(m.dec_any_utf16, bytearray(b"\xfe\xff\x00h\x00i"))
c(m.dec_any_utf16, b"h\x00i")
c(m.dec_any, b"caf\xc3\xa9")
c(m.dec_any, b"caf\xe9", "latin-1")
c(m.dec_any, b"caf\xe9", "ascii", "replace")
c(m.dec_any, b"caf\xe9", encoding="ascii", errors="ignore")
c(m.dec_any, b"caf\xe9", errors="backslashreplace")
c(m.dec_any, b"abc", "no-such-codec")
c(m.dec_any, b"abc", 5)
c(m.dec_any, b"abc", "utf-8", None)
check_type(m.dec_any, b"abc", "utf-8", "strict", 1)
check_type(m.dec_any, b"abc", nosuch=1)
c(m.enc_any_utf32be, "h\ud800!")
c(m.enc_any, "caf\xe9")
c(m.enc_any, "caf\xe9", "utf-16-be")
c(m.enc_any, "caf\xe9", "ascii", "xmlcharrefreplace")
c(m.enc_any, "caf\xe9", errors="replace", encoding="ascii")
c(m.enc_any, "caf\xe9", "ascii")
c(m.bound_decode, b"o\x00k\x00")
c(m.bound_decode, bytearray(b"o\x00k\x00"))

print("unicode_escape and raw_unicode_escape")
ESCAPED = [
    b"plain \xe9",
    b"a\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r\\\nz",
    b"\\101\\0\\7a\\x41\\u20ac\\U0001f600\\ud800",
    b"a\\x4",
    b"\\x4g",
    b"\\u12",
    b"ab\\U00110000x",
    b"\\U0001F60",
    b"end\\",
    b"\\\\u0041",
    b"\\\\\\u0041",
    b"\\\\\\u12",
]
for b in ESCAPED:
    for h in [None, b"strict", b"ignore", b"replace", b"backslashreplace"]:
        c(m.dec_escape, b, h)
        c(m.dec_raw_escape, b, h)
    c(m.decode, b, b"unicode-escape", None)
    c(m.decode, b, b"raw_unicode_escape", None)
# MP-DIFF: \N{name} escapes need character names (README, codecs row).
for s in ["a\\b\n\t\r\x00\x7f\xe9\u20ac\U0001f600'\"", "\ud800x", ""]:
    c(m.enc_escape, s)
    c(m.encode, s, b"unicode_escape", None)
    c(m.encode, s, b"Raw-Unicode-Escape", None)
c(m.surrogate_literals)
