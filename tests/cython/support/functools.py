# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: the parts of CPython's functools that the suite uses (reduce,
# partial, update_wrapper/wraps, total_ordering, cmp_to_key, lru_cache/cache),
# in pure Python with CPython's semantics, because MicroPython has no functools.

from collections import OrderedDict, namedtuple  # (MicroPython's dict keeps no order)

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """partial(func, *args, **keywords): func with the arguments bound first."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):  # flattened, as CPython does
            args = func.args + args
            keywords = dict(func.keywords, **keywords)
            func = func.func
        self.func, self.args, self.keywords = func, args, keywords

    def __call__(self, *args, **keywords):
        keywords = dict(self.keywords, **keywords)
        if not keywords:  # a MicroPython builtin refuses even an empty **{}
            return self.func(*self.args, *args)
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)] + [repr(x) for x in self.args]
        args += ["%s=%r" % kv for kv in self.keywords.items()]
        return "functools.partial(%s)" % ", ".join(args)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    # CPython: copy what WRAPPED has, then set __wrapped__.  A plain MicroPython
    # function takes no attributes, so that raises (it cannot be done).
    try:
        for attr in assigned:
            try:
                value = getattr(wrapped, attr)
            except AttributeError:
                pass
            else:
                setattr(wrapper, attr, value)
        for attr in updated:
            # (item by item: dict.update refuses a MicroPython function's __dict__)
            target = getattr(wrapper, attr)
            for k, v in list(getattr(wrapped, attr, {}).items()):
                target[k] = v
        wrapper.__wrapped__ = wrapped
    except AttributeError as e:
        raise AttributeError(
            "functools.update_wrapper: %r takes no attributes on MicroPython (%s)" % (wrapper, e)
        ) from None
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# total_ordering: CPython's derivations, each honouring NotImplemented.
# how(r, self, other) gives the derived answer from the root's answer r.
def _derived(root, how):
    def op(self, other):
        r = getattr(type(self), root)(self, other)
        return r if r is NotImplemented else how(r, self, other)

    return op


def _not_and_ne(r, a, b):
    return not r and a != b


def _or_eq(r, a, b):
    return r or a == b


def _not_or_eq(r, a, b):
    return not r or a == b


def _and_ne(r, a, b):
    return r and a != b


def _not(r, a, b):
    return not r


_convert = {
    "__lt__": [("__gt__", _not_and_ne), ("__le__", _or_eq), ("__ge__", _not)],
    "__le__": [("__ge__", _not_or_eq), ("__lt__", _and_ne), ("__gt__", _not)],
    "__gt__": [("__lt__", _not_and_ne), ("__ge__", _or_eq), ("__le__", _not)],
    "__ge__": [("__le__", _not_or_eq), ("__gt__", _and_ne), ("__lt__", _not)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    # Defined by the class (or a base), not inherited from object.
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)  # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, how in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, _derived(root, how))
    return cls


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""

    class K(object):
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _lru_cache_wrapper:
    """The cached function: a least-recently-used cache of MAXSIZE results
    (None: unbounded), keyed by the arguments (and their types if TYPED)."""

    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        for attr in WRAPPER_ASSIGNMENTS:
            try:
                setattr(self, attr, getattr(func, attr))
            except AttributeError:
                pass
        self._maxsize, self._typed = maxsize, typed
        self._cache = OrderedDict()  # key -> result, least recently used first
        self._hits = self._misses = 0

    def _key(self, args, kwds):
        key = args
        if kwds:
            key += (_kwd_mark,) + tuple(kwds.items())
        if self._typed:
            key += tuple(type(v) for v in args)
            if kwds:
                key += tuple(type(v) for v in kwds.values())
        return key

    def __call__(self, *args, **kwds):
        if self._maxsize == 0:
            self._misses += 1
            return self.__wrapped__(*args, **kwds)
        key = self._key(args, kwds)
        cache = self._cache
        if key in cache:
            self._hits += 1
            result = cache.pop(key)
            cache[key] = result  # now the most recently used
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        cache.pop(key, None)  # the call may have filled it (recursion)
        cache[key] = result
        if self._maxsize is not None and len(cache) > self._maxsize:
            del cache[next(iter(cache))]  # the least recently used
        return result

    def __get__(self, obj, objtype=None):
        # Like a function: bound when looked up on an instance.
        return self if obj is None else partial(self, obj)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}


_kwd_mark = object()


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # @lru_cache without arguments
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")
    return lambda func: _lru_cache_wrapper(func, maxsize, typed)


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)
