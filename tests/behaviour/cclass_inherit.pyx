"""cdef class inheritance."""

cdef class Animal:
    cdef public str name
    cdef int legs

    def __init__(self, name, int legs=4):
        self.name = name
        self.legs = legs

    def speak(self):
        return "..."

    def describe(self):
        return "%s has %d legs and says %s" % (self.name, self.legs, self.speak())

    cpdef int leg_count(self):
        return self.legs

    cdef str kind(self):
        return "animal"

    def get_kind(self):
        return self.kind()

cdef class Dog(Animal):
    cdef public int tricks

    def __init__(self, name, tricks=0):
        super().__init__(name, 4)
        self.tricks = tricks

    def speak(self):
        return "woof"

    cdef str kind(self):
        return "dog"

cdef class Bird(Animal):
    def __init__(self, name):
        Animal.__init__(self, name, 2)

    def speak(self):
        return "tweet"

    cpdef int leg_count(self):
        return Animal.leg_count(self) * 10

def total_legs(list animals):
    cdef Animal a
    cdef int total = 0
    for a in animals:
        total += a.leg_count()
    return total

def kinds(list animals):
    return [(<Animal>a).kind() for a in animals]
