# `from m import *` at module level, from a module of the interpreter's own:
# Cython asks for the imported module's state where it means its own.
cdef object heappush
from heapq import *


def use():
    # heappush: a typed module global, set by the import *
    h = []
    for x in (5, 1, 3, 4):
        heappush(h, x)
    return [heappop(h) for _ in range(4)]


def names():
    g = globals()
    return "heappush" in g, "heappop" in g, "heapify" in g, "_private" in g
