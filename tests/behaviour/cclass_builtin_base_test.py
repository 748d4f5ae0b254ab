# cdef classes with a built-in base, used from Cython code and from
# MicroPython code (a Python subclass of one too).
import cclass_builtin_base as m
from checks import check, check_type

print("dict in cython", m.use_dict())
d = m.CountingDict([("x", 10)])
print("dict", d["x"], d.reads, len(d), d.total(), isinstance(d, dict), type(d).__name__)
d["y"] = 5
d.update({"z": 1})
print("dict methods", sorted(d.keys()), sorted(d.values()), d.pop("z"), d.get("q"))
print("dict eq", d == {"x": 10, "y": 5}, {"x": 10, "y": 5} == d, d != {"x": 1})
# MP-DIFF: MicroPython's dict(d) copies only an exact dict (DIFFERENCES.md)
print("dict copy", sorted(dict(d.items()).items()), sorted(m.CountingDict(d).items()))
print("dict iter", sorted(iter(d)), sorted(k for k in d))
print("dict repr", repr(m.CountingDict([("k", 1)])))
dd = m.DefaultDict([("a", 1)])
dd.default = "none"
print("default dict", dd.lookup("a"), dd.lookup("b"), len(dd))

print("stack in cython", m.use_stack())
s = m.Stack("t", "ab")
print("stack", s.push("c"), len(s), s[0], s[-1], s.top(), list(s), s + ["d"], s.name)
check(s.append, None)
s.extend(["e"])
print("stack list methods", s.index("b"), s.count("a"), s.pop(), len(s), sorted(s))

t = m.Tags([3, 1, 3])
print(
    "set", len(t), sorted(t), 1 in t, t.add_all(4, 5, 1), sorted(t & {1, 4, 9}), isinstance(t, set)
)
f = m.Frozen([1, 2])
print("frozenset", f.has(1), f.has(3), len(f), sorted(f), hash(f) == hash(frozenset([1, 2])))

buf = m.Buffer(b"ab")
buf.append(99)
print("bytearray", len(buf), bytes(buf), buf[0], buf.checksum(), isinstance(buf, bytearray))
z = m.Point(3 + 4j)
print("complex", z.norm2(), z.real, z.imag, z + 1, abs(z), z == 3 + 4j, isinstance(z, complex))
n = m.Name("abc")
print("str", n, len(n), n.shout(), n + "d", n[1], n == "abc", isinstance(n, str), "b" in n)
c = m.Count(21)
print(
    "int",
    c,
    c.twice(),
    c + 1,
    1 + c,
    -c,
    int(c),
    c == 21,
    isinstance(c, int),
    [0, 1, 2][m.Count(1)],
)
tp = m.Temp(1.5)
print("float", tp, tp.kelvin(), tp * 2, 2 * tp, float(tp), tp < 2, int(tp), isinstance(tp, float))

try:
    m.raise_app("bad", 7)
except m.AppError as e:
    print("caught AppError", e.code, e.args, str(e), e.describe(), isinstance(e, Exception))
try:
    m.raise_not_found("file")
except m.AppError as e:
    print("caught NotFound as AppError", type(e).__name__, e.code, e.what, e.args, str(e))
try:
    raise m.NotFound("thing")
except Exception as e:
    print("raised in python", type(e).__name__, e.code, e.args)
for which in range(3):
    print("catch in cython", m.catch_in_cython(which))
check(m.raise_app, "shown", 3)
e = m.AppError("attr", 1)
print("exception attributes", m.set_attr(e, 5), e.note, e.code)
e.code = 9
print("exception code", e.code, e.describe())
print("explicit object", m.Explicit(4).n, type(m.Explicit(1)).__name__)


class Recording(m.CountingDict):
    """A Python subclass of a cdef class with a built-in base."""

    def __init__(self, *args):
        super().__init__(*args)
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(key)
        super().__setitem__(key, value)


r = Recording([("a", 1)])
r["b"] = 2
r["c"] = 3
print("python subclass", sorted(r.items()), r.log, r["a"], r.reads, r.total(), isinstance(r, dict))
print("python subclass keys", sorted(r.keys()), len(r), "b" in r)
