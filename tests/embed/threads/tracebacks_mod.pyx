"""Exceptions raised through Cython frames in several threads at once: each
adds its traceback entries from the code object that thread evaluates
(runtime/pythonrun.c keeps the innermost one per thread)."""


cdef int fail_at(int depth, int i) except -1:
    if depth == 0:
        raise ValueError(i)
    return fail_at(depth - 1, i) + 1


def raise_many(int n, int depth):
    """Raise through DEPTH Cython frames N times; count the exceptions caught
    and sum their arguments."""
    cdef int caught = 0
    cdef long total = 0
    for i in range(n):
        try:
            fail_at(depth, i)
        except ValueError as e:
            caught += 1
            total += e.args[0]
    return caught, total
