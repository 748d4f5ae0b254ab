# C API str: PyUnicode_* creation (also from invalid UTF-8), FromFormat with
# each conversion, AsUTF8AndSize, Decode/Encode with codecs and error handlers,
# Compare/CompareWithASCIIString and the string operations, with their errors
import capi_strings as m


def check(_f, *a):
    try:
        r = _f(*a)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', repr(r))


def check_type(_f, *a):
    # only the exception type: the message comes from the interpreter
    try:
        r = _f(*a)
    except Exception as e:
        print('  raised', type(e).__name__)
    else:
        print('  ->', repr(r))


def check_text(_f, *a):
    # non-ASCII results printed as text (repr() of such a str differs, see DIFFERENCES.md)
    try:
        r = _f(*a)
    except Exception as e:
        print('  raised', type(e).__name__ + ':', e)
    else:
        print('  ->', type(r).__name__, r, [ord(c) for c in r] if isinstance(r, str) else '')


class Boom:
    def __str__(self):
        raise ValueError('no str')

    def __repr__(self):
        raise TypeError('no repr')


print('creation')
check(m.from_string, b'hello')
check_text(m.from_string, b'caf\xc3\xa9 \xe2\x82\xac')
check(m.from_string, b'')
check(m.from_string, b'\xff')
check(m.from_string, b'ab\xc3')
check(m.from_string, b'ab\xc3(z')
check(m.from_string, b'\xed\xa0\x80')
check(m.from_string_and_size, b'abcdef', 3)
check(m.from_string_and_size, b'a\x00b', 3)
check(m.from_string_and_size, b'abc', 0)
check(m.from_string_and_size, b'caf\xc3\xa9', 4)
check(m.from_string_and_size, b'abc', -1)
check(m.intern_twice, b'interned_name')
check_text(m.from_ordinal, 0xe9)
check(m.from_ordinal, 65)
check(m.from_ordinal, 0x110000)
check(m.from_ordinal, -1)

print('FromFormat')
for s in m.format_ints():
    print(' ', s)
for s in m.format_text([1, 'x']):
    print(' ', s)
check(m.format_bad_char, 0x10ffff + 1)
check(m.format_bad_char, -1)
check(m.format_str_raises, Boom())
check(m.format_repr_raises, Boom())

print('UTF-8 views')
check(m.as_utf8_and_size, 'café')
check(m.as_utf8_and_size, '')
check(m.as_utf8_and_size, b'bytes')
check(m.as_utf8_and_size, 5)
check(m.as_utf8, 'plain')
check(m.as_utf8, None)
check(m.get_length, 'café €')
check(m.get_length, b'abc')
check(m.read_char, 'café', 3)
check(m.read_char, 'café', 0)
check(m.read_char, 'café', 4)
check(m.read_char, 'café', -1)
check(m.read_char, b'abc', 0)

print('decode')
check_text(m.decode, b'caf\xc3\xa9', b'utf-8', None)
check_text(m.decode, b'caf\xc3\xa9', None, None)
check_text(m.decode, b'caf\xc3\xa9', b'UTF8', b'strict')
check_text(m.decode, b'caf\xc3\xa9', b'utf_8', None)
check(m.decode, b'plain', b'ascii', None)
check(m.decode, b'caf\xc3\xa9', b'ascii', None)
check(m.decode, b'caf\xc3\xa9', b'ascii', b'strict')
check(m.decode, b'caf\xc3\xa9', b'ascii', b'ignore')
check_text(m.decode, b'caf\xc3\xa9', b'ascii', b'replace')
check_text(m.decode, b'caf\xe9', b'latin-1', None)
check_text(m.decode, b'caf\xe9', b'latin1', None)
check_text(m.decode, b'caf\xe9', b'ISO-8859-1', None)
check(m.decode, b'caf\xe9', b'utf-8', None)
check(m.decode, b'caf\xe9!', b'utf-8', b'ignore')
check_text(m.decode, b'caf\xe9!', b'utf-8', b'replace')
check(m.decode, b'\xc3', b'utf-8', None)
check(m.decode, b'\xe2\x82', b'utf-8', None)
check(m.decode, b'\xe2\x28\xa1', b'utf-8', None)
check(m.decode, b'caf\xe9', b'utf-8', b'bogus-handler')
check(m.decode, b'cafe', b'utf-8', b'bogus-handler')
check(m.decode, b'abc', b'no-such-codec', None)
check(m.decode_utf8, b'abcdef', 2)
check(m.decode_ascii, b'abc')
check(m.decode_ascii, b'\x80')
check_text(m.decode_latin1, b'\xff\x00A')
check_text(m.from_encoded_object, b'caf\xc3\xa9', b'utf-8')
check_text(m.from_encoded_object, bytearray(b'caf\xe9'), b'latin-1')
check(m.from_encoded_object, 'already str', b'utf-8')
check(m.from_encoded_object, 5, b'utf-8')

