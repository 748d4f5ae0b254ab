# C API dict: SetItem/GetItem/GetItemWithError (unhashable key: TypeError, or
# swallowed by PyDict_GetItem), GetItemString, DelItem of a missing key,
# Contains, Next, Keys/Values/Items, Copy, Clear, Update/Merge, SetDefault
import capi_dict as m
from checks import check, check_type, check_args


class Pairs:
    # a mapping that is not a dict: keys() and __getitem__
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


print("set/get")
check(m.new_and_set, [("a", 1), (2, "two"), ((1, 2), None), ("a", 3)])
check_type(m.new_and_set, [([], 1)])
check_type(m.new_and_set, [({}, 1)])
check(m.size, {})
check_type(m.size, [])
d = {"a": 1, 2: "b", (3,): "c"}
check(m.get_item, d, "a")
check(m.get_item, d, (3,))
check(m.get_item, d, "zz")
check(m.get_item, d, [])
check(m.get_item, {}, [])
check(m.get_item, [1], 0)
check(m.get_item_with_error, d, 2)
check(m.get_item_with_error, d, "zz")
check(m.get_item_with_error, d, [])
check(m.get_item_with_error, {}, [])
check(m.get_item_with_error, {}, {1: 2})
check_type(m.get_item_with_error, [1], 0)
check(m.get_item_string, d, b"a")
check(m.get_item_string, d, b"zz")
check(m.set_item, {}, "k", "v")
check_type(m.set_item, {}, [1], "v")
check_type(m.set_item, {}, {2}, "v")
check_type(m.set_item, [], 0, "v")
check(m.set_item_string, {"x": 0}, b"y", 1)
check(m.set_item_string, {"x": 0}, b"x", 1)
check_type(m.set_item_string, [], b"x", 1)

print("delete")
check(m.del_item, {"a": 1, "b": 2}, "a")
check_args(m.del_item, {"a": 1}, "zz")
check_args(m.del_item, {}, "zz")
check_args(m.del_item, {"a": 1}, ("t", 1))
check_type(m.del_item, {"a": 1}, [])
check_type(m.del_item, {}, [])
check_type(m.del_item, [1, 2], 0)
check(m.del_item_string, {"a": 1, "b": 2}, b"b")
check_args(m.del_item_string, {"a": 1}, b"zz")

print("contains")
check(m.contains, d, "a")
check(m.contains, d, "zz")
check(m.contains, d, [])
check(m.contains, {}, [])

print("iteration and views")
check(m.next_items, d)
check(m.next_items, {})
check(m.next_keys_only, {"x": 1, "y": 2})
check(m.next_items, [1, 2])
check(m.views, {"b": 2, "a": 1})
check(m.views, {})
check_type(m.keys, [1])

print("copy, clear, update, merge")
check(m.copy, {"x": 1})
check_type(m.copy, [1])
check(m.clear, {"x": 1, "y": 2})
check(m.clear, {})
check(m.update, {"a": 1}, {"a": 2, "b": 3})
check(m.update, {"a": 1}, Pairs())
check_type(m.update, {"a": 1}, [("k", "v")])
check_type(m.update, {"a": 1}, 5)
check_type(m.update, [], {})
check(m.merge, {"a": 1}, {"a": 2, "b": 3}, 0)
check(m.merge, {"a": 1}, {"a": 2, "b": 3}, 1)
check(m.merge, {"p": 0}, Pairs(), 0)
check(m.merge, {"p": 0}, Pairs(), 1)
check_type(m.merge, {}, None, 1)
check(m.set_default, {"a": 1}, "a", 9)
check(m.set_default, {"a": 1}, "b", 9)
check_type(m.set_default, {"a": 1}, [], 9)
check(m.proxy, {"a": 5, "b": 6})
for v in ({}, [], None):
    print(" ", m.checks(v))
check(m.view_lengths, {})
check(m.view_lengths, {1: 2, 3: 4, "x": None})
check_type(m.view_lengths, [1])
