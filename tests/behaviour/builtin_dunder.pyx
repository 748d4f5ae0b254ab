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
