# One Python -> C -> Python conversion per C number type, for the tests that
# go through each (args_overflow, int32_bounds): as_c["long long"](v)
# converts v to a long long argument and returns it. Cython specialises the
# fused function once per type, so every conversion below has its own code.

ctypedef fused c_number:
    int
    long
    long long
    short
    unsigned char
    unsigned int
    unsigned long long
    Py_ssize_t
    size_t
    double


def as_c(c_number v):
    return v
