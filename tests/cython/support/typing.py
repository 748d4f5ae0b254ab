# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: the runtime objects of CPython's typing module that the suite
# names (Any, Union, Optional, ClassVar, Final, the generic aliases List,
# Dict, Tuple, Sequence, ... with their subscriptions, TypeVar, cast), because
# MicroPython has no typing.  They print, compare and unite as in CPython
# 3.11 (Union flattens and drops duplicates, Union[X] is X, Optional[X] is
# Union[X, None]).  Not here: Generic[...] and Protocol (subscripting a class
# needs __class_getitem__, which MicroPython lacks), isinstance checks
# against aliases, get_type_hints.

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        mod = getattr(obj, "__module__", "builtins")
        name = getattr(obj, "__qualname__", obj.__name__)
        return name if mod == "builtins" else mod + "." + name
    if obj is ...:
        return "..."
    if isinstance(obj, list):  # Callable's argument list
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


def _params(params):
    return params if isinstance(params, tuple) else (params,)


class _Final:
    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % self)


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, Final, ...: typing.NAME[params]."""

    def __init__(self, name, getitem=None):
        self._name = self.__name__ = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError("%r is not subscriptable" % self)
        return self._getitem(self, params)


class _GenericAlias(_Final):
    """A subscription: typing.Dict[str, int], Union[int, str], ..."""

    def __init__(self, origin, args, name):
        self.__origin__, self.__args__, self._name = origin, args, name

    def __repr__(self):
        if self._name == "Union" and len(self.__args__) == 2 and _NoneType in self.__args__:
            other = [a for a in self.__args__ if a is not _NoneType][0]
            return "typing.Optional[%s]" % _type_repr(other)
        return "typing.%s[%s]" % (
            self._name,
            ", ".join(_type_repr(a) for a in self.__args__) if self.__args__ else "()",
        )

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        if self.__origin__ is Union:
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))


class _SpecialGenericAlias(_Final):
    """typing.List, typing.Dict, ...: an alias of ORIGIN taking NPARAMS
    (-1: Tuple, any number)."""

    def __init__(self, origin, nparams, name):
        self.__origin__, self._nparams, self._name = origin, nparams, name
        self.__name__ = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = _params(params)
        if self._nparams == -1:  # Tuple[()] is the empty tuple type
            if params == ((),):
                params = ()
        elif self._nparams == -2:  # Callable[[args], result]
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            params = (list(args) if isinstance(args, (list, tuple)) else args, result)
        elif len(params) != self._nparams:
            many = "many" if len(params) > self._nparams else "few"
            raise TypeError(
                "Too %s arguments for %r; actual %d, expected %d"
                % (many, self, len(params), self._nparams)
            )
        params = tuple(_NoneType if p is None else p for p in params)
        return _GenericAlias(self.__origin__, params, self._name)


def _union(self, params):
    params = _params(params)
    if not params:
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in params:
        p = _NoneType if p is None else p
        for q in p.__args__ if isinstance(p, _GenericAlias) and p.__origin__ is Union else (p,):
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), "Union")


def _optional(self, parameter):
    return Union[parameter, None]


def _single(self, parameter):  # ClassVar[X], Final[X]
    return _GenericAlias(self, (parameter,), self._name)


def _literal(self, params):
    return _GenericAlias(self, _params(params), self._name)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
ClassVar = _SpecialForm("ClassVar", _single)
Final = _SpecialForm("Final", _single)
Literal = _SpecialForm("Literal", _literal)

List = _SpecialGenericAlias(list, 1, "List")
Dict = _SpecialGenericAlias(dict, 2, "Dict")
Set = _SpecialGenericAlias(set, 1, "Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, "FrozenSet")
Tuple = _SpecialGenericAlias(tuple, -1, "Tuple")
Type = _SpecialGenericAlias(type, 1, "Type")
Callable = _SpecialGenericAlias(None, -2, "Callable")  # origin collections.abc.Callable
Sequence = _SpecialGenericAlias(None, 1, "Sequence")  # origin collections.abc.Sequence


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__, self.__contravariant__ = covariant, contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class Generic:
    """Base class of generic classes (unsubscripted: see the header)."""


def cast(typ, val):
    return val


def overload(func):
    return func


def no_type_check(arg):
    return arg
