# str(), repr() and format() of exceptions in Cython code are CPython's; the
# script prints what Cython code made of them. MP-DIFF: print(e) and
# str(e) in MicroPython code use MicroPython's printer (DIFFERENCES.md).
import exc_text as m

made = m.made_here()
for name, e in zip(m.names(made), made):
    print(name, m.texts(e))

# exceptions made by MicroPython code: the same texts in Cython code
for e in [ValueError("py"), KeyError("pk"), KeyError(), IndexError(1, 2), TypeError()]:
    print(m.names([e]), m.texts(e))


class PyKeyError(KeyError):
    pass


print(m.texts(PyKeyError("sub")))
print(m.caught_key({}, "absent"), m.caught_key({1: 2}, 3), m.caught_key({1: 2}, 1))
