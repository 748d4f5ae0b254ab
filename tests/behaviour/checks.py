# The calls the behaviour driver scripts (X_test.py) make and print.
#
# Each check calls _f(*a, **k) and prints one line, `  -> RESULT` or
# `  raised WHAT`; the runner compares these lines with CPython's, nothing is
# asserted here. The module runs unchanged on CPython and MicroPython: on
# unix it is found next to the scripts (sys.path[0]), on the qemu board
# tests/qemu/run.py sends it ahead of each script.


def _call(show, what, _f, a, k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print("  raised", what(e))
    else:
        print("  ->", show(r))


def _message(e):
    return type(e).__name__ + ": " + str(e)


def _type(e):
    return type(e).__name__


def _args(e):
    return "%s %s" % (type(e).__name__, e.args)


def check(_f, *a, **k):
    """The exception's type and message: use it where the message comes from
    Cython's generated code or from the test itself."""
    _call(repr, _message, _f, a, k)


def check_type(_f, *a, **k):
    """Only the exception's type: the message comes from the interpreter (its
    wording differs, DIFFERENCES.md), or CPython's SystemError names its C
    source line."""
    _call(repr, _type, _f, a, k)


def check_args(_f, *a, **k):
    """The exception's type and args: str(KeyError) differs (DIFFERENCES.md)."""
    _call(repr, _args, _f, a, k)


def check_with(_show, _f, *a, **k):
    """As check, the result printed as _show(result) (floats with fixed digits,
    non-ASCII text as characters)."""
    _call(_show, _message, _f, a, k)


def edges(*bits):
    """Integers at the edges of the given widths: 2**b - 1, 2**b, -(2**b) and
    -(2**b) - 1 for each b, after 0, 1 and -1."""
    out = [0, 1, -1]
    for b in bits:
        out += [2**b - 1, 2**b, -(2**b), -(2**b) - 1]
    return out


def check_parsers(m, texts, unicode_texts, not_numbers):
    """The text parsers of int_parse / float_parse (module M): from_str and
    from_object on every text, from_bytes (and from_bytearray where M has it)
    on the ASCII TEXTS; NOT_NUMBERS only through from_str and only the
    exception's type (its repr of non-ASCII text is MicroPython's:
    DIFFERENCES.md)."""
    print("from str")
    for t in texts + unicode_texts:
        check(m.from_str, t)
    for t in not_numbers:
        check_type(m.from_str, t)
    print("from object")
    for t in texts + unicode_texts:
        check(m.from_object, t)
    print("from bytes")
    for t in texts:
        check(m.from_bytes, t.encode())
        if hasattr(m, "from_bytearray"):
            check(m.from_bytearray, bytearray(t.encode()))


class Countdown:
    """An iterator written in Python, for the scripts to hand to Cython code:
    n - 1 down to 0."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def escaped(r):
    """A str as ASCII escapes (repr() of non-ASCII text differs,
    DIFFERENCES.md), inside tuples too; anything else as repr()."""
    if isinstance(r, tuple):
        return "(" + ", ".join([escaped(x) for x in r]) + ")"
    if isinstance(r, str):
        return "'%s'" % "".join([c if 32 <= ord(c) < 127 else "\\u%04x" % ord(c) for c in r])
    return repr(r)
