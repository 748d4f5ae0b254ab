"""cdef / cpdef functions and C loops over typed locals."""

cdef int add(int a, int b):
    return a + b

cdef double mean(double a, double b):
    return (a + b) / 2

cdef inline long square(long x):
    return x * x

cdef int fib(int n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

cdef int checked_div(int a, int b) except -1:
    if b == 0:
        raise ValueError("division by zero in checked_div")
    return a // b

cdef int maybe_negative(int a) except? -1:
    if a > 100:
        raise OverflowError("too large")
    return a - 1

cdef int with_default(int a, int b=10):
    return a * b

cdef object returns_object(int n):
    return [n] * n

cpdef int cp_triple(int x):
    return 3 * x

def use_add(int a, int b):
    return add(a, b)

def use_mean(a, b):
    return mean(a, b)

def sum_squares(int n):
    cdef long total = 0
    cdef int i
    for i in range(n):
        total += square(i)
    return total

def use_fib(int n):
    return fib(n)

def use_checked_div(int a, int b):
    return checked_div(a, b)

def use_maybe_negative(int a):
    return maybe_negative(a)

def use_defaults(int a):
    return with_default(a), with_default(a, 2)

def use_object(int n):
    return returns_object(n)

def loops(int n):
    cdef int i, j
    cdef int count = 0
    cdef list seen = []
    for i in range(n):
        if i % 2:
            continue
        for j in range(i):
            if j > 3:
                break
            count += 1
    i = 0
    while True:
        i += 1
        if i * i > n:
            break
        seen.append(i)
    return count, seen

def range_variants(int n):
    cdef int i
    cdef list out = []
    for i in range(n, 0, -3):
        out.append(i)
    for i in range(-2, 2):
        out.append(i)
    return out

def for_else(int n):
    cdef int i
    for i in range(n):
        if i == 5:
            result = "found"
            break
    else:
        result = "not found"
    return result

def collatz(long long n):
    cdef int steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def prime_sieve(int n):
    cdef int i, j
    cdef list flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, n + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return [i for i in range(n + 1) if flags[i]]
