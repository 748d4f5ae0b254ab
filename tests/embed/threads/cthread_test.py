# A C thread calls back into Python through PyGILState_Ensure/Release; a
# callback's exception is printed there (stderr) and the thread goes on.
import _thread
import cthread_mod

main_ident = _thread.get_ident()
calls = []


def cb(i):
    if i == 3:
        raise ValueError("three")
    squares = [j * j for j in range(i * 50)]
    calls.append((i, _thread.get_ident() != main_ident, sum(squares)))
    return i


r = cthread_mod.run_in_c_thread(cb, 6)
print(sorted(r.items()))
for c in calls:
    print(c)
