# bytes: indexing, iteration, char* conversion, methods, comparisons
import bytes_ops as m
from checks import check, check_type


check(m.index_and_iter, b"AZ\x00\xff")
check_type(m.index_and_iter, b"")
check(m.c_pointer, b"abc")
check(m.c_pointer, b"a\x00b\xff")
check(m.from_pointer_and_length)
check(m.concat_and_repeat, b"ab", b"\x00")
check(m.methods, b" a,b,c ")
check(m.methods, b"abc")
check(m.compare, b"a", b"b")
check(m.compare, b"ab", b"ab")
check(m.build, 5)
check(m.to_str, b"plain")
check(m.membership, b"hello")
check(m.bytes_from, [1, 2, 255])
check(m.bytes_from, 3)
check(m.bytes_from, b"copy")
check_type(m.bytes_from, [256])
check(m.unsigned_chars, b"\x80\xff\x01")
