# PyMem_* blocks are all returned (issue 7): the count of MicroPython's
# tracked allocations is the same after many allocate/free rounds
import gc
import mem_balance as m

before = m.tracked_blocks()
print("failed requests", m.cycle(50))
gc.collect()
print("balanced", m.tracked_blocks() == before)
for n in (0, 1, 1000):
    print(n, m.churn(n), m.tracked_blocks() == before)
