# Run under the fuzz build of MicroPython: hands the interpreter to libFuzzer
# (mpcyfuzz.run) with the callables of fuzzmod.pyx and sample objects.
# Arguments: libFuzzer's options and corpus folders.
import sys
import mpcyfuzz
import fuzzmod

b = fuzzmod.Box(3, 1.5)
funcs = [getattr(fuzzmod, n) for n in sorted(dir(fuzzmod)) if n.startswith("f_")]
# Not fuzzmod.Box.method (unbound): Cython's Limited-API function type does not
# check `self` of an unbound cdef-class method, on CPython either (it reads
# garbage there, see docs/reliability.md); fuzzing that would fuzz Cython.
funcs += [fuzzmod.Box, b.method, b.cp]
samples = [
    b,
    fuzzmod.Box(),
    2**63,
    -(2**63) - 1,
    2**64,
    float("nan"),
    float("inf"),
    "é",
    b"\xff",
    object(),
]
# What Cython's argument parsing and conversions may raise on bad input.
# LookupError: an unknown encoding name (PyUnicode_FromEncodedObject), as CPython.
allowed = (TypeError, ValueError, OverflowError, UnicodeError, MemoryError, LookupError)
sys.exit(mpcyfuzz.run(sys.argv[1:], funcs, samples, allowed))
