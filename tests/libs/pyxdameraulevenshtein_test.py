from show import show
from pyxdameraulevenshtein._initialize import (
    damerau_levenshtein_distance as d,
    normalized_damerau_levenshtein_distance as nd,
    damerau_levenshtein_distance_seqs as ds,
    normalized_damerau_levenshtein_distance_seqs as nds,
)

for a, b in [
    ("smtih", "smith"),
    ("saturday", "sunday"),
    ("", ""),
    ("abc", ""),
    ("ca", "abc"),
    ("caf\u00e9", "cafe"),
]:
    show("d(%r,%r)" % (len(a), len(b)), d, a, b)
    show("nd", nd, a, b)
show("lists", d, [1, 2, 3], [1, 3, 2])
show("tuples", d, (1, 2), (2, 1))
show("bytes", d, b"abc", b"acb")
show("seqs", ds, "smith", ["smtih", "snith", "smith"])
show("nseqs", nds, "smith", ["smtih", "snith", "smith"])
show("mixed", d, "abc", [1, 2])
show("bad", d, 1, 2)
