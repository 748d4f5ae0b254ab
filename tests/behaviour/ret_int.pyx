"""Returning integers, including values beyond 64 bits."""

BIG_CONST = 2 ** 100
NEG_BIG_CONST = -(2 ** 80) + 1

def small():
    return 42

def negative():
    return -7

def zero():
    return 0

def c_int_max():
    cdef int v = 2147483647
    return v

def c_long_long_extremes():
    cdef long long hi = 9223372036854775807
    cdef long long lo = -9223372036854775807 - 1
    return hi, lo

def c_unsigned_max():
    cdef unsigned long long u = 18446744073709551615ULL
    return u

def pow_runtime(n):
    # 2**n computed at run time with Python integers
    x = 2
    return x ** n

def shift_runtime(int n):
    one = 1
    return one << n

def factorial(int n):
    result = 1
    cdef int i
    for i in range(2, n + 1):
        result *= i
    return result

def big_ops():
    a = 2 ** 100
    b = 3 ** 50
    return [a + b, a - b, b - a, a * b, a // b, a % b, -a // 7, a >> 90, a & 0xFFFF, a | 1, a ^ b]

def big_compare():
    a = 2 ** 100
    return [a > 2 ** 99, a == 2 ** 100, a < -a, a != a + 1, a // 2 ** 98]

def from_string():
    return int("123456789012345678901234567890"), int("-ff" + "00" * 10, 16)

def c_sum_to_object(long long n):
    cdef long long total = 0
    cdef long long i
    for i in range(n):
        total += i * i
    return total

def big_to_c(o):
    # object -> long long after arithmetic that fits again
    cdef long long v = o // (2 ** 40)
    return v
