# cdef module variables of object types keep their objects across collections
import gc
import mod_cglobals as m


def churn():
    # a collection, then reuse of any memory a wrongly freed object had
    gc.collect()
    junk = [bytearray(b"\xff" * 48) for _ in range(300)]
    gc.collect()
    return len(junk)


s = m.get_sentinel()
print(m.is_sentinel(s), m.is_sentinel(object()))
m.fill(5)
del s
churn()
print(m.show())
m.fill(3)
churn()
print(m.show())
print(m.is_sentinel(m.get_sentinel()))
m.set_values(40)
churn()
print(m.values_total())
m.hold(70)
churn()
print(m.held_bytes())
m.release()
print(m.abc_flags((b"abc" + b"ABC") * 2))
print(m.abc_flags(b"a\0b\0c" * 2))
for i in range(3):
    flags = m.abc_flags(b"cab" * 4)
print(flags)
