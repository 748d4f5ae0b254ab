# `in` and iteration over lists, dicts, sets, strings, bytes and Python iterators
import contains_iter as m
from checks import Countdown, check, check_type


def gen(n):
    for i in range(n):
        yield i * 10


for v in (1, "a", 4, "k", 6, 7):
    check(m.membership, v)
check(m.substring, "hello")
check(m.bytes_membership, b"abc")
check(m.bytes_membership, b"")
check(m.range_membership, 4)
check(m.range_membership, 5)
check(m.range_membership, 10)
check(m.over_list, [1, "a", [2]])
check(m.over_tuple, (1, 2, 3))
check(m.over_dict, {"b": 2, "a": 1, "c": 3})
check(m.over_dict, {})
check(m.over_untyped_dict, {1: "x", 2: "y"})
check(m.over_set, {3, 1, 2})
check(m.over_str, "abc")
# MP-DIFF: repr() of non-ASCII str escapes the characters on MicroPython, so print them joined
print(" ".join(m.over_str("\u00e9\u65e5x")))
check(m.over_bytes, b"\x00\x7f\xff")
check(m.over_iterator, Countdown(4))
check(m.over_iterator, gen(3))
check(m.over_iterator, iter([1, 2]))
check(m.over_iterator, range(3))
check_type(m.over_iterator, 5)
check(m.count_chars, "mississippi")
check(m.nested_iteration, [[1, 2], [3], []])
check(m.mutate_while_iterating, [1, 2, 3, 4, 5])
