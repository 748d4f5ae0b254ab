# @cython.dataclasses.dataclass cdef classes: the module imports dataclasses
# at init (on MicroPython the layer's own, runtime/frozen/dataclasses.py),
# makes a Field with dataclasses.field() for every field and generates
# __init__, __repr__, __eq__, the orderings and __hash__ itself.
cimport cython
from cython.dataclasses cimport dataclass, field


def new_tags():
    return ["new"]


@dataclass
cdef class Point:
    x: int
    y: int = 0
    label: str = "p"


@dataclass
cdef class Item:
    name: str
    tags: list = field(default_factory=new_tags)
    count: cython.int = 1
    note: object = field(default=None, repr=False, compare=False)
    meta: dict = field(default_factory=dict)


@dataclass(order=True, unsafe_hash=True)
cdef class Version:
    major: int
    minor: int = 0


@dataclass(eq=False)
cdef class NoEq:
    v: int = 1


@dataclass
cdef class Posted:
    a: int = 1
    b: int = field(init=False, default=0)

    def __post_init__(self):
        self.b = self.a * 10


@dataclass(frozen=True)
cdef class Frozen:
    k: int = 3


def c_sum(Point p):
    # the fields as C code reads them
    return p.x + p.y


def local_attrs():
    # threading.local from Cython code (the layer's stand-in on MicroPython)
    import threading
    loc = threading.local()
    loc.x = 1
    loc.x += 1
    out = [loc.x, hasattr(loc, "y")]
    del loc.x
    out.append(hasattr(loc, "x"))
    return out


def new_local(*args):
    import threading
    return threading.local(*args)


def argspec(f):
    # inspect.getfullargspec from Cython code, as Cython's dataclass code calls it
    import inspect
    s = inspect.getfullargspec(f)
    return (s.args, s.varargs, s.varkw, s.defaults, s.kwonlyargs, s.kwonlydefaults, s.annotations)
