"""Python classes in a .pyx deriving from built-in types and cdef classes,
exception classes crossing between Cython and MicroPython, raise ... from."""


class Registry(dict):
    """A dict subclass with its own methods and a __missing__-free default."""
    def add(self, k, v):
        self[k] = v
        return self

    def total(self):
        return sum(self.values())


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1] if self else None


class Tagged(Exception):
    """An exception class with its own state and __str__."""
    def __init__(self, tag, detail):
        super().__init__(tag, detail)
        self.tag = tag
        self.detail = detail

    def __str__(self):
        return '%s: %s' % (self.tag, self.detail)


class SubTagged(Tagged):
    pass


cdef class Counter:
    cdef public long n

    def __init__(self, long n=0):
        self.n = n

    cpdef long bump(self, long by=1):
        self.n += by
        return self.n


class Named(Counter):
    """A Python class in the .pyx deriving from the cdef class above."""
    label = 'named'

    def __init__(self, name, long n=0):
        super().__init__(n)
        self.name = name

    def bump(self, long by=1):
        return Counter.bump(self, by * 10)

    def __repr__(self):
        return 'Named(%r, %d)' % (self.name, self.n)


def bump_twice(Counter c):
    """Cython calls the cpdef method: a Python override wins."""
    c.bump()
    return c.bump(2)


def use_registry():
    r = Registry(a=1).add('b', 2).add('c', 3)
    return (sorted(r.items()), r.total(), isinstance(r, dict), len(r))


def use_stack():
    s = Stack([1]).push(2).push(3)
    return (list(s), s.peek(), Stack().peek(), isinstance(s, list), len(s), s[1:])


def raise_tagged(tag):
    raise SubTagged(tag, 'from cython')


def catch_from_python(f):
    """Exceptions raised by MicroPython code caught by type in Cython."""
    try:
        f()
    except Tagged as e:
        return ('Tagged', e.tag, str(e))
    except KeyError as e:
        return ('KeyError', e.args)
    except Exception as e:
        return ('Exception', type(e).__name__, e.args)
    return 'nothing'


def raise_from(x):
    try:
        return int(x)
    except ValueError as e:
        raise Tagged('bad', x) from e


def raise_from_none():
    try:
        {}['k']
    except KeyError:
        raise Tagged('none', 'suppressed') from None


def reraise_in_finally(log):
    try:
        raise Tagged('fin', 'x')
    finally:
        log.append('finally ran')


def nested_handlers():
    out = []
    try:
        try:
            raise SubTagged('inner', 1)
        except Tagged as e:
            out.append(('caught', type(e).__name__))
            raise KeyError('outer')
    except KeyError as e:
        out.append(('outer', e.args))
    return out
