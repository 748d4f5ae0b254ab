# Another thread gets its turn while a Cython loop polls it through calls:
# a MicroPython thread, then two Cython loops waiting on each other.
# USES: thread_state
import _thread

import thread_gil_calls as m
import thread_state


class Flag:
    def __init__(self):
        self.value = False

    def set(self):
        self.value = True

    def is_set(self):
        return self.value


print("a thread sets what a Cython loop polls")
seen = []
_thread.start_new_thread(seen.append, (1,))
print(m.poll(lambda: len(seen) > 0))

print("two Cython loops, each waiting for the other")
ping, pong, finished = Flag(), Flag(), Flag()


def other():
    m.poll_method(ping)
    pong.set()
    finished.set()


_thread.start_new_thread(other, ())
ping.set()
print(m.poll_method(pong))
print(m.poll_method(finished))

print("each thread its own thread dict")
mine = thread_state.thread_dict()
mine["main"] = True
theirs = []
_thread.start_new_thread(lambda: theirs.append(thread_state.thread_dict()), ())
print(m.poll(lambda: len(theirs) > 0))
print(theirs[0] is not mine, "main" in theirs[0], type(theirs[0]).__name__)
