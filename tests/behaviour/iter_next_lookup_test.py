# An iterator whose instance has its own __next__ attribute: the class's runs.
import iter_next_lookup as m
from checks import Countdown, check, check_type


class Replacing(Countdown):
    # CPython's for_in_iter test: __next__ sets an instance attribute
    # __next__, which the iteration does not call
    def __init__(self):
        Countdown.__init__(self, 6)

    def __next__(self):
        Countdown.__next__(self)
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


def iterator_class(value):
    """A class of its own whose __next__ returns VALUE (each case below
    changes its class)."""

    class It:
        def __iter__(self):
            return self

        def __next__(self):
            return value

    return It


Dropped = iterator_class("next")
# The class loses its __next__ after a call, then gets one again: each
# next() asks the class as it is now.
d = Dropped()
check(m.next_of, d)
del Dropped.__next__
check_type(m.next_of, d)
Dropped.__next__ = lambda self: "again"
check(m.next_of, d)


Moved = iterator_class("first")
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
