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
