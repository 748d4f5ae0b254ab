# Integer boundaries on 32- and 64-bit targets (see int32_bounds.pyx). The
# same output everywhere: target-dependent ranges are computed from widths().
import int32_bounds as m
from checks import edges

as_int, as_ll, as_ull = m.as_c["int"], m.as_c["long long"], m.as_c["unsigned long long"]
as_ssize, as_size, as_long = m.as_c["Py_ssize_t"], m.as_c["size_t"], m.as_c["long"]


def attempt(f, *a):
    try:
        return f(*a)
    except Exception as e:
        return type(e).__name__


ssize_bits, size_bits, long_bits, ll_bits = m.widths()
print("widths", ssize_bits in (32, 64), size_bits == ssize_bits, long_bits in (32, 64), ll_bits)
SMIN, SMAX, UMAX = -(2 ** (ssize_bits - 1)), 2 ** (ssize_bits - 1) - 1, 2**size_bits - 1
LMIN, LMAX = -(2 ** (long_bits - 1)), 2 ** (long_bits - 1) - 1

print("constants")
for c in m.CONSTS:
    print(" ", c, type(c).__name__)

print("C -> Python")
print(" ", m.ll_limits())
print(" ", m.ssize_limits() == (SMIN, SMAX, UMAX), m.long_limits() == (LMIN, LMAX))
for bit in (30, 31, 32, 62):
    print(" ", bit, m.ll_around(bit))
print(" ", m.ll_top())
for bit in (30, 31, 32, 63):
    print(" ", bit, m.ull_around(bit))
print(" ", m.ull_top())

print("Python -> C: int, long long, unsigned long long (same widths everywhere)")
VALUES = edges(30, 31, 32, 62, 63, 64) + [2**100, -(2**100)]
for v in VALUES:
    print(" ", v, attempt(as_int, v), attempt(as_ll, v), attempt(as_ull, v))
print("  bool", as_ll(True), as_ull(False), as_int(True))

print("Python -> C: Py_ssize_t, size_t, long (the target's widths)")


def expect(v, lo, hi, r):
    if lo <= v <= hi:
        return "ok" if r == v and type(r) is int else "WRONG %r" % (r,)
    return "ok" if r == "OverflowError" else "WRONG %r" % (r,)


for v in VALUES:
    print(
        " ",
        v,
        expect(v, SMIN, SMAX, attempt(as_ssize, v)),
        expect(v, 0, UMAX, attempt(as_size, v)) if v >= 0 else attempt(as_size, v),
        expect(v, LMIN, LMAX, attempt(as_long, v)),
    )
for v in (SMIN, SMAX, SMIN - 1, SMAX + 1, UMAX, UMAX + 1):
    print(
        "  limit",
        expect(v, SMIN, SMAX, attempt(as_ssize, v)),
        expect(v, 0, UMAX, attempt(as_size, v)) if v >= 0 else attempt(as_size, v),
    )

print("64-bit C arithmetic")
for a, b in (
    (2**40 + 12345, 7),
    (-(2**62) - 7, 3),
    (2**62 + 5, -(2**31)),
    (-(2**63), 2**32 + 1),
    (2**63 - 1, 2**33 - 3),
    (-5, 2**40),
):
    print(" ", a, b, m.ll_ops(a, b))
for a, b in ((2**64 - 1, 2**32 + 7), (2**63 + 11, 1000), (2**32, 2**31 + 1)):
    print(" ", a, b, m.ull_ops(a, b))
print(
    " ",
    m.ll_mul(2**31, 2**31),
    m.ll_mul(-(2**32), 2**30),
    m.ll_mul(3037000499, 3037000499),
)
print(" ", m.ll_sum(100000, 100000), m.ll_sum(1000, -(2**40)))
print("  divide by zero", attempt(m.ll_ops, 1, 0), attempt(m.ull_ops, 1, 0))

print("Python ints across the small-int limit")
print(" ", m.add(2**30 - 1, 1), m.add(-(2**30), -1), m.sub(-(2**30), 1), m.add(2**30, -1))
print(" ", m.inc(2**30 - 1), m.inc(2**62 - 1), m.inc(2**63 - 1), m.inc(-(2**30) - 1))
print(
    " ",
    m.mul(2**16, 2**15),
    m.mul(2**31, 2**31),
    m.mul(-(2**31), 2**32),
    m.mul(2**32, 2**32),
)
print(
    " ",
    m.add(2**62 - 1, 1),
    m.add(2**63 - 1, 1),
    m.sub(-(2**63), 1),
    m.neg(-(2**63)),
    m.neg(-(2**30)),
)
print(" ", m.lshift(1, 30), m.lshift(1, 31), m.lshift(1, 62), m.lshift(1, 63), m.lshift(-1, 64))
print(
    " ",
    m.floordiv(2**62, 2**31),
    m.floordiv(-(2**63), 2**32),
    m.floordiv(2**64, 2**30),
)
print(
    " ",
    m.compare(2**30, 2**30 - 1),
    m.compare(-(2**31), -(2**31)),
    m.compare(2**63, 2**64),
)
x = m.sub(m.add(2**30, 5), 5)
print(
    "  back to small", x, x == 2**30, m.sub(2**31, 2**31 - 3), m.floordiv(2**62, 2**60)
)

print("doubles")
for v in (2**53, 2**53 + 1, 2**62 + 2**40, -(2**63), 2**31 + 1, 16777217):
    print(" ", v, m.ll_via_double(v))
for v in (16777217, 2**53, 2**62 + 2**40, -(2**62) - 2**39):
    print(" ", v, m.int_via_double(v))
print(" ", m.double_checks())

print("Py_ssize_t indexes")


class Seq:
    def __getitem__(self, i):
        return ("index", i)


s = Seq()
for i in (0, 2**30 - 1, 2**30, 2**30 + 5, 2**31 - 1):
    print(" ", m.get_at(s, i))
print(
    " ",
    m.get_at([1, 2, 3], 2),
    attempt(m.get_at, [1, 2, 3], 2**31 - 1),
    m.size_of_list(list(range(1000))),
)

print("cdef class fields")
o = m.Mixed()
print(" ", o.aligned())
print(" ", o.values())
print(" ", o.bump(), o.bump())
print(" ", o.ll, o.ull, o.i, o.c, o.c2)
o.ll = 2**62
o.ull = 2**63
print(" ", o.ll, o.ull, attempt(setattr, o, "ll", 2**63), attempt(setattr, o, "ull", -1))
objs = [m.MixedSub() for _ in range(5)]
print(
    " ",
    all(s.aligned() == (True, True, True, True) for s in objs),
    all(s.aligned_sub() == (True, True, True) for s in objs),
)
print(" ", objs[0].sub_values(), objs[4].values())
