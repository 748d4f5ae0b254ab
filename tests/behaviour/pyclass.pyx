"""Plain Python classes defined in a .pyx module."""

class Shape:
    sides = 0
    registry = []

    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)

    def describe(self):
        return "%s with %d sides" % (self.name, self.sides)

    def __repr__(self):
        return "Shape(%r)" % self.name

    @staticmethod
    def unit():
        return "unit"

    @classmethod
    def create(cls, name):
        return cls(name)

class Square(Shape):
    sides = 4

    def __init__(self, name, double size):
        Shape.__init__(self, name)
        self.size = size

    def area(self):
        return self.size * self.size

class Triangle(Shape):
    sides = 3

    def describe(self):
        return "triangle: " + super().describe()

def make_square(double size):
    return Square("sq", size)

def dynamic_attrs(obj):
    obj.extra = 42
    return obj.extra, hasattr(obj, "missing")


class Acc:
    """In-place and reflected operators of a Python class in Cython code."""

    def __init__(self, v):
        self.v = v
        self.log = []

    def __add__(self, o):
        self.log.append("add")
        return Acc(self.v + o)

    def __iadd__(self, o):
        self.log.append("iadd")
        self.v += o
        return self

    def __radd__(self, o):
        return ("radd", o, self.v)

    def __matmul__(self, o):
        return "matmul"

    def __imatmul__(self, o):
        self.log.append("imatmul")
        return self

    def __isub__(self, o):
        return NotImplemented

    def __sub__(self, o):
        return ("sub", self.v, o)


def inplace_ops(a):
    b = a
    b += 2
    c = a
    c @= 1
    d = a
    d -= 5
    return b is a, c is a, d, a.v, a.log, 10 + a
