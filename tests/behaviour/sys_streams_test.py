# sys.stdout / sys.stderr replaced from Cython code, print()'s arguments,
# PySys_SetObject / PySys_GetObject. (Python code's own print() and
# sys.stdout are the interpreter's: on MicroPython a replacement made in
# Cython code is not seen there, see DIFFERENCES.md; not tested here.)
import sys_streams as m
from checks import check

print("captured stdout")
print(m.captured_stdout(m.prints, 1, "two"))
print(m.captured_stdout(m.write_functions))
print("print(file=)")
check(m.print_to, m.Collect(), 1, 2, 3)
check(m.print_to, m.Collect(), "a", "b", sep="", end="")
check(m.print_to, m.Collect())
check(m.flush_count)
check(m.print_bad_sep)
check(m.print_bad_end)
check(m.print_bad_write)
check(m.captured_stdout, m.print_bad_write)
print("captured stderr")
err = m.captured_stderr(m.unraisable).splitlines()
print(err[0])
print(err[-1])
err = m.captured_stderr(m.write_functions).splitlines()
print(err)
err = m.captured_stderr(m.warn_to_stderr)
print("UserWarning: careful" in err)
print("sys attributes")
check(m.set_get_del)
try:
    m.del_missing()
except AttributeError:
    print("  raised AttributeError")
check(m.set_null_missing)
check(m.set_null_present)
check(m.get_missing)
check(m.stdout_is_replaced_object)
