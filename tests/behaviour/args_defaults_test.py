# default values and keyword arguments
import args_defaults as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


check(m.greet, 'bob')
check(m.greet, 'bob', 'hi')
check(m.greet, 'bob', times=3)
check(m.greet, name='amy', greeting='yo', times=2)
check(m.greet, times=0, name='x')
check(m.scale, 2.0)
check(m.scale, 2.0, 4)
check(m.scale, 2.0, offset=1.5)
check(m.scale, x=1, factor=0.5, offset=10)
print('evaluated once')
print(m.calls)
check(m.evaluated_once)
check(m.evaluated_once)
check(m.evaluated_once, 9)
print(m.calls)
print('mutable default')
check(m.mutable_default, 'a')
check(m.mutable_default, 'b')
check(m.mutable_default, 'c', [])
check(m.mutable_default, 'd')
print('typed defaults')
check(m.typed_defaults)
check(m.typed_defaults, 5, 6)
check(m.typed_defaults, flag=0, s='t')
check(m.typed_defaults, b2=b'xyz', a=3)
check(m.none_default)
check(m.none_default, None)
check(m.none_default, [1, 2])
check(m.none_default, items=[])
print('many')
check(m.many, 1)
check(m.many, 1, 20, e=50)
check(m.many, 1, d=40, c=30)
check(m.many, e=0, d=0, c=0, b=0, a=0)
check(m.many, *[1, 2, 3])
check(m.many, 1, **{'e': 'E', 'b': 'B'})
