# An exception raised in a .pyx and never caught: the script dies with a
# traceback. stdout and the exit status are compared with CPython; stderr is
# only searched for the lines below (traceback formats differ).
# EXPECT-TRACEBACK: File "tb_uncaught.pyx", line 5, in inner
# EXPECT-TRACEBACK: File "tb_uncaught.pyx", line 9, in middle
# EXPECT-TRACEBACK: File "tb_uncaught.pyx", line 15, in outer
# EXPECT-EXCEPTION: ValueError: too big: 3
import tb_uncaught as m

print(m.outer(3))
print("about to fail")
print(m.outer(10))
print("not reached")
