# keyword-only arguments, including error paths
import args_kwonly as m


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


print('kwonly')
check(m.kwonly, 1, b=2)
check(m.kwonly, 1, b=2, c=4)
check(m.kwonly, a=1, c=5, b=6)
check(m.kwonly, 1)
check(m.kwonly, 1, 2)
check(m.kwonly, 1, b=2, d=4)
check(m.kwonly, b=2)
print('only_kw')
check(m.only_kw, x=1)
check(m.only_kw, x=1, y=2)
check(m.only_kw, y=2)
check(m.only_kw, 1)
check_type(m.only_kw, x=1, y='2')
print('star_then_kw')
check(m.star_then_kw, 1)
check(m.star_then_kw, 1, 2, 3)
check(m.star_then_kw, 1, 2, 3, reverse=True)
check(m.star_then_kw, 1, 2, 3, key=lambda v: v * 10)
check(m.star_then_kw, 'a', 'b', key=str.upper, reverse=1)
check(m.star_then_kw)
check(m.star_then_kw, 1, nokey=2)
print('typed_kwonly')
check(m.typed_kwonly, n=1, s='s')
check(m.typed_kwonly, s='t', f=2, n=-3)
check(m.typed_kwonly, n=1)
check(m.typed_kwonly, s='s')
check(m.typed_kwonly, 1, 's')
