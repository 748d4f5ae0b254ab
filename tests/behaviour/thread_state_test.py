# PyThreadState_Swap: attached in Python code, none after swapping out and
# inside `with nogil`, swapped back to the same state.
import thread_state as m
from checks import check

print("thread state")
check(m.swap_states)

print("thread dict")
d = m.thread_dict()
print(type(d).__name__, d is m.thread_dict())
d["mine"] = 1
print(m.thread_dict()["mine"])
