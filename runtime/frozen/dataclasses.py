# dataclasses for MicroPython, which has none: the layer's own (docs/dataclasses.md).
#
# Cython's @dataclass cdef classes import it at module init, as on CPython,
# for field(), Field, MISSING, _HAS_DEFAULT_FACTORY, _DataclassParams and the
# _FIELD markers (Cython generates __init__, __repr__, __eq__ and the rest
# itself); user code gets CPython 3.11's fields(), asdict(), astuple(),
# replace(), is_dataclass() and @dataclass for Python classes (fields from
# the class's __annotations__, which Cython-compiled classes have and
# MicroPython's own do not).

import sys

try:
    from _thread import get_ident as _get_ident
except ImportError:

    def _get_ident():
        return 0


__all__ = [
    "dataclass",
    "field",
    "Field",
    "FrozenInstanceError",
    "InitVar",
    "KW_ONLY",
    "MISSING",
    "fields",
    "asdict",
    "astuple",
    "make_dataclass",
    "replace",
    "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


# CPython's types.MappingProxyType, which MicroPython lacks: a read-only view.
class mappingproxy:
    def __init__(self, mapping):
        self._m = mapping

    def __getitem__(self, key):
        return self._m[key]

    def __contains__(self, key):
        return key in self._m

    def __iter__(self):
        return iter(self._m)

    def __len__(self):
        return len(self._m)

    def __eq__(self, other):
        return self._m == other

    # get, keys, values, items and copy: the mapping's own, which read only.
    def __getattr__(self, name):
        if name in ("get", "keys", "values", "items", "copy"):
            return getattr(self._m, name)
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)

    def __repr__(self):
        return "mappingproxy(%r)" % (self._m,)


_EMPTY_METADATA = mappingproxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


# "..." for a repr that recurses into itself (CPython's reprlib.recursive_repr).
def _recursive_repr(user_function):
    running = set()

    def wrapper(self):
        key = (id(self), _get_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)

    return wrapper


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return "dataclasses.InitVar[%s]" % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


# How many Field objects were made: each one's number gives the fields of a
# class their declaration order, which MicroPython's dicts do not keep (_in_order).
_made = [0]


# "Type(a=...,b=...)": CPython's repr of a Field and of _DataclassParams.
def _attrs_repr(obj, names):
    return "%s(%s)" % (type(obj).__name__, ",".join("%s=%r" % (n, getattr(obj, n)) for n in names))


_FIELD_REPR = (
    "name",
    "type",
    "default",
    "default_factory",
    "init",
    "repr",
    "hash",
    "compare",
    "metadata",
    "kw_only",
    "_field_type",
)


_PARAMS_REPR = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")


# Sets each of NAMES (a repr's attributes, in order) on OBJ to the value in
# the same place of VALUES.
def _set_attrs(obj, names, values):
    for name, value in zip(names, values):
        setattr(obj, name, value)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        metadata = _EMPTY_METADATA if metadata is None else mappingproxy(metadata)
        values = (None, None, default, default_factory, init, repr, hash, compare, metadata)
        _set_attrs(self, _FIELD_REPR, values + (kw_only, None))
        _made[0] += 1
        self._made = _made[0]

    @_recursive_repr
    def __repr__(self):
        return _attrs_repr(self, _FIELD_REPR)

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    # Cython passes these by keyword, as inspect.getfullargspec names them.
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        _set_attrs(self, _PARAMS_REPR, (init, repr, eq, order, unsafe_hash, frozen))

    def __repr__(self):
        return _attrs_repr(self, _PARAMS_REPR)


def field(
    *,
    default=MISSING,
    default_factory=MISSING,
    init=True,
    repr=True,
    hash=None,
    compare=True,
    metadata=None,
    kw_only=MISSING
):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


# The class's method resolution order: __mro__ where the class has one,
# otherwise the C3 linearisation of its bases (MicroPython's classes have no __mro__).
def _mro(cls):
    mro = getattr(cls, "__mro__", None)
    if mro is not None:
        return tuple(mro)
    seqs = [list(_mro(b)) for b in cls.__bases__] + [list(cls.__bases__)]
    result = [cls]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            return tuple(result)
        for s in seqs:
            head = s[0]
            if not any(head in t[1:] for t in seqs):
                break
        else:
            raise TypeError("Cannot create a consistent method resolution order (MRO)")
        result.append(head)
        for s in seqs:
            if s[0] is head:
                del s[0]


