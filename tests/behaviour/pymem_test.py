# PyMem_Malloc / PyMem_Realloc / PyMem_Free from cpython.mem
import pymem as m
from checks import check


check(m.squares, 0)
check(m.squares, 8)
print(sum(m.squares(1000)))
check(m.grow, 4, 10)
check(m.grow, 100, 5000)
check(m.many_blocks, 50, 64)
check(m.free_null)
check(m.zero_size)
check(m.huge)
bufs = [m.Buffer(k) for k in (1, 10, 1000)]
print([b.total() for b in bufs])
del bufs
for i in range(200):
    b = m.Buffer(50)
print(b.total())
