"""Default values and keyword arguments."""

calls = 0

def _counter():
    global calls
    calls += 1
    return calls

def greet(name, greeting="hello", int times=1):
    return " ".join([greeting + " " + name] * times)

def scale(double x, double factor=2.5, offset=None):
    if offset is None:
        offset = 0
    return x * factor + offset

def evaluated_once(x=_counter()):
    # the default was computed once, at import time
    return x

def mutable_default(item, acc=[]):
    acc.append(item)
    return len(acc)

def typed_defaults(int a=-1, long long b=1 << 40, bint flag=True, str s="s", bytes b2=b"b"):
    return a, b, flag, s, b2

def none_default(list items=None):
    if items is None:
        return "none"
    return len(items)

def many(a, b=2, c=3, d=4, e=5):
    return [a, b, c, d, e]
