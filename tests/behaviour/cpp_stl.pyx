# distutils: language = c++
# A C++ module: the STL containers Cython wraps (vector, string, map, set,
# pair, unordered_map, deque), their conversions to and from Python objects,
# `except +` mapping each standard C++ exception to CPython's Python
# exception, custom handlers, C++ objects owned by cdef classes (new/del),
# and a Python exception raised in a Cython callback called from C++ code.
from libcpp.vector cimport vector
from libcpp.string cimport string
from libcpp.map cimport map as cmap
from libcpp.set cimport set as cset
from libcpp.pair cimport pair
from libcpp.deque cimport deque
from libcpp.unordered_map cimport unordered_map
from libcpp.algorithm cimport sort
from cython.operator cimport dereference as deref, preincrement as inc


class CustomError(Exception):
    pass


cdef int custom_handler() except -1:
    raise CustomError("translated by a custom handler")

cdef extern from *:
    """
    #include <new>
    #include <stdexcept>
    #include <typeinfo>
    #include <ios>
    static int mpcy_throw(int kind) {
        switch (kind) {
            case 0: throw std::bad_alloc();
            case 1: throw std::bad_cast();
            case 2: throw std::bad_typeid();
            case 3: throw std::domain_error("domain");
            case 4: throw std::invalid_argument("invalid");
            case 5: throw std::ios_base::failure("io");
            case 6: throw std::out_of_range("range");
            case 7: throw std::overflow_error("overflow");
            case 8: throw std::range_error("range error");
            case 9: throw std::underflow_error("underflow");
            case 10: throw std::runtime_error("runtime");
            case 11: throw std::logic_error("logic");
            case 12: throw 42;
        }
        return kind;
    }
    // Calls back into Cython for each item; C++ frames lie between the
    // Python exception raised in the callback and the Cython code above.
    typedef int (*mpcy_cb)(int);
    static int mpcy_each(const std::vector<int> &v, mpcy_cb cb) {
        int total = 0;
        for (size_t i = 0; i < v.size(); i++) {
            int r = cb(v[i]);
            if (r < 0) {
                throw std::runtime_error("callback failed");
            }
            total += r;
        }
        return total;
    }
    struct mpcy_counter {
        int n;
        explicit mpcy_counter(int start) : n(start) {}
        int bump() { return ++n; }
    };
    """
    int mpcy_throw(int kind) except +
    int mpcy_throw_value "mpcy_throw"(int kind) except +ValueError
    int mpcy_throw_custom "mpcy_throw"(int kind) except +custom_handler
    ctypedef int (*mpcy_cb)(int)
    int mpcy_each(const vector[int] &v, mpcy_cb cb) except +
    cdef cppclass mpcy_counter:
        int n
        mpcy_counter(int start)
        int bump()


def throw(int kind):
    return mpcy_throw(kind)


def throw_as_value_error(int kind):
    return mpcy_throw_value(kind)


def throw_custom(int kind):
    return mpcy_throw_custom(kind)


def vector_roundtrip(list xs):
    cdef vector[int] v = xs
    v.push_back(len(xs))
    sort(v.begin(), v.end())
    return v


def vector_at(list xs, int i):
    cdef vector[double] v = xs
    return v.at(i)


def vector_of_vectors(int n):
    cdef vector[vector[int]] vv
    cdef int i, j
    for i in range(n):
        vv.push_back(vector[int]())
        for j in range(i):
            vv[i].push_back(j)
    return vv


def strings(bytes b, str s):
    cdef string a = b
    cdef string u = s.encode("utf-8")
    a.append(b"|")
    a.append(u)
    return a, a.size(), a.substr(1, 3), a.find(b"|")


def string_at(bytes b, size_t i):
    cdef string a = b
    return chr(a.at(i))


def map_counts(list words):
    cdef cmap[string, int] m
    for w in words:
        m[w] += 1
    cdef dict d = m
    return sorted(d.items())  # MicroPython's dicts keep no insertion order


def map_lookup(dict d, bytes key):
    cdef cmap[string, int] m = d
    return m.at(key)


def sets_and_pairs(list xs):
    cdef cset[int] s = xs
    cdef pair[int, double] p = (len(xs), 0.5)
    cdef vector[pair[int, int]] vp
    cdef cset[int].iterator it = s.begin()
    while it != s.end():
        vp.push_back(pair[int, int](deref(it), deref(it) * deref(it)))
        inc(it)
    return s, p, vp


def unordered(dict d):
    cdef unordered_map[int, int] m = d
    return sorted([(k, v) for k, v in m])


def deque_ops(int n):
    cdef deque[int] q
    cdef int i
    for i in range(n):
        if i % 2:
            q.push_front(i)
        else:
            q.push_back(i)
    out = []
    while not q.empty():
        out.append(q.front())
        q.pop_front()
    return out


def bad_conversion(obj):
    cdef vector[int] v = obj
    return v


cdef class Counter:
    cdef mpcy_counter *c
    cdef vector[int] *seen

    def __cinit__(self, int start):
        self.c = new mpcy_counter(start)
        self.seen = new vector[int]()

    def __dealloc__(self):
        del self.c
        del self.seen

    def bump(self):
        cdef int r = self.c.bump()
        self.seen.push_back(r)
        return r

    @property
    def seen(self):
        return self.seen[0]


cdef int square_or_fail(int x) noexcept:
    if x == 3:
        return -1
    return x * x


cdef list raised = []


cdef int checked(int x) noexcept:
    try:
        if x == 2:
            raise KeyError(x)
        return x + 1
    except KeyError as e:
        raised.append(type(e).__name__ + str(e.args))
        return -1


def each(list xs):
    cdef vector[int] v = xs
    return mpcy_each(v, square_or_fail)


def each_checked(list xs):
    cdef vector[int] v = xs
    del raised[:]
    try:
        return mpcy_each(v, checked)
    finally:
        raised.append("done")


def raised_log():
    return list(raised)
