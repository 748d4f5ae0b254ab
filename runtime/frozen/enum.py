"""enum for MicroPython, written for mpcython: CPython 3.11's Enum, IntEnum,
Flag, IntFlag, auto and unique, for what Cython's cpdef enums and common
code use (docs/enum.md).

MicroPython has no metaclasses, and a type can be neither iterated nor
subscripted, so an enumeration is an instance of EnumType that stands for
the class: `class Color(Enum)` calls type(Enum), which is EnumType, as a
metaclass would be called. Its members are instances of a real class made
for it (type(Color.RED)), a subclass of int for IntEnum and IntFlag."""

from collections import OrderedDict


def _bits(n):
    # int.bit_length(), which MicroPython's int lacks (n >= 0)
    return len(bin(n)) - 2 if n else 0


def _int(o):
    return int(o) if isinstance(o, int) else o


class auto:
    _count = 0

    def __init__(self):
        # the creation order stands for the definition order, which
        # MicroPython's class namespace does not keep
        auto._count += 1
        self._n = auto._count


class _Member:
    # the members of every enumeration; EnumType sets _enum_ on the class
    # made for each one, _name_ and _value_ on each member

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        e = self._enum_.__name__
        if self._name_ is None:
            return "<%s: %r>" % (e, self._value_)
        return "<%s.%s: %r>" % (e, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self._enum_.__name__, self._name_)

    def __format__(self, spec):
        return ("{:%s}" % spec).format(str(self))

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        # pickle and copy: the member looked up by value, as CPython's
        return self._enum_, (self._value_,)


class _IntMember(_Member, int):
    # str() and format() are the int's; MicroPython asks the right operand
    # of an int operator only for its reflected method
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return ("{:%s}" % spec).format(self._value_)

    def __hash__(self):
        return hash(self._value_)

    # nor can MicroPython's int compare itself with an instance of a subclass
    def __lt__(self, o):
        return self._value_ < _int(o)

    def __le__(self, o):
        return self._value_ <= _int(o)

    def __gt__(self, o):
        return self._value_ > _int(o)

    def __ge__(self, o):
        return self._value_ >= _int(o)

    def __radd__(self, o):
        return o + self._value_

    def __rsub__(self, o):
        return o - self._value_

    def __rmul__(self, o):
        return o * self._value_

    def __rtruediv__(self, o):
        return o / self._value_

    def __rfloordiv__(self, o):
        return o // self._value_

    def __rmod__(self, o):
        return o % self._value_

    def __rpow__(self, o):
        return o**self._value_

    def __rlshift__(self, o):
        return o << self._value_

    def __rrshift__(self, o):
        return o >> self._value_

    def __rand__(self, o):
        return o & self._value_

    def __ror__(self, o):
        return o | self._value_

    def __rxor__(self, o):
        return o ^ self._value_


class _FlagOps:
    def _other(self, o):
        e = self._enum_
        if isinstance(o, e._member_class_):
            return o._value_
        if e._int_ and isinstance(o, int):
            return int(o)

    def __or__(self, o):
        v = self._other(o)
        return NotImplemented if v is None else self._enum_(self._value_ | v)

    def __and__(self, o):
        v = self._other(o)
        return NotImplemented if v is None else self._enum_(self._value_ & v)

    def __xor__(self, o):
        v = self._other(o)
        return NotImplemented if v is None else self._enum_(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        e = self._enum_
        return e(~self._value_ if e._int_ else e._singles_mask_ & ~self._value_)

    def __iter__(self):
        v = self._value_
        return iter([m for m in self._enum_._singles_ if m._value_ & v])

    def __len__(self):
        return len(list(self.__iter__()))

    def __contains__(self, o):
        if not isinstance(o, self._enum_._member_class_):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(o).__name__, self._enum_.__name__)
            )
        return o._value_ & self._value_ == o._value_

    def __bool__(self):
        return bool(self._value_)


class _FlagMember(_FlagOps, _Member):
    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self._enum_.__name__, self._value_)
        return _Member.__str__(self)


