# A stand-in for CPython's itertools, which MicroPython's unix port lacks:
# the one function creedsolo uses.


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x
