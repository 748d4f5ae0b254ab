# slicing and indexing of list, str, bytes, tuple
import slicing as m
from checks import check, check_type


check(m.list_slices, [0, 1, 2, 3, 4])
check(m.list_slices, [])
check(m.str_slices, "hello")
check(m.str_slices, "")
print(m.str_slices("h\u00e9llo\u65e5")[0], m.str_slices("h\u00e9llo\u65e5")[3])
check(m.bytes_slices, b"\x00abc")
check(m.tuple_slices, (1, 2, 3))
check(m.untyped_slices, [1, 2, 3, 4], 1, 3)
check(m.untyped_slices, "abcd", -3, -1)
check(m.untyped_slices, (1, 2), 5, 9)
check(m.c_bounds, "abcdef", 2, 4)
check(m.c_bounds, "abcdef", -4, -1)
check(m.c_bounds, "abcdef", 4, 2)
check(m.indexing, [1, 2, 3])
check(m.indexing, "xyz")
check(m.indexing, (7,))
check(m.indexing, b"AB")
check_type(m.indexing, [])
check(m.typed_index, [5, 6, 7], -1)
check_type(m.typed_index, [5, 6, 7], 3)
check(m.str_index, "abc", 1)
print(m.str_index("\u00e9\u65e5", 1))
check_type(m.str_index, "abc", 5)
check(m.bytes_index, b"AB", 1)
check_type(m.bytes_index, b"AB", -3)
check(m.slice_assign)
check(m.item_assign, [1, 2], 0, "x")
check_type(m.item_assign, [1, 2], 2, "x")
# MP-DIFF: slice(1, 3) cannot be called in a MicroPython script ("can't create
# 'slice' instances"); Cython's slice() works (slicing_step). Slices with a
# step: slicing_step.
