# Slot wrappers of cdef classes: on the class, unbound calls, their
# __name__/__qualname__/__doc__/__objclass__, inheritance, wrong self.
import cclass_slot_wrappers as m
from checks import check, check_type

A, B = m.A, m.B
a = A(3)
print(
    "unbound", A.__len__(a), A.__add__(a, 4), A.__eq__(a, A(3)), A.__eq__(a, A(4)), A.__hash__(a)
)
print("more", A.__int__(a), A.__getitem__(a, "k"), list(A.__iter__(a)), A.__neg__(a))
print("call", A.__call__(a, 1, x=2))
A.__init__(a, 7)
print("init", a.v, A.__init__(a, 8), a.v)
for name in (
    "__init__",
    "__len__",
    "__add__",
    "__radd__",
    "__eq__",
    "__lt__",
    "__hash__",
    "__int__",
    "__getitem__",
    "__iter__",
    "__neg__",
    "__call__",
):
    w = getattr(A, name)
    print(name, w.__name__, w.__qualname__, repr(w.__doc__), w.__objclass__ is A)
print("repr", repr(A.__len__))
print(
    "in dict",
    "__len__" in A.__dict__,
    "__add__" in A.__dict__,
    "__len__" in B.__dict__,
    "__add__" in B.__dict__,
)
print(
    "inherited", B.__add__ is A.__add__, B.__len__ is A.__len__, B.__len__(B(1)), A.__len__(B(1))
)
print("alias", m.names_in_class_body(), A.__long__(a))
print("bound", a.__len__(), a.__add__(1), a.__len__.__name__, a.__len__.__doc__)
print("eq only", m.EqOnly.__hash__)
print("from cython", m.from_cython(A(2)))

print("wrong self")
check_type(A.__len__, 5)
check_type(A.__add__, "x", 1)
check_type(A.__len__)
check_type(B.__len__, A(1))

print("read-only")


def set_doc():
    A.__len__.__doc__ = "x"


check_type(set_doc)


class P(A):
    def __len__(self):
        return super().__len__() + 1000

    def __add__(self, o):
        return ("P", super().__add__(o))


p = P(5)
print("super", len(p), p + 1, P.__len__(p), A.__len__(p))
