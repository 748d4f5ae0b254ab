# API semantics the real libraries met: str as a buffer, list into a
# bytearray slice, PyMemoryView_GET_BUFFER, PyUnicode_AsWideChar(String),
# pyconfig.h.
import capi_libgaps as m
from checks import check

print("pyconfig.h")
check(m.pyconfig)

print("str is no buffer")
check(m.view_sum, b"abc")
check(m.view_sum, bytearray(b"\x01\x02"))
check(m.view_sum, memoryview(b"xyz")[1:])
check(m.view_sum, "abc")
check(m.view_sum, m.S("abc"))
for o in (b"a", bytearray(b"a"), memoryview(b"a"), "a", m.S("a"), 1, None):
    check(m.check_buffer, o)

print("bytearray slices")
check(m.set_slice, bytearray(b"abcdef"), 1, 3, [65, 66, 67])
check(m.set_slice, bytearray(b"abcdef"), 0, 6, (1, 2))
check(m.set_slice, bytearray(b"abcdef"), 2, 2, range(48, 51))
check(m.set_slice, bytearray(b"abcdef"), 4, 6, (x for x in [120, 121]))
check(m.set_slice, bytearray(b"abcdef"), 1, 5, [])
check(m.set_slice, bytearray(b"abcdef"), 1, 3, b"XY")
check(m.set_slice, bytearray(b"abcdef"), 1, 3, memoryview(b"Q"))
check(m.set_slice_obj, bytearray(b"abcdef"), [90, 91, 92])
check(m.set_slice, bytearray(b"abcdef"), 1, 3, "xy")
check(m.set_slice, bytearray(b"abcdef"), 1, 3, 5)
check(m.set_slice, bytearray(b"abcdef"), 1, 3, None)

print("PyMemoryView_GET_BUFFER")
check(m.memview_buffer, memoryview(b"hello"))
check(m.memview_buffer, memoryview(bytearray(b"abc")))
check(m.memview_buffer, memoryview(b"hello")[1:4])

print("PyUnicode_AsWideChar")
for text in ("abc", "h\xe9llo", "\u20ac\U0001f600", ""):
    check(m.wide_needed, text)
    for size in (0, 2, len(text), len(text) + 1, 10):
        check(m.wide, text, size)
    check(m.wide_string, text, True)
    check(m.wide_string, text, False)
check(m.wide_string, "a\x00b", True)
check(m.wide_string, "a\x00b", False)
check(m.wide, b"abc", 3)
check(m.wide_needed, 5)
check(m.wide_string, None, True)

print("buffers of sliced memoryviews")
check(m.view_sum, memoryview(bytearray(b"\x01\x02\x04"))[1:])
check(m.memview_buffer, memoryview(bytearray(b"abcdef"))[2:5])
