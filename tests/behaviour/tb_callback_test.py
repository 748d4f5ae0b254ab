# An exception raised in Python code called from Cython, passing through a
# cdef class method and a def function, left uncaught. Only the .pyx frames
# are checked (see tests/behaviour/run.py).
# EXPECT-TRACEBACK: File "tb_callback.pyx", line 9, in apply
# EXPECT-TRACEBACK: File "tb_callback.pyx", line 19, in run
# EXPECT-EXCEPTION: RuntimeError: callback failed for 5
import tb_callback as m


def callback(x):
    if x == 5:
        raise RuntimeError("callback failed for %d" % x)
    return x - 1


r = m.Runner(callback)
print(r.run(1))
try:
    r.run(0)
except KeyError as e:
    print("KeyError", e.args)
print(r.run(5))
