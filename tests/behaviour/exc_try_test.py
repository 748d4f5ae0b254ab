# try/except/else/finally in Cython code (and `with`)
import exc_try as m
from checks import check


def raise_value():
    raise ValueError("v")


def raise_key():
    raise KeyError("k")


def raise_type():
    raise TypeError("t")


class CM:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        return "value"

    def __exit__(self, typ, val, tb):
        self.log.append("exit %s" % (typ.__name__ if typ else None))
        return False


print(m.classify(lambda: None))
print(m.classify(raise_value))
print(m.classify(raise_key))
print(m.classify(lambda: [][1]))
print(m.classify(raise_type))
log = []
print(m.finally_on_return(log), log)
print(m.finally_overrides())
log = []
check(m.finally_on_exception, log)
print(log)
print(m.nested_try())
print(m.bare_except(raise_type), m.bare_except(lambda: 1))
check(m.exception_in_else)
check(m.exception_in_handler)
print(m.loop_with_try(10))
print(m.c_typed_try(7, 2), m.c_typed_try(7, 0))
print(m.catch_base(lambda: 1 // 0))
print(m.catch_base(lambda: {}["x"]))
print(m.catch_base(lambda: "abc"[9]))
check(m.catch_base, raise_type)
print(m.exception_value_kept())
cm = CM()
print(m.with_statement(cm, False), cm.log)
cm = CM()
check(m.with_statement, cm, True)
print(cm.log)
print(m.sys_exc_info())

# The exception a MicroPython except block handles stays sys.exc_info()
# across calls into Cython code that handle their own.
import sys

try:
    raise TypeError("outer")
except TypeError as outer:
    r = m.handles_its_own()
    print("after call", r is TypeError, sys.exc_info()[1] is outer)
    g = m.gen_in_except()
    print("generator", next(g), sys.exc_info()[1] is outer)
    print("generator", next(g), sys.exc_info()[1] is outer)
print("outside", m.handles_its_own(), sys.exc_info()[0])


def catches_inside():
    try:
        raise ValueError("theirs")
    except ValueError:
        pass


print("calls_in_except", m.calls_in_except(catches_inside))
