"""Exceptions raised implicitly by operations in Cython code."""

def div(a, b):
    return a // b

def c_div(int a, int b):
    return a // b

def c_mod(int a, int b):
    return a % b

def c_true_div(double a, double b):
    return a / b

def lookup(dict d, key):
    return d[key]

def untyped_lookup(d, key):
    return d[key]

def untyped_store(d, key, v):
    d[key] = v

def untyped_delete(d, key):
    del d[key]

def index(list l, int i):
    return l[i]

def attribute(obj):
    return obj.no_such_attribute

def add(a, b):
    return a + b

def undefined_name():
    return defined_later

def define_it():
    global defined_later
    defined_later = "now defined"

def unbound_local(bint flag):
    if flag:
        x = "assigned"
    return x

def int_from_str(s):
    return int(s)

def call_none():
    f = None
    return f()

def to_c_int(o):
    cdef int v = o
    return v

def negate_list():
    return -[]

def pop_empty():
    cdef list l = []
    return l.pop()

def remove_missing():
    cdef set s = set()
    s.remove(1)

def dict_pop_missing():
    cdef dict d = {}
    return d.pop("k")

def convert_char(s):
    cdef Py_UCS4 c = s
    return c
