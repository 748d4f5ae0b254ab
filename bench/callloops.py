# The call-overhead loops of `make bench` (MicroPython bytecode calling a
# callable N times), shared by bench_main.py (table c) and bench_mpy.py
# (table g, the same loops against the module as an .mpy on a stock build).


def loop1(f, n):
    for i in range(n):
        f(i)
    return f(n)


def loop_kw(f, n):
    for i in range(n):
        f(i, y=1)
    return f(n, y=1)


def loop_meth(k, n):
    for i in range(n):
        k.m(i)
    return k.m(n)


def run_coro(f, n):
    import asyncio

    return asyncio.run(f(n))


# (benchmark, loop, the callable of a kernels module)
CALLS = (
    ("call def f(int x)", loop1, lambda m: m.f_int),
    ("call f(x, y=1)", loop_kw, lambda m: m.f_kw),
    ("call cdef class method", loop_meth, lambda m: m.K()),
)
