"""C arrays."""

from libc.string cimport memset, memcpy

def fill_and_sum(int n):
    cdef int arr[10]
    cdef int i
    cdef long total = 0
    if n > 10:
        raise ValueError("at most 10")
    for i in range(n):
        arr[i] = i * 3
    for i in range(n):
        total += arr[i]
    return total

def to_list():
    cdef int arr[5]
    cdef int i
    for i in range(5):
        arr[i] = 10 - i
    return arr          # C array -> Python list

def from_list(values):
    cdef double d[4]
    cdef int i
    if len(values) != 4:
        raise ValueError("need 4 values")
    for i in range(4):
        d[i] = values[i]
    return [d[i] * 2 for i in range(4)]

def initialised():
    cdef int[4] a = [1, 2, 3, 4]
    cdef int i
    return sum([a[i] for i in range(4)])

def matrix(int n):
    cdef int m[3][3]
    cdef int i, j
    for i in range(3):
        for j in range(3):
            m[i][j] = i * 3 + j + n
    return [[m[i][j] for j in range(3)] for i in range(3)]

def transpose_trace():
    cdef int m[3][3]
    cdef int i, j, t = 0
    for i in range(3):
        for j in range(3):
            m[i][j] = i * j + i
    for i in range(3):
        t += m[i][i]
    return t

def zeroed():
    cdef int arr[8]
    memset(arr, 0, sizeof(arr))
    arr[3] = 7
    return [arr[i] for i in range(8)]

def copy_array():
    cdef int src[4]
    cdef int dst[4]
    cdef int i
    for i in range(4):
        src[i] = i + 100
    memcpy(dst, src, sizeof(src))
    return [dst[i] for i in range(4)]

def char_buffer(bytes text):
    cdef char buf[16]
    cdef int i
    cdef int n = len(text)
    if n > 15:
        n = 15
    for i in range(n):
        buf[i] = text[i] - 32 if 97 <= text[i] <= 122 else text[i]
    buf[n] = 0
    return buf[:n]          # char array slice -> bytes

def histogram(data):
    cdef int counts[5]
    cdef int i
    for i in range(5):
        counts[i] = 0
    for v in data:
        counts[<int>v % 5] += 1
    return counts