class _IntFlagMember(_FlagMember, _IntMember):
    # a Flag and an int: the int's text and hash
    __str__ = _IntMember.__str__
    __format__ = _IntMember.__format__
    __hash__ = _IntMember.__hash__


def _is_member(cls_name, k, v):
    # CPython's rules, with callable() for "descriptor": MicroPython's
    # functions have no __get__
    if k[:1] == "_" and (k[-1:] == "_" or k.startswith("_%s__" % cls_name)):
        return False
    return not (
        (callable(v) and not isinstance(v, type))
        or isinstance(v, (classmethod, staticmethod, property))
        or hasattr(v, "__get__")
    )


class EnumType:
    """The type of every enumeration (CPython's metaclass of Enum)."""

    def __reduce_ex__(self, proto):
        # pickle: an enumeration by reference (its module and name), as a class
        return self.__qualname__

    @staticmethod
    def __prepare__(name, bases, **kw):
        # Cython's class creation asks for it: a .pyx class body keeps its order
        return OrderedDict()

    def __init__(self, name, bases, ns, _items=None, _start=1):
        if len(bases) != 1 or type(bases[0]) is not EnumType:
            raise TypeError("%s: an enumeration's one base must be an enumeration" % name)
        base = bases[0]
        if base._member_names_:
            raise TypeError("<enum %r> cannot extend %r" % (name, base))
        if "__new__" in ns:
            raise TypeError("%s: __new__ in an enumeration is not supported on MicroPython" % name)
        self.__name__ = name
        self.__qualname__ = ns.get("__qualname__") or name
        self.__module__ = ns.get("__module__")
        self.__doc__ = ns.get("__doc__")
        self._flag_ = base._flag_
        self._int_ = base._int_
        methods = {}
        if _items is None:
            _items = []
            for k, v in ns.items():
                if _is_member(name, k, v):
                    _items.append((k, v))
                elif k not in ("__module__", "__qualname__", "__doc__"):
                    methods[k] = v
            if type(ns) is not OrderedDict:
                _items = _in_order(name, _items)
        cls = type(name, (base._member_class_,), methods)
        cls._enum_ = self
        self._member_class_ = cls
        self._member_names_ = []
        self._member_map_ = OrderedDict()
        self._value2member_map_ = {}
        self._singles_ = []
        self._flag_mask_ = self._singles_mask_ = 0
        last = []
        for k, v in _items:
            if isinstance(v, auto):
                v = self._next_value(_start, last)
            last.append(v)
            self._add(k, v)
        self._all_bits_ = (1 << _bits(self._flag_mask_)) - 1

    def _next_value(self, start, last):
        if not last:
            return start
        if self._flag_:
            return 1 << _bits(max(last))
        return last[-1] + 1

    def _add(self, k, v):
        old = self._find(v)
        if old is None:
            cls = self._member_class_
            if self._int_:
                v = int(v)
                m = cls(v)
            else:
                m = object.__new__(cls)
                if hasattr(cls, "__init__"):
                    m.__init__(*(v if type(v) is tuple else (v,)))
            m._name_ = k
            m._value_ = v
            canonical = True
            if self._flag_:
                self._flag_mask_ |= v
                canonical = v and not v & (v - 1)
                if canonical:
                    self._singles_mask_ |= v
                    self._singles_.append(m)
            if canonical:
                self._member_names_.append(k)
            self._remember(v, m)
            old = m
        self._member_map_[k] = old
        setattr(self, k, old)

    def _find(self, v):
        try:
            return self._value2member_map_.get(v)
        except TypeError:  # an unhashable value
            for m in self._member_map_.values():
                if m._value_ == v:
                    return m

    def _remember(self, v, m):
        try:
            self._value2member_map_[v] = m
        except TypeError:
            pass

    def __call__(self, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            if type is not None:
                raise TypeError("enum: type= is not supported on MicroPython (docs/enum.md)")
            if isinstance(names, str):
                names = names.replace(",", " ").split()
            if hasattr(names, "items"):
                names = names.items()
            items = [(n, auto()) if isinstance(n, str) else tuple(n) for n in names]
            ns = {"__module__": module, "__qualname__": qualname}
            return EnumType(value, (self,), ns, items, start)
        if isinstance(value, self._member_class_):
            return value
        m = self._find(value)
        if m is None:
            m = self._missing(value)
        return m

    def _missing(self, value):
        if not self._flag_ or not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, self.__qualname__))
        if value < 0:
            value = self._all_bits_ + 1 + value
            m = self._find(value)
            if m is not None:
                return m
        if not self._int_ and value & ~self._flag_mask_:
            n = max(_bits(value), _bits(self._flag_mask_))
            raise ValueError(
                "%r invalid value %r\n    given %s\n  allowed %s"
                % (self, value, _bin(value, n), _bin(self._flag_mask_, n))
            )
        cls = self._member_class_
        m = cls(value) if self._int_ else object.__new__(cls)
        names = [s._name_ for s in self._singles_ if s._value_ & value]
        rest = value & ~self._singles_mask_
        if names and rest:
            names.append(str(rest))
        m._name_ = "|".join(names) if names else None
        m._value_ = value
        self._remember(value, m)
        return m

    def __getitem__(self, name):
        return self._member_map_[name]

    def __iter__(self):
        return iter([self._member_map_[k] for k in self._member_names_])

    def __reversed__(self):
        return iter([self._member_map_[k] for k in reversed(self._member_names_)])

    def __len__(self):
        return len(self._member_names_)

    def __bool__(self):
        return True

    def __contains__(self, m):
        if not isinstance(m, _Member):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and 'EnumType'" % type(m).__name__
            )
        return isinstance(m, self._member_class_) and m._name_ in self._member_map_

    def __instancecheck__(self, o):
        return isinstance(o, self._member_class_)

    @property
    def __members__(self):
        return self._member_map_

    def __getattr__(self, k):
        # methods of the class body and the members' other class attributes
        if k != "_member_class_":
            try:
                return getattr(self._member_class_, k)
            except AttributeError:
                pass
        raise AttributeError(k)

    def __repr__(self):
        return "<%s %r>" % ("flag" if self._flag_ else "enum", self.__name__)


