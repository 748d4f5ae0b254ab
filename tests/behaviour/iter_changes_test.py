# A dict, its views or a set changing size while Cython code iterates it.
from collections import OrderedDict

import iter_changes as m
from checks import check, check_type


class D(dict):
    pass


class S(set):
    pass


class Wrapper:
    # its iterator is a dict's, made by MicroPython code
    def __init__(self):
        self.d = {1: 2, 10: 20}

    def __iter__(self):
        return iter(self.d)

    def __setitem__(self, k, v):
        self.d[k] = v


check(m.add_while_iterating, OrderedDict([(1, 2), (10, 20)]))
check(m.add_while_iterating, D({1: 2, 10: 20}))
check(m.add_while_iterating, Wrapper())
check(m.add_while_iterating, OrderedDict())
d = {1: 2, 10: 20}
check(m.add_to_view_owner, d, d.keys())
d = {1: 2, 10: 20}
check(m.add_to_view_owner, d, d.values())
d = {1: 2, 10: 20}
check(m.add_to_view_owner, d, d.items())
od = OrderedDict([(1, 2)])
check(m.add_to_view_owner, od, od.keys())
check(m.delete_while_iterating, {1: 2, 3: 4})
check(m.delete_while_iterating, {})

for v in (1, 2, 3):
    check(m.set_add, {1, 2, 3}, v)
# the message of a typed set's loop is Cython's own before CPython 3.13
# ("set changed size"), the set iterator's ("Set changed size") after
check_type(m.set_add, {1, 2, 3}, 4)
check(m.untyped_set_add, {1, 2, 3}, 4)
check(m.untyped_set_add, S([1, 2]), 5)
check(m.untyped_set_add, {1, 2, 3}, 2)
check(m.set_discard, {1, 2, 3})
check(m.set_discard, set())

d = {i: i for i in range(8)}
for i in range(1, 8):
    del d[i]
check(m.replace_keys, d)
check(m.sticky, {"a": 1})
check(m.sticky, OrderedDict([("a", 1)]))
check(m.exhausted, {"a": 1, "b": 2})
check(m.exhausted, {})
check(m.change_values, {"a": 1, "b": 2})
check(m.unchanged, frozenset([3, 1, 2]))
check(m.unchanged, {"x": 1, "y": 2}.items())
check(m.unchanged, {5, 4})
check_type(m.iterate, 5)
check_type(m.iterate, None)
