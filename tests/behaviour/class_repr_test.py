# repr() and str() of instances of a Cython module's classes (addresses left out).
import re
import class_repr as m


def norm(s):
    return re.sub("0x[0-9a-f]+", "0xADDR", s)


for o in m.instances():
    print(type(o).__name__, norm(repr(o)), norm(str(o)), norm(repr([o])))
print(norm(str(m.formatted(m.Plain()))))
print(norm(str(m.formatted(m.Ext()))))
