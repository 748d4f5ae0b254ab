from show import show, fmt
from rencode._rencode import dumps, loads

vals = [
    0,
    1,
    -1,
    43,
    44,
    -32,
    -33,
    127,
    128,
    255,
    256,
    2**31,
    -(2**31),
    2**63 - 1,
    -(2**63),
    10**30,
    -(10**30),
    1.5,
    -0.25,
    True,
    False,
    None,
    b"",
    b"abc",
    b"x" * 70,
    "",
    "h\u00e9llo",
    "z" * 100,
    [],
    [1, [2, [3]]],
    (1, "a", b"b"),
    list(range(70)),
    {},
    {"a": 1, b"b": [1, 2]},
    dict((i, i * i) for i in range(30)),
]
for v in vals:
    e = show("dumps(%s)" % fmt(v)[:40], dumps, v)
    if e is not None:
        show("  loads", loads, e)
        show("  loads(decode_utf8)", loads, e, True)
show("dumps(1.5, 64)", dumps, 1.5, 64)
show("loads(dumps(1.5,64))", lambda: loads(dumps(1.5, 64)))
show("dumps(object)", dumps, object())
show("dumps(set)", dumps, {1})
show("loads(garbage)", loads, b"\xff\xff")
show("loads(truncated)", loads, dumps([1, 2, 3])[:-1])
show("loads(str)", loads, "abc")


class S(str):
    pass


class I(int):
    pass


class L(list):
    pass


show("dumps(str subclass)", dumps, S("sub"))
show("dumps(int subclass)", dumps, I(5))
show("dumps(list subclass)", dumps, L([1, 2]))
