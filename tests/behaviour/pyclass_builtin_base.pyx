"""Python classes (not cdef) with a built-in base in a Cython module: the
built-in part exists while __init__ runs, as CPython's dict.__new__ makes it."""


class SubDict(dict):
    def __init__(self):
        self['a'] = 7


class SubList(list):
    def __init__(self, n):
        self.append(n)
        self.extend(range(n))


class SubDictSuper(dict):
    def __init__(self, *args, **kw):
        self['early'] = 1
        dict.__init__(self, *args, **kw)


class SubDictNoInit(dict):
    pass


class SubSet(set):
    def __init__(self, items):
        for x in items:
            self.add(x * 2)


class BadInit(dict):
    def __init__(self):
        return 5


def take_kwargs(**kw):
    return type(kw) is dict, sorted(kw.items())


def call_with_subdict():
    return take_kwargs(**SubDict())
