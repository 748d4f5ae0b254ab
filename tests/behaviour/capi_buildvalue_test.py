# C API Py_BuildValue: integer/float/char codes at their C limits, s/s#/z/z#/
# U/y/y#, O/S/N, tuples, lists and dicts (nested, with separators), and the
# errors: invalid UTF-8, NULL object, unknown format code, bad %C character
import capi_buildvalue as m
from checks import check


print("scalars")
for v in m.scalars():
    print(" ", repr(v) if not isinstance(v, str) else [ord(c) for c in v])
print("strings")
for v in m.strings():
    # str printed as text (repr() of non-ASCII str differs, see DIFFERENCES.md)
    if isinstance(v, str):
        print("  str", v, [ord(c) for c in v])
    else:
        print(" ", repr(v))
print("objects")
print(" ", m.objects([1], "stolen"))
print("containers")
for v in m.containers("obj"):
    print(" ", repr(v) if not isinstance(v, dict) else sorted(v.items()))
print("errors")
check(m.bad_utf8)
check(m.bad_utf8_in_tuple)
check(m.null_object)
check(m.null_object_in_list)
check(m.bad_format)
check(m.bad_char_range)
