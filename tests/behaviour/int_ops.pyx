"""Integer arithmetic with Python semantics on C and Python integers."""

def c_floor_div_mod(int a, int b):
    # cdivision is off by default: Python semantics for negative operands
    return a // b, a % b

def py_floor_div_mod(a, b):
    return a // b, a % b, divmod(a, b)

def c_power(int base, int exp):
    cdef long r = base ** exp
    return r

def py_power(a, b):
    return a ** b

def negative_power(int base):
    return base ** -1

def bit_ops(long a, long b):
    return a & b, a | b, a ^ b, ~a, a << 3, a >> 1, -a >> 1

def object_bit_ops(a, b):
    """&, |, ^ of objects (PyNumber_And, ...): of two bools a bool."""
    c = a
    c &= b
    d = a
    d ^= b
    return a & b, a | b, a ^ b, c, d

def chained(int a, int b, int c):
    return a < b < c, a <= b <= c, a == b == c, a < b > c

def mixed(int c, o):
    return c + o, c * o, o - c, c == o

def abs_values(int a, long long b):
    return abs(a), abs(b)

def increments(int n):
    cdef int x = n
    x += 5
    x -= 2
    x *= 3
    x //= 2
    x %= 7
    x <<= 2
    x >>= 1
    x |= 1
    x &= 0xff
    x ^= 0x10
    return x

def conversions(x):
    return int(x), int("0x1f", 16), int("-17"), int(" 8 "), int(True), int(2.99)

def long_long_math(long long a, long long b):
    return a * b, a + b, a - b

def unsigned_wrap():
    cdef unsigned int u = 0
    u -= 1
    cdef unsigned char c = 250
    c += 10
    return u, c

def min_max_c(int a, int b):
    return min(a, b), max(a, b), min(a, b, -100)

def int_methods(n):
    return n.to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little")

def from_bytes(b, order, is_signed, cls=int):
    """int.from_bytes as Cython's 128-bit conversions call it: a byteorder
    string made at run time (not interned) and signed= by keyword."""
    order = "".join([order[:1], order[1:]])
    return cls.from_bytes(b, order, signed=is_signed)

def from_bytes_default(b):
    return int.from_bytes(b)

def bool_from_bytes(b, order):
    """bool.from_bytes as an unbound method of a built-in type (Cython's
    cached C method call)."""
    return bool.from_bytes(b, order)


def lshift(a, b):
    """Cython's `<<` of objects (PyNumber_Lshift): results past the small-int
    range are long ints, also at the word's top bits."""
    return a << b
