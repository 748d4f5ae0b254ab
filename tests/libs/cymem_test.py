from show import show
from cymem.cymem import Pool, Address

p = Pool()
show("size", lambda: p.size)
show("addresses", lambda: len(p.addresses))
a = Address(10, 8)
show("Address.addr nonzero", lambda: a.addr != 0)
o = object()
p.own_pyref(o)
show("refs", lambda: len(p.refs))
show("Address(0,8)", lambda: Address(0, 8).addr != 0)
show("Address(-1,8)", Address, -1, 8)
import gc

gc.collect()
show("after gc", lambda: p.size)
