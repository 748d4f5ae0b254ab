# module constants, globals, `global` statement, cdef module variables
import mod_globals as m


print(m.ANSWER, m.NAME, m.PI_ISH, m.PRIMES, sorted(m.TABLE.items()), m.NOTHING)
print(m.count, m.items)
print(m.bump(), m.bump(), m.bump(5), m.count)
m.reset()
print(m.count, m.items)
print(m.remember("a"), m.remember("b"), m.items)
print(m.c_bump(), m.c_bump(), m.c_bump())
print(hasattr(m, "c_counter"), hasattr(m, "c_scale"))
print(m.scaled(4))
m.set_scale(0.5)
print(m.scaled(4))
print(m.read_answer())
m.ANSWER = "changed"
print(m.read_answer())
print(hasattr(m, "created_later"))
m.make_new_global()
print(m.created_later)
print(m.table_get("a"), m.table_get("z"))
m.TABLE["z"] = 26
print(m.table_get("z"))
