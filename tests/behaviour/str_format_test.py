# % formatting, str.format and f-strings in Cython code
import str_format as m
from checks import check, check_type


class Obj:
    def __str__(self):
        return "Obj-str"


check(m.percent, 42, 3.14159, "ab")
check(m.percent, -7, -0.5, "")
check(m.percent_single, 5)
check(m.percent_single, (1,) and "x")
check(m.percent_single, None)
check(m.percent_dict, {"a": "A", "b": 2})
check(m.percent_escape, 50)
check(m.fmt_method, 255, 2.5, "hi")
check(m.fstrings, 42, 3.14159, "txt", Obj())
check(m.fstrings, -3, 0.0, "", [1, 2])
check(m.fstring_c_types, -5, 2**40, 4000000000, 0.5, 1)
check(m.fstring_nested, [1, 2, 3])
check(m.fstring_nested, [])
check_type(m.bad_percent)
check_type(m.bad_format)
