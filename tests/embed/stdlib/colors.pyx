# A cpdef enum: Cython's C imports enum, so the program must have it frozen.
cpdef enum Color:
    RED = 1
    GREEN = 2


def green():
    return Color.GREEN
