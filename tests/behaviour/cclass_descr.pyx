"""cdef classes defining __get__/__set__/__delete__/__set_name__, used as
class attributes of Python classes and of cdef classes (the cached_property
and reify idioms)."""

log = []


cdef class cached:
    """A non-data descriptor: computes once, then the instance attribute
    (set with setattr) shadows it."""
    cdef object func
    cdef public object name

    def __init__(self, func):
        self.func = func
        self.name = None

    def __set_name__(self, owner, name):
        log.append(('set_name', owner.__name__, name))
        self.name = name

    def __get__(self, inst, owner):
        if inst is None:
            return self
        log.append(('compute', self.name))
        value = self.func(inst)
        setattr(inst, self.name, value)
        return value


cdef class reify:
    """A data descriptor: read through __get__, writes refused."""
    cdef object func

    def __init__(self, func):
        self.func = func

    def __get__(self, inst, owner):
        if inst is None:
            return self
        return self.func(inst) * 2

    def __set__(self, inst, value):
        raise AttributeError("reify is read-only")


cdef class slot:
    """A data descriptor keeping each instance's value in its own dict,
    with __delete__; class access answers with a marker naming the owner."""
    cdef dict values
    cdef public object name

    def __init__(self):
        self.values = {}
        self.name = '?'

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, inst, owner):
        if inst is None:
            return 'slot %s of %s' % (self.name, owner.__name__)
        try:
            return self.values[id(inst)]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, inst, value):
        self.values[id(inst)] = value

    def __delete__(self, inst):
        if self.values.pop(id(inst), None) is None:
            raise AttributeError(self.name)


cdef class getonly:
    """Only __get__: a non-data descriptor the instance dict shadows."""
    def __get__(self, inst, owner):
        return 'from getonly'


cdef class setonly:
    """Only __set__ (Cython's __delete__ then raises)."""
    def __set__(self, inst, value):
        log.append(('setonly', value))


class PyOwner:
    """A Python class in the .pyx with descriptor class attributes."""
    calls = 0

    def _area(self):
        PyOwner.calls += 1
        return self.w * self.h

    area = cached(_area)
    double_w = reify(lambda self: self.w)
    tag = slot()

    def __init__(self, w, h):
        self.w = w
        self.h = h


cdef class COwner:
    """A cdef class with descriptor class attributes and an instance dict."""
    cdef dict __dict__
    cdef public int w

    double_w = reify(lambda self: self.w)
    tag = slot()
    shadowed = getonly()
    area = cached(lambda self: self.w * 10)

    def __init__(self, w):
        self.w = w


cdef class CBase:
    cdef public int w

    def __init__(self, w):
        self.w = w


class FromCBase(CBase):
    """A Python subclass of a cdef class holding descriptors."""
    double_w = reify(lambda self: self.w)
    tag = slot()
    area = cached(lambda self: self.w * 100)


class LoudReify(reify):
    """A Python subclass of a descriptor class overriding __get__."""
    def __get__(self, inst, owner):
        if inst is None:
            return 'LoudReify on class'
        return 'loud %r' % (reify.__get__(self, inst, owner),)


class PyOwner2:
    loud = LoudReify(lambda self: 4)


def get_attr(obj, name):
    """getattr from Cython code (PyObject_GetAttr), also for classes."""
    return getattr(obj, name)


def set_attr(obj, name, value):
    setattr(obj, name, value)
    return getattr(obj, name)


def del_attr(obj, name):
    delattr(obj, name)


def class_get(cls, name):
    # Class access from Cython code calls __get__(None, cls).
    return getattr(cls, name)


def taken_log():
    r = list(log)
    del log[:]
    return r


def instance_dict_first():
    """A non-data descriptor yields to the instance dict; a data descriptor
    wins over it (CPython's precedence), on a cdef class with a dict."""
    o = COwner(2)
    o.__dict__['shadowed'] = 'from dict'
    o.__dict__['double_w'] = 'dict loses'
    return o.shadowed, o.double_w, sorted(o.__dict__)
