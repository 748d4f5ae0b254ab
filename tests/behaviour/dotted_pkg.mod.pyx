"""A module with a dotted name: `mod` in package `dotted_pkg`."""

def whoami():
    return __name__

def call_builtin_import():
    # A Cython module importing another module by its dotted name.
    import dotted_pkg.mod as me
    return me.whoami()
