# exceptions raised in Cython code, caught in the driver
import exc_raise as m
from checks import check


check(m.raise_value_error, "bad value")
try:
    m.raise_value_error("caught")
except ValueError as e:
    print("ValueError", e, e.args, isinstance(e, Exception))
check(m.raise_type_error)
check(m.raise_class)
try:
    m.raise_class()
except RuntimeError as e:
    print(e.args)
try:
    m.raise_multi_args()
except ValueError as e:
    print(e.args)
try:
    m.raise_key_error()
except KeyError as e:
    # MP-DIFF: str(KeyError('x')) is 'x' on MicroPython, "'x'" on CPython; print args
    print("KeyError", e.args)
try:
    m.raise_custom(0)
except m.AppError as e:
    print("AppError", e, isinstance(e, Exception), type(e).__name__)
try:
    m.raise_custom(7)
except ValueError as e:
    print("ValueError subclass", type(e).__name__, e, e.code, isinstance(e, m.DetailedError))
check(m.raise_if_negative, 3)
check(m.raise_if_negative, -3)
check(m.reraise, "again")
check(m.raise_new_in_except)
check(m.raise_stop_iteration)
check(m.raise_not_implemented)
mine = ValueError("mine")
try:
    m.raise_existing(mine)
except ValueError as e:
    print(e is mine, e)
check(m.raise_existing, AttributeError("attr"))
check(m.raise_in_cdef)
check(m.raise_assertion, 1)
check(m.raise_assertion, -1)
print(issubclass(m.AppError, Exception), issubclass(m.DetailedError, ValueError))
# the interpreter still works normally after all that
print(sum(range(10)))
