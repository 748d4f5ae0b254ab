import gc
import cclass_del as m

class PyChild(m.Parent):
    def __del__(self):
        m.record(9)

class PyPlain(m.Parent):
    pass

N = 20
def run(cls, code):
    m.reset()
    m.make(cls, N)
    gc.collect()
    gc.collect()
    print(cls.__name__, [c for c in range(1, 12) if m.count(c) >= N - 3 ])
for cls in (m.WithDel, m.DelAndDealloc, m.Parent, m.Child, m.Raises, PyChild, PyPlain):
    run(cls, 0)
m.reset()
m.start_generators(N)
gc.collect()
gc.collect()
print("generators", m.count(8) >= N - 3)
