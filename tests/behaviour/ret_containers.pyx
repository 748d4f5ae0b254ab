"""Returning tuples, lists, dicts and sets."""

def a_tuple():
    return (1, "two", 3.5)

def single_tuple():
    return (None,)

def empty_all():
    return (), [], {}, set()

def a_list(int n):
    cdef list out = []
    cdef int i
    for i in range(n):
        out.append(i * i)
    return out

def a_dict():
    d = {"one": 1, "two": 2}
    d["three"] = 3
    return d

def a_set():
    s = {1, 2, 3}
    s.add(2)
    s.add(10)
    return s

def nested():
    return {"list": [1, [2, 3]], "tuple": (4, (5,)), "dict": {"k": "v"}}

def unpack(t):
    a, b, c = t
    return c, b, a

def swap(x, y):
    x, y = y, x
    return x, y

def star_unpack(seq):
    first, *rest = seq
    return first, rest

def build_from_c(int n):
    cdef int i
    return tuple([i for i in range(n)]), list((1, 2)), dict([("a", 1)]), set([1, 1, 2])

def list_ops():
    l = [3, 1, 2]
    l2 = l + [4]
    l3 = l * 2
    return l2, l3, len(l3), l3.count(1)
