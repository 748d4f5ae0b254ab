# obj.__dict__ of an instance of a Python class, from Cython code: CPython's
# is the instance's own dict, so writes set attributes (the cached_property
# idiom of propcache); reads, the dict methods and the PyDict_* functions.

def set_via_dict(obj, name, value):
    obj.__dict__[name] = value
    return getattr(obj, name)

def dict_ops(obj):
    d = obj.__dict__
    out = []
    out.append(sorted(d.items()))
    out.append(len(d))
    out.append("a" in d)
    out.append(d.get("a"))
    out.append(d.get("zz", "dflt"))
    d["c"] = 3
    out.append(obj.c)
    out.append(d.setdefault("c", 9))
    out.append(d.setdefault("e", 5))
    out.append(obj.e)
    out.append(d.pop("e"))
    out.append(hasattr(obj, "e"))
    out.append(d.pop("e", "gone"))
    d.update({"f": 6}, g=7)
    out.append((obj.f, obj.g))
    del d["f"]
    out.append(hasattr(obj, "f"))
    out.append(sorted(d))
    out.append(sorted(d.keys()))
    out.append(d == {"a": 1, "b": 2, "c": 3, "g": 7})
    out.append(sorted(d.copy().items()))
    return out

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem, PyDict_Size, PyDict_Contains, PyDict_DelItem
from cpython.object cimport PyObject

def capi(obj):
    d = obj.__dict__
    cdef PyObject *r = PyDict_GetItem(d, "a")
    PyDict_SetItem(d, "h", 8)
    out = [<object>r if r != NULL else None, obj.h, PyDict_Size(d), PyDict_Contains(d, "h")]
    PyDict_DelItem(d, "h")
    out.append(hasattr(obj, "h"))
    return out

def errors(obj):
    d = obj.__dict__
    res = []
    for f in (lambda: d["missing"], lambda: d.pop("missing"), lambda: hash(d)):
        try:
            f()
        except (KeyError, TypeError) as e:
            res.append(type(e).__name__)
    return res

def clear(obj):
    obj.__dict__.clear()
    return hasattr(obj, "a"), len(obj.__dict__)


cdef class cached:
    # a cached property as propcache writes it: the value goes into the
    # instance's __dict__, which then shadows this (non-data) descriptor
    cdef object func
    cdef public int calls

    def __init__(self, func):
        self.func = func

    def __get__(self, inst, owner):
        if inst is None:
            return self
        self.calls += 1
        val = self.func(inst)
        inst.__dict__[self.func.__name__] = val
        return val


def typed(obj):
    # `cdef dict` takes it, as CPython's dict (propcache does this)
    cdef dict d = obj.__dict__
    d["t"] = 1
    n = 0
    for k, v in d.items():
        n += 1
    return obj.t, len(d), n, sorted(k for k in d), type(d).__name__


def kwargs(obj):
    def f(**kw):
        return sorted(kw.items())
    return f(**obj.__dict__)
