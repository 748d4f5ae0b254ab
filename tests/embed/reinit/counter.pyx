# A Cython module imported again in each new interpreter.
GREETING = "hello"

cdef class Counter:
    cdef public int n

    def __init__(self, int start):
        self.n = start

    def bump(self):
        self.n += 1
        return self.n

    def __dealloc__(self):
        print("Counter", self.n, "collected")


def make(int start):
    return Counter(start)


cdef public int counter_value(object c) except -1:
    return (<Counter>c).n
