# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: MicroPython's own random module (re-exported unchanged) plus
# random.Random and random.shuffle, which it lacks.  Random is CPython's
# generator: MT19937 seeded as CPython seeds it (ints by init_by_array,
# str/bytes with their SHA-512 appended), with CPython's
# random/getrandbits/randrange/..., so the same seed gives the same numbers as
# in CPython; shuffle is CPython's algorithm on MicroPython's generator.
import sys

# MicroPython >= 1.21: with sys.path empty, the import finds the built-in
# module instead of this file.
_path = sys.path
sys.path = ()
try:
    from random import *  # noqa: F401,F403 - choice, getrandbits, randint, random, ...
finally:
    sys.path = _path
    del _path

_MASK32 = 0xFFFFFFFF


def _bit_length(n):
    # int.bit_length (MicroPython's int has none)
    return len(bin(n)) - 2 - (n < 0) if n else 0


def _sha512(data):
    # FIPS 180-4 SHA-512 (MicroPython's hashlib has only sha256); for seeding.
    M = 0xFFFFFFFFFFFFFFFF

    def rotr(x, n):
        return ((x >> n) | (x << (64 - n))) & M

    h = list(_SHA512_H)
    ml = len(data) * 8
    data = bytes(data) + b"\x80" + b"\0" * ((111 - len(data)) % 128) + (ml).to_bytes(16, "big")
    for off in range(0, len(data), 128):
        w = [int.from_bytes(data[off + 8 * i : off + 8 * i + 8], "big") for i in range(16)]
        for i in range(16, 80):
            s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7)
            s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & M)
        a, b, c, d, e, f, g, hh = h
        for i in range(80):
            t1 = (
                hh
                + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41))
                + ((e & f) ^ (~e & M & g))
                + _SHA512_K[i]
                + w[i]
            ) & M
            t2 = ((rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c))) & M
            a, b, c, d, e, f, g, hh = (t1 + t2) & M, a, b, c, (d + t1) & M, e, f, g
        h = [(x + y) & M for x, y in zip(h, (a, b, c, d, e, f, g, hh))]
    return b"".join(x.to_bytes(8, "big") for x in h)


def _primes(n):
    # The first n primes (for the SHA-512 constants).
    ps, k = [], 2
    while len(ps) < n:
        if all(k % p for p in ps if p * p <= k):
            ps.append(k)
        k += 1
    return ps


def _frac_root(p, r):
    # The first 64 bits of the fractional part of p ** (1/r), exactly (integer root).
    x = p << (64 * r)
    lo, hi = 0, 1 << (64 + 4)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid**r <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo & 0xFFFFFFFFFFFFFFFF


_SHA512_H = [_frac_root(p, 2) for p in _primes(8)]
_SHA512_K = [_frac_root(p, 3) for p in _primes(80)]


class Random:
    """CPython's random.Random (Mersenne Twister MT19937)."""

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if a is None:
            import os

            try:
                a = int.from_bytes(os.urandom(32), "big")
            except (AttributeError, OSError):
                import time

                a = time.time_ns()
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(bytes(a) + _sha512(a), "big")
        elif isinstance(a, float):
            a = hash(a)
        elif not isinstance(a, (int, bool)):
            raise TypeError(
                "The only supported seed types are: None,\n"
                "int, float, str, bytes, and bytearray."
            )
        self._init_by_array(abs(int(a)))
        self.gauss_next = None

    def _init_genrand(self, s):
        mt = self._mt = [0] * 624
        mt[0] = s & _MASK32
        for i in range(1, 624):
            mt[i] = (1812433253 * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & _MASK32
        self._index = 624

    def _init_by_array(self, n):
        key = []  # the 32-bit words of n, least significant first
        while n:
            key.append(n & _MASK32)
            n >>= 32
        key = key or [0]
        self._init_genrand(19650218)
        mt = self._mt
        i, j = 1, 0
        for _ in range(max(624, len(key))):
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + key[j] + j) & _MASK32
            i += 1
            j += 1
            if i >= 624:
                mt[0] = mt[623]
                i = 1
            if j >= len(key):
                j = 0
        for _ in range(623):
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & _MASK32
            i += 1
            if i >= 624:
                mt[0] = mt[623]
                i = 1
        mt[0] = 0x80000000

    def _genrand32(self):
        mt = self._mt
        if self._index >= 624:
            for k in range(624):
                y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7FFFFFFF)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            self._index = 0
        y = mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def random(self):
        a, b = self._genrand32() >> 5, self._genrand32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k <= 32:
            return self._genrand32() >> (32 - k) if k else 0
        r, shift = 0, 0
        while k > 0:  # 32-bit words, least significant first
            w = self._genrand32()
            if k < 32:
                w >>= 32 - k
            r |= w << shift
            shift += 32
            k -= 32
        return r

    def _randbelow(self, n):
        k = _bit_length(n)
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        istart = _index(start)
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _index(stop)
        width = istop - istart
        istep = _index(step)
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21  # CPython's choice between a pool and a set of indices
        if k > 5:
            setsize += 4 ** _ceil_log4(k * 3)
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = self._randbelow(n)
                while j in selected:
                    j = self._randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def getstate(self):
        return (3, tuple(self._mt) + (self._index,), self.gauss_next)

    def setstate(self, state):
        version, internal, self.gauss_next = state
        if version != 3 or len(internal) != 625:
            raise ValueError("state with version %s passed to Random.setstate()" % version)
        self._mt = list(internal[:624])
        self._index = internal[624]


def _randbelow(n):
    # CPython's Random._randbelow_with_getrandbits, on MicroPython's generator
    k = _bit_length(n)
    r = getrandbits(k)  # noqa: F405 - MicroPython's, imported above
    while r >= n:
        r = getrandbits(k)  # noqa: F405
    return r


def shuffle(x):
    """CPython's module-level random.shuffle, on MicroPython's generator (the
    one random.seed() sets, as in CPython)."""
    for i in range(len(x) - 1, 0, -1):
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]


def _index(n):
    if isinstance(n, (int, bool)):
        return int(n)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)


def _ceil_log4(x):
    # math.ceil(math.log(x, 4)) for the ints sample() uses, without rounding error
    e, p = 0, 1
    while p < x:
        p *= 4
        e += 1
    return e
