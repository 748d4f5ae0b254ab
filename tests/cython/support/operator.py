# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: CPython's operator module in pure Python, because MicroPython
# has none.  Every function is the plain operation it names, so results and
# exceptions are whatever the operands give (the same as in CPython's operator.py).


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


def ge(a, b):
    return a >= b


def gt(a, b):
    return a > b


def not_(a):
    return not a


def truth(a):
    return True if a else False


def is_(a, b):
    return a is b


def is_not(a, b):
    return a is not b


_builtin_abs = abs


def abs(a):
    return _builtin_abs(a)


def add(a, b):
    return a + b


def and_(a, b):
    return a & b


def floordiv(a, b):
    return a // b


def index(a):
    # int and bool are their own index (MicroPython's int has no __index__ and
    # its bool is no int subclass).
    if isinstance(a, (int, bool)):
        return int(a)
    try:
        method = type(a).__index__
    except AttributeError:
        raise TypeError(
            "'%s' object cannot be interpreted as an integer" % type(a).__name__
        ) from None
    return method(a)


def inv(a):
    return ~a


invert = inv


def lshift(a, b):
    return a << b


def mod(a, b):
    return a % b


def mul(a, b):
    return a * b


def matmul(a, b):
    return a @ b


def neg(a):
    return -a


def or_(a, b):
    return a | b


def pos(a):
    return +a


def pow(a, b):
    return a**b


def rshift(a, b):
    return a >> b


def sub(a, b):
    return a - b


def truediv(a, b):
    return a / b


def xor(a, b):
    return a ^ b


def _check_sequence(a):
    # CPython checks for __getitem__; MicroPython's builtins do not show it.
    if isinstance(a, dict) or not (
        isinstance(a, (list, tuple, str, bytes, bytearray)) or hasattr(a, "__getitem__")
    ):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)


def concat(a, b):
    _check_sequence(a)
    return a + b


def contains(a, b):
    return b in a


def countOf(a, b):
    return sum(1 for x in a if x is b or x == b)


def delitem(a, b):
    del a[b]


def getitem(a, b):
    return a[b]


def indexOf(a, b):
    for i, x in enumerate(a):
        if x is b or x == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


def setitem(a, b, c):
    a[b] = c


def length_hint(obj, default=0):
    if not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(default).__name__)
    try:
        return len(obj)
    except TypeError:
        pass
    try:
        hint = type(obj).__length_hint__
    except AttributeError:
        return default
    val = hint(obj)
    if val is NotImplemented:
        return default
    if not isinstance(val, int):
        raise TypeError("__length_hint__ must be integer, not %s" % type(val).__name__)
    if val < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return val


def call(obj, *args, **kwargs):
    return obj(*args, **kwargs)


class attrgetter:
    """attrgetter('a', 'b.c')(obj) -> (obj.a, obj.b.c); one name: the value."""

    def __init__(self, attr, *attrs):
        names = (attr,) + attrs
        for n in names:
            if not isinstance(n, str):
                raise TypeError("attribute name must be a string")
        self._names = names
        self._parts = [tuple(n.split(".")) for n in names]

    def _get(self, obj, parts):
        for p in parts:
            obj = getattr(obj, p)
        return obj

    def __call__(self, obj):
        if len(self._parts) == 1:
            return self._get(obj, self._parts[0])
        return tuple(self._get(obj, p) for p in self._parts)

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join(map(repr, self._names))


class itemgetter:
    """itemgetter(1, 3)(seq) -> (seq[1], seq[3]); one item: the value."""

    def __init__(self, item, *items):
        self._items = (item,) + items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join(map(repr, self._items))


class methodcaller:
    """methodcaller('name', *args, **kw)(obj) -> obj.name(*args, **kw)"""

    def __init__(self, name, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name, self._args, self._kwargs = name, args, kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        args = [repr(self._name)] + [repr(a) for a in self._args]
        args += ["%s=%r" % kv for kv in self._kwargs.items()]
        return "operator.methodcaller(%s)" % ", ".join(args)


# In-place operators: the augmented assignment, which falls back to the
# plain operator when the left operand has no in-place method.
def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    _check_sequence(a)
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def imatmul(a, b):
    a @= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


# The dunder aliases CPython's operator module has (operator.__lt__ is lt, ...).
for _name in (
    "lt le eq ne ge gt not_ abs add and_ floordiv index inv invert lshift mod mul matmul "
    "neg or_ pos pow rshift sub truediv xor concat contains delitem getitem setitem call "
    "iadd iand iconcat ifloordiv ilshift imod imul imatmul ior ipow irshift isub "
    "itruediv ixor"
).split():
    globals()["__%s__" % _name.rstrip("_")] = globals()[_name]
del _name
