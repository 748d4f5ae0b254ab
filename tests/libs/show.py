# Shared by the drivers: print a call's result or its exception, one line each,
# identically on CPython and MicroPython.
def fmt(v):
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (fmt(k), fmt(v[k])) for k in sorted(v, key=repr)) + "}"
    if isinstance(v, (set, frozenset)):
        return "%s{%s}" % (type(v).__name__, ", ".join(sorted(fmt(x) for x in v)))
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, str):
        # MicroPython's repr keeps non-ASCII characters; escape them for both
        out = []
        for c in v:
            o = ord(c)
            if c in "'\\":
                out.append("\\" + c)
            elif 32 <= o < 127:
                out.append(c)
            else:
                out.append(
                    "\\x%02x" % o if o < 256 else "\\u%04x" % o if o < 0x10000 else "\\U%08x" % o
                )
        return "'" + "".join(out) + "'"
    if isinstance(v, float):
        return "%.6g" % v
    return repr(v)


def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        # One side names a class of __main__ with its module (in any message), and
        # MicroPython's str() of a KeyError is the key's str, not its repr
        msg = repr(e.args[0]) if isinstance(e, KeyError) and len(e.args) == 1 else str(e)
        print("%s -> %s: %s" % (label, type(e).__name__, msg.replace("__main__.", "")))
        return None
    print("%s = %s" % (label, fmt(r)))
    return r
