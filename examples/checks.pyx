"""Errors raised in Cython code and caught in MicroPython."""

def parse_age(str text):
    cdef int age = int(text)
    if age < 0:
        raise ValueError("age must not be negative: %d" % age)
    return age
