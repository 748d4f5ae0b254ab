# The smallest module for the footprint table: one `def`. Plain Python, so
# the same file is the bytecode variant; benchc/onedef_c.c is the C one.


def add(a, b):
    return a + b
