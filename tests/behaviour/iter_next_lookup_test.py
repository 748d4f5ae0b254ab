# An iterator whose instance has its own __next__ attribute: the class's runs.
import iter_next_lookup as m
from checks import Countdown, check, check_type


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


class Raising(Shadowed):
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


class Inherited(Countdown):
    pass


class Static:
    def __iter__(self):
        return self

    @staticmethod
    def __next__():
        raise StopIteration


class Swapped(Countdown):
    pass


# __next__ from a base class, a staticmethod __next__, and one replaced on
# the class between two next() calls: each call looks it up again.
check(m.collect, Inherited(3))
check(m.collect, Static())
s = Swapped(4)
check(m.next_of, s)
Swapped.__next__ = lambda self: "replaced"
check(m.next_of, s)
check(m.next_of, Countdown(2))


class Dropped:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"


# The class loses its __next__ after a call, then gets one again: each
# next() asks the class as it is now.
d = Dropped()
check(m.next_of, d)
del Dropped.__next__
check_type(m.next_of, d)
Dropped.__next__ = lambda self: "again"
check(m.next_of, d)


class Moved:
    def __iter__(self):
        return self

    def __next__(self):
        return "first"


# Where the layer found __next__ in the class's dict is remembered: the name
# removed and another added (the dict keeps its size, the new key may take
# the freed slot), the dict grown past its table (keys move), the value
# replaced in place.
mv = Moved()
check(m.next_of, mv)
del Moved.__next__
Moved.other = 1
check_type(m.next_of, mv)
check_type(m.collect, mv)
Moved.__next__ = lambda self: "back"
check(m.next_of, mv)
for i in range(40):
    setattr(Moved, "attr%d" % i, i)
check(m.next_of, mv)
Moved.__next__ = lambda self: "replaced"
check(m.next_of, mv)
check(m.unpack2, mv)
