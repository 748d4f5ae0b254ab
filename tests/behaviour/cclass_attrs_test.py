# reading and writing cdef public / readonly attributes, wrong types, missing attributes
import cclass_attrs as m
from checks import check, check_type


r = m.Rec()
print(r.i, r.big, r.d, r.flag, r.name, r.data, r.items, sorted(r.meta.items()), r.anything)
print(r.ro_int, r.ro_name, r.ro_obj, r.private())


def setter(name, value):
    def f():
        setattr(r, name, value)
        return getattr(r, name)

    return f


print("valid assignments")
check(setter("i", -5))
check(setter("big", -(2**62)))
check(setter("d", 3))
check(setter("d", 1.25))
check(setter("flag", 0))
check(setter("flag", "yes"))
check(setter("name", "new"))
check(setter("name", None))
check(setter("data", b"xy"))
check(setter("items", [3, 4]))
check(setter("meta", {}))
check(setter("anything", (1, "x")))
print("wrong types and overflow")
check_type(setter("i", "x"))
check_type(setter("i", 2**40))
check_type(setter("big", 2**64))
check_type(setter("d", "x"))
check(setter("name", b"bytes"))
check(setter("data", "str"))
check(setter("items", (1,)))
check(setter("meta", []))
print(r.i, r.big, r.name, r.data, r.items)
print("readonly")
check_type(setter("ro_int", 1))
check_type(setter("ro_name", "x"))
check_type(setter("ro_obj", None))
print(r.ro_int, r.ro_name)
r.set_ro(42)
print(r.ro_int)
print("missing / private")
check_type(getattr, r, "private_int")
check_type(getattr, r, "nope")
check_type(setter("nope", 1))
print(hasattr(r, "private_int"), hasattr(r, "i"))
