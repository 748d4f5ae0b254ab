"""C API: Py_BuildValue with its format codes, and PyObject_CallFunction's use of it."""

from cpython.ref cimport PyObject, Py_INCREF
from libc.limits cimport INT_MIN, LONG_MAX, LLONG_MIN, ULLONG_MAX, UINT_MAX

cdef extern from "Python.h":
    object Py_BuildValue(const char *fmt, ...)
    PyObject *PyErr_Occurred()


def scalars():
    return [
        Py_BuildValue(""),
        Py_BuildValue("i", <int>-5),
        Py_BuildValue("i", <int>INT_MIN),
        Py_BuildValue("b", <int>100),
        Py_BuildValue("B", <int>200),
        Py_BuildValue("h", <int>-300),
        Py_BuildValue("H", <int>60000),
        Py_BuildValue("I", <unsigned int>UINT_MAX),
        Py_BuildValue("l", <long>LONG_MAX),
        Py_BuildValue("k", <unsigned long>123),
        Py_BuildValue("L", <long long>LLONG_MIN),
        Py_BuildValue("K", <unsigned long long>ULLONG_MAX),
        Py_BuildValue("n", <Py_ssize_t>-7),
        Py_BuildValue("d", <double>2.5),
        Py_BuildValue("f", <double>0.25),
        Py_BuildValue("c", <int>65),
        Py_BuildValue("C", <int>0x20ac),
    ]

def strings():
    return [
        Py_BuildValue("s", b"text"),
        Py_BuildValue("s", <char *>NULL),
        Py_BuildValue("s#", b"abcdef", <Py_ssize_t>3),
        Py_BuildValue("z", <char *>NULL),
        Py_BuildValue("z", b"z-text"),
        Py_BuildValue("z#", <char *>NULL, <Py_ssize_t>0),
        Py_BuildValue("U", b"unicode"),
        Py_BuildValue("y", b"bytes"),
        Py_BuildValue("y#", b"a\x00b", <Py_ssize_t>3),
        Py_BuildValue("s", b"caf\xc3\xa9"),
    ]

def objects(a, b):
    Py_INCREF(b)  # "N" steals a reference
    return [
        Py_BuildValue("O", <PyObject *>a),
        Py_BuildValue("S", <PyObject *>a),
        Py_BuildValue("N", <PyObject *>b),
    ]

def containers(obj):
    return [
        Py_BuildValue("()"),
        Py_BuildValue("(i)", <int>1),
        Py_BuildValue("(ii)", <int>1, <int>2),
        Py_BuildValue("ii", <int>1, <int>2),
        Py_BuildValue("i, s", <int>1, b"two"),
        Py_BuildValue("[]"),
        Py_BuildValue("[i,s,O]", <int>1, b"two", <PyObject *>obj),
        Py_BuildValue("(i,(s,[d]))", <int>1, b"nested", <double>0.5),
        Py_BuildValue("{}"),
        Py_BuildValue("{s:i,s:O}", b"a", <int>1, b"b", <PyObject *>obj),
        Py_BuildValue("{i:(ii)}", <int>7, <int>8, <int>9),
        Py_BuildValue("((((i))))", <int>4),
        Py_BuildValue("(s#s)", b"xyz", <Py_ssize_t>2, b"w"),
    ]

def bad_utf8():
    return Py_BuildValue("s", b"\xff")

def bad_utf8_in_tuple():
    return Py_BuildValue("(is)", <int>1, b"\xff")

def null_object():
    # NULL for "O" without an exception set: SystemError
    return Py_BuildValue("O", <PyObject *>NULL)

def null_object_in_list():
    return Py_BuildValue("[iO]", <int>1, <PyObject *>NULL)

def bad_format():
    return Py_BuildValue("w", <int>1)

def bad_char_range():
    return Py_BuildValue("C", <int>0x110000)
