# C API bytes/bytearray: creation (also filled in place), AsString /
# AsStringAndSize (embedded NUL), Size, Concat, FromObject, FromFormat,
# with the errors for wrong types and negative sizes
import capi_bytes as m
from checks import check, check_type


print('bytes')
check(m.from_string, b'abc')
check(m.from_string, b'')
check(m.from_string_and_size, b'abcdef', 4)
check(m.from_string_and_size, b'a\x00b\xff', 4)
check(m.filled_in_place, b'hello')
check(m.filled_in_place, b'')
check(m.negative_size)
check(m.from_format, -12, b'txt')
check(m.from_object, b'same')
check(m.from_object, bytearray(b'ba'))
check(m.from_object, [65, 66])
check(m.from_object, (1, 2, 255))
check(m.from_object, memoryview(b'mv'))
check_type(m.from_object, 'str')
check_type(m.from_object, 5)
check_type(m.from_object, [256])
check(m.as_string, b'xyz')
check(m.as_string, 'xyz')
check(m.as_string, bytearray(b'x'))
check(m.as_string_and_size, b'a\x00b')
check(m.as_string_and_size, None)
check(m.as_string_no_size, b'plain')
check(m.as_string_no_size, b'a\x00b')
check(m.size, b'1234')
check(m.size, b'')
check(m.size, [1, 2])
check(m.concat, b'ab', b'cd')
check(m.concat, b'ab', bytearray(b'cd'))
check(m.concat, b'ab', 'cd')
check(m.concat, b'ab', 5)
for v in (b'x', bytearray(b'x'), 'x', None):
    print(' ', m.checks(v))

print('bytearray')
check(m.bytearray_from, b'abcdef', 3)
check(m.bytearray_from, b'', 0)
check(m.bytearray_zeroed, 4)
check(m.bytearray_negative)
check(m.bytearray_from_object, b'xy')
check(m.bytearray_from_object, [1, 2])
check(m.bytearray_from_object, bytearray(b'copy'))
check_type(m.bytearray_from_object, 'str')
check_type(m.bytearray_from_object, None)
check(m.bytearray_modify, bytearray(b'abcd'))
check(m.bytearray_modify, bytearray())

