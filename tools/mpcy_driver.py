"""The driver script ./mpcython (a file without .py) as a Python module, for
the tools that reuse its build steps instead of running it."""
import importlib.machinery
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path=None, name="mpcython_driver"):
    """Loads PATH (default: this checkout's ./mpcython) afresh under NAME."""
    loader = importlib.machinery.SourceFileLoader(name, path or os.path.join(ROOT, "mpcython"))
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod
