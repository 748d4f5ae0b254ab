# C API tuple/list: New + SetItem, GetItem/SetItem with out-of-range indices,
# GetSlice (clamped), Insert/Append/SetSlice/Sort/Reverse/AsTuple, and the
# SystemError for a call on the wrong type
import capi_tuple_list as m


def check(_f, *a):
    try:
        r = _f(*a)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


def check_type(_f, *a):
    # only the exception type (CPython's SystemError names its C source line)
    try:
        r = _f(*a)
    except Exception as e:
        print('  raised', type(e).__name__)
    else:
        print('  ->', repr(r))


print('tuple')
check(m.tuple_new, 0)
check(m.tuple_new, 3)
check_type(m.tuple_new_negative)
check(m.tuple_set_out_of_range, 2)
check(m.tuple_set_out_of_range, -1)
check_type(m.tuple_set_not_tuple, [1])
check(m.tuple_pack, 1, 'two', None)
check(m.tuple_size, (1, 2, 3))
check(m.tuple_size, ())
check_type(m.tuple_size, [1, 2])
check_type(m.tuple_size, None)
t = ('a', 'b', 'c')
check(m.tuple_get, t, 0)
check(m.tuple_get, t, 2)
check(m.tuple_get, t, 3)
check(m.tuple_get, t, -1)
check_type(m.tuple_get, ['a'], 0)
check(m.tuple_slice, (0, 1, 2, 3, 4), 1, 3)
check(m.tuple_slice, (0, 1, 2, 3, 4), -5, 100)
check(m.tuple_slice, (0, 1, 2, 3, 4), 4, 2)
check(m.tuple_slice, (0, 1, 2, 3, 4), 0, 5)
check_type(m.tuple_slice, [0, 1], 0, 1)
for v in ((), [], 'x'):
    print(' ', m.tuple_checks(v))

print('list')
check(m.list_new, 0)
check(m.list_new, 3)
check_type(m.list_new_negative)
check(m.list_size, [1, 2])
check_type(m.list_size, (1, 2))
check(m.list_get, ['x', 'y'], 1)
check(m.list_get, ['x', 'y'], 2)
check(m.list_get, ['x', 'y'], -1)
check(m.list_get, [], 0)
check_type(m.list_get, ('x',), 0)
check(m.list_set, [1, 2], 0, 'new')
check(m.list_set, [1, 2], 2, 'new')
check(m.list_set, [1, 2], -1, 'new')
check_type(m.list_set, (1, 2), 0, 'new')
check(m.list_insert, [1, 2], 1, 'in')
check(m.list_insert, [1, 2], 100, 'end')
check(m.list_insert, [1, 2], -1, 'before last')
check(m.list_insert, [1, 2], -100, 'start')
check_type(m.list_insert, (1, 2), 0, 'x')
check(m.list_append, [], 1)
check(m.list_append, [1], [2])
check_type(m.list_append, (), 1)
check_type(m.list_append, None, 1)
l = [0, 1, 2, 3, 4]
check(m.list_slice, l, 1, 3)
check(m.list_slice, l, -2, 100)
check(m.list_slice, l, 3, 1)
check(m.list_slice, l, 0, 100)
check_type(m.list_slice, (0, 1), 0, 1)
check(m.list_set_slice, [0, 1, 2, 3], 1, 3, ['a', 'b', 'c'])
check(m.list_set_slice, [0, 1, 2, 3], 1, 3, ('t',))
check(m.list_set_slice, [0, 1, 2, 3], -1, 1, ['neg'])
check(m.list_set_slice, [0, 1, 2, 3], 3, 100, [])
check_type(m.list_set_slice, [0, 1], 0, 1, 5)
check_type(m.list_set_slice, (0, 1), 0, 1, [])
check(m.list_del_slice, [0, 1, 2, 3], 1, 3)
check(m.list_del_slice, [0, 1, 2, 3], -2, 2)
check(m.list_sort, [3, 1, 2])
check(m.list_sort, ['b', 'a'])
check(m.list_sort, [])
check_type(m.list_sort, [1, 'a'])
check_type(m.list_sort, (2, 1))
check(m.list_reverse, [1, 2, 3])
check(m.list_reverse, [])
check_type(m.list_reverse, (1, 2))
check(m.list_as_tuple, [1, [2]])
check(m.list_as_tuple, [])
check_type(m.list_as_tuple, (1,))
for v in ([], (), None):
    print(' ', m.list_checks(v))
