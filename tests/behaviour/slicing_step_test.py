# slices with a step of str, bytes, tuple, bytearray, list (typed and
# untyped), extended slice assignment and deletion, with CPython's errors
import slicing_step as m
from checks import check, check_type, check_with, escaped


check(m.bytes_steps, b"abcdefgh")
check(m.bytes_steps, b"")
check_with(escaped, m.str_steps, "abcdefghijkl")
check_with(escaped, m.str_steps, "h\u00e9llo \u65e5\u672c \U0001f600!")
check_with(escaped, m.str_steps, "")
check_with(escaped, m.str_step, "abcdef", 4, 1, -1)
check_with(escaped, m.str_step, "abcdef", -100, 100, 4)
check_with(escaped, m.str_step, "\u00e9\u00e8\u00ea", 0, 3, 1)
check(m.str_step, "abcdef", 0, 3, 0)
check(m.tuple_steps, (1, 2, 3, 4, 5))
check(m.tuple_steps, ())
check(m.bytearray_steps, bytearray(b"abcde"))
check(m.list_steps, [1, 2, 3, 4, 5, 6, 7])
for o in ["abcdef", b"abcdef", (1, 2, 3, 4, 5, 6), bytearray(b"abcdef"), [1, 2, 3, 4, 5, 6]]:
    check(m.any_step, o, None, None, -1)
    check(m.any_step, o, 1, None, 2)
    check(m.any_step, o, -1, 0, -2)
    check(m.any_step, o, 5, 1, 3)
    check(m.any_step, o, None, None, 0)

print("assignment")
check(m.set_steps["bytearray"], bytearray(b"abcde"), b"XYZ")
check(m.set_steps["bytearray"], bytearray(b"abcde"), [1, 2, 3])
check(m.set_steps["bytearray"], bytearray(b"abcde"), bytearray(b"123"))
check(m.set_steps["bytearray"], bytearray(b"abcde"), b"XY")
check(m.set_steps["bytearray"], bytearray(b"abcde"), 5)
check(m.set_steps["bytearray"], bytearray(b"abcde"), "abc")
check(m.set_steps["bytearray"], bytearray(b""), b"")
check(m.set_reversed["bytearray"], bytearray(b"abcde"))
check(m.set_steps["list"], [1, 2, 3, 4, 5], "xyz")
check(m.set_steps["list"], [1, 2, 3, 4, 5], ("x", "y", "z"))
check(m.set_steps["list"], [1, 2, 3, 4, 5], [0])
check(m.set_steps["list"], [1, 2, 3, 4, 5], 5)
check(m.set_steps["list"], [], [])
check(m.set_reversed["list"], [1, 2, 3, 4])

print("deletion")
for a, b, c in [
    (None, None, 2),
    (None, None, -2),
    (1, 5, 3),
    (5, 1, -3),
    (None, None, -1),
    (10, 20, 2),
    (1, 3, None),
    (None, None, 0),
]:
    check(m.list_del, [0, 1, 2, 3, 4, 5, 6], a, b, c)
    check(m.bytearray_del, bytearray(b"0123456"), a, b, c)
check(m.bytearray_del_range, bytearray(b"0123456"), 1, 3)
check(m.bytearray_del_range, bytearray(b"0123456"), -2, 100)
check(m.bytearray_del_range, bytearray(b"0123456"), 0, 7)

print("slice objects made in Cython code (PySlice_New)")
check(m.make_slice, 1, None, 2)
check(m.make_slice, None, None, None)
check(m.sliced, "abcdef", m.make_slice(1, None, 2))
check(m.sliced, (1, 2, 3), m.make_slice(None, None, -1))
check(m.sliced, b"abc", m.make_slice(None, None, 0))
check(m.bytearray_del_item, bytearray(b"abcd"), 1)
check(m.bytearray_del_item, bytearray(b"abcd"), -1)
check(m.bytearray_del_item, bytearray(b"abcd"), 4)
check(m.del_item, bytearray(b"xyz"), 0)
check(m.del_item, bytearray(b"xyz"), -3)
check(m.del_item, bytearray(b"xyz"), 3)
check_type(m.del_item, bytearray(b"xyz"), "a")
check(m.del_item, [1, 2, 3], 1)
check(m.list_assign_iterable, [1, 2, 3, 4], 1, 3, "xy")
check(m.list_assign_iterable, [1, 2, 3, 4], 0, 4, range(3))
check(m.list_assign_iterable, [1, 2, 3], 1, 2, {"k": 1})
check(m.list_assign_iterable, [1, 2, 3], 1, 1, (x * 2 for x in range(2)))
check_type(m.list_assign_iterable, [1, 2, 3], 0, 1, 5)
check(m.obj_assign_iterable, [1, 2, 3], iter([7, 8]))
check(m.obj_assign_iterable, [1, 2, 3], (9,))
