# exceptions raised implicitly by operations inside Cython code
import exc_builtin as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


def check_type(_f, *a, **k):
    # only the exception type: the message comes from the runtime, not from Cython
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__)
    else:
        print('  ->', repr(r))


check(m.div, 7, 2)
check_type(m.div, 7, 0)
check_type(m.div, 7.0, 0)
check(m.c_div, -7, 2)
check(m.c_div, 7, 0)
check(m.c_mod, -7, 3)
check(m.c_mod, 7, 0)
check(m.c_true_div, 1, 0)
check(m.lookup, {'a': 1}, 'a')
check_type(m.lookup, {'a': 1}, 'b')
try:
    m.lookup({}, 'missing')
except KeyError as e:
    print('KeyError args', e.args)
# MP-DIFF: d[[]] raises KeyError on MicroPython, TypeError (unhashable) on CPython; not tested
check_type(m.untyped_lookup, {}, 'x')
check_type(m.untyped_lookup, [1], 5)
check_type(m.untyped_lookup, 5, 0)
check(m.index, [1, 2], 1)
check_type(m.index, [1, 2], 2)
check_type(m.attribute, 5)
check_type(m.attribute, m)
check(m.add, 1, 2)
check_type(m.add, 1, 'a')
check_type(m.add, [], ())
check(m.undefined_name)
m.define_it()
check(m.undefined_name)
check(m.unbound_local, True)
check(m.unbound_local, False)
check(m.int_from_str, '42')
check_type(m.int_from_str, 'forty')
check_type(m.call_none)
check_type(m.to_c_int, 2 ** 40)
check_type(m.to_c_int, None)
check_type(m.negate_list)
check_type(m.pop_empty)
check_type(m.remove_missing)
check_type(m.dict_pop_missing)
check(m.convert_char, 'x')
check_type(m.convert_char, 'xy')
