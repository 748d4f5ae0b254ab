"""cdef class methods, properties, __repr__ / __str__."""

cdef class Vector:
    cdef double x, y

    def __init__(self, double x, double y):
        self.x = x
        self.y = y

    def dot(self, Vector other not None):
        return self.x * other.x + self.y * other.y

    def scaled(self, double k):
        return Vector(self.x * k, self.y * k)

    cdef double _norm2(self):
        return self.x * self.x + self.y * self.y

    def norm2(self):
        return self._norm2()

    cpdef double first(self):
        return self.x

    @property
    def as_tuple(self):
        return (self.x, self.y)

    property x_value:
        def __get__(self):
            return self.x
        def __set__(self, double v):
            self.x = v

    @property
    def y_value(self):
        return self.y

    @y_value.setter
    def y_value(self, v):
        if v < 0:
            raise ValueError("y must be >= 0")
        self.y = v

    def __repr__(self):
        return "Vector(%g, %g)" % (self.x, self.y)

    @staticmethod
    def zero():
        return Vector(0, 0)

    @classmethod
    def unit(cls):
        return cls(1, 0)

cdef class Named:
    cdef str name

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Named:" + self.name

    def __repr__(self):
        return "<Named %r>" % self.name

    def rename(self, str new):
        old = self.name
        self.name = new
        return old

    def chain(self):
        return self

def call_method(obj, name, *args):
    return getattr(obj, name)(*args)
