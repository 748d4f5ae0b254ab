"""Module-level constants and globals."""

ANSWER = 42
NAME = "mod_globals"
PI_ISH = 3.25
PRIMES = (2, 3, 5, 7)
TABLE = {"a": 1, "b": 2}
NOTHING = None
count = 0
items = []

cdef int c_counter = 0
cdef double c_scale = 2.0

def bump(int by=1):
    global count
    count += by
    return count

def reset():
    global count, items
    count = 0
    items = []

def remember(x):
    items.append(x)       # mutation, no global statement needed
    return len(items)

def c_bump():
    global c_counter
    c_counter += 1
    return c_counter

def set_scale(double s):
    global c_scale
    c_scale = s

def scaled(double x):
    return x * c_scale

def read_answer():
    # reads the module global at call time (the driver may change it)
    return ANSWER

def make_new_global():
    global created_later
    created_later = "created"

def table_get(key):
    return TABLE.get(key, -1)
