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
print("super", m.loud([1, 2, 3]))
print("init", m.init_calls())
print(
    "init unbound",
    m.init_unbound(int, 5, 6),
    m.init_unbound(str, "x"),
    m.init_on([9], (1, 2)),
    sorted(m.init_on({1: 2}, {3: 4}).items()),
)
check(m.init_unbound, dict, 5)
check(m.init_unbound, dict)
check(m.init_unbound, list, [], 1, 2)
check(m.init_unbound, list, [], x=1)
check(m.init_unbound, dict, {}, 1, 2)
print(
    "new",
    m.new_of(int, int, "12"),
    m.new_of(bool, bool),
    m.new_of(dict, dict, a=1),
    m.new_of(list, list, [1]),
)
print("new", m.new_of(tuple, tuple, [1, 2]), m.new_of(str, str, 7))
check(m.new_of, type, type, 5)
check(m.new_of, int)
check(m.new_of, int, None)
check(m.new_of, bool, int)
check(m.new_of, int, bool)
check(m.new_of, int, str)
check(m.new_of, None, None)
check(m.new_of, (), list)
check(m.new_none_typed)
print("meta", m.make_class())
print("prepare", m.make_prepared_class())
print("type() with a dict subclass", m.type_with_dict_subclass())
print("new sub", m.new_sub())
print("with", m.with_view(b"abc"), m.with_view(bytearray(b"xyz")))
print("new plain", m.new_plain())


# Class statements with keywords in Python code beside a Cython module
# (its __build_class__).
class M(type):
    pass


class X(metaclass=M):
    y = 3


print("metaclass=", X.__name__, X.y, type(X) is M, callable(X), m.is_callable(X), X().y)


class K(metaclass=m.Meta):
    z = 1


print("Cython metaclass=", K.__name__, K.z, K.was_here)


def function_meta(name, bases, ns, **kw):
    return (
        name,
        len(bases),
        sorted(ns.get(k) for k in ns if not k.startswith("__")),
        sorted(kw.items()),
    )


class F(object, metaclass=function_meta, a=1, b=2):
    v = 5


print("function as metaclass", F)


class W(metaclass=m.KwMeta, q=7):
    pass


print("metaclass with keywords", m.class_kwargs(W), W.q)


class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"from_prepare": name}


class P(metaclass=Prep):
    pass


print("prepare", P.from_prepare)


def bad_keyword():
    class Bad(metaclass=M, kw=1):
        pass


check_type(bad_keyword)


def conflict():
    class Other(type):
        pass

    class Y(X, metaclass=Other):
        pass


check(conflict)
