# Frozen into the MicroPython program (./mpcython embed --freeze greet.py);
# CPython finds it on PYTHONPATH.
GREETING = "hello"
calls = []


def greet(name, punct="!"):
    calls.append(name)
    return "%s, %s%s" % (GREETING, name, punct)


def fail(n):
    if n > 2:
        raise ValueError("n is %d" % n)
    return fail(n + 1)


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, *values):
        self.total += sum(values)
        return self.total
