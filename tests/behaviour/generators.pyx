"""Generators and generator expressions (not inlined)."""

def count_up(int n):
    cdef int i
    for i in range(n):
        yield i

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def gen_expr(list l):
    g = (x * 2 for x in l)
    return g

def delegate(n):
    yield "start"
    yield from count_up(n)
    yield "end"

def with_return():
    yield 1
    return "done"

def consume(gen):
    out = []
    for x in gen:
        out.append(x)
    return out

def take(it, int n):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out

def sender():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
