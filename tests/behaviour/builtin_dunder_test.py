# Special methods of built-in objects as attributes, from Cython code.
import builtin_dunder as m
from checks import check, check_type

print("typed", m.it_typed([1, 2, 3]))
for v in ([1], (1,), "s", b"b", {1: 2}, {1}, range(2), bytearray(b"x"), 5, 2.5, None):
    print(type(v).__name__, m.has(v), m.getattr_default(v))
print("iter", m.it_any((1, 2)), m.it_any("ab"), m.it_any(range(3)), sorted(m.it_any({3: 4, 5: 6})))
print("len", m.length([1, 2]), m.length("abc"), m.length({1: 2}), m.length(b""), m.length({7}))
print(
    "getitem",
    m.item([5, 6], 1),
    m.item("xyz", -1),
    m.item((1, 2, 3), 0),
    m.item(b"ab", 0),
    m.item(range(10), 3),
)
print(
    "contains",
    m.contains([1, 2], 2),
    m.contains("abc", "z"),
    m.contains({1: 2}, 1),
    m.contains({4}, 4),
)
it = iter([1, 2])
print("next", m.step(it), m.step(it))
check(m.step, it)
print("has next", m.has(iter([])), m.has(x for x in ()))
print("reversed", m.backwards([1, 2, 3]))
print("unbound", m.unbound([4, 5]), m.unbound("hi"))
check_type(m.item, [1], 5)
check_type(m.item, {}, "k")
check_type(m.it_any, 5)
check_type(m.length, 5)
print("still working", m.length([0]))
