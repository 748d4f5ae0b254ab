# Py*_Check and isinstance() accept instances of Python subclasses of the
# built-in types, Py*_CheckExact and `type(x) is` do not; typed arguments
# (`str s`, `list l`, ...) take them and the C API works on their built-in
# part. Reprs of subclass instances differ (MP-DIFF: MicroPython prints the
# base type's repr), so results are built from their contents.
import subclass_checks as m
from checks import check, check_type


class S(str):
    pass


class B(bytes):
    pass


class BA(bytearray):
    pass


class T(tuple):
    pass


class L(list):
    def append(self, x):
        # Cython's PyList_Append works on the list itself, as CPython's.
        raise RuntimeError("not called from Cython")


class D(dict):
    pass


class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


class ST(set):
    pass


class FS(frozenset):
    pass


class E(ValueError):
    pass


class Sub2(S):
    pass


values = [
    ("str", "abc"),
    ("S", S("abc")),
    ("Sub2", Sub2("abc")),
    ("bytes", b"ab"),
    ("B", B(b"ab")),
    ("bytearray", bytearray(b"xy")),
    ("BA", BA(b"xy")),
    ("tuple", (1, 2)),
    ("T", T((1, 2))),
    ("list", [3, 1]),
    ("L", L([3, 1])),
    ("dict", {"a": 1, "b": 2}),
    ("D", D(a=1, b=2)),
    ("int", 5),
    ("I", I(5)),
    ("bool", True),
    ("float", 2.5),
    ("F", F(2.5)),
    ("complex", 1 + 2j),
    ("C", C(1 + 2j)),
    ("set", {1, 2}),
    ("ST", ST([1, 2])),
    ("frozenset", frozenset([3])),
    ("FS", FS([3])),
    ("type", int),
    ("class", S),
    ("cdef class", m.Holder),
    ("exception", ValueError("v")),
    ("E", E("e")),
    ("None", None),
    ("object", object()),
]
print("checks: str bytes bytearray tuple list dict int float complex set/frozen anyset type exc")
for name, v in values:
    print(name, m.checks(v), m.instances(v), m.exact_types(v))

print("typed code on instances that passed isinstance()")
check(m.typed_str, "abc")
check(m.typed_str, S("abc"))
check(m.typed_str, Sub2("abc"))
check_type(m.typed_str, b"abc")
check(m.typed_bytes, b"ab")
check(m.typed_bytes, B(b"ab"))
check_type(m.typed_bytes, "ab")
check(m.typed_bytearray, bytearray(b"xy"))
check(m.typed_bytearray, BA(b"xy"))
check(m.typed_tuple, (1, 2))
check(m.typed_tuple, T((1, 2)))
check_type(m.typed_tuple, [1, 2])
check(m.typed_list, [3, 1])
check(m.typed_list, L([3, 1]))
check_type(m.typed_list, (3, 1))
check(m.typed_dict, {"a": 1, "b": 2})
check(m.typed_dict, D(a=1, b=2))
check_type(m.typed_dict, [("a", 1)])
check(m.typed_set, {1, 2})
check(m.typed_set, ST([1, 2]))
check_type(m.typed_set, frozenset([1]))
check(m.typed_frozenset, frozenset([3]))
check(m.typed_frozenset, FS([3]))
check_type(m.typed_frozenset, {3})

print("typed arguments are exact for these types (Cython's rule)")
# The message names the type as Cython's Limited API code does ("__main__.S").
for f, v in [
    (m.arg_len["str"], "ab"),
    (m.arg_len["str"], S("ab")),
    (m.arg_len["list"], [1]),
    (m.arg_len["list"], L([1])),
    (m.arg_len["dict"], {}),
    (m.arg_len["dict"], D()),
    (m.arg_len["tuple"], ()),
    (m.arg_len["tuple"], T()),
]:
    check_type(f, v)

print("numbers")
check(m.as_numbers, 5)
check(m.as_numbers, I(5))
check(m.as_float, 2.5)
check(m.as_float, F(2.5))
check(m.as_complex, 1 + 2j)
check(m.as_complex, C(1 + 2j))
check(m.text_to_number, "12")
check(m.text_to_number, S("12"))
check(m.text_to_number, B(b"12"))
check_type(m.text_to_number, S("x"))

print("the subclass instance itself")
l = L([3, 1])
m.typed_list(l)
print(list(l), len(l))
d = D(a=1, b=2)
m.typed_dict(d)
print(sorted(d.items()))
s = ST([1, 2])
m.typed_set(s)
print(sorted(s))

print("attribute names")
h = m.Holder()
h.value = 4
check(m.attribute, h, S("value"))

print("exceptions")
check(m.catch, E("e"))
check(m.catch, ValueError("v"))
check(m.catch, KeyError("k"))


class OwnFloat(float):
    def __float__(self):
        return 12.0


class OwnInt(int):
    def __int__(self):
        return 2


class BothOwn(float):
    def __float__(self):
        return -1.5

    def __int__(self):
        return 7


for v in (OwnFloat(1.0), OwnInt(1), BothOwn(3.0), F(2.5), I(5)):
    check(m.number_conversions, v)
