# generators from Cython: next/send/throw/close, yield from, return values,
# GeneratorExit, errors in finally blocks, generators in cdef class methods
import gen_protocol as m
from checks import check


g = m.echo()
print("first", next(g))
print("send", g.send("a"), g.send("b"))
print("throw handled", g.throw(ValueError("v")))
print("after throw", g.send("c"))
check(g.throw, TypeError("k"))
print("log", m.log)
check(next, g)
check(g.send, 1)

g = m.echo()
next(g)
g.close()
g.close()
print("closed", m.log[-1])
check(next, g)
g = m.echo()
check(g.send, "x")
g.close()

g = m.with_return(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("return value", e.value, e.args)

m.log.clear()
d = m.delegate(2)
print("delegate", next(d), next(d), next(d))
print("delegated send", d.send("s1"))
print("delegated throw", d.throw(ValueError("tv")))
d.close()
print("log", m.log)
print("list delegate", list(m.with_return(3)))

g = m.swallow_exit()
next(g)
g.close()
print("exit seen", m.log[-1])
g = m.refuse_exit()
next(g)
check(g.close)
g = m.fail_in_finally()
next(g)
check(g.close)
g = m.fail_in_finally()
print("unstarted close", g.close())

b = m.gen_in_method_obj()
print("method gens", list(b.sorted_items()), list(b.pairs()))


def py_gen():
    x = yield "py first"
    yield "py got %s" % x


print("cython drives python", m.run_inside(py_gen()))
m.log.clear()
print("cython drives cython", m.run_inside(m.echo()), m.log)
