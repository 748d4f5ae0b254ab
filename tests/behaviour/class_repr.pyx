"""repr() and str() of instances of the classes a module defines: CPython's
object.__repr__ names the module and qualified name of the class."""


class Plain:
    pass


class WithRepr:
    def __repr__(self):
        return "WithRepr()"


class WithStr:
    def __str__(self):
        return "str of WithStr"


class Outer:
    class Inner:
        pass


class D(dict):
    pass


class Mixed(Plain, WithRepr):
    pass


cdef class Ext:
    pass


def instances():
    return [Plain(), WithRepr(), WithStr(), Outer.Inner(), D(a=1), Mixed(), Ext()]


def formatted(o):
    return "%r %s" % (o, o), f"{o!r}"
