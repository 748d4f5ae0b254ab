"""List, dict and set comprehensions (and inlined generator expressions)."""

def squares(int n):
    return [i * i for i in range(n)]

def evens(seq):
    return [x for x in seq if x % 2 == 0]

def nested(int n):
    return [(i, j) for i in range(n) for j in range(i)]

def matrix(int rows, int cols):
    return [[r * cols + c for c in range(cols)] for r in range(rows)]

def word_lengths(words):
    return {w: len(w) for w in words}

def inverted(dict d):
    return {v: k for k, v in d.items()}

def remainders(seq, int m):
    return {x % m for x in seq}

def typed_loop_var(int n):
    cdef int i
    return [i * 2 for i in range(n) if i != 3]

def strings(str s):
    return [c.upper() for c in s if c != " "]

def inlined_genexprs(seq):
    # sum/any/all/sorted/list/tuple/set of a generator expression are inlined by Cython
    return (sum(x * x for x in seq), any(x > 3 for x in seq), all(x > 0 for x in seq),
            sorted(-x for x in seq), list(x + 1 for x in seq), tuple(str(x) for x in seq),
            set(x // 2 for x in seq))

def scope():
    x = "outer"
    lst = [x for x in range(3)]
    return x, lst

def closure_in_comp(int k):
    return [x * k for x in range(4)]

def pairs(dict d):
    return sorted([(k, v) for k, v in d.items() if v is not None])
