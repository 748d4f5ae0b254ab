# *args and **kwargs
import args_star as m
from checks import check, check_type


def show(*a, **k):
    return a, sorted(k.items())


check(m.star)
check(m.star, 1)
check(m.star, 1, "two", [3])
check(m.star, *range(5))
check(m.kw)
check(m.kw, x=1, y=2)
check(m.kw, **{"b": 1, "a": 2})
check(m.both, 1, c=3)
check(m.both, 1, 2, 3, 4, c=5, z=6, y=7)
check(m.both, c=0, a=1)
check(m.both, 1, 2, 3)
check(m.forward, show)
check(m.forward, show, 1, 2, k=3)
check(m.forward, max, 3, 9, 4)
check(m.forward, sorted, [3, 1, 2], reverse=True)
d = {"p": 1}
check(m.modify, **d)
print(sorted(d))
check(m.sum_all)
check(m.sum_all, 1, 2, 3, 4)
check(m.sum_all, *[10] * 100)
check(m.kw_get)
check(m.kw_get, x=5, y=None)


class StrSub(str):
    pass


def takes_k(k=None, **rest):
    return k, sorted(rest)


print(m.call_with_dict(takes_k, {StrSub("k"): "value", "other": 1}))
print(m.call_with_dict(m.kw, {StrSub("name"): 2}))
check_type(m.call_with_dict, takes_k, {5: 1})

# the caller's tuple reaches *args as it is (CPython passes it through)
check(m.passes_tuple, m.only_star)
check(m.passes_tuple, m.only_star, x=1)
check(m.passes_tuple, m.star_kwonly, k=None)
check(m.passes_tuple, m.star_kwonly)
check(m.passes_tuple, m.sum_all)
check(m.passes_tuple, show)
