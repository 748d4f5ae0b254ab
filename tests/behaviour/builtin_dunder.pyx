"""Special methods of built-in objects looked up by name from Cython code
(`x.__iter__()`, `hasattr(x, '__len__')`, `list.__iter__(x)`), which
MicroPython's built-in types implement only through their slots."""


def it_typed(list items):
    # Cython calls list.__iter__ unbound for a typed list.
    return list(items.__iter__())


def it_any(x):
    return list(x.__iter__())


def has(x):
    return tuple(hasattr(x, n) for n in ('__iter__', '__len__', '__getitem__', '__contains__', '__next__'))


def length(x):
    return x.__len__()


def item(x, k):
    return x.__getitem__(k)


def contains(x, v):
    return x.__contains__(v)


def step(it):
    return it.__next__()


def backwards(list items):
    return list(items.__reversed__())


def unbound(x):
    return list(type(x).__iter__(x)), type(x).__len__(x)


def getattr_default(x):
    return getattr(x, '__len__', None) is None


# super() in a Python subclass of a built-in type: the base's special methods.
class LoudList(list):
    def __len__(self):
        return super(LoudList, self).__len__() + 100

    def __getitem__(self, i):
        return super().__getitem__(i) * 2


def loud(items):
    l = LoudList(items)
    return len(l), l[1], l.__len__()


# T.__init__ of a built-in type, called as the base's __init__.
class ODict(dict):
    def __init__(self, *args, **kw):
        dict.__init__(self, *args, **kw)
        dict.__setitem__(self, 'extra', 1)


class RList(list):
    def __init__(self, it):
        list.__init__(self, it)
        list.__init__(self, reversed(list(it)))


class MyError(ValueError):
    def __init__(self, a, b):
        ValueError.__init__(self, a + b)


def init_calls():
    e = MyError(1, 2)
    return sorted(ODict({'a': 2}, b=3).items()), RList([1, 2, 3]), e.args


def init_unbound(t, *args, **kw):
    return t.__init__(*args, **kw)


def init_on(x, *args):
    x.__init__(*args)
    return x


# T.__new__ of a built-in type (CPython's tp_new_wrapper).
def new_of(t, *args, **kw):
    return t.__new__(*args, **kw)


def new_none_typed(tuple t=None):
    return t.__new__(t)


class Meta(type):
    def __new__(cls, name, bases, attrs):
        attrs['was_here'] = name
        return type.__new__(cls, name, bases, attrs)


def make_class():
    C = Meta('C', (object,), {'x': 1})
    return C.__name__, C.x, C.was_here, C().x


class OrderedNS(dict):
    """A namespace that records the order of its stores."""
    def __init__(self):
        dict.__init__(self)
        self.order = []
        dict.__setitem__(self, "_order", self.order)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value)
        self.order.append(key)


class PrepMeta(type):
    """A metaclass with only __prepare__: type's __new__ gets a dict subclass."""
    @staticmethod
    def __prepare__(*args, **kwargs):
        return OrderedNS()


def make_prepared_class():
    class Prepared(metaclass=PrepMeta):
        a = 1

        def f(self):
            return 2
    return (Prepared.__name__, Prepared.a, type(Prepared) is PrepMeta, "__module__" in Prepared._order,
            [n for n in Prepared._order if not n.startswith("__")])


def type_with_dict_subclass():
    ns = OrderedNS()
    ns["x"] = 5
    C = type("C2", (object,), ns)
    return C.__name__, C.x, C._order


class Sub(list):
    pass


def new_sub():
    s = list.__new__(Sub, [1, 2])
    return type(s).__name__, len(s), isinstance(s, list)


# `with memoryview(b)`: memoryview is a context manager; leaving releases it.
def with_view(b):
    # MP-DIFF: a released view is empty here, CPython's raises ValueError
    with memoryview(b) as m:
        first = m[1]
        same = m.__enter__() is m
    return first, same


class Plain(object):
    def __init__(self):
        raise AssertionError("not called by __new__")


def new_plain():
    p = Plain.__new__(Plain)
    return type(p).__name__


def is_callable(x):
    return callable(x)


def class_kwargs(cls):
    # what a metaclass keyword of a class statement in the caller's code set
    return cls.__name__, sorted(k for k in cls.__dict__ if not k.startswith("__"))


class KwMeta(type):
    """A metaclass taking the keywords of a class statement."""
    def __new__(cls, name, bases, ns, **kw):
        ns.update(kw)
        return type.__new__(cls, name, bases, ns)

    def __init__(self, name, bases, ns, **kw):
        pass
