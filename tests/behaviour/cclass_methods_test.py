# methods, cdef/cpdef methods, properties, __repr__, __str__, static/class methods
import cclass_methods as m
from checks import check, check_type


v = m.Vector(3, 4)
w = m.Vector(1, 2)
print(v.dot(w), v.norm2(), v.first())
print(repr(v), str(v), v)
print(v.scaled(2), repr(v.scaled(0.5)))
check(v.dot, 5)
check(v.dot, None)
print(v.as_tuple)
check_type(setattr, v, "as_tuple", (0, 0))
print(v.x_value)
v.x_value = 10
print(v.x_value, v)
print(v.y_value)
v.y_value = 7
print(v.y_value, v)


def set_y(val):
    v.y_value = val


check(set_y, -1)
print(v)
print(m.Vector.zero(), m.Vector.unit())
n = m.Named("a")
print(str(n), repr(n), n)
print([n], "%s|%r" % (n, n))
print(n.rename("b"), n)
print(n.chain() is n)
print(m.call_method(n, "rename", "c"), m.call_method(v, "norm2"))
meth = v.norm2
print(meth())
check_type(m.Vector)
check_type(m.Vector, "x", 1)
