"""Module docstring of mod_doc.

It has a second paragraph.
"""

def documented():
    """Function docstring."""
    return 1

def plain():
    return 2

cdef class Thing:
    """Class docstring."""
    def method(self):
        return 3

cdef int hidden():
    return 4

def call_hidden():
    return hidden()


cdef class SubThing(Thing):
    pass


class PyThing(Thing):
    pass


class PyDoc(object):
    "Python class docstring."


class PyDocSub(PyDoc):
    pass
