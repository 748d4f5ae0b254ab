"""Typed integer loops: Fibonacci numbers, beyond 64 bits."""

def fib(int n):
    """The n-th Fibonacci number, computed with Python ints."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

cdef long long cfib(int n):
    cdef long long a = 0, b = 1, t
    cdef int i
    for i in range(n):
        t = a + b
        a = b
        b = t
    return a

def fast_fib(int n):
    """The same with C long longs (n <= 92)."""
    return cfib(n)
