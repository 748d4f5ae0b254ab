"""cdef class special methods: container and number protocols, comparison, hashing."""

cdef class Bag:
    cdef list items

    def __cinit__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __bool__(self):
        return len(self.items) > 0

    def __repr__(self):
        return "Bag(%s)" % ", ".join([repr(i) for i in self.items])

cdef class Num:
    cdef readonly long v

    def __cinit__(self, long v):
        self.v = v

    def __add__(self, other):
        if isinstance(other, Num):
            return Num(self.v + (<Num>other).v)
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented

    def __sub__(self, other):
        return Num(self.v - (<Num>other).v)

    def __mul__(self, other):
        return Num(self.v * other)

    def __neg__(self):
        return Num(-self.v)

    def __eq__(self, other):
        return isinstance(other, Num) and self.v == (<Num>other).v

    def __lt__(self, other):
        return self.v < (<Num>other).v

    def __hash__(self):
        return hash(self.v)

    def __int__(self):
        return self.v

    def __repr__(self):
        return "Num(%d)" % self.v

cdef class Adder:
    cdef long base

    def __cinit__(self, long base):
        self.base = base

    def __call__(self, long x, long y=0):
        return self.base + x + y
