"""Returning floats."""

def half():
    return 0.5

def c_double(double a, double b):
    cdef double r = a / b
    return r

def c_float():
    cdef float f = 0.25
    return f

def true_division(int a, int b):
    return a / b

def floats_list():
    return [1.0, -2.5, 1e10, 3.0e-3, 0.0, -0.0]

def mixed(int i, double d):
    return i + d, i * d, i - d

def to_int(double d):
    return int(d), <int>d, round(d)

def accumulate(int n):
    cdef double total = 0
    cdef int i
    for i in range(1, n + 1):
        total += 1.0 / i
    return total

def specials():
    return float('inf'), -float('inf'), float('nan') != float('nan')

def from_str(s):
    return float(s)
