"""Returning None and bool."""

def implicit_none():
    pass

def explicit_none():
    return None

def bare_return(x):
    if x:
        return
    return 1

def true():
    return True

def false():
    return False

cdef bint c_is_even(int n):
    return n % 2 == 0

def is_even(int n):
    return c_is_even(n)

def comparisons(a, b):
    return a < b, a == b, a is b, a is not None, not a

def truthy(x):
    return bool(x)

cdef bint c_truth(object x):
    return x

def returns_bint(x):
    # object -> C bint -> Python bool
    return c_truth(x)

def c_bool_expr(int a, int b):
    cdef bint r = a > 0 and b > 0
    return r, a > 0 or b > 0
