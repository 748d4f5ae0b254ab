"""range() of ints beyond a machine word, called from Cython code (the
built-in: `for n in range(a, b, k)` over Python objects, as Cython's int128
test does)."""

def collect(a, b, k):
    return [n for n in range(a, b, k)]

def make(*args):
    return range(*args)

def one(stop):
    return range(stop)

def length(r):
    return len(r)

def truth(r):
    return bool(r)

def item(r, i):
    return r[i]

def part(r, a, b, c):
    return r[a:b:c]

def has(r, x):
    return x in r

def same(r, s):
    return r == s

def bounds(r):
    return r.start, r.stop, r.step

def text(r):
    return repr(r)

def is_range(r):
    return isinstance(r, range)

def reversed_list(r):
    return [n for n in r[::-1]]
