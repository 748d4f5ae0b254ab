"""Returning str and bytes."""

def hello():
    return "hello"

def empty():
    return "", b""

def unicode_text():
    return "h\u00e9llo w\u00f6rld \u65e5\u672c"

def unicode_len():
    s = "\u00e9\u00e8\u65e5"
    return len(s), len(s.encode("utf-8"))

def raw_bytes():
    return b"\x00\x01\xfeA"

def concat(str a, str b):
    return a + b

def repeat(str s, int n):
    return s * n

def bytes_concat(bytes a, bytes b):
    return a + b

def from_char_ptr():
    cdef char* p = b"c-string"
    return p

def from_char_ptr_len():
    cdef char* p = b"abcdef"
    return p[1:4]

def encode(str s):
    return s.encode("utf-8")

def decode(bytes b):
    return b.decode("utf-8")

def conversions(int n):
    return str(n), chr(65 + n), ord("a"), str(-n)

def char_codes(str s):
    return [ord(c) for c in s]

def typed_return(x) -> str:
    cdef str r = "<" + x + ">"
    return r
