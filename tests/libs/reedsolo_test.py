from show import show
import creedsolo as rs

show("init_tables", lambda: [len(t) for t in rs.init_tables()])
show("gf_mul", lambda: [rs.gf_mul(a, b) for a, b in ((2, 3), (0x53, 0xCA), (255, 255), (0, 7))])
show("gf_div", lambda: [rs.gf_div(a, b) for a, b in ((6, 3), (1, 0x53))])
show("gf_div by 0", rs.gf_div, 1, 0)
show("gf_pow", rs.gf_pow, 3, 10)
show("gf_inverse", rs.gf_inverse, 0x53)
show("gf_mult_noLUT", rs.gf_mult_noLUT, 0x53, 0xCA, 0x11B)
show("poly_mul", lambda: list(rs.gf_poly_mul(bytearray([1, 2, 3]), bytearray([4, 5]))))
show("generator poly", lambda: list(rs.rs_generator_poly(6)))
# find_prime_polys(fast_primes=True) fails on CPython too (list * float, a py2 leftover);
# the messages differ (MicroPython's own), so only the type is shown
try:
    rs.find_prime_polys(c_exp=4, fast_primes=True)
except TypeError:
    print("find_prime_polys(fast_primes) -> TypeError")
show("find_prime_polys", lambda: rs.find_prime_polys(c_exp=4)[:5])
c = rs.RSCodec(10)
enc = show("encode", lambda: bytes(c.encode(b"hello world")))
show("encode str", lambda: bytes(c.encode("hello")))
show("encode list", lambda: bytes(c.encode([1, 2, 3])))
show("check", c.check, enc)
bad = bytearray(enc)
bad[0] ^= 0xFF
bad[5] ^= 0x11
bad[12] = 0
show("check corrupted", c.check, bad)
too = bytearray(enc)
for i in range(8):
    too[i] ^= 0x5A
show("too many errors", lambda: c.decode(too))
show("maxerrata", c.maxerrata)
show("maxerrata(errors=3)", c.maxerrata, errors=3)
show("maxerrata too big", c.maxerrata, errors=6)
big = bytes(range(256)) * 2
c2 = rs.RSCodec(12, nsize=64)
e2 = show("chunked len", lambda: len(c2.encode(big)))
show("chunked roundtrip", lambda: bytes(c2.decode(c2.encode(big))[0]) == big)
show(
    "c_exp 4 roundtrip",
    lambda: (lambda c3: list(c3.decode(c3.encode([1, 2, 3]))[0]))(
        rs.RSCodec(4, nsize=15, c_exp=4)
    ),
)
show("c_exp 12 (needs > 8 bits)", rs.RSCodec, 4, c_exp=12)
show("ReedSolomonError", lambda: issubclass(rs.ReedSolomonError, Exception))
