# types.GenericAlias from Cython code: `from types import GenericAlias` at
# module level and `__class_getitem__ = classmethod(GenericAlias)` in a cdef
# class and a Python class, as real libraries write them (propcache); Cls[item]
# in Cython code calls __class_getitem__.
from types import GenericAlias
import types


cdef class Box:
    __class_getitem__ = classmethod(GenericAlias)
    cdef public object v


class PyBox:
    __class_getitem__ = classmethod(GenericAlias)


class Plain:
    pass


def alias(*args, **kw):
    return GenericAlias(*args, **kw)


def subscr(cls, item):
    return cls[item]


def info(a):
    return repr(a), a.__origin__, a.__args__, a.__parameters__


def same_module_type():
    return types.GenericAlias is GenericAlias
