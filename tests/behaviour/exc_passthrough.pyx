"""Exceptions raised by Python callbacks, passing through Cython frames."""

def call(f, *args):
    return f(*args)

def call_typed(f, int n):
    cdef int result = f(n)
    return result

def call_many(f, int n):
    cdef int i
    out = []
    for i in range(n):
        out.append(f(i))
    return out

def catch_and_report(f):
    try:
        f()
    except ValueError as e:
        return "caught ValueError: %s" % e
    except Exception as e:
        return "caught %s" % type(e).__name__
    return "no exception"

def catch_specific(f, exc_type):
    try:
        return f()
    except exc_type as e:
        return ("caught", e.args)

def nested(f, int depth):
    # Cython -> Python -> Cython -> ... -> f
    if depth == 0:
        return f()
    return call(nested, f, depth - 1)

def cleanup_then_propagate(f, list log):
    log.append("start")
    try:
        return f()
    finally:
        log.append("cleanup")

def iterate(it):
    out = []
    for x in it:
        out.append(x)
    return out

def map_keys(d, f):
    return sorted([f(k) for k in d])

cdef int call_from_cdef(object f) except -1:
    f()
    return 0

def via_cdef(f):
    call_from_cdef(f)
    return "done"
