# Python classes in a .pyx deriving from dict, list, Exception and a cdef
# class; exceptions crossing between Cython and MicroPython; raise ... from
import pyclass_builtin as m
from checks import check


print("registry", m.use_registry())
print("stack", m.use_stack())
r = m.Registry()
r["x"] = 5
print("registry outside", r.total(), r.get("x"), "x" in r, type(r).__name__)
s = m.Stack()
s.push("a")
s.extend(["b", "c"])
print("stack outside", s.peek(), len(s), s.pop(), list(s))

n = m.Named("n", 1)
print("named", n, n.label, n.name, n.n, isinstance(n, m.Counter))
print("cpdef override", m.bump_twice(n), n.n)
c = m.Counter(1)
print("base", m.bump_twice(c), c.bump(), c.n)
print("named type", type(n).__name__, m.Named.__name__, issubclass(m.Named, m.Counter))

try:
    m.raise_tagged("t1")
except m.Tagged as e:
    print("caught in python", type(e).__name__, e.tag, e.detail, str(e), e.args)
check(m.raise_tagged, "t2")


def raise_sub():
    raise m.SubTagged("py", "side")


def raise_key():
    raise KeyError("kk")


def raise_value():
    raise ValueError("vv", 2)


print("from python", m.catch_from_python(raise_sub))
print("from python", m.catch_from_python(raise_key))
print("from python", m.catch_from_python(raise_value))
print("from python", m.catch_from_python(lambda: None))

print("raise from ok", m.raise_from("12"))
try:
    m.raise_from("zz")
except m.Tagged as e:
    # MP-DIFF: MicroPython exceptions have no __cause__ (no chaining)
    print("raise from", e.tag, e.detail)
try:
    m.raise_from_none()
except m.Tagged as e:
    print("from None", e.tag, e.detail)
log = []
check(m.reraise_in_finally, log)
print("finally", log)
print("nested", m.nested_handlers())


class PyErr(m.Tagged):
    pass


try:
    raise PyErr("p", "q")
except m.Tagged as e:
    print("python subclass", type(e).__name__, str(e), isinstance(e, Exception))
