# Calls with more arguments than fit the layer's stack buffer (16) must pass
# all of them; bound methods come apart into their function and self.
import capi_calls as m
from checks import check


def count(*args):
    return len(args), sum(args), args[-1] if args else None


class Target:
    def count(self, *args):
        return len(args), sum(args)

    def me(self):
        return "me"


print(m.call_0(count))
print(m.call_16(count))
print(m.call_17(count))
print(m.call_20(count))
print(m.method_20(Target(), "count"))
try:
    m.method_20(Target(), "missing")
except AttributeError:
    print("AttributeError")
t = Target()
print(m.bound(Target.me, t))

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
