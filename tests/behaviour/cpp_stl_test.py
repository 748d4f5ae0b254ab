# A C++ module compared with CPython: STL containers and conversions,
# `except +` for each standard exception, handlers, new/del in cdef classes,
# a Python exception in a callback under C++ frames (cpp_stl.pyx)
import cpp_stl as m
from checks import check, check_type

print("except +")
for kind in range(14):
    check(m.throw, kind)
for kind in (0, 4, 13):
    check(m.throw_as_value_error, kind)
    check(m.throw_custom, kind)

print("containers")
check(m.vector_roundtrip, [5, 3, 9])
check(m.vector_roundtrip, [])
check(m.vector_at, [1.5, 2.5], 1)
check(m.vector_at, [1.5, 2.5], 2)
check(m.vector_at, [1.5, 2.5], -1)
check(m.vector_of_vectors, 4)
check(m.strings, b"abc", "d\xe9f")
check(m.string_at, b"xyz", 1)
check(m.string_at, b"xyz", 3)
check(m.map_counts, [b"b", b"a", b"b", b"c", b"b"])
check(m.map_lookup, {b"k": 7}, b"k")
check(m.map_lookup, {b"k": 7}, b"missing")
check(m.sets_and_pairs, [3, 1, 3, 2])
check(m.unordered, {1: 10, 2: 20})
check(m.deque_ops, 6)

print("bad input")
check_type(m.bad_conversion, [1, "two"])
check_type(m.bad_conversion, 5)
check(m.bad_conversion, (1, 2))
check_type(m.vector_roundtrip, [2**40])
check_type(m.strings, "not bytes", "x")
check_type(m.map_lookup, {1: 2}, b"k")

print("cdef class owning C++ objects")
c = m.Counter(10)
check(c.bump)
check(c.bump)
check(lambda: c.seen)
check_type(m.Counter, "x")
for i in range(200):
    m.Counter(i).bump()
check(lambda: m.Counter(1).bump())

print("callbacks under C++ frames")
check(m.each, [1, 2])
check(m.each, [1, 3, 4])
check(m.each_checked, [1, 2, 3])
check(m.raised_log)
check(m.each_checked, [0, 1])
check(m.raised_log)
