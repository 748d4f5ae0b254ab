"""str(), repr() and format() of exceptions in Cython code: CPython's texts
(MicroPython's printer differs for one argument, KeyError and OSError)."""


class MyKeyError(KeyError):
    pass


class WithStr(ValueError):
    def __str__(self):
        return "own str"


class WithRepr(ValueError):
    def __repr__(self):
        return "own repr"


cdef class CdefError(Exception):
    pass


def texts(e):
    """The three ways Cython code turns an exception into text."""
    return [str(e), repr(e), f"{e}", f"{e!r}", format(e, "")]


def made_here():
    """Exceptions made by Cython code, with their classes' names."""
    return [
        ValueError(), ValueError("v"), ValueError("v", 2), ValueError(1),
        KeyError("k"), KeyError(), KeyError("a", "b"), KeyError(3),
        IndexError(0), StopIteration(5), RuntimeError(None),
        OSError("text"), OSError(1000, "strerror"), OSError(1000, "strerror", "file"),
        OSError(1000, "strerror", None), OSError(1000, "s", "f1", None, "f2"),
        FileNotFoundError(2, "No such file or directory"), PermissionError(13, "Permission denied", "/x"),
        MyKeyError("mk"), WithStr("w"), WithRepr("r"), CdefError("c"), CdefError(),
    ]


def names(excs):
    return [type(e).__name__ for e in excs]


def caught_key(d, k):
    """The text of a KeyError Cython code catches from a dict lookup."""
    try:
        return d[k]
    except KeyError as e:
        return "missing " + str(e)

