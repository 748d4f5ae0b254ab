# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: CPython's string module (the constants, capwords, Template)
# in pure Python, because MicroPython has none.  Template parses by hand with
# CPython's default pattern (MicroPython's re has no named groups); a subclass
# may change `delimiter`, not `idpattern`/`pattern`.  No Formatter.

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    # str.capitalize (which MicroPython's str lacks): first upper, rest lower
    return (sep or " ").join(w[:1].upper() + w[1:].lower() for w in s.split(sep))


_ID_START = "_" + ascii_letters
_ID_CHARS = _ID_START + digits


class Template:
    """$name, ${name} and $$ substitution (PEP 292)."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (text, kind, name, index): kind is None (plain text), 'escaped',
        # 'named', 'braced' or 'invalid', as the groups of CPython's pattern.
        s, d = self.template, self.delimiter
        pos = 0
        while True:
            i = s.find(d, pos)
            if i < 0:
                yield s[pos:], None, None, len(s)
                return
            yield s[pos:i], None, None, i
            j = i + len(d)
            if s.startswith(d, j):
                yield d, "escaped", None, i
                pos = j + len(d)
            elif j < len(s) and s[j] in _ID_START:
                k = j + 1
                while k < len(s) and s[k] in _ID_CHARS:
                    k += 1
                yield s[i:k], "named", s[j:k], i
                pos = k
            elif s.startswith("{", j):
                k = j + 1
                if k < len(s) and s[k] in _ID_START:
                    k += 1
                    while k < len(s) and s[k] in _ID_CHARS:
                        k += 1
                    if s.startswith("}", k):
                        yield s[i : k + 1], "braced", s[j + 1 : k], i
                        pos = k + 1
                        continue
                yield d, "invalid", None, i
                pos = j
            else:
                yield d, "invalid", None, i
                pos = j

    def _invalid(self, i):
        i += len(self.delimiter)  # CPython's position: where its 'invalid' group starts
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            return _Chain(kws, mapping)
        return mapping

    def substitute(self, mapping=None, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        for text, kind, name, i in self._scan():
            if kind is None or kind == "escaped":
                out.append(text)
            elif kind == "invalid":
                self._invalid(i)
            else:
                out.append(str(mapping[name]))
        return "".join(out)

    def safe_substitute(self, mapping=None, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        for text, kind, name, i in self._scan():
            if kind in ("named", "braced"):
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(text)
            else:
                out.append(text)
        return "".join(out)

    def is_valid(self):
        return all(kind != "invalid" for _, kind, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for _, kind, name, i in self._scan():
            if kind in ("named", "braced") and name not in ids:
                ids.append(name)
            elif kind == "invalid":
                self._invalid(i)
        return ids


class _Chain:
    # CPython's ChainMap(kws, mapping) as far as Template looks things up.
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)
