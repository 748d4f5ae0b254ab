# An iterator whose instance has its own __next__ attribute: the class's runs.
import iter_next_lookup as m
from checks import check, check_type


class Replacing:
    # CPython's for_in_iter test: __next__ sets an instance attribute
    # __next__, which the iteration does not call
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i > 5:
            raise StopIteration
        self.i += 1
        self.__next__ = self.other
        return 1

    def other(self):
        return 2


class Shadowed:
    def __init__(self):
        self.__next__ = lambda: "instance"

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("class")


class Raising:
    def __init__(self):
        self.__next__ = lambda: "instance"

    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("from the class")


check(m.collect, Replacing())
check(m.collect, Shadowed())
check(m.next_default, Shadowed())
check(m.next_of, Replacing())
check(m.unpack2, Replacing())
check(m.next_of, Raising())
check(m.collect, Raising())
check_type(m.next_of, Shadowed())
check_type(m.next_of, 5)
