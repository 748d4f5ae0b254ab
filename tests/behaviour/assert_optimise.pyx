"""Cython's assert statements and the interpreter's optimisation level."""


def asserts_run():
    try:
        assert False, "checked"
    except AssertionError:
        return True
    return False
