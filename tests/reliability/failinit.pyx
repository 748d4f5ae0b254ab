# A module whose init raises (issue 7): the import fails with the module's
# exception, the module is not left in sys.modules, and a second import runs
# the init again and fails the same way (CPython's behaviour).
import sys

cdef class Partial:
    cdef public int v

made = [Partial() for _ in range(20)]
counter = sys.modules.setdefault("failinit_count", [])
counter.append(1)
raise ValueError("failinit: init failed on purpose")
