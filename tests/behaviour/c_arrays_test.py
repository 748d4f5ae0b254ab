# C arrays: fixed size, 2-D, conversion to/from Python lists, memset/memcpy
import c_arrays as m
from checks import check


check(m.fill_and_sum, 10)
check(m.fill_and_sum, 0)
check(m.fill_and_sum, 11)
check(m.to_list)
print(type(m.to_list()).__name__)
check(m.from_list, [1, 2, 3, 4.5])
check(m.from_list, (0.25, 0, -1, 8))
check(m.from_list, [1])
check(m.initialised)
check(m.matrix, 0)
check(m.matrix, 100)
check(m.transpose_trace)
check(m.zeroed)
check(m.copy_array)
check(m.char_buffer, b"hello, world")
check(m.char_buffer, b"a much longer text than fits")
check(m.histogram, [1, 2, 3, 4, 5, 6, 7, 10, 15])
