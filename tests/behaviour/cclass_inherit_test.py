# cdef class inheritance, overriding def/cpdef/cdef methods, super()
import cclass_inherit as m


a = m.Animal("generic")
d = m.Dog("rex", 3)
b = m.Bird("tweety")
for x in (a, d, b):
    print(x.describe(), x.leg_count(), x.get_kind(), type(x).__name__)
print(d.tricks, d.name)
print(isinstance(d, m.Animal), isinstance(d, m.Dog), isinstance(a, m.Dog), isinstance(b, m.Dog))
print(issubclass(m.Dog, m.Animal), issubclass(m.Animal, m.Dog))
print(m.total_legs([a, d, b]))
print(m.kinds([a, d, b]))
d.name = "max"
print(d.describe())
