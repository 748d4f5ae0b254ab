"""cdef public / readonly attributes of various C types."""

cdef class Rec:
    cdef public int i
    cdef public long long big
    cdef public double d
    cdef public bint flag
    cdef public str name
    cdef public bytes data
    cdef public list items
    cdef public dict meta
    cdef public object anything
    cdef readonly int ro_int
    cdef readonly str ro_name
    cdef readonly object ro_obj
    cdef int private_int

    def __init__(self):
        self.i = 1
        self.big = 1 << 40
        self.d = 0.5
        self.flag = True
        self.name = "rec"
        self.data = b"\x01"
        self.items = [1]
        self.meta = {"k": "v"}
        self.anything = None
        self.ro_int = 7
        self.ro_name = "fixed"
        self.ro_obj = (1, 2)
        self.private_int = 3

    def set_ro(self, int v):
        # readonly from Python, but writable from Cython
        self.ro_int = v

    def private(self):
        return self.private_int
