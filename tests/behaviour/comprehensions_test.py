# list / dict / set comprehensions
import comprehensions as m
from checks import check


check(m.squares, 6)
check(m.squares, 0)
check(m.evens, [1, 2, 3, 4, 10, 11])
check(m.evens, range(7))
check(m.nested, 4)
check(m.matrix, 2, 3)
d = m.word_lengths(["a", "bbb", "cc", "a"])
print(type(d).__name__, sorted(d.items()))
print(sorted(m.inverted({"x": 1, "y": 2}).items()))
s = m.remainders([1, 5, 9, 10, 3], 4)
print(type(s).__name__, sorted(s))
check(m.typed_loop_var, 6)
check(m.strings, "a b c")
r = m.inlined_genexprs([1, 2, 3, 4])
print(r[:6], sorted(r[6]))
r = m.inlined_genexprs([])
print(r[:6], sorted(r[6]))
check(m.scope)
check(m.closure_in_comp, 3)
check(m.pairs, {"a": 1, "b": None, "c": 3})
