# returning tuple, list, dict, set (dicts and sets printed sorted)
import ret_containers as m


def check(_f, *a, **k):
    try:
        r = _f(*a, **k)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


check(m.a_tuple)
check(m.single_tuple)
print([type(x).__name__ for x in m.empty_all()], [len(x) for x in m.empty_all()])
check(m.a_list, 0)
check(m.a_list, 6)
d = m.a_dict()
print(type(d).__name__, sorted(d.items()), d['three'])
s = m.a_set()
print(type(s).__name__, sorted(s), 10 in s, 4 in s)
n = m.nested()
print(sorted(n), n['list'], n['tuple'], n['dict'])
check(m.unpack, (1, 2, 3))
check(m.unpack, [1, 2, 3])
check(m.unpack, 'abc')
check(m.unpack, (1, 2))
check(m.unpack, (1, 2, 3, 4))
check(m.swap, 'a', 'b')
check(m.star_unpack, [1, 2, 3])
check(m.star_unpack, (9,))
t, l, d, s = m.build_from_c(4)
print(t, l, sorted(d.items()), sorted(s))
check(m.list_ops)
