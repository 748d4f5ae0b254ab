"""Iterating a dict, its views or a set that changes size meanwhile:
CPython's iterators raise RuntimeError (Cython's generic loops use them)."""

def add_while_iterating(d):
    # d untyped: an OrderedDict, a dict subclass or a view goes through iter()
    n = 0
    for k in d:
        d[k + 100] = 0
        n += 1
        if n > 5:
            return "no error"
    return "done"

def add_to_view_owner(d, view):
    n = 0
    for k in view:
        d[len(d) + 100] = 0
        n += 1
        if n > 5:
            return "no error"
    return "done"

def delete_while_iterating(d):
    for k in iter(d):
        del d[k]
    return "done"

def set_add(set s, value):
    for x in s:
        s.add(value)
    return sorted(s)

def untyped_set_add(s, value):
    for x in s:
        s.add(value)
    return sorted(s)

def set_discard(s):
    for x in s:
        s.discard(x)
    return sorted(s)

def replace_keys(d):
    # as many keys deleted as added: the size stays, more keys come than d had
    seen = []
    for k in iter(d):
        seen.append(k)
        if len(seen) > 5:
            return "no error", seen
        del d[k]
        d[k + 101] = 0
    return "done", seen

def sticky(d):
    it = iter(d)
    first = next(it)
    d["new"] = 1
    out = []
    for i in range(2):
        try:
            next(it)
        except RuntimeError as e:
            out.append(str(e))
    return out

def exhausted(d):
    it = iter(d)
    got = sorted(list(it))
    d["later"] = 1
    try:
        next(it)
    except StopIteration:
        return got, "StopIteration"
    return got, "no StopIteration"

def unchanged(o):
    return sorted([x for x in o])

def change_values(dict d):
    # values change, the size does not: no error
    for k in iter(d):
        d[k] = d[k] * 2
    return sorted(d.items())

def iterate(o):
    return [x for x in o]
