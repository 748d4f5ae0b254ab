# Correcting errors and erasures (the decoder assigns a list into a bytearray slice).
from show import show
import creedsolo as rs

c = rs.RSCodec(10)
enc = bytes(c.encode(b"hello world"))
bad = bytearray(enc)
bad[0] ^= 0xFF
bad[5] ^= 0x11
bad[12] = 0
show("decode corrupted", lambda: [bytes(x) for x in c.decode(bad)[:2]] + [list(c.decode(bad)[2])])
show("erasures", lambda: bytes(c.decode(bad, erase_pos=[0, 5, 12])[0]))
