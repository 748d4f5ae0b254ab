# C API set/frozenset: New (from iterables, NULL, non-iterables), Add with an
# unhashable key, Discard/Contains, Pop of an empty set, Clear, and the
# SystemError for a call on the wrong type
import capi_set as m
from checks import check, check_type, check_args


check(m.new, [3, 1, 3, 2])
check(m.new, "abca")
check(m.new, {"k": 1})
check(m.new, (x * x for x in range(4)))
check(m.new_empty)
check_type(m.new, 5)
check_type(m.new, [[1]])
check(m.frozen, [1, 1, 2])
check_type(m.frozen, None)
check(m.size, {1, 2})
check(m.size, frozenset())
check_type(m.size, [1, 2])
check(m.add, {1}, 2)
check(m.add, {1}, 1)
check(m.add, set(), (1, 2))
check(m.add, {1}, [])
check(m.add, set(), {})
check_type(m.add, [1], 2)
check(m.discard, {1, 2}, 1)
check(m.discard, {1, 2}, 5)
check(m.discard, {1, 2}, [])
check(m.discard, set(), [])
check_type(m.discard, frozenset([1]), 1)
check_type(m.discard, [1], 1)
check(m.contains, {1, 2}, 2)
check(m.contains, {1, 2}, 3)
check(m.contains, frozenset("ab"), "a")
check(m.contains, {1}, [])
check(m.contains, set(), [])
check_type(m.contains, [1], 1)
check(m.pop_all, {"a", "b", "c"})
check_args(m.pop, set())
check_type(m.pop, frozenset([1]))
check(m.clear, {1, 2, 3})
check_type(m.clear, [1])
for v in (set(), frozenset(), [], {}):
    print(" ", m.checks(v))
