# C API protocols: PyNumber_* (ZeroDivisionError, TypeError for unsupported
# operands, in-place forms), PySequence_* (GetItem of a dict or int, Index of
# a missing value, Concat/Repeat of non-sequences), PyMapping_*,
# PyObject_GetItem/SetItem/DelItem, PyObject_GetIter/PyIter_Next (NULL and no
# error at the end, the error of a failing iterator)
import capi_protocols as m
from checks import check, check_type, check_args


class Pairs:
    # a mapping that is not a dict
    def __init__(self):
        self.d = {"a": 1, "b": 2}

    def keys(self):
        return list(self.d.keys())

    def values(self):
        return list(self.d.values())

    def items(self):
        return list(self.d.items())

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)


def gen(n):
    for i in range(n):
        yield i * i


def failing_gen():
    yield 1
    raise ValueError("iterator failed")


print("numbers")
for name in (
    "add",
    "sub",
    "mul",
    "truediv",
    "floordiv",
    "mod",
    "divmod",
    "pow",
    "lshift",
    "rshift",
    "and",
    "or",
    "xor",
):
    print(name)
    check(m.binop, name, 7, 2)
    check(m.binop, name, -7, 2)
    check(m.binop, name, 2**70, 3)
    if name in ("truediv", "floordiv", "mod", "divmod"):
        # MP-DIFF: the messages of ZeroDivisionError differ
        check_type(m.binop, name, 1, 0)
        check_type(m.binop, name, 2**70, 0)
        check_type(m.binop, name, 1.5, 0.0)
    check_type(m.binop, name, "a", 1)
check(m.binop, "add", "a", "b")
check(m.binop, "add", [1], [2])
check(m.binop, "mul", "ab", 3)
check(m.binop, "mul", 3, [0])
check(m.binop, "add", 1.5, 2)
check(lambda: sorted(m.binop("or", {1}, {2})))
check_type(m.binop, "lshift", 1, -1)
check_type(m.binop, "pow", 0, -1)
check(m.power_mod, 3, 4, 5)
check(m.power_mod, 2, 100, 7)
check_type(m.power_mod, 3, 4, 0)
check(m.unary, -3)
check(m.unary, 2.5)
check(m.unary, -(2**70))
check(m.invert, 5)
check(m.invert, True)
check_type(m.invert, 1.5)
check_type(m.negative, "x")
check(m.inplace_add, [1], [2])
check(m.inplace_add, (1,), (2,))
check(m.inplace_add, 1, 2)
check_type(m.inplace_add, [1], 2)
check(m.inplace_mul, [1], 2)
check(m.inplace_or, {1}, {2})
for v in (1, 1.5, True, "x", [], None):
    check(m.number_check, v)

print("sequences")
for v in ([], (), "x", b"x", {}, set(), 1, range(3)):
    check(m.seq_check, v)
