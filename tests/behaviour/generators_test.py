# generator functions and generator expressions compiled by Cython
import generators as m

print(list(m.count_up(5)))
print(m.take(m.fib_gen(), 10))
g = m.count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(list(m.gen_expr([1, 2, 3])))
print(list(m.delegate(3)))
print(m.consume(m.with_return()))
print(m.consume(x for x in "ab"))
print(sum(m.count_up(100)))
s = m.sender()
print(next(s), s.send(5), s.send(10))
