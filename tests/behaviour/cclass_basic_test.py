# cdef class with __cinit__ / __init__ and typed attributes
import cclass_basic as m
from checks import check, check_type


p = m.Point(3, 4)
print(p.x, p.y, p.norm2, p.get_secret())
print(m.log)
del m.log[:]
q = m.Point(y=2)
print(q.x, q.y, q.norm2)
print(m.log)
r = m.Point()
print(r.x, r.y, r.norm2)
p.x = 10
print(p.x, p.norm2)
print(
    type(p).__name__, isinstance(p, m.Point), m.is_point(p), m.is_point(5), isinstance(5, m.Point)
)
print(type(p) is m.Point)
print(m.sum_points([p, q, r]))
check(m.sum_points, [p, 5])
mp = m.make_point(-1, -2)
print(mp.x, mp.y, mp.norm2)
c = m.Counter()
print(c.count, c.label)
print(c.incr(), c.incr(5), c.count)
c.label = "lbl"
c.label = [1, 2]
print(c.label)
c2 = m.Counter()
print(c2.count, c.count)
print(type(m.Counter(1)).__name__)  # __cinit__(self) ignores extra arguments
e = m.Empty()
print(type(e).__name__)
check_type(m.Point, "a")
check(m.Point, 1, 2, 3)
pts = [m.Point(i, i) for i in range(100)]
print(sum([p.norm2 for p in pts]))
