# cpdef enums: anonymous, named, documented, with duplicate values, used as
# flags, converted both ways; enum classes made in Cython code.
import cpdef_enum as m
from checks import check, check_type


def r(x):
    # repr of lists of members
    return repr(list(x))


print(m.ANON_A, m.ANON_B, m.ANON_A + m.ANON_B)
print(repr(m.Color.RED), str(m.Color.GREEN), m.Color.BLUE.name, m.Color.BLUE.value)
print(repr(m.Color), m.Color.__name__, m.Color.__module__, len(m.Color))
print(r(m.Color), list(m.Color.__members__), m.Color._member_names_)
check_type(lambda: m.RED)
print(m.Color(2) is m.Color.GREEN, m.Color["BLUE"] is m.Color.BLUE, m.Color.RED in m.Color)
check_type(lambda: m.Color["NOPE"])
check_type(lambda: m.Color.NOPE)
print(m.Doc.__doc__, m.Color.__doc__ is None or "no doc")
print(r(m.Dup), list(m.Dup.__members__), m.Dup.DUP_B is m.Dup.DUP_A, len(m.Dup))

# IntFlag members are ints
c = m.Color.RED
print(c + 1, 1 + c, c * 2, c << 2, c == 1, c != 1, c < 2, hash(c) == hash(1), int(c))
print(isinstance(c, int), {1: "one"}[c], sorted([m.Color.BLUE, m.Color.RED]))
print(repr(m.Color.RED | m.Color.GREEN), repr(m.Color.RED & 3), repr(m.Color.RED ^ m.Color.BLUE))
print(repr(~m.Color.RED), repr(m.Color(7)), repr(m.Color(8)), repr(m.Color(0)), str(m.Color(3)))
print(m.Color.RED in (m.Color.RED | m.Color.BLUE), r(m.Color.RED | m.Color.BLUE))
print(repr(m.Mode.MODE_RW), r(m.Mode), repr(m.Mode(3)))

# C <-> Python
print(m.to_c(m.Color.BLUE), m.to_c(2), m.to_c(m.Color.RED | m.Color.GREEN))
check(m.to_c, "red")
check_type(m.to_c, None)
check(m.to_c, 1.5)
print(repr(m.from_c(1)), repr(m.from_c(4)), repr(m.from_c(3)), repr(m.from_c(64)))
print(m.from_c(2) is m.Color.GREEN, repr(m.round_trip(m.Mode.MODE_READ)), repr(m.combine()))
print(m.round_trip(m.Mode.MODE_RW) is m.Mode.MODE_RW, m.names(), m.secret())
check(m.Color, "x")
check(m.Color, 1.5)

# enum classes in a .pyx and from the enum module
print(r(m.Weekday), m.Weekday.TUE.is_weekend(), m.Weekday(3), repr(m.Weekday.WED))
print(m.Weekday.MON + m.Weekday.TUE, str(m.Weekday.MON), m.compare(m.Weekday.MON, m.Weekday.TUE))
print(r(m.Animal), m.Animal("woof"), m.Animal.CAT.value, str(m.Animal.DOG), m.Animal.__doc__)
check(m.Animal, "moo")
check(m.Weekday, 9)
Bits = m.make_flag()
print(repr(Bits), r(Bits), repr(Bits.ONE | Bits.TWO), Bits.__module__, r(m.Priority))
print(
    m.is_color(m.Color.RED),
    m.is_color(m.Color(64)),
    m.is_color(1),
    m.is_color(Bits.ONE),
    m.is_color("s"),
)

# the enum module from MicroPython code
import enum

E = enum.Enum("E", "a b c")
print(r(E), repr(E.b), str(E.b), E(3), E["a"], hash(E.a) == hash("a"), E.a == E.a)
S = enum.Enum("S", [("x", "ex"), ("y", "why")], qualname="Q.S")
print(S.__qualname__, repr(S.y), S("ex"))
check(S, "zed")
F = enum.Flag("F", [("R", 4), ("W", 2), ("X", 1)])
print(repr(F.R | F.W), str(F.R | F.W), repr(F(0)), str(F(0)), repr(~F.R), F(6) is F(6))
print(r(F.R | F.W), len(F.R | F.W), bool(F(0)), F.R in (F.R | F.X))
check(F, 8)
check_type(lambda: F.R | 1)
N = enum.IntEnum("N", {"one": 1})
print(repr(N.one), N.one + N.one, str(N.one), list(N.__members__.items()))


class Planet(enum.Enum):
    # MP-DIFF: definition order of a class body (all auto() values keep it)
    MERCURY = enum.auto()
    VENUS = enum.auto()
    EARTH = enum.auto()

    def next(self):
        return Planet(self.value % 3 + 1)


print(r(Planet), Planet.EARTH.next(), Planet.MERCURY.value, Planet.VENUS in Planet)


class Level(enum.IntEnum):
    # MP-DIFF: definition order of a class body (values in ascending order keep it)
    LOW = 1
    MID = 5
    HIGH = 9


print(r(Level), Level.HIGH > Level.LOW, Level(5), max(Level), Level.MID - 1)
check(enum.unique, enum.Enum("U", [("a", 1), ("b", 1)]))
try:

    class More(Level):
        TOP = 10

except TypeError as e:
    print("TypeError", e)
print("reduce")
# what pickle and copy use: the enumeration and the member's value
for member, cls in (
    (m.Color.GREEN, m.Color),
    (m.Weekday.TUE, m.Weekday),
    (m.Animal.CAT, m.Animal),
):
    f, args = member.__reduce_ex__(4)
    print(f is cls, args, f(*args) is member)
