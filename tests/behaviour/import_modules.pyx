"""Using other (MicroPython) modules from Cython code."""

import math
import time
from math import sqrt, floor

def roots(double x):
    return math.sqrt(x), sqrt(x * 4)

def constants():
    return math.pi, math.e

def rounding(double x):
    return math.floor(x), math.ceil(x), floor(-x), math.fabs(-x)

def trig():
    return math.sin(0.0), math.cos(0.0), math.atan2(1.0, 1.0) * 4

def log_exp(double x):
    return math.log(math.exp(x)), math.pow(2.0, x), math.log(8, 2)

def bad_sqrt(x):
    return math.sqrt(x)

def now():
    return time.time()

def sleep_a_little():
    time.sleep(0.001)
    return "slept"

def module_names():
    return math.__name__, time.__name__

def import_inside():
    import math as m2
    return m2 is math

def import_missing():
    import no_such_module_here
    return no_such_module_here


def import_missing_caught(which):
    """A missing module is a ModuleNotFoundError (an ImportError), as in CPython."""
    try:
        if which == 0:
            import no_such_module_here
        elif which == 1:
            from no_such_package_here import thing
        else:
            from math import no_such_name_here
    except ModuleNotFoundError as e:
        return ["ModuleNotFoundError", str(e), isinstance(e, ImportError)]
    except ImportError as e:
        return ["ImportError", type(e).__name__]

def reload_module(mod):
    """reload(mod) in Cython code: PyImport_ReloadModule."""
    return reload(mod)
