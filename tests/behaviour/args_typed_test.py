# def functions with typed (int, long, long long, double, bint, str, bytes) and untyped parameters
import args_typed as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


print('int')
check(m.f_int, 21)
check(m.f_int, -5)
check(m.f_int, 0)
check(m.f_int, a=4)
check(m.f_int, True)
print('long')
check(m.f_long, 2147483647)
check(m.f_long, -2147483649)
print('long long')
check(m.f_longlong, 9223372036854775807)
check(m.f_longlong, -9223372036854775807)
print('double')
check(m.f_double, 1.25)
check(m.f_double, 3)
check(m.f_double, -0.5)
check(m.f_double, 2 ** 20)
print('bint')
for v in (0, 1, True, False, '', 'x', [], [0], None, 2.5):
    check(m.f_bint, v)
print('str')
check(m.f_str, 'abc')
check(m.f_str, '')
check(m.f_str, s='kw')
print('bytes')
check(m.f_bytes, b'abc')
check(m.f_bytes, b'')
print('untyped')
check(m.f_untyped, 1, 2)
check(m.f_untyped, 'a', 'b')
check(m.f_untyped, [1], [2, 3])
check(m.f_untyped, 1.5, 2)
check(m.f_untyped, b=10, a=1)
print('other C types')
check(m.f_unsigned, 4294967294)
check(m.f_short, -32768)
check(m.f_char, 127)
check(m.f_size, 10, -3)
check(m.f_float, 0.5)
print('%.4f' % m.f_float(0.1))
print('mixed')
check(m.f_mixed, 7, 0.5, 'lbl', b'raw', 1, [None])
check(m.f_mixed, n=7, x=0.5, label='lbl', raw=b'raw', flag=0, obj=(1,))
check(m.f_types, 1, 2, 3)
