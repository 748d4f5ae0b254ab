# cdef class inheritance across two Cython modules through a .pxd and cimport:
# USES: cclass_xbase
# overridden cdef and cpdef methods dispatch across the module boundary
import cclass_xbase as b
import cclass_xderived as d
from checks import check


items = d.shapes()
print("describe", b.describe_all(items))
print("totals", b.total_area(items), d.base_module_total(items))
print("areas", [d.area_of(s) for s in items])
sq = items[0]
print(
    "isinstance", isinstance(sq, b.Shape), isinstance(sq, d.Square), issubclass(d.Circle, b.Shape)
)
print("inherited", sq.grow(2.0).scale, sq.describe(), sq.kind, type(sq).__name__)
# MP-DIFF: MicroPython types have no __mro__ (Cython code's cls.__mro__: mro_names)
print("bases", [c.__name__ for c in d.Square.__bases__], [c.__name__ for c in d.Circle.__bases__])
print("mro", d.mro_names(d.Square), d.mro_names(b.Shape), d.mro_names(int), d.mro_names(object))


class Tri(d.Square):
    def describe(self):
        return "tri " + d.Square.describe(self)


t = Tri(3)
print("python override", b.describe_all([t]), d.area_of(t), b.total_area([t, sq]))
check(d.area_of, "x")
check(b.total_area, [sq, 5])
print("python mro", d.mro_names(Tri))


class Mixin:
    pass


class Both(Tri, Mixin):
    pass


class Left:
    pass


class Right(Left):
    pass


class Joined(Right, Mixin):
    pass


print(
    "mixed mro",
    d.mro_names(Both),
    d.mro_names(Joined),
    d.mro_names(Exception),
    d.mro_names(KeyError),
)
