from show import show
from tinyalign._core import edit_distance, hamming_distance

for s, t in [
    ("kitten", "sitting"),
    ("", "abc"),
    ("abc", ""),
    ("flaw", "lawn"),
    ("a" * 50, "b" * 50),
    ("caf\u00e9", "cafe"),
    ("\u4e2d\u6587", "\u4e2d"),
]:
    show("edit_distance(%r,%r)" % (len(s), len(t)), edit_distance, s, t)
show("maxdiff", edit_distance, "kitten", "sitting", 1)
show("maxdiff big", edit_distance, "abcdefgh", "hgfedcba", 3)
show("bytes", edit_distance, b"abc", b"abd")
show("hamming", hamming_distance, "karolin", "kathrin")
show("hamming unequal", hamming_distance, "abc", "ab")
show("hamming bytes", hamming_distance, b"abc", b"abd")
show("edit list", edit_distance, [1, 2], [1, 3])
