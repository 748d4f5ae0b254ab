# dotted module names: import pkg.mod, from pkg.mod import f, the package object
import dotted_pkg.mod

print(dotted_pkg.mod.whoami())
print(dotted_pkg.mod.__doc__)
from dotted_pkg.mod import call_builtin_import

print(call_builtin_import())
import dotted_pkg

print(dotted_pkg.mod is dotted_pkg.mod)
print(hasattr(dotted_pkg, "mod"))
