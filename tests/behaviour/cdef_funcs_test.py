# cdef/cpdef functions, except clauses, C loops over typed locals
import cdef_funcs as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


check(m.use_add, 2, 3)
check(m.use_add, -2000000000, -100)
check(m.use_mean, 1, 2)
check(m.sum_squares, 10)
check(m.sum_squares, 1000)
check(m.use_fib, 20)
check(m.use_checked_div, 7, 2)
check(m.use_checked_div, -7, 2)
check(m.use_checked_div, 1, 0)
check(m.use_maybe_negative, 0)
check(m.use_maybe_negative, 5)
check(m.use_maybe_negative, 101)
check(m.use_defaults, 3)
check(m.use_object, 3)
check(m.cp_triple, 14)
check(m.cp_triple, x=-1)
print(hasattr(m, 'add'), hasattr(m, 'cp_triple'))
check(m.loops, 10)
check(m.loops, 30)
check(m.range_variants, 10)
check(m.for_else, 3)
check(m.for_else, 10)
check(m.collatz, 27)
check(m.collatz, 837799)
check(m.prime_sieve, 50)
