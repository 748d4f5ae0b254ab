"""def functions with typed parameters."""

def f_int(int a):
    return a * 2

def f_long(long a):
    return a + 1

def f_longlong(long long a):
    return a - 1

def f_double(double d):
    return d * 2.0

def f_bint(bint b):
    return not b

def f_str(str s):
    return s + "!"

def f_bytes(bytes b):
    return b + b"?"

def f_untyped(a, b):
    return a + b

def f_unsigned(unsigned int u):
    return u + 1

def f_short(short s):
    return s

def f_char(signed char c):
    return c

def f_size(size_t n, Py_ssize_t m):
    return n + m

def f_float(float f):
    return f

def f_mixed(int n, double x, str label, bytes raw, bint flag, obj):
    return (n, x, label, raw, flag, obj)

def f_types(int n, double x, bint flag):
    # C values converted back to Python objects
    return type(n).__name__, type(x).__name__, type(flag).__name__
