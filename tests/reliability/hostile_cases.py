# The hostile-input table (issue 7).  Each case is an expression; the line
# printed for it is "<case> => <result>" where the result is the repr of the
# value or "ExceptionType: message".  tests/reliability/run.py runs this on
# CPython (the reference) and MicroPython and compares case by case.
import gc
import sys
import hostile as m

try:  # CPython: a MemoryError needs a bounded address space (the MicroPython heap is small)
    import resource

    _soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, _hard))
except ImportError:
    pass


class Index:
    def __index__(self):
        return 7


class IntOnly:
    def __int__(self):
        return 7


class FloatOnly:
    def __float__(self):
        return 2.5


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyList(list):
    pass


# ---- the table
CASES = []

# The C integer types of the module's m.as_NAME, with their widths in bits
# (on x86-64, where char is signed; the u... types and size are unsigned).
INT_WIDTHS = (
    "char:8 schar:8 uchar:8 short:16 ushort:16 int:32 uint:32 long:64 ulong:64 "
    "longlong:64 ulonglong:64 ssize:64 size:64"
)
INT_TYPES = []
for name, bits in (w.split(":") for w in INT_WIDTHS.split()):
    signed = not name.startswith("u") and name != "size"
    lo = -(2 ** (int(bits) - 1)) if signed else 0
    INT_TYPES.append((name, lo, 2 ** (int(bits) - signed) - 1))
for name, lo, hi in INT_TYPES:
    f = "m.as_%s" % name
    for v in (lo, hi, lo - 1, hi + 1):
        CASES.append("%s(%d)" % (f, v))
    for v in (
        "0",
        "-1",
        "2 ** 64",
        "2 ** 100",
        "-2 ** 100",
        "2 ** 1000",
        "1.5",
        "2.0",
        "-0.5",
        "'1'",
        "b'1'",
        "None",
        "True",
        "[]",
        "Index()",
        "IntOnly()",
        "MyInt(5)",
        "float('nan')",
    ):
        CASES.append("%s(%s)" % (f, v))

for name in ("double", "float"):
    f = "m.as_%s" % name
    for v in (
        "0",
        "1",
        "-1",
        "1.5",
        "-0.0",
        "1e308",
        "3.5e38",
        "1e39",
        "float('inf')",
        "float('-inf')",
        "2 ** 1023",
        "2 ** 1024",
        "10 ** 400",
        "-10 ** 400",
        "'1.0'",
        "b'1'",
        "None",
        "True",
        "[]",
        "FloatOnly()",
        "Index()",
        "MyInt(3)",
        "1j",
    ):
        CASES.append("%s(%s)" % (f, v))

for v in ("0", "1", "None", "''", "'x'", "[]", "[0]", "0.0", "Index()", "object()"):
    CASES.append("m.as_bint(%s)" % v)

for f in ("m.as_charp", "m.as_constcharp"):
    for v in (
        "b'abc'",
        "b''",
        "b'a\\x00b'",
        "'abc'",
        "bytearray(b'ab')",
        "None",
        "1",
        "[]",
        "memoryview(b'ab')",
    ):
        CASES.append("%s(%s)" % (f, v))

for f in ("m.as_str", "m.as_str_not_none", "m.as_str_or_none"):
    for v in ("'abc'", "''", "'\\u20ac'", "b'abc'", "None", "1", "MyStr('s')", "[]"):
        CASES.append("%s(%s)" % (f, v))
CASES.append("m.as_str_or_none()")
for v in ("b'abc'", "b''", "'abc'", "bytearray(b'ab')", "None", "1", "[b'a']"):
    CASES.append("m.as_bytes(%s)" % v)
for f, good in (("m.as_list", "[1, 2]"), ("m.as_tuple", "(1, 2)"), ("m.as_dict", "{1: 2}")):
    for v in (good, "None", "1", "'ab'", "MyList([1])", "(1,)", "{}", "set()"):
        CASES.append("%s(%s)" % (f, v))
for f in ("m.as_box", "m.as_box_not_none"):
    for v in (
        "m.Box(3)",
        "m.SubBox(4)",
        "None",
        "1",
        "'Box'",
        "object()",
        "m.Box",
        "m.RaisesInCinit",
    ):
        CASES.append("%s(%s)" % (f, v))

