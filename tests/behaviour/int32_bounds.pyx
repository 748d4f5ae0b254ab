"""Integer widths at their boundaries, for 32-bit targets (Cortex-M) as well as
64-bit hosts: long long / Py_ssize_t / size_t / long conversions both ways,
small ints overflowing into long ints (MicroPython's small ints are 31 bits on
a 32-bit target, 63 on a 64-bit one), 64-bit C arithmetic (libgcc division on
32-bit), doubles that a single-precision float would round, and the alignment
of double / long long fields in cdef classes.

Functions whose range depends on the target report their widths; the driver
computes the expected result from them, so its output is the same everywhere."""

from libc.limits cimport LLONG_MIN, LLONG_MAX, ULLONG_MAX, LONG_MIN, LONG_MAX

cdef extern from "Python.h":
    const Py_ssize_t PY_SSIZE_T_MAX
    const Py_ssize_t PY_SSIZE_T_MIN

# Python int constants on both sides of each boundary (built at import).
CONSTS = (2 ** 30 - 1, 2 ** 30, -2 ** 30, -2 ** 30 - 1, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1,
          2 ** 32, 2 ** 62 - 1, 2 ** 62, -2 ** 62, -2 ** 62 - 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63,
          -2 ** 63 - 1, 2 ** 64 - 1, 2 ** 64)


def widths():
    return sizeof(Py_ssize_t) * 8, sizeof(size_t) * 8, sizeof(long) * 8, sizeof(long long) * 8


# ---- C values -> Python ints
def ll_limits():
    return LLONG_MIN, LLONG_MAX, ULLONG_MAX


def ssize_limits():
    return PY_SSIZE_T_MIN, PY_SSIZE_T_MAX, <size_t>-1


def long_limits():
    return LONG_MIN, LONG_MAX


def ll_around(int bit):
    """2**bit - 2 .. 2**bit + 2 and their negatives, computed in C."""
    cdef long long base = (<long long>1) << bit
    cdef long long i
    return [base + i for i in range(-2, 3)] + [-base + i for i in range(-2, 3)]


def ll_top():
    cdef long long top = LLONG_MAX
    return [top - 2, top - 1, top, LLONG_MIN, LLONG_MIN + 1]


def ull_around(int bit):
    cdef unsigned long long base = (<unsigned long long>1) << bit
    cdef unsigned long long i
    return [base - 2 + i for i in range(5)]


def ull_top():
    cdef unsigned long long top = ULLONG_MAX
    return [top - 1, top]


# ---- Python ints -> C: as_c[CTYPE]
include "c_numbers.pxi"


# ---- 64-bit C arithmetic (on a 32-bit CPU: libgcc helpers)
def ll_ops(long long a, long long b):
    return a + b, a - b, a // b, a % b, a & b, a | b, a ^ b, a >> 3


def ull_ops(unsigned long long a, unsigned long long b):
    return a + b, a - b, a // b, a % b, a >> 7


def ll_mul(long long a, long long b):
    return a * b


def ll_sum(int n, long long step):
    cdef long long s = 0
    cdef int i
    for i in range(n):
        s += i * step
    return s


# ---- Python int arithmetic crossing the small-int limit (objects, not C)
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def neg(a):
    return -a


def lshift(a, int n):
    return a << n


def inc(a):
    return a + 1


def floordiv(a, b):
    return a // b


def compare(a, b):
    return a < b, a == b, a > b


# ---- doubles: C double precision whatever MicroPython's float is
def ll_via_double(long long v):
    """v -> double -> long long, in C."""
    cdef double d = <double>v
    return <long long>d


def int_via_double(double d):
    """A Python int argument converted to a C double (PyFloat_AsDouble)."""
    return <long long>d


def double_checks():
    cdef double tenth = 0.1
    cdef double big = 9007199254740993.0   # 2**53 + 1 rounds to 2**53
    return (<long long>(tenth * 1e10), <long long>big, <long long>(2.0 ** 62 + 2.0 ** 40))


# ---- Py_ssize_t indexes through the generic (object) paths
def get_at(seq, Py_ssize_t i):
    return seq[i]


def size_of_list(list l):
    cdef Py_ssize_t n = len(l)
    return n


# ---- alignment of 8-byte fields in cdef classes
cdef class Mixed:
    cdef public char c
    cdef public double d
    cdef public int i
    cdef public long long ll
    cdef public char c2
    cdef public unsigned long long ull
    cdef public float f
    cdef double arr[3]

    def __init__(self):
        self.c = 1
        self.d = 0.1
        self.i = -7
        self.ll = LLONG_MIN
        self.c2 = 2
        self.ull = ULLONG_MAX
        self.f = 0.5
        self.arr[0] = 1.0 / 3.0
        self.arr[1] = 2.0 ** 60
        self.arr[2] = -0.25

    def aligned(self):
        return ((<size_t>&self.d) % sizeof(double) == 0, (<size_t>&self.ll) % sizeof(long long) == 0,
                (<size_t>&self.ull) % sizeof(long long) == 0, (<size_t>&self.arr[0]) % sizeof(double) == 0)

    def values(self):
        # checked in C (double precision), returned as ints and bools
        return (self.c, self.d == 0.1, self.i, self.ll, self.c2, self.ull, self.f == 0.5,
                self.arr[0] * 3.0 == 1.0, <long long>self.arr[1], self.arr[2] == -0.25)

    def bump(self):
        self.ll += 1
        self.ull -= 1
        self.d *= 10.0
        self.arr[1] += 1.0
        return self.ll, self.ull, <long long>(self.d * 1000.0), <long long>self.arr[1]


cdef class MixedSub(Mixed):
    cdef public char tag
    cdef public double e
    cdef public long long big

    def __init__(self):
        Mixed.__init__(self)
        self.tag = 3
        self.e = 2.0 ** -30
        self.big = LLONG_MAX

    def aligned_sub(self):
        return ((<size_t>&self.e) % sizeof(double) == 0, (<size_t>&self.big) % sizeof(long long) == 0,
                (<size_t>&self.d) % sizeof(double) == 0)

    def sub_values(self):
        return self.tag, self.e * 2.0 ** 30 == 1.0, self.big, self.ll
