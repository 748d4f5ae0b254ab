"""CPython's built-in exception names and warning categories in Cython code:
looked up when the module is imported (Cython caches them) and when it runs.
MicroPython lacks many; the layer defines them with CPython's bases."""


def builtin_classes():
    return [
        ("BaseException", BaseException),
        ("Exception", Exception),
        ("ArithmeticError", ArithmeticError),
        ("AssertionError", AssertionError),
        ("AttributeError", AttributeError),
        ("EOFError", EOFError),
        ("GeneratorExit", GeneratorExit),
        ("ImportError", ImportError),
        ("IndentationError", IndentationError),
        ("IndexError", IndexError),
        ("KeyError", KeyError),
        ("KeyboardInterrupt", KeyboardInterrupt),
        ("LookupError", LookupError),
        ("MemoryError", MemoryError),
        ("NameError", NameError),
        ("NotImplementedError", NotImplementedError),
        ("OSError", OSError),
        ("OverflowError", OverflowError),
        ("RuntimeError", RuntimeError),
        ("StopIteration", StopIteration),
        ("SyntaxError", SyntaxError),
        ("SystemExit", SystemExit),
        ("TypeError", TypeError),
        ("ValueError", ValueError),
        ("ZeroDivisionError", ZeroDivisionError),
        ("UnicodeError", UnicodeError),
        ("IOError", IOError),
        ("EnvironmentError", EnvironmentError),
        ("Warning", Warning),
        ("UserWarning", UserWarning),
        ("DeprecationWarning", DeprecationWarning),
        ("PendingDeprecationWarning", PendingDeprecationWarning),
        ("RuntimeWarning", RuntimeWarning),
        ("SyntaxWarning", SyntaxWarning),
        ("FutureWarning", FutureWarning),
        ("ImportWarning", ImportWarning),
        ("UnicodeWarning", UnicodeWarning),
        ("BytesWarning", BytesWarning),
        ("ResourceWarning", ResourceWarning),
        ("EncodingWarning", EncodingWarning),
        ("BufferError", BufferError),
        ("SystemError", SystemError),
        ("ReferenceError", ReferenceError),
        ("FloatingPointError", FloatingPointError),
        ("RecursionError", RecursionError),
        ("ModuleNotFoundError", ModuleNotFoundError),
        ("UnboundLocalError", UnboundLocalError),
        ("TabError", TabError),
        ("UnicodeDecodeError", UnicodeDecodeError),
        ("UnicodeEncodeError", UnicodeEncodeError),
        ("UnicodeTranslateError", UnicodeTranslateError),
        ("FileNotFoundError", FileNotFoundError),
        ("FileExistsError", FileExistsError),
        ("PermissionError", PermissionError),
        ("IsADirectoryError", IsADirectoryError),
        ("NotADirectoryError", NotADirectoryError),
        ("InterruptedError", InterruptedError),
        ("BlockingIOError", BlockingIOError),
        ("ChildProcessError", ChildProcessError),
        ("ProcessLookupError", ProcessLookupError),
        ("TimeoutError", TimeoutError),
        ("ConnectionError", ConnectionError),
        ("BrokenPipeError", BrokenPipeError),
        ("ConnectionAbortedError", ConnectionAbortedError),
        ("ConnectionRefusedError", ConnectionRefusedError),
        ("ConnectionResetError", ConnectionResetError),
    ]

def aliases():
    return (IOError is OSError, EnvironmentError is OSError, IOError is EnvironmentError)


def raise_and_catch(cls, *args):
    """Raise `cls(*args)` from Cython code; which clause catches it."""
    try:
        raise cls(*args)
    except IOError as e:
        return ("IOError", type(e).__name__, e.args)
    except (ArithmeticError, LookupError) as e:
        return ("ArithmeticError/LookupError", type(e).__name__, e.args)
    except DeprecationWarning as e:
        return ("DeprecationWarning", type(e).__name__, e.args)
    except Warning as e:
        return ("Warning", type(e).__name__, e.args)
    except (UnicodeError, ValueError) as e:
        return ("UnicodeError/ValueError", type(e).__name__, e.args)
    except Exception as e:
        return ("Exception", type(e).__name__, e.args)
    except BaseException as e:
        return ("BaseException", type(e).__name__, e.args)


def open_missing():
    try:
        raise FileNotFoundError(2, "No such file or directory")
    except EnvironmentError as e:
        return (type(e).__name__, e.args, isinstance(e, OSError), isinstance(e, ConnectionError))


class MyWarning(UserWarning):
    pass


class MyConnectionError(ConnectionResetError):
    pass


def subclasses():
    return (issubclass(MyWarning, Warning), issubclass(MyWarning, Exception), issubclass(MyConnectionError, OSError),
            raise_and_catch(MyWarning, "w"), raise_and_catch(MyConnectionError, "c"))


cdef extern from "Python.h":
    # A borrowed reference: cast to object below, which takes its own.
    void *PyEval_GetBuiltins()


def builtins_dict():
    """The dict of PyEval_GetBuiltins: every builtin, the exception names,
    __debug__; read through the mapping protocol, as Cython's code does."""
    d = <object>PyEval_GetBuiltins()
    return (d["len"]([1, 2, 3]), d["ResourceWarning"] is ResourceWarning, d["IOError"] is OSError,
            d["__debug__"], "FileNotFoundError" in d, "no_such_builtin" in d)


# Known to Cython as a module global (else it refuses the unknown name), then
# removed: looking it up falls back to the builtins.
mpcy_test_builtin = None
del mpcy_test_builtin


def builtins_module(value):
    """`import builtins` in Cython code: one namespace with Python code's (a
    name stored there is a builtin for Python code and for Cython's own name
    lookups, and gone again when deleted)."""
    import builtins
    found = (builtins.len is len, builtins.print("printed by builtins.print") is None,
             builtins.TimeoutError is TimeoutError)
    builtins.mpcy_test_builtin = value
    return found, mpcy_test_builtin


def builtins_module_delete():
    import builtins
    del builtins.mpcy_test_builtin
    try:
        mpcy_test_builtin
    except NameError:
        return "deleted"
    return "still there"
