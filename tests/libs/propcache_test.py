from show import show
from propcache._helpers_c import cached_property, under_cached_property

calls = []


class A:
    def __init__(self, n):
        self.n = n
        self._cache = {}

    @cached_property
    def sq(self):
        "square of n"
        calls.append("sq")
        return self.n * self.n

    @under_cached_property
    def cube(self):
        calls.append("cube")
        return self.n**3


a = A(3)
show("type(A.sq)", lambda: type(A.__dict__["sq"]).__name__)
show("A.sq is descriptor", lambda: isinstance(A.sq, cached_property))
show("a.sq", lambda: a.sq)
show("a.sq again", lambda: a.sq)
show("a.__dict__ has sq", lambda: "sq" in a.__dict__)
show("calls", lambda: calls)
show("a.cube", lambda: a.cube)
show("a.cube again", lambda: a.cube)
show("a._cache", lambda: a._cache)
show("calls", lambda: calls)


def set_cube():
    a.cube = 5


show("a.cube = 5", set_cube)
show("a.cube after set", lambda: a.cube)


def set_sq():
    a.sq = 7
    return a.sq


show("a.sq = 7", set_sq)
show("A.cube.wrapped name", lambda: A.__dict__["cube"].wrapped.__name__)
show("A.sq.func name", lambda: A.__dict__["sq"].func.__name__)
# (not shown: the property's __doc__, which is its function's, and a MicroPython
# function has no __doc__; docs/libraries.md)


def bad():
    cp = cached_property(lambda self: 1)
    return cp.__get__(A(1), A)


show("no __set_name__", bad)


def two_names():
    cp = cached_property(lambda self: 1)

    class B:
        x = cp
        y = cp


# (not shown: two_names raises TypeError on MicroPython and CPython 3.12+, which
# call __set_name__ without wrapping its error; CPython 3.11 wraps it in a
# RuntimeError; docs/libraries.md)
def run_raises(f):
    try:
        f()
    except Exception:
        return True
    return False


show("two names raises", lambda: run_raises(two_names))


def generic():
    # cached_property[int] in MicroPython code is MicroPython's subscription,
    # which knows no __class_getitem__ (tests/behaviour/generic_alias does it
    # in Cython code)
    return repr(cached_property.__class_getitem__(int))


show("class_getitem", generic)
