# cpdef enums (Python enum classes made by Cython's utility code through the
# enum module, frozen into every build: runtime/frozen/enum.py), their
# conversions between C and Python, and the enum module from Cython code.
import enum

cpdef enum:
    # anonymous: the names go into the module
    ANON_A = 2
    ANON_B = 3

cpdef enum Color:
    RED = 1
    GREEN = 2
    BLUE = 4

cpdef enum Doc:
    """A documented enum."""
    DOC_X = 10
    DOC_Y = 20

cpdef enum Dup:
    DUP_A = 1
    DUP_B = 1
    DUP_C = 3

cpdef enum Mode:
    MODE_READ = 1
    MODE_WRITE = 2
    MODE_EXEC = 4
    MODE_RW = 3

cdef enum Secret:
    SECRET = 7


def to_c(Color c):
    # Python -> C
    return <int>c


def from_c(int v):
    # C -> Python: a member, or (an IntFlag) a pseudo-member for other values
    return <Color>v


def round_trip(Mode m):
    return m


def combine():
    cdef Mode m = MODE_READ
    m = <Mode>(m | MODE_WRITE)
    return m


def names():
    return [c.name for c in Color]


def secret():
    return SECRET


class Weekday(enum.IntEnum):
    # class syntax in a .pyx: Cython's class creation keeps the body's order
    MON = 1
    TUE = 2
    WED = 3

    def is_weekend(self):
        return False


class Animal(enum.Enum):
    """Animals."""

    CAT = "meow"
    DOG = "woof"


def make_flag():
    return enum.IntFlag("Bits", [("ONE", 1), ("TWO", 2)], module="cpdef_enum")


class Priority(enum.Enum):
    # values out of order: the definition order is kept all the same
    HIGH = 3
    LOW = 1
    MID = 2


def is_color(x):
    # Cython's isinstance() asks the enumeration's __instancecheck__, as CPython's
    return isinstance(x, Color), isinstance(x, (str, Color)), isinstance(x, enum.Flag)


def compare(a, b):
    return a < b, a == b, a > b
