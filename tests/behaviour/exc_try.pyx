"""try / except / else / finally inside Cython."""

def classify(f):
    log = []
    try:
        log.append("try")
        f()
    except ValueError as e:
        log.append("except ValueError %s" % e)
    except (KeyError, IndexError) as e:
        log.append("except lookup %s" % type(e).__name__)
    except Exception:
        log.append("except Exception")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

def finally_on_return(list log):
    try:
        log.append("body")
        return "returned"
    finally:
        log.append("finally ran")

def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def finally_on_exception(list log):
    try:
        raise IndexError("k")
    finally:
        log.append("finally during exception")

def nested_try():
    log = []
    try:
        try:
            raise ValueError("inner")
        except TypeError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append("outer caught %s" % e)
    return log

def bare_except(f):
    try:
        f()
    except:
        return "bare caught"
    return "nothing"

def exception_in_else():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise RuntimeError("from else")

def exception_in_handler():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")

def loop_with_try(int n):
    cdef int i
    out = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            if i == 4:
                continue
            if i == 7:
                break
            out.append(i)
        except ValueError as e:
            out.append("E%s" % e.args[0])
        finally:
            out.append("f")
    return out

def c_typed_try(int a, int b):
    cdef int result
    try:
        if b == 0:
            raise ZeroDivisionError("b is zero")
        result = a // b
    except ZeroDivisionError:
        result = -1
    return result

def catch_base(f):
    try:
        f()
    except ArithmeticError as e:
        return "ArithmeticError family: " + type(e).__name__
    except LookupError as e:
        return "LookupError family: " + type(e).__name__

def exception_value_kept():
    saved = None
    try:
        raise ValueError("kept")
    except ValueError as e:
        saved = e
    return type(saved).__name__, saved.args

def with_statement(cm, fail):
    with cm as value:
        if fail:
            raise ValueError("inside with")
        return value


import sys


def sys_exc_info():
    """sys.exc_info() in Cython code: the exception being handled, nested
    handlers, and nothing once the handler is left."""
    out = [sys.exc_info()[0]]
    try:
        raise KeyError("outer")
    except KeyError:
        out.append(sys.exc_info()[0].__name__)
        try:
            raise ValueError("inner")
        except ValueError:
            # MP-DIFF: the third item is None (MicroPython's sys.exc_info)
            t, v = sys.exc_info()[:2]
            out.append((t.__name__, v.args))
        out.append(sys.exc_info()[1].args)
    out.append(sys.exc_info())
    return out


def handles_its_own():
    """An except block of its own: Cython saves the exception being handled
    on entry and restores it on exit."""
    try:
        raise KeyError("inner")
    except KeyError:
        pass
    return sys.exc_info()[0]


def gen_in_except():
    try:
        yield 1
    except ValueError:
        yield 2
    yield sys.exc_info()[0]


def calls_in_except(f):
    """A call from an except block to code that handles an exception of its
    own (MicroPython's VM clears sys.exc_info() when that block ends): the
    caller's exception being handled is still its own after the call."""
    try:
        raise KeyError("mine")
    except KeyError:
        f()
        t, v = sys.exc_info()[:2]
        return t.__name__, v.args