# The Field objects of dataclass `cls` in CPython's order, that of its
# __dataclass_fields__ dict there: its bases' fields first (reverse MRO), a
# field overridden keeping its first place, each class's own in declaration
# order. MicroPython's dicts keep no insertion order; the Field objects of a
# class are made in declaration order (Cython's __dataclass_fields__ calls
# field() for every field in turn, as does a class body that calls field()).
def _in_order(cls):
    fields = getattr(cls, _FIELDS)
    names = []
    for b in reversed(_mro(cls)):
        own = getattr(b, _FIELDS, None)
        if own:
            for name, f in sorted(own.items(), key=lambda item: item[1]._made):
                if name not in names:
                    names.append(name)
    return [fields[name] for name in names]


def _fields_in_init_order(fields):
    return (
        tuple(f for f in fields if f.init and not f.kw_only),
        tuple(f for f in fields if f.init and f.kw_only),
    )


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return "(%s,)" % ",".join(["%s.%s" % (obj_name, f.name) for f in fields])


def _create_fn(name, args, body, globals=None, locals=None):
    if locals is None:
        locals = {}
    txt = " def %s(%s):\n%s" % (name, ",".join(args), "\n".join("  " + b for b in body))
    txt = "def __create_fn__(%s):\n%s\n return %s" % (", ".join(locals.keys()), txt, name)
    ns = {}
    exec(txt, {} if globals is None else globals, ns)
    return ns["__create_fn__"](**locals)


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return "__dataclass_builtins_object__.__setattr__(%s,%r,%s)" % (self_name, name, value)
    return "%s.%s=%s" % (self_name, name, value)