check(m.seq_size, [1, 2, 3])
check(m.seq_size, "abcd")
check_type(m.seq_size, 5)
check(m.seq_get, [10, 20, 30], 1)
check(m.seq_get, [10, 20, 30], -1)
check(m.seq_get, (10, 20), 5)
check(m.seq_get, "abc", 2)
check(m.seq_get, {0: "zero"}, 0)
check(m.seq_get, 5, 0)
check(m.seq_set, [1, 2], 0, "x")
check(m.seq_set, [1, 2], -1, "y")
check(m.seq_set, [1, 2], 5, "z")
check_type(m.seq_set, (1, 2), 0, "x")
check(m.seq_set, {}, 0, "x")
check(m.seq_del, [1, 2, 3], 0)
check(m.seq_del, [1, 2, 3], -1)
check(m.seq_del, [1], 3)
check(m.seq_del, {0: 1}, 0)
check(m.seq_slice, [0, 1, 2, 3], 1, 3)
check(m.seq_slice, (0, 1, 2, 3), -2, 100)
check(m.seq_slice, "hello", 1, -1)
check(m.seq_set_slice, [0, 1, 2, 3], 1, 3, ["a"])
check(m.seq_del_slice, [0, 1, 2, 3], 0, 2)
check_type(m.seq_set_slice, (0, 1), 0, 1, [])
check(m.seq_contains, [1, 2], 2)
check(m.seq_contains, "abc", "bc")
check(m.seq_contains, (1, 2), 3)
check(m.seq_contains, {"k": 1}, "k")
check_type(m.seq_contains, 5, 1)
check_type(m.seq_contains, "abc", 1)
check(m.seq_index, [5, 6, 7], 7)
check(m.seq_index, "abc", "c")
check(m.seq_index, [5, 6], 9)
check(m.seq_index, gen(5), 9)
check(m.seq_index, gen(5), 4)
check_type(m.seq_index, 5, 1)
check(m.seq_count, [1, 2, 1, 1], 1)
check(m.seq_count, (1, 2), 3)
check(m.seq_count, gen(4), 1)
check(m.seq_count, {1, 2}, 1)
check_type(m.seq_count, 5, 1)
check(m.seq_tuple, [1, 2])
check(m.seq_tuple, "ab")
check(m.seq_tuple, gen(3))
check_type(m.seq_tuple, 5)
check(m.seq_list, (1, 2))
check(m.seq_list, gen(3))
check_type(m.seq_list, None)
check(m.seq_fast, [1])
check(m.seq_fast, (1,))
check(m.seq_fast, gen(2))
check(m.seq_fast, 5)
check(m.seq_fast, None)
check(m.seq_concat, [1], [2])
check(m.seq_concat, "a", "b")
check(m.seq_concat, 1, 2)
check(m.seq_concat, {}, {})
check_type(m.seq_concat, [1], (2,))
check(m.seq_repeat, [1, 2], 2)
check(m.seq_repeat, "ab", 0)
check(m.seq_repeat, (1,), -1)
check(m.seq_repeat, 5, 2)
check(m.seq_inplace_concat, [1], [2])
check(m.seq_inplace_concat, (1,), (2,))
check(m.seq_inplace_concat, 1, 2)
check(m.seq_inplace_repeat, [1], 3)
check(m.seq_inplace_repeat, 2, 3)

print("mappings")
for v in ({}, [], (), "x", 5, None, Pairs()):
    check(m.map_check, v)
check(m.map_size, {"a": 1})
check(m.map_size, Pairs())
check_type(m.map_size, 5)
check(m.map_views, {"b": 2, "a": 1})
check(m.map_views, Pairs())
check_type(m.map_keys, [1])
check(m.map_get_string, {"k": "v"}, b"k")
check_args(m.map_get_string, {"k": "v"}, b"missing")
check(m.map_get_string, Pairs(), b"b")
check_type(m.map_get_string, 5, b"k")
check(m.map_set_string, {}, b"k", "v")
check_type(m.map_set_string, (), b"k", "v")
check(m.map_has_key, {"k": 1}, "k")
check(m.map_has_key, {"k": 1}, "x")
check(m.map_has_key, {"k": 1}, [])
check(m.map_has_key, [10, 20], 1)
check(m.map_has_key, [10, 20], 10)
check(m.map_has_key, 5, 1)
check(m.map_has_key_string, {"k": 1}, b"k")
check(m.map_has_key_string, {"k": 1}, b"x")
check(m.map_has_key_string, 5, b"x")

print("items")
check(m.get_item, {"k": 1}, "k")
check_args(m.get_item, {"k": 1}, "x")
check(m.get_item, [1, 2, 3], -1)
check(m.get_item, [1, 2, 3], 5)
check(m.get_item, "abc", 1)
check_type(m.get_item, [1], "x")
check_type(m.get_item, 5, 0)
check(m.set_item, {}, "k", 1)
check(m.set_item, [0, 1], 1, "x")
check(m.set_item, [0, 1], 2, "x")
check_type(m.set_item, (0, 1), 0, "x")
check_type(m.set_item, "ab", 0, "x")
check(m.del_item, {"k": 1, "j": 2}, "k")
check_args(m.del_item, {"k": 1}, "x")
check(m.del_item, [0, 1, 2], 0)
check(m.del_item, [0], 1)
check_type(m.del_item, (0,), 0)

print("iterators")
check(m.iterate, [1, 2, 3])
check(m.iterate, "ab")
check(m.iterate, {"k": 1})
check(m.iterate, gen(3))
check(m.iterate, ())
check(m.iterate, range(2))
check(m.iterate, failing_gen())
check_type(m.get_iter, 5)
check_type(m.get_iter, None)
it = m.get_iter([7])
check(m.iter_next, it)
check(m.iter_next, it)
check(m.iter_next, it)
for v in (iter([]), gen(1), [], 5):
    check(m.iter_check, v)
