# PyThreadState_Swap: attached in Python code, none after swapping out and
# inside `with nogil`, swapped back to the same state.
import thread_state as m
from checks import check

print("thread state")
check(m.swap_states)
