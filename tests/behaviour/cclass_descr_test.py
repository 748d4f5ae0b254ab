# Descriptors made by cdef classes (__get__/__set__/__delete__/__set_name__)
# as class attributes of Python and cdef classes.
import cclass_descr as m
from checks import check, check_type

print("set_name at class creation", m.taken_log())

# A Python class from the .pyx: cached (non-data), reify and slot (data).
p = m.PyOwner(3, 4)
print("cached", p.area, p.area, m.PyOwner.calls, m.taken_log())
print("reify", p.double_w)
check(setattr, p, "double_w", 1)
print("slot unset")
check(getattr, p, "tag")
p.tag = "red"
print("slot", p.tag, m.get_attr(p, "tag"))
print("slot from cython", m.set_attr(p, "tag", "blue"))
del p.tag
check(getattr, p, "tag")
check(m.del_attr, p, "tag")
# MP-DIFF: MicroPython's own class access does not call __get__(None, cls)
# (a descriptor returning itself for None looks the same).
print("class access", type(m.PyOwner.area).__name__, m.PyOwner.area.name)
print("class access from cython", m.class_get(m.PyOwner, "tag"))


# A Python class in the script, the same descriptors.
class Script:
    size = m.cached(lambda self: len(self.items))
    label = m.slot()
    half = m.reify(lambda self: len(self.items) / 4)

    def __init__(self, items):
        self.items = items


print("set_name in script", m.taken_log())
s = Script([1, 2, 3, 4])
print("script cached", s.size, s.size, m.taken_log())
print("script reify", s.half)
check(setattr, s, "half", 0)
s.label = "x"
print("script slot", s.label, m.class_get(Script, "label"))
del s.label
check(getattr, s, "label")

# A cdef class holding descriptors.
c = m.COwner(5)
print("cdef owner", c.double_w, c.area, c.area, m.taken_log())
check(setattr, c, "double_w", 1)
c.tag = 7
print("cdef slot", c.tag, m.get_attr(c, "tag"), m.class_get(m.COwner, "tag"))
del c.tag
check(getattr, c, "tag")
print("precedence", m.instance_dict_first())

# A Python subclass of a cdef class holding descriptors.
f = m.FromCBase(6)
print("subclass owner", f.double_w, f.area, f.area, m.taken_log())
check(setattr, f, "double_w", 2)
f.tag = "t"
print("subclass slot", f.tag, m.class_get(m.FromCBase, "tag"))
del f.tag
check(getattr, f, "tag")

# A Python subclass of a descriptor class overriding __get__.
p2 = m.PyOwner2()
print("override", p2.loud, m.get_attr(m.PyOwner2, "loud"))
check(setattr, p2, "loud", 1)

# The slot wrappers called by name.
d = m.reify(lambda self: 10)
print("explicit get", d.__get__(p, m.PyOwner), d.__get__(None, m.PyOwner) is d)
print("unbound get", m.reify.__get__(d, p))
check(d.__set__, p, 1)
sl = m.slot()
sl.__set__(p, 5)
print("explicit set", sl.__get__(p), m.slot.__get__(sl, p, None))
sl.__delete__(p)
check(sl.__get__, p)
print(
    "hasattr",
    hasattr(d, "__get__"),
    hasattr(d, "__set__"),
    hasattr(d, "__delete__"),
    hasattr(m.getonly(), "__set__"),
    hasattr(m.getonly(), "__get__"),
)
so = m.setonly()
so.__set__(p, 3)
print("setonly", m.taken_log())
check_type(so.__delete__, p)

# Bad calls of the wrappers.
check_type(m.reify.__get__, 5, None)
check_type(d.__get__, None, None)
check_type(d.__get__)
check_type(d.__set__, p)
check_type(sl.__delete__, p, 1)
check_type(m.slot.__set__, p, p, 1)
print("still working", s.size, c.double_w)
