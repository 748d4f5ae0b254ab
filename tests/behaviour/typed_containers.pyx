"""Typed list / dict / set / tuple variables and their methods."""

def list_methods():
    cdef list l = [5, 3, 8]
    l.append(1)
    l.extend([9, 2])
    l.insert(0, 7)
    popped = l.pop()
    first = l.pop(0)
    l.remove(8)
    idx = l.index(1)
    cnt = l.count(3)
    l.reverse()
    rev = list(l)
    l.sort()
    srt = list(l)
    l.sort(key=lambda v: -v)
    return popped, first, idx, cnt, rev, srt, l, len(l)

def list_errors(int which):
    cdef list l = [1]
    if which == 0:
        l.remove(5)
    elif which == 1:
        return l.index(5)
    else:
        l.pop(3)

def dict_methods():
    cdef dict d = {"a": 1}
    d["b"] = 2
    d.update({"c": 3}, d=4)
    g1 = d.get("a")
    g2 = d.get("zz")
    g3 = d.get("zz", "dflt")
    sd = d.setdefault("e", 5)
    sd2 = d.setdefault("a", 100)
    p = d.pop("b")
    p2 = d.pop("zz", "none")
    del d["c"]
    keys = sorted(d.keys())
    vals = sorted(d.values())
    items = sorted(d.items())
    c = d.copy()
    d.clear()
    return g1, g2, g3, sd, sd2, p, p2, keys, vals, items, len(c), len(d), "a" in c

def dict_int_keys(int n):
    cdef dict d = {}
    cdef int i
    for i in range(n):
        d[i] = i * i
    return sum([d[i] for i in range(n)]), d.get(n - 1), (n + 5) in d

def set_methods():
    cdef set s = {1, 2, 3}
    s.add(4)
    s.discard(1)
    s.discard(100)
    s.remove(2)
    u = s | {10}
    i = s & {3, 4, 5}
    dif = s - {3}
    sym = s ^ {4, 5}
    return sorted(s), sorted(u), sorted(i), sorted(dif), sorted(sym), 3 in s, s.issubset({3, 4, 5})

def set_pop():
    cdef set s = {42}
    return s.pop(), len(s)

def tuple_ops(tuple t):
    return t[0], t[-1], len(t), t + (99,), t * 2, t.index(t[-1]), t.count(t[0]), tuple(sorted(t))

def conversions(list l):
    return tuple(l), set(l) == set(l), list(tuple(l)), dict(zip(l, l)) == {k: k for k in l}

def nested_mutation():
    cdef dict groups = {}
    for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        groups.setdefault(word[0], []).append(word)
    return sorted(groups.items())

def none_typed_list():
    cdef list l = None
    return l is None

def list_of_lists(int n):
    cdef list grid = [[0] * n for _ in range(n)]
    cdef int i
    for i in range(n):
        grid[i][i] = 1
    return grid
