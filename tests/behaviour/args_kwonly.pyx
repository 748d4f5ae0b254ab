"""Keyword-only arguments."""

def kwonly(a, *, b, c=3):
    return a, b, c

def only_kw(*, x, int y=0):
    return x + y

def star_then_kw(a, *rest, key=None, bint reverse=False):
    items = [a] + list(rest)
    if key is not None:
        items = [key(v) for v in items]
    if reverse:
        items.reverse()
    return items

def typed_kwonly(*, int n, double f=1.5, str s):
    return n, f, s
