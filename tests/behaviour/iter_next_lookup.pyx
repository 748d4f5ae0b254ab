"""next() of a Python iterator from Cython code: __next__ is the class's, as
every special method, even where the instance has an attribute __next__."""

def collect(it):
    out = []
    for x in it:
        out.append(x)
    return out

def next_of(it):
    return next(it)

def next_default(it):
    return next(it, "default")

def unpack2(it):
    a, b = it
    return a, b
