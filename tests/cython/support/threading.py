# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: CPython's threading API over MicroPython's _thread, because
# MicroPython has no threading module.  Real threads and real blocking:
# Thread.join waits for the thread's end, RLock is reentrant and checks its
# owner, Condition/Event/Semaphore/Barrier follow CPython's algorithms,
# local keeps one attribute dict per thread.
# MicroPython's lock.acquire ignores a timeout, so waits with a timeout poll
# a non-blocking acquire every millisecond.
import sys
import time
import _thread

get_ident = _thread.get_ident
ThreadError = RuntimeError  # CPython's _thread.error
TIMEOUT_MAX = 2147483.0


class BrokenBarrierError(RuntimeError):
    pass


def _acquire(lock, blocking=True, timeout=-1):
    """lock.acquire with CPython's blocking/timeout arguments."""
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return lock.acquire(0)
    if timeout is None or timeout == -1:
        return lock.acquire(1)
    if timeout < 0:
        raise ValueError("timeout value must be a non-negative number")
    deadline = time.ticks_add(time.ticks_ms(), int(timeout * 1000))
    while not lock.acquire(0):
        if time.ticks_diff(deadline, time.ticks_ms()) <= 0:
            return False
        time.sleep_ms(1)
    return True


class Lock:
    """A primitive lock (any thread may release it)."""

    def __init__(self):
        self._lock = _thread.allocate_lock()

    def acquire(self, blocking=True, timeout=-1):
        return _acquire(self._lock, blocking, timeout)

    def release(self):
        if not self._lock.locked():
            raise RuntimeError("release unlocked lock")
        self._lock.release()

    def locked(self):
        return self._lock.locked()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    # For Condition: a plain lock is owned if it is held.
    def _is_owned(self):
        return self._lock.locked()

    def _release_save(self):
        self.release()

    def _acquire_restore(self, state):
        self.acquire()


class RLock:
    """A reentrant lock: the owning thread may acquire it again; only the
    owner may release it, as many times as it acquired it."""

    def __init__(self):
        self._block = _thread.allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if _acquire(self._block, blocking, timeout):
            self._owner = me
            self._count = 1
            return True
        return False

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, *args):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        # Condition.wait: release all levels, remember them.
        if not self._is_owned():
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state


class Condition:
    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = []  # one locked lock per waiting thread

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        if not self._lock._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _thread.allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._lock._release_save()
        gotit = False
        try:
            if timeout is None:
                gotit = waiter.acquire()
            elif timeout > 0:
                gotit = _acquire(waiter, True, timeout)
            else:
                gotit = waiter.acquire(0)
            return gotit
        finally:
            self._lock._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = time.time() + waittime
                else:
                    waittime = endtime - time.time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._lock._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken, self._waiters = self._waiters[:n], self._waiters[n:]
        for waiter in woken:
            waiter.release()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            if blocking:
                rc = self._cond.wait_for(lambda: self._value > 0, timeout)
            else:
                rc = self._value > 0
            if rc:
                self._value -= 1
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class Barrier:
    """N threads wait until all N have called wait(); CPython's algorithm:
    state 0 filling, 1 draining, -1 resetting, -2 broken."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()  # the last one in lets everybody go
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):  # wait until the previous round is out
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()  # timed out
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0 and self._state in (-1, 1):
            self._state = 0
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 0 else 0

    @property
    def broken(self):
        return self._state == -2


# Threads started here (and the main thread), by ident.
class local:
    """Attributes seen by one thread each (Cython's dataclass __repr__ keeps
    its recursion guard in one). A thread's dict stays until the object goes."""

    def __init__(self, *args, **kw):
        if (args or kw) and type(self).__init__ is local.__init__:
            raise TypeError("Initialization arguments are not supported")
        object.__setattr__(self, "_local__dicts", {})

    def _local__dict(self):
        return self._local__dicts.setdefault(get_ident(), {})

    def __getattr__(self, name):
        try:
            return self._local__dict()[name]
        except KeyError:
            raise AttributeError(
                "'%s' object has no attribute '%s'" % (type(self).__name__, name)
            ) from None

    def __setattr__(self, name, value):
        self._local__dict()[name] = value

    def __delattr__(self, name):
        try:
            del self._local__dict()[name]
        except KeyError:
            raise AttributeError(name) from None


_active = {}
_active_lock = _thread.allocate_lock()
_counter = [0]


def _newname(template):
    with _active_lock:
        _counter[0] += 1
        return template % _counter[0]


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name is None:
            name = _newname("Thread-%d")
            tname = getattr(target, "__name__", None)
            if tname is not None:
                name += " (%s)" % tname
        self._target, self._args, self._kwargs = target, args, kwargs or {}
        self._name = str(name)
        self._daemon = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._started = Event()
        self._is_stopped = False
        self._done = _thread.allocate_lock()  # held while the thread runs

    def start(self):
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        self._done.acquire()
        try:
            _thread.start_new_thread(self._bootstrap, ())
        except BaseException:
            self._done.release()
            raise
        self._started.wait()

    def _bootstrap(self):
        self._ident = get_ident()
        with _active_lock:
            _active[self._ident] = self
        self._started.set()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:  # CPython's threading.excepthook
            print("Exception in thread %s:" % self._name, file=sys.stderr)
            sys.print_exception(e, sys.stderr)
        finally:
            with _active_lock:
                _active.pop(self._ident, None)
            self._is_stopped = True
            self._done.release()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._done.acquire()
            self._done.release()
        elif _acquire(self._done, True, max(timeout, 0)):
            self._done.release()

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    native_id = ident

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, daemonic):
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemon = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def __repr__(self):
        status = "started" if self._started.is_set() else "initial"
        if self._is_stopped:
            status = "stopped"
        if self._daemon:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _ForeignThread(Thread):
    # The main thread, or one started with _thread directly: already running.
    def __init__(self, name, daemon):
        Thread.__init__(self, name=name, daemon=daemon)
        self._ident = get_ident()
        self._started.set()
        with _active_lock:
            _active[self._ident] = self

    def join(self, timeout=None):
        raise RuntimeError("cannot join a thread not started by threading")


_main_thread = _ForeignThread("MainThread", False)


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _ForeignThread(_newname("Dummy-%d"), True)


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    with _active_lock:
        return len(_active)


activeCount = active_count


def enumerate():
    with _active_lock:
        return list(_active.values())


def _shutdown():
    # CPython waits for the non-daemon threads before the interpreter exits.
    for t in enumerate():
        if not t.daemon and t is not _main_thread and t.is_alive():
            t.join()


if hasattr(sys, "atexit"):
    sys.atexit(_shutdown)
