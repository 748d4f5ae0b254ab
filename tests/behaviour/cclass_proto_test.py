# cdef class protocols: indexing with ints and slices, deletion, containment,
# iteration, reversed, string conversions and format, attribute hooks,
# context managers, call, buffers
import cclass_proto as m
from checks import check, check_type


s = m.Seq(0, 1, 2, 3, 4, 5)
print("index", s[0], s[5], s[-1], len(s))
print("slice", s[1:3], s[:2], s[4:], s[:], s[::2], s[-2:])
s[0] = "zero"
s[1:3] = ["a", "b", "c"]
print("assigned", s)
del s[0]
print("del item", s)
del s[0:2]
print("del slice", s, len(s))
print("contains", 3 in s, "zero" in s, 99 not in s)
print("reversed", list(reversed(s)))
check_type(lambda: s[100])


def delitem(o, k):
    del o[k]


check_type(delitem, s, 100)
p = m.Probe()
print("probe", p[3], p["k"], p[1:2], p[:5], p[::3], p[1:9:2], p[None])
print("probe tuple", p[1, 2])

c = m.Countdown(3)
print("iter self", iter(c) is c, list(c), list(c))
print("next", next(m.Countdown(2)))
it = m.Countdown(1)
print(next(it))
check_type(next, it)
print("default next", next(it, "done"))
print("for", [x for x in m.Countdown(4)], sum(m.Countdown(10)))
print("gen iter", list(m.GenIter(5)), list(zip(m.GenIter(3), m.Countdown(3))))
check_type(iter, m.BadIter())

t = m.Strs("t")
print("str", str(t), repr(t), [t], "%s|%r" % (t, t))
# MP-DIFF: MicroPython has no format() builtin and its str.format() never calls
# __format__; Cython's format() and f-strings (PyObject_Format) do
print("format", m.fmt(t, "x>3"), m.fmt(t, ""), m.fstring(t), m.fmt(5, "03d"), m.fmt("ab", ">4"))
print("format default", m.fmt(m.ReprOnly(), ""), str(m.ReprOnly()))
check(m.fmt, m.ReprOnly(), ">4")
check(m.fstring, m.ReprOnly())
print("repr only", str(m.ReprOnly()), repr(m.ReprOnly()))

d = m.Dyn()
print("getattr", d.real, d.auto_x)
d.foo = 5
d.real = 7
print("setattr", d.foo, d.real, d.log)
del d.foo
print("delattr", d.log[-1])
check(getattr, d, "foo")
check(delattr, d, "nothing")
print("getattr default", getattr(d, "foo", "dflt"), hasattr(d, "foo"), hasattr(d, "auto_y"))
e = m.Every()
print("getattribute", e.anything, e.other, getattr(e, "x"), e.hits)

ctx = m.Ctx()
with ctx as got:
    print("inside", got is ctx)
print("with", ctx.log)
# MP-DIFF: MicroPython's own `with` passes None as __exit__'s traceback, and
# str(KeyError('k')) is k: the with statements in this script print neither
ctx = m.Ctx()
try:
    with ctx:
        raise ValueError("v")
except ValueError as ex:
    print("propagated", ex.args)
print("with error", ctx.log[-1].split(" tb=")[0])
ctx = m.Ctx(True)
with ctx:
    raise ValueError("swallowed")
print("swallowed", ctx.log[-1].split(" tb=")[0])
print("cython with", m.use_ctx(m.Ctx(), False))
check(m.use_ctx, m.Ctx(), True)
print("cython with swallow", m.use_ctx(m.Ctx(True), True))
print("cython with traceback", m.with_tb_repr())

f = m.Caller()
print("call", f(), f(1, 2), f(a=1), f(3, b=2, a=1), callable(f), callable(m.Seq()))

b = m.Buf(5)
print("bytes", bytes(b), bytearray(b), b.exports)
mv = memoryview(b)
print("memoryview", len(mv), mv[0], bytes(mv[1:3]))
b.poke(0, 97)
print("shared", mv[0], bytes(b)[:1])
del mv
print("sum_view", m.sum_view(b), m.sum_view(b"\x01\x02\x03"), m.sum_view(bytearray(b"ab")))
print("bytes ops", b"ABC" in bytes(b), bytes(b) == bytes(m.Buf(5)))
check_type(m.sum_view, 5)
ba = bytearray(b"xyz")
print("fill", m.fill(ba, 48), ba)
check(m.fill, b"abc", 1)
import array

print("ints", m.sum_ints(array.array("i", [1, 2, 3, -10])))
check_type(m.sum_ints, bytearray(b"abcd"))


class PyIt:
    # a Python-class iterator: __next__ without __iter__
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n <= 0:
            raise StopIteration(42)
        self.n -= 1
        return self.n


pit = PyIt(2)
print("python iterator", m.cy_next(pit), m.cy_next(pit), m.cy_next_default(pit))
check(m.cy_next, pit)
check(m.cy_next, iter([]))
print(
    "cython iterator", m.cy_next(m.Countdown(3)), m.cy_next(iter("ab")), m.cy_next(x for x in (7,))
)
check(m.cy_next, 5)

# container and iterator special methods called by name
s = m.Seq(1, 2, 3)
print(
    "seq methods",
    s.__len__(),
    s.__getitem__(1),
    s.__setitem__(0, 9),
    s.__contains__(9),
    s.__contains__(7),
)
print("seq del", s.__delitem__(2), s, s.__repr__())
c = m.Countdown(2)
print("iter methods", c.__iter__() is c, c.__next__(), c.__next__())
check_type(c.__next__)
k = m.Caller()
print("call method", k.__call__(1, k=2), k.__call__())
check_type(s.__getitem__, 10)
check_type(s.__setitem__, 1)
