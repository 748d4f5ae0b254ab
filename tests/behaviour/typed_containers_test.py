# typed list/dict/set/tuple variables: methods and error paths
import typed_containers as m
from checks import check, check_type


check(m.list_methods)
for i in range(3):
    check_type(m.list_errors, i)
check(m.dict_methods)
check(m.dict_int_keys, 10)
check(m.set_methods)
check(m.set_pop)
check(m.tuple_ops, (3, 1, 2, 3))
check_type(m.tuple_ops, ())
check(m.conversions, [1, 2, 2])
check(m.nested_mutation)
check(m.none_typed_list)
check(m.list_of_lists, 3)
