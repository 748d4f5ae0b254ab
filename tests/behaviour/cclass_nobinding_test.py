# binding=False: methods are method descriptors that check self's type
import cclass_nobinding as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


x = m.Meter(2.5)
print('bound', x.read(), x.scaled(2), m.Meter.read(x), m.Meter.scaled(x, 4))
check(m.Meter.read, 5)
check(m.Meter.read, m.Other())
check(m.Meter.scaled, 'x', 1)
check(m.Meter.read)
check(x.scaled, 'no')
check(x.scaled)
