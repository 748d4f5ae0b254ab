"""Slices with a step (typed and untyped sequences), assignment and deletion
through extended slices."""

def bytes_steps(bytes b):
    return b[::-1], b[::2], b[1:-1:3], b[5:0:-2], b[-2::-3]

def str_steps(str s):
    return s[::-1], s[1:10:2], s[::3], s[-1:0:-2], s[100::-1]

def str_step(str s, Py_ssize_t i, Py_ssize_t j, Py_ssize_t k):
    return s[i:j:k]

def tuple_steps(tuple t):
    return t[::-1], t[1::2], t[:1:-1]

def bytearray_steps(bytearray b):
    return b[::-1], b[::2]

def list_steps(list l):
    return l[::-2], l[1::3]

def any_step(o, a, b, c):
    return o[a:b:c]

ctypedef fused mutable_seq:
    bytearray
    list

def set_steps(mutable_seq s, v):
    """s[::2] = v, one specialisation per type: set_steps["list"]."""
    s[::2] = v
    return s

def set_reversed(mutable_seq s):
    s[::-1] = s
    return s

def list_del(list l, a, b, c):
    del l[a:b:c]
    return l

def bytearray_del(bytearray b, a, b2, c):
    del b[a:b2:c]
    return b

def bytearray_del_range(bytearray b, Py_ssize_t i, Py_ssize_t j):
    del b[i:j]
    return b

def make_slice(a, b, c):
    return slice(a, b, c)

def sliced(o, s):
    return o[s]


def bytearray_del_item(bytearray b, Py_ssize_t i):
    """del b[i] with a C index (MicroPython's bytearray deletes no items)."""
    del b[i]
    return b


def del_item(o, i):
    """del o[i] with an object index."""
    del o[i]
    return o


def list_assign_iterable(list l, Py_ssize_t i, Py_ssize_t j, v):
    """l[i:j] = any iterable (MicroPython's list takes a list or tuple)."""
    l[i:j] = v
    return l


def obj_assign_iterable(o, v):
    o[1:] = v
    return o
