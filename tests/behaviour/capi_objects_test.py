# C API objects: Get/Set/Del/HasAttr (missing attributes), RichCompare(Bool),
# Hash of an unhashable, IsTrue/Not, Repr/Str/Bytes/Format, IsInstance/
# IsSubclass, Size, and calls: Call/CallObject/CallNoArgs/CallOneArg/
# CallFunctionObjArgs/CallMethodObjArgs/CallFunction/CallMethod/Vectorcall
# (with kwnames)/VectorcallDict/VectorcallMethod, errors raised by the callee
import capi_objects as m
from checks import check, check_type


class Obj:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self, a=0, *, k="k"):
        return ("method", a, k)

    def __repr__(self):
        return "Obj()"


class Raiser:
    def __repr__(self):
        raise ValueError("repr failed")

    def __str__(self):
        raise ValueError("str failed")

    def __bool__(self):
        raise ValueError("bool failed")

    def __len__(self):
        raise ValueError("len failed")

    def __eq__(self, other):
        raise ValueError("eq failed")

    def __hash__(self):
        raise ValueError("hash failed")


class Sized:
    def __len__(self):
        return 3


class Hashed:
    def __hash__(self):
        return 12345


def f(*args, **kw):
    return args, sorted(kw.items())


def boom(*args, **kw):
    raise ValueError("from callee")


print("attributes")
o = Obj()
check(m.getattr_string, o, b"x")
check(m.getattr_string, o, b"cls_attr")
check(m.getattr_string, o, b"missing")
check(m.getattr_obj, o, "x")
check(m.getattr_obj, o, "nope")
check(m.getattr_obj, o, 5)
check(m.setattr_string, o, b"y", 2)
check(m.setattr_obj, o, "z", 3)
check_type(m.setattr_string, 5, b"y", 2)
check(m.setattr_obj, o, 5, 3)
check(m.delattr_string, o, b"y")
check(m.delattr_obj, o, "z")
check_type(m.delattr_string, o, b"never_set")
check_type(m.delattr_obj, o, "never_set")
check(m.hasattr_both, o, "x")
check(m.hasattr_both, o, "method")
check(m.hasattr_both, o, "missing")
check(m.callable_, m.getattr_string([], b"append"))

print("compare")
check(m.rich_compare_all, 1, 2)
check(m.rich_compare_all, "b", "a")
check(m.rich_compare_all, (1, 2), (1, 2))
check(m.rich_compare, 1, "a", 2)
check(m.rich_compare, 1, "a", 3)
check_type(m.rich_compare, 1, "a", 0)
check_type(m.rich_compare, [1], 2, 4)
check(m.rich_compare_bool, 2, 2.0, 2)
check(m.rich_compare_bool, "a", "b", 5)
check_type(m.rich_compare_bool, {}, {}, 0)
check(m.rich_compare_bool, Raiser(), 1, 2)
nan = float("nan")
check(m.same_object_eq, nan)
check(m.rich_compare_bool, nan, float("nan"), 2)
check(m.same_object_eq, Raiser())

print("hash")
check(m.hash_of, 1)
check(m.hash_of, -1)
check(m.hash_of, 0)
check(m.hash_of, Hashed())
check(m.hash_consistent, "text")
check(m.hash_consistent, (1, "a"))
check(m.hash_consistent, 2.5)
check(m.hash_of, [])
check(m.hash_of, {})
check(m.hash_of, set())
check(m.hash_of, bytearray())
check(m.hash_of, Raiser())

print("truth")
for v in (0, 1, "", "x", [], [0], None, True, Sized()):
    check(m.is_true, v)
check(m.is_true, Raiser())

