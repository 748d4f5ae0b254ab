"""String formatting: %, str.format, f-strings."""

def percent(int n, double x, str s):
    return "%d|%5d|%-5d|%05d" % (n, n, n, n), "%.2f|%8.3f" % (x, x), "%s|%r|%10s" % (s, s, s), "%x|%X|%o" % (n, n, n)

def percent_single(v):
    return "value: %s" % v

def percent_dict(d):
    return "%(a)s and %(b)d" % d

def percent_escape(int n):
    return "%d%%" % n

def fmt_method(int n, double x, str s):
    return ("{} {} {}".format(n, x, s), "{0}{1}{0}".format(s, n), "{name}={val}".format(name=s, val=n),
            "{:>6}|{:<6}|{:^6}".format(s, s, s), "{:08.3f}".format(x), "{:,}".format(n * 1000),
            "{:x} {:b} {:+d}".format(n, n, n), "{!r}".format(s))

def fstrings(int n, double x, str s, obj):
    return (f"{n}", f"n={n} x={x:.2f} s={s}", f"{s!r}", f"{n:>5}|{n:<5}|{n:05}", f"{x:10.4f}",
            f"{obj}", f"{n + 1} {n * 2}", f"{s:*^9}", f"{{literal}}", f"{n:x}")

def fstring_c_types(int i, long long ll, unsigned int u, double d, bint b):
    return f"{i} {ll} {u} {d} {b}"

def fstring_nested(list items):
    return f"items: {', '.join([str(i) for i in items])} ({len(items)})"

def bad_percent():
    return "%d %d" % (1,)

def bad_format():
    return "{} {}".format(1)
