# exceptions raised in Python code passing through Cython frames unchanged
import exc_passthrough as m
from checks import Countdown, check, check_type


class MyError(Exception):
    pass


def boom():
    raise MyError("boom from python")


def bad_value(*a):
    raise ValueError("bad %r" % (a,))


def fails_at(k):
    def f(i):
        if i == k:
            raise IndexError("failed at %d" % i)
        return i * i

    return f


class BadIter(Countdown):
    # 1, 2, then KeyError instead of StopIteration
    def __init__(self):
        Countdown.__init__(self, 2)

    def __next__(self):
        if self.n <= 0:
            raise KeyError("iteration broke")
        return 2 - Countdown.__next__(self)


check(m.call, boom)
check(m.call, bad_value, 1, "x")
check_type(m.call, len, 5)
check_type(m.call, int, "nope!")
try:
    m.call(boom)
except MyError as e:
    print("MyError caught in driver:", e, type(e) is MyError)
err = MyError("identity")


def raise_err():
    raise err


try:
    m.call(raise_err)
except MyError as e:
    print("same object:", e is err)
check(m.call_typed, lambda n: n + 1, 5)
check_type(m.call_typed, lambda n: 1 // 0, 5)
check(m.call_many, fails_at(100), 4)
check(m.call_many, fails_at(2), 4)
print(m.catch_and_report(boom))
print(m.catch_and_report(lambda: bad_value(1)))
print(m.catch_and_report(lambda: None))
print(m.catch_and_report(lambda: [][0]))
print(m.catch_specific(boom, MyError))
check(m.catch_specific, boom, KeyError)
print(m.catch_specific(lambda: {}["k"], (KeyError, IndexError)))
check(m.nested, boom, 5)
check(m.nested, lambda: "deep ok", 5)
log = []
check(m.cleanup_then_propagate, boom, log)
check(m.cleanup_then_propagate, lambda: "fine", log)
print(log)
check_type(m.iterate, BadIter())
check(m.map_keys, {1: 0, 2: 0}, fails_at(2))
check(m.via_cdef, boom)
check(m.via_cdef, lambda: None)