EnumMeta = EnumType


def _bin(n, width):
    # CPython's enum.bin() for n >= 0: '0b0 0111'
    return "0b0 " + ("0" * width + bin(n)[2:])[-width:]


def _in_order(name, items):
    # MicroPython's class namespace is a dict without definition order:
    # auto() values keep their creation order, other values go by value
    autos = [1 for k, v in items if isinstance(v, auto)]
    if autos:
        if len(autos) != len(items):
            raise TypeError(
                "%s: auto() beside other values needs the definition order, "
                "which MicroPython's class body does not keep (docs/enum.md)" % name
            )
        return sorted(items, key=lambda kv: kv[1]._n)
    try:
        return sorted(items, key=lambda kv: (kv[1], kv[0]))
    except TypeError:
        return sorted(items)


def _root(name, cls, flag, is_int):
    e = object.__new__(EnumType)
    e.__name__ = e.__qualname__ = name
    e.__module__ = "enum"
    e.__doc__ = None
    e._flag_ = flag
    e._int_ = is_int
    e._member_class_ = cls
    e._member_names_ = []
    e._member_map_ = OrderedDict()
    cls._enum_ = e
    return e


Enum = _root("Enum", _Member, False, False)
IntEnum = _root("IntEnum", type("IntEnum", (_IntMember,), {}), False, True)
Flag = _root("Flag", _FlagMember, True, False)
IntFlag = _root("IntFlag", _IntFlagMember, True, True)


def unique(enumeration):
    dup = [(k, m._name_) for k, m in enumeration.__members__.items() if k != m._name_]
    if dup:
        raise ValueError(
            "duplicate values found in %r: %s"
            % (enumeration, ", ".join("%s -> %s" % d for d in dup))
        )
    return enumeration
