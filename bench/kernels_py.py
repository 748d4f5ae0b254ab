# The typed kernels as plain Python (run as bytecode and, with each
# "@DECO" line replaced by @micropython.native, by the native emitter).
# Same algorithms as kernels.pyx.
import micropython
from math import sqrt

M = 1000000007


@DECO
def fib_iter(n):
    a = 0
    b = 1
    for i in range(n):
        c = a + b
        if c >= 1000000007:
            c -= 1000000007
        a = b
        b = c
    return a


@DECO
def cfib(n):
    if n < 2:
        return n
    return cfib(n - 1) + cfib(n - 2)


@DECO
def fib_rec(n):
    return cfib(n)


@DECO
def nbody(steps):
    x = [0.0] * 5
    y = [0.0] * 5
    z = [0.0] * 5
    vx = [0.0] * 5
    vy = [0.0] * 5
    vz = [0.0] * 5
    m = [0.0] * 5
    dt = 0.01
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


@DECO
def checksum(data):
    a = 1
    b = 0
    for c in data:
        a += c
        if a >= 65521:
            a -= 65521
        b += a
        if b >= 65521:
            b -= 65521
    return (b << 16) | a


@DECO
def strbuild(n):
    return ",".join([f"{i}:{i * 7}" for i in range(n)])


@DECO
def wordcount(text):
    d = {}
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    return d


@DECO
def f_int(x):
    return x + 1


@DECO
def f_kw(x, y=0):
    return x + y


class K:
    @DECO
    def m(self, x):
        return x + 1


# The same coroutine as kernels.pyx's (always bytecode: no @DECO).
async def sleep_loop(n):
    import asyncio

    for i in range(n):
        await asyncio.sleep(0)
    return n
