# A METH_METHOD function receives its defining class, its arguments and the
# names of its keyword arguments; PyCMethod_New refuses a mismatch as CPython.
import capi_cmethod as m
from checks import check


class Target:
    pass


print("METH_METHOD: self, the defining class, positional and keyword counts, names, last value")


def calls(f, *a, keywords=False):
    # keywords written in the call, not passed on through **k: MicroPython's
    # dicts keep no order
    r = f(*a, x=1, y=2) if keywords else f(*a)
    return (r[0], r[1].__name__) + r[2:]


f = m.cmethod("me", Target)
check(calls, f)
check(calls, f, 1, 2)
check(calls, f, 5, keywords=True)
check(calls, f, keywords=True)
check(calls, m.cmethod(None, int), "a")
# CPython's SystemError: a METH_METHOD function without its class, a class without METH_METHOD
check(m.cmethod, "me", None)
check(m.cfunction_with_class, "me", Target)
