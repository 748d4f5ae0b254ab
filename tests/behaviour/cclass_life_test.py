# cdef class life cycle: construction order and arguments, __dealloc__ after
# a collection, objects alive only through other objects, cycles, typed
# attribute errors, wrong self types, static/class methods and constants
import gc
import cclass_life as m
from checks import check, check_type


n = m.NoArgs(1)
print("noargs", n.seen, m.NoArgs("x", b=5).seen)
check_type(m.NoArgs)
m.Order(1, k=2)
m.OrderChild(3)
print("order", m.events)
t = m.Tracked(5, payload="p")
print("tracked", t.ident, t.payload, t.peer)
check(m.Tracked, "x")
check_type(m.Tracked, 1, 2, 3)

# __dealloc__: CPython runs it when the last reference goes, MicroPython when
# the collector finds the object unreachable; after gc.collect() both have run it.
m.freed[0] = 0
m.make_garbage(50, False)
gc.collect()
print("dealloc plain", m.freed[0] >= 45)
m.freed[0] = 0
m.make_garbage(50, True)
gc.collect()
gc.collect()
print("dealloc cycles", m.freed[0] >= 90)

head = m.make_chain(30)
junk = [bytearray(100) for i in range(200)]
del junk
gc.collect()
print("chain", m.chain_ids(head) == list(range(30)))
nest = m.nested_payloads(20)
gc.collect()
d = 0
x = nest
while isinstance(x.payload, list) and x.payload:
    x = x.payload[0]
    d += 1
print("nested", d, x.ident, nest.payload[1]["k"][1])

h = m.Holder()
h.typed = t
h.typed = None
h.anything = h
h.items = [1]
h.items = None
h.table = {"a": 1}
h.text = "txt"
h.raw = b"raw"
h.pair = (1, 2)
h.small = -5
h.byte = 255
h.real = 2
h.flag = 3
print(
    "holder",
    h.typed,
    h.anything is h,
    h.items,
    h.table,
    h.text,
    h.raw,
    h.pair,
    h.small,
    h.byte,
    h.real,
    h.flag,
    h.fixed,
)


def setter(name, value):
    def f():
        setattr(h, name, value)

    return f


check(setter("typed", 5))
check(setter("typed", m.Holder()))
check(setter("items", (1, 2)))
check(setter("table", []))
check(setter("text", b"bytes"))
check(setter("raw", "str"))
check(setter("pair", [1]))
check(setter("small", "x"))
check(setter("small", 2**40))
check(setter("byte", 256))
check(setter("byte", -1))
check(setter("real", "x"))
check_type(setter("fixed", 1))
check_type(setter("nosuch", 1))
check_type(lambda: h.nosuch)
check_type(delattr, h, "small")

s = m.Strict(4)
print("strict", s.get(), s.both(m.Strict(1)), s.maybe(None), s.maybe(s), s.twice())
check(s.both, None)
check(s.both, 5)
check(s.maybe, "x")
# Strict.get(5): Cython's binding methods do not check self on CPython either
# (they read the wrong object's memory); cclass_nobinding tests the descriptor check
print("unbound", m.Strict.get(s), m.Strict.twice(s))
print("static", m.Strict.make(3).get(), s.make(2).get())
print("classmethod", m.Strict.named(6), s.named(1))
print("constants", m.Strict.LIMIT, s.LIMIT, m.Strict.NAMES)
print("names", type(s).__name__, m.Strict.__name__, type(s) is m.Strict, isinstance(s, m.Strict))
print("repr", repr(s).startswith("<cclass_life.Strict object at "))
s.value = 9
print("property", s.value, s.get())
del s.value
print("deleted", s.value)
check(setattr, s, "value", -2)
check(setattr, s, "value", "x")
print("unchanged", s.value)
# __new__ runs __cinit__ only
fresh = m.Strict.__new__(m.Strict, 3)
print("__new__", fresh.get(), type(fresh).__name__)
bare = m.Tracked.__new__(m.Tracked, 4)
print("__new__ no init", bare.ident, bare.payload)
check_type(m.Strict.__new__, m.Strict)
print("module names", m.make_chain.__module__, m.Strict.__module__, m.Strict.get.__name__)
print(
    "function type module",
    type(m.make_chain).__module__.startswith("_cython"),
    m.chain_ids.__module__,
)
print(
    "descriptors",
    type(m.Holder.small).__name__,
    m.Holder.small.__name__,
    m.Holder.small.__objclass__ is m.Holder,
    m.Strict.value.__doc__,
)

print("__new__ checks")
check(m.new_of, m.NewBase, m.NewBase, 1)
check(m.new_of, m.NewSub, m.NewSub)
check(m.new_of, m.NewBase, m.NewSub)
check(m.new_of, m.NewSub, m.NewBase)
check(m.new_of, m.NewBase, m.Strict)
check(m.new_of, m.NewBase, 5)
check(
    lambda: (
        type(m.NewBase.__new__(m.NewBase)).__name__,
        type(m.NewSub.__new__(m.NewSub)).__name__,
    )
)
check(m.new_of, m.NewBase, m.NewSubNoCinit)
