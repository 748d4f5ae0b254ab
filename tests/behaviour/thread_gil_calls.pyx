# Cython code looping in C around calls lets other threads run: CPython's
# eval loop gives up the GIL on function entry too, MicroPython's VM only on
# backward jumps of bytecode, which such a loop never makes (the layer lets
# go of the GIL every so many calls: runtime/pystate.c, mpcy_call_tick).


def poll(done):
    """Calls done() until it answers true."""
    while not done():
        pass
    return "done"


def poll_method(flag):
    """Calls flag.is_set() until it answers true."""
    cdef long n = 0
    while not flag.is_set():
        n += 1
    return "set"
