cdef class Base:
    cdef public int x
    cdef double y
    def __init__(self, int x):
        self.x = x
        self.y = 1.5
    cpdef int value(self):
        return self.x
    def describe(self):
        return "Base(%d) value=%d" % (self.x, self.value())
    def get_y(self):
        return self.y

def call_value(Base b):
    return b.value()

class PyInPyx(Base):
    def value(self):
        return 100 + self.x