def _field_init(f, frozen, locals, self_name):
    default_name = "_dflt_" + f.name
    if f.default_factory is not MISSING:
        locals[default_name] = f.default_factory
        if f.init:
            value = "%s() if %s is _HAS_DEFAULT_FACTORY else %s" % (default_name, f.name, f.name)
        else:
            value = default_name + "()"
    elif f.init:
        if f.default is not MISSING:
            locals[default_name] = f.default
        value = f.name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default is not MISSING:
        return "%s=_dflt_%s" % (f.name, f.name)
    return f.name + "=_HAS_DEFAULT_FACTORY"


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, globals):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
    locals = {
        "MISSING": MISSING,
        "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
    }
    body = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name)
        if line:
            body.append(line)
    if has_post_init:
        params = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append("%s.%s(%s)" % (self_name, _POST_INIT_NAME, params))
    params = [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    return _create_fn("__init__", [self_name] + params, body or ["pass"], globals, locals)


def _repr_fn(fields, globals):
    fn = _create_fn(
        "__repr__",
        ("self",),
        [
            "return self.__class__.__qualname__ + '(' + ', '.join(["
            + "".join("%r + repr(self.%s)," % (f.name + "=", f.name) for f in fields)
            + "]) + ')'"
        ],
        globals,
    )
    return _recursive_repr(fn)


def _frozen_get_del_attr(cls, fields, globals):
    locals = {"cls": cls, "FrozenInstanceError": FrozenInstanceError}
    names = "(%s,)" % ",".join(repr(f.name) for f in fields) if fields else "()"
    return (
        (
            "__setattr__",
            _create_fn(
                "__setattr__",
                ("self", "name", "value"),
                (
                    "if type(self) is cls or name in %s:" % names,
                    ' raise FrozenInstanceError("cannot assign to field %r" % (name,))',
                    "super(cls, self).__setattr__(name, value)",
                ),
                globals,
                locals,
            ),
        ),
        (
            "__delattr__",
            _create_fn(
                "__delattr__",
                ("self", "name"),
                (
                    "if type(self) is cls or name in %s:" % names,
                    ' raise FrozenInstanceError("cannot delete field %r" % (name,))',
                    "super(cls, self).__delattr__(name)",
                ),
                globals,
                locals,
            ),
        ),
    )


def _cmp_fn(name, op, self_tuple, other_tuple, globals):
    return _create_fn(
        name,
        ("self", "other"),
        [
            "if other.__class__ is self.__class__:",
            " return %s%s%s" % (self_tuple, op, other_tuple),
            "return NotImplemented",
        ],
        globals,
    )


def _hash_fn(fields, globals):
    return _create_fn(
        "__hash__", ("self",), ["return hash(%s)" % _tuple_str("self", fields)], globals
    )


# Where the run of identifier characters from text[i] ends.
def _identifier_end(text, i):
    while i < len(text) and (text[i].isalpha() or text[i].isdigit() or text[i] == "_"):
        i += 1
    return i


# `name` of module `module` as annotation text "name[...]" or "mod.name[...]"
# names it (CPython's _is_type, without its regular expression).
def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    text = annotation.strip()
    end = _identifier_end(text, 0)
    first, rest = text[:end], text[end:].lstrip()
    if not first:
        return False
    module_name = None
    if rest.startswith("."):
        rest = rest[1:].lstrip()
        end = _identifier_end(rest, 0)
        if not end:
            return False
        module_name, first = first, rest[:end]
    ns = getattr(sys.modules.get(getattr(cls, "__module__", None)), "__dict__", None) or {}
    if module_name is None:
        return ns and is_type_predicate(ns.get(first), a_module)
    module = ns.get(module_name)
    return module is a_module and is_type_predicate(getattr(module, first, None), a_module)


def _is_classvar(a_type, typing):
    classvar = getattr(typing, "ClassVar", MISSING)
    return a_type is classvar or getattr(a_type, "__origin__", None) is classvar


def _is_initvar(a_type, dataclasses):
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is KW_ONLY


# Instances of `c` are unhashable: CPython's test, c.__hash__ is None (a class
# defining __eq__ but not __hash__ gets None; MicroPython's do not).
def _unhashable(c):
    for b in _mro(c):
        if b in (list, dict, set, bytearray):
            return True
        d = getattr(b, "__dict__", None) or {}
        if "__hash__" in d:
            return d["__hash__"] is None
        if "__eq__" in d and b is not object:
            return True
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    f = default if isinstance(default, Field) else field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    typing = sys.modules.get("typing")
    if typing:
        if _is_classvar(a_type, typing) or (
            isinstance(a_type, str)
            and _is_type(a_type, cls, typing, getattr(typing, "ClassVar", MISSING), _is_classvar)
        ):
            f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        dataclasses = sys.modules.get(__name__)
        if _is_initvar(a_type, dataclasses) or (
            isinstance(a_type, str) and _is_type(a_type, cls, dataclasses, InitVar, _is_initvar)
        ):
            f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError("field %s is a ClassVar but specifies kw_only" % f.name)
    if f._field_type is _FIELD and _unhashable(f.default.__class__):
        raise ValueError(
            "mutable default %s for field %s is not allowed: use default_factory"
            % (type(f.default), f.name)
        )
    return f


def _set_qualname(cls, value):
    try:
        value.__qualname__ = "%s.%s" % (cls.__qualname__, value.__name__)
    except (AttributeError, TypeError):
        pass  # MicroPython's functions keep no __qualname__
    return value


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _hash_set_none(cls, fields, globals):
    return None


def _hash_add(cls, fields, globals):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, _hash_fn(flds, globals))


def _hash_exception(cls, fields, globals):
    raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)


# (unsafe_hash, eq, frozen, has explicit hash) -> action, as CPython's table.
def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    if unsafe_hash:
        return _hash_exception if has_explicit_hash else _hash_add
    if eq and not has_explicit_hash:
        return _hash_add if frozen else _hash_set_none
    return None


