"""String methods."""

def case(str s):
    return s.upper(), s.lower()

def splitting(str s):
    return s.split(), s.split(","), s.split(",", 1), s.rsplit(",", 1), s.partition(",")

def joining(list parts):
    return "-".join(parts), "".join(parts), ", ".join([p.strip() for p in parts])

def stripping(str s):
    return s.strip(), s.lstrip(), s.rstrip(), s.strip("x ")

def searching(str s, str sub):
    return s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.startswith(sub), s.endswith(sub)

def index_of(str s, str sub):
    return s.index(sub)

def replacing(str s):
    return s.replace("a", "A"), s.replace("a", "", 1), s.replace("zz", "y")

def predicates(str s):
    return s.isdigit(), s.isalpha(), s.isspace(), s.isupper(), s.islower()

def lines(str s):
    return s.splitlines()

def chained(str s):
    return s.strip().lower().replace(" ", "_").split("_")

def startswith_tuple(str s):
    return s.startswith(("a", "b")), s.endswith(("x", "y"))

def encode_decode(str s):
    b = s.encode("utf-8")
    return b, b.decode("utf-8") == s

def untyped_methods(s):
    # the object is not declared as str: generic attribute lookup
    return s.upper(), s.split("/"), s.find("/")

def str_comparisons(str a, str b):
    return a == b, a < b, a != b, a + b == "ab"

def build(int n):
    cdef str out = ""
    cdef int i
    for i in range(n):
        out += str(i)
    return out
