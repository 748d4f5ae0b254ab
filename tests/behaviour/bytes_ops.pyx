"""bytes objects and char pointers."""

from libc.string cimport strlen

def index_and_iter(bytes b):
    return b[0], b[-1], [c for c in b], len(b)

def c_pointer(bytes b):
    cdef const char* p = b
    cdef int total = 0
    cdef Py_ssize_t i
    for i in range(len(b)):
        total += <unsigned char>p[i]
    return total, strlen(p)

def from_pointer_and_length():
    cdef const char* p = b"hello\x00world"
    return p[:11], p[:5], p

def concat_and_repeat(bytes a, bytes b):
    return a + b, a * 3, b"-".join([a, b]), b"".join([])

def methods(bytes b):
    return b.upper(), b.split(b","), b.strip(), b.startswith(b"a"), b.find(b","), b.replace(b"a", b"A")

def compare(bytes a, bytes b):
    return a == b, a < b, a != b

def build(int n):
    cdef bytes out = b""
    cdef int i
    for i in range(n):
        out += bytes([65 + i])
    return out

def to_str(bytes b):
    return b.decode("ascii"), str(b, "utf-8")

def membership(bytes b):
    return 104 in b, b"ll" in b, b"z" in b

def bytes_from(obj):
    return bytes(obj)

def unsigned_chars(bytes b):
    cdef const unsigned char* p = b
    return [p[i] for i in range(len(b))]

def bytearray_repeat(bytearray b, n):
    """b * n, n * b and d *= n (in place, as CPython): MicroPython's
    bytearray has no repetition."""
    d = b[:]
    e = d
    d *= n
    return b * n, n * b, d, d is e

def repeat_objects(a, n):
    """Untyped a * n and a *= n."""
    r = a * n
    c = a
    c *= n
    return r, c, c is a

def bytearray_append_int(bytearray b, int i):
    # Cython calls b.append through the C API: CPython's range check
    b.append(i)
    return b

def append_untyped(b, o):
    b.append(o)
    return b
