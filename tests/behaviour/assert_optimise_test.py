# Cython's assert statements run unless the interpreter optimises, as with
# `python -O`: Cython reads __debug__ from the builtins when the module is
# imported. On MicroPython the level is set here (micropython.opt_level, as
# `micropython -O`); CPython's stays 0, so both compare the module with what
# Python code compiled at that level sees.
try:
    import micropython

    micropython.opt_level(1)
except ImportError:
    pass
import assert_optimise as m

print("asserts follow __debug__:", m.asserts_run() == eval("__debug__"))
