"""Exceptions raised in Cython and caught in MicroPython code."""

class AppError(Exception):
    pass

class DetailedError(ValueError):
    def __init__(self, code, msg):
        # MP-DIFF: ValueError.__init__(self, msg) fails on MicroPython (built-in
        # exception types have no __init__ attribute); super() works on both
        super().__init__(msg)
        self.code = code

def raise_value_error(msg):
    raise ValueError(msg)

def raise_type_error():
    raise TypeError("wrong type here")

def raise_class():
    raise RuntimeError

def raise_multi_args():
    raise ValueError("a", 2)

def raise_key_error():
    raise KeyError("missing")

def raise_custom(int code):
    if code == 0:
        raise AppError("app failed")
    raise DetailedError(code, "detail %d" % code)

def raise_if_negative(int n):
    if n < 0:
        raise ValueError("negative: %d" % n)
    return n * 2

def reraise(msg):
    try:
        raise ValueError(msg)
    except ValueError:
        raise

def raise_new_in_except():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("converted")

def raise_stop_iteration():
    raise StopIteration

def raise_not_implemented():
    raise NotImplementedError("todo")

def raise_existing(e):
    raise e

def raise_in_cdef():
    return _cdef_raiser(3)

cdef int _cdef_raiser(int x) except -1:
    raise IndexError("cdef raised %d" % x)

def raise_assertion(int x):
    assert x > 0, "x must be positive"
    return x