# argument parsing
CASES += [
    "m.positional()",
    "m.positional(1)",
    "m.positional(1, 2)",
    "m.positional(1, 2, 3, 4)",
    "m.positional(1, 2, a=1)",
    "m.positional(1, b=2, d=4)",
    "m.positional(b=2, c=3)",
    "m.positional(1, 2, c=3, c2=4)",
    "m.positional(*[1, 2, 3, 4, 5])",
    "m.positional(**{'a': 1, 'b': 2})",
    "m.positional(1, **{'a': 1, 'b': 2})",
    "m.positional(1, **{'b': 2, 'x': 0})",
    "m.typed_pos()",
    "m.typed_pos(1)",
    "m.typed_pos(1, 2)",
    "m.typed_pos(b=1.5, a=2)",
    "m.typed_pos('1', 2.0)",
    "m.typed_pos(1, '2.0')",
    "m.typed_pos(2 ** 40, 1.0)",
    "m.typed_pos(1, 2.0, 3)",
    "m.typed_pos(1, b=2.0, a=3)",
    "m.kwonly(1)",
    "m.kwonly(1, 2)",
    "m.kwonly(1, b=2)",
    "m.kwonly(1, b=2, c=4)",
    "m.kwonly(1, b=2, d=4)",
    "m.kwonly(a=1, b=2)",
    "m.kwonly(b=2)",
    "m.kwonly(1, 2, b=3)",
    "m.star()",
    "m.star(1)",
    "m.star(1, 2, 3)",
    "m.star(1, x=2, y=3)",
    "m.star(a=1, x=2)",
    "m.star(1, a=2)",
    "m.star(*range(20))",
    "m.nokw()",
    "m.nokw(1)",
    "m.nokw(x=1)",
    "m.nokw(*[])",
    "m.nokw(**{})",
    "m.Box().v",
    "m.Box(1, 2)",
    "m.Box(v=3).v",
    "m.Box(w=3)",
    "m.Box('x')",
    "m.Box(2 ** 40)",
    "m.Box(None)",
    "set_attr(m.Box(), 'v', 2 ** 40)",
    "set_attr(m.Box(), 'v', 'x')",
    "set_attr(m.Box(), 'v', None)",
    "set_attr(m.Box(), 'v', -5)",
    "set_attr(m.Box(), 'w', 1)",
    "del_attr(m.Box(), 'v')",
]


def set_attr(o, name, v):
    setattr(o, name, v)
    return getattr(o, name)


def del_attr(o, name):
    delattr(o, name)
    return "deleted"


# errors in __dealloc__, __init__, __cinit__, a generator's finally
def dealloc_raises(n):
    for i in range(n):
        m.RaisesInDealloc()
    gc.collect()
    return "still running"


def gen_close():
    g = m.gen_raises_in_finally()
    first = next(g)
    g.close()
    return first


def gen_exhaust():
    return list(m.gen_raises_in_finally())


def gen_break():
    out = []
    for x in m.gen_raises_in_finally():
        out.append(x)
        break
    return out


def gen_throw():
    g = m.gen_raises_in_finally()
    next(g)
    return g.throw(KeyError("thrown"))


def gen_finally_on_close():
    log = []
    g = m.gen_finally_log(log)
    next(g)
    g.close()
    return log


def gen_finally_on_collect():
    log = []
    g = m.gen_finally_log(log)
    next(g)
    g = None
    gc.collect()
    return log


def init_raises_then_ok():
    try:
        m.RaisesInInit(5)
    except KeyError:
        pass
    return m.Box(9).v


CASES += [
    "dealloc_raises(1)",
    "dealloc_raises(100)",
    "m.RaisesInInit(5)",
    "m.RaisesInInit()",
    "m.RaisesInInit(1, 2)",
    "init_raises_then_ok()",
    "m.RaisesInCinit()",
    "m.RaisesInCinit(1)",
    "gen_close()",
    "gen_exhaust()",
    "gen_break()",
    "gen_throw()",
    "gen_finally_on_close()",
    "gen_finally_on_collect()",
]


# a module whose init raises
def import_failinit():
    try:
        import failinit
    except ValueError as e:
        return "%s: %s | in sys.modules: %s | runs: %d" % (
            type(e).__name__,
            e,
            "failinit" in sys.modules,
            len(sys.modules.get("failinit_count", [])),
        )
    return "imported"


CASES += ["import_failinit()", "import_failinit()", "import_failinit()"]


# recursion without end
def recursion(f, *a):
    try:
        f(*a)
    except RuntimeError as e:  # RecursionError on CPython, RuntimeError on MicroPython
        return "RuntimeError or subclass"
    return "returned"


def py_back(g, n):
    return g(py_back, n + 1)


def after_recursion():
    recursion(m.call_back, py_back, 0)
    return m.positional(1, 2)


CASES += ["recursion(m.recurse_def, 0)", "recursion(m.call_back, py_back, 0)", "after_recursion()"]


# out of memory
def out_of_memory(f, n):
    try:
        f(n)
    except MemoryError:
        gc.collect()
        return "MemoryError, then %r" % (m.grow(10),)
    return "no MemoryError"


CASES += [
    "out_of_memory(m.grow, 10 ** 8)",
    "out_of_memory(m.big_bytes, 2 ** 40)",
    "out_of_memory(m.big_bytes, 2 ** 62)",
    "m.big_bytes(-1)",
    "m.grow(-1)",
    "m.grow(10)",
]


def outcome(expr):
    try:
        r = eval(expr)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


seen = set()
for expr in CASES:
    key = expr
    n = 1
    while key in seen:  # a case repeated on purpose (import_failinit) gets a number
        n += 1
        key = "%s #%d" % (expr, n)
    seen.add(key)
    print("%s => %s" % (key, outcome(expr)))
print("END")
