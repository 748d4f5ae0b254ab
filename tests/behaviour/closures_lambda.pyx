"""Closures, nonlocal, lambdas, functions as values."""

def make_adder(n):
    def add(x):
        return x + n
    return add

def make_counter():
    count = 0
    def incr(int by=1):
        nonlocal count
        count += by
        return count
    return incr

def make_multipliers():
    return [lambda x, k=k: x * k for k in range(4)]

def late_binding():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    return [f() for f in funcs]

def sort_by_key(list words):
    return sorted(words, key=lambda w: (len(w), w))

def compose(f, g):
    return lambda x: f(g(x))

def apply_twice(f, x):
    return f(f(x))

def nested_closure(a):
    def level1(b):
        def level2(c):
            return a + b + c
        return level2
    return level1

def closure_over_c_var(int n):
    cdef int base = n * 10
    def get():
        return base
    return get

def callback_map(list items, f):
    return [f(x) for x in items]
