"""Values out of range and wrong types for C-typed parameters."""

include "c_numbers.pxi"

def as_bint(bint v):
    return v

def as_str(str v):
    return v

def as_bytes(bytes v):
    return v

def as_list(list v):
    return len(v)

def as_list_not_none(list v not None):
    return len(v)

def as_dict(dict v):
    return 0 if v is None else len(v)

cdef int narrow(object o) except? -1:
    return o

def convert_return(o):
    # object -> C int happens inside the function body
    return narrow(o)
