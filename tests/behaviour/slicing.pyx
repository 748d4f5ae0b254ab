"""Slicing and indexing."""

def list_slices(list l):
    return l[1:3], l[:2], l[2:], l[-2:], l[:-1], l[:], l[10:], l[::2]

def str_slices(str s):
    return s[1:3], s[:2], s[2:], s[-2:], s[:-1], s[100:], s[-100:2]

def bytes_slices(bytes b):
    return b[1:3], b[:2], b[-1:], b[:0]

def tuple_slices(tuple t):
    return t[1:], t[:1], t[-1:]

def untyped_slices(o, int a, int b):
    return o[a:b], o[a:], o[:b]

def c_bounds(str s, Py_ssize_t start, Py_ssize_t stop):
    return s[start:stop]

def indexing(seq):
    return seq[0], seq[-1], seq[len(seq) // 2]

def typed_index(list l, int i):
    return l[i]

def str_index(str s, int i):
    return s[i]

def bytes_index(bytes b, int i):
    return b[i]

def slice_assign():
    l = list(range(6))
    l[1:3] = ["a", "b", "c"]
    l[-1:] = []
    del l[0]
    del l[:1]
    return l

def item_assign(list l, int i, v):
    l[i] = v
    return l
