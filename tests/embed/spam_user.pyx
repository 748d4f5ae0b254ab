# A Cython module built into the same MicroPython as the hand-written spam.c
# (./mpcython build spam.c spam_user.pyx), calling it.
import spam


def total(*values):
    cdef long s = 0
    for v in values:
        s += v
    return spam.kw(len(values), "total", s, scale=0.5)
