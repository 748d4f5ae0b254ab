"""*args and **kwargs."""

def star(*args):
    return type(args).__name__, len(args), args

def kw(**kwargs):
    return type(kwargs).__name__, sorted(kwargs.items())

def both(a, b=2, *args, c, **kwargs):
    return a, b, args, c, sorted(kwargs)

def forward(f, *args, **kwargs):
    # calls back with the same arguments
    return f(*args, **kwargs)

def modify(**kwargs):
    kwargs['added'] = 1
    return len(kwargs)

def sum_all(*args):
    cdef long total = 0
    for v in args:
        total += v
    return total

def kw_get(**kwargs):
    return kwargs.get('x', 'default'), 'y' in kwargs


def call_with_dict(f, d):
    """f(**d) from Cython code, d's keys may be instances of a str subclass."""
    return f(**d)


def only_star(*a):
    return a


def star_kwonly(*a, k):
    return a


def passes_tuple(f, **kw):
    """f(*t, **kw) from Cython code hands a `def f(*a)` the tuple t itself (no copy)."""
    t = (1, 2, 3)
    r = f(*t, **kw)
    return r is t, r
