# C API modules: PyImport_ImportModule/Import/ImportModuleLevel (a missing
# module: ImportError), PyImport_AddModule, PyModule_New + Add*/GetDict/
# GetName/SetDocString, wrong types, PySys_GetObject, PyEval_GetBuiltins
import capi_modules as m
from checks import check, check_type


def check_import_error(_f, *a):
    # MP-DIFF: CPython raises the ModuleNotFoundError subclass, MicroPython
    # ImportError, with a different message: only the base class is checked
    try:
        r = _f(*a)
    except ImportError as e:
        print("  raised ImportError")
    else:
        print("  ->", repr(r))


print("import")
check(m.import_module, b"math")
check(m.import_module, b"sys")
check(m.import_module, b"capi_modules")
check_import_error(m.import_module, b"no_such_module_xyz")
check(m.import_obj, "math")
check_import_error(m.import_obj, "no_such_module_xyz")
check_type(m.import_obj, 5)
check(m.import_level, b"math", None)
check(m.import_level, b"math", ("sqrt",))
check_import_error(m.import_level, b"no_such_module_xyz", None)
check(m.import_and_use)
check(m.add_module_main)

print("module objects")
check(m.new_module, b"made_in_c")
check(m.new_module_object, "from_str")
check(m.add_null)
check(m.get_dict, m)
check_type(m.get_dict, 5)
check_type(m.get_dict, {})
check(m.get_name, m)
check(m.get_name, __import__("math"))
check(m.get_name, 5)
check(m.get_name_object, m)
check(m.get_name_object, "x")
check(m.filename_of_new)
check_type(m.filename, 5)
check(m.own_module)

print("sys")
check(m.sys_get, b"maxsize")
check(m.sys_get, b"no_such_attribute")
print(
    " ",
    type(m.sys_get(b"path")).__name__,
    type(m.sys_get(b"modules")).__name__,
    m.sys_get(b"byteorder"),
)
check(m.builtins_dict)
