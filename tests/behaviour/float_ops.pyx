"""Floating point arithmetic."""

from libc.math cimport sqrt, floor, ceil, fabs, pow as cpow, isnan, isinf, INFINITY, NAN

def basic(double a, double b):
    return a + b, a - b, a * b, a / b

def floor_mod(double a, double b):
    return a // b, a % b

def py_floor_mod(a, b):
    return a // b, a % b

def libc_math(double x):
    return sqrt(x), floor(x), ceil(x), fabs(-x), cpow(x, 2)

def specials():
    cdef double inf = INFINITY
    cdef double nan = NAN
    return isinf(inf), isnan(nan), isnan(1.0), inf > 1e308, -inf < -1e308

def compare(double a, double b):
    return a < b, a == b, a >= b

def int_float_mix(int i, double d):
    return i / 2, i // 2, i * d, i + 0.5, d ** 2

def power(double a, double b):
    return a ** b

def to_c_float(double d):
    cdef float f = d
    return f

def accumulate(list values):
    cdef double total = 0
    for v in values:
        total += v
    return total

def rounding(double d):
    return round(d), round(d, 1), int(d)

def from_int_overflow():
    cdef double d = 2 ** 70
    return d
