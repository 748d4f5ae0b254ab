# binding=False: methods are method descriptors that check self's type
import cclass_nobinding as m
from checks import check


x = m.Meter(2.5)
print("bound", x.read(), x.scaled(2), m.Meter.read(x), m.Meter.scaled(x, 4))
check(m.Meter.read, 5)
check(m.Meter.read, m.Other())
check(m.Meter.scaled, "x", 1)
check(m.Meter.read)
check(x.scaled, "no")
check(x.scaled)
