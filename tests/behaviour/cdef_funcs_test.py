# cdef/cpdef functions, except clauses, C loops over typed locals
import cdef_funcs as m
from checks import check

# a list, not a dict: MicroPython's dict has no insertion order
CALLS = [
    (m.use_add, [(2, 3), (-2000000000, -100)]),
    (m.use_mean, [(1, 2)]),
    (m.sum_squares, [(10,), (1000,)]),
    (m.use_fib, [(20,)]),
    (m.use_checked_div, [(7, 2), (-7, 2), (1, 0)]),
    (m.use_maybe_negative, [(0,), (5,), (101,)]),
    (m.use_defaults, [(3,)]),
    (m.use_object, [(3,)]),
    (m.cp_triple, [(14,)]),
    (m.loops, [(10,), (30,)]),
    (m.range_variants, [(10,)]),
    (m.for_else, [(3,), (10,)]),
    (m.collatz, [(27,), (837799,)]),
    (m.prime_sieve, [(50,)]),
]
for f, arg_lists in CALLS:
    for a in arg_lists:
        check(f, *a)
check(m.cp_triple, x=-1)
print(hasattr(m, "add"), hasattr(m, "cp_triple"))
