"""cdef module variables holding objects: they live in static C memory, which
MicroPython's collector does not scan unless the layer registers it."""

from array import array
from cpython.buffer cimport PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE

cdef class Box:
    cdef public object value
    def __init__(self, value):
        self.value = value

cdef object anything = None
cdef dict table = {}
cdef list items = []
cdef tuple pair = ()
cdef str text = ""
cdef bytes raw = b""
cdef Box box = None
cdef public object shared = None
cdef object sentinel = object()
cdef double[:] values

def set_values(int n):
    """A memoryview slice global: its struct holds the exporting object."""
    global values
    values = array("d", [i * 0.5 for i in range(n)])

def values_total():
    cdef double t = 0
    cdef Py_ssize_t i
    for i in range(values.shape[0]):
        t += values[i]
    return t

def fill(int n):
    """Replaces every variable with objects nothing else refers to."""
    global anything, pair, text, raw, box, shared
    anything = [str(i) * 3 for i in range(n)]
    table.clear()
    for i in range(n):
        table["k%d" % i] = "v" * (i + 1)
    items.append(bytes(range(n)))
    pair = (n, "p" * n)
    text = "-".join(["t%d" % i for i in range(n)])
    raw = b"r" * (n * 10)
    box = Box({"n": n, "list": list(range(n))})
    shared = Box(box)

def show():
    return (anything, sorted(table.items()), items, pair, text, raw,
            sorted(box.value.items()), sorted(shared.value.value.items()))

def is_sentinel(x):
    return x is sentinel

def get_sentinel():
    return sentinel

cdef Py_buffer held

def hold(int n):
    """A Py_buffer global: its obj field alone keeps the exporter alive."""
    PyObject_GetBuffer(bytearray(b"h" * n), &held, PyBUF_SIMPLE)

def held_bytes():
    return (<char *>held.buf)[:held.len]

def release():
    PyBuffer_Release(&held)

def abc_flags(char* s):
    """Iterates a temporary bytes copy of s[:10] through a char pointer. The
    copy's object is not used after the loop starts, only its data; whether
    the compiler keeps the object pointer is up to its register allocation
    (Cython's own for_in_string test lost it under gc-stress)."""
    cdef char c
    out = []
    for c in s[:10]:
        out.append(c in b"abc")
    return out