print("text")
check(m.repr_str, "a")
check(m.repr_str, 5)
check(m.repr_str, [1, "b"])
check(m.repr_str, b"x")
check(m.repr_str, Obj())
check(m.repr_of, Raiser())
check(m.str_of, Raiser())
check(m.bytes_of, [1, 2])
check(m.bytes_of, b"same")
check_type(m.bytes_of, "str")
print("repr of containers holding themselves")
a = m.Node(1)
a.items.append(a)
b = m.Node(a, [a])
a.items.append(b)
check(repr, a)
check(repr, b)
check(repr, a)
check(m.format_of, 3.5, ".2f")
check(m.format_of, 42, ">5")
check(m.format_of, "abc", "")
check(m.format_of, 7, "x")
check_type(m.format_of, "abc", "d")

print("types")
check(m.type_of, 1)
check(m.type_of, o)
check(m.isinstance_, o, Obj)
check(m.isinstance_, 1, str)
check(m.isinstance_, 1, (str, int))
check_type(m.isinstance_, 1, 5)
check(m.issubclass_, KeyError, LookupError)
check(m.issubclass_, KeyError, (ValueError, TypeError))
check_type(m.issubclass_, 1, int)
check(m.callable_, f)
check(m.callable_, Obj)
check(m.callable_, o)
check(m.callable_, 5)
check(m.size_of, [1, 2])
check(m.size_of, "abc")
check(m.size_of, Sized())
check_type(m.size_of, 5)
check(m.size_of, Raiser())

print("calls")
check(m.call, f, (1, 2), {"k": 3})
check(m.call, f, (), None)
check(m.call, f, (), {})
check(m.call, boom, (1,), None)
check_type(m.call, 5, (), None)
check_type(m.call, Obj().method, (), {"nope": 1})
check(m.call_object, f, (1,))
check(m.call_object, f, None)
check(m.call_no_args, f)
check(m.call_no_args, Obj)
check(m.call_one_arg, f, (1, 2))
check(m.call_one_arg, boom, 1)
check(m.call_obj_args, f, "a", "b")
check(m.call_method_obj_args, o, "method", 5)
check(m.call_method_obj_args, o, "missing", 5)
check(m.call_function, f)
check(m.call_function_tuple_arg, f, (1, 2))
check(m.call_function_tuple_arg, f, ())
check(m.call_method, o, b"method", 9)
check(m.call_method, o, b"missing", 9)
check(m.call_method_noargs, [3, 1, 2], b"copy")
check(m.vectorcall, f, (1, 2), None, False)
check(m.vectorcall, f, (1, 2, 3), ("b", "c"), False)
check(m.vectorcall, f, (1, 2, 3), ("b", "c"), True)
check(m.vectorcall, f, ("only kw",), ("k",), True)
check(m.vectorcall, f, (), (), False)
check(m.vectorcall, o.method, (1, "kw"), ("k",), False)
check_type(m.vectorcall, o.method, (1, "kw"), ("bad",), False)
check(m.vectorcall, boom, (1,), None, True)
check(m.vectorcall_dict, f, (1,), {"x": 2})
check(m.vectorcall_dict, f, (1, 2), None)
check(m.vectorcall_method, "method", o, (4, "v"), ("k",))
check(m.vectorcall_method, "method", o, (), None)
check(m.vectorcall_method, "nope", o, (), None)

print("weak references")
check(m.weak_ref, 5)
check(m.weak_proxy, (1, 2))
check(m.weak_ref, "text")
check(m.weak_checks, 5)
# CPython's SystemError names its C source line
check_type(m.weak_object, 5)

print("METH_METHOD in a type's methods: the defining class, also for a subtype")
T = m.defining_type()
Sub = m.defining_type(T)


def defining(f, *a, **k):
    # self as its type's name (its repr has an address), the class by name
    r = f(*a, **k)
    return (type(r[0]).__name__, r[1].__name__) + r[2:]


check(defining, T().defining, 3)
check(defining, T().defining, x=1)
check(defining, Sub().defining, 4, 5)
check(defining, T.defining, Sub(), 5)
print(T.__name__, Sub.__name__)
