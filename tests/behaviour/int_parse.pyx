# int() of text as CPython parses it: underscores only between digits (or
# one after a base prefix), Unicode digits and white space in a str.
cdef extern from "Python.h":
    object PyLong_FromString(const char *s, char **pend, int base)


def from_object(o):
    return int(o)


def from_str(str s):
    return int(s)


def from_bytes(bytes s):
    return int(s)


def capi_from_string(bytes s, int base):
    return PyLong_FromString(s, NULL, base)
