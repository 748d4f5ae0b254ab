from show import show
from wsaccel.utf8validator import Utf8Validator
from wsaccel.xormask import XorMaskerNull, XorMaskerSimple, createXorMasker

v = Utf8Validator()
show("UTF8_ACCEPT", lambda: (v.UTF8_ACCEPT, Utf8Validator.UTF8_REJECT))
show("validate ascii", v.validate, b"hello")
v.reset()
show("validate utf8", v.validate, "h\u00e9llo \u20ac \U0001f600".encode("utf-8"))
v.reset()
show("validate bad", v.validate, b"ab\xff\xfecd")
v.reset()
show("validate partial", v.validate, b"\xe2\x82")
show("validate rest", v.validate, b"\xac!")
show("validate bytearray", Utf8Validator().validate, bytearray(b"\xc3\xa9"))
show("validate memoryview", Utf8Validator().validate, memoryview(b"xyz"))
v.reset()
show("decode bytes", lambda: [v.decode(b) for b in b"\xe2\x82\xac"])
show("state/codepoint/i", lambda: (v.state, v.codepoint, v.i))
v.state = 5
show("set public attr", lambda: v.state)
m = XorMaskerSimple(b"\x01\x02\x03\x04")
show("xor", m.process, b"\x00" * 10)
show("pointer", m.pointer)
show("xor more", m.process, bytearray(b"abc"))
m.reset()
show("xor after reset", m.process, b"ABCDEFG")
show("bad mask", XorMaskerSimple, b"\x01\x02")
show("createXorMasker", lambda: createXorMasker(b"abcd").process(b"abcdabcd"))
n = XorMaskerNull()
show("null", n.process, b"xyz")
show("null pointer", n.pointer)
big = bytes(range(256)) * 40
show("xor big", lambda: sum(XorMaskerSimple(b"\xff\x00\xff\x00").process(big)))
