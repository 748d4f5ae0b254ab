"""Generators compiled by Cython driven from MicroPython: send, throw, close,
yield from delegation, return values, finally blocks."""

log = []


def echo():
    """Yields what it is sent, counting; a thrown ValueError is answered."""
    cdef int n = 0
    received = None
    try:
        while True:
            try:
                received = yield (n, received)
                n += 1
            except ValueError as e:
                received = 'handled %s' % e
    finally:
        log.append('echo closed after %d' % n)


def with_return(int k):
    cdef int i
    for i in range(k):
        yield i
    return 'done %d' % k


def delegate(int k):
    """yield from passes values, send and throw through, and gets the return value."""
    r = yield from with_return(k)
    log.append('delegate got ' + r)
    r2 = yield from echo()
    return r2


def swallow_exit():
    try:
        yield 1
    except GeneratorExit:
        log.append('saw GeneratorExit')
        raise


def refuse_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 'not closing'


def fail_in_finally():
    try:
        yield 1
    finally:
        raise ValueError('from finally')


def gen_in_method_obj():
    return Box([3, 1, 2])


cdef class Box:
    cdef list items
    def __cinit__(self, items):
        self.items = items
    def sorted_items(self):
        for x in sorted(self.items):
            yield x
    def pairs(self):
        return ((i, x) for i, x in enumerate(self.items))


def run_inside(g):
    """Cython driving a generator it did not create."""
    out = [next(g)]
    out.append(g.send('from cython'))
    g.close()
    return out
