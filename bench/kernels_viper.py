# The kernels viper can express (machine-word integers, byte pointers).
import micropython


@micropython.viper
def fib_iter(n: int) -> int:
    a = 0
    b = 1
    i = 0
    while i < n:
        c = a + b
        if c >= 1000000007:
            c -= 1000000007
        a = b
        b = c
        i += 1
    return a


@micropython.viper
def cfib(n: int) -> int:
    if n < 2:
        return n
    return int(cfib(n - 1)) + int(cfib(n - 2))


@micropython.viper
def fib_rec(n: int) -> int:
    return int(cfib(n))


@micropython.viper
def checksum(data) -> int:
    p = ptr8(data)
    n = int(len(data))
    a = 1
    b = 0
    i = 0
    while i < n:
        a += p[i]
        if a >= 65521:
            a -= 65521
        b += a
        if b >= 65521:
            b -= 65521
        i += 1
    return (b << 16) | a


@micropython.viper
def f_int(x: int) -> int:
    return x + 1
