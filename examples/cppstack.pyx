# distutils: language = c++
"""A C++ module: a cdef class over std::vector, with `except +`."""
from libcpp.vector cimport vector


cdef class Stack:
    cdef vector[double] items

    def push(self, double x):
        self.items.push_back(x)

    def pop(self):
        if self.items.empty():
            raise IndexError("pop from an empty stack")
        x = self.items.back()
        self.items.pop_back()
        return x

    def peek(self, size_t depth=0):
        # at() throws std::out_of_range: IndexError, as on CPython
        return self.items.at(self.items.size() - 1 - depth)

    def __len__(self):
        return self.items.size()
