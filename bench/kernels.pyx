# Typed kernels and call-overhead functions, Cython with C types.
# The same algorithms: kernels_py.py (bytecode, native), kernels_viper.py,
# benchc/benchc.c (hand-written MicroPython C module).

from libc.math cimport sqrt

cdef enum:
    M = 1000000007


def fib_iter(long n):
    cdef long a = 0, b = 1, c, i
    for i in range(n):
        c = a + b
        if c >= M:
            c -= M
        a = b
        b = c
    return a


cdef int cfib(int n) noexcept:
    if n < 2:
        return n
    return cfib(n - 1) + cfib(n - 2)


def fib_rec(int n):
    return cfib(n)


def nbody(int steps):
    cdef double x[5], y[5], z[5], vx[5], vy[5], vz[5], m[5]
    cdef double dx, dy, dz, d2, mag, dt = 0.01, e
    cdef int i, j, s
    for i in range(5):
        x[i] = i * 1.5
        y[i] = i * 0.5 - 1.0
        z[i] = 0.25 * i * i
        vx[i] = 0.1 * i
        vy[i] = -0.05 * i
        vz[i] = 0.02
        m[i] = 1.0 + i
    for s in range(steps):
        for i in range(5):
            for j in range(i + 1, 5):
                dx = x[i] - x[j]
                dy = y[i] - y[j]
                dz = z[i] - z[j]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * sqrt(d2))
                vx[i] -= dx * m[j] * mag
                vy[i] -= dy * m[j] * mag
                vz[i] -= dz * m[j] * mag
                vx[j] += dx * m[i] * mag
                vy[j] += dy * m[i] * mag
                vz[j] += dz * m[i] * mag
        for i in range(5):
            x[i] += dt * vx[i]
            y[i] += dt * vy[i]
            z[i] += dt * vz[i]
    e = 0.0
    for i in range(5):
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i])
    return e


def checksum(bytearray data):
    cdef unsigned char *p = data
    cdef Py_ssize_t i, n = len(data)
    cdef unsigned long a = 1, b = 0
    for i in range(n):
        a += p[i]
        if a >= 65521:
            a -= 65521
        b += a
        if b >= 65521:
            b -= 65521
    return (b << 16) | a


def strbuild(int n):
    cdef int i
    return ",".join([f"{i}:{i * 7}" for i in range(n)])


def wordcount(str text):
    cdef dict d = {}
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    return d


# Call overhead: MicroPython code calls these in a loop.
def f_int(int x):
    return x + 1


def f_kw(int x, int y=0):
    return x + y


cdef class K:
    def m(self, int x):
        return x + 1


# A coroutine on MicroPython's event loop: n round trips through asyncio.sleep(0)
# (bench_main.py runs it with asyncio.run beside the same async def as bytecode).
async def sleep_loop(int n):
    import asyncio

    cdef int i
    for i in range(n):
        await asyncio.sleep(0)
    return n
