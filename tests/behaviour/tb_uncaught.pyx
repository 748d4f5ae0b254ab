"""An exception left uncaught: the script dies with a traceback."""

def inner(int x):
    if x > 2:
        raise ValueError("too big: %d" % x)
    return x

cdef int middle(int x) except -1:
    return inner(x) * 2

def outer(int n):
    cdef int i
    total = 0
    for i in range(n):
        total += middle(i)
    return total
