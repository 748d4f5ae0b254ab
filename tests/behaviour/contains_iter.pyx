"""`in` and iteration over lists, tuples, dicts, sets, strings, bytes."""

def membership(x):
    return [x in [1, 2, "a"], x in (3, 4), x in {"k": 1}, x in {5, 6}, x not in [1]]

def substring(str s):
    return "lo" in s, "z" in s, "" in s

def bytes_membership(bytes b):
    return 97 in b, b"bc" in b, 0 in b

def range_membership(int n):
    return n in range(10), n in range(0, 10, 2)

def over_list(list l):
    out = []
    for x in l:
        out.append(x * 2)
    return out

def over_tuple(tuple t):
    cdef int total = 0
    for x in t:
        total += x
    return total

def over_dict(dict d):
    keys = []
    for k in d:
        keys.append(k)
    items = []
    for k, v in d.items():
        items.append((k, v))
    vals = []
    for v in d.values():
        vals.append(v)
    return sorted(keys), sorted(items), sorted(vals)

def over_untyped_dict(d):
    return sorted([k for k in d]), sorted(d.keys()), sorted(d.values()), sorted(d.items())

def over_set(set s):
    return sorted([x for x in s])

def over_str(str s):
    out = []
    for c in s:
        out.append(c)
    return out

def over_bytes(bytes b):
    out = []
    for c in b:
        out.append(c)
    return out

def over_iterator(it):
    # any object implementing the iterator protocol
    out = []
    for x in it:
        out.append(x)
    return out

def count_chars(str s):
    counts = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    return sorted(counts.items())

def nested_iteration(list rows):
    total = 0
    for row in rows:
        for v in row:
            total += v
    return total

def mutate_while_iterating(list l):
    out = []
    for x in list(l):
        if x % 2:
            l.remove(x)
        out.append(x)
    return out, l
