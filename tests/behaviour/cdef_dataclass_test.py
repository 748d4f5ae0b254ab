# @dataclass cdef classes against CPython: generated __init__ (defaults,
# default_factory, init=False, __post_init__, bad arguments), __repr__,
# __eq__, ordering, __hash__, frozen fields; and the dataclasses module's
# functions on them (fields, asdict, astuple, replace, is_dataclass).
import dataclasses
import cdef_dataclass as m
from checks import check, check_type

P, Item = m.Point, m.Item
print(repr(P(1)), repr(P(1, 2)), repr(P(x=3, label="q")), repr(P(1, 2, "r")))
print(P(1) == P(1), P(1) == P(1, 0, "p"), P(1) == P(2), P(1) != P(2), P(1) == 1)
p = P(5, 6)
p.x = 7
print(p.x, p.y, p.label, m.c_sum(p))
check(P)
check(P, 1, 2, "a", 4)
check(P, 1, z=2)
check(P, 1, x=2)
check_type(P, "one")
check_type(P, 1, label=5)

a, b = Item("a"), Item("b", ["x"], 3, note="n")
print(repr(a), repr(b), a.tags, b.note, a.note, a.meta)
print(a.tags is not Item("c").tags, a == Item("a", note="other"), a == b)
a.tags.append("more")
print(a.tags, Item("a").tags)

v = [m.Version(1, 2), m.Version(1), m.Version(0, 9)]
print(sorted(v), m.Version(1) < m.Version(1, 1), m.Version(2) >= m.Version(1, 9))
print(
    hash(m.Version(1, 2)) == hash(m.Version(1, 2)), len({m.Version(1), m.Version(1), m.Version(2)})
)
check_type(lambda: m.Version(1) < 1)

n = m.NoEq()
print(n == n, n == m.NoEq(), repr(n))
print(repr(m.Posted()), repr(m.Posted(4)))
check_type(m.Posted, 1, 2)
check_type(m.Posted, b=2)

f = m.Frozen()
print(repr(f), f.k, f == m.Frozen(3), hash(f) == hash(m.Frozen(3)))
check_type(setattr, f, "k", 4)

# the dataclasses module on them
print(dataclasses.is_dataclass(P), dataclasses.is_dataclass(p), dataclasses.is_dataclass(1))
print([fl.name for fl in dataclasses.fields(P)], [fl.name for fl in dataclasses.fields(b)])
fl = dataclasses.fields(Item)[1]
print(
    fl.name, fl.default is dataclasses.MISSING, fl.default_factory is m.new_tags, fl.init, fl.repr
)
fl = dataclasses.fields(Item)[3]
print(fl.name, fl.default, fl.repr, fl.compare, fl.hash, len(fl.metadata))
# metadata: a read-only view of the mapping given to field()
md = dataclasses.field(metadata={"unit": "m"}).metadata
print(
    md["unit"],
    md.get("unit"),
    md.get("x", 0),
    "unit" in md,
    len(md),
    list(md),
    md == {"unit": "m"},
)
print(list(md.keys()), list(md.values()), list(md.items()), md.copy(), repr(md))
check(getattr, md, "pop")
print(repr(P.__dataclass_params__), repr(Item.__dataclass_params__))
print(dataclasses.asdict(b) == {"name": "b", "tags": ["x"], "count": 3, "note": "n", "meta": {}})
print(dataclasses.astuple(P(1, 2)), dataclasses.astuple(b))
print(repr(dataclasses.replace(P(1, 2), label="new")), repr(dataclasses.replace(b, count=9)))
check(dataclasses.replace, m.Posted(), b=3)
check(dataclasses.fields, 1)
check(dataclasses.asdict, P)
check(dataclasses.astuple, 1)
check_type(dataclasses.replace, P(1), z=1)

# the generated __repr__ guards against recursion (its guard is a threading.local)
a.tags.append(a)
print(repr(a))
print(m.local_attrs())
check(m.new_local, 1)


def f(a, b=2, *, c=3):
    pass


class K:
    def __init__(self, x, y=1):
        pass


print(m.argspec(f), m.argspec(K), m.argspec(K(0).__init__), m.argspec(lambda: 0))
check_type(m.argspec, 1)
