# distutils: language = c++
from libcpp.map cimport map as cmap
from libcpp.string cimport string
from libcpp.vector cimport vector


def count(list words):
    cdef cmap[string, int] m
    for w in words:
        m[w] += 1
    return [(p.first, p.second) for p in m]


def nth(list xs, size_t i):
    cdef vector[long] v = xs
    return v.at(i)
