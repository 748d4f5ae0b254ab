# builtins called from Cython: len range print sorted isinstance min max sum enumerate zip ...
import builtins_calls as m
from checks import check, check_type


class Obj:
    pass


check(m.lengths, "abc", [1, 2], {1: 2}, ())
check_type(m.lengths, 5, [], {}, ())
check(m.ranges, 5)
check(m.ranges, 0)
m.printing()
check(m.sorting, [3, 1, 2])
check(m.sorting, (5, -1))
check_type(m.sorting, [1, "a"])
for v in (1, "a", [1], (1,), 1.5, {}, None):
    check(m.instance_checks, v)
check(m.min_max, [4, 8, 2])
check_type(m.min_max, [])
check(m.sums, [1, 2, 3])
check(m.sums, range(5))
check(m.enumerating, "ab")
check(m.enumerating, [])
check(m.zipping, [1, 2, 3], [10, 20], "xyz")
check(m.zipping, "ab", "cd", "ef")
check(m.misc, -3)
check(m.misc, 0)
check(m.typed_len, [1], "ab", b"cde", (1, 2, 3, 4), {})
check(m.iter_next, [1, 2, 3])
check(m.iter_next, "xy")
check_type(m.iter_next, [1])
o = Obj()
check(m.getattr_setattr, o)
print(o.value)


class Counter:
    def __init__(self, stop_with=None):
        self.i = 0
        self.stop_with = stop_with

    def __call__(self):
        self.i += 1
        if self.i == 4 and self.stop_with is not None:
            raise self.stop_with
        return self.i


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


check(m.iter_sentinel, Counter(), 3)
check(m.iter_sentinel, Counter(StopIteration()), 99)
check(m.iter_sentinel, [b"ab", b"c", b""].pop, b"ab")
check(m.iter_sentinel, Counter(ValueError("boom")), 99)
check_type(m.iter_sentinel, 5, 0)
check(m.seq_iter, Seq())
check(m.seq_iter, "abc")
check_type(m.seq_iter, 5)


class Map:
    def __init__(self, **kw):
        self.m = kw

    def keys(self):
        return list(self.m)

    def __getitem__(self, k):
        return self.m[k] * 10


class SubDict(dict):
    pass


for v in (Map(a=1, b=2), SubDict(c=3), [("p", 1), ("q", 2)], {"r": 5}, Map()):
    check(m.dict_of, v)
check(m.dict_unpack, Map(a=1), SubDict(b=2))
check(m.dict_unpack, {"x": 1}, Map(y=2))
check_type(m.dict_of, 5)
check_type(m.dict_unpack, 5, {})
check_type(m.dict_unpack, {}, [("a", 1)])

print("builtin methods")
check(m.method_descriptor_attrs)
check(m.bound_method_names, [], "append")
check(m.bound_method_names, {}, "items")
check(m.bound_method_names, b"", "startswith")
check_type(m.bound_method_names, 1, "nope")
check(lambda *a: sorted(m.fromkeys_bound(*a).items()), {}, 100)
check(lambda *a: sorted(m.fromkeys_bound(*a).items()), {"x": 1}, None)
check_type(m.fromkeys_bound, [], 1)
check(m.is_cfunction, [].append)
check(m.is_cfunction, len)
check(m.is_cfunction, lambda: 0)
check(m.is_cfunction, Obj)
check(m.native_function_names)


class WithAttrs:
    def __init__(self):
        self.a = 1
        self.b = [2]


check(m.vars_of, WithAttrs())
check(m.vars_of, Obj())
check_type(m.vars_of, 5)
check_type(m.vars_of, "s")
check(m.ascii_of, "caf\xe9 \u20ac \U0001f600")
check(m.ascii_of, ["\xe9", 1])
check(m.ascii_of, 5)
