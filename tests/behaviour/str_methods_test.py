# string methods called from Cython
import str_methods as m
from checks import check


check(m.case, "Hello World")
check(m.splitting, "a,b, c d")
check(m.splitting, "")
check(m.joining, ["x", " y ", "z"])
check(m.joining, [])
check(m.stripping, "  xx hi x  ")
check(m.searching, "abcabc", "bc")
check(m.searching, "abcabc", "zz")
check(m.searching, "abc", "")
check(m.index_of, "hello", "l")
check(m.index_of, "hello", "z")
check(m.replacing, "banana")
for s in ("123", "abc", "  ", "ABC", "abc1", ""):
    check(m.predicates, s)
check(m.lines, "one\ntwo\n\nthree")
check(m.chained, "  Some Mixed Case  ")
check(m.startswith_tuple, "box")
check(m.startswith_tuple, "cat")
check(m.encode_decode, "h\u00e9")
check(m.untyped_methods, "a/b/c")
check(m.str_comparisons, "a", "b")
check(m.str_comparisons, "b", "b")
check(m.build, 12)
# MP-DIFF: str.capitalize/swapcase/casefold/title/center/zfill/expandtabs do not exist on MicroPython
