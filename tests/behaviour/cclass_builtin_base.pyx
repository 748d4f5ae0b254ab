# cdef classes with a built-in base: dict, list, set, frozenset, str, int,
# float, Exception and BaseException (and a cdef class below one), object
# named explicitly. Overridden methods, super(), the built-in part's methods,
# operators, iteration, copying by constructor, raise and catch.


cdef class CountingDict(dict):
    """Counts the reads through d[key]; the other methods are dict's."""
    cdef public int reads

    def __init__(self, *args):
        super().__init__(*args)
        self.reads = 0

    def __getitem__(self, key):
        self.reads += 1
        return dict.__getitem__(self, key)

    def total(self):
        return sum(self.values())

    def merge(self, other):
        super().update(other)
        return len(self)

    def copy_counting(self):
        return CountingDict(self)


cdef class DefaultDict(dict):
    """No __init__ of its own: dict's fills it."""
    cdef public object default

    def lookup(self, key):
        return self.get(key, self.default)


cdef class Stack(list):
    cdef public str name

    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def push(self, x):
        self.append(x)
        return len(self)

    def append(self, x):
        # an override: list.append through the type and through super()
        if x is None:
            raise ValueError("no None on " + self.name)
        list.append(self, x)

    def top(self):
        return self[-1]

    def __iter__(self):
        # newest first
        items = [x for x in list.__iter__(self)]
        items.reverse()
        return iter(items)


cdef class Tags(set):
    def add_all(self, *items):
        for x in items:
            self.add(x)
        return len(self)


cdef class Frozen(frozenset):
    def has(self, x):
        return x in self


cdef class Name(str):
    def shout(self):
        return self.upper() + "!"


cdef class Count(int):
    def twice(self):
        return self * 2


cdef class Temp(float):
    def kelvin(self):
        return self + 273.0


cdef class Buffer(bytearray):
    def checksum(self):
        cdef int total = 0
        for b in self:
            total += b
        return total


cdef class Point(complex):
    def norm2(self):
        return self.real * self.real + self.imag * self.imag


cdef class AppError(Exception):
    cdef public int code

    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

    def describe(self):
        return "%s (code %d)" % (self.args[0], self.code)


cdef class NotFound(AppError):
    cdef public str what

    def __init__(self, what):
        super().__init__("missing " + what, 404)
        self.what = what


cdef class Plain(Exception):
    pass


cdef class Stop(BaseException):
    pass


cdef class Explicit(object):
    cdef public int n

    def __init__(self, n):
        self.n = n


def use_dict():
    cdef CountingDict d = CountingDict([("a", 1), ("b", 2)])
    out = [d["a"], d["b"], d.reads, len(d), sorted(d), d.total()]
    d["c"] = 3
    out.append(sorted(d.items()))
    out.append(d.merge({"d": 4}))
    e = d.copy_counting()
    out.append((type(e).__name__, sorted(e.items()), e.reads))
    out.append([k for k in sorted(d)])
    out.append(("a" in d, "z" in d, d.get("z", 0), isinstance(d, dict)))
    del d["a"]
    out.append(sorted(d.keys()))
    return out


def use_stack():
    s = Stack("s", [1, 2])
    out = [s.push(3), list(s), len(s), s.top(), s[0]]
    try:
        s.append(None)
    except ValueError as e:
        out.append(str(e))
    total = 0
    for x in s:
        total = total * 10 + x
    out.append(total)
    out.append(isinstance(s, list))
    return out


def raise_app(msg, code):
    raise AppError(msg, code)


def raise_not_found(what):
    raise NotFound(what)


def catch_in_cython(which):
    try:
        if which == 0:
            raise NotFound("key")
        elif which == 1:
            raise Plain("plain", 2)
        else:
            raise Stop("stop")
    except AppError as e:
        return "AppError", e.code, e.args, e.describe()
    except Exception as e:
        return "Exception", type(e).__name__, e.args
    except BaseException as e:
        return "BaseException", type(e).__name__, e.args


def set_attr(AppError e, value):
    # an exception's instance dict (BaseException has one in CPython)
    e.note = value
    return e.note
