"""cdef class protocols: sequences with slices, iteration, attribute hooks,
context managers, call, string conversions, the buffer protocol."""

from cpython.buffer cimport PyBuffer_FillInfo
from libc.stdlib cimport malloc, free

cdef class Seq:
    """A list-backed sequence that reports how it was indexed."""
    cdef public list items

    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            self.items[i] = list(v)
        else:
            self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __reversed__(self):
        return iter(self.items[::-1])

    def __repr__(self):
        return "Seq(%r)" % (self.items,)


def slice_parts(Seq s, key):
    """The slice object a __getitem__ receives, as (start, stop, step)."""
    return (key.start, key.stop, key.step)


cdef class Probe:
    """__getitem__ returning the key itself, to see what reaches it."""
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ('slice', k.start, k.stop, k.step)
        return ('key', k)


cdef class Countdown:
    """An iterator: __iter__ returns self, __next__ raises StopIteration."""
    cdef long n

    def __cinit__(self, long n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


cdef class GenIter:
    """__iter__ written as a generator."""
    cdef long n
    def __cinit__(self, long n):
        self.n = n
    def __iter__(self):
        cdef long i
        for i in range(self.n):
            yield i * i


cdef class BadIter:
    def __iter__(self):
        return 42


cdef class Strs:
    cdef str name
    def __cinit__(self, name):
        self.name = name
    def __repr__(self):
        return "<Strs %s>" % self.name
    def __str__(self):
        return "Strs named " + self.name
    def __format__(self, spec):
        return "[%s:%s]" % (self.name, spec)


def fmt(o, spec):
    """format() in Cython code: PyObject_Format."""
    return format(o, spec)


def fstring(o):
    return f"<{o}|{o:>4}|{o!r}>"


cdef class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


cdef class Dyn:
    """__getattr__ runs only for missing attributes; __setattr__/__delattr__ for all."""
    cdef public long real
    cdef dict extra
    cdef public list log

    def __cinit__(self):
        self.real = 1
        self.extra = {}
        self.log = []

    def __getattr__(self, name):
        if name in self.extra:
            return self.extra[name]
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        self.log.append('set ' + name)
        if name == 'real':
            self.real = value
        else:
            self.extra[name] = value

    def __delattr__(self, name):
        self.log.append('del ' + name)
        if name in self.extra:
            del self.extra[name]
        else:
            raise AttributeError(name)


cdef class Every:
    """__getattribute__ sees every lookup."""
    cdef public long hits
    def __getattribute__(self, name):
        if name == 'hits':
            return object.__getattribute__(self, name)
        return 'got ' + name


cdef class Ctx:
    cdef public list log
    cdef bint swallow

    def __cinit__(self, bint swallow=False):
        self.log = []
        self.swallow = swallow

    def __enter__(self):
        self.log.append('enter')
        return self

    def __exit__(self, typ, val, tb):
        if typ is None:
            self.log.append('exit clean')
        else:
            self.log.append('exit %s %s tb=%s' % (typ.__name__, val, tb is not None))
        return self.swallow


def use_ctx(Ctx c, bint fail):
    """A with statement in Cython code over a cdef context manager."""
    with c as inner:
        inner.log.append('body')
        if fail:
            raise ValueError('inside')
    return c.log


cdef class TbRepr:
    cdef public object seen

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        self.seen = repr(tb).split(' at ')[0]
        return True


def with_tb_repr():
    """The traceback a with statement in Cython code hands __exit__: CPython's repr."""
    c = TbRepr()
    with c:
        raise ValueError('x')
    return c.seen


cdef class Caller:
    cdef long calls
    def __call__(self, *args, **kw):
        self.calls += 1
        return (self.calls, args, sorted(kw.items()))


cdef class Buf:
    """The buffer protocol: bytes(obj), memoryview(obj), bytearray(obj)."""
    cdef char *data
    cdef Py_ssize_t n
    cdef public int exports

    def __cinit__(self, Py_ssize_t n):
        cdef Py_ssize_t i
        self.data = <char *>malloc(n)
        self.n = n
        for i in range(n):
            self.data[i] = <char>(65 + i % 26)

    def __dealloc__(self):
        free(self.data)

    def __getbuffer__(self, Py_buffer *view, int flags):
        PyBuffer_FillInfo(view, self, self.data, self.n, 0, flags)
        self.exports += 1

    def __releasebuffer__(self, Py_buffer *view):
        self.exports -= 1

    def poke(self, Py_ssize_t i, char c):
        self.data[i] = c


def sum_view(const unsigned char[:] v):
    """A typed memory view over any buffer."""
    cdef Py_ssize_t i
    cdef long t = 0
    for i in range(v.shape[0]):
        t += v[i]
    return t


def fill(unsigned char[:] v, unsigned char x):
    """A writable typed memory view: bytearray yes, bytes no."""
    v[:] = x
    return v.shape[0]


def sum_ints(int[:] v):
    """Item type and size come from the exporter (array('i'))."""
    cdef Py_ssize_t i
    cdef long t = 0
    for i in range(v.shape[0]):
        t += v[i]
    return (t, v.itemsize, v.ndim)


def cy_next(it):
    """next() in Cython on any iterator: the StopIteration value is kept."""
    return next(it)


def cy_next_default(it):
    return next(it, 'dflt')
