# cdef class number protocol: every binary operator in both directions,
# in-place operators, unary operators, conversions, comparisons and hashing
import cclass_ops as m
from checks import check_type


a, b = m.V(12), m.V(5)
print("forward", a + b, a - b, a * b, a // b, a % b, a ** m.V(2), a << 2, a >> 1)
print("bits", a & b, a | b, a ^ b)
print("with int", a + 3, a - 3, a * 3, a // 5, a % 5, a**2, a & 4, a | 1, a ^ 1)
print("reflected", 3 + a, 30 - a, 3 * a, 100 // a, 100 % a, 2 ** m.V(3))
print("reflected bits", 1 << m.V(3), 256 >> m.V(2), 6 & a, 1 | a, 1 ^ a)
print("truediv", a / b, 7 / a)
print("matmul", a @ b, a @ 2, 2 @ a)
# MP-DIFF: divmod(5, a) (int on the left) never reaches __rdivmod__ in MicroPython
# code: MicroPython has no reflected divmod; Cython's divmod() reaches it
print("divmod", divmod(a, 5), m.divmod_of(a, 5), m.divmod_of(5, a), m.divmod_of(a, b))
print(
    "divmod numbers",
    m.divmod_of(7, 2),
    m.divmod_of(-7, 2),
    m.divmod_of(7.5, 2),
    m.divmod_of(2**70, 3),
)


class RDiv:
    def __rdivmod__(self, o):
        return ("RDiv", o)


class NoRDiv:
    def __rdivmod__(self, o):
        return NotImplemented


print("divmod python", m.divmod_of(5, RDiv()))
check_type(lambda: m.divmod_of(5, NoRDiv()))
check_type(lambda: m.divmod_of(5, "x"))
check_type(lambda: m.divmod_of("x", a))
check_type(lambda: m.divmod_of(1, 0))
# MP-DIFF: MicroPython's builtin pow() with 3 arguments takes only ints; Cython's pow() does reach __pow__
print("pow3", m.pow3(a, 2, 7), m.pow3(m.V(3), m.V(4), 5), m.pow3(3, 4, 5))
print("unary", -a, +a, abs(m.V(-4)), ~a)
print("int float", int(a), float(a))
# MP-DIFF: MicroPython code converts with one operation for int() and for indexing,
# so a type with both __int__ and __index__ is indexed through __int__ there; Cython's
# indexing of a built-in sequence (use_index) takes __index__, as CPython's
print("index", [10, 20, 30, 40][m.Idx(2)], m.use_index((1, 2, 3), m.Idx(1)), m.c_long_of(m.V(9)))


class PyIdx:
    def __index__(self):
        return 1


print(
    "index both",
    m.use_index([10, 20, 30, 40], m.V(2)),
    m.use_index("abcdef", m.V(3)),
    m.use_index(b"xyz", m.V(0)),
    m.use_index(bytearray(b"pq"), m.V(1)),
    m.use_index((7, 8), PyIdx()),
    m.use_index({m.V(2): "key"}, m.V(2)),
)
check_type(lambda: m.use_index([1, 2], m.V(5)))
check_type(lambda: m.use_index([1, 2], 1.0))
# MP-DIFF: MicroPython's bin() formats with '{:#b}', which takes only ints
print("index builtins", hex(m.Idx(255)), list(range(m.Idx(3))), int(m.Idx(7)))
# Cython's C long conversion uses nb_int when built for CPython's full API, PyNumber_Long
# (which also takes __index__) in the Limited API the layer uses: m.c_long_of(m.Idx(4)) differs

print("bool", bool(a), bool(m.V(0)), not m.V(0), "yes" if a else "no")
print("eq", a == m.V(12), a == b, a != b, a != m.V(12), a == 12)
print("order", a < b, a <= b, a > b, a >= b, b < a, a < 13, a >= 12)
print("sorted", sorted([m.V(3), m.V(1), m.V(2)]), max(m.V(3), m.V(9)), min([m.V(4), m.V(2)]))
print("hash", hash(a), hash(a) == hash(m.V(12)), len({a, m.V(12), b}))
d = {a: "twelve"}
print("dict", d[m.V(12)], m.V(12) in d, b in d)
check_type(lambda: a + "x")
check_type(lambda: "x" + a)
check_type(lambda: a < "x")

acc = m.Acc()
acc += 10
acc -= 3
acc *= 6
acc //= 4
acc %= 7
acc **= 3
acc <<= 2
acc >>= 1
acc &= 0xFF
acc |= 0x100
acc ^= 1
acc @= 2
print("inplace", acc.total, acc.log)
r = acc
r /= 4
print("itruediv", r, acc.log[-1])

p = m.Plain(1)
q = p
q += 5
print("inplace fallback", q.v, p.v, q is p)
check_type(lambda: p - 1)
check_type(lambda: -p)
check_type(lambda: p < p)
check_type(lambda: int(p))
check_type(lambda: [1, 2][p])

o1, o2 = m.OldCmp(1), m.OldCmp(2)
print("richcmp", o1 < o2, o1 <= o2, o1 == o2, o1 != o2, o1 > o2, o1 >= o2, o1 == 1, o2 > 1)

e1 = m.EqOnly(1)
print("eq only", e1 == m.EqOnly(1), e1 != m.EqOnly(1), e1 == m.EqOnly(2))
check_type(hash, e1)
check_type(lambda: {e1})
# a cdef class's `__hash__ = None` is only a class attribute: instances keep object's hash
print("object hash", isinstance(hash(m.NoHash()), int), isinstance(hash(m.Falsy()), int))
f = m.Falsy()
print("hash stable", hash(f) == hash(f), len({f, f, m.Falsy()}))
print("falsy", bool(m.Falsy()), len(m.Falsy()))

# special methods called by name: CPython's slot wrappers (MicroPython code
# and Cython code see the same methods)
a = m.V(12)
print(
    "methods",
    a.__add__(3),
    a.__radd__(3),
    a.__sub__(m.V(2)),
    a.__rsub__(30),
    a.__mul__(2),
    a.__rmul__(2),
)
print(
    "methods2",
    a.__truediv__(4),
    a.__floordiv__(5),
    a.__mod__(5),
    a.__divmod__(5),
    a.__rdivmod__(50),
)
print(
    "methods3",
    a.__pow__(2),
    a.__pow__(2, 7),
    a.__rpow__(2),
    a.__lshift__(1),
    a.__rrshift__(64),
    a.__and__(4),
    a.__ror__(1),
    a.__xor__(5),
)
print(
    "unary methods",
    a.__neg__(),
    a.__pos__(),
    a.__abs__(),
    a.__invert__(),
    a.__int__(),
    a.__float__(),
    a.__index__(),
)
print("bool methods", a.__bool__(), m.V(0).__bool__())
print(
    "compare methods",
    a.__eq__(m.V(12)),
    a.__ne__(m.V(12)),
    a.__lt__(m.V(13)),
    a.__le__(m.V(1)),
    a.__gt__(m.V(1)),
    a.__ge__(m.V(12)),
)
print("hash method", a.__hash__() == hash(a), a.__repr__())
acc2 = m.Acc()
print("inplace methods", acc2.__iadd__(5) is acc2, acc2.__imul__(3) is acc2, acc2.total, acc2.log)
bound = a.__add__
print("bound", bound(1), bound(2))
print(
    "has",
    hasattr(a, "__add__"),
    hasattr(a, "__len__"),
    hasattr(m.Idx(1), "__add__"),
    hasattr(m.Idx(1), "__index__"),
)
check_type(a.__neg__, 1)
check_type(a.__add__)
check_type(a.__pow__, 1, 2, 3)
check_type(lambda: m.Idx(1).__add__)


# A reflected method of the right operand's subclass comes first (CPython's
# binary operator rule), and __radd__/__rmul__ of a class before list's `+=`.
class PyRMod(str):
    def __rmod__(self, other):
        return "PyRMOD(%s, %s)" % (self, other)


class IntR(int):
    def __radd__(self, other):
        return ("IntR.__radd__", other)


class IntNoR(int):
    pass


class RAdd:
    def __radd__(self, other):
        return ("RAdd", other)

    def __rmul__(self, other):
        return ("RMul", other)


print("rmod subclass", m.format_literal(PyRMod("PySub")), m.mod_of("<%s>", PyRMod("x")))
print(
    "rmod cdef subclass", m.format_literal(m.ExtRMod("ExtSub")), m.mod_of("<%s>", m.ExtRMod("y"))
)
print("rmod plain", m.format_literal("s"), m.mod_of("<%s>", IntNoR(4)), m.mod_of(7, IntNoR(4)))
print("radd subclass", m.add_of(1, IntR(2)), m.add_of(1, IntNoR(2)), m.add_of(IntR(2), 1))


class ListSub(list):
    pass


print(
    "subclass right", m.add_of([1], ListSub([2])), m.mod_of(7, IntNoR(4)), m.add_of(1.5, IntNoR(2))
)
print("iadd list", m.iadd_list(RAdd()), m.iadd_list((4, 5)), m.iadd_list("ab"))
print("imul list", m.imul_list(RAdd()), m.imul_list(2))
check_type(m.iadd_list, 5)
check_type(m.imul_list, object())


# Comparisons a class declines are reflected (a > b as b < a).
class PyGt:
    def __gt__(self, other):
        return "PyGt.__gt__"


lt5, lt10 = m.OnlyLt(5), m.OnlyLt(10)
for op in ("<", ">", "==", "!="):
    print("reflected compare", op, m.compare(lt5, lt10, op), m.compare(lt10, lt5, op))
print("script compare", lt5 > lt10, lt10 > lt5, lt5 < lt10)
print("compare with Python class", m.compare(lt5, PyGt(), "<"), lt5 < PyGt())
print("compare unrelated", m.compare(lt5, 3, "=="), m.compare(lt5, 3, "!="))
check_type(m.compare, lt5, lt10, ">=")
check_type(m.compare, lt5, lt10, "<=")
check_type(m.compare, lt5, 3, "<")
