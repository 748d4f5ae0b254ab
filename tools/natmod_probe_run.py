# Runs tools/natmod_probe.c's module on the stock MicroPython (by hand):
#   python3 -m driver.natmod tools/natmod_probe.c -o /tmp/probe \
#       --runtime mpcy_natmod,errors,moduleobject
#   ./mpcython run --stock --mount /tmp/probe -- tools/natmod_probe_run.py
# Each line says what it checks; all of it survives collections.
import gc
import natmod_probe

exc, name, moduledef, builtins = natmod_probe.made()
print("extra exception:", exc.__name__, issubclass(exc, Exception))
print("interned name:", repr(name))
print("constant type fixed at import:", moduledef.__name__)
print("builtins found:", builtins is __import__("builtins"))
for i in range(3):
    gc.collect()
    try:
        natmod_probe.raise_it()
    except Exception as e:  # SystemError: the layer's, no builtin of MicroPython
        print("raised from the indicator:", type(e).__name__, e)
    print("after a collection:", natmod_probe.made()[0].__name__, natmod_probe.made()[2].__name__)
