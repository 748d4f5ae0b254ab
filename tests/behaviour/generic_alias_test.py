import generic_alias as m
from checks import check, check_type

a = m.alias(list, int)
check(m.info, a)
check(m.info, m.alias(dict, (str, ...)))
check(m.info, m.alias(list, ()))
# (repr only: MicroPython's repr of a class has no module, DIFFERENCES.md)
check(repr, m.alias(tuple, (m.Box, m.PyBox, 3, "x")))
check(m.subscr, m.Box, int)
check(m.subscr, m.PyBox, (int, str))
check(m.subscr, m.Box, m.Box)
print(a == m.alias(list, (int,)), a == m.alias(list, str), a == list, a != m.alias(list, str))
print(hash(a) == hash(m.alias(list, int)), {a: 1}[m.alias(list, int)])
# calling the alias calls its origin
print(a(), a([1, 2]), m.alias(dict, int)(k=1))
b = m.alias(m.PyBox, int)()
print(type(b).__name__, b.__orig_class__ == m.alias(m.PyBox, int))
# an origin that takes no attribute: no __orig_class__, no error
print(m.alias(int, str)("5"))
# unknown attributes come from the origin
print(m.alias(m.PyBox, int).__class_getitem__(str))
print(m.same_module_type())
# bad input
check_type(m.alias, list)
check_type(m.alias, list, int, str)
check_type(m.alias, list, int, x=1)
check_type(m.subscr, m.Plain, int)
check_type(getattr, a, "no_such_attribute")