def _process_class(
    cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot
):
    fields = {}
    names = []  # the keys of `fields` in insertion order
    module = sys.modules.get(getattr(cls, "__module__", None))
    globals = getattr(module, "__dict__", None) or {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in reversed(_mro(cls)[1:]):
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in _in_order(b):
                if f.name not in fields:
                    names.append(f.name)
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
    cls_annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    KW_ONLY_seen = False
    dataclasses = sys.modules.get(__name__)
    for name, type in cls_annotations.items():
        if _is_kw_only(type, dataclasses) or (
            isinstance(type, str) and _is_type(type, cls, dataclasses, KW_ONLY, _is_kw_only)
        ):
            if KW_ONLY_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % name)
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type, kw_only))
    # in _in_order's order: the class body's field() calls, in declaration
    # order, then the other fields in the order of __annotations__
    cls_fields.sort(key=lambda f: f._made)
    for f in cls_fields:
        if f.name not in fields:
            names.append(f.name)
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError("%r is a field but has no type annotation" % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (
        class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__)
    )
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    all_init_fields = [
        fields[n] for n in names if fields[n]._field_type in (_FIELD, _FIELD_INITVAR)
    ]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)
    if init:
        _set_new_attribute(
            cls,
            "__init__",
            _init_fn(
                all_init_fields,
                std_init_fields,
                kw_only_init_fields,
                frozen,
                hasattr(cls, _POST_INIT_NAME),
                "__dataclass_self__" if "self" in fields else "self",
                globals,
            ),
        )
    field_list = [fields[n] for n in names if fields[n]._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, "__repr__", _repr_fn([f for f in field_list if f.repr], globals))
    flds = [f for f in field_list if f.compare]
    self_tuple = _tuple_str("self", flds)
    other_tuple = _tuple_str("other", flds)
    if eq:
        _set_new_attribute(
            cls, "__eq__", _cmp_fn("__eq__", "==", self_tuple, other_tuple, globals)
        )
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new_attribute(cls, name, _cmp_fn(name, op, self_tuple, other_tuple, globals)):
                raise TypeError(
                    "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                    % (name, cls.__name__)
                )
    if frozen:
        for name, fn in _frozen_get_del_attr(cls, field_list, globals):
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))
    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)
    if action:
        cls.__hash__ = action(cls, field_list, globals)
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        if "__slots__" in cls.__dict__:
            raise TypeError("%s already specifies __slots__" % cls.__name__)
        cls.__slots__ = tuple(f.name for f in field_list)
    return cls


def dataclass(
    *args,
    init=True,
    repr=True,
    eq=True,
    order=False,
    unsafe_hash=False,
    frozen=False,
    match_args=True,
    kw_only=False,
    slots=False,
    weakref_slot=False
):
    if len(args) > 1:
        raise TypeError(
            "dataclass() takes from 0 to 1 positional arguments but %d were given" % len(args)
        )

    def wrap(cls):
        return _process_class(
            cls,
            init,
            repr,
            eq,
            order,
            unsafe_hash,
            frozen,
            match_args,
            kw_only,
            slots,
            weakref_slot,
        )

    if not args or args[0] is None:
        return wrap
    return wrap(args[0])


def fields(class_or_instance):
    try:
        getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    return tuple(f for f in _in_order(cls) if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


# copy.deepcopy(obj): the object itself for the immutable built-in types
# (as deepcopy gives them), the copy module otherwise.
def _deepcopy(obj):
    if obj is None or type(obj) in (int, float, bool, str, bytes, complex, type, range):
        return obj
    import copy

    return copy.deepcopy(obj)


def _is_namedtuple(obj):
    return isinstance(obj, tuple) and hasattr(obj, "_fields")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _as_inner(obj, lambda items: tuple_factory([v for _, v in items]))


# asdict's and astuple's recursion: a dataclass instance becomes
# from_fields([(name, converted value), ...]); lists, tuples, namedtuples and
# dicts are rebuilt with their items converted; anything else is deep-copied.
def _as_inner(obj, from_fields):
    if _is_dataclass_instance(obj):
        return from_fields(
            [(f.name, _as_inner(getattr(obj, f.name), from_fields)) for f in fields(obj)]
        )
    if _is_namedtuple(obj):
        return type(obj)(*[_as_inner(v, from_fields) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as_inner(v, from_fields) for v in obj)
    if isinstance(obj, dict):
        return type(obj)(
            (_as_inner(k, from_fields), _as_inner(v, from_fields)) for k, v in obj.items()
        )
    return _deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    # options are dataclass()'s keywords, checked and defaulted there
    namespace = {} if namespace is None else namespace
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or _identifier_end(name, 0) != len(name) or name[0].isdigit():
            raise TypeError("Field names must be valid identifiers: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen.add(name)
        annotations[name] = tp
    body = dict(namespace)
    body.update(defaults)
    body["__annotations__"] = annotations
    body.setdefault("__qualname__", cls_name)
    cls = type(cls_name, tuple(bases), body)
    return dataclass(cls, **options)


def replace(*args, **changes):
    if len(args) != 1:
        raise TypeError("replace() takes 1 positional argument but %d were given" % len(args))
    obj = args[0]
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(
                    "field %s is declared with init=False, it cannot be specified with replace()"
                    % f.name
                )
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
