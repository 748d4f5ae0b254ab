"""cdef class life cycle and collection: __cinit__/__init__/__dealloc__,
objects kept alive only through other objects, cycles, and typed-attribute
and self-type errors."""

events = []
freed = [0]


cdef class Tracked:
    """__dealloc__ counts; CPython runs it at once, MicroPython at collection."""
    cdef public object payload
    cdef public Tracked peer
    cdef readonly long ident

    def __cinit__(self, long ident=0, *args, **kw):
        self.ident = ident

    def __init__(self, long ident=0, payload=None):
        self.payload = payload

    def __dealloc__(self):
        freed[0] += 1


cdef class NoArgs:
    """__cinit__ without arguments still accepts __init__'s."""
    cdef public list seen

    def __cinit__(self):
        self.seen = ['cinit']

    def __init__(self, a, b=2):
        self.seen.append(('init', a, b))


cdef class Order:
    def __cinit__(self, *args, **kw):
        events.append(('cinit', args, sorted(kw.items())))

    def __init__(self, *args, **kw):
        events.append(('init', args, sorted(kw.items())))


cdef class OrderChild(Order):
    def __cinit__(self, *args, **kw):
        events.append(('child cinit', args))

    def __init__(self, *args, **kw):
        events.append(('child init', args))
        super().__init__(*args, **kw)


cdef class Holder:
    cdef public Tracked typed
    cdef public object anything
    cdef public list items
    cdef public dict table
    cdef public str text
    cdef public bytes raw
    cdef public tuple pair
    cdef public int small
    cdef public unsigned char byte
    cdef public double real
    cdef public bint flag
    cdef readonly int fixed

    def __cinit__(self):
        self.fixed = 7


cdef class Strict:
    cdef int n

    def __cinit__(self, int n):
        self.n = n

    def get(self):
        return self.n

    def both(self, Strict other not None):
        return self.n + other.n

    def maybe(self, Strict other):
        return -1 if other is None else other.n

    cpdef int twice(self):
        return self.n * 2

    @staticmethod
    def make(int n):
        return Strict(n)

    @classmethod
    def named(cls, int n):
        return (cls.__name__, cls(n).get())

    LIMIT = 10
    NAMES = ('a', 'b')

    @property
    def value(self):
        return self.n

    @value.setter
    def value(self, int v):
        if v < 0:
            raise ValueError('negative: %d' % v)
        self.n = v

    @value.deleter
    def value(self):
        self.n = 0


def make_chain(int n):
    """n objects, each reachable only through the previous one's peer."""
    cdef Tracked head = Tracked(0)
    cdef Tracked cur = head
    cdef int i
    for i in range(1, n):
        cur.peer = Tracked(i)
        cur = cur.peer
    return head


def chain_ids(Tracked t):
    out = []
    while t is not None:
        out.append(t.ident)
        t = t.peer
    return out


def make_garbage(int n, bint cycles):
    """n objects (pairs in reference cycles when asked), all dropped."""
    cdef int i
    cdef Tracked a, b
    for i in range(n):
        a = Tracked(i)
        if cycles:
            b = Tracked(i, a)
            a.peer = b
    return None


def nested_payloads(int depth):
    """Python containers and cdef objects nested inside each other."""
    cdef Tracked t = Tracked(depth, [])
    cdef int i
    for i in range(depth):
        t = Tracked(i, [t, {'k': (t, i)}])
    return t


cdef class NewBase:
    """Cls.__new__(S) with CPython's checks (typeobject.c's tp_new_wrapper)."""
    cdef public str made
    def __cinit__(self, *args):
        self.made = "NewBase" + repr(args)


cdef class NewSub(NewBase):
    cdef int extra
    def __cinit__(self, *args):
        self.made += "+NewSub"


cdef class NewSubNoCinit(NewBase):
    pass


def new_of(t1, t2, *args):
    """t1.__new__(t2, ...) from Cython code."""
    o = t1.__new__(t2, *args)
    return type(o).__name__, o.made
