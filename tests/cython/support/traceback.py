# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: the exception-formatting part of CPython's traceback module,
# because MicroPython has none.  The frames are the ones MicroPython records
# in the exception (what sys.print_exception prints), in CPython's layout,
# without source lines (MicroPython keeps no source).  MicroPython has no
# traceback or frame objects and no __cause__/__context__, so the *_tb and
# *_stack functions raise, and `chain` has nothing to follow.
import sys
import io


def _frames(exc):
    # '  File "x.pyx", line 4, in foo1' lines, oldest first.
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    return [line for line in buf.getvalue().split("\n") if line.startswith("  File ")]


def _limited(frames, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit <= 0:
            return []
    if limit is None:
        return frames
    return frames[:limit] if limit >= 0 else frames[limit:]


def format_exception_only(exc, value=None):
    if value is None and isinstance(exc, BaseException):
        value = exc
    if value is None and exc in (None, type(None)):
        return ["NoneType: None\n"]
    etype = type(value) if value is not None else exc
    stype = getattr(etype, "__qualname__", etype.__name__)
    smod = getattr(etype, "__module__", "builtins")
    if smod not in ("__main__", "builtins"):
        stype = smod + "." + stype
    # (no try/except here: on MicroPython a completed try/except in a callee
    # clears sys.exc_info() for the rest of the caller's handler)
    msg = str(value)
    return [stype + (": " + msg if msg else "") + "\n"]


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    # format_exception(exc) (3.10+) or format_exception(type, value, tb)
    if value is None and isinstance(exc, BaseException):
        value = exc
    if value is None:
        return format_exception_only(None)
    lines = []
    frames = _limited(_frames(value), limit)
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines += [f + "\n" for f in frames]
    return lines + format_exception_only(value)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    text = "".join(format_exception(exc, value, tb, limit, chain))
    (sys.stderr if file is None else file).write(text)


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def _no_objects(name):
    def f(*args, **kwargs):
        raise NotImplementedError(
            "traceback.%s: MicroPython has no traceback or frame objects" % name
        )

    return f


for _name in (
    "extract_tb",
    "format_tb",
    "print_tb",
    "walk_tb",
    "extract_stack",
    "format_stack",
    "print_stack",
    "walk_stack",
):
    globals()[_name] = _no_objects(_name)
del _name
