# Python classes with a built-in base defined in a Cython module: __init__
# fills the built-in part.
import pyclass_builtin_base as m
from checks import check_type

print("dict", m.SubDict(), len(m.SubDict()), m.SubDict()["a"])
print("list", m.SubList(3), len(m.SubList(2)))
print(
    "super init", sorted(m.SubDictSuper(b=2).items()), sorted(m.SubDictSuper([("c", 3)]).items())
)
print("no init", sorted(m.SubDictNoInit(x=1, y=2).items()), m.SubDictNoInit())
print("set", sorted(m.SubSet([1, 2])))
print("kwargs", m.call_with_subdict(), m.take_kwargs(**m.SubDict()))
print("isinstance", isinstance(m.SubDict(), dict), type(m.SubDict()).__name__)
check_type(m.BadInit)