print('encode')
check(m.encode, 'café', b'utf-8', None)
check(m.encode, 'café', None, None)
check(m.encode, 'plain', b'ascii', None)
check(m.encode, 'café', b'ascii', None)
check(m.encode, 'caféé', b'ascii', b'strict')
check(m.encode, 'café!', b'ascii', b'ignore')
check(m.encode, 'café!', b'ascii', b'replace')
check(m.encode, 'café', b'latin-1', None)
check(m.encode, 'a€b', b'latin-1', None)
check(m.encode, 'a€b', b'latin-1', b'replace')
check(m.encode, 'abc', b'no-such-codec', None)
check(m.encode, b'abc', b'utf-8', None)
check(m.as_utf8_string, 'é')
check(m.as_utf8_string, 1)
check(m.as_ascii_string, 'abc')
check(m.as_ascii_string, 'aé')
check(m.as_latin1_string, 'aé')
check(m.as_latin1_string, '€')

print('operations')
check(m.substring, 'hello', 1, 3)
check_text(m.substring, 'héllo', 1, 100)
check(m.substring, 'hello', 3, 1)
check(m.concat, 'ab', 'cd')
check(m.concat, 'ab', 1)
check(m.concat, 1, 'ab')
check(m.join, '-', ['a', 'b', 'c'])
check(m.join, '-', [])
check_type(m.join, '-', ['a', 1])
check(m.split, 'a b  c', None, -1)
check(m.split, 'a,b,c', ',', 1)
check_type(m.split, 'a,b', 1, -1)
check(m.replace, 'aaaa', 'a', 'b', 2)
check(m.replace, 'aaaa', 'a', 'b', -1)
check(m.find, 'hello', 'l', 0, 5, 1)
check(m.find, 'hello', 'l', 0, 5, -1)
check(m.find, 'hello', 'z', 0, 5, 1)
check(m.find, 'hello', 'l', 0, 2, 1)
check(m.count, 'banana', 'a', 0, 100)
check(m.count, 'banana', 'an', 2, 6)
check(m.tailmatch, 'hello', 'he', 0, 5, -1)
check(m.tailmatch, 'hello', 'lo', 0, 5, 1)
check(m.tailmatch, 'hello', 'he', 1, 5, -1)
check(m.contains, 'hello', 'ell')
check(m.contains, 'hello', 'xyz')
check(m.contains, 'hello', 5)
check(m.format_op, '%s-%d', ('a', 3))
check_type(m.format_op, '%d', ('a',))
check(m.splitlines, 'a\nb\r\nc', False)
check(m.splitlines, 'a\nb\n', True)
check(m.is_identifier, 'abc_1')
check(m.is_identifier, '1abc')
check(m.is_identifier, '')
check(m.is_identifier, 'a-b')

print('compare')
check(m.compare, 'abc', 'abd')
check(m.compare, 'abc', 'abc')
check(m.compare, 'b', 'abc')
check(m.compare, 'ab', 'abc')
check(m.compare, 'é', 'z')
check(m.compare, 'abc', 1)
check(m.compare, None, 'abc')
check(m.compare_ascii, 'abc', b'abc')
check(m.compare_ascii, 'abd', b'abc')
check(m.compare_ascii, 'ab', b'abc')
check(m.compare_ascii, 'abc', b'ab')
check(m.compare_ascii, 'é', b'z')
check(m.compare_ascii, '', b'')
for op in range(6):
    check(m.rich_compare, 'a', 'b', op)
check(m.rich_compare, 'a', 1, 2)
check(m.rich_compare, 'a', 1, 3)
check(m.rich_compare, 'a', 1, 0)
check(m.rich_compare, 1, 'a', 4)

print('checks')
for v in ('x', b'x', 1, None):
    print(' ', m.checks(v))
print('more codec errors')
check_text(m.decode, b'a\xe2\x28\xa1b', b'utf-8', b'replace')
check(m.decode, b'a\xe2\x28\xa1b', b'utf-8', b'backslashreplace')
check_text(m.decode, b'\xe2\x82', b'utf-8', b'replace')
check_text(m.decode, b'\xf0\x9f\x98\x80 \xf0\x9f\x98', b'utf-8', b'replace')
check(m.decode, b'\xf0\x9f\x98', b'utf-8', None)
check(m.decode, b'\xf5\x80', b'utf-8', None)
check(m.decode, b'\xc0\xaf', b'utf-8', None)
check(m.decode, b'\xf4\x90\x80\x80', b'utf-8', None)
check(m.decode, b'\xe0\x80\x80', b'utf-8', None)
check(m.decode, b'ab\x80\x81', b'ascii', b'backslashreplace')
check(m.encode, 'x€y😀', b'ascii', b'backslashreplace')
check(m.encode, 'a😀b', b'ascii', None)
check(m.encode, 'é', b'latin-1', b'bogus')
check(m.encode, 'e', b'latin-1', b'bogus')
